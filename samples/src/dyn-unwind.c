/*
 * Unwinding across a FreeBSD program's own frames with libgcc_s.so.1's
 * unwinder (bound to the host's): a forced unwind through three frames
 * whose cleanups (__attribute__((cleanup)), landing pads reached through
 * __gcc_personality_v0) run innermost first, stopped by a stop function
 * that longjmps out once it reaches the catching frame; _Unwind_Backtrace
 * naming the program's frames it walks (by _Unwind_FindEnclosingFunction,
 * which needs each frame's FDE); and a forced unwind through a frame of a
 * dlopen'ed library (libplugin.so.1's plugin_apply), which the unwinder
 * finds only if the runtime linker told it about that library.  What
 * runs below main (crt1, libc) is not printed: it differs by system.
 *
 * Built with -fexceptions (both twins): C code gets unwind tables and
 * cleanup landing pads as C++ code does.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unwind.h>

int plugin_host_value = 9;

/* __builtin_setjmp: the compiler's own, nothing from libc. */
static void *catch_env[5];
static volatile int catch_how;
static uintptr_t catch_mark;	/* an address in the catching frame */
static struct _Unwind_Exception exc;

static void
cleanup(int *level)
{
	printf("cleanup in level %d\n", *level);
}

static _Unwind_Reason_Code
stop_fn(int version, _Unwind_Action actions, _Unwind_Exception_Class cls, struct _Unwind_Exception *e,
    struct _Unwind_Context *ctx, void *arg)
{
	(void)version; (void)cls; (void)e; (void)arg;
	/* A frame's CFA lies above everything it called: past the mark, the
	 * catching frame itself is next. */
	if ((actions & _UA_END_OF_STACK) || _Unwind_GetCFA(ctx) > catch_mark) {
		catch_how = (actions & _UA_END_OF_STACK) ? 2 : 1;
		__builtin_longjmp(catch_env, 1);
	}
	return _URC_NO_REASON;
}

static void
exc_cleanup(_Unwind_Reason_Code code, struct _Unwind_Exception *e)
{
	(void)code; (void)e;
}

static __attribute__((noinline)) int
throw_now(void)
{
	memset(&exc, 0, sizeof(exc));
	exc.exception_class = 0x5558525500000000ull;	/* "UXRU" */
	exc.exception_cleanup = exc_cleanup;
	_Unwind_Reason_Code r = _Unwind_ForcedUnwind(&exc, stop_fn, NULL);
	printf("_Unwind_ForcedUnwind returned %d\n", (int)r);
	return -1;
}

static __attribute__((noinline)) int
level3(int v)
{
	int me __attribute__((cleanup(cleanup))) = 3;
	return throw_now() + v + me;
}

static __attribute__((noinline)) int
level2(int v)
{
	int me __attribute__((cleanup(cleanup))) = 2;
	return level3(v + 1) + me;
}

static __attribute__((noinline)) int
level1(int v)
{
	int me __attribute__((cleanup(cleanup))) = 1;
	return level2(v + 1) + me;
}

/* Runs fn(v), catching a forced unwind; 1: caught, 2: the unwinder ran
 * off the stack, 0: no unwind. */
static __attribute__((noinline)) int
catcher(int (*fn)(int), int v)
{
	volatile char mark = 0;

	catch_mark = (uintptr_t)&mark;
	catch_how = 0;
	if (__builtin_setjmp(catch_env) != 0)
		return catch_how + mark;
	fn(v);
	return 0;
}

int main(void);
static __attribute__((noinline)) int trace_here(int v);
static __attribute__((noinline)) int deep_trace(int v);

static const struct {
	const char *name;
	void *fn;
} known[] = {
	{ "level1", (void *)level1 }, { "level2", (void *)level2 }, { "level3", (void *)level3 },
	{ "trace_here", (void *)trace_here }, { "deep_trace", (void *)deep_trace },
	{ "catcher", (void *)catcher }, { "main", (void *)main },
};

static _Unwind_Reason_Code
trace_fn(struct _Unwind_Context *ctx, void *arg)
{
	void *start = _Unwind_FindEnclosingFunction((void *)_Unwind_GetIP(ctx));

	(void)arg;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (start == known[i].fn) {
			printf(" %s", known[i].name);
			if (known[i].fn == (void *)main)
				return _URC_END_OF_STACK;	/* below main: the system's */
		}
	return _URC_NO_REASON;
}

static __attribute__((noinline)) int
trace_here(int v)
{
	printf("backtrace:");
	_Unwind_Backtrace(trace_fn, NULL);
	printf("\n");
	return v;
}

static __attribute__((noinline)) int
deep_trace(int v)
{
	return trace_here(v + 1) + 1;
}

static int (*plugin_apply)(int (*)(int), int);

static __attribute__((noinline)) int
callback_throws(int v)
{
	int me __attribute__((cleanup(cleanup))) = 10;
	return throw_now() + v + me;
}

/* catcher -> via_plugin -> plugin_apply (libplugin.so.1) -> callback */
static __attribute__((noinline)) int
via_plugin(int v)
{
	return plugin_apply(callback_throws, v) + 1;
}

static const char *
outcome(int r)
{
	return r == 1 ? "caught in catcher" : r == 2 ? "ran off the stack" : "not caught";
}

int
main(void)
{
	int r = catcher(level1, 0);
	printf("forced unwind: %s\n", outcome(r));
	catcher(deep_trace, 0);

	void *h = dlopen("libplugin.so.1", RTLD_NOW);
	plugin_apply = h ? (int (*)(int (*)(int), int))dlsym(h, "plugin_apply") : NULL;
	if (!plugin_apply) {
		printf("dlopen FAILED\n");
		return 1;
	}
	printf("through libplugin.so.1:\n");
	plugin_apply(deep_trace, 0);
	r = catcher(via_plugin, 0);
	printf("forced unwind through libplugin.so.1: %s\n", outcome(r));
	dlclose(h);
	return 0;
}
