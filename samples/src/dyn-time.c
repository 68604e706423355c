/*
 * Calendar time over libc.so.7 with fixed instants, so the output does
 * not depend on when it runs: gmtime, localtime in UTC and in a POSIX TZ
 * rule with daylight saving, mktime and timegm round trips, strftime's
 * conversions, strptime, asctime and ctime, difftime, tzname.
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const time_t instants[] = {
	0,		/* the epoch */
	951782400,	/* 2000-02-29, a leap day */
	1700000000,	/* 2023-11-14 22:13:20 UTC */
	1719835200,	/* 2024-07-01 12:00 UTC, summer */
	-86400,		/* 1969-12-31 */
	4102444799,	/* 2099-12-31 23:59:59 */
};

static void
show(const char *label, const struct tm *tm)
{
	char buf[256];

	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %b %j w%U/%W/%V %u %w %Z %z", tm);
	printf("%-6s %s isdst=%d gmtoff=%ld\n", label, buf, tm->tm_isdst, tm->tm_gmtoff);
}

static void
zone(const char *tz)
{
	struct tm tm;
	char buf[64];

	setenv("TZ", tz, 1);
	tzset();
	printf("TZ=%s tzname %s/%s\n", tz, tzname[0], tzname[1]);
	for (size_t i = 0; i < sizeof(instants) / sizeof(instants[0]); i++) {
		time_t t = instants[i], back;

		localtime_r(&t, &tm);
		show("local", &tm);
		back = mktime(&tm);
		printf("       mktime %s (%lld)\n", back == t ? "round trip" : "differs",
		    (long long)back);
		strftime(buf, sizeof(buf), "%c", &tm);
		printf("       %%c [%s]\n", buf);
	}
}

int
main(void)
{
	struct tm tm, *p;
	char buf[256];
	time_t t;

	for (size_t i = 0; i < sizeof(instants) / sizeof(instants[0]); i++) {
		t = instants[i];
		p = gmtime_r(&t, &tm);
		show("utc", p);
		printf("       timegm %s\n", timegm(&tm) == t ? "round trip" : "differs");
	}

	t = 1700000000;
	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%D|%T|%R|%r|%F|%e|%k|%l|%p|%I|%y|%C|%G|%g|%h|%n|%t|%%", &tm);
	printf("strftime [%s]\n", buf);
	strftime(buf, sizeof(buf), "%A %B %d %Y", &tm);
	printf("strftime [%s]\n", buf);
	printf("strftime to a short buffer: %zu\n", strftime(buf, 5, "%Y-%m-%d", &tm));
	printf("asctime  [%s]", asctime(&tm));
	printf("asctime_r [%s]", asctime_r(&tm, buf));

	zone("UTC0");
	printf("ctime    [%s]", ctime(&t));
	zone("EST5EDT,M3.2.0,M11.1.0");
	zone("CET-1CEST,M3.5.0,M10.5.0/3");
	zone("UTC0");

	memset(&tm, 0, sizeof(tm));
	p = (struct tm *)strptime("2024-02-29 23:59:58", "%Y-%m-%d %H:%M:%S", &tm);
	printf("strptime %s: %04d-%02d-%02d %02d:%02d:%02d wday %d yday %d\n", p ? "ok" : "failed",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    tm.tm_wday, tm.tm_yday);
	memset(&tm, 0, sizeof(tm));
	p = (struct tm *)strptime("Tue, 14 Nov 2023 22:13:20", "%a, %d %b %Y %T", &tm);
	printf("strptime %s: timegm %lld\n", p ? "ok" : "failed", (long long)timegm(&tm));
	printf("strptime of junk: %s\n", strptime("not a date", "%Y-%m-%d", &tm) ? "ok" : "failed");

	/* normalisation: day 0 of March is the last of February */
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 124;
	tm.tm_mon = 2;
	tm.tm_mday = 0;
	tm.tm_hour = 25;
	t = timegm(&tm);
	printf("normalised: %04d-%02d-%02d %02d:00 (%lld)\n", tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday, tm.tm_hour, (long long)t);
	printf("difftime %.1f\n", difftime(1700000000, 951782400));
	printf("clock() ticks: %s\n", clock() >= 0 ? "ok" : "failed");
	return 0;
}
