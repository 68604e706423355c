/* long __uxrt_syscall(long n, long a1, ..., long a6): see uxrt.h. */
	.text
	.globl	__uxrt_syscall
	.type	__uxrt_syscall,@function
	.p2align 4
__uxrt_syscall:
	.cfi_startproc
	movq	%rdi, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	movq	%r8, %r10
	movq	%r9, %r8
	movq	8(%rsp), %r9
	syscall
	jnc	1f
	negq	%rax
1:	ret
	.cfi_endproc
	.size	__uxrt_syscall, .-__uxrt_syscall

	.section .note.GNU-stack,"",@progbits
