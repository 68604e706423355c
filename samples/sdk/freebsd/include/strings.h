/* uxrun FreeBSD SDK: BSD byte functions. */
#ifndef _UXRT_STRINGS_H
#define _UXRT_STRINGS_H

#include <stddef.h>

int bcmp(const void *a, const void *b, size_t n);
void bzero(void *d, size_t n);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);

#endif
