/*
 * Non-local jumps in a dynamically linked program: setjmp/longjmp from
 * deep recursion, _setjmp/_longjmp, sigsetjmp/siglongjmp out of a signal
 * handler with the signal mask restored (and kept, for savemask 0), out of
 * a SIGSEGV handler for a bad pointer, and out of a handler that
 * interrupted a blocking read in the C library, after which the library
 * must still work.
 */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "errname.h"

static jmp_buf jb;
static sigjmp_buf sjb;
static volatile int depth_reached;

static void __attribute__((noinline))
dive(int depth)
{
	volatile char pad[64];

	pad[0] = (char)depth;
	if (depth > 10)
		return;
	if (depth == 10) {
		depth_reached = depth + pad[0] - 10;
		longjmp(jb, depth);
	}
	dive(depth + 1);
	pad[1] = 0;
}

static void
on_usr1(int sig)
{
	(void)sig;
	siglongjmp(sjb, 7);
}

static void
on_segv(int sig)
{
	siglongjmp(sjb, sig);
}

static int
blocked(int sig)
{
	sigset_t cur;

	sigprocmask(SIG_BLOCK, NULL, &cur);
	return sigismember(&cur, sig);
}

/* --- a jump out of a handler that interrupted read() ------------------------- */

static pthread_t main_thread, poker;

static void *
poke(void *arg)
{
	struct timespec ts = { 0, 100000000 };

	(void)arg;
	nanosleep(&ts, NULL);
	pthread_kill(main_thread, SIGUSR2);
	return NULL;
}

static void
on_usr2(int sig)
{
	(void)sig;
	siglongjmp(sjb, 2);
}

int
main(void)
{
	volatile int kept = 1234;
	volatile long counter = 0;
	int r;

	setvbuf(stdout, NULL, _IOLBF, 0);

	r = setjmp(jb);
	counter++;
	if (r == 0) {
		kept = 5678;
		dive(0);
	}
	printf("setjmp returned %d after the dive (depth %d), counter %ld, kept %d\n", r,
	    depth_reached, counter, kept);

	r = _setjmp(jb);
	if (r == 0)
		_longjmp(jb, 0);
	printf("_longjmp with 0 makes _setjmp return %d\n", r);

	/* Out of a handler: the mask from sigsetjmp comes back. */
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	r = sigsetjmp(sjb, 1);
	if (r == 0) {
		raise(SIGUSR1);
		printf("not reached\n");
	}
	printf("sigsetjmp(1) returned %d; SIGUSR1 blocked after: %d\n", r, blocked(SIGUSR1));
	r = sigsetjmp(sjb, 0);
	if (r == 0)
		raise(SIGUSR1);
	printf("sigsetjmp(0) returned %d; SIGUSR1 blocked after: %d\n", r, blocked(SIGUSR1));
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_UNBLOCK, &set, NULL);

	/* A bad pointer: SIGSEGV's handler jumps back. */
	sa.sa_handler = on_segv;
	sigaction(SIGSEGV, &sa, NULL);
	/* Locals changed between sigsetjmp and the jump must be volatile. */
	for (volatile int i = 0; i < 3; i++) {
		r = sigsetjmp(sjb, 1);
		if (r == 0) {
			volatile int *bad = (volatile int *)(uintptr_t)(16 + i);
			*bad = 1;
			printf("not reached\n");
		}
		printf("fault %d: back with %s, SIGSEGV blocked: %d\n", i,
		    r == SIGSEGV ? "SIGSEGV" : "something else", blocked(SIGSEGV));
	}
	signal(SIGSEGV, SIG_DFL);

	/* Out of read(): the handler interrupts the C library's own code. */
	int p[2];
	char buf[16];
	if (pipe(p) != 0)
		return 1;
	sa.sa_handler = on_usr2;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR2, &sa, NULL);
	main_thread = pthread_self();
	r = sigsetjmp(sjb, 1);
	if (r == 0) {
		pthread_create(&poker, NULL, poke, NULL);
		ssize_t n = read(p[0], buf, sizeof(buf));
		printf("read returned %zd: not expected\n", n);
	}
	pthread_join(poker, NULL);
	printf("jumped out of read with %d; SIGUSR2 blocked: %d\n", r, blocked(SIGUSR2));
	/* The library is fine afterwards: more calls, a blocking read that
	 * gets its data, a child process. */
	if (write(p[1], "still works", 11) != 11)
		perror("write");
	ssize_t n = read(p[0], buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	printf("then read %zd bytes: %s\n", n, buf);
	char *s = malloc(100);
	snprintf(s, 100, "%s and %d", "malloc", 42);
	printf("%s\n", s);
	free(s);
	errno = 0;
	r = close(12345);
	printf("close(12345): %d %s\n", r, errname(errno));
	return 0;
}
