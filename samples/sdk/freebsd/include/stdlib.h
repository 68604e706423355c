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

#endif
