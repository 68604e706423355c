/*
 * The stack protector.  FreeBSD's __stack_chk_guard is eight longs (the
 * kernel's AT_CANARY is 64 bytes); code compiled with -fstack-protector
 * reads the first.  It is filled before any guest code runs, and never
 * changes afterwards: frames already on the stack hold copies of it.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/random.h>
#include <unistd.h>

#include "libshim/freebsd/libc_shim.h"
#include "syscalls/log.h"

long shim_stack_chk_guard[8];

__attribute__((constructor)) static void
guard_setup(void)
{
	const void *at_random = (const void *)getauxval(AT_RANDOM);

	if (getrandom(shim_stack_chk_guard, sizeof(shim_stack_chk_guard), GRND_NONBLOCK) ==
	    (ssize_t)sizeof(shim_stack_chk_guard) && shim_stack_chk_guard[0] != 0)
		return;
	/* The kernel's 16 random bytes, else FreeBSD's "terminator canary". */
	if (at_random) {
		memcpy(shim_stack_chk_guard, at_random, 16);
		if (shim_stack_chk_guard[0] != 0)
			return;
	}
	memcpy(shim_stack_chk_guard, "\0\0\n\377", 4);
}

/* As FreeBSD's: say why, then die of SIGABRT without running any handler. */
static void __attribute__((noreturn))
fail(const char *msg)
{
	sigset_t mask;

	ux_logf("%s", msg);
	sigfillset(&mask);
	sigdelset(&mask, SIGABRT);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	_exit(127);
}

void
shim___stack_chk_fail(void)
{
	fail("stack overflow detected; terminated");
}

void
shim___chk_fail(void)
{
	fail("buffer overflow detected; terminated");
}
