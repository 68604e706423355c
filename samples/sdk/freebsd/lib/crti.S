/*
 * Heads of _init and _fini, the functions the linker assembles from the
 * .init and .fini sections of every object (tails in crtn.S); DT_INIT and
 * DT_FINI point at them.  As FreeBSD's lib/csu/amd64/crti.S: the frame
 * keeps the stack 16-byte aligned for whatever the sections call.
 */
	.section .init,"ax",@progbits
	.p2align 2
	.globl	_init
	.hidden	_init
	.type	_init,@function
_init:
	subq	$8, %rsp

	.section .fini,"ax",@progbits
	.p2align 2
	.globl	_fini
	.hidden	_fini
	.type	_fini,@function
_fini:
	subq	$8, %rsp

	.section .note.GNU-stack,"",@progbits
