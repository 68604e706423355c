/* uxrun FreeBSD SDK: signal numbers and masks. sigset_t is 128 bits on FreeBSD. */
#ifndef _UXRT_SIGNAL_H
#define _UXRT_SIGNAL_H

#include <sys/types.h>

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGEMT		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGBUS		10
#define SIGSEGV		11
#define SIGSYS		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGURG		16
#define SIGSTOP		17
#define SIGTSTP		18
#define SIGCONT		19
#define SIGCHLD		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGIO		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGINFO		29
#define SIGUSR1		30
#define SIGUSR2		31
#define _UXRT_NSIG	128

#define SIG_BLOCK	1
#define SIG_UNBLOCK	2
#define SIG_SETMASK	3

typedef int sig_atomic_t;

typedef struct __sigset {
	uint32_t __bits[4];
} sigset_t;

#define SIG_DFL		((void (*)(int))0)
#define SIG_IGN		((void (*)(int))1)
#define SIG_ERR		((void (*)(int))-1)

#define SA_ONSTACK	0x0001
#define SA_RESTART	0x0002
#define SA_RESETHAND	0x0004
#define SA_NOCLDSTOP	0x0008
#define SA_NODEFER	0x0010
#define SA_NOCLDWAIT	0x0020
#define SA_SIGINFO	0x0040

#define SI_USER		0x10001
#define SI_QUEUE	0x10002
#define SI_LWP		0x10007
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2

#define SS_ONSTACK	0x0001
#define SS_DISABLE	0x0004
#define MINSIGSTKSZ	2048
#define SIGSTKSZ	(MINSIGSTKSZ + 32768)

union sigval {
	int sival_int;
	void *sival_ptr;
};

typedef struct __siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	pid_t si_pid;
	uid_t si_uid;
	int si_status;
	void *si_addr;
	union sigval si_value;
	union {
		int _trapno;
		long _band;
		char _pad[40];
	} _reason;
} siginfo_t;

struct sigaction {
	union {
		void (*__sa_handler)(int);
		void (*__sa_sigaction)(int, siginfo_t *, void *);
	} __sigaction_u;
	int sa_flags;
	sigset_t sa_mask;
};
#define sa_handler	__sigaction_u.__sa_handler
#define sa_sigaction	__sigaction_u.__sa_sigaction

typedef struct sigaltstack {
	void *ss_sp;
	size_t ss_size;
	int ss_flags;
} stack_t;

int sigaction(int sig, const struct sigaction *act, struct sigaction *oact);
void (*signal(int sig, void (*handler)(int)))(int);
int sigaltstack(const stack_t *ss, stack_t *oss);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigwait(const sigset_t *set, int *sig);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int sigprocmask(int how, const sigset_t *set, sigset_t *oset);
int kill(pid_t pid, int sig);
int raise(int sig);

/* More of libc.so.7's signal functions (dynamically linked programs). */
#define SIGTHR		32
#define SIGLIBRT	33
#define NSIG		32
#define SIGRTMIN	65
#define SIGRTMAX	126
int siginterrupt(int sig, int flag);
int killpg(pid_t pgrp, int sig);
int sigqueue(pid_t pid, int sig, const union sigval value);
struct timespec;
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout);
int sigwaitinfo(const sigset_t *set, siginfo_t *info);
void psignal(int sig, const char *s);
int pthread_sigmask(int how, const sigset_t *set, sigset_t *oset);

#endif
