/*
 * FreeBSD per-thread state, kept in struct ux_thread's pers_area: the
 * thread id the guest sees, its signal mask and sigaltstack.
 */
#ifndef FBSD_THREAD_H
#define FBSD_THREAD_H

#include <stdint.h>
#include "syscalls/thread.h"
#include "syscalls/freebsd/fbsd_abi.h"

/* FreeBSD thread ids start above PID_MAX (99999); uxrun offsets Linux's. */
#define FBSD_TID_BASE 100000

struct fbsd_stack {		/* FreeBSD stack_t */
	uint64_t ss_sp;
	uint64_t ss_size;
	int32_t ss_flags;
	int32_t pad;
};
#define FBSD_SS_ONSTACK		0x0001
#define FBSD_SS_DISABLE		0x0004
#define FBSD_MINSIGSTKSZ	2048

/* Signals that arrived while uxrun's code ran, delivered as the call ends. */
#define FBSD_MAX_PENDING 16
struct fbsd_pending {
	int hsig;
	struct fbsd_siginfo fsi;
};

struct fbsd_thread {
	long tid;			/* Linux tid + FBSD_TID_BASE */
	struct fbsd_sigset mask;	/* the mask the guest set, FreeBSD bits */
	struct fbsd_stack altstack;	/* the guest's sigaltstack */
	unsigned npending;
	struct fbsd_pending pending[FBSD_MAX_PENDING];
	uint64_t exit_state;		/* thr_new's child_tid: *state = 1 at exit */
	/* sys_thread.c: index + 1 in the thread registry (0: not yet in it) */
	int thr_slot;
	/* sys_umtx.c: UMTX_OP_ROBUST_LISTS addresses, walked at thr_exit */
	uint64_t rb_list, rbp_list, rb_inact;
};
_Static_assert(sizeof(struct fbsd_thread) <= sizeof(((struct ux_thread *)0)->pers_area),
    "FreeBSD thread state fits in pers_area");

static inline struct fbsd_thread *
fbsd_td(struct ux_thread *td)
{
	return (struct fbsd_thread *)td->pers_area;
}

/* Sets up a new thread's FreeBSD state; parent NULL for the first thread.
 * The mask is inherited, the sigaltstack is not (as thr_new does it). */
void fbsd_thread_init(struct ux_thread *td, struct ux_thread *parent);
/* Makes mask the thread's guest mask and the host mask follow it; hostmask
 * is the mask a trap frame restores, or NULL for the live one. */
void fbsd_set_guest_mask(struct ux_thread *td, const struct fbsd_sigset *mask,
    uint64_t *hostmask);

#endif
