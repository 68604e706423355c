/*
 * A dynamically linked FreeBSD program using a FreeBSD library of the
 * project's own, libdemo.so.1 (found through DT_RUNPATH: $ORIGIN/lib,
 * then the build tree): calls and data across objects (PLT, GOT, COPY),
 * a symbol version the program asks for by name, the library's TLS from
 * both sides and the program's own, a callback and a variable the
 * library takes from the program, function-pointer identity, IFUNCs in
 * both, libc's stdout and stderr copied into the program, and the order of
 * initialisers, finalisers and atexit handlers.
 */
#include <stdio.h>
#include <stdlib.h>

#include "libdemo.h"

int demo_main_value = 100;
static __thread int main_tls = 5;

/* The old version of demo_version, asked for explicitly. */
int demo_version_1_0(void);
__asm__(".symver demo_version_1_0, demo_version@DEMO_1.0");

static void __attribute__((constructor))
main_init(int argc, char **argv, char **envp)
{
	(void)argv;
	printf("dyn-demo: initialiser: libdemo initialised %d, argc %d, envp %s\n", demo_initialised,
	    argc, envp && envp[0] ? "set" : "empty");
}

static void __attribute__((destructor))
main_fini(void)
{
	printf("dyn-demo: finaliser\n");
}

static void
at_exit(void)
{
	printf("dyn-demo: atexit handler\n");
}

/* The program's own IFUNC: an IRELATIVE relocation. */
static int
local_picked_impl(void)
{
	return 8;
}

static __attribute__((used)) int (*local_pick(void))(void)
{
	return local_picked_impl;
}

static int local_picked(void) __attribute__((ifunc("local_pick")));

static int
twice(int v)
{
	return 2 * v;
}

int
main(void)
{
	atexit(at_exit);
	printf("demo_version() = %d, demo_version@DEMO_1.0 = %d\n", demo_version(), demo_version_1_0());
	printf("%s\n", demo_greeting("world"));

	int a = demo_next(), b = demo_next();
	printf("TLS: the library counted %d %d, the program sees %d", a, b, demo_tls);
	demo_tls = 40;
	int t = main_tls++;
	printf(", then %d; the program's own TLS: %d %d\n", demo_next(), t, main_tls);

	printf("callback: demo_apply(twice, 21) = %d\n", demo_apply(twice, 21));
	printf("function pointers: demo_next %s the library's own\n",
	    demo_next_ptr() == demo_next ? "is" : "is NOT");
	demo_shared += 35;
	printf("data: the program set demo_shared to %d, the library reads %d\n", demo_shared,
	    demo_read_shared());
	printf("IFUNCs: the library's picked %d, the program's %d\n", demo_picked(), local_picked());
	printf("weak: the library %s demo_optional_hook\n", demo_has_hook() ? "found" : "has no");
	/* stdout and stderr are libc data the program copies (COPY). */
	fflush(stdout);
	fputs("dyn-demo: stderr works\n", stderr);
	return 0;
}
