/*
 * libdemo.so.1: a FreeBSD shared library of the project's own, for the
 * runtime linker's tests (dyn-demo uses it): versioned symbols
 * (demo_version exists as DEMO_1.0 and, the default, DEMO_1.1), a TLS
 * variable reached through __tls_get_addr inside the library and by
 * initial-exec from the program, data the program takes by COPY, a
 * reference back into the program, and an initialiser and finaliser
 * whose order the output shows.  Built natively too, for the Linux twin.
 */
#include <stdio.h>

#include "libdemo.h"

__thread int demo_tls = 10;
int demo_shared = 7;
int demo_initialised;

static void __attribute__((constructor))
demo_init(void)
{
	demo_initialised = 1;
	printf("libdemo: initialiser (before the program's)\n");
}

static void __attribute__((destructor))
demo_fini(void)
{
	printf("libdemo: finaliser (after the program's)\n");
}

int v1_demo_version(void);
int v2_demo_version(void);
__asm__(".symver v1_demo_version, demo_version@DEMO_1.0");
__asm__(".symver v2_demo_version, demo_version@@DEMO_1.1");

int
v1_demo_version(void)
{
	return 1;
}

int
v2_demo_version(void)
{
	return 2;
}

int
demo_next(void)
{
	return demo_tls++;
}

const char *
demo_greeting(const char *who)
{
	static char buf[64];

	snprintf(buf, sizeof(buf), "hello, %s (from libdemo)", who);
	return buf;
}

int
demo_apply(int (*fn)(int), int v)
{
	return fn(v) + demo_main_value;
}

int (*demo_next_ptr(void))(void)
{
	return demo_next;
}

int
demo_read_shared(void)
{
	return demo_shared;
}

/* A weak reference nothing defines: the runtime linker binds it to 0. */
extern int demo_optional_hook(void) __attribute__((weak));

int
demo_has_hook(void)
{
	return demo_optional_hook != 0;
}

/* An IFUNC: the runtime linker calls the resolver (with FreeBSD's or
 * glibc's arguments, which it ignores) and binds callers to its result. */
static int
demo_picked_impl(void)
{
	return 7;
}

/* used: clang 14 does not count the ifunc attribute as a use */
static __attribute__((used)) int (*demo_pick(void))(void)
{
	return demo_picked_impl;
}

int demo_picked(void) __attribute__((ifunc("demo_pick")));
