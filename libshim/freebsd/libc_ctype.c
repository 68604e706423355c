/*
 * Character classes as FreeBSD's <ctype.h> reaches them: its isalpha()
 * and friends are inline code that indexes the current _RuneLocale
 * (runetype.h) directly, through _ThreadRuneLocale (a per-thread
 * override that uselocale sets, libc_xlocale.c) or else
 * _CurrentRuneLocale, bounded by __mb_sb_limit; runes past the table go
 * to ___runetype, ___tolower and ___toupper.  So the tables are FreeBSD's
 * layout and values: _DefaultRuneLocale is the C locale's (lib/libc/locale/
 * table.c); another LC_CTYPE gets one computed from glibc's wide-character
 * classes for the same locale (libc_locale.c calls shim_ctype_locale_changed).
 *
 * The function forms (isalpha(), iswalpha() ...) answer from the same
 * tables, as FreeBSD's do.
 */
#include "config.h"

#include <ctype.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "libshim/freebsd/libc_shim.h"
#include "loader/rtld.h"

_Static_assert(sizeof(struct fbsd_rune_locale) == 4224, "FreeBSD _RuneLocale");
_Static_assert(offsetof(struct fbsd_rune_locale, runetype) == 64, "__runetype offset");
_Static_assert(offsetof(struct fbsd_rune_locale, maplower) == 2112, "__maplower offset");
_Static_assert(offsetof(struct fbsd_rune_locale, runetype_ext) == 4160, "__runetype_ext offset");

struct fbsd_rune_locale shim_DefaultRuneLocale;
static struct fbsd_rune_locale other_locale;
const struct fbsd_rune_locale *shim_CurrentRuneLocale = &shim_DefaultRuneLocale;
const struct fbsd_rune_locale *shim_ThreadRuneLocale_init;
int shim_mb_sb_limit = 256;
int shim_mb_cur_max = 1;

/* The C locale: ASCII's classes, the digit value in the low byte. */
static unsigned long
c_class(int c)
{
	unsigned long t = 0;

	if (c < 0x20 || c == 0x7f)
		t |= FBSD_CTYPE_C;
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		t |= FBSD_CTYPE_S;
	if (c == ' ' || c == '\t')
		t |= FBSD_CTYPE_B;
	if (c >= 0x20 && c < 0x7f)
		t |= FBSD_CTYPE_R;
	if (c > 0x20 && c < 0x7f)
		t |= FBSD_CTYPE_G;
	if (c >= '0' && c <= '9')
		t |= FBSD_CTYPE_D | FBSD_CTYPE_X | FBSD_CTYPE_N | (unsigned long)(c - '0');
	else if (c >= 'A' && c <= 'Z')
		t |= FBSD_CTYPE_U | FBSD_CTYPE_A;
	else if (c >= 'a' && c <= 'z')
		t |= FBSD_CTYPE_L | FBSD_CTYPE_A;
	else if (c > 0x20 && c < 0x7f)
		t |= FBSD_CTYPE_P;
	if ((c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'))
		t |= FBSD_CTYPE_X | (unsigned long)((c | 0x20) - 'a' + 10);
	return t;
}

static void
head(struct fbsd_rune_locale *rl, const char *encoding)
{
	memcpy(rl->magic, "RuneMagi", 8);
	memset(rl->encoding, 0, sizeof(rl->encoding));
	strncpy(rl->encoding, encoding, sizeof(rl->encoding) - 1);
	rl->invalid_rune = 0xfffd;
}

/* Before any guest is loaded: a COPY relocation copies the contents. */
static void __attribute__((constructor))
default_rune_locale(void)
{
	struct fbsd_rune_locale *rl = &shim_DefaultRuneLocale;

	head(rl, "NONE");
	for (int c = 0; c < 256; c++) {
		rl->runetype[c] = c < 128 ? c_class(c) : 0;
		rl->maplower[c] = c >= 'A' && c <= 'Z' ? c + 32 : c;
		rl->mapupper[c] = c >= 'a' && c <= 'z' ? c - 32 : c;
	}
}

/* Another locale: glibc's wide classes of the same locale, which it has
 * set, with FreeBSD's screen-width bits. */
static unsigned long
wide_class(wint_t c)
{
	unsigned long t = 0;
	int w;

	if (iswcntrl(c))
		t |= FBSD_CTYPE_C;
	if (iswspace(c))
		t |= FBSD_CTYPE_S;
	if (iswblank(c))
		t |= FBSD_CTYPE_B;
	if (iswprint(c))
		t |= FBSD_CTYPE_R;
	if (iswgraph(c))
		t |= FBSD_CTYPE_G;
	if (iswpunct(c))
		t |= FBSD_CTYPE_P;
	if (iswalpha(c))
		t |= FBSD_CTYPE_A;
	if (iswupper(c))
		t |= FBSD_CTYPE_U;
	if (iswlower(c))
		t |= FBSD_CTYPE_L;
	if (iswdigit(c))
		t |= FBSD_CTYPE_D | FBSD_CTYPE_N | (unsigned long)(c - '0');
	if (iswxdigit(c)) {
		t |= FBSD_CTYPE_X;
		if (!iswdigit(c))
			t |= (unsigned long)((c | 0x20) - 'a' + 10);
	}
	w = wcwidth((wchar_t)c);
	if (w == 0 && c != 0)
		t |= FBSD_CTYPE_SW0;
	else if (w == 1)
		t |= FBSD_CTYPE_SW1;
	else if (w == 2)
		t |= FBSD_CTYPE_SW2;
	return t;
}

/* Where the guest reads each object: its own copy when the executable
 * COPY-relocated it. */
static void
publish(const char *name, void *own, const void *val, size_t n)
{
	void *p = ux_rtld_sym_default(name);

	memcpy(own, val, n);
	if (p && p != own)
		memcpy(p, val, n);
}

void
shim_rune_table_build(struct fbsd_rune_locale *rl, int *limit, int *maxlen)
{
	const char *cs = nl_langinfo(CODESET);
	int utf8 = strcmp(cs, "UTF-8") == 0;

	head(rl, utf8 ? "UTF-8" : "NONE");
	for (int c = 0; c < 256; c++) {
		rl->runetype[c] = wide_class((wint_t)c);
		rl->maplower[c] = (int32_t)towlower((wint_t)c);
		rl->mapupper[c] = (int32_t)towupper((wint_t)c);
	}
	/* FreeBSD's UTF-8: bytes from 128 on start sequences; at most 4. */
	*limit = utf8 ? 128 : 256;
	*maxlen = utf8 ? 4 : (int)MB_CUR_MAX;
}

void
shim_ctype_locale_changed(int is_c)
{
	const struct fbsd_rune_locale *cur = &shim_DefaultRuneLocale;
	int limit = 256, maxlen = 1;

	if (!is_c) {
		shim_rune_table_build(&other_locale, &limit, &maxlen);
		cur = &other_locale;
	}
	publish("_CurrentRuneLocale", &shim_CurrentRuneLocale, &cur, sizeof(cur));
	publish("__mb_sb_limit", &shim_mb_sb_limit, &limit, sizeof(limit));
	publish("__mb_cur_max", &shim_mb_cur_max, &maxlen, sizeof(maxlen));
}

/* The calling thread's table: its uselocale locale's, else the global one. */
static const struct fbsd_rune_locale *
runes(void)
{
	const struct fbsd_rune_locale *t = shim_thread_runes();

	return t ? t : shim_CurrentRuneLocale;
}

static int
runes_limit(void)
{
	int n = shim_thread_mb_sb_limit();

	return n ? n : shim_mb_sb_limit;
}

static int
is_c_locale(void)
{
	return runes() == &shim_DefaultRuneLocale;
}

/* --- past the table -------------------------------------------------------------- */

unsigned long
shim____runetype(int c)
{
	if (c >= 0 && c < 256)
		return runes()->runetype[c];
	if (c < 0 || is_c_locale())
		return 0;
	return wide_class((wint_t)c);
}

int
shim____tolower(int c)
{
	if (c < 0 || is_c_locale())
		return c;
	return (int)towlower((wint_t)c);
}

int
shim____toupper(int c)
{
	if (c < 0 || is_c_locale())
		return c;
	return (int)towupper((wint_t)c);
}

const struct fbsd_rune_locale *
shim___getCurrentRuneLocale(void)
{
	return runes();
}

int
shim____mb_cur_max(void)
{
	int n = shim_thread_mb_cur_max();

	return n ? n : shim_mb_cur_max;
}

/* --- FreeBSD's out-of-line forms of its inlines (_ctype.h) ----------------------- */

static unsigned long
mask(int c)
{
	return (c < 0 || c >= 256) ? shim____runetype(c) : runes()->runetype[c];
}

static unsigned long
sbmask(int c)
{
	return (c < 0 || c >= runes_limit()) ? 0 : runes()->runetype[c];
}

int shim___maskrune(int c, unsigned long f) { return (int)(mask(c) & f); }
int shim___sbmaskrune(int c, unsigned long f) { return (int)(sbmask(c) & f); }
int shim___istype(int c, unsigned long f) { return !!(mask(c) & f); }
int shim___sbistype(int c, unsigned long f) { return !!(sbmask(c) & f); }

int
shim___isctype(int c, unsigned long f)
{
	return (c < 0 || c >= 128) ? 0 : !!(shim_DefaultRuneLocale.runetype[c] & f);
}

int
shim___toupper(int c)
{
	return (c < 0 || c >= 256) ? shim____toupper(c) : runes()->mapupper[c];
}

int
shim___sbtoupper(int c)
{
	return (c < 0 || c >= runes_limit()) ? c : runes()->mapupper[c];
}

int
shim___tolower(int c)
{
	return (c < 0 || c >= 256) ? shim____tolower(c) : runes()->maplower[c];
}

int
shim___sbtolower(int c)
{
	return (c < 0 || c >= runes_limit()) ? c : runes()->maplower[c];
}

int
shim___wcwidth(int c)
{
	unsigned long x;

	if (c == 0)
		return 0;
	x = mask(c) & (FBSD_CTYPE_SWM | FBSD_CTYPE_R);
	if (x & FBSD_CTYPE_SWM)
		return (int)((x & FBSD_CTYPE_SWM) >> FBSD_CTYPE_SWS);
	return (x & FBSD_CTYPE_R) ? 1 : -1;
}

/* --- <ctype.h> functions ----------------------------------------------------------- */

#define SB(name, bits) int shim_##name(int c) { return !!(sbmask(c) & (bits)); }
SB(isalnum, FBSD_CTYPE_A | FBSD_CTYPE_D | FBSD_CTYPE_N)
SB(isalpha, FBSD_CTYPE_A)
SB(isblank, FBSD_CTYPE_B)
SB(iscntrl, FBSD_CTYPE_C)
SB(isdigit, FBSD_CTYPE_D)
SB(isgraph, FBSD_CTYPE_G)
SB(islower, FBSD_CTYPE_L)
SB(isprint, FBSD_CTYPE_R)
SB(ispunct, FBSD_CTYPE_P)
SB(isspace, FBSD_CTYPE_S)
SB(isupper, FBSD_CTYPE_U)
SB(isxdigit, FBSD_CTYPE_X)
SB(ishexnumber, FBSD_CTYPE_X)
SB(isideogram, FBSD_CTYPE_I)
SB(isnumber, FBSD_CTYPE_D | FBSD_CTYPE_N)
SB(isphonogram, FBSD_CTYPE_Q)
SB(isrune, 0xffffff00UL)
SB(isspecial, FBSD_CTYPE_T)
#undef SB

int shim_tolower(int c) { return shim___sbtolower(c); }
int shim_toupper(int c) { return shim___sbtoupper(c); }
int shim_isascii(int c) { return (c & ~0x7f) == 0; }
int shim_toascii(int c) { return c & 0x7f; }
int shim_digittoint(int c) { return (int)(sbmask(c) & 0xff); }

/* --- <wctype.h> ------------------------------------------------------------------------ */

#define W(name, bits) int shim_##name(int c) { return !!(mask(c) & (bits)); }
W(iswalnum, FBSD_CTYPE_A | FBSD_CTYPE_D | FBSD_CTYPE_N)
W(iswalpha, FBSD_CTYPE_A)
W(iswblank, FBSD_CTYPE_B)
W(iswcntrl, FBSD_CTYPE_C)
W(iswdigit, FBSD_CTYPE_D)
W(iswgraph, FBSD_CTYPE_G)
W(iswlower, FBSD_CTYPE_L)
W(iswprint, FBSD_CTYPE_R)
W(iswpunct, FBSD_CTYPE_P)
W(iswspace, FBSD_CTYPE_S)
W(iswupper, FBSD_CTYPE_U)
W(iswxdigit, FBSD_CTYPE_X)
#undef W

int shim_towlower(int c) { return shim___tolower(c); }
int shim_towupper(int c) { return shim___toupper(c); }
