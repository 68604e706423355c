/*
 * The benchmark's guest: a loop of N getpid system calls with no libc,
 * built twice from this file: for FreeBSD (number 20, FreeBSD ABI note)
 * and for Linux (number 39).  N comes from argv[1] (decimal).
 * Entry: FreeBSD passes &argc in %rdi; Linux leaves it at %rsp.
 */
#ifdef FREEBSD
#define SYS_GETPID 20
#define SYS_EXIT 1
	.section .note.tag, "a", @note
	.p2align 2
	.long 8, 4, 1
	.asciz "FreeBSD"
	.long 1400097
#else
#define SYS_GETPID 39
#define SYS_EXIT 60
#endif
	.text
	.globl _start
_start:
#ifdef FREEBSD
	movq	%rdi, %rbx
#else
	movq	%rsp, %rbx
#endif
	xorq	%r12, %r12		/* N = 0 */
	cmpq	$2, (%rbx)
	jl	2f
	movq	16(%rbx), %rsi		/* argv[1] */
1:	movzbl	(%rsi), %eax
	subl	$'0', %eax
	cmpl	$9, %eax
	ja	2f
	imulq	$10, %r12
	addq	%rax, %r12
	incq	%rsi
	jmp	1b
2:	testq	%r12, %r12
	jz	4f
3:	movl	$SYS_GETPID, %eax
	syscall
	decq	%r12
	jnz	3b
4:	movl	$SYS_EXIT, %eax
	xorl	%edi, %edi
	syscall
	hlt
	.section .note.GNU-stack,"",@progbits
