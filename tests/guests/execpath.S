/* Prints the AT_EXECPATH string from the auxiliary vector, then a newline:
 * the guest must see its own absolute path, not uxrun's.  Exits 1 if the
 * entry is missing. */
#include "fbsd_asm.h"
#define AT_EXECPATH 15
	.text
	.globl _start
_start:
	movq	(%rdi), %rcx		/* argc */
	leaq	16(%rdi,%rcx,8), %rbx	/* envp: skip argc, argv[], NULL */
1:	cmpq	$0, (%rbx)
	leaq	8(%rbx), %rbx
	jne	1b			/* rbx: auxv */
2:	movq	(%rbx), %rax
	testq	%rax, %rax
	jz	missing
	cmpq	$AT_EXECPATH, %rax
	je	found
	addq	$16, %rbx
	jmp	2b
found:	movq	8(%rbx), %rsi
	xorl	%edx, %edx
3:	cmpb	$0, (%rsi,%rdx)
	je	4f
	incq	%rdx
	jmp	3b
4:	movl	$SYS_write, %eax
	movl	$1, %edi
	syscall
	movl	$SYS_write, %eax
	movl	$1, %edi
	leaq	nl(%rip), %rsi
	movl	$1, %edx
	syscall
	xorl	%eax, %eax
	EXIT_WITH_RAX
missing:
	movl	$1, %eax
	EXIT_WITH_RAX
	.section .rodata
nl:	.ascii "\n"
	.section .note.GNU-stack,"",@progbits
