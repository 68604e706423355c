/*
 * void ux_enter_guest(entry, rsp, rdi, sel, rsi): the guest's first
 * instruction runs with FreeBSD's exec_setregs() state: every general
 * register zero but rdi (&argc), rsp and rsi (0 from the kernel; the
 * cleanup function from a runtime linker), rflags 0x202, a fresh x87 control word (0x037F)
 * and MXCSR (0x1F80).  sel, when not NULL, is the thread's Syscall User
 * Dispatch selector: set to "trap" here, after uxrun's last system call.
 */
	.text
	.globl	ux_enter_guest
	.type	ux_enter_guest, @function
ux_enter_guest:
	movq	%rsi, %rsp
	movq	%rdi, %r11		/* entry */
	movq	%r8, %rsi
	testq	%rcx, %rcx
	jz	1f
	movb	$1, (%rcx)
1:
	movq	%rdx, %rdi		/* &argc */
	fninit
	pushq	$0x1f80
	ldmxcsr	(%rsp)
	popq	%rax
	pushq	$0x202
	popfq
	xorl	%eax, %eax
	xorl	%ebx, %ebx
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	xorl	%ebp, %ebp
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	xorl	%r12d, %r12d
	xorl	%r13d, %r13d
	xorl	%r14d, %r14d
	xorl	%r15d, %r15d
	jmp	*%r11
	.size	ux_enter_guest, .-ux_enter_guest

	.section .note.GNU-stack,"",@progbits
