/*
 * libuxnative.so: preloaded by `uxrun --native` (loader/native.c) into a
 * dynamically linked native program it runs under an inherited seccomp
 * filter.
 *
 * There, uxrun's SIGSYS handler makes the calls the filter traps from the
 * program's own code (syscalls/trap_native.c), and it sees the program's
 * sigaction and sigprocmask calls only when they come from that code.  A
 * program that sets its handlers through libc (Go with cgo does:
 * x_cgo_sigaction) makes them from libc's code, which no filter traps, so
 * without this library it would take SIGSYS over, or block it, and die of
 * its next trapped call.  These wrappers keep SIGSYS uxrun's and never
 * blocked, and show the program the SIGSYS disposition it set.  Programs
 * started from it inherit the library with LD_PRELOAD; outside --native it
 * changes nothing but that SIGSYS is never taken or blocked, except in an
 * uxrun, which needs SIGSYS for itself and turns it off (uxnative_off).
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))

/* What the program asked for SIGSYS: what it reads back. */
static struct sigaction prog_sigsys;
static int off;

/* From uxrun's main(): its own SIGSYS must reach the kernel. */
EXPORT void uxnative_off(void);
EXPORT void
uxnative_off(void)
{
	off = 1;
}

static int (*real_sigaction)(int, const struct sigaction *, struct sigaction *);
static int (*real_sigprocmask)(int, const sigset_t *, sigset_t *);
static int (*real_pthread_sigmask)(int, const sigset_t *, sigset_t *);

static void *
next(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

EXPORT int
sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct sigaction a;

	if (!real_sigaction && !(*(void **)&real_sigaction = next("sigaction"))) {
		errno = ENOSYS;
		return -1;
	}
	if (off)
		return real_sigaction(sig, act, old);
	if (sig == SIGSYS) {
		if (old)
			*old = prog_sigsys;
		if (act)
			prog_sigsys = *act;
		return 0;
	}
	if (act) {
		/* A handler that runs with SIGSYS blocked and makes a trapped
		 * call would be killed. */
		a = *act;
		sigdelset(&a.sa_mask, SIGSYS);
		act = &a;
	}
	return real_sigaction(sig, act, old);
}

EXPORT __sighandler_t
signal(int sig, __sighandler_t handler)
{
	struct sigaction a, old;

	/* glibc's signal(): BSD semantics. */
	memset(&a, 0, sizeof(a));
	a.sa_handler = handler;
	a.sa_flags = SA_RESTART;
	sigemptyset(&a.sa_mask);
	sigaddset(&a.sa_mask, sig);
	if (sigaction(sig, &a, &old) != 0)
		return SIG_ERR;
	return old.sa_handler;
}

static const sigset_t *
without_sigsys(int how, const sigset_t *set, sigset_t *copy)
{
	if (!set || how == SIG_UNBLOCK)
		return set;
	*copy = *set;
	sigdelset(copy, SIGSYS);
	return copy;
}

EXPORT int
sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	sigset_t c;

	if (!real_sigprocmask && !(*(void **)&real_sigprocmask = next("sigprocmask"))) {
		errno = ENOSYS;
		return -1;
	}
	return real_sigprocmask(how, off ? set : without_sigsys(how, set, &c), old);
}

EXPORT int
pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
	sigset_t c;

	if (!real_pthread_sigmask && !(*(void **)&real_pthread_sigmask = next("pthread_sigmask")))
		return ENOSYS;
	return real_pthread_sigmask(how, off ? set : without_sigsys(how, set, &c), old);
}
