/* Internal interfaces of the uxrun FreeBSD sample runtime. */
#ifndef UXRT_H
#define UXRT_H

#include <stddef.h>
#include <stdint.h>
#include "sysnum.h"

/*
 * Raw FreeBSD system call: number in rax, arguments in rdi rsi rdx r10
 * r8 r9. The kernel sets the carry flag on failure with the positive
 * errno in rax; the stub turns that into -errno so C code sees one
 * convention, and __uxrt_ret moves it into errno.
 */
long __uxrt_syscall(long n, long a1, long a2, long a3, long a4, long a5, long a6);
long __uxrt_ret(long r);

#define uxrt_sys(...) uxrt_sys_(__VA_ARGS__, 0, 0, 0, 0, 0, 0, 0)
#define uxrt_sys_(n, a, b, c, d, e, f, ...) \
	__uxrt_syscall((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
#define uxrt_call(...) __uxrt_ret(uxrt_sys(__VA_ARGS__))

/* ELF auxiliary vector, saved by the start code. */
extern long *__uxrt_auxv;
long __uxrt_getauxval(long type);
#define UXRT_AT_NULL	0
#define UXRT_AT_PHDR	3
#define UXRT_AT_PHNUM	5
#define UXRT_AT_PAGESZ	6

/* stdio hook run by exit(). */
void __uxrt_stdio_flush_all(void);

#endif
