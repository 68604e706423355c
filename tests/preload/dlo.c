/*
 * dlo: a native program that dlopens a shared library and uses it, for
 * tests/preload/run.sh, which runs it on the Linux build of
 * samples/src/libplugin.c and, with the shim preloaded, on the FreeBSD
 * build: the two outputs must be the same.
 *   dlo PLUGIN      dlopen, dlsym (functions, data, a TLS variable, the
 *                   default version), calls from a thread started after
 *                   the dlopen, a callback into this program, dladdr,
 *                   dlerror, dlclose
 *   dlo -bad LIB    dlopen must fail; prints dlerror() and goes on
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The plugin reads it: an undefined symbol it must find in this program. */
__attribute__((visibility("default"))) int plugin_host_value = 1234;

static void *lib;

static void *
need(const char *name)
{
	void *p = dlsym(lib, name);

	if (!p) {
		printf("dlsym %s: %s\n", name, dlerror());
		exit(1);
	}
	return p;
}

static int
plus_one(int x)
{
	return x + 1;
}

static void *
thread_main(void *arg)
{
	int (*counter)(void) = need("plugin_counter");
	int (*apply)(int (*)(int), int) = need("plugin_apply");
	int *tls = need("plugin_tls");
	long (*rawpid)(void) = need("plugin_rawpid");

	(void)arg;
	printf("thread: plugin_tls %d, counter %d, ", *tls, counter());
	printf("apply %d, plugin_tls %d\n", apply(plus_one, 5), *tls);
	/* This thread started after the dlopen: its first trapped call. */
	printf("thread: raw getpid is the pid: %s\n", rawpid() == getpid() ? "yes" : "no");
	return NULL;
}

int
main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 3 && strcmp(argv[1], "-bad") == 0) {
		lib = dlopen(argv[2], RTLD_LAZY);
		const char *e = dlerror();
		printf("dlopen: %s\n", lib ? "loaded (unexpected)" : "failed");
		printf("dlerror: %s\n", e ? e : "(none)");
		e = dlerror();
		printf("dlerror again: %s\n", e ? e : "(none)");
		void *m = dlopen("libm.so.6", RTLD_NOW);
		printf("a native dlopen after it: %s\n", m && dlsym(m, "cbrt") ? "ok" : dlerror());
		return lib != NULL;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: dlo PLUGIN | dlo -bad LIB\n");
		return 2;
	}
	if (!(lib = dlopen(argv[1], RTLD_LAZY))) {
		printf("dlopen: %s\n", dlerror());
		return 1;
	}
	int (*add)(int, int) = need("plugin_add");
	double (*cbrt_)(double) = need("plugin_cbrt");
	int (*host)(void) = need("plugin_host");
	int (*version)(void) = need("plugin_version");
	int (*counter)(void) = need("plugin_counter");
	int *data = need("plugin_data");
	printf("add %d, cbrt %.3f, host %d, version %d, data %d\n", add(2, 3), cbrt_(27.0), host(),
	    version(), *data);
	printf("main: counter %d, counter %d\n", counter(), counter());
	long (*rawpid)(void) = need("plugin_rawpid");
	printf("main: raw getpid is the pid: %s\n", rawpid() == getpid() ? "yes" : "no");
	pthread_t t;
	if (pthread_create(&t, NULL, thread_main, NULL) != 0 || pthread_join(t, NULL) != 0)
		return 1;
	printf("main: counter %d\n", counter());

	void *none = dlsym(lib, "plugin_nowhere");
	const char *e = dlerror();
	/* Before the next dlerror(), which frees e. */
	int named = e && strstr(e, "plugin_nowhere");
	printf("dlsym plugin_nowhere: %s, dlerror names it: %s, ", none ? "found" : "NULL", named ? "yes" : "no");
	printf("then: %s\n", dlerror() ? "set" : "(none)");
	Dl_info info;
	if (dladdr((void *)add, &info) && info.dli_fname) {
		const char *b = strrchr(info.dli_fname, '/');
		printf("dladdr: %s in %s, at its start: %s\n", info.dli_sname ? info.dli_sname : "?",
		    b ? b + 1 : info.dli_fname, info.dli_saddr == (void *)add ? "yes" : "no");
	} else {
		printf("dladdr: nothing\n");
	}
	printf("dlclose: %d\n", dlclose(lib));
	printf("done\n");
	return 0;
}
