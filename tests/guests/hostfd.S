/* Tries to close the first descriptor past getdtablesize(): that is
 * uxrun's private band (its log), which must answer EBADF (9); then
 * writes "still here\n" so a trace shows uxrun's log survived.
 * Exits with the errno of the close (0 if it succeeded). */
#include "fbsd_asm.h"
	.text
	.globl _start
_start:
	movl	$SYS_getdtablesize, %eax
	syscall
	movl	%eax, %edi
	movl	$SYS_close, %eax
	syscall
	jc	1f
	xorl	%eax, %eax
1:	movl	%eax, %ebx
	movl	$SYS_write, %eax
	movl	$1, %edi
	leaq	msg(%rip), %rsi
	movl	$11, %edx
	syscall
	movl	%ebx, %eax
	EXIT_WITH_RAX
	.section .rodata
msg:	.ascii "still here\n"
	.section .note.GNU-stack,"",@progbits
