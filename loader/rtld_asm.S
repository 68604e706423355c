/*
 * The runtime linker's assembly: uxrun's TLS reservations for the guest,
 * the common libshim trampoline, and the entry into a dynamic guest.
 */

#define RING_SLOTS	128
#define SLOT		32		/* return address, target, old selector */
#define RING_MASK	((RING_SLOTS - 1) * SLOT)

/*
 * libuxrun.so (PIC), which the LD_PRELOAD shim dlopens into a native
 * process, has none of this: it runs foreign code under the seccomp
 * backend only, so libshim functions are bound without a trampoline, and
 * it has no static TLS to give the guest (rtld_tls.c).
 */
#ifndef PIC
/*
 * The guest's static TLS block (rtld_tls.c).  A TLS common symbol, so the
 * linker puts it after every other TLS variable of uxrun (.tcommon comes
 * last in .tbss): it ends at the thread pointer.
 */
	.tls_common	ux_guest_tls, 65536, 64

/* Per thread: the trampolines' return ring and its top (a byte offset). */
	.section .tbss,"awT",@nobits
	.p2align 5
	.globl	ux_shim_ring
	.type	ux_shim_ring, @object
	.size	ux_shim_ring, RING_SLOTS * SLOT
ux_shim_ring:
	.zero	RING_SLOTS * SLOT
	.globl	ux_shim_top
	.type	ux_shim_top, @object
	.size	ux_shim_top, 8
ux_shim_top:
	.zero	8

	.text
/*
 * ux_rtld_shim_enter: reached from a per-function stub with the target in
 * %r11, the guest's return address on the stack and its arguments in
 * place.  The return address moves to the ring and the call is remade
 * from here, so stack arguments keep their offsets; the thread's selector
 * is 0 for the call (libshim is host code: its system calls go to Linux
 * untrapped) and gets its old value back after.  Only %r10 and %r11 are
 * used, besides a saved %rax: %al counts vector registers for varargs,
 * and rax, rdx, xmm0 and xmm1 carry the results back.
 */
	.globl	ux_rtld_shim_enter
	.type	ux_rtld_shim_enter, @function
	.p2align 4
ux_rtld_shim_enter:
	movq	%fs:ux_shim_top@tpoff, %r10
	addq	$SLOT, %r10
	andq	$RING_MASK, %r10
	movq	%r10, %fs:ux_shim_top@tpoff
	popq	%fs:ux_shim_ring@tpoff(%r10)
	movq	%r11, %fs:ux_shim_ring@tpoff+8(%r10)
	movq	%fs:ux_guest_sel@tpoff, %r11
	pushq	%rax
	movzbl	(%r11), %eax
	movb	%al, %fs:ux_shim_ring@tpoff+16(%r10)
	popq	%rax
	movb	$0, (%r11)
	call	*%fs:ux_shim_ring@tpoff+8(%r10)
	movq	%fs:ux_shim_top@tpoff, %r10
	movq	%fs:ux_guest_sel@tpoff, %r11
	pushq	%rax
	movzbl	%fs:ux_shim_ring@tpoff+16(%r10), %eax
	movb	%al, (%r11)
	popq	%rax
	movq	%fs:ux_shim_ring@tpoff(%r10), %r11
	subq	$SLOT, %r10
	andq	$RING_MASK, %r10
	movq	%r10, %fs:ux_shim_top@tpoff
	jmp	*%r11
	.size	ux_rtld_shim_enter, .-ux_rtld_shim_enter
#endif

	.section .note.GNU-stack,"",@progbits
