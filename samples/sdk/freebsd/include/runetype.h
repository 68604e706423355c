/*
 * uxrun FreeBSD SDK: the rune tables FreeBSD's <ctype.h> inlines read
 * (FreeBSD's <runetype.h>): _CurrentRuneLocale, unless this thread's
 * _ThreadRuneLocale is set.
 */
#ifndef _UXRT_RUNETYPE_H
#define _UXRT_RUNETYPE_H

#include <stddef.h>

#define _CACHED_RUNES	256

typedef int __rune_t;

typedef struct {
	__rune_t __min;
	__rune_t __max;
	__rune_t __map;
	unsigned long *__types;
} _RuneEntry;

typedef struct {
	int __nranges;
	_RuneEntry *__ranges;
} _RuneRange;

typedef struct {
	char __magic[8];
	char __encoding[32];
	__rune_t (*__sgetrune)(const char *, size_t, char const **);
	int (*__sputrune)(__rune_t, char *, size_t, char **);
	__rune_t __invalid_rune;
	unsigned long __runetype[_CACHED_RUNES];
	__rune_t __maplower[_CACHED_RUNES];
	__rune_t __mapupper[_CACHED_RUNES];
	_RuneRange __runetype_ext;
	_RuneRange __maplower_ext;
	_RuneRange __mapupper_ext;
	void *__variable;
	int __variable_len;
} _RuneLocale;
_Static_assert(sizeof(_RuneLocale) == 4224, "FreeBSD _RuneLocale is 4224 bytes");

extern const _RuneLocale _DefaultRuneLocale;
extern const _RuneLocale *_CurrentRuneLocale;
extern _Thread_local const _RuneLocale *_ThreadRuneLocale;

static inline const _RuneLocale *
__getCurrentRuneLocale(void)
{
	if (_ThreadRuneLocale)
		return _ThreadRuneLocale;
	return _CurrentRuneLocale;
}
#define _CurrentRuneLocale (__getCurrentRuneLocale())

#endif
