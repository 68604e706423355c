/* Signal dispositions and waits: thin wrappers over FreeBSD's calls. */
#include <signal.h>
#include <sys/time.h>

#include "uxrt.h"

#define SYS_sigaltstack	53
#define SYS_sigsuspend	341
#define SYS_sigpending	343
#define SYS_sigaction	416
#define SYS_sigwait	429
#define SYS_setitimer	83
#define SYS_getitimer	86

int
sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
	return (int)uxrt_call(SYS_sigaction, sig, act, oact);
}

void (*signal(int sig, void (*handler)(int)))(int)
{
	struct sigaction sa, old;

	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, &old) != 0)
		return SIG_ERR;
	return old.sa_handler;
}

int
sigaltstack(const stack_t *ss, stack_t *oss)
{
	return (int)uxrt_call(SYS_sigaltstack, ss, oss);
}

int
sigpending(sigset_t *set)
{
	return (int)uxrt_call(SYS_sigpending, set);
}

int
sigsuspend(const sigset_t *mask)
{
	return (int)uxrt_call(SYS_sigsuspend, mask);
}

/* sigwait returns the error number itself. */
int
sigwait(const sigset_t *set, int *sig)
{
	return (int)uxrt_sys(SYS_sigwait, set, sig);
}

int
setitimer(int which, const struct itimerval *value, struct itimerval *ovalue)
{
	return (int)uxrt_call(SYS_setitimer, which, value, ovalue);
}

int
getitimer(int which, struct itimerval *value)
{
	return (int)uxrt_call(SYS_getitimer, which, value);
}
