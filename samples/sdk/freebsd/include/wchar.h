/* uxrun FreeBSD SDK: wide characters and multibyte conversions.
 * FreeBSD's mbstate_t is 128 bytes. */
#ifndef _UXRT_WCHAR_H
#define _UXRT_WCHAR_H

#include <stddef.h>

#ifndef _UXRT_WINT_T
#define _UXRT_WINT_T
typedef int wint_t;
#endif
typedef union {
	char __mbstate8[128];
	long long _mbstateL;
} mbstate_t;

#ifndef WEOF
#define WEOF	((wint_t)-1)
#endif

size_t mbrtowc(wchar_t *wc, const char *s, size_t n, mbstate_t *ps);
size_t wcrtomb(char *s, wchar_t wc, mbstate_t *ps);
size_t mbrlen(const char *s, size_t n, mbstate_t *ps);
int mbsinit(const mbstate_t *ps);
size_t mbsrtowcs(wchar_t *dst, const char **src, size_t n, mbstate_t *ps);
size_t wcsrtombs(char *dst, const wchar_t **src, size_t n, mbstate_t *ps);
wint_t btowc(int c);
int wctob(wint_t c);
int wcwidth(wchar_t c);
size_t wcslen(const wchar_t *s);
int wcscmp(const wchar_t *a, const wchar_t *b);
wchar_t *wcscpy(wchar_t *d, const wchar_t *s);
wchar_t *wcschr(const wchar_t *s, wchar_t c);

#endif
