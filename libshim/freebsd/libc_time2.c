/*
 * Calendar time.  FreeBSD's struct tm is glibc's, field for field
 * (tm_gmtoff and tm_zone included), so the conversions are glibc's own;
 * what needs care is tzname, a data object the guest may hold a copy of,
 * kept in step after every call that may load a zone, strftime's FreeBSD
 * conversions glibc lacks, and clock() with FreeBSD's CLOCKS_PER_SEC.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "libshim/freebsd/libc_shim.h"
#include "loader/rtld.h"

_Static_assert(sizeof(struct tm) == 56, "struct tm");
_Static_assert(offsetof(struct tm, tm_gmtoff) == 40 && offsetof(struct tm, tm_zone) == 48,
    "struct tm's BSD fields");

char *shim_tzname[2] = { "UTC", "UTC" };

static void
publish_tzname(void)
{
	char **g = ux_rtld_sym_default("tzname");

	shim_tzname[0] = tzname[0];
	shim_tzname[1] = tzname[1];
	if (g && g != shim_tzname) {
		g[0] = tzname[0];
		g[1] = tzname[1];
	}
}

void
shim_tzset(void)
{
	tzset();
	publish_tzname();
}

struct tm *
shim_localtime(const int64_t *t)
{
	struct tm *r = localtime((const time_t *)t);

	publish_tzname();
	return shim_retp(r);
}

struct tm *
shim_localtime_r(const int64_t *t, struct tm *tm)
{
	struct tm *r = localtime_r((const time_t *)t, tm);

	publish_tzname();
	return shim_retp(r);
}

struct tm *
shim_gmtime(const int64_t *t)
{
	return shim_retp(gmtime((const time_t *)t));
}

struct tm *
shim_gmtime_r(const int64_t *t, struct tm *tm)
{
	return shim_retp(gmtime_r((const time_t *)t, tm));
}

int64_t
shim_mktime(struct tm *tm)
{
	time_t r;

	errno = 0;
	r = mktime(tm);
	if (r == (time_t)-1 && errno != 0)
		shim_errno_sync();
	publish_tzname();
	return r;
}

int64_t
shim_timegm(struct tm *tm)
{
	time_t r;

	errno = 0;
	r = timegm(tm);
	if (r == (time_t)-1 && errno != 0)
		shim_errno_sync();
	return r;
}

char *
shim_ctime(const int64_t *t)
{
	char *r = ctime((const time_t *)t);

	publish_tzname();
	return shim_retp(r);
}

char *
shim_ctime_r(const int64_t *t, char *buf)
{
	char *r = ctime_r((const time_t *)t, buf);

	publish_tzname();
	return shim_retp(r);
}

/*
 * FreeBSD's %+ (date(1)'s format) and %v (day-month-year) have no glibc
 * conversion: they are spelled out before glibc formats.  Everything else,
 * the E and O modifiers and glibc's padding flags included, is common.
 */
size_t
shim_strftime(char *s, size_t max, const char *fmt, const struct tm *tm)
{
	char local[512], *buf = local;
	size_t need = 1, o = 0, r;

	for (const char *p = fmt; *p; p++)
		need += (p[0] == '%' && (p[1] == '+' || p[1] == 'v')) ? 24 : 1;
	if (need > sizeof(local) && !(buf = malloc(need))) {
		shim_errno = FBSD_ENOMEM;
		return 0;
	}
	for (const char *p = fmt; *p; p++) {
		const char *rep = NULL;

		if (p[0] == '%' && p[1] == '+')
			rep = "%a %b %e %H:%M:%S %Z %Y";
		else if (p[0] == '%' && p[1] == 'v')
			rep = "%e-%b-%Y";
		else if (p[0] == '%' && p[1] == '%') {
			buf[o++] = *p++;
			buf[o++] = *p;
			continue;
		}
		if (rep) {
			memcpy(buf + o, rep, strlen(rep));
			o += strlen(rep);
			p++;
		} else {
			buf[o++] = *p;
		}
	}
	buf[o] = '\0';
	r = strftime(s, max, buf, tm);
	if (buf != local)
		free(buf);
	return r;
}

/* CLOCKS_PER_SEC is 128 on FreeBSD, and clock_t 32 bits on amd64. */
int32_t
shim_clock(void)
{
	struct rusage ru;
	uint64_t us;

	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return -1;
	us = (uint64_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000 +
	    (uint64_t)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
	return (int32_t)(us * FBSD_CLOCKS_PER_SEC / 1000000);
}

double
shim_difftime(int64_t a, int64_t b)
{
	return (double)(a - b);
}
