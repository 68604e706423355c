/*
 * void fbsd_thr_enter(void *uc, uint64_t fsbase, uint8_t *sel, uint64_t restorer)
 *
 * The last step of thr_new in the new thread.  uc is a Linux signal frame
 * (a ucontext_t, as rt_sigreturn reads it) holding the guest's start
 * registers and signal mask; rt_sigreturn loads both in one step, so no
 * signal can land between unblocking and the first guest instruction, and
 * with no FPU image in the frame the kernel gives the thread a fresh FPU,
 * as FreeBSD does.  Before it the guest's FS base is loaded (0: keep
 * glibc's); from then on no C code may run on this thread until its next
 * trap, so this is assembly.  Under Syscall User Dispatch (sel not NULL)
 * the selector is set to "trap" last and rt_sigreturn is the exempt one
 * at restorer (glibc's __restore_rt), so the first guest instruction
 * already traps.
 */
	.text
	.globl	fbsd_thr_enter
	.type	fbsd_thr_enter, @function
	.p2align 4
fbsd_thr_enter:
	.cfi_startproc
	.cfi_undefined %rip
	/* rt_sigreturn finds the frame's ucontext at the stack pointer. */
	movq	%rdi, %rsp
	movq	%rdx, %r8		/* syscall clobbers rcx */
	movq	%rcx, %r9
	testq	%rsi, %rsi
	jz	2f
	movq	ux_have_fsgsbase@GOTPCREL(%rip), %rax
	cmpl	$0, (%rax)
	jle	1f
	wrfsbase %rsi
	jmp	2f
1:	movl	$158, %eax		/* SYS_arch_prctl */
	movl	$0x1002, %edi		/* ARCH_SET_FS */
	syscall
2:	testq	%r8, %r8
	jz	3f
	movb	$1, (%r8)
	jmp	*%r9
3:	movl	$15, %eax		/* SYS_rt_sigreturn */
	syscall
	ud2
	.cfi_endproc
	.size	fbsd_thr_enter, .-fbsd_thr_enter

	.section .note.GNU-stack,"",@progbits
