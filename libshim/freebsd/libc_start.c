/*
 * Program start as FreeBSD 14's libc does it (lib/libc/csu/libc_start1.c):
 * crt1's _start hands argc, argv, env, the runtime linker's cleanup and main
 * to __libc_start1, which sets environ and __progname, registers cleanup
 * with atexit, zeroes errno and exits with main's value.  A dynamic
 * program's initialisers have already run (the runtime linker ran them),
 * so there is no static-init step.
 *
 * environ and __progname are glibc's own variables, so getenv() and
 * friends, and glibc's messages, see what the guest sees.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libshim/freebsd/libc_shim.h"

/* Where the guest's own copies live, when it has them. */
char ***shim_guest_environ;
int shim_env_changed;
static const char **guest_progname;

void
shim_fbsd_guest_data(const char *name, void *addr)
{
	if (strcmp(name, "environ") == 0)
		shim_guest_environ = addr != (void *)&environ ? addr : NULL;
	else if (strcmp(name, "__progname") == 0)
		guest_progname = addr != (void *)&program_invocation_short_name ? addr : NULL;
}

static void
set_progname(const char *name)
{
	program_invocation_short_name = (char *)name;
	if (guest_progname)
		*guest_progname = name;
}

void
shim___libc_start1(int argc, char **argv, char **env, void (*cleanup)(void), shim_main_fn mainX)
{
	/* FreeBSD's: `if (environ == NULL) environ = env;`.  glibc's environ
	 * is never NULL (it starts as uxrun's), so what tells is whether the
	 * guest's initialisers changed it. */
	if (!shim_env_changed)
		environ = env;
	if (shim_guest_environ)
		*shim_guest_environ = environ;
	if (argc > 0 && argv[0] != NULL) {
		const char *s, *base = argv[0];

		for (s = base; *s != '\0'; s++)
			if (*s == '/')
				base = s + 1;
		program_invocation_name = argv[0];
		set_progname(base);
	}
	if (cleanup)
		shim_atexit(cleanup);
	/* C17 4.3p3: errno is zero at program start. */
	shim_errno = 0;
	exit(mainX(argc, argv, env));
}

/* FreeBSD's atexit handlers belong to no object: __cxa_finalize(NULL) and
 * exit() run them, a library's __cxa_finalize does not. */
int
shim_atexit(void (*fn)(void))
{
	if (__cxa_atexit((void (*)(void *))fn, NULL, NULL) != 0) {
		shim_errno = FBSD_ENOMEM;
		return -1;
	}
	return 0;
}

const char *
shim_getprogname(void)
{
	return guest_progname ? *guest_progname : program_invocation_short_name;
}

/* As FreeBSD's: the part after the last slash. */
void
shim_setprogname(const char *name)
{
	const char *p = strrchr(name, '/');

	set_progname(p ? p + 1 : name);
}
