/* fstat(0, (struct stat *)8): a bad pointer must come back as EFAULT (14),
 * not crash uxrun.  Exits with the errno (0 if the call succeeded). */
#include "fbsd_asm.h"
	.text
	.globl _start
_start:
	movl	$SYS_fstat, %eax
	xorl	%edi, %edi
	movl	$8, %esi
	syscall
	jc	1f
	xorl	%eax, %eax
1:	EXIT_WITH_RAX
	.section .note.GNU-stack,"",@progbits
