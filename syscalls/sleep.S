/*
 * long ux_sleep_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
 *                       long a6, const volatile int *pending)
 *
 * A blocking host system call made on behalf of a guest, which a signal
 * queued for the guest must be able to cut short: the check of *pending
 * and the syscall instruction form one window, [ux_sleep_begin,
 * ux_sleep_end).  A signal handler that queues a guest signal while the
 * thread is inside that window moves it to ux_sleep_eintr, so the call
 * returns -EINTR instead of sleeping through the signal (the technique
 * musl uses for thread cancellation).
 */
	.text
	.globl	ux_sleep_syscall
	.type	ux_sleep_syscall, @function
	.globl	ux_sleep_begin
	.globl	ux_sleep_end
	.globl	ux_sleep_eintr
ux_sleep_syscall:
	movq	%rdi, %rax		/* nr */
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	movq	%r8, %r10
	movq	%r9, %r8
	movq	8(%rsp), %r9		/* a6 */
	movq	16(%rsp), %r11		/* pending */
ux_sleep_begin:
	cmpl	$0, (%r11)
	jne	ux_sleep_eintr
	syscall
ux_sleep_end:
	ret
ux_sleep_eintr:
	movq	$-4, %rax		/* -EINTR */
	ret
	.size	ux_sleep_syscall, .-ux_sleep_syscall

	.section .note.GNU-stack,"",@progbits
