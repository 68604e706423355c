/* Calls an unimplemented system call (kldload) twice: uxrun must fail it
 * with ENOSYS both times and report it once.  Exits with the errno. */
#include "fbsd_asm.h"
	.text
	.globl _start
_start:
	movl	$SYS_kldload, %eax
	leaq	name(%rip), %rdi
	syscall
	movl	$SYS_kldload, %eax
	leaq	name(%rip), %rdi
	syscall
	jc	1f
	xorl	%eax, %eax
1:	EXIT_WITH_RAX
	.section .rodata
name:	.asciz "nonexistent.ko"
	.section .note.GNU-stack,"",@progbits
