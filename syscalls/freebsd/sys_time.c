/*
 * Clocks and sleeping, after FreeBSD's sys/kern/kern_time.c.  struct
 * timespec and struct timeval are two 64-bit words on both systems, so
 * guest buffers go straight to the Linux calls unless a value needs
 * rewriting.
 */
#include "config.h"

#include <time.h>
#include <sys/resource.h>
#include <sys/time.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/thread.h"

_Static_assert(sizeof(struct fbsd_timespec) == sizeof(struct timespec), "timespec layout");
_Static_assert(sizeof(struct fbsd_timeval) == sizeof(struct timeval), "timeval layout");

#define NS_PER_SEC	1000000000L

/*
 * CLOCK_VIRTUAL and CLOCK_PROF are the process's user time and user plus
 * system time (calcru() in kern_clock_gettime()), in microseconds; Linux
 * has no clock id for either, but getrusage() gives the same numbers.
 */
static long
rusage_clock(int clock_id, struct fbsd_timespec *ts)
{
	struct rusage ru;
	long r = ux_sys(SYS_getrusage, RUSAGE_SELF, &ru);
	int64_t sec, usec;

	if (r < 0)
		return r;
	sec = ru.ru_utime.tv_sec;
	usec = ru.ru_utime.tv_usec;
	if (clock_id == FBSD_CLOCK_PROF) {
		sec += ru.ru_stime.tv_sec;
		usec += ru.ru_stime.tv_usec;
		if (usec >= 1000000) {
			sec++;
			usec -= 1000000;
		}
	}
	ts->tv_sec = sec;
	ts->tv_nsec = usec * 1000;
	return 0;
}

long
fbsd_sys_clock_gettime(struct uxcall *c, int clock_id, struct fbsd_timespec *tp)
{
	struct fbsd_timespec ts;
	long h, r;

	switch (clock_id) {
	case FBSD_CLOCK_SECOND:
		/* time_second: whole seconds of real time. */
		r = ux_sys(SYS_clock_gettime, CLOCK_REALTIME_COARSE, &ts);
		if (r < 0)
			return r;
		ts.tv_nsec = 0;
		return ux_copyout(tp, &ts, sizeof(ts));
	case FBSD_CLOCK_VIRTUAL:
	case FBSD_CLOCK_PROF:
		r = rusage_clock(clock_id, &ts);
		if (r < 0)
			return r;
		return ux_copyout(tp, &ts, sizeof(ts));
	}
	/* XXX negative ids (CPU clocks of clock_getcpuclockid2()) are EINVAL
	 * until that call is translated. */
	h = fbsd_to_linux_clockid(clock_id);
	if (h < 0)
		return h;
	return ux_sys(SYS_clock_gettime, h, tp);
}

long
fbsd_sys_clock_getres(struct uxcall *c, int clock_id, struct fbsd_timespec *tp)
{
	struct fbsd_timespec ts = { 0, 0 };
	long h;

	/* FreeBSD answers a NULL buffer before looking at the clock id. */
	if (tp == NULL)
		return 0;
	switch (clock_id) {
	case FBSD_CLOCK_SECOND:
		ts.tv_sec = 1;
		return ux_copyout(tp, &ts, sizeof(ts));
	case FBSD_CLOCK_VIRTUAL:
	case FBSD_CLOCK_PROF:
		/* howmany(1e9, hz) with FreeBSD's default hz of 1000. */
		ts.tv_nsec = 1000000;
		return ux_copyout(tp, &ts, sizeof(ts));
	}
	h = fbsd_to_linux_clockid(clock_id);
	if (h < 0)
		return h;
	/* The _FAST clocks map to Linux's _COARSE ones and honestly report
	 * their tick; FreeBSD would report the timecounter's resolution. */
	return ux_sys(SYS_clock_getres, h, tp);
}

long
fbsd_sys_gettimeofday(struct uxcall *c, struct fbsd_timeval *tp, void *tzp)
{
	/* FreeBSD no longer keeps a kernel time zone: it writes zeros. */
	struct { int32_t tz_minuteswest, tz_dsttime; } tz = { 0, 0 };
	long r;

	if (tp != NULL) {
		r = ux_sys(SYS_gettimeofday, tp, NULL);
		if (r < 0)
			return r;
	}
	if (tzp != NULL)
		return ux_copyout(tzp, &tz, sizeof(tz));
	return 0;
}

long
fbsd_sys_nanosleep(struct uxcall *c, const struct fbsd_timespec *rqtp,
    struct fbsd_timespec *rmtp)
{
	struct fbsd_timespec rq, rm = { 0, 0 };
	long r;

	r = ux_copyin(&rq, rqtp, sizeof(rq));
	if (r < 0)
		return r;
	if (rq.tv_nsec < 0 || rq.tv_nsec >= NS_PER_SEC)
		return -EINVAL;
	/* kern_clock_nanosleep() returns at once for a non-positive
	 * interval, where Linux calls a negative one invalid. */
	if (rq.tv_sec < 0 || (rq.tv_sec == 0 && rq.tv_nsec == 0))
		return 0;
	r = ux_block(c->td, SYS_nanosleep, &rq, &rm);
	if (r == -EINTR && rmtp != NULL) {
		long e = ux_copyout(rmtp, &rm, sizeof(rm));
		if (e < 0)
			return e;
	}
	return r;
}

/* struct itimerval (two struct timevals) and ITIMER_REAL/VIRTUAL/PROF
 * have the same layout and numbers on both systems. */
long
fbsd_sys_setitimer(struct uxcall *c, unsigned which, const void *itv, void *oitv)
{
	if (which > 2)
		return -EINVAL;
	return ux_sys(SYS_setitimer, which, itv, oitv);
}

long
fbsd_sys_getitimer(struct uxcall *c, unsigned which, void *itv)
{
	if (which > 2)
		return -EINVAL;
	return ux_sys(SYS_getitimer, which, itv);
}
