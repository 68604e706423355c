/*
 * POSIX threads in a dynamically linked program (libthr.so.3): a
 * producer/consumer queue on a mutex and two condition variables, a
 * read-write lock, a barrier and a spin lock, statically initialised
 * mutexes and pthread_once hammered from several threads at once, and the
 * error numbers FreeBSD's pthread functions return.  Every line printed
 * is the same whatever the scheduling.
 *   dyn-pthread [THREADS [ITEMS]]   (4 and 20000 by default)
 */
#define _GNU_SOURCE	/* glibc's adaptive mutexes and thread names, for the twin */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef __FreeBSD__
#include <sys/cpuset.h>
#include <sys/umtx.h>
#else
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "errname.h"

#define QSIZE 16

static int nthreads = 4, nitems = 20000;

static void
check(const char *what, int r, int want)
{
	printf("%-34s %s%s\n", what, r == 0 ? "0" : errname(r), r == want ? "" : "  (unexpected)");
}

/* --- producer/consumer ------------------------------------------------ */

static struct {
	pthread_mutex_t lock;
	pthread_cond_t not_full, not_empty;
	long items[QSIZE];
	int head, count, done;
} q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER,
	{ 0 }, 0, 0, 0 };

static void *
producer(void *arg)
{
	long base = (long)arg;

	for (long i = 1; i <= nitems; i++) {
		pthread_mutex_lock(&q.lock);
		while (q.count == QSIZE)
			pthread_cond_wait(&q.not_full, &q.lock);
		q.items[(q.head + q.count++) % QSIZE] = base + i;
		pthread_cond_signal(&q.not_empty);
		pthread_mutex_unlock(&q.lock);
	}
	return NULL;
}

static void *
consumer(void *arg)
{
	long sum = 0, n = 0;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&q.lock);
		while (q.count == 0 && !q.done)
			pthread_cond_wait(&q.not_empty, &q.lock);
		if (q.count == 0 && q.done) {
			pthread_mutex_unlock(&q.lock);
			break;
		}
		sum += q.items[q.head];
		q.head = (q.head + 1) % QSIZE;
		q.count--;
		n++;
		pthread_cond_signal(&q.not_full);
		pthread_mutex_unlock(&q.lock);
	}
	long *r = malloc(2 * sizeof(long));
	r[0] = sum;
	r[1] = n;
	return r;
}

static void
queue_test(void)
{
	pthread_t prod[8], cons[8];
	long sum = 0, n = 0;

	for (int i = 0; i < nthreads; i++)
		pthread_create(&prod[i], NULL, producer, (void *)(long)(i * 1000000));
	for (int i = 0; i < nthreads; i++)
		pthread_create(&cons[i], NULL, consumer, NULL);
	for (int i = 0; i < nthreads; i++)
		pthread_join(prod[i], NULL);
	pthread_mutex_lock(&q.lock);
	q.done = 1;
	pthread_cond_broadcast(&q.not_empty);
	pthread_mutex_unlock(&q.lock);
	for (int i = 0; i < nthreads; i++) {
		void *r;
		pthread_join(cons[i], &r);
		sum += ((long *)r)[0];
		n += ((long *)r)[1];
		free(r);
	}
	long want = 0;
	for (int i = 0; i < nthreads; i++)
		want += (long)nitems * i * 1000000 + (long)nitems * (nitems + 1) / 2;
	printf("queue: %ld items, sum %ld (%s)\n", n, sum, sum == want ? "right" : "WRONG");
}

/* --- static initialisers and once, under contention ------------------- */

static pthread_mutex_t hammered = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t adaptive = PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP;
static long counter, counter2;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_calls;
static pthread_barrier_t start_line;

static void
init_once(void)
{
	once_calls++;
	struct timespec ts = { 0, 2000000 };
	nanosleep(&ts, NULL);	/* the others must wait for it */
}

static void *
hammer(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&start_line);
	pthread_once(&once, init_once);
	for (int i = 0; i < 20000; i++) {
		pthread_mutex_lock(&hammered);
		counter++;
		pthread_mutex_unlock(&hammered);
		pthread_mutex_lock(&adaptive);
		counter2 += 2;
		pthread_mutex_unlock(&adaptive);
	}
	return (void *)(long)once_calls;
}

static void
hammer_test(void)
{
	pthread_t t[8];
	int serial = 0;

	pthread_barrier_init(&start_line, NULL, (unsigned)nthreads);
	for (int i = 0; i < nthreads; i++)
		pthread_create(&t[i], NULL, hammer, NULL);
	for (int i = 0; i < nthreads; i++) {
		void *r;
		pthread_join(t[i], &r);
		if ((long)r != 1)
			printf("thread %d saw once_calls %ld\n", i, (long)r);
	}
	printf("hammer: counter %ld, counter2 %ld, once ran %d time(s)\n", counter, counter2,
	    once_calls);
	pthread_barrier_destroy(&start_line);

	/* One waiter of each round is told it is the serial one. */
	pthread_barrier_init(&start_line, NULL, 1);
	for (int i = 0; i < 3; i++)
		serial += pthread_barrier_wait(&start_line) == PTHREAD_BARRIER_SERIAL_THREAD;
	printf("barrier of one: serial %d of 3\n", serial);
	pthread_barrier_destroy(&start_line);
}

/* --- read-write lock ---------------------------------------------------- */

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long table[64];
static pthread_spinlock_t spin;
static long spun;

static void *
rw_worker(void *arg)
{
	long id = (long)arg, bad = 0;

	for (int i = 0; i < 3000; i++) {
		if (i % 10 == (int)id) {
			pthread_rwlock_wrlock(&rw);
			for (int j = 0; j < 64; j++)
				table[j]++;
			pthread_rwlock_unlock(&rw);
		} else {
			pthread_rwlock_rdlock(&rw);
			for (int j = 1; j < 64; j++)
				bad += table[j] != table[0];
			pthread_rwlock_unlock(&rw);
		}
		pthread_spin_lock(&spin);
		spun++;
		pthread_spin_unlock(&spin);
	}
	return (void *)bad;
}

static void
rw_test(void)
{
	pthread_t t[8];
	long bad = 0;

	pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
	for (int i = 0; i < nthreads; i++)
		pthread_create(&t[i], NULL, rw_worker, (void *)(long)i);
	for (int i = 0; i < nthreads; i++) {
		void *r;
		pthread_join(t[i], &r);
		bad += (long)r;
	}
	printf("rwlock: table[0] %ld, torn reads %ld, spin count %ld\n", table[0], bad, spun);
	check("rwlock tryrdlock (free)", pthread_rwlock_tryrdlock(&rw), 0);
	check("rwlock trywrlock (read-held)", pthread_rwlock_trywrlock(&rw), EBUSY);
	check("rwlock unlock", pthread_rwlock_unlock(&rw), 0);
	check("rwlock destroy", pthread_rwlock_destroy(&rw), 0);
	pthread_spin_destroy(&spin);
}

/* --- errors and attributes ---------------------------------------------- */

static void *
try_other(void *m)
{
	return (void *)(long)pthread_mutex_trylock(m);
}

static pthread_mutex_t done_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t done_cv = PTHREAD_COND_INITIALIZER;
static int detached_done;

static void *
named(void *arg)
{
	char buf[32];

	pthread_setname_np(pthread_self(), "worker-7");
	pthread_getname_np(pthread_self(), buf, sizeof(buf));
	if (!arg) {
		printf("thread name: %s\n", buf);
		return NULL;
	}
	/* Detached: reports through the condition variable instead. */
	pthread_mutex_lock(&done_lock);
	detached_done = strcmp(buf, "worker-7") == 0 ? 1 : -1;
	pthread_cond_signal(&done_cv);
	pthread_mutex_unlock(&done_lock);
	return NULL;
}

static void
error_test(void)
{
	pthread_mutexattr_t ma;
	pthread_mutex_t m, r;
	pthread_cond_t c;
	pthread_condattr_t ca;
	pthread_attr_t a;
	pthread_t t;
	void *ret;
	int v;

	pthread_mutexattr_init(&ma);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&m, &ma);
	check("errorcheck lock", pthread_mutex_lock(&m), 0);
	check("errorcheck relock", pthread_mutex_lock(&m), EDEADLK);
	pthread_create(&t, NULL, try_other, &m);
	pthread_join(t, &ret);
	check("trylock from another thread", (int)(long)ret, EBUSY);
	check("destroy while locked", pthread_mutex_destroy(&m), EBUSY);
	check("errorcheck unlock", pthread_mutex_unlock(&m), 0);
	check("errorcheck unlock again", pthread_mutex_unlock(&m), EPERM);
	check("destroy", pthread_mutex_destroy(&m), 0);

	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&r, &ma);
	check("recursive lock", pthread_mutex_lock(&r), 0);
	check("recursive lock again", pthread_mutex_lock(&r), 0);
	check("recursive trylock", pthread_mutex_trylock(&r), 0);
	pthread_mutex_unlock(&r);
	pthread_mutex_unlock(&r);
	check("recursive last unlock", pthread_mutex_unlock(&r), 0);
	pthread_mutex_destroy(&r);
	check("settype(99)", pthread_mutexattr_settype(&ma, 99), EINVAL);
	pthread_mutexattr_destroy(&ma);

	/* A timed wait that times out, on the monotonic clock. */
	struct timespec ts;
	pthread_condattr_init(&ca);
	check("condattr_setclock(MONOTONIC)", pthread_condattr_setclock(&ca, CLOCK_MONOTONIC), 0);
	clockid_t clk;
	pthread_condattr_getclock(&ca, &clk);
	printf("condattr clock is %s\n", clk == CLOCK_MONOTONIC ? "MONOTONIC" : "other");
	pthread_cond_init(&c, &ca);
	pthread_mutex_t tm = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&tm);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_nsec += 20000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	check("cond_timedwait", pthread_cond_timedwait(&c, &tm, &ts), ETIMEDOUT);
	pthread_mutex_unlock(&tm);
	pthread_cond_destroy(&c);
	pthread_condattr_destroy(&ca);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 10000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&tm);
	pthread_create(&t, NULL, try_other, &tm);
	pthread_join(t, &ret);
	check("trylock (held)", (int)(long)ret, EBUSY);
	pthread_mutex_unlock(&tm);
	check("timedlock (free)", pthread_mutex_timedlock(&tm, &ts), 0);
	pthread_mutex_unlock(&tm);

	/* Thread attributes. */
	size_t sz;
	pthread_attr_init(&a);
	pthread_attr_getdetachstate(&a, &v);
	printf("default detach state: %s\n", v == PTHREAD_CREATE_JOINABLE ? "joinable" : "detached");
	check("setdetachstate(7)", pthread_attr_setdetachstate(&a, 7), EINVAL);
	check("setstacksize(64 KiB)", pthread_attr_setstacksize(&a, 65536), 0);
	pthread_attr_getstacksize(&a, &sz);
	printf("stack size: %zu\n", sz);
	pthread_create(&t, &a, named, NULL);
	pthread_join(t, NULL);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	pthread_create(&t, &a, named, (void *)1);
	pthread_attr_destroy(&a);
	pthread_mutex_lock(&done_lock);
	while (!detached_done)
		pthread_cond_wait(&done_cv, &done_lock);
	pthread_mutex_unlock(&done_lock);
	printf("detached thread %s\n", detached_done == 1 ? "named itself" : "FAILED");
	check("join self", pthread_join(pthread_self(), NULL), EDEADLK);
	printf("equal(self, self) %d\n", pthread_equal(pthread_self(), pthread_self()) != 0);

	/* Keys. */
	pthread_key_t k;
	check("key_create", pthread_key_create(&k, NULL), 0);
	check("setspecific", pthread_setspecific(k, &k), 0);
	printf("getspecific %s\n", pthread_getspecific(k) == &k ? "round-trips" : "lost");
	check("key_delete", pthread_key_delete(k), 0);
}

/* --- unnamed semaphores -------------------------------------------------- */

static sem_t ping, pong;

static void *
ponger(void *arg)
{
	long n = 0;

	(void)arg;
	for (int i = 0; i < 1000; i++) {
		sem_wait(&ping);
		n++;
		sem_post(&pong);
	}
	return (void *)n;
}

static void
sem_test(void)
{
	pthread_t t;
	void *r;
	int v;

	sem_init(&ping, 0, 0);
	sem_init(&pong, 0, 0);
	pthread_create(&t, NULL, ponger, NULL);
	for (int i = 0; i < 1000; i++) {
		sem_post(&ping);
		sem_wait(&pong);
	}
	pthread_join(t, &r);
	printf("semaphores: %ld round trips\n", (long)r);
	errno = 0;
	int rr = sem_trywait(&ping);
	printf("sem_trywait on zero: %d %s\n", rr, errname(errno));
	sem_post(&ping);
	sem_post(&ping);
	sem_getvalue(&ping, &v);
	printf("after two posts: value %d\n", v);
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 10000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	printf("sem_timedwait with a count: %d\n", sem_timedwait(&ping, &ts));
	sem_wait(&ping);
	errno = 0;
	rr = sem_timedwait(&ping, &ts);
	printf("sem_timedwait on zero: %d %s\n", rr, errname(errno));
	sem_destroy(&ping);
	sem_destroy(&pong);
}

/* --- the kernel's primitives, as Rust's standard library uses them ------ */

/* Sleeps while *w == v, for at most ms milliseconds (0: forever). */
static int
park(volatile unsigned *w, unsigned v, long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
#ifdef __FreeBSD__
	struct _umtx_time ut = { ts, 0, CLOCK_MONOTONIC };
	return _umtx_op((void *)w, UMTX_OP_WAIT_UINT_PRIVATE, v,
	    ms ? (void *)sizeof(ut) : NULL, ms ? &ut : NULL);
#else
	/* FreeBSD's wait returns 0 at once for a changed word, Linux's EAGAIN. */
	if (syscall(SYS_futex, w, FUTEX_WAIT_PRIVATE, v, ms ? &ts : NULL, NULL, 0) == 0 ||
	    errno == EAGAIN)
		return 0;
	return -1;
#endif
}

static int
unpark(volatile unsigned *w)
{
#ifdef __FreeBSD__
	return _umtx_op((void *)w, UMTX_OP_WAKE_PRIVATE, 1, NULL, NULL);
#else
	return syscall(SYS_futex, w, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) < 0 ? -1 : 0;
#endif
}

static volatile unsigned park_word;

static void *
parker(void *arg)
{
	(void)arg;
	while (__atomic_load_n(&park_word, __ATOMIC_ACQUIRE) == 0)
		park(&park_word, 0, 0);
	return (void *)(long)park_word;
}

static void
kernel_test(void)
{
	pthread_t t;
	void *r;
	int n = 0;

	errno = 0;
	int rr = park(&park_word, 0, 20);
	printf("park with a timeout: %d %s\n", rr, errname(errno));
	errno = 0;
	rr = park(&park_word, 1, 0);
	printf("park on a changed word: %d %s\n", rr, rr ? errname(errno) : "-");
	pthread_create(&t, NULL, parker, NULL);
	struct timespec ts = { 0, 20000000 };
	nanosleep(&ts, NULL);
	__atomic_store_n(&park_word, 5, __ATOMIC_RELEASE);
	unpark(&park_word);
	pthread_join(t, &r);
	printf("unparked thread saw %ld\n", (long)r);
	printf("sched_yield: %d\n", sched_yield());
#ifdef __FreeBSD__
	cpuset_t set;
	CPU_ZERO(&set);
	rr = cpuset_getaffinity(CPU_LEVEL_WHICH, CPU_WHICH_PID, -1, sizeof(set), &set);
	for (int i = 0; i < CPU_SETSIZE; i++)
		n += (int)CPU_ISSET(i, &set);
#else
	cpu_set_t set;
	CPU_ZERO(&set);
	rr = sched_getaffinity(0, sizeof(set), &set);
	n = CPU_COUNT(&set);
#endif
	printf("affinity: %d, with CPUs: %d\n", rr, n > 0);
}

int
main(int argc, char **argv)
{
	if (argc > 1)
		nthreads = atoi(argv[1]);
	if (argc > 2)
		nitems = atoi(argv[2]);
	if (nthreads < 1 || nthreads > 8)
		nthreads = 4;
	setvbuf(stdout, NULL, _IOLBF, 0);
	queue_test();
	hammer_test();
	rw_test();
	error_test();
	sem_test();
	kernel_test();
	return 0;
}
