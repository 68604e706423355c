/*
 * dlopen and dlsym of libuxshim.so (dl.c).  glibc's take their caller's
 * address (__builtin_return_address) for what depends on the calling
 * object: RTLD_NEXT, and the caller's DT_RUNPATH and $ORIGIN in a
 * library search.  So these do not call glibc's: a C function picks
 * where the call goes (dl.c's uxs_dlopen_route, uxs_dlsym_route), and
 * this jumps there with the caller's arguments and return address as
 * they came.
 */

/* ENTRY(name, route): rdi, rsi and rdx are kept across the route call. */
#define ENTRY(name, route) \
	.globl	name; \
	.type	name, @function; \
	.p2align 4; \
name: \
	.cfi_startproc; \
	pushq	%rdi; \
	.cfi_adjust_cfa_offset 8; \
	pushq	%rsi; \
	.cfi_adjust_cfa_offset 8; \
	pushq	%rdx; \
	.cfi_adjust_cfa_offset 8; \
	call	route; \
	popq	%rdx; \
	.cfi_adjust_cfa_offset -8; \
	popq	%rsi; \
	.cfi_adjust_cfa_offset -8; \
	popq	%rdi; \
	.cfi_adjust_cfa_offset -8; \
	jmp	*%rax; \
	.cfi_endproc; \
	.size	name, .-name

	.text
ENTRY(dlopen, uxs_dlopen_route)
ENTRY(dlsym, uxs_dlsym_route)

	.section .note.GNU-stack,"",@progbits
