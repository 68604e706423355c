/*
 * Locales over glibc's: FreeBSD numbers the categories differently
 * (LC_ALL is 0), names a mixed LC_ALL "collate/ctype/monetary/numeric/
 * time/messages", orders struct lconv's int_* fields differently and has
 * its own nl_item numbers.  A change of LC_CTYPE rebuilds the rune table
 * FreeBSD's inline ctype reads (libc_ctype.c).
 *
 * Multibyte conversions are glibc's for the same locale: wchar_t is a
 * 32-bit int on both, and FreeBSD's 128-byte mbstate_t has room for
 * glibc's 8-byte one (both start zeroed).
 */
#include "config.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "libshim/freebsd/libc_shim.h"

/* glibc's category for each of FreeBSD's, LC_ALL (0) to LC_MESSAGES (6). */
static const int host_cat[] = {
	LC_ALL, LC_COLLATE, LC_CTYPE, LC_MONETARY, LC_NUMERIC, LC_TIME, LC_MESSAGES,
};
#define NCAT ((int)(sizeof(host_cat) / sizeof(host_cat[0])))

static int
c_name(const char *n)
{
	return n && (strcmp(n, "C") == 0 || strcmp(n, "POSIX") == 0);
}

static void
ctype_changed(void)
{
	shim_ctype_locale_changed(c_name(setlocale(LC_CTYPE, NULL)));
}

/* What FreeBSD reports for LC_ALL: one name, or all six joined by '/'. */
static char *
all_names(void)
{
	static char buf[6 * 64];
	const char *first = setlocale(host_cat[1], NULL);
	int same = 1;

	for (int i = 2; i < NCAT; i++)
		same &= strcmp(setlocale(host_cat[i], NULL), first) == 0;
	if (same)
		return (char *)first;
	buf[0] = '\0';
	for (int i = 1; i < NCAT; i++) {
		if (i > 1)
			strncat(buf, "/", sizeof(buf) - strlen(buf) - 1);
		strncat(buf, setlocale(host_cat[i], NULL), sizeof(buf) - strlen(buf) - 1);
	}
	return buf;
}

/* LC_ALL set to "a/b/c/d/e/f": each category its own, all or nothing. */
static char *
set_all_split(const char *spec)
{
	char parts[6][64], *saved[NCAT];
	const char *p = spec;

	for (int i = 0; i < 6; i++) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if ((i < 5) != (e != NULL) || n >= sizeof(parts[0]))
			goto bad;
		memcpy(parts[i], p, n);
		parts[i][n] = '\0';
		p = e ? e + 1 : p + n;
	}
	for (int i = 1; i < NCAT; i++)
		saved[i] = strdup(setlocale(host_cat[i], NULL));
	for (int i = 1; i < NCAT; i++)
		if (!setlocale(host_cat[i], parts[i - 1])) {
			for (int j = 1; j < NCAT; j++)
				if (saved[j])
					setlocale(host_cat[j], saved[j]);
			for (int j = 1; j < NCAT; j++)
				free(saved[j]);
			goto bad;
		}
	for (int i = 1; i < NCAT; i++)
		free(saved[i]);
	ctype_changed();
	return all_names();
bad:
	shim_errno = FBSD_EINVAL;
	return NULL;
}

char *
shim_setlocale(int cat, const char *name)
{
	char *r;

	if (cat < 0 || cat >= NCAT) {
		shim_errno = FBSD_EINVAL;
		return NULL;
	}
	if (!name)
		return cat == 0 ? all_names() : setlocale(host_cat[cat], NULL);
	if (cat == 0 && strchr(name, '/'))
		return set_all_split(name);
	r = setlocale(host_cat[cat], name);
	if (!r) {
		/* FreeBSD says ENOENT for a locale it has no files for. */
		shim_errno = FBSD_ENOENT;
		return NULL;
	}
	if (cat == 0 || cat == 2)
		ctype_changed();
	return cat == 0 ? all_names() : r;
}

struct fbsd_lconv *
shim_localeconv(void)
{
	static struct fbsd_lconv g;
	const struct lconv *h = localeconv();

	g = (struct fbsd_lconv){
		.decimal_point = h->decimal_point,
		.thousands_sep = h->thousands_sep,
		.grouping = h->grouping,
		.int_curr_symbol = h->int_curr_symbol,
		.currency_symbol = h->currency_symbol,
		.mon_decimal_point = h->mon_decimal_point,
		.mon_thousands_sep = h->mon_thousands_sep,
		.mon_grouping = h->mon_grouping,
		.positive_sign = h->positive_sign,
		.negative_sign = h->negative_sign,
		.int_frac_digits = h->int_frac_digits,
		.frac_digits = h->frac_digits,
		.p_cs_precedes = h->p_cs_precedes,
		.p_sep_by_space = h->p_sep_by_space,
		.n_cs_precedes = h->n_cs_precedes,
		.n_sep_by_space = h->n_sep_by_space,
		.p_sign_posn = h->p_sign_posn,
		.n_sign_posn = h->n_sign_posn,
		.int_p_cs_precedes = h->int_p_cs_precedes,
		.int_n_cs_precedes = h->int_n_cs_precedes,
		.int_p_sep_by_space = h->int_p_sep_by_space,
		.int_n_sep_by_space = h->int_n_sep_by_space,
		.int_p_sign_posn = h->int_p_sign_posn,
		.int_n_sign_posn = h->int_n_sign_posn,
	};
	return &g;
}

/* FreeBSD's nl_item numbers (langinfo.h) to glibc's. */
static int
host_item(int item, nl_item *out)
{
	static const nl_item fixed[] = {
		CODESET, D_T_FMT, D_FMT, T_FMT, T_FMT_AMPM, AM_STR, PM_STR,
	};

	if (item >= 0 && item <= 6)
		*out = fixed[item];
	else if (item >= 7 && item <= 13)
		*out = DAY_1 + (item - 7);
	else if (item >= 14 && item <= 20)
		*out = ABDAY_1 + (item - 14);
	else if (item >= 21 && item <= 32)
		*out = MON_1 + (item - 21);
	else if (item >= 33 && item <= 44)
		*out = ABMON_1 + (item - 33);
	else if (item >= 58 && item <= 69)
		*out = ALTMON_1 + (item - 58);
	else
		switch (item) {
		case 45: *out = ERA; break;
		case 46: *out = ERA_D_FMT; break;
		case 47: *out = ERA_D_T_FMT; break;
		case 48: *out = ERA_T_FMT; break;
		case 49: *out = ALT_DIGITS; break;
		case 50: *out = RADIXCHAR; break;
		case 51: *out = THOUSEP; break;
		case 52: *out = YESEXPR; break;
		case 53: *out = NOEXPR; break;
		default: return -1;
		}
	return 0;
}

char *
shim_nl_langinfo(int item)
{
	/* The thread's locale (uselocale), as glibc's nl_langinfo answers for. */
	const char *ct = nl_langinfo(_NL_LOCALE_NAME(LC_CTYPE));
	nl_item h;

	switch (item) {
	case 0:		/* CODESET: what the LC_CTYPE name says */
		if (c_name(ct))
			return "US-ASCII";
		break;
	case 54:	/* YESSTR */
		return c_name(nl_langinfo(_NL_LOCALE_NAME(LC_MESSAGES))) ? "yes" : nl_langinfo(__YESSTR);
	case 55:	/* NOSTR */
		return c_name(nl_langinfo(_NL_LOCALE_NAME(LC_MESSAGES))) ? "no" : nl_langinfo(__NOSTR);
	case 56:	/* CRNCYSTR: nothing without a currency symbol */
		if (localeconv()->currency_symbol[0] == '\0')
			return "";
		return nl_langinfo(CRNCYSTR);
	case 57:	/* D_MD_ORDER */
		return "md";
	}
	if (host_item(item, &h) != 0)
		return "";
	return nl_langinfo(h);
}

/* --- multibyte and wide characters -------------------------------------------------- */

size_t
shim_mbrtowc(int32_t *wc, const char *s, size_t n, void *ps)
{
	size_t r = mbrtowc((wchar_t *)wc, s, n, ps);

	if (r == (size_t)-1)
		shim_errno_sync();
	return r;
}

size_t
shim_wcrtomb(char *s, int32_t wc, void *ps)
{
	size_t r = wcrtomb(s, (wchar_t)wc, ps);

	if (r == (size_t)-1)
		shim_errno_sync();
	return r;
}

size_t
shim_mbstowcs(int32_t *dst, const char *src, size_t n)
{
	size_t r = mbstowcs((wchar_t *)dst, src, n);

	if (r == (size_t)-1)
		shim_errno_sync();
	return r;
}

size_t
shim_wcstombs(char *dst, const int32_t *src, size_t n)
{
	size_t r = wcstombs(dst, (const wchar_t *)src, n);

	if (r == (size_t)-1)
		shim_errno_sync();
	return r;
}

size_t
shim_mbsrtowcs(int32_t *dst, const char **src, size_t n, void *ps)
{
	size_t r = mbsrtowcs((wchar_t *)dst, src, n, ps);

	if (r == (size_t)-1)
		shim_errno_sync();
	return r;
}

size_t
shim_wcsrtombs(char *dst, const int32_t **src, size_t n, void *ps)
{
	size_t r = wcsrtombs(dst, (const wchar_t **)src, n, ps);

	if (r == (size_t)-1)
		shim_errno_sync();
	return r;
}

int
shim_mbtowc(int32_t *wc, const char *s, size_t n)
{
	return shim_ret(mbtowc((wchar_t *)wc, s, n));
}

int
shim_wctomb(char *s, int32_t wc)
{
	return shim_ret(wctomb(s, (wchar_t)wc));
}

int
shim_mblen(const char *s, size_t n)
{
	return shim_ret(mblen(s, n));
}

size_t
shim_mbrlen(const char *s, size_t n, void *ps)
{
	size_t r = mbrlen(s, n, ps);

	if (r == (size_t)-1)
		shim_errno_sync();
	return r;
}

int
shim_mbsinit(const void *ps)
{
	return mbsinit(ps);
}

int
shim_btowc(int c)
{
	return (int)btowc(c);
}

int
shim_wctob(int c)
{
	return wctob((wint_t)c);
}

int
shim_wcwidth(int32_t c)
{
	return wcwidth((wchar_t)c);
}
