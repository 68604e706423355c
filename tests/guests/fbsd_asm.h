/*
 * Shared bits of the hand-written FreeBSD test guests: the ABI note that
 * marks a FreeBSD binary, and a syscall macro that leaves the FreeBSD
 * errno in %rax and jumps to `failed` when the carry flag is set.
 */
	.section .note.tag, "a", @note
	.p2align 2
	.long 8, 4, 1
	.asciz "FreeBSD"
	.long 1400097

#define SYS_exit 1
#define SYS_close 6
#define SYS_getdtablesize 89
#define SYS_kldload 304
#define SYS_fstat 551
#define SYS_write 4

/* exit(%edi) */
#define EXIT_WITH_RAX	movl %eax, %edi; movl $SYS_exit, %eax; syscall; hlt
