/* uxrun FreeBSD SDK: character classes of the C locale only. */
#ifndef _UXRT_CTYPE_H
#define _UXRT_CTYPE_H

int isalnum(int c);
int isalpha(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
int tolower(int c);
int toupper(int c);

int isascii(int c);
int toascii(int c);
int digittoint(int c);
int ishexnumber(int c);
int isnumber(int c);

/*
 * Linked against libc.so.7 (_UXRT_DYNAMIC), the macros are FreeBSD's
 * (<_ctype.h>): inline reads of the current locale's rune table, through
 * _ThreadRuneLocale or _CurrentRuneLocale and bounded by __mb_sb_limit,
 * which is what every FreeBSD C program compiled with its headers does.
 */
#ifdef _UXRT_DYNAMIC
#include <runetype.h>

#define _CTYPE_A	0x00000100L
#define _CTYPE_C	0x00000200L
#define _CTYPE_D	0x00000400L
#define _CTYPE_G	0x00000800L
#define _CTYPE_L	0x00001000L
#define _CTYPE_P	0x00002000L
#define _CTYPE_S	0x00004000L
#define _CTYPE_U	0x00008000L
#define _CTYPE_X	0x00010000L
#define _CTYPE_B	0x00020000L
#define _CTYPE_R	0x00040000L
#define _CTYPE_I	0x00080000L
#define _CTYPE_T	0x00100000L
#define _CTYPE_Q	0x00200000L
#define _CTYPE_N	0x00400000L

extern int __mb_sb_limit;
unsigned long ___runetype(int c);
int ___tolower(int c);
int ___toupper(int c);

static inline int
__sbmaskrune(int c, unsigned long f)
{
	return (c < 0 || c >= __mb_sb_limit) ? 0 : (int)(_CurrentRuneLocale->__runetype[c] & f);
}

static inline int
__sbistype(int c, unsigned long f)
{
	return !!__sbmaskrune(c, f);
}

static inline int
__maskrune(int c, unsigned long f)
{
	return (int)(((c < 0 || c >= _CACHED_RUNES) ? ___runetype(c) :
	    _CurrentRuneLocale->__runetype[c]) & f);
}

static inline int
__sbtoupper(int c)
{
	return (c < 0 || c >= __mb_sb_limit) ? c : _CurrentRuneLocale->__mapupper[c];
}

static inline int
__sbtolower(int c)
{
	return (c < 0 || c >= __mb_sb_limit) ? c : _CurrentRuneLocale->__maplower[c];
}

#define isalnum(c)	__sbistype((c), _CTYPE_A | _CTYPE_D | _CTYPE_N)
#define isalpha(c)	__sbistype((c), _CTYPE_A)
#define isblank(c)	__sbistype((c), _CTYPE_B)
#define iscntrl(c)	__sbistype((c), _CTYPE_C)
#define isdigit(c)	__sbistype((c), _CTYPE_D)
#define isgraph(c)	__sbistype((c), _CTYPE_G)
#define islower(c)	__sbistype((c), _CTYPE_L)
#define isprint(c)	__sbistype((c), _CTYPE_R)
#define ispunct(c)	__sbistype((c), _CTYPE_P)
#define isspace(c)	__sbistype((c), _CTYPE_S)
#define isupper(c)	__sbistype((c), _CTYPE_U)
#define isxdigit(c)	__sbistype((c), _CTYPE_X)
#define tolower(c)	__sbtolower(c)
#define toupper(c)	__sbtoupper(c)
#define digittoint(c)	__sbmaskrune((c), 0xFF)
#define isascii(c)	(((c) & ~0x7F) == 0)
#define toascii(c)	((c) & 0x7F)
#endif

#endif
