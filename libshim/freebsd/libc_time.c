/*
 * Clocks and sleeps.  struct timespec and struct timeval have the same
 * layout on both systems; clock ids are FreeBSD's and are translated.
 */
#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "libshim/freebsd/libc_shim.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/freebsd/fbsd_thread.h"

_Static_assert(sizeof(struct fbsd_timespec) == sizeof(struct timespec), "timespec layout");
_Static_assert(sizeof(struct fbsd_timeval) == sizeof(struct timeval), "timeval layout");

int
shim_usleep(uint32_t usecs)
{
	return shim_ret(usleep(usecs));
}

int
shim_nanosleep(const struct fbsd_timespec *req, struct fbsd_timespec *rem)
{
	return shim_ret(nanosleep((const struct timespec *)req, (struct timespec *)rem));
}

/* CLOCK_VIRTUAL and CLOCK_PROF: user, and user plus system, CPU time of the
 * process, which Linux has no clock id for. */
static int
rusage_clock(int clock_id, struct fbsd_timespec *tp)
{
	struct rusage ru;
	struct timeval t;

	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return shim_ret(-1);
	t = ru.ru_utime;
	if (clock_id == FBSD_CLOCK_PROF)
		timeradd(&t, &ru.ru_stime, &t);
	tp->tv_sec = t.tv_sec;
	tp->tv_nsec = t.tv_usec * 1000L;
	return 0;
}

/*
 * CPU-time clocks of a thread or process (clock_getcpuclockid2): FreeBSD
 * ids are CPUCLOCK_BIT | tid, or CPUCLOCK_BIT | CPUCLOCK_PROCESS_BIT | pid;
 * Linux's are ~id << 3 | 2 (CPUCLOCK_SCHED), with 4 for a thread.
 */
#define FBSD_CPUCLOCK_BIT		0x80000000u
#define FBSD_CPUCLOCK_PROCESS_BIT	0x40000000u
#define FBSD_CPUCLOCK_ID_MASK		(~(FBSD_CPUCLOCK_BIT | FBSD_CPUCLOCK_PROCESS_BIT))
#define LINUX_CPUCLOCK_PERTHREAD	4u
#define LINUX_CPUCLOCK_SCHED		2u

int
shim_cpuclock_from_host(int h)
{
	/* The id back from its ones' complement (arithmetic shift). */
	unsigned id = (unsigned)~(h >> 3);

	if (h & LINUX_CPUCLOCK_PERTHREAD)
		return (int)(FBSD_CPUCLOCK_BIT | (id + FBSD_TID_BASE));
	return (int)(FBSD_CPUCLOCK_BIT | FBSD_CPUCLOCK_PROCESS_BIT | id);
}

/* A FreeBSD clock id as Linux's in *h (CPU-time ones are negative there),
 * or a Linux errno. */
static int
host_clock(int clock_id, clockid_t *h)
{
	unsigned c = (unsigned)clock_id, id = c & FBSD_CPUCLOCK_ID_MASK;
	long l;

	if (!(c & FBSD_CPUCLOCK_BIT)) {
		if ((l = fbsd_to_linux_clockid(clock_id)) < 0)
			return (int)-l;
		*h = (clockid_t)l;
		return 0;
	}
	if (!(c & FBSD_CPUCLOCK_PROCESS_BIT)) {
		if (id < FBSD_TID_BASE)
			return EINVAL;
		id -= FBSD_TID_BASE;
	}
	*h = (clockid_t)((~id << 3) | LINUX_CPUCLOCK_SCHED |
	    (c & FBSD_CPUCLOCK_PROCESS_BIT ? 0 : LINUX_CPUCLOCK_PERTHREAD));
	return 0;
}

int
shim_clock_getres(int clock_id, struct fbsd_timespec *res)
{
	struct timespec t;
	clockid_t h;
	int e;

	switch (clock_id) {
	case FBSD_CLOCK_SECOND:
		t = (struct timespec){ 1, 0 };
		goto out;
	case FBSD_CLOCK_VIRTUAL:
	case FBSD_CLOCK_PROF:
		/* getrusage's microseconds (rusage_clock) */
		t = (struct timespec){ 0, 1000 };
		goto out;
	}
	if ((e = host_clock(clock_id, &h)) != 0) {
		shim_errno = shim_errno_from_host(e);
		return -1;
	}
	if (clock_getres(h, &t) != 0)
		return shim_ret(-1);
out:
	if (res) {
		res->tv_sec = t.tv_sec;
		res->tv_nsec = t.tv_nsec;
	}
	return 0;
}

int
shim_clock_gettime(int clock_id, struct fbsd_timespec *tp)
{
	clockid_t h;
	int e;

	switch (clock_id) {
	case FBSD_CLOCK_SECOND:
		/* time_second: whole seconds of real time. */
		if (clock_gettime(CLOCK_REALTIME_COARSE, (struct timespec *)tp) != 0)
			return shim_ret(-1);
		tp->tv_nsec = 0;
		return 0;
	case FBSD_CLOCK_VIRTUAL:
	case FBSD_CLOCK_PROF:
		return rusage_clock(clock_id, tp);
	}
	if ((e = host_clock(clock_id, &h)) != 0) {
		shim_errno = shim_errno_from_host(e);
		return -1;
	}
	return shim_ret(clock_gettime(h, (struct timespec *)tp));
}

/* Returns an error number, as POSIX says, not -1 and errno.  TIMER_ABSTIME
 * is 1 on both systems. */
int
shim_clock_nanosleep(int clock_id, int flags, const struct fbsd_timespec *req,
    struct fbsd_timespec *rem)
{
	long h = fbsd_to_linux_clockid(clock_id);

	if (h < 0)
		return shim_errno_from_host((int)-h);
	if (flags & ~1)
		return shim_errno_from_host(EINVAL);
	int e = clock_nanosleep((clockid_t)h, flags, (const struct timespec *)req,
	    (struct timespec *)rem);
	return e ? shim_errno_from_host(e) : 0;
}

int
shim_gettimeofday(struct fbsd_timeval *tv, void *tz)
{
	return shim_ret(gettimeofday((struct timeval *)tv, tz));
}
