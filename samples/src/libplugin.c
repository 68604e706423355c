/*
 * libplugin.so.1: a FreeBSD shared library that dyn-dlopen and dyn-unwind
 * load at run time with dlopen: an initialiser and a finaliser that show
 * when they run, a TLS variable reached through __tls_get_addr (dynamic
 * TLS: the module arrives after the threads' static blocks were laid
 * out), a versioned symbol (plugin_version exists as PLUGIN_1.0 and, the
 * default, PLUGIN_2.0), a dependency of its own (libm.so.5, which the
 * programs do not link) and a reference to a variable of the program
 * that loads it.  Built natively too, for the Linux twins.
 */
#include <math.h>
#include <stdio.h>

int plugin_add(int a, int b);
int plugin_counter(void);
double plugin_cbrt(double x);
int plugin_host(void);
int plugin_apply(int (*fn)(int), int v);
long plugin_rawpid(void);

__thread int plugin_tls = 7;
int plugin_data = 42;
/* Defined (and exported) by the program that loads the library. */
extern int plugin_host_value;

static void __attribute__((constructor))
plugin_init(void)
{
	printf("libplugin: initialiser\n");
}

static void __attribute__((destructor))
plugin_fini(void)
{
	printf("libplugin: finaliser\n");
}

int
plugin_add(int a, int b)
{
	return a + b;
}

int
plugin_counter(void)
{
	return plugin_tls++;
}

double
plugin_cbrt(double x)
{
	return cbrt(x);
}

int
plugin_host(void)
{
	return plugin_host_value;
}

/* Calls back into the program: a frame of this library sits between two
 * of the program's (dyn-unwind unwinds through it). */
int
plugin_apply(int (*fn)(int), int v)
{
	int r = fn(v);

	return r * 2 + plugin_tls;
}

int v1_plugin_version(void);
int v2_plugin_version(void);
__asm__(".symver v1_plugin_version, plugin_version@PLUGIN_1.0");
__asm__(".symver v2_plugin_version, plugin_version@@PLUGIN_2.0");

int
v1_plugin_version(void)
{
	return 1;
}

int
v2_plugin_version(void)
{
	return 2;
}

/* getpid by a raw `syscall` instruction, not through libc: uxrun must trap
 * it wherever the library runs, in a native process too (the preload
 * shim's seccomp filter over the library's code). */
long
plugin_rawpid(void)
{
#ifdef __FreeBSD__
	long r, nr = 20;	/* FreeBSD's SYS_getpid */
#else
	long r, nr = 39;	/* Linux's */
#endif
	__asm__ volatile("syscall" : "=a"(r) : "a"(nr) : "rcx", "r11", "memory");
	return r;
}
