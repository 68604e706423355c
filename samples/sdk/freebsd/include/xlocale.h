/* uxrun FreeBSD SDK: the *_l functions (FreeBSD's <xlocale.h>). */
#ifndef _UXRT_XLOCALE_H
#define _UXRT_XLOCALE_H

#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <wchar.h>

struct tm;

int isalnum_l(int c, locale_t l);
int isalpha_l(int c, locale_t l);
int isblank_l(int c, locale_t l);
int iscntrl_l(int c, locale_t l);
int isdigit_l(int c, locale_t l);
int isgraph_l(int c, locale_t l);
int islower_l(int c, locale_t l);
int isprint_l(int c, locale_t l);
int ispunct_l(int c, locale_t l);
int isspace_l(int c, locale_t l);
int isupper_l(int c, locale_t l);
int isxdigit_l(int c, locale_t l);
int tolower_l(int c, locale_t l);
int toupper_l(int c, locale_t l);
wint_t towlower_l(wint_t c, locale_t l);
wint_t towupper_l(wint_t c, locale_t l);
int strcoll_l(const char *a, const char *b, locale_t l);
size_t strxfrm_l(char *dst, const char *src, size_t n, locale_t l);
int wcscoll_l(const wchar_t *a, const wchar_t *b, locale_t l);
size_t strftime_l(char *s, size_t max, const char *fmt, const struct tm *tm, locale_t l);
double strtod_l(const char *s, char **end, locale_t l);
float strtof_l(const char *s, char **end, locale_t l);
long double strtold_l(const char *s, char **end, locale_t l);
long strtol_l(const char *s, char **end, int base, locale_t l);
unsigned long strtoul_l(const char *s, char **end, int base, locale_t l);
long long strtoll_l(const char *s, char **end, int base, locale_t l);
unsigned long long strtoull_l(const char *s, char **end, int base, locale_t l);
char *nl_langinfo_l(int item, locale_t l);
struct lconv *localeconv_l(locale_t l);
size_t mbrtowc_l(wchar_t *wc, const char *s, size_t n, mbstate_t *ps, locale_t l);
size_t wcrtomb_l(char *s, wchar_t wc, mbstate_t *ps, locale_t l);
size_t mbstowcs_l(wchar_t *dst, const char *src, size_t n, locale_t l);
size_t wcstombs_l(char *dst, const wchar_t *src, size_t n, locale_t l);
int snprintf_l(char *buf, size_t n, locale_t l, const char *fmt, ...);
int vsnprintf_l(char *buf, size_t n, locale_t l, const char *fmt, va_list ap);
int asprintf_l(char **out, locale_t l, const char *fmt, ...);
int vasprintf_l(char **out, locale_t l, const char *fmt, va_list ap);
int ___mb_cur_max_l(locale_t l);
#define MB_CUR_MAX_L(l)	((size_t)___mb_cur_max_l(l))

#endif
