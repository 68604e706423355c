/*
 * Patched call sites, the machine-code half (patch.c has the rest).
 *
 * A patched site jumps to a stub of its own: copies of the instructions
 * the jump displaced, then the template below.  The template runs on the
 * guest's stack, below its red zone, with the guest's registers; it finds
 * the thread's ux_thread through %gs, marks the thread as running uxrun's
 * code and calls ux_patch_entry, which switches to the thread's host stack
 * and calls ux_patch_call() (patch_call.c) with the registers in a frame.
 *
 * Everything a signal can interrupt outside ux_patch_entry is here, in the
 * stub, which counts as guest code: a signal that arrives before in_host is
 * set or after it is cleared is delivered to the guest at once, on the
 * guest's stack, as if it came just before or after the system call; one
 * that arrives while in_host is set is queued, and the check of
 * sig_pending after in_host is cleared sends the thread through a trap
 * (UX_PATCH_NR_DELIVER) that delivers it with a real signal frame.
 *
 * Three exits, each ending with a jump back to the instruction after the
 * original `syscall` (the three rel32 fields patch.c fills):
 *   done     the call was made; rax, rdx and the carry flag hold its result
 *   slow     the call needs the trap's frame (fork, sigreturn ...) or the
 *            thread has no ux_thread in %gs: the original `syscall`, which
 *            traps, since the stubs are guest code
 *   deliver  signals came during the call: a trap delivers them
 */
#include "syscalls/thread_asm.h"
#include "syscalls/patch_asm.h"

	.text

/* On entry: [rsp] the stub's return address, [rsp+8] the guest's flags;
 * the guest's stack pointer was rsp + 16 + 128.  rcx and r11 are free (the
 * system call clobbers them). */
	.globl	ux_patch_entry
	.type	ux_patch_entry, @function
ux_patch_entry:
	movq	%gs:UX_TD_SELF, %r11
	movq	%rsp, %rcx
	/* The top of the thread's signal stack: no guest code runs on it, and
	 * a signal that comes now nests below this frame. */
	leaq	UX_ALTSTACK_REGION_ASM(%r11), %rsp
	pushq	%rcx			/* struct ux_patch_frame, from the end */
	pushq	%r9
	pushq	%r8
	pushq	%r10
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rax
	movq	%rsp, %rdi
	movq	%r11, %rsi
	call	ux_patch_call
	popq	%rax
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%r10
	popq	%r8
	popq	%r9
	popq	%rsp
	ret
	.size	ux_patch_entry, .-ux_patch_entry

/* The stub template: copied after the displaced instructions. */
	.globl	ux_patch_tpl_begin, ux_patch_tpl_end
	.globl	ux_patch_tpl_back1, ux_patch_tpl_back2, ux_patch_tpl_back3
	.globl	ux_patch_tpl_entry
ux_patch_tpl_begin:
	leaq	-128(%rsp), %rsp
	pushfq
	movabsq	$UX_THREAD_MAGIC_ASM, %r11
	cmpq	%r11, %gs:UX_TD_MAGIC
	jne	.Lslow_guest
	movl	$1, %gs:UX_TD_IN_HOST
	call	*.Lentry(%rip)
	cmpl	$0, %gs:UX_TD_PATCH_SLOW
	jne	.Lslow
	movl	$0, %gs:UX_TD_IN_HOST
	cmpl	$0, %gs:UX_TD_SIG_PENDING
	jne	.Ldeliver
	popfq
	leaq	128(%rsp), %rsp
	.byte	0xe9
ux_patch_tpl_back1:
	.long	0
.Lslow:
	movl	$0, %gs:UX_TD_IN_HOST
.Lslow_guest:
	popfq
	leaq	128(%rsp), %rsp
	syscall
	.byte	0xe9
ux_patch_tpl_back2:
	.long	0
.Ldeliver:
	popfq
	leaq	128(%rsp), %rsp
	movl	$UX_PATCH_NR_DELIVER, %eax
	syscall
	.byte	0xe9
ux_patch_tpl_back3:
	.long	0
	.balign	8
ux_patch_tpl_entry:
.Lentry:
	.quad	0			/* ux_patch_entry, written by patch.c */
ux_patch_tpl_end:

	.section .note.GNU-stack,"",@progbits
