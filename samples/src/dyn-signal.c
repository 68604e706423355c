/*
 * Signals through libc in a dynamically linked program: sigaction with
 * siginfo, signal(), raise and kill, blocked signals left pending and
 * delivered when unblocked, alarm with pause, sigsuspend, sigwait and
 * sigtimedwait, SA_RESETHAND, SA_RESTART against a blocking read that a
 * signal interrupts (restarted) and without it (EINTR), sigaltstack, a
 * handler that raises another signal, SIGPIPE ignored, strsignal and
 * psignal.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "errname.h"

static volatile sig_atomic_t got_usr1, got_usr2, got_alrm, got_urg, info_ok, on_alt, nested;
static char *alt_base;
static size_t alt_size;

static void
on_usr1_info(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got_usr1++;
	info_ok = sig == SIGUSR1 && si->si_signo == SIGUSR1 && si->si_pid == getpid();
}

static void
on_usr2(int sig)
{
	(void)sig;
	got_usr2++;
}

static void
on_alrm(int sig)
{
	(void)sig;
	got_alrm++;
}

static void
on_urg(int sig)
{
	(void)sig;
	got_urg++;
}

static void
on_alt_handler(int sig)
{
	char here;

	(void)sig;
	on_alt = &here >= alt_base && &here < alt_base + alt_size;
}

static void
raises_usr2(int sig)
{
	(void)sig;
	raise(SIGUSR2);
	/* SIGUSR2 is not blocked here: its handler has run already. */
	nested = got_usr2;
}

static void
install(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL) != 0)
		printf("sigaction(%d): %s\n", sig, errname(errno));
}

/* --- a blocking read that a signal interrupts ----------------------------- */

static int rfd[2];
static pthread_t reader;

static void *
poke_then_write(void *arg)
{
	struct timespec ts = { 0, 100000000 };

	(void)arg;
	nanosleep(&ts, NULL);
	pthread_kill(reader, SIGUSR2);
	nanosleep(&ts, NULL);
	if (write(rfd[1], "data", 4) != 4)
		perror("write");
	return NULL;
}

static void
interrupted_read(int flags, const char *what)
{
	pthread_t t;
	char buf[8];
	ssize_t n;

	got_usr2 = 0;
	install(SIGUSR2, on_usr2, flags);
	if (pipe(rfd) != 0) {
		perror("pipe");
		return;
	}
	reader = pthread_self();
	pthread_create(&t, NULL, poke_then_write, NULL);
	n = read(rfd[0], buf, sizeof(buf));
	int e = errno;
	pthread_join(t, NULL);
	if (n < 0)
		printf("read %s: -1 %s, handler ran %d time(s)\n", what, errname(e), got_usr2);
	else
		printf("read %s: %zd bytes, handler ran %d time(s)\n", what, n, got_usr2);
	close(rfd[0]);
	close(rfd[1]);
}

int
main(void)
{
	struct sigaction sa, old;
	sigset_t set, pend, omask;
	int sig, r;

	setvbuf(stdout, NULL, _IOLBF, 0);

	/* sigaction with SA_SIGINFO, and what it reports back. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1_info;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR1, NULL, &old);
	printf("SA_SIGINFO kept: %d, handler kept: %d\n", (old.sa_flags & SA_SIGINFO) != 0,
	    old.sa_sigaction == on_usr1_info);
	raise(SIGUSR1);
	printf("raise(SIGUSR1): handler ran %d time(s), siginfo right: %d\n", got_usr1, info_ok);
	kill(getpid(), SIGUSR1);
	printf("kill(self, SIGUSR1): handler ran %d time(s)\n", got_usr1);

	/* signal(): the old disposition back, and SIG_ERR for a bad number. */
	void (*prev)(int) = signal(SIGUSR2, on_usr2);
	printf("signal(SIGUSR2) returned %s\n", prev == SIG_DFL ? "SIG_DFL" : "something else");
	prev = signal(SIGUSR2, on_usr2);
	printf("again: %s\n", prev == on_usr2 ? "on_usr2" : "something else");
	errno = 0;
	prev = signal(0, on_usr2);
	printf("signal(0) is SIG_ERR: %d (%s)\n", prev == SIG_ERR, errname(errno));
	errno = 0;
	prev = signal(SIGKILL, on_usr2);
	printf("signal(SIGKILL) is SIG_ERR: %d (%s)\n", prev == SIG_ERR, errname(errno));

	/* Blocked: pending until unblocked, then delivered at once. */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &omask);
	raise(SIGUSR1);
	sigpending(&pend);
	printf("blocked SIGUSR1: pending %d, ran %d time(s)\n", sigismember(&pend, SIGUSR1),
	    got_usr1);
	printf("SIGUSR2 pending: %d, SIGUSR1 in old mask: %d\n", sigismember(&pend, SIGUSR2),
	    sigismember(&omask, SIGUSR1));
	sigprocmask(SIG_SETMASK, &omask, NULL);
	printf("unblocked: ran %d time(s)\n", got_usr1);
	errno = 0;
	r = sigismember(&set, 0);
	printf("sigismember(set, 0): %d (%s)\n", r, errname(errno));

	/* alarm() and pause(). */
	install(SIGALRM, on_alrm, 0);
	alarm(1);
	r = pause();
	int e = errno;
	printf("pause: %d %s, alarm handler ran %d time(s)\n", r, errname(e), got_alrm);
	printf("alarm(0) after it fired: %u\n", alarm(0));

	/* sigsuspend: waits with SIGUSR2 let through. */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, &omask);
	got_usr2 = 0;
	kill(getpid(), SIGUSR2);
	printf("before sigsuspend: SIGUSR2 ran %d time(s)\n", got_usr2);
	sigfillset(&set);
	sigdelset(&set, SIGUSR2);
	r = sigsuspend(&set);
	e = errno;
	printf("sigsuspend: %d %s, SIGUSR2 ran %d time(s)\n", r, errname(e), got_usr2);
	sigprocmask(SIG_BLOCK, NULL, &set);
	printf("mask after sigsuspend still blocks SIGUSR2: %d\n", sigismember(&set, SIGUSR2));

	/* sigwait takes the blocked signal without a handler. */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	kill(getpid(), SIGUSR2);
	sig = 0;
	r = sigwait(&set, &sig);
	printf("sigwait: %d, got %s, handler ran %d time(s)\n", r,
	    sig == SIGUSR2 ? "SIGUSR2" : "something else", got_usr2);
	struct timespec ts = { 0, 20000000 };
	r = sigtimedwait(&set, NULL, &ts);
	e = errno;
	printf("sigtimedwait with nothing pending: %d %s\n", r, errname(e));
	sigprocmask(SIG_SETMASK, &omask, NULL);

	/* SA_RESETHAND: one delivery, then the default again. */
	install(SIGURG, on_urg, SA_RESETHAND);
	raise(SIGURG);
	raise(SIGURG);
	sigaction(SIGURG, NULL, &old);
	printf("SA_RESETHAND: handler ran %d time(s), now %s\n", got_urg,
	    old.sa_handler == SIG_DFL ? "SIG_DFL" : "still set");

	/* A handler raising another signal. */
	got_usr2 = 0;
	install(SIGUSR2, on_usr2, 0);
	install(SIGUSR1, raises_usr2, 0);
	raise(SIGUSR1);
	printf("nested: SIGUSR2 ran inside the SIGUSR1 handler: %d\n", (int)nested);

	/* sigaltstack and SA_ONSTACK. */
	stack_t ss, oss;
	alt_size = 65536;
	alt_base = malloc(alt_size);
	ss.ss_sp = alt_base;
	ss.ss_size = alt_size;
	ss.ss_flags = 0;
	printf("sigaltstack: %d\n", sigaltstack(&ss, &oss));
	printf("old stack disabled: %d\n", (oss.ss_flags & SS_DISABLE) != 0);
	install(SIGUSR1, on_alt_handler, SA_ONSTACK);
	raise(SIGUSR1);
	printf("handler ran on the alternate stack: %d\n", (int)on_alt);
	install(SIGUSR1, on_alt_handler, 0);
	raise(SIGUSR1);
	printf("without SA_ONSTACK: %d\n", (int)on_alt);

	/* A blocking read interrupted by a signal, restarted or not. */
	interrupted_read(SA_RESTART, "with SA_RESTART");
	interrupted_read(0, "without SA_RESTART");

	/* SIGPIPE ignored: the write fails with EPIPE instead. */
	int p[2];
	signal(SIGPIPE, SIG_IGN);
	if (pipe(p) == 0) {
		close(p[0]);
		r = (int)write(p[1], "x", 1);
		e = errno;
		printf("write to a closed pipe: %d %s\n", r, errname(e));
		close(p[1]);
	}

	printf("strsignal(SIGINT): %s\n", strsignal(SIGINT));
	printf("strsignal(SIGUSR1): %s\n", strsignal(SIGUSR1));
	fflush(stdout);
	psignal(SIGTERM, "psignal");
	return 0;
}
