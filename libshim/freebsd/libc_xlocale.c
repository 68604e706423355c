/*
 * Locale objects (FreeBSD's xlocale: newlocale, uselocale, the *_l
 * functions) over glibc's locale_t.  The guest's locale_t points at a
 * struct shim_xlocale: glibc's object plus the FreeBSD rune table for its
 * LC_CTYPE, which FreeBSD's inline ctype macros read, through
 * _ThreadRuneLocale after uselocale and through __runes_for_locale in the
 * *_l forms.  LC_GLOBAL_LOCALE is (locale_t)-1 on both systems; a NULL
 * locale given to a *_l function means the C locale on FreeBSD.
 *
 * uselocale also sets glibc's thread locale, so every other shim (printf's
 * decimal point, strtod, strcoll) follows the thread's choice as FreeBSD's
 * do; a *_l function runs the plain shim with glibc's thread locale
 * switched for the call.
 */
#include "config.h"

#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "libshim/freebsd/libc_shim.h"
#include "loader/rtld.h"

/* FreeBSD's LC_*_MASK (xlocale/_locale.h): 1 << (category - 1). */
#define FBSD_LC_COLLATE_MASK	(1 << 0)
#define FBSD_LC_CTYPE_MASK	(1 << 1)
#define FBSD_LC_MONETARY_MASK	(1 << 2)
#define FBSD_LC_NUMERIC_MASK	(1 << 3)
#define FBSD_LC_TIME_MASK	(1 << 4)
#define FBSD_LC_MESSAGES_MASK	(1 << 5)
#define FBSD_LC_ALL_MASK	0x3f
#define FBSD_LC_VERSION_MASK	(1 << 6)	/* querylocale only */
#define FBSD_LC_GLOBAL_LOCALE	((struct shim_xlocale *)-1)

/* glibc's category for FreeBSD's mask bit i. */
static const int host_cat[] = { LC_COLLATE, LC_CTYPE, LC_MONETARY, LC_NUMERIC, LC_TIME, LC_MESSAGES };
static const int host_mask[] = {
	LC_COLLATE_MASK, LC_CTYPE_MASK, LC_MONETARY_MASK, LC_NUMERIC_MASK, LC_TIME_MASK,
	LC_MESSAGES_MASK,
};

struct shim_xlocale {
	locale_t host;
	const struct fbsd_rune_locale *runes;	/* &table, or the C locale's */
	int mb_sb_limit, mb_cur_max;
	struct fbsd_rune_locale table;
};

/* The locale uselocale chose for this thread, NULL for the global one. */
static __thread struct shim_xlocale *thread_locale;

static int
is_c(const char *name)
{
	return strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0;
}

/* Fills in x's rune table from its (new) host object. */
static void
tables(struct shim_xlocale *x)
{
	locale_t old;

	if (is_c(x->host->__names[LC_CTYPE])) {
		x->runes = &shim_DefaultRuneLocale;
		x->mb_sb_limit = 256;
		x->mb_cur_max = 1;
		return;
	}
	old = uselocale(x->host);
	shim_rune_table_build(&x->table, &x->mb_sb_limit, &x->mb_cur_max);
	uselocale(old);
	x->runes = &x->table;
}

static struct shim_xlocale *
wrap(locale_t h)
{
	struct shim_xlocale *x;

	if (!h)
		return shim_retp(NULL);
	if (!(x = malloc(sizeof(*x)))) {
		freelocale(h);
		shim_errno = FBSD_ENOMEM;
		return NULL;
	}
	x->host = h;
	tables(x);
	return x;
}

/* The C locale, for a NULL locale_t. */
static struct shim_xlocale *
c_locale(void)
{
	static struct shim_xlocale *c;
	struct shim_xlocale *x = __atomic_load_n(&c, __ATOMIC_ACQUIRE), *none = NULL;

	if (x)
		return x;
	/* XXX out of memory: abort, as a *_l function has no way to say it */
	if (!(x = wrap(newlocale(LC_ALL_MASK, "C", (locale_t)0))))
		abort();
	if (!__atomic_compare_exchange_n(&c, &none, x, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		freelocale(x->host);
		free(x);
		x = none;
	}
	return x;
}

/* glibc's object for a guest locale_t given to a *_l function, for
 * uselocale (glibc's *_l functions take no LC_GLOBAL_LOCALE). */
static locale_t
host_of(struct shim_xlocale *x)
{
	if (x == FBSD_LC_GLOBAL_LOCALE)
		return LC_GLOBAL_LOCALE;
	return (x ? x : c_locale())->host;
}

const struct fbsd_rune_locale *
shim_thread_runes(void)
{
	return thread_locale ? thread_locale->runes : NULL;
}

int
shim_thread_mb_sb_limit(void)
{
	return thread_locale ? thread_locale->mb_sb_limit : 0;
}

int
shim_thread_mb_cur_max(void)
{
	return thread_locale ? thread_locale->mb_cur_max : 0;
}

struct shim_xlocale *
shim_newlocale(int mask, const char *name, struct shim_xlocale *base)
{
	locale_t hbase = (locale_t)0, h;
	int hmask = 0;

	if (mask & ~FBSD_LC_ALL_MASK || !name) {
		shim_errno = FBSD_EINVAL;
		return NULL;
	}
	for (int i = 0; i < 6; i++)
		if (mask & (1 << i))
			hmask |= host_mask[i];
	/* glibc takes no LC_GLOBAL_LOCALE as a base: a copy of it. */
	if (base == FBSD_LC_GLOBAL_LOCALE) {
		if (!(hbase = duplocale(LC_GLOBAL_LOCALE)))
			return shim_retp(NULL);
	} else if (base) {
		hbase = base->host;
	}
	h = newlocale(hmask, name, hbase);
	if (!h) {
		/* FreeBSD says ENOENT for a locale it has no files for, as glibc. */
		shim_errno_sync();
		if (base == FBSD_LC_GLOBAL_LOCALE)
			freelocale(hbase);
		return NULL;
	}
	/* glibc reused or freed base's object: the wrapper goes too. */
	if (base && base != FBSD_LC_GLOBAL_LOCALE) {
		if (thread_locale == base)
			thread_locale = NULL;
		free(base);
	}
	return wrap(h);
}

struct shim_xlocale *
shim_duplocale(struct shim_xlocale *x)
{
	return wrap(duplocale(host_of(x)));
}

void
shim_freelocale(struct shim_xlocale *x)
{
	if (!x || x == FBSD_LC_GLOBAL_LOCALE)
		return;
	freelocale(x->host);
	free(x);
}

struct shim_xlocale *
shim_uselocale(struct shim_xlocale *x)
{
	struct shim_xlocale *old = thread_locale ? thread_locale : FBSD_LC_GLOBAL_LOCALE;
	const struct fbsd_rune_locale **tr;

	if (!x)
		return old;
	uselocale(x == FBSD_LC_GLOBAL_LOCALE ? LC_GLOBAL_LOCALE : x->host);
	thread_locale = x == FBSD_LC_GLOBAL_LOCALE ? NULL : x;
	/* FreeBSD's ctype macros read this thread's _ThreadRuneLocale first. */
	tr = ux_rtld_shim_tls("libc.so.7", "_ThreadRuneLocale");
	if (tr)
		*tr = thread_locale ? thread_locale->runes : NULL;
	return old;
}

/* The name of the lowest category in mask. */
const char *
shim_querylocale(int mask, struct shim_xlocale *x)
{
	int i;

	if (mask & FBSD_LC_VERSION_MASK && !(mask & FBSD_LC_ALL_MASK))
		return "";	/* XXX no collation versions */
	for (i = 0; i < 6 && !(mask & (1 << i)); i++)
		;
	if (i == 6)
		return NULL;
	if (x == FBSD_LC_GLOBAL_LOCALE)
		return setlocale(host_cat[i], NULL);
	return (x ? x : c_locale())->host->__names[host_cat[i]];
}

const struct fbsd_rune_locale *
shim___runes_for_locale(struct shim_xlocale *x, int *mb_sb_limit)
{
	if (x == FBSD_LC_GLOBAL_LOCALE) {
		*mb_sb_limit = shim_mb_sb_limit;
		return shim_CurrentRuneLocale;
	}
	if (!x)
		x = c_locale();
	*mb_sb_limit = x->mb_sb_limit;
	return x->runes;
}

int
shim____mb_cur_max_l(struct shim_xlocale *x)
{
	if (x == FBSD_LC_GLOBAL_LOCALE)
		return shim_mb_cur_max;
	return (x ? x : c_locale())->mb_cur_max;
}

/* --- the *_l functions: the plain shim under the given locale ----------------- */

#define WITH_LOCALE(type, x, call)			\
	do {						\
		locale_t old_ = uselocale(host_of(x));	\
		type r_ = call;				\
						\
		uselocale(old_);			\
		return r_;				\
	} while (0)

int
shim_strcoll_l(const char *a, const char *b, struct shim_xlocale *x)
{
	WITH_LOCALE(int, x, strcoll(a, b));
}

size_t
shim_strxfrm_l(char *dst, const char *src, size_t n, struct shim_xlocale *x)
{
	WITH_LOCALE(size_t, x, strxfrm(dst, src, n));
}

int
shim_wcscoll_l(const int32_t *a, const int32_t *b, struct shim_xlocale *x)
{
	WITH_LOCALE(int, x, wcscoll((const wchar_t *)a, (const wchar_t *)b));
}

size_t
shim_strftime_l(char *s, size_t max, const char *fmt, const struct tm *tm, struct shim_xlocale *x)
{
	WITH_LOCALE(size_t, x, shim_strftime(s, max, fmt, tm));
}

double
shim_strtod_l(const char *s, char **end, struct shim_xlocale *x)
{
	WITH_LOCALE(double, x, shim_strtod(s, end));
}

float
shim_strtof_l(const char *s, char **end, struct shim_xlocale *x)
{
	WITH_LOCALE(float, x, shim_strtof(s, end));
}

long double
shim_strtold_l(const char *s, char **end, struct shim_xlocale *x)
{
	WITH_LOCALE(long double, x, shim_strtold(s, end));
}

long
shim_strtol_l(const char *s, char **end, int base, struct shim_xlocale *x)
{
	WITH_LOCALE(long, x, shim_strtol(s, end, base));
}

unsigned long
shim_strtoul_l(const char *s, char **end, int base, struct shim_xlocale *x)
{
	WITH_LOCALE(unsigned long, x, shim_strtoul(s, end, base));
}

long long
shim_strtoll_l(const char *s, char **end, int base, struct shim_xlocale *x)
{
	WITH_LOCALE(long long, x, shim_strtoll(s, end, base));
}

unsigned long long
shim_strtoull_l(const char *s, char **end, int base, struct shim_xlocale *x)
{
	WITH_LOCALE(unsigned long long, x, shim_strtoull(s, end, base));
}

char *
shim_nl_langinfo_l(int item, struct shim_xlocale *x)
{
	WITH_LOCALE(char *, x, shim_nl_langinfo(item));
}

/* XXX the result is shared with localeconv(), as FreeBSD's is not. */
struct fbsd_lconv *
shim_localeconv_l(struct shim_xlocale *x)
{
	WITH_LOCALE(struct fbsd_lconv *, x, shim_localeconv());
}

size_t
shim_mbrtowc_l(int32_t *wc, const char *s, size_t n, void *ps, struct shim_xlocale *x)
{
	WITH_LOCALE(size_t, x, shim_mbrtowc(wc, s, n, ps));
}

size_t
shim_wcrtomb_l(char *s, int32_t wc, void *ps, struct shim_xlocale *x)
{
	WITH_LOCALE(size_t, x, shim_wcrtomb(s, wc, ps));
}

size_t
shim_mbstowcs_l(int32_t *dst, const char *src, size_t n, struct shim_xlocale *x)
{
	WITH_LOCALE(size_t, x, shim_mbstowcs(dst, src, n));
}

size_t
shim_wcstombs_l(char *dst, const int32_t *src, size_t n, struct shim_xlocale *x)
{
	WITH_LOCALE(size_t, x, shim_wcstombs(dst, src, n));
}

int
shim_vsnprintf_l(char *buf, size_t n, struct shim_xlocale *x, const char *fmt, va_list ap)
{
	WITH_LOCALE(int, x, shim_vsnprintf(buf, n, fmt, ap));
}

int
shim_snprintf_l(char *buf, size_t n, struct shim_xlocale *x, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = shim_vsnprintf_l(buf, n, x, fmt, ap);
	va_end(ap);
	return r;
}

int
shim_vasprintf_l(char **out, struct shim_xlocale *x, const char *fmt, va_list ap)
{
	WITH_LOCALE(int, x, shim_vasprintf(out, fmt, ap));
}

int
shim_asprintf_l(char **out, struct shim_xlocale *x, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = shim_vasprintf_l(out, x, fmt, ap);
	va_end(ap);
	return r;
}

/* Character classes from the locale's FreeBSD table, as its macros do;
 * wide ones from glibc's for the same locale. */
static unsigned long
class_l(int c, struct shim_xlocale *x)
{
	int limit;
	const struct fbsd_rune_locale *rl = shim___runes_for_locale(x, &limit);

	if (c >= 0 && c < limit)
		return rl->runetype[c];
	if (c < 0 || rl == &shim_DefaultRuneLocale)
		return 0;
	WITH_LOCALE(unsigned long, x, shim____runetype(c));
}

#define CLASS_L(name, bits) \
	int shim_##name##_l(int c, struct shim_xlocale *x) { return !!(class_l(c, x) & (bits)); }

CLASS_L(isalnum, FBSD_CTYPE_A | FBSD_CTYPE_D | FBSD_CTYPE_N)
CLASS_L(isalpha, FBSD_CTYPE_A)
CLASS_L(isblank, FBSD_CTYPE_B)
CLASS_L(iscntrl, FBSD_CTYPE_C)
CLASS_L(isdigit, FBSD_CTYPE_D)
CLASS_L(isgraph, FBSD_CTYPE_G)
CLASS_L(islower, FBSD_CTYPE_L)
CLASS_L(isprint, FBSD_CTYPE_R)
CLASS_L(ispunct, FBSD_CTYPE_P)
CLASS_L(isspace, FBSD_CTYPE_S)
CLASS_L(isupper, FBSD_CTYPE_U)
CLASS_L(isxdigit, FBSD_CTYPE_X)

int
shim_tolower_l(int c, struct shim_xlocale *x)
{
	int limit;
	const struct fbsd_rune_locale *rl = shim___runes_for_locale(x, &limit);

	if (c >= 0 && c < 256)
		return rl->maplower[c];
	WITH_LOCALE(int, x, shim____tolower(c));
}

int
shim_toupper_l(int c, struct shim_xlocale *x)
{
	int limit;
	const struct fbsd_rune_locale *rl = shim___runes_for_locale(x, &limit);

	if (c >= 0 && c < 256)
		return rl->mapupper[c];
	WITH_LOCALE(int, x, shim____toupper(c));
}

int
shim_towlower_l(int c, struct shim_xlocale *x)
{
	WITH_LOCALE(int, x, (int)towlower((wint_t)c));
}

int
shim_towupper_l(int c, struct shim_xlocale *x)
{
	WITH_LOCALE(int, x, (int)towupper((wint_t)c));
}
