/* uxrun FreeBSD SDK: BSD error messages (<err.h>). */
#ifndef _UXRT_ERR_H
#define _UXRT_ERR_H

#include <stdarg.h>

_Noreturn void err(int eval, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
_Noreturn void verr(int eval, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
_Noreturn void errc(int eval, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
_Noreturn void verrc(int eval, int code, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
_Noreturn void errx(int eval, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
_Noreturn void verrx(int eval, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vwarn(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
void warnc(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void vwarnc(int code, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vwarnx(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
void err_set_file(void *fp);
void err_set_exit(void (*fn)(int));

#endif
