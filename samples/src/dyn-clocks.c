/*
 * Clock resolutions (clock_getres) and per-thread CPU-time clocks
 * (pthread_getcpuclockid): the ids FreeBSD hands out must work with
 * clock_gettime and clock_getres, for this thread and another.
 *   dyn-clocks
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "errname.h"

static void
res(const char *name, clockid_t id)
{
	struct timespec r = { -1, -1 };

	errno = 0;
	if (clock_getres(id, &r) != 0)
		printf("%s: %s\n", name, errname(errno));
	else
		printf("%s: %lld s %ld ns\n", name, (long long)r.tv_sec, r.tv_nsec);
}

static volatile unsigned long sink;

static double
burn(void)
{
	struct timespec a, b;

	clock_gettime(CLOCK_MONOTONIC, &a);
	do {
		for (int i = 0; i < 100000; i++)
			sink += (unsigned long)i * 7;
		clock_gettime(CLOCK_MONOTONIC, &b);
	} while ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec) < 50e6);
	return 0;
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int phase;

static void *
worker(void *arg)
{
	(void)arg;
	burn();
	pthread_mutex_lock(&lock);
	phase = 1;
	pthread_cond_broadcast(&cv);
	while (phase != 2)
		pthread_cond_wait(&cv, &lock);
	pthread_mutex_unlock(&lock);
	return NULL;
}

static double
cpu_of(clockid_t id, int *ok)
{
	struct timespec t;

	*ok = clock_gettime(id, &t) == 0;
	return t.tv_sec + t.tv_nsec / 1e9;
}

int
main(void)
{
	clockid_t self, other;
	pthread_t t;
	double before, after, w;
	int ok1, ok2, e;

	res("realtime", CLOCK_REALTIME);
	res("monotonic", CLOCK_MONOTONIC);
	res("process cputime", CLOCK_PROCESS_CPUTIME_ID);
	res("thread cputime", CLOCK_THREAD_CPUTIME_ID);
	res("bogus clock", (clockid_t)12345);
	printf("clock_getres(realtime, NULL): %d\n", clock_getres(CLOCK_REALTIME, NULL));

	e = pthread_getcpuclockid(pthread_self(), &self);
	printf("pthread_getcpuclockid(self): %s\n", e ? errname(e) : "ok");
	res("own cpu clock", self);
	before = cpu_of(self, &ok1);
	burn();
	after = cpu_of(self, &ok2);
	printf("own clock readable %d %d, advanced by >= 20 ms: %d\n", ok1, ok2, after - before >= 0.02);

	pthread_create(&t, NULL, worker, NULL);
	e = pthread_getcpuclockid(t, &other);
	printf("pthread_getcpuclockid(worker): %s, differs from own: %d\n", e ? errname(e) : "ok",
	    other != self);
	pthread_mutex_lock(&lock);
	while (phase != 1)
		pthread_cond_wait(&cv, &lock);
	pthread_mutex_unlock(&lock);
	w = cpu_of(other, &ok1);
	printf("worker clock readable %d, >= 20 ms: %d, below ours + 1 s: %d\n", ok1, w >= 0.02,
	    w < after + 1);
	pthread_mutex_lock(&lock);
	phase = 2;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	return 0;
}
