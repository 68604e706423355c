/*
 * Checks clocks, sleeping, randomness and resource queries. Prints only
 * "ok"/"FAIL" so the output does not depend on when or where it runs.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/time.h>

static int failures;

static void
result(const char *what, int ok)
{
	printf("%-36s %s\n", what, ok ? "ok" : "FAIL");
	if (!ok)
		failures++;
}

static long long
ns(const struct timespec *t)
{
	return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

static int
valid(const struct timespec *t)
{
	return t->tv_sec >= 0 && t->tv_nsec >= 0 && t->tv_nsec < 1000000000L;
}

int
main(void)
{
	struct timespec a, b, res, req;
	struct timeval tv;
	struct rusage ru;
	struct rlimit rl;
	unsigned char r1[64], r2[64], zero[64];
	int i, ok;
	long long elapsed;
	time_t now;

	ok = clock_gettime(CLOCK_MONOTONIC, &a) == 0 && valid(&a);
	for (i = 0; ok && i < 1000; i++) {
		ok = clock_gettime(CLOCK_MONOTONIC, &b) == 0 && valid(&b) && ns(&b) >= ns(&a);
		a = b;
	}
	result("CLOCK_MONOTONIC nondecreasing", ok);

	ok = clock_getres(CLOCK_MONOTONIC, &res) == 0 && valid(&res) &&
	    ns(&res) > 0 && ns(&res) <= 1000000;
	result("clock_getres CLOCK_MONOTONIC", ok);
	ok = clock_getres(CLOCK_REALTIME, &res) == 0 && valid(&res) &&
	    ns(&res) > 0 && ns(&res) <= 1000000;
	result("clock_getres CLOCK_REALTIME", ok);

	req.tv_sec = 0;
	req.tv_nsec = 10000000;
	clock_gettime(CLOCK_MONOTONIC, &a);
	ok = nanosleep(&req, NULL) == 0;
	clock_gettime(CLOCK_MONOTONIC, &b);
	elapsed = ns(&b) - ns(&a);
	result("nanosleep 10ms", ok && elapsed >= 10000000LL && elapsed < 5000000000LL);

	ok = clock_gettime(CLOCK_REALTIME, &a) == 0 && gettimeofday(&tv, NULL) == 0;
	elapsed = (long long)tv.tv_sec * 1000000000LL + tv.tv_usec * 1000LL - ns(&a);
	result("gettimeofday near CLOCK_REALTIME",
	    ok && tv.tv_usec >= 0 && tv.tv_usec < 1000000 &&
	    elapsed > -1000000000LL && elapsed < 1000000000LL);
	/* glibc's time() reads the coarse clock, which may lag a tick behind. */
	now = time(NULL);
	result("time near CLOCK_REALTIME", now >= a.tv_sec - 1 && now <= a.tv_sec + 2);
	result("realtime is after 2020", a.tv_sec > 1577836800LL);

	ok = clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a) == 0 && valid(&a);
	result("CLOCK_PROCESS_CPUTIME_ID", ok);

	memset(zero, 0, sizeof(zero));
	memset(r1, 0, sizeof(r1));
	memset(r2, 0, sizeof(r2));
	ok = getrandom(r1, sizeof(r1), 0) == (ssize_t)sizeof(r1) &&
	    getrandom(r2, sizeof(r2), GRND_NONBLOCK) == (ssize_t)sizeof(r2);
	result("getrandom fills the buffer",
	    ok && memcmp(r1, zero, sizeof(zero)) != 0 && memcmp(r1, r2, sizeof(r1)) != 0);

	ok = getrusage(RUSAGE_SELF, &ru) == 0 && ru.ru_utime.tv_usec >= 0 &&
	    ru.ru_utime.tv_usec < 1000000 && ru.ru_stime.tv_usec < 1000000;
	result("getrusage RUSAGE_SELF", ok);
	ok = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur > 0 &&
	    (rl.rlim_max == RLIM_INFINITY || rl.rlim_cur <= rl.rlim_max);
	result("getrlimit RLIMIT_NOFILE", ok);
	ok = getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur > 0;
	result("getrlimit RLIMIT_STACK", ok);

	result("getpid stable and positive", getpid() > 0 && getpid() == getpid());
	result("getppid positive", getppid() > 0);
	result("uid and gid calls agree",
	    getuid() == getuid() && geteuid() == geteuid() && getgid() == getgid() &&
	    getegid() == getegid());

	printf("failures: %d\n", failures);
	return failures == 0 ? 0 : 1;
}
