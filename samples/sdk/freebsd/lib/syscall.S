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

/*
 * int sendfile(fd, s, offset, nbytes, hdtr, sbytes, flags): seven
 * arguments, so it is a stub of its own as in FreeBSD's libc.  The kernel
 * reads the seventh from the user stack just above the return address,
 * which is where the C caller left it.
 */
	.globl	sendfile
	.type	sendfile,@function
	.p2align 4
sendfile:
	.cfi_startproc
	movl	$393, %eax
	movq	%rcx, %r10
	syscall
	jc	1f
	ret
1:	movq	%rax, %rdi
	negq	%rdi
	jmp	__uxrt_ret
	.cfi_endproc
	.size	sendfile, .-sendfile

	.section .note.GNU-stack,"",@progbits
