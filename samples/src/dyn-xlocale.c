/*
 * POSIX 2008 locale objects: newlocale, duplocale, freelocale, uselocale
 * (per thread: one thread switches, the other must not see it), the
 * locale's name (querylocale on FreeBSD, glibc's _NL_LOCALE_NAME on
 * Linux) and the *_l functions, in the C and C.UTF-8 locales.
 *   dyn-xlocale
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <ctype.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
#include <wctype.h>
#ifndef __linux__
#include <xlocale.h>
#endif

#include "errname.h"

#ifdef __linux__
/* FreeBSD's *_l functions glibc does not have: the plain ones under loc. */
static size_t
mb_cur_max_l(locale_t loc)
{
	locale_t old = uselocale(loc);
	size_t n = MB_CUR_MAX;

	uselocale(old);
	return n;
}
#define MB_CUR_MAX_L(loc) mb_cur_max_l(loc)

static size_t
mbrtowc_l(wchar_t *wc, const char *s, size_t n, mbstate_t *st, locale_t loc)
{
	locale_t old = uselocale(loc);
	size_t r = mbrtowc(wc, s, n, st);

	uselocale(old);
	return r;
}

static int
snprintf_l(char *buf, size_t n, locale_t loc, const char *fmt, ...)
{
	locale_t old = uselocale(loc);
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	uselocale(old);
	return r;
}
#endif

/* The threads' turns, in order. */
static pthread_mutex_t turn_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn_cv = PTHREAD_COND_INITIALIZER;
static int turn;

static void
wait_turn(int t)
{
	pthread_mutex_lock(&turn_lock);
	while (turn != t)
		pthread_cond_wait(&turn_cv, &turn_lock);
	pthread_mutex_unlock(&turn_lock);
}

static void
next_turn(void)
{
	pthread_mutex_lock(&turn_lock);
	turn++;
	pthread_cond_broadcast(&turn_cv);
	pthread_mutex_unlock(&turn_lock);
}

/* The name of mask's category in loc. */
static const char *
qname(int mask, locale_t loc)
{
#ifdef __linux__
	int cat = mask == LC_CTYPE_MASK ? LC_CTYPE : mask == LC_NUMERIC_MASK ? LC_NUMERIC :
	    mask == LC_COLLATE_MASK ? LC_COLLATE : LC_TIME;

	if (loc == LC_GLOBAL_LOCALE)
		return setlocale(cat, NULL);
	return nl_langinfo_l(_NL_LOCALE_NAME(cat), loc);
#else
	return querylocale(mask, loc);
#endif
}

static void
show(const char *what, locale_t loc)
{
	char buf[128];
	struct tm tm = { .tm_year = 124, .tm_mon = 0, .tm_mday = 4, .tm_wday = 4, .tm_hour = 13 };
	mbstate_t st;
	wchar_t wc = 0;
	size_t n;
	char *end;
	double d;

	printf("%s: ctype %s numeric %s collate %s time %s\n", what, qname(LC_CTYPE_MASK, loc),
	    qname(LC_NUMERIC_MASK, loc), qname(LC_COLLATE_MASK, loc), qname(LC_TIME_MASK, loc));
	printf("  MB_CUR_MAX_L > 1: %d\n", MB_CUR_MAX_L(loc) > 1);
	memset(&st, 0, sizeof(st));
	errno = 0;
	n = mbrtowc_l(&wc, "\xc3\xa9", 2, &st, loc);
	printf("  mbrtowc_l(e-acute): %ld wc %#x %s\n", (long)n, (unsigned)wc,
	    n == (size_t)-1 ? errname(errno) : "");
	printf("  towupper_l(0xe9) %#x towlower_l(0xc9) %#x\n", (unsigned)towupper_l(0xe9, loc),
	    (unsigned)towlower_l(0xc9, loc));
	printf("  toupper_l('q') %c tolower_l('Q') %c isalpha_l('x') %d isdigit_l('7') %d "
	    "isspace_l('\\t') %d ispunct_l('!') %d isxdigit_l('g') %d\n", toupper_l('q', loc),
	    tolower_l('Q', loc), !!isalpha_l('x', loc), !!isdigit_l('7', loc),
	    !!isspace_l('\t', loc), !!ispunct_l('!', loc), !!isxdigit_l('g', loc));
	d = strtod_l("2.75x", &end, loc);
	printf("  strcoll_l(a, B) %s strtod_l(2.75x) %g rest '%s' strtol_l(0x1f) %ld\n",
	    strcoll_l("a", "B", loc) > 0 ? ">" : "<=", d, end, strtol_l("0x1f", NULL, 0, loc));
	strftime_l(buf, sizeof(buf), "%A %d %B %Y %H:%M", &tm, loc);
	printf("  strftime_l: %s\n", buf);
	snprintf_l(buf, sizeof(buf), loc, "%.3f|%5d|%s", 3.14159, 42, "x");
	printf("  snprintf_l: %s\n", buf);
	printf("  nl_langinfo_l(CODESET) UTF-8: %d\n", strcmp(nl_langinfo_l(CODESET, loc), "UTF-8") == 0);
}

static locale_t utf8;

static void *
switcher(void *arg)
{
	locale_t old = uselocale(utf8);

	(void)arg;
	printf("thread 1: was global %d, now utf8 %d\n", old == LC_GLOBAL_LOCALE, uselocale(NULL) == utf8);
	next_turn();	/* thread 2 looks now */
	wait_turn(2);
	printf("thread 1: MB_CUR_MAX > 1 %d towupper(0xe9) %#x toupper('k') %c isalpha('k') %d\n",
	    MB_CUR_MAX > 1, (unsigned)towupper(0xe9), toupper('k'), !!isalpha('k'));
	uselocale(LC_GLOBAL_LOCALE);
	printf("thread 1: back to global %d MB_CUR_MAX %d\n", uselocale(NULL) == LC_GLOBAL_LOCALE,
	    (int)MB_CUR_MAX);
	return NULL;
}

static void *
stayer(void *arg)
{
	(void)arg;
	wait_turn(1);
	printf("thread 2: global %d MB_CUR_MAX %d towupper(0xe9) %#x\n",
	    uselocale(NULL) == LC_GLOBAL_LOCALE, (int)MB_CUR_MAX, (unsigned)towupper(0xe9));
	next_turn();
	return NULL;
}

int
main(void)
{
	locale_t c, copy, mixed, bad;
	pthread_t t1, t2;

	setvbuf(stdout, NULL, _IONBF, 0);
	c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
	if (!c || !utf8) {
		printf("newlocale failed: %s\n", errname(errno));
		return 1;
	}
	show("C", c);
	show("C.UTF-8", utf8);
	/* glibc's *_l functions take no LC_GLOBAL_LOCALE: only the names. */
	printf("global: ctype %s numeric %s\n", qname(LC_CTYPE_MASK, LC_GLOBAL_LOCALE),
	    qname(LC_NUMERIC_MASK, LC_GLOBAL_LOCALE));

	copy = duplocale(utf8);
	printf("duplocale: ctype %s\n", qname(LC_CTYPE_MASK, copy));
	/* C.UTF-8's character types over the C locale's numbers: base is
	 * consumed. */
	mixed = newlocale(LC_CTYPE_MASK, "C.UTF-8", newlocale(LC_ALL_MASK, "POSIX", (locale_t)0));
	printf("mixed: ctype %s numeric %s\n", qname(LC_CTYPE_MASK, mixed), qname(LC_NUMERIC_MASK, mixed));
	errno = 0;
	bad = newlocale(LC_ALL_MASK, "xx_NOWHERE.bogus", (locale_t)0);
	printf("newlocale(bogus): %s %s\n", bad ? "made" : "NULL", errname(errno));
	errno = 0;
	bad = newlocale(1 << 20, "C", (locale_t)0);
	printf("newlocale(bad mask): %s %s\n", bad ? "made" : "NULL", errname(errno));

	printf("main: uselocale(NULL) global %d\n", uselocale(NULL) == LC_GLOBAL_LOCALE);
	pthread_create(&t1, NULL, switcher, NULL);
	pthread_create(&t2, NULL, stayer, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	printf("main: still global %d MB_CUR_MAX %d\n", uselocale(NULL) == LC_GLOBAL_LOCALE,
	    (int)MB_CUR_MAX);

	uselocale(copy);
	printf("main with copy: MB_CUR_MAX > 1 %d strtod(1.25) %g\n", MB_CUR_MAX > 1, strtod("1.25", NULL));
	uselocale(LC_GLOBAL_LOCALE);
	freelocale(copy);
	freelocale(mixed);
	freelocale(utf8);
	freelocale(c);
	return 0;
}
