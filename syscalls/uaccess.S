/*
 * Guest memory copies that survive bad guest pointers.  A fault inside
 * [ux_copy_insn_begin, ux_copy_insn_end) is redirected by the SIGSEGV
 * handler to ux_copy_fixup, which returns -EFAULT, the way a kernel's
 * exception table turns a bad user pointer into EFAULT.
 */
	.text
	.globl	ux_copy_bytes
	.type	ux_copy_bytes, @function
/* long ux_copy_bytes(void *dst, const void *src, size_t n) */
ux_copy_bytes:
	movq	%rdx, %rcx
	.globl	ux_copy_insn_begin
ux_copy_insn_begin:
	rep movsb
	.globl	ux_copy_insn_end
ux_copy_insn_end:
	xorl	%eax, %eax
	ret
	.globl	ux_copy_fixup
ux_copy_fixup:
	movq	$-14, %rax	/* -EFAULT */
	ret
	.size	ux_copy_bytes, .-ux_copy_bytes

	.section .note.GNU-stack,"",@progbits
