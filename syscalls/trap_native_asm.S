/*
 * The two calls syscalls/trap_native.c cannot make from C in a SIGSYS
 * handler.
 *
 * void ux_native_sigreturn(uint64_t rsp): the program's own rt_sigreturn,
 * trapped because its restorer lies in a filtered range.  The kernel reads
 * the frame just below the stack pointer the call was made with, so make
 * it again from here with that stack pointer; this handler's own frame is
 * simply abandoned.
 *
 * long ux_native_clone_thread(flags, child_sp, ptid, ctid, tls, regs):
 * clone of a thread with its own stack.  The child must resume in the
 * program, after its syscall instruction, with the program's registers and
 * rax 0, not in this handler.  regs (17 words: r8-r15, rdi, rsi, rbp, rbx,
 * rdx, rax, rcx, rflags, rip) is copied to the top of the child's stack
 * before the call; the child pops it and returns into the program with its
 * stack pointer at child_sp.
 */
	.text
	.globl	ux_native_sigreturn
	.type	ux_native_sigreturn, @function
	.p2align 4
ux_native_sigreturn:
	movq	%rdi, %rsp
	movl	$15, %eax		/* SYS_rt_sigreturn */
	syscall
	ud2
	.size	ux_native_sigreturn, .-ux_native_sigreturn

	.globl	ux_native_clone_thread
	.type	ux_native_clone_thread, @function
	.p2align 4
ux_native_clone_thread:
	/* Copy the 17 words to child_sp - 136. */
	leaq	-136(%rsi), %r11
	xorl	%eax, %eax
1:	movq	(%r9,%rax,8), %r10
	movq	%r10, (%r11,%rax,8)
	incl	%eax
	cmpl	$17, %eax
	jne	1b
	movq	%r11, %rsi		/* the child starts on the copy */
	movq	%rcx, %r10		/* ctid */
	/* rdi flags, rsi stack, rdx ptid, r10 ctid, r8 tls */
	movl	$56, %eax		/* SYS_clone */
	syscall
	testq	%rax, %rax
	jz	2f
	ret				/* parent: tid or -errno */
2:	popq	%r8
	popq	%r9
	popq	%r10
	popq	%r11
	popq	%r12
	popq	%r13
	popq	%r14
	popq	%r15
	popq	%rdi
	popq	%rsi
	popq	%rbp
	popq	%rbx
	popq	%rdx
	popq	%rax
	popq	%rcx
	popfq
	ret				/* to the program's rip; rsp = child_sp */
	.size	ux_native_clone_thread, .-ux_native_clone_thread

	.section .note.GNU-stack,"",@progbits
