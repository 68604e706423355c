/*
 * Per-thread host state.  While guest code runs, %fs may hold the guest's
 * TLS base, so glibc's thread pointer cannot be trusted on entry to a trap.
 * Each thread's state therefore lives at the bottom of the aligned region
 * that also holds its SIGSYS alternate stack: the handler finds it from its
 * own stack address without touching %fs or making a system call.
 */
#ifndef UX_THREAD_H
#define UX_THREAD_H

#include <setjmp.h>
#include <stdint.h>
#include "syscalls/ux_call.h"

#define UX_ALTSTACK_REGION	(512u * 1024)	/* power of two: the lookup masks by it */
#define UX_THREAD_MAGIC		0x7578746872656164ull	/* "uxthread" */

struct ux_thread {
	uint64_t magic;
	struct ux_thread *self;
	const struct ux_personality *pers;
	uint64_t host_fs;	/* glibc's TCB for this thread */
	uint64_t guest_fs;	/* 0 until the guest sets its own */
	uint64_t guest_gs;
	int tid;		/* Linux thread id */
	/* Set while uxrun's own code runs on this thread (trap handler, thread
	 * start): a signal then waits for the guest context to come back. */
	volatile int in_host;
	/* A guest signal waits in the personality's queue: blocking calls made
	 * with ux_sleep_syscall() return -EINTR instead of sleeping. */
	volatile int sig_pending;
	/* Syscall User Dispatch selector (trap_sud.c): the kernel reads it on
	 * every system call this thread makes.  0 (allow) while uxrun's code
	 * runs, 1 (block: trap) while guest code does.  Always 0 under the
	 * seccomp backend. */
	volatile uint8_t sud_sel;
	/* Patched call sites (patch.c).  patch_slow: the call just handed to
	 * the direct path needs the trap after all.  patch_res: its result,
	 * for the trap that delivers signals which came during it. */
	volatile int patch_slow;
	struct {
		uint64_t nr, orig_nr, rv[2];
		int err, rv2_set, no_restart, valid;
	} patch_res;
	/* Guest threads started by uxrun: where the host start routine waits
	 * to be returned to when the guest thread exits (siglongjmp out of the
	 * trap handler), so glibc frees the thread normally. */
	int has_exit_jmp;
	sigjmp_buf exit_jmp;
	/* The personality's own per-thread state (signal mask, sigaltstack,
	 * thread id ...), e.g. struct fbsd_thread. */
	_Alignas(16) unsigned char pers_area[2048];
};

/* Offsets the patched-call stubs read through %gs (thread_asm.h). */
#include "syscalls/thread_asm.h"

struct ux_thread *ux_thread_create_current(const struct ux_personality *p);
/* The guest's GS base (sysarch, setcontext): 0 means it has none, and the
 * thread's own state stays there for patched call sites to find. */
long ux_thread_set_guest_gs(struct ux_thread *td, uint64_t base);
/* Unmaps the calling thread's region; only after its guest code is done. */
void ux_thread_destroy(struct ux_thread *td);

static inline __attribute__((always_inline)) struct ux_thread *
ux_thread_from_stack(void)
{
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
	struct ux_thread *td = (struct ux_thread *)(sp & ~(uintptr_t)(UX_ALTSTACK_REGION - 1));

	if (td->magic != UX_THREAD_MAGIC || td->self != td)
		return 0;
	return td;
}

/* A blocking host call that a queued guest signal interrupts (sleep.S). */
long ux_sleep_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6,
    const volatile int *pending);
/* ux_sys() for a guest's blocking call on thread td: a guest signal that
 * arrives just before the call starts is not slept through. */
extern const volatile int ux_no_pending;	/* for calls made outside a guest thread */
#define UX_BLOCK_(td, n, a, b, c, d, e, f, ...) ux_sleep_syscall((long)(n), (long)(a), (long)(b), \
	(long)(c), (long)(d), (long)(e), (long)(f), (td) ? &(td)->sig_pending : &ux_no_pending)
#define ux_block(td, ...) UX_BLOCK_(td, __VA_ARGS__, 0, 0, 0, 0, 0, 0, 0)

/* From a signal handler that just queued a guest signal: if the thread was
 * about to enter such a call, make it return -EINTR at once. */
void ux_sleep_interrupt(void *uctx);

/*
 * Every host-side signal handler that can interrupt guest code brackets its
 * work with these: system calls are allowed inside, and the thread goes
 * back to trapping them only if what was interrupted was guest code.
 * Nothing between ux_host_leave() and the handler's return may make a
 * system call (the return itself goes through the exempt restorer).
 */
static inline __attribute__((always_inline)) uint8_t
ux_host_enter(struct ux_thread *td)
{
	uint8_t s = td->sud_sel;

	td->sud_sel = 0;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	return s;
}

static inline __attribute__((always_inline)) void
ux_host_leave(struct ux_thread *td, uint8_t s)
{
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	td->sud_sel = s;
}

/* FS base access: FSGSBASE instructions when the kernel enabled them. */
extern int ux_have_fsgsbase;
uint64_t ux_get_fs(void);
void ux_set_fs(uint64_t base);

#endif
