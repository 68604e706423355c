/*
 * Signal dispositions and delivery: handlers with and without SA_SIGINFO,
 * masks while a handler runs, blocking and pending, sigsuspend, sigwait,
 * sigaltstack, SA_RESETHAND, SIG_IGN, a handler that edits nothing and one
 * that recovers from a fault by skipping the faulting instruction.
 */
#ifndef __FreeBSD__
#define _GNU_SOURCE 1
#endif
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/time.h>
#ifndef __FreeBSD__
#include <ucontext.h>
#endif

static volatile sig_atomic_t hits, last_sig, last_code_user, blocked_inside, on_altstack;
static char altstack[65536];

static void
plain(int sig)
{
	sigset_t cur;

	hits++;
	last_sig = sig;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	blocked_inside = sigismember(&cur, sig) + 2 * sigismember(&cur, SIGUSR2);
}

static void
with_info(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	hits++;
	last_sig = sig;
	last_code_user = si->si_code == SI_USER && si->si_pid == getpid();
	on_altstack = (char *)&sig >= altstack && (char *)&sig < altstack + sizeof(altstack);
}

/* Skips the 2-byte faulting load `mov (%rax),%eax` (8b 00). */
static void
on_segv(int sig, siginfo_t *si, void *ucv)
{
#ifdef __FreeBSD__
	/* FreeBSD's mcontext: mc_rip at byte 160 of uc_mcontext (16 into the
	 * ucontext); written through offsets to stay within this SDK. */
	unsigned long *rip = (unsigned long *)((char *)ucv + 16 + 160);
#else
	unsigned long *rip = (unsigned long *)&((ucontext_t *)ucv)->uc_mcontext.gregs[REG_RIP];
#endif
	hits++;
	last_sig = sig;
	last_code_user = si->si_addr == (void *)8 && si->si_code == SEGV_MAPERR;
	*rip += 2;
}

static int wake_fd = -1;

/* Makes the interrupted read() find a byte once it is restarted. */
static void
on_alarm(int sig)
{
	(void)sig;
	hits++;
	write(wake_fd, "x", 1);
}

static int
have_avx(void)
{
	unsigned a, b, c, d, lo, hi;

	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
	if (!(c & (1u << 27)) || !(c & (1u << 28)))	/* OSXSAVE, AVX */
		return 0;
	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return (lo & 6) == 6;
}

/* Wrecks every vector register the interrupted code might hold. */
static void
on_tick(int sig)
{
	(void)sig;
	hits++;
	__asm__ volatile("vpcmpeqd %%ymm8, %%ymm8, %%ymm8\n\tvpcmpeqd %%ymm0, %%ymm0, %%ymm0"
	    ::: "xmm0", "xmm8");
}

/* Holds a 256-bit pattern in ymm8 while signals come and go; returns how
 * many rounds lost it. */
static int
vector_state_survives(void)
{
	static const unsigned pat[8] = { 1, 2, 3, 4, 0x55555555, 0xaaaaaaaa, 7, 8 };
	unsigned out[8];
	struct sigaction sa;
	struct itimerval it;
	int bad = 0, rounds = 0;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_tick;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	memset(&it, 0, sizeof(it));
	it.it_value.tv_usec = 1000;
	it.it_interval.tv_usec = 1000;
	hits = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	while (hits < 20 && rounds < 100000) {
		__asm__ volatile(
		    "vmovdqu %1, %%ymm8\n\t"
		    "mov $20000, %%ecx\n"
		    "1:\tpause\n\tdec %%ecx\n\tjnz 1b\n\t"
		    "vmovdqu %%ymm8, %0\n\t"
		    "vzeroupper"
		    : "=m"(out) : "m"(pat) : "ecx", "xmm8", "memory");
		bad += memcmp(out, pat, sizeof(pat)) != 0;
		rounds++;
	}
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
	return hits >= 20 ? bad : -1;
}

static void
on_sys(int sig)
{
	hits++;
	last_sig = sig;
}

/* A read on an empty pipe, interrupted by SIGALRM after 50 ms. */
static long
interrupted_read(int restart, int *err)
{
	struct sigaction sa;
	struct itimerval it;
	int fds[2];
	char b;
	long n;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = restart ? SA_RESTART : 0;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	if (pipe(fds) != 0)
		return -2;
	wake_fd = fds[1];
	memset(&it, 0, sizeof(it));
	it.it_value.tv_usec = 50000;
	setitimer(ITIMER_REAL, &it, NULL);
	n = read(fds[0], &b, 1);
	*err = n < 0 ? errno : 0;
	close(fds[0]);
	close(fds[1]);
	return n;
}

static void
report(const char *what, int ok)
{
	printf("%-52s %s\n", what, ok ? "ok" : "FAILED");
}

int
main(void)
{
	struct sigaction sa, old;
	sigset_t set, pend;
	stack_t ss;
	int sig;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = plain;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	report("sigaction installs a handler", sigaction(SIGUSR1, &sa, NULL) == 0);
	hits = 0;
	kill(getpid(), SIGUSR1);
	report("kill to self runs the handler once", hits == 1 && last_sig == SIGUSR1);
	report("the signal and sa_mask are blocked inside", blocked_inside == 3);
	sigprocmask(SIG_BLOCK, NULL, &set);
	report("the mask is restored after the handler", !sigismember(&set, SIGUSR1) && !sigismember(&set, SIGUSR2));
	report("sigaction reports the old action",
	    sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == plain && sigismember(&old.sa_mask, SIGUSR2));

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	hits = 0;
	raise(SIGUSR1);
	sigpending(&pend);
	report("a blocked signal stays pending", hits == 0 && sigismember(&pend, SIGUSR1));
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	report("unblocking delivers it", hits == 1);

	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	sigemptyset(&pend);
	hits = 0;
	report("sigsuspend returns -1 after the handler", sigsuspend(&pend) == -1 && hits == 1);
	sigprocmask(SIG_BLOCK, NULL, &pend);
	report("sigsuspend restores the mask", sigismember(&pend, SIGUSR1));

	raise(SIGUSR1);
	hits = 0;
	report("sigwait takes a pending signal", sigwait(&set, &sig) == 0 && sig == SIGUSR1 && hits == 0);
	sigprocmask(SIG_UNBLOCK, &set, NULL);

	ss.ss_sp = altstack;
	ss.ss_size = sizeof(altstack);
	ss.ss_flags = 0;
	report("sigaltstack", sigaltstack(&ss, NULL) == 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = with_info;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR2, &sa, NULL);
	hits = 0;
	kill(getpid(), SIGUSR2);
	report("SA_SIGINFO handler gets si_code SI_USER and the pid", hits == 1 && last_code_user);
	report("SA_ONSTACK runs it on the alternate stack", on_altstack);
	sigaction(SIGUSR2, NULL, &old);
	report("SA_RESETHAND resets to SIG_DFL", old.sa_handler == SIG_DFL);

	signal(SIGUSR1, SIG_IGN);
	hits = 0;
	raise(SIGUSR1);
	report("an ignored signal does nothing", hits == 0);

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	hits = 0;
	int v = 0;
	__asm__ volatile("mov $8, %%rax\n\tmovl (%%rax), %%eax\n\tmovl %%eax, %0" : "=r"(v) : : "rax", "memory");
	report("a fault reaches the handler with si_addr", hits == 1 && last_sig == SIGSEGV && last_code_user);
	report("the handler's edit of the context is honoured", hits == 1);

	int err;
	/* Twice: uxrun rewrites a call site that keeps trapping into a direct
	 * call, and the second round runs through that. */
	for (int round = 0; round < 2; round++) {
		hits = 0;
		report(round ? "SA_RESTART: an interrupted read restarts (again)" :
		    "SA_RESTART: an interrupted read restarts", interrupted_read(1, &err) == 1 && hits == 1);
		hits = 0;
		report(round ? "without SA_RESTART it fails with EINTR (again)" :
		    "without SA_RESTART it fails with EINTR",
		    interrupted_read(0, &err) == -1 && err == EINTR && hits == 1);
	}

	if (have_avx())
		report("AVX registers survive signal delivery", vector_state_survives() == 0);
	else
		report("AVX registers survive signal delivery", 1);

	/* The guest's own SIGSYS is a signal like any other. */
	hits = 0;
	signal(SIGSYS, on_sys);
	raise(SIGSYS);
	report("a handled SIGSYS reaches its handler", hits == 1 && last_sig == SIGSYS);

	signal(SIGTERM, SIG_DFL);
	fflush(stdout);
	raise(SIGTERM);
	printf("not reached\n");
	return 0;
}
