/*
 * void fbsd_thr_enter(uint64_t entry, uint64_t arg, uint64_t sp,
 *                     uint64_t fsbase)
 *
 * The last step of thr_new in the new thread: switch to the guest's stack,
 * give the thread the register state FreeBSD's cpu_set_upcall() gives it
 * (arg in %rdi, a fresh FPU, everything else zero), load the guest's FS
 * base (0: keep glibc's) and jump to entry.  Once %fs is the guest's no C
 * code may run on this thread until its next trap, so all of it is here.
 */
	.text
	.globl	fbsd_thr_enter
	.type	fbsd_thr_enter, @function
	.p2align 4
fbsd_thr_enter:
	.cfi_startproc
	.cfi_undefined %rip
	movq	%rdx, %rsp
	movq	%rdi, %r12		/* entry */
	movq	%rsi, %r13		/* arg */
	movq	%rcx, %r14		/* fsbase */
	fninit
	ldmxcsr	thr_enter_mxcsr(%rip)
	cld
	testq	%r14, %r14
	jz	2f
	movq	ux_have_fsgsbase@GOTPCREL(%rip), %rax
	cmpl	$0, (%rax)
	jle	1f
	wrfsbase %r14
	jmp	2f
1:	movl	$158, %eax		/* SYS_arch_prctl */
	movl	$0x1002, %edi		/* ARCH_SET_FS */
	movq	%r14, %rsi
	syscall
2:	movq	%r13, %rdi
	movq	%r12, %r11
	xorl	%eax, %eax
	xorl	%ebx, %ebx
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	xorl	%esi, %esi
	xorl	%ebp, %ebp
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	xorl	%r12d, %r12d
	xorl	%r13d, %r13d
	xorl	%r14d, %r14d
	xorl	%r15d, %r15d
	jmp	*%r11
	.cfi_endproc
	.size	fbsd_thr_enter, .-fbsd_thr_enter

	.section .rodata
	.p2align 2
thr_enter_mxcsr:
	.long	0x1f80			/* __INITIAL_MXCSR__: all exceptions masked */

	.section .note.GNU-stack,"",@progbits
