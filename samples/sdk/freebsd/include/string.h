/* uxrun FreeBSD SDK: string and memory functions. */
#ifndef _UXRT_STRING_H
#define _UXRT_STRING_H

#include <stddef.h>

void *memcpy(void *restrict d, const void *restrict s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *restrict d, const char *restrict s);
char *strncpy(char *restrict d, const char *restrict s, size_t n);
char *strcat(char *restrict d, const char *restrict s);
char *strncat(char *restrict d, const char *restrict s, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *hay, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);

/* More of libc.so.7's string functions, for dynamically linked programs. */
char *strerror(int errnum);
char *strsep(char **sp, const char *delim);
char *strtok(char *s, const char *delim);
char *strtok_r(char *s, const char *delim, char **last);
char *strpbrk(const char *s, const char *accept);
size_t strlcpy(char *d, const char *s, size_t size);
size_t strlcat(char *d, const char *s, size_t size);
void *memmem(const void *hay, size_t hlen, const void *needle, size_t nlen);
char *strcasestr(const char *hay, const char *needle);
char *strnstr(const char *hay, const char *needle, size_t n);
int strcoll(const char *a, const char *b);
size_t strxfrm(char *d, const char *s, size_t n);

char *strsignal(int sig);

#endif
