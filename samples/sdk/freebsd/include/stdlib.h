/* uxrun FreeBSD SDK: memory, process exit, conversions, sorting. */
#ifndef _UXRT_STDLIB_H
#define _UXRT_STDLIB_H

#include <sys/types.h>

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1

void *malloc(size_t n);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t n);
void free(void *p);

_Noreturn void exit(int status);
_Noreturn void _Exit(int status);
_Noreturn void abort(void);
int atexit(void (*fn)(void));

char *getenv(const char *name);

int abs(int v);
long labs(long v);
int atoi(const char *s);
long atol(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* More of libc.so.7's stdlib, for dynamically linked programs. */
typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
typedef struct { long long quot; long long rem; } lldiv_t;
#define RAND_MAX	0x7fffffff
int ___mb_cur_max(void);
#define MB_CUR_MAX	((size_t)___mb_cur_max())
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
int putenv(char *string);
void *bsearch(const void *key, const void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *));
void qsort_r(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
    void *arg);
div_t div(int num, int den);
ldiv_t ldiv(long num, long den);
lldiv_t lldiv(long long num, long long den);
long long llabs(long long v);
int rand(void);
void srand(unsigned seed);
long random(void);
void srandom(unsigned seed);
unsigned arc4random(void);
void arc4random_buf(void *buf, size_t n);
unsigned arc4random_uniform(unsigned bound);
long long strtonum(const char *s, long long min, long long max, const char **errstr);
void *reallocarray(void *p, size_t n, size_t size);
int posix_memalign(void **p, size_t align, size_t size);
void *aligned_alloc(size_t align, size_t size);
char *realpath(const char *path, char *resolved);
int mkstemp(char *tmpl);
int mkstemps(char *tmpl, int suffixlen);
char *mkdtemp(char *tmpl);
double strtod(const char *s, char **end);
float strtof(const char *s, char **end);
double atof(const char *s);
const char *getprogname(void);
void setprogname(const char *name);
size_t mbstowcs(wchar_t *dst, const char *src, size_t n);
size_t wcstombs(char *dst, const wchar_t *src, size_t n);
int mbtowc(wchar_t *wc, const char *s, size_t n);
int wctomb(char *s, wchar_t wc);
int mblen(const char *s, size_t n);

int system(const char *command);

#endif
