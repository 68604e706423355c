/*
 * Raw Linux system calls that return -errno instead of touching errno.
 * Handlers use these so a result flows straight into the one conversion in
 * the dispatcher, and so the trap path never depends on glibc's TLS.
 */
#ifndef UX_HOSTCALL_H
#define UX_HOSTCALL_H

static inline long
ux_sys6(long n, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;

	__asm__ volatile("syscall"
	    : "=a"(ret)
	    : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
	    : "rcx", "r11", "memory");
	return ret;
}

#define UX_SYS_(n, a, b, c, d, e, f, ...) \
	ux_sys6((long)(n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
/* ux_sys(SYS_read, fd, buf, len): missing arguments are passed as 0. */
#define ux_sys(...) UX_SYS_(__VA_ARGS__, 0, 0, 0, 0, 0, 0, 0)

static inline int
ux_is_err(long r)
{
	return (unsigned long)r > -4096UL;
}

#endif
