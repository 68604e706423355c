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
#define TIMER_ABSTIME		0x1	/* FreeBSD's sys/time.h */
int clock_nanosleep(int clock_id, int flags, const struct timespec *req, struct timespec *rem);
time_t time(time_t *t);

/* Calendar time, for dynamically linked programs: FreeBSD's struct tm
 * (with tm_gmtoff and tm_zone), CLOCKS_PER_SEC 128, a 32-bit clock_t. */
typedef int32_t clock_t;
#define CLOCKS_PER_SEC	128

struct tm {
	int tm_sec;
	int tm_min;
	int tm_hour;
	int tm_mday;
	int tm_mon;
	int tm_year;
	int tm_wday;
	int tm_yday;
	int tm_isdst;
	long tm_gmtoff;
	char *tm_zone;
};

extern char *tzname[2];
void tzset(void);
clock_t clock(void);
double difftime(time_t a, time_t b);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *tm);
struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *tm);
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *tm, char *buf);
char *ctime(const time_t *t);
char *ctime_r(const time_t *t, char *buf);
size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm)
    __attribute__((format(strftime, 3, 0)));
char *strptime(const char *s, const char *fmt, struct tm *tm);

#endif
