/* Clocks, sleeping and randomness. */
#include <time.h>
#include <sys/random.h>
#include <sys/time.h>
#include "uxrt.h"

int
clock_gettime(clockid_t id, struct timespec *ts)
{
	return (int)uxrt_call(SYS_clock_gettime, id, ts);
}

int
clock_getres(clockid_t id, struct timespec *ts)
{
	return (int)uxrt_call(SYS_clock_getres, id, ts);
}

int
nanosleep(const struct timespec *req, struct timespec *rem)
{
	return (int)uxrt_call(SYS_nanosleep, req, rem);
}

int
gettimeofday(struct timeval *tv, struct timezone *tz)
{
	return (int)uxrt_call(SYS_gettimeofday, tv, tz);
}

time_t
time(time_t *t)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return (time_t)-1;
	if (t != NULL)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

ssize_t
getrandom(void *buf, size_t len, unsigned int flags)
{
	return uxrt_call(SYS_getrandom, buf, len, flags);
}
