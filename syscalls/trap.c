/*
 * The SIGSYS side of both trap backends (trap.h): the kernel skips a
 * trapped call and delivers SIGSYS with the registers as they were at the
 * `syscall` instruction (rax holds the number).  The handler runs on this
 * thread's alternate stack, finds the thread's state from that stack's
 * address, lets the thread make system calls (Syscall User Dispatch
 * selector), puts glibc's thread pointer back in %fs if the guest owns it,
 * dispatches, writes the result in the guest's convention (carry flag,
 * positive errno in rax, second value in rdx) and returns through
 * sigreturn.  Nothing on this path allocates, locks or makes a system call
 * besides the one being emulated and the %fs switch.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#include "syscalls/trap.h"
#include "syscalls/thread.h"
#include "syscalls/dispatch.h"
#include "syscalls/hostcall.h"
#include "syscalls/fault.h"
#include "syscalls/log.h"
#include "syscalls/patch.h"
#include "syscalls/patch_asm.h"

#ifndef SYS_SECCOMP
#define SYS_SECCOMP 1
#endif
#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2
#endif

#define EFLAGS_CF 0x1

int ux_trap_kind = UX_TRAP_SECCOMP;
int ux_trap_hosted;
static struct ux_thread *(*adopt_thread)(int in_handler);

/*
 * A dispatch trap from outside guest code: host code (a glibc-internal
 * signal handler, say) ran while the thread was set to trap.  The call was
 * meant for Linux; make it.
 */
static void
pass_through(greg_t *g)
{
	g[REG_RAX] = (greg_t)ux_sys((long)g[REG_RAX], (long)g[REG_RDI], (long)g[REG_RSI],
	    (long)g[REG_RDX], (long)g[REG_R10], (long)g[REG_R8], (long)g[REG_R9]);
}

/* The result in the guest's registers: rax, the carry flag, rdx. */
static void
put_result(greg_t *g, const struct uxcall *c)
{
	if (c->justreturn)
		return;
	g[REG_RAX] = (greg_t)c->rv[0];
	if (c->err) {
		g[REG_EFL] |= EFLAGS_CF;
	} else {
		g[REG_EFL] &= ~(greg_t)EFLAGS_CF;
		if (c->rv2_set)
			g[REG_RDX] = (greg_t)c->rv[1];
	}
}

/*
 * A patched site's call is over but signals came during it (patch.h): the
 * stub trapped with UX_PATCH_NR_DELIVER so they can be delivered with a
 * real frame.  The call's result goes back in the registers first, and an
 * interrupted call to be restarted is the stub's `syscall` run again with
 * the call's number.
 */
static void
deliver_after_direct(struct ux_thread *td, ucontext_t *uc)
{
	greg_t *g = uc->uc_mcontext.gregs;
	struct uxcall c = {
		.nr = td->patch_res.nr,
		.orig_nr = td->patch_res.orig_nr,
		.rv = { td->patch_res.rv[0], td->patch_res.rv[1] },
		.rv2_set = td->patch_res.rv2_set,
		.err = td->patch_res.err,
		.no_restart = td->patch_res.no_restart,
		.sp = (uint64_t)g[REG_RSP],
		.pc = (uint64_t)g[REG_RIP],
		.td = td,
		.sigmask = (uint64_t *)&uc->uc_sigmask,
		.uctx = uc,
	};

	td->patch_res.valid = 0;
	put_result(g, &c);
	if (td->sig_pending && td->pers->after_call)
		td->pers->after_call(&c);
}

__attribute__((no_stack_protector)) static void
sigsys_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;
	struct ux_thread *td = ux_thread_from_stack();
	uint8_t sel;

	/* In a native process, foreign code runs on threads uxrun never saw;
	 * each gets its state at its first trapped call (on this stack: it
	 * has no alternate one of uxrun's yet). */
	if (td == NULL && ux_trap_hosted && si->si_code == SYS_SECCOMP && adopt_thread)
		td = adopt_thread(1);
	if (td == NULL)
		return;
	sel = ux_host_enter(td);
	if (si->si_code == SYS_USER_DISPATCH && !ux_in_guest_code((uint64_t)g[REG_RIP])) {
		pass_through(g);
		ux_host_leave(td, sel);
		return;
	}
	if (td->guest_fs)
		ux_set_fs(td->host_fs);
	if (si->si_code != SYS_SECCOMP && si->si_code != SYS_USER_DISPATCH) {
		/* The guest's own SIGSYS (kill, thr_kill): a signal like any other. */
		if (td->pers->on_signal)
			td->pers->on_signal(td, sig, si, ucv);
		if (td->guest_fs)
			ux_set_fs(td->guest_fs);
		ux_host_leave(td, sel);
		return;
	}
	if ((uint64_t)g[REG_RAX] == UX_PATCH_NR_DELIVER && td->patch_res.valid) {
		deliver_after_direct(td, uc);
		if (td->guest_fs)
			ux_set_fs(td->guest_fs);
		ux_host_leave(td, sel);
		return;
	}
	td->in_host = 1;

	struct uxcall c = {
		.nr = (uint64_t)g[REG_RAX],
		.orig_nr = (uint64_t)g[REG_RAX],
		.a = { (uint64_t)g[REG_RDI], (uint64_t)g[REG_RSI], (uint64_t)g[REG_RDX],
		       (uint64_t)g[REG_R10], (uint64_t)g[REG_R8], (uint64_t)g[REG_R9] },
		.sp = (uint64_t)g[REG_RSP],
		.pc = (uint64_t)g[REG_RIP],
		.td = td,
		.sigmask = (uint64_t *)&uc->uc_sigmask,
		.uctx = ucv,
	};
	ux_dispatch(td->pers, &c);
	put_result(g, &c);
	/* Signals that came during the call were queued; from here on one
	 * that arrives is left pending in the kernel until the guest context
	 * is back (see the personality's on_signal), so draining the queue
	 * and returning cannot lose one. */
	td->in_host = 0;
	if (td->sig_pending && td->pers->after_call)
		td->pers->after_call(&c);
	if (ux_patch_threshold)
		ux_patch_note(&c);
	if (td->guest_fs)
		ux_set_fs(td->guest_fs);
	/* Whatever the call did to the registers, they are the guest's. */
	ux_host_leave(td, sel);
}

/* The SIGSYS handler, unblocked in the calling thread. */
static int
install_sigsys(void)
{
	struct sigaction sa;
	sigset_t ss;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = sigsys_handler;
	/* Other signals stay deliverable while a call is emulated, so a
	 * blocking read can still be interrupted (and Ctrl-C still works). */
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	if (sigaction(SIGSYS, &sa, NULL) != 0)
		return -1;
	sigemptyset(&ss);
	sigaddset(&ss, SIGSYS);
	pthread_sigmask(SIG_UNBLOCK, &ss, NULL);
	return 0;
}

int
ux_trap_init(void)
{
	const char *want = getenv("UXRUN_TRAP");

	if (install_sigsys() != 0)
		return -1;

	/* Syscall User Dispatch when the kernel has it (5.11+): it traps
	 * wherever guest code is and vanishes at execve.  UXRUN_TRAP picks
	 * one; a seccomp uxrun's children inherit the choice with it. */
	if (want == NULL || *want == '\0' || strcmp(want, "auto") == 0 || strcmp(want, "sud") == 0) {
		if (ux_trap_sud_init() == 0)
			ux_trap_kind = UX_TRAP_SUD;
		else if (want && strcmp(want, "sud") == 0)
			return -1;
	} else if (strcmp(want, "seccomp") != 0) {
		errno = EINVAL;
		return -1;
	}
	return ux_fault_init();
}

int
ux_trap_init_hosted(struct ux_thread *(*adopt)(int in_handler))
{
	if (install_sigsys() != 0)
		return -1;
	adopt_thread = adopt;
	ux_trap_kind = UX_TRAP_SECCOMP;
	ux_trap_hosted = 1;
	return 0;
}

struct ux_thread *
ux_trap_adopt_thread(void)
{
	return ux_trap_hosted && adopt_thread ? adopt_thread(0) : NULL;
}

const char *
ux_trap_name(void)
{
	return ux_trap_kind == UX_TRAP_SUD ? "Syscall User Dispatch" : "seccomp";
}
