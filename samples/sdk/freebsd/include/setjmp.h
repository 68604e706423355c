/*
 * uxrun FreeBSD SDK: non-local jumps with FreeBSD/amd64's buffers
 * (machine/setjmp.h: _JBLEN 12 longs; the signal mask lives inside).
 */
#ifndef _UXRT_SETJMP_H
#define _UXRT_SETJMP_H

#define _JBLEN	12

typedef struct _sigjmp_buf { long _sjb[_JBLEN]; } sigjmp_buf[1];
typedef struct _jmp_buf { long _jb[_JBLEN]; } jmp_buf[1];

int setjmp(jmp_buf) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf, int);
int _setjmp(jmp_buf) __attribute__((returns_twice));
_Noreturn void _longjmp(jmp_buf, int);
int sigsetjmp(sigjmp_buf, int) __attribute__((returns_twice));
_Noreturn void siglongjmp(sigjmp_buf, int);

#endif
