/* Process identity, signals and resources. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/resource.h>
#include "uxrt.h"

pid_t
getpid(void)
{
	return (pid_t)uxrt_sys(SYS_getpid);
}

pid_t
getppid(void)
{
	return (pid_t)uxrt_sys(SYS_getppid);
}

uid_t
getuid(void)
{
	return (uid_t)uxrt_sys(SYS_getuid);
}

uid_t
geteuid(void)
{
	return (uid_t)uxrt_sys(SYS_geteuid);
}

gid_t
getgid(void)
{
	return (gid_t)uxrt_sys(SYS_getgid);
}

gid_t
getegid(void)
{
	return (gid_t)uxrt_sys(SYS_getegid);
}

int
issetugid(void)
{
	return (int)uxrt_sys(SYS_issetugid);
}

int
getpagesize(void)
{
	long sz = __uxrt_getauxval(UXRT_AT_PAGESZ);

	return sz > 0 ? (int)sz : 4096;
}

int
kill(pid_t pid, int sig)
{
	return (int)uxrt_call(SYS_kill, pid, sig);
}

int
raise(int sig)
{
	return kill(getpid(), sig);
}

int
sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
	return (int)uxrt_call(SYS_sigprocmask, how, set, oset);
}

int
sigemptyset(sigset_t *set)
{
	set->__bits[0] = set->__bits[1] = set->__bits[2] = set->__bits[3] = 0;
	return 0;
}

int
sigfillset(sigset_t *set)
{
	set->__bits[0] = set->__bits[1] = set->__bits[2] = set->__bits[3] = ~0U;
	return 0;
}

static int
sig_bad(int sig)
{
	if (sig <= 0 || sig > _UXRT_NSIG) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

int
sigaddset(sigset_t *set, int sig)
{
	if (sig_bad(sig))
		return -1;
	set->__bits[(sig - 1) / 32] |= 1U << ((sig - 1) % 32);
	return 0;
}

int
sigdelset(sigset_t *set, int sig)
{
	if (sig_bad(sig))
		return -1;
	set->__bits[(sig - 1) / 32] &= ~(1U << ((sig - 1) % 32));
	return 0;
}

int
sigismember(const sigset_t *set, int sig)
{
	if (sig_bad(sig))
		return -1;
	return (set->__bits[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1;
}

int
getrlimit(int resource, struct rlimit *rl)
{
	return (int)uxrt_call(SYS_getrlimit, resource, rl);
}

int
setrlimit(int resource, const struct rlimit *rl)
{
	return (int)uxrt_call(SYS_setrlimit, resource, rl);
}

int
getrusage(int who, struct rusage *ru)
{
	return (int)uxrt_call(SYS_getrusage, who, ru);
}

_Noreturn void
_exit(int status)
{
	for (;;)
		uxrt_sys(SYS_exit, status);
}
