/*
 * Process entry of a dynamically linked FreeBSD amd64 program, as FreeBSD
 * 14's crt1 (lib/csu/amd64/crt1_s.S) has it: the runtime linker enters
 * _start with %rdi pointing at argc (argv[], NULL, envp[], NULL, auxv
 * follow) and %rsi holding its cleanup function; _start hands
 *     __libc_start1(argc, argv, env, cleanup, main)
 * the rest.  Position-independent, so PIEs can use it too.
 */

/* FreeBSD ABI tag (NT_FREEBSD_ABI_TAG) and the NOINIT tag: this crt1 runs
 * no initialisers, the runtime linker runs the executable's. */
	.section .note.tag,"a",@note
	.p2align 2
	.long	8		/* namesz: "FreeBSD\0" */
	.long	4		/* descsz */
	.long	1		/* NT_FREEBSD_ABI_TAG */
	.asciz	"FreeBSD"
	.long	1400097		/* __FreeBSD_version of 14.0-RELEASE */
	.long	8
	.long	4
	.long	2		/* NT_FREEBSD_NOINIT_TAG */
	.asciz	"FreeBSD"
	.long	0

	.text
	.globl	_start
	.type	_start,@function
	.p2align 4
_start:
	.cfi_startproc
	.cfi_undefined %rip
	pushq	%rbp		/* aligns the stack, ends the frame chain */
	.cfi_def_cfa_offset 16
	movq	%rsp, %rbp
	.cfi_def_cfa_register %rbp
	movq	%rsi, %rcx	/* cleanup */
	leaq	8(%rdi), %rsi	/* argv */
	movslq	(%rdi), %rax
	leaq	16(%rdi,%rax,8), %rdx	/* env = argv + argc + 1 */
	movl	%eax, %edi	/* argc */
	leaq	main(%rip), %r8
	call	__libc_start1@PLT
	int3
	.cfi_endproc
	.size	_start, .-_start

	.section .note.GNU-stack,"",@progbits
