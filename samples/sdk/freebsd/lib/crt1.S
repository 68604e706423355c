/*
 * Process entry for FreeBSD amd64. The kernel enters _start with %rdi
 * pointing at argc (then argv[], NULL, envp[], NULL, auxv pairs) and
 * %rsp 16-byte aligned minus 8. Built twice: crt1.o for static
 * executables and, with UXRT_PIE, rcrt1.o for static PIEs, which must
 * apply their own relative relocations before touching any pointer in
 * data.
 */

/* FreeBSD ABI tag: the loader and file(1) recognise FreeBSD binaries by it. */
	.section .note.tag,"a",@note
	.p2align 2
	.long	8		/* namesz: "FreeBSD\0" */
	.long	4		/* descsz */
	.long	1		/* NT_FREEBSD_ABI_TAG */
	.asciz	"FreeBSD"
	.long	1400097		/* __FreeBSD_version of 14.0-RELEASE */

	.text
	.globl	_start
	.type	_start,@function
	.p2align 4
_start:
	.cfi_startproc
	.cfi_undefined %rip
	xorl	%ebp, %ebp
	andq	$-16, %rsp
#ifdef UXRT_PIE
	movq	%rdi, %rbx
	call	__uxrt_self_relocate
	movq	%rbx, %rdi
#endif
	call	__uxrt_start
	hlt
	.cfi_endproc
	.size	_start, .-_start

	.section .note.GNU-stack,"",@progbits
