/*
 * Threads: POSIX threads, plain and priority-inheritance mutexes,
 * condition variables, reader/writer locks and semaphores, arranged so
 * that what is printed does not depend on scheduling.  Only the initial
 * thread prints.  The FreeBSD build runs on the SDK's pthreads, that is on
 * uxrun's thr_new and _umtx_op.
 *
 *   threads             every part below
 *   threads main-exit   the initial thread leaves with pthread_exit; the
 *                       last thread to end ends the process
 *   threads --bsd-only  FreeBSD build only, for tests/cli: FreeBSD's own
 *                       answers from thr_*, _umtx_op, cpuset and sched_*
 */
#define _GNU_SOURCE	/* glibc: CPU_COUNT, sched_getaffinity */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#ifdef __FreeBSD__
#include <sys/cpuset.h>
#include <sys/thr.h>
#include <sys/umtx.h>
#endif

#include "errname.h"

#define NWORKERS	4
#define NINCR		20000

static void
check(int r, const char *what)
{
	if (r != 0) {
		printf("%s: %s\n", what, errname(r));
		exit(1);
	}
}

/* --- mutex-protected counters ------------------------------------------------ */

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t pi_lock;
static long counter, pi_counter;

static void *
add_plain(void *arg)
{
	(void)arg;
	for (int i = 0; i < NINCR; i++) {
		check(pthread_mutex_lock(&count_lock), "lock");
		counter++;
		/* Give the others a chance to find it taken. */
		if (i % 1000 == 0)
			sched_yield();
		check(pthread_mutex_unlock(&count_lock), "unlock");
	}
	return NULL;
}

static void *
add_pi(void *arg)
{
	(void)arg;
	for (int i = 0; i < NINCR; i++) {
		check(pthread_mutex_lock(&pi_lock), "PI lock");
		pi_counter++;
		if (i % 1000 == 0)
			sched_yield();
		check(pthread_mutex_unlock(&pi_lock), "PI unlock");
	}
	return NULL;
}

static void
counters(void)
{
	pthread_mutexattr_t a;
	pthread_t t[2 * NWORKERS];

	check(pthread_mutexattr_init(&a), "mutexattr_init");
	check(pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT), "setprotocol");
	check(pthread_mutex_init(&pi_lock, &a), "mutex_init");
	pthread_mutexattr_destroy(&a);
	for (int i = 0; i < NWORKERS; i++) {
		check(pthread_create(&t[2 * i], NULL, add_plain, NULL), "create");
		check(pthread_create(&t[2 * i + 1], NULL, add_pi, NULL), "create");
	}
	for (int i = 0; i < 2 * NWORKERS; i++)
		check(pthread_join(t[i], NULL), "join");
	printf("plain mutex: %d threads x %d = %ld\n", NWORKERS, NINCR, counter);
	printf("priority-inheritance mutex: %d threads x %d = %ld\n", NWORKERS, NINCR, pi_counter);
	check(pthread_mutex_destroy(&pi_lock), "mutex_destroy");
}

/* --- return values, pthread_exit, pthread_self --------------------------------- */

static pthread_t seen_self[6];

static void *
square(void *arg)
{
	long n = (long)arg;

	seen_self[n] = pthread_self();
	if (n == 5)
		pthread_exit((void *)(n * n));
	return (void *)(n * n);
}

static void
join_values(void)
{
	pthread_t t[6];
	long sum = 0;
	int same = 0, not_main = 0;

	for (long i = 0; i < 6; i++)
		check(pthread_create(&t[i], NULL, square, (void *)i), "create");
	for (int i = 0; i < 6; i++) {
		void *v;
		check(pthread_join(t[i], &v), "join");
		sum += (long)v;
		same += pthread_equal(t[i], seen_self[i]) != 0;
		not_main += pthread_equal(pthread_self(), seen_self[i]) == 0;
	}
	printf("join values: sum of squares 0..5 = %ld (one by pthread_exit)\n", sum);
	printf("pthread_self matches pthread_create: %d of 6; differs from main: %d of 6\n",
	    same, not_main);
}

/* --- a bounded buffer -------------------------------------------------------------- */

#define RING		4
#define ITEMS		500
static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static int ring[RING], ring_head, ring_len, producers_left;

static void *
producer(void *arg)
{
	(void)arg;
	for (int v = 1; v <= ITEMS; v++) {
		pthread_mutex_lock(&ring_lock);
		while (ring_len == RING)
			pthread_cond_wait(&not_full, &ring_lock);
		ring[(ring_head + ring_len++) % RING] = v;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&ring_lock);
	}
	pthread_mutex_lock(&ring_lock);
	producers_left--;
	pthread_cond_broadcast(&not_empty);
	pthread_mutex_unlock(&ring_lock);
	return NULL;
}

static void *
consumer(void *arg)
{
	long sum = 0, n = 0;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&ring_lock);
		while (ring_len == 0 && producers_left > 0)
			pthread_cond_wait(&not_empty, &ring_lock);
		if (ring_len == 0) {
			pthread_mutex_unlock(&ring_lock);
			break;
		}
		sum += ring[ring_head];
		ring_head = (ring_head + 1) % RING;
		ring_len--;
		n++;
		pthread_cond_signal(&not_full);
		pthread_mutex_unlock(&ring_lock);
	}
	return (void *)(sum * 10000 + n);
}

static void
bounded_buffer(void)
{
	pthread_t p[2], c[3];
	long sum = 0, n = 0;

	producers_left = 2;
	for (int i = 0; i < 3; i++)
		check(pthread_create(&c[i], NULL, consumer, NULL), "create");
	for (int i = 0; i < 2; i++)
		check(pthread_create(&p[i], NULL, producer, NULL), "create");
	for (int i = 0; i < 2; i++)
		check(pthread_join(p[i], NULL), "join");
	for (int i = 0; i < 3; i++) {
		void *v;
		check(pthread_join(c[i], &v), "join");
		sum += (long)v / 10000;
		n += (long)v % 10000;
	}
	printf("bounded buffer: 2 producers x %d items, 3 consumers: %ld items, sum %ld\n",
	    ITEMS, n, sum);
}

/* --- strict alternation ---------------------------------------------------------------- */

static pthread_mutex_t turn_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn_cv = PTHREAD_COND_INITIALIZER;
static int turn;
static char played[64];
static int nplayed;

static void *
player(void *arg)
{
	int me = (int)(long)arg;

	for (int round = 0; round < 10; round++) {
		pthread_mutex_lock(&turn_lock);
		while (turn != me)
			pthread_cond_wait(&turn_cv, &turn_lock);
		played[nplayed++] = (char)('A' + me);
		turn = (turn + 1) % 3;
		pthread_cond_broadcast(&turn_cv);
		pthread_mutex_unlock(&turn_lock);
	}
	return NULL;
}

static void
alternation(void)
{
	pthread_t t[3];

	for (long i = 2; i >= 0; i--)
		check(pthread_create(&t[i], NULL, player, (void *)i), "create");
	for (int i = 0; i < 3; i++)
		check(pthread_join(t[i], NULL), "join");
	printf("three players taking turns: %s\n", played);
}

/* --- reader/writer lock ------------------------------------------------------------------- */

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long pair_a, pair_b;

static void *
rw_writer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 5000; i++) {
		check(pthread_rwlock_wrlock(&rw), "wrlock");
		pair_a++;
		if (i % 500 == 0)
			sched_yield();
		pair_b++;
		check(pthread_rwlock_unlock(&rw), "unlock");
	}
	return NULL;
}

static void *
rw_reader(void *arg)
{
	long torn = 0;

	(void)arg;
	for (int i = 0; i < 5000; i++) {
		check(pthread_rwlock_rdlock(&rw), "rdlock");
		torn += pair_a != pair_b;
		if (i % 500 == 0)
			sched_yield();
		torn += pair_a != pair_b;
		check(pthread_rwlock_unlock(&rw), "unlock");
	}
	return (void *)torn;
}

static void
rwlock(void)
{
	pthread_t w[2], r[3];
	long torn = 0;

	for (int i = 0; i < 3; i++)
		check(pthread_create(&r[i], NULL, rw_reader, NULL), "create");
	for (int i = 0; i < 2; i++)
		check(pthread_create(&w[i], NULL, rw_writer, NULL), "create");
	for (int i = 0; i < 2; i++)
		check(pthread_join(w[i], NULL), "join");
	for (int i = 0; i < 3; i++) {
		void *v;
		check(pthread_join(r[i], &v), "join");
		torn += (long)v;
	}
	printf("rwlock: 2 writers x 5000, 3 readers x 5000: a=%ld b=%ld, torn reads %ld\n",
	    pair_a, pair_b, torn);
	check(pthread_rwlock_destroy(&rw), "rwlock_destroy");
}

/* --- semaphores, try and timed operations --------------------------------------------------- */

static sem_t sem;

static void *
poster(void *arg)
{
	(void)arg;
	for (int i = 0; i < 1000; i++) {
		sem_post(&sem);
		if (i % 100 == 0)
			sched_yield();
	}
	return NULL;
}

static pthread_mutex_t held = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t held_pi;

static void *
try_held(void *arg)
{
	(void)arg;
	return (void *)(long)(pthread_mutex_trylock(&held) * 1000 + pthread_mutex_trylock(&held_pi));
}

static void
semaphores_and_timeouts(void)
{
	pthread_t t;
	struct timespec past;
	pthread_mutexattr_t a;
	int v, got = 0;
	void *r;

	check(sem_init(&sem, 0, 0), "sem_init");
	check(pthread_create(&t, NULL, poster, NULL), "create");
	for (int i = 0; i < 1000; i++)
		got += sem_wait(&sem) == 0;
	check(pthread_join(t, NULL), "join");
	sem_getvalue(&sem, &v);
	printf("semaphore: 1000 posts, %d waits returned, value now %d\n", got, v);
	/* (Arguments are evaluated in no fixed order: call first.) */
	errno = 0;
	v = sem_trywait(&sem);
	printf("sem_trywait on 0: %d %s\n", v, errname(errno));
	clock_gettime(CLOCK_REALTIME, &past);
	past.tv_sec -= 1;
	errno = 0;
	v = sem_timedwait(&sem, &past);
	printf("sem_timedwait in the past: %d %s\n", v, errname(errno));
	sem_post(&sem);
	printf("sem_timedwait with a post: %d\n", sem_timedwait(&sem, &past));
	sem_destroy(&sem);

	pthread_mutex_lock(&ring_lock);
	printf("cond_timedwait in the past: %s\n",
	    errname(pthread_cond_timedwait(&not_empty, &ring_lock, &past)));
	pthread_mutex_unlock(&ring_lock);

	pthread_mutexattr_init(&a);
	pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT);
	pthread_mutex_init(&held_pi, &a);
	pthread_mutex_lock(&held);
	pthread_mutex_lock(&held_pi);
	check(pthread_create(&t, NULL, try_held, NULL), "create");
	check(pthread_join(t, &r), "join");
	printf("trylock of held mutexes from another thread: %s, %s\n",
	    errname((int)((long)r / 1000)), errname((int)((long)r % 1000)));
	pthread_mutex_unlock(&held_pi);
	pthread_mutex_unlock(&held);
}

/* --- scheduling ---------------------------------------------------------------------------- */

static void
scheduling(void)
{
	cpu_set_t set;
	struct sched_param sp;

	printf("sched_yield: %d\n", sched_yield());
	printf("sched_getscheduler(0) is SCHED_OTHER: %s\n",
	    sched_getscheduler(0) == SCHED_OTHER ? "yes" : "no");
	printf("SCHED_FIFO priorities: max above min: %s\n",
	    sched_get_priority_max(SCHED_FIFO) > sched_get_priority_min(SCHED_FIFO) ? "yes" : "no");
	errno = 0;
	int r = sched_get_priority_max(-5);
	printf("sched_get_priority_max(-5): %d %s\n", r, errname(errno));
	printf("sched_getparam(0): %d\n", sched_getparam(0, &sp));
	CPU_ZERO(&set);
	printf("sched_getaffinity: %d\n", sched_getaffinity(0, sizeof(set), &set));
	printf("CPUs in the affinity mask: %d\n", CPU_COUNT(&set));
	printf("sched_setaffinity to the same mask: %d\n", sched_setaffinity(0, sizeof(set), &set));
}

/* --- a signal handler (SA_RESTART) runs during a condition wait ----------------------------- */

static pthread_mutex_t sig_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sig_cv = PTHREAD_COND_INITIALIZER;
static int sig_waiting, sig_release;
static volatile sig_atomic_t sig_caught;

static void
on_usr1(int sig)
{
	(void)sig;
	sig_caught = 1;
}

static void *
sig_waiter(void *arg)
{
	long bad = 0;

	(void)arg;
	pthread_mutex_lock(&sig_lock);
	sig_waiting = 1;
	while (!sig_release) {
		int r = pthread_cond_wait(&sig_cv, &sig_lock);
		bad += r != 0;
	}
	pthread_mutex_unlock(&sig_lock);
	return (void *)bad;
}

static void
signal_in_cond_wait(void)
{
	struct sigaction sa;
	pthread_t t;
	int ready = 0;
	void *bad;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	check(pthread_create(&t, NULL, sig_waiter, NULL), "create");
	/* Once the mutex is ours and the flag set, the waiter is inside
	 * pthread_cond_wait (which released the mutex for it). */
	while (!ready) {
		pthread_mutex_lock(&sig_lock);
		ready = sig_waiting;
		pthread_mutex_unlock(&sig_lock);
		if (!ready)
			sched_yield();
	}
	check(pthread_kill(t, SIGUSR1), "pthread_kill");
	while (!sig_caught)
		sched_yield();
	pthread_mutex_lock(&sig_lock);
	sig_release = 1;
	pthread_cond_signal(&sig_cv);
	pthread_mutex_unlock(&sig_lock);
	check(pthread_join(t, &bad), "join");
	printf("SA_RESTART handler during pthread_cond_wait: ran, failed waits %ld, released\n",
	    (long)bad);
}

/* --- fork with a thread asleep on a condition ----------------------------------------------- */

static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cv = PTHREAD_COND_INITIALIZER;
static int gate_open;

static void *
gate_waiter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&gate_lock);
	while (!gate_open)
		pthread_cond_wait(&gate_cv, &gate_lock);
	pthread_mutex_unlock(&gate_lock);
	return (void *)42L;
}

static void
fork_with_threads(void)
{
	pthread_t w, t[2];
	void *v;
	pid_t pid;
	int st;

	check(pthread_create(&w, NULL, gate_waiter, NULL), "create");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* The child has one thread; it can make more. */
		counter = 0;
		for (int i = 0; i < 2; i++)
			check(pthread_create(&t[i], NULL, add_plain, NULL), "create");
		for (int i = 0; i < 2; i++)
			check(pthread_join(t[i], NULL), "join");
		printf("fork child: 2 threads x %d = %ld\n", NINCR, counter);
		fflush(stdout);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid) {
		printf("fork: failed\n");
		exit(1);
	}
	printf("fork child exit status: %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	pthread_mutex_lock(&gate_lock);
	gate_open = 1;
	pthread_cond_broadcast(&gate_cv);
	pthread_mutex_unlock(&gate_lock);
	check(pthread_join(w, &v), "join");
	printf("thread asleep across the fork: released, returned %ld\n", (long)v);
}

/* --- the initial thread leaves first ------------------------------------------------------- */

static pthread_t initial;

static void *
outlive(void *arg)
{
	(void)arg;
	/* Joining the initial thread waits for its pthread_exit. */
	check(pthread_join(initial, NULL), "join of the initial thread");
	printf("worker: the initial thread has exited; the process ends with me\n");
	fflush(stdout);
	return NULL;
}

static int
main_exit(void)
{
	pthread_t t;

	initial = pthread_self();
	printf("initial thread: leaving with pthread_exit\n");
	fflush(stdout);
	check(pthread_create(&t, NULL, outlive, NULL), "create");
	pthread_exit(NULL);
}

#ifdef __FreeBSD__
/* --- FreeBSD's own answers (tests/cli) ---------------------------------------------------- */

static const char *
res(int r)
{
	return r == 0 ? "0" : errname(errno);
}

static volatile unsigned wait_word;

static void *
waker(void *arg)
{
	(void)arg;
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	nanosleep(&ts, NULL);
	__atomic_store_n(&wait_word, 1, __ATOMIC_RELEASE);
	_umtx_op((void *)&wait_word, UMTX_OP_WAKE_PRIVATE, 1, NULL, NULL);
	return NULL;
}

static int
bsd_only(void)
{
	long id, big = 1L << 32;
	struct thr_param p;
	struct timespec zero = { 0, 0 }, short_ts = { 0, 10 * 1000 * 1000 }, bad = { 0, 2000000000L };
	struct _umtx_time ut;
	struct umutex um;
	struct urwlock url;
	cpuset_t mask;
	unsigned char wide[256];
	pthread_t t;
	int r;

	thr_self(&id);
	printf("thr_self: %s\n", id > 99999 ? "above PID_MAX" : "too small");
	printf("thr_kill(self, 0): %s\n", res(thr_kill(id, 0)));
	printf("thr_kill(unknown, 0): %s\n", res(thr_kill(999999999L, 0)));
	printf("thr_kill(self, 200): %s\n", res(thr_kill(id, 200)));
	printf("thr_kill(-1, 0) alone: %s\n", res(thr_kill(-1, 0)));
	printf("thr_kill2(getpid(), self, 0): %s\n", res(thr_kill2(getpid(), id, 0)));

	memset(&p, 0, sizeof(p));
	printf("thr_new with a larger param_size: %s\n", res(thr_new(&p, (int)sizeof(p) + 8)));
	printf("thr_new with param_size -1: %s\n", res(thr_new(&p, -1)));
	printf("thr_new with a bad param: %s\n", res(thr_new((void *)8, (int)sizeof(p))));

	printf("thr_wake(self): %s\n", res(thr_wake(id)));
	printf("thr_suspend after thr_wake: %s\n", res(thr_suspend(&zero)));
	printf("thr_suspend(0 s): %s\n", res(thr_suspend(&zero)));
	printf("thr_suspend(10 ms): %s\n", res(thr_suspend(&short_ts)));
	printf("thr_suspend(bad timeout): %s\n", res(thr_suspend(&bad)));
	printf("thr_wake(unknown): %s\n", res(thr_wake(999999999L)));
	printf("thr_set_name(self): %s\n", res(thr_set_name(id, "a-rather-long-thread-name")));
	printf("thr_set_name(unknown): %s\n", res(thr_set_name(999999999L, "x")));

	printf("_umtx_op(99): %s\n", res(_umtx_op((void *)&wait_word, 99, 0, NULL, NULL)));
	printf("WAIT_UINT on NULL: %s\n", res(_umtx_op(NULL, UMTX_OP_WAIT_UINT, 0, NULL, NULL)));
	printf("WAIT_UINT, value differs: %s\n",
	    res(_umtx_op((void *)&wait_word, UMTX_OP_WAIT_UINT, 5, NULL, NULL)));
	printf("WAIT_UINT_PRIVATE, 10 ms: %s\n",
	    res(_umtx_op((void *)&wait_word, UMTX_OP_WAIT_UINT_PRIVATE, 0, NULL, &short_ts)));
	printf("WAIT, high half differs: %s\n",
	    res(_umtx_op(&big, UMTX_OP_WAIT, 0, NULL, NULL)));
	memset(&ut, 0, sizeof(ut));
	ut._flags = UMTX_ABSTIME;
	ut._clockid = CLOCK_MONOTONIC;
	printf("WAIT, absolute monotonic deadline passed: %s\n",
	    res(_umtx_op(&big, UMTX_OP_WAIT, (u_long)big, (void *)sizeof(ut), &ut)));
	printf("WAIT, bad timeout: %s\n",
	    res(_umtx_op(&big, UMTX_OP_WAIT, (u_long)big, NULL, &bad)));
	wait_word = 0;
	check(pthread_create(&t, NULL, waker, NULL), "create");
	r = _umtx_op((void *)&wait_word, UMTX_OP_WAIT_UINT_PRIVATE, 0, NULL, NULL);
	printf("WAIT_UINT_PRIVATE woken by another thread: %s, word %u\n", res(r), wait_word);
	pthread_join(t, NULL);
	printf("WAKE with nobody waiting: %s\n",
	    res(_umtx_op((void *)&wait_word, UMTX_OP_WAKE, 1, NULL, NULL)));

	memset(&um, 0, sizeof(um));
	printf("MUTEX_UNLOCK, not owned: %s\n", res(_umtx_op(&um, UMTX_OP_MUTEX_UNLOCK, 0, NULL, NULL)));
	printf("MUTEX_LOCK on NULL: %s\n", res(_umtx_op(NULL, UMTX_OP_MUTEX_LOCK, 0, NULL, NULL)));
	r = _umtx_op(&um, UMTX_OP_MUTEX_LOCK, 0, NULL, NULL);
	printf("MUTEX_LOCK: %s, owner is self: %s\n", res(r), um.m_owner == (uint32_t)id ? "yes" : "no");
	printf("MUTEX_TRYLOCK, held by self: %s\n", res(_umtx_op(&um, UMTX_OP_MUTEX_TRYLOCK, 0, NULL, NULL)));
	r = _umtx_op(&um, UMTX_OP_MUTEX_UNLOCK, 0, NULL, NULL);
	printf("MUTEX_UNLOCK: %s, owner now %u\n", res(r), um.m_owner);
	um.m_flags = UMUTEX_PRIO_INHERIT | UMUTEX_PRIO_PROTECT;
	printf("MUTEX_LOCK, PI and PP: %s\n", res(_umtx_op(&um, UMTX_OP_MUTEX_LOCK, 0, NULL, NULL)));
	memset(&url, 0, sizeof(url));
	printf("RW_UNLOCK, not held: %s\n", res(_umtx_op(&url, UMTX_OP_RW_UNLOCK, 0, NULL, NULL)));
	r = _umtx_op(&url, UMTX_OP_RW_WRLOCK, 0, NULL, NULL);
	printf("RW_WRLOCK: %s, state %#x\n", res(r), (unsigned)url.rw_state);
	r = _umtx_op(&url, UMTX_OP_RW_UNLOCK, 0, NULL, NULL);
	printf("RW_UNLOCK: %s, state %#x\n", res(r), (unsigned)url.rw_state);

	printf("cpuset_getaffinity, size 0: %s\n",
	    res(cpuset_getaffinity(CPU_LEVEL_WHICH, CPU_WHICH_PID, -1, 0, &mask)));
	printf("cpuset_getaffinity, cpuset_t: %s\n",
	    res(cpuset_getaffinity(CPU_LEVEL_WHICH, CPU_WHICH_PID, -1, sizeof(mask), &mask)));
	memset(wide, 0xff, sizeof(wide));
	r = cpuset_getaffinity(CPU_LEVEL_WHICH, CPU_WHICH_TID, -1, sizeof(wide), (cpuset_t *)wide);
	int tail = 0;
	for (size_t i = sizeof(cpuset_t); i < sizeof(wide); i++)
		tail |= wide[i];
	printf("cpuset_getaffinity, 256 bytes: %s, tail zeroed: %s\n", res(r), tail ? "no" : "yes");
	printf("cpuset_getaffinity, level 7: %s\n",
	    res(cpuset_getaffinity(7, CPU_WHICH_PID, -1, sizeof(mask), &mask)));
	printf("cpuset_getaffinity, unknown pid: %s\n",
	    res(cpuset_getaffinity(CPU_LEVEL_WHICH, CPU_WHICH_PID, 99999999, sizeof(mask), &mask)));
	CPU_ZERO(&mask);
	printf("cpuset_setaffinity, empty mask: %s\n",
	    res(cpuset_setaffinity(CPU_LEVEL_WHICH, CPU_WHICH_TID, -1, sizeof(mask), &mask)));

	printf("sched_get_priority_max: FIFO %d, RR %d, OTHER %d\n", sched_get_priority_max(SCHED_FIFO),
	    sched_get_priority_max(SCHED_RR), sched_get_priority_max(SCHED_OTHER));
	printf("sched_get_priority_min: FIFO %d, OTHER %d\n", sched_get_priority_min(SCHED_FIFO),
	    sched_get_priority_min(SCHED_OTHER));
	printf("sched_getscheduler(0): %d\n", sched_getscheduler(0));

	/* kern_thr_exit(): the last thread is not ended; the call returns. */
	thr_exit(NULL);
	printf("thr_exit of the only thread: returned\n");
	return 0;
}
#endif

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "main-exit") == 0)
		return main_exit();
#ifdef __FreeBSD__
	if (argc > 1 && strcmp(argv[1], "--bsd-only") == 0)
		return bsd_only();
#endif
	counters();
	join_values();
	bounded_buffer();
	alternation();
	rwlock();
	semaphores_and_timeouts();
	scheduling();
	signal_in_cond_wait();
	fork_with_threads();
	return 0;
}
