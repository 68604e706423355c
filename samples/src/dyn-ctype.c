/*
 * Character classes and locales over libc.so.7.  FreeBSD's <ctype.h>
 * macros read the rune table (_CurrentRuneLocale, __mb_sb_limit) inline;
 * the function forms and the wide forms go through libc.  Prints a class
 * table for -1..255, checks the macros against the functions, then the
 * locale information and multibyte conversions of C and C.UTF-8.
 *   dyn-ctype [table|locale]  (both without an argument)
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

static void
flags_macro(int c, char *s)
{
	s[0] = isalpha(c) ? 'a' : '-';
	s[1] = isdigit(c) ? 'd' : '-';
	s[2] = isxdigit(c) ? 'x' : '-';
	s[3] = isalnum(c) ? 'n' : '-';
	s[4] = isupper(c) ? 'U' : '-';
	s[5] = islower(c) ? 'l' : '-';
	s[6] = isspace(c) ? 's' : '-';
	s[7] = isblank(c) ? 'b' : '-';
	s[8] = ispunct(c) ? 'p' : '-';
	s[9] = isprint(c) ? 'r' : '-';
	s[10] = isgraph(c) ? 'g' : '-';
	s[11] = iscntrl(c) ? 'c' : '-';
	s[12] = '\0';
}

static void
flags_func(int c, char *s)
{
	s[0] = (isalpha)(c) ? 'a' : '-';
	s[1] = (isdigit)(c) ? 'd' : '-';
	s[2] = (isxdigit)(c) ? 'x' : '-';
	s[3] = (isalnum)(c) ? 'n' : '-';
	s[4] = (isupper)(c) ? 'U' : '-';
	s[5] = (islower)(c) ? 'l' : '-';
	s[6] = (isspace)(c) ? 's' : '-';
	s[7] = (isblank)(c) ? 'b' : '-';
	s[8] = (ispunct)(c) ? 'p' : '-';
	s[9] = (isprint)(c) ? 'r' : '-';
	s[10] = (isgraph)(c) ? 'g' : '-';
	s[11] = (iscntrl)(c) ? 'c' : '-';
	s[12] = '\0';
}

static void
table(void)
{
	int mismatches = 0;

	for (int c = -1; c < 256; c++) {
		char m[16], f[16];

		flags_macro(c, m);
		flags_func(c, f);
		if (strcmp(m, f) != 0) {
			printf("%4d: macro %s function %s\n", c, m, f);
			mismatches++;
		}
		if (c < 128 || c % 32 == 0)
			printf("%4d %c %s lower %3d upper %3d\n", c, c > 32 && c < 127 ? c : '.', m,
			    tolower(c), toupper(c));
		if ((tolower)(c) != tolower(c) || (toupper)(c) != toupper(c))
			mismatches++;
	}
	printf("macro/function mismatches: %d\n", mismatches);
	printf("tolower('Q')=%c toupper('q')=%c tolower(EOF)=%d\n", tolower('Q'), toupper('q'),
	    tolower(EOF));
}

/*
 * What the inline macros index: FreeBSD's rune table for the locale (its
 * encoding name, and where single bytes end).  A program holds its own
 * copies of _CurrentRuneLocale and __mb_sb_limit (COPY relocations) that
 * setlocale() must keep current.  The native twin prints what FreeBSD's
 * tables say for the same locale.
 */
static void
rune_table(void)
{
#ifdef __FreeBSD__
	printf("  rune table %s, single bytes below %d\n", _CurrentRuneLocale->__encoding,
	    __mb_sb_limit);
#else
	int one = MB_CUR_MAX == 1;

	printf("  rune table %s, single bytes below %d\n", one ? "NONE" : nl_langinfo(CODESET),
	    one ? 256 : 128);
#endif
}

static void
locale_info(const char *name)
{
	const char *r = setlocale(LC_ALL, name);
	struct lconv *lc;

	printf("setlocale(LC_ALL, \"%s\") = %s\n", name, r ? r : "(null)");
	if (!r)
		return;
	rune_table();
	printf("  query LC_ALL %s, LC_CTYPE %s, LC_TIME %s\n", setlocale(LC_ALL, NULL),
	    setlocale(LC_CTYPE, NULL), setlocale(LC_TIME, NULL));
	lc = localeconv();
	printf("  decimal_point [%s] thousands_sep [%s] int_frac_digits %d\n", lc->decimal_point,
	    lc->thousands_sep, lc->int_frac_digits);
	printf("  D_T_FMT [%s] D_FMT [%s] T_FMT [%s]\n", nl_langinfo(D_T_FMT), nl_langinfo(D_FMT),
	    nl_langinfo(T_FMT));
	printf("  DAY_1 %s ABDAY_7 %s MON_1 %s ABMON_12 %s AM %s PM %s\n", nl_langinfo(DAY_1),
	    nl_langinfo(ABDAY_1 + 6), nl_langinfo(MON_1), nl_langinfo(ABMON_1 + 11),
	    nl_langinfo(AM_STR), nl_langinfo(PM_STR));
	printf("  RADIXCHAR [%s] YESEXPR [%s] NOEXPR [%s]\n", nl_langinfo(RADIXCHAR),
	    nl_langinfo(YESEXPR), nl_langinfo(NOEXPR));
	printf("  isalpha(0xe9) %d isupper('A') %d tolower(0xc9) %d\n", isalpha(0xe9) != 0,
	    isupper('A') != 0, tolower(0xc9));
	printf("  strcoll(\"a\", \"b\") %s 0\n", strcoll("a", "b") < 0 ? "<" : ">=");
}

static void
multibyte(void)
{
	const char *utf = "h\xc3\xa9llo w\xc3\xb6rld \xe2\x82\xac";
	wchar_t w[64];
	char back[64];
	mbstate_t st;
	size_t n, k;

	if (!setlocale(LC_ALL, "C.UTF-8")) {
		printf("no C.UTF-8\n");
		return;
	}
	printf("CODESET %s\n", nl_langinfo(CODESET));
	rune_table();
	n = mbstowcs(w, utf, 64);
	printf("mbstowcs: %zu wide characters, wcslen %zu\n", n, wcslen(w));
	for (size_t i = 0; i < n; i++)
		printf(" U+%04X%s", (unsigned)w[i], iswalpha((wint_t)w[i]) ? "a" : "");
	printf("\n");
	printf("towupper(U+00E9) U+%04X iswupper(U+00C9) %d\n", (unsigned)towupper(0xe9),
	    iswupper(0xc9) != 0);
	k = wcstombs(back, w, sizeof(back));
	printf("wcstombs: %zu bytes, same %d\n", k, strcmp(back, utf) == 0);
	memset(&st, 0, sizeof(st));
	n = mbrtowc(&w[0], "\xe2\x82\xac", 3, &st);
	printf("mbrtowc: %zu -> U+%04X, mbsinit %d\n", n, (unsigned)w[0], mbsinit(&st));
	memset(&st, 0, sizeof(st));
	n = mbrtowc(&w[0], "\xe2\x82", 2, &st);
	printf("mbrtowc (short): %s\n", n == (size_t)-2 ? "incomplete" : "other");
	memset(&st, 0, sizeof(st));
	n = wcrtomb(back, 0x263a, &st);
	printf("wcrtomb(U+263A): %zu bytes %02x %02x %02x\n", n, (unsigned char)back[0],
	    (unsigned char)back[1], (unsigned char)back[2]);
	printf("wcwidth(U+4E00) %d wcwidth('a') %d\n", wcwidth(0x4e00), wcwidth('a'));
	printf("isalpha(0xe9) in UTF-8: %d\n", isalpha(0xe9) != 0);
	setlocale(LC_ALL, "C");
	rune_table();
}

int
main(int argc, char **argv)
{
	int all = argc < 2;

	if (all || strcmp(argv[1], "table") == 0)
		table();
	if (all || strcmp(argv[1], "locale") == 0) {
		locale_info("C");
		locale_info("POSIX");
		locale_info("");
		locale_info("C.UTF-8");
		locale_info("no_SUCH.locale");
		multibyte();
		table();
	}
	return 0;
}
