/*
 * setjmp and friends with FreeBSD/amd64's jmp_buf (12 longs,
 * lib/libc/amd64/gen/setjmp.S): 0 return address, 1 rbx, 2 rsp, 3 rbp,
 * 4-7 r12-r15, 8 the x87 control word and MXCSR, 9-10 the signal mask,
 * 11 sigsetjmp's savemask.  The runtime linker binds them without a
 * trampoline; a jump always lands in guest code, so it leaves the
 * thread's Syscall User Dispatch selector set, whatever host code it
 * left (a signal handler that interrupted libshim, say).
 *
 * Also the entry and exit of a guest handler that interrupted libshim
 * (libc_signal.c).
 */

/* %reg = ux_guest_sel, the calling thread's selector byte.  libuxrun.so
 * (PIC) runs foreign code under the seccomp backend only, where no
 * selector is read, and has no static TLS to spare (loader/rtld.h): a
 * byte of its own stands in. */
#ifdef PIC
#define GUEST_SEL(reg) \
	leaq	no_selector(%rip), reg
	.local	no_selector
	.comm	no_selector, 1, 1
#else
#define GUEST_SEL(reg) \
	movq	ux_guest_sel@gottpoff(%rip), reg; \
	movq	%fs:(reg), reg
#endif

	.text

/* Stores the registers into the jmp_buf at %rdi. */
	.p2align 4
save_regs:
	movq	8(%rsp), %rdx		/* the caller's caller: where to return */
	movq	%rdx, 0(%rdi)
	movq	%rbx, 8(%rdi)
	leaq	8(%rsp), %rdx		/* the caller's %rsp at its entry */
	movq	%rdx, 16(%rdi)
	movq	%rbp, 24(%rdi)
	movq	%r12, 32(%rdi)
	movq	%r13, 40(%rdi)
	movq	%r14, 48(%rdi)
	movq	%r15, 56(%rdi)
	fnstcw	64(%rdi)
	stmxcsr	68(%rdi)
	ret

	.globl	shim_setjmp
	.type	shim_setjmp, @function
	.p2align 4
shim_setjmp:
	call	save_regs
	pushq	%rdi			/* aligns the stack for the call */
	call	shim_jmp_savemask
	popq	%rdi
	xorl	%eax, %eax
	ret
	.size	shim_setjmp, .-shim_setjmp

	.globl	shim__setjmp
	.type	shim__setjmp, @function
	.p2align 4
shim__setjmp:
	call	save_regs
	xorl	%eax, %eax
	ret
	.size	shim__setjmp, .-shim__setjmp

/* int sigsetjmp(sigjmp_buf, int savemask) */
	.globl	shim_sigsetjmp
	.type	shim_sigsetjmp, @function
	.p2align 4
shim_sigsetjmp:
	call	save_regs
	movl	%esi, 88(%rdi)
	testl	%esi, %esi
	jz	1f
	pushq	%rdi
	call	shim_jmp_savemask
	popq	%rdi
1:	xorl	%eax, %eax
	ret
	.size	shim_sigsetjmp, .-shim_sigsetjmp

/* Restores the jmp_buf at %rdi and returns %esi (1 for 0) there. */
	.p2align 4
jump:
	movl	%esi, %eax
	testl	%eax, %eax
	jnz	1f
	incl	%eax
1:	movq	0(%rdi), %rcx
	movq	8(%rdi), %rbx
	movq	16(%rdi), %rsp
	movq	24(%rdi), %rbp
	movq	32(%rdi), %r12
	movq	40(%rdi), %r13
	movq	48(%rdi), %r14
	movq	56(%rdi), %r15
	fldcw	64(%rdi)
	ldmxcsr	68(%rdi)
	GUEST_SEL(%rdx)
	movb	$1, (%rdx)
	movq	%rcx, 0(%rsp)
	ret

	.globl	shim_longjmp
	.type	shim_longjmp, @function
	.p2align 4
shim_longjmp:
	pushq	%rdi
	pushq	%rsi
	subq	$8, %rsp
	call	shim_jmp_restoremask
	addq	$8, %rsp
	popq	%rsi
	popq	%rdi
	jmp	jump
	.size	shim_longjmp, .-shim_longjmp

	.globl	shim__longjmp
	.type	shim__longjmp, @function
	.p2align 4
shim__longjmp:
	jmp	jump
	.size	shim__longjmp, .-shim__longjmp

	.globl	shim_siglongjmp
	.type	shim_siglongjmp, @function
	.p2align 4
shim_siglongjmp:
	cmpl	$0, 88(%rdi)
	jne	shim_longjmp
	jmp	jump
	.size	shim_siglongjmp, .-shim_siglongjmp

/*
 * A guest handler's frame built over interrupted libshim code: entered
 * with %rsp at FreeBSD's struct sigframe (handler at 0, ucontext at 16)
 * and the handler's arguments in place, as the sigcode is.
 */
	.globl	shim_host_sigcode
	.type	shim_host_sigcode, @function
	.p2align 4
shim_host_sigcode:
	GUEST_SEL(%r11)
	movb	$1, (%r11)
	call	*(%rsp)
	GUEST_SEL(%r11)
	movb	$0, (%r11)
	leaq	16(%rsp), %rdi
	call	shim_host_sigreturn
	ud2
	.size	shim_host_sigcode, .-shim_host_sigcode

/* void shim_rt_sigreturn(ucontext_t *): Linux's rt_sigreturn finds the
 * frame's ucontext at %rsp (just past the restorer's return slot). */
	.globl	shim_rt_sigreturn
	.type	shim_rt_sigreturn, @function
	.p2align 4
shim_rt_sigreturn:
	movq	%rdi, %rsp
	movl	$15, %eax		/* SYS_rt_sigreturn */
	syscall
	ud2
	.size	shim_rt_sigreturn, .-shim_rt_sigreturn

	.section .note.GNU-stack,"",@progbits
