/* uxrun FreeBSD SDK: clocks and sleeping. FreeBSD clock ids differ from Linux. */
#ifndef _UXRT_TIME_H
#define _UXRT_TIME_H

#include <sys/types.h>
#include <sys/_timespec.h>

#define CLOCK_REALTIME		0
#define CLOCK_VIRTUAL		1
#define CLOCK_PROF		2
#define CLOCK_MONOTONIC		4
#define CLOCK_UPTIME		5
#define CLOCK_REALTIME_PRECISE	9
#define CLOCK_REALTIME_FAST	10
#define CLOCK_MONOTONIC_PRECISE	11
#define CLOCK_MONOTONIC_FAST	12
#define CLOCK_SECOND		13
#define CLOCK_THREAD_CPUTIME_ID	14
#define CLOCK_PROCESS_CPUTIME_ID 15

int clock_gettime(clockid_t id, struct timespec *ts);
int clock_getres(clockid_t id, struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);
time_t time(time_t *t);

#endif
