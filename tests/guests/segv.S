/* Dereferences address 0: the process must die of SIGSEGV, as natively,
 * with no "internal error" from uxrun. */
#include "fbsd_asm.h"
	.text
	.globl _start
_start:
	movq	0, %rax
	hlt
	.section .note.GNU-stack,"",@progbits
