/*
 * The seccomp + SIGSYS trap backend.
 *
 * The kernel skips a trapped call and delivers SIGSYS with the registers as
 * they were at the `syscall` instruction (rax holds the number).  The handler
 * runs on this thread's alternate stack, finds the thread's state from that
 * stack's address, puts glibc's thread pointer back in %fs if the guest
 * owns it, dispatches, writes the result in the guest's convention (carry
 * flag, positive errno in rax, second value in rdx) and returns through
 * sigreturn.  Nothing on this path allocates, locks or makes a system call
 * besides the one being emulated and the %fs switch.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include "syscalls/trap.h"
#include "syscalls/thread.h"
#include "syscalls/dispatch.h"
#include "syscalls/hostcall.h"
#include "syscalls/fault.h"

#ifndef SYS_SECCOMP
#define SYS_SECCOMP 1
#endif

#define EFLAGS_CF 0x1

#define IP_LO offsetof(struct seccomp_data, instruction_pointer)
#define IP_HI (offsetof(struct seccomp_data, instruction_pointer) + 4)

int
ux_trap_build_filter(void *out, int max, const struct ux_range *r, int n)
{
	struct sock_filter *f = out;
	int k = 0, blk = 10;
	int need = 2 + n * blk + 2;

	if (n < 0 || n > UX_TRAP_MAX_RANGES || need > max)
		return -1;
	int allow = 2 + n * blk, trap = allow + 1;

	f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
	f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, (uint8_t)(allow - 2));
	for (int i = 0; i < n; i++) {
		uint32_t lo_hi = (uint32_t)(r[i].lo >> 32), lo_lo = (uint32_t)r[i].lo;
		uint32_t hi_hi = (uint32_t)(r[i].hi >> 32), hi_lo = (uint32_t)r[i].hi;
		int b = k, next = b + blk;
#define J(at, to) ((uint8_t)((to) - (at) - 1))
		/* ip >= lo: (ip_hi > lo_hi) || (ip_hi == lo_hi && ip_lo >= lo_lo) */
		f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, IP_HI);
		f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, lo_hi, J(b + 1, b + 5), 0);
		f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, lo_hi, 0, J(b + 2, next));
		f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, IP_LO);
		f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, lo_lo, 0, J(b + 4, next));
		/* ip < hi: (ip_hi < hi_hi) || (ip_hi == hi_hi && ip_lo < hi_lo) */
		f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, IP_HI);
		f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, hi_hi, J(b + 6, next), 0);
		f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, hi_hi, 0, J(b + 7, trap));
		f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, IP_LO);
		f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, hi_lo, J(b + 9, next), J(b + 9, trap));
#undef J
	}
	f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP);
	return k;
}

__attribute__((no_stack_protector)) static void
sigsys_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;
	struct ux_thread *td = ux_thread_from_stack();

	if (td == NULL)
		return;
	if (td->guest_fs)
		ux_set_fs(td->host_fs);
	if (si->si_code != SYS_SECCOMP) {
		/* The guest's own SIGSYS (kill, thr_kill): a signal like any other. */
		if (td->pers->on_signal)
			td->pers->on_signal(td, sig, si, ucv);
		if (td->guest_fs)
			ux_set_fs(td->guest_fs);
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

	if (!c.justreturn) {
		g[REG_RAX] = (greg_t)c.rv[0];
		if (c.err) {
			g[REG_EFL] |= EFLAGS_CF;
		} else {
			g[REG_EFL] &= ~(greg_t)EFLAGS_CF;
			if (c.rv2_set)
				g[REG_RDX] = (greg_t)c.rv[1];
		}
	}
	/* Signals that came during the call were queued; from here on one
	 * that arrives is left pending in the kernel until the guest context
	 * is back (see the personality's on_signal), so draining the queue
	 * and returning cannot lose one. */
	td->in_host = 0;
	if (td->sig_pending && td->pers->after_call)
		td->pers->after_call(&c);
	if (td->guest_fs)
		ux_set_fs(td->guest_fs);
}

int
ux_trap_init(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = sigsys_handler;
	/* Other signals stay deliverable while a call is emulated, so a
	 * blocking read can still be interrupted (and Ctrl-C still works). */
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	if (sigaction(SIGSYS, &sa, NULL) != 0)
		return -1;
	sigset_t ss;
	sigemptyset(&ss);
	sigaddset(&ss, SIGSYS);
	sigprocmask(SIG_UNBLOCK, &ss, NULL);
	return ux_fault_init();
}

/* What every installed filter traps, for execve's collision check. */
#define KNOWN_MAX 128
static struct ux_range known[KNOWN_MAX];
static int nknown;
static char known_lock;

static void
note_range(uint64_t lo, uint64_t hi)
{
	while (__atomic_test_and_set(&known_lock, __ATOMIC_ACQUIRE))
		;
	int n = nknown, dup = 0;
	for (int i = 0; i < n; i++)
		dup |= known[i].lo == lo && known[i].hi == hi;
	if (!dup && n < KNOWN_MAX) {
		known[n] = (struct ux_range){ lo, hi };
		__atomic_store_n(&nknown, n + 1, __ATOMIC_RELEASE);
	}
	__atomic_clear(&known_lock, __ATOMIC_RELEASE);
}

int
ux_trap_ranges(struct ux_range *out, int max)
{
	int n = __atomic_load_n(&nknown, __ATOMIC_ACQUIRE);

	for (int i = 0; i < n && i < max; i++)
		out[i] = known[i];
	return n;
}

int
ux_trap_note_inherited(const char *spec)
{
	const char *p = spec;

	while (*p) {
		char *end;
		uint64_t lo = strtoull(p, &end, 16), hi;
		if (end == p || *end != '-')
			return -1;
		p = end + 1;
		hi = strtoull(p, &end, 16);
		if (end == p || (*end != ',' && *end != '\0') || hi <= lo)
			return -1;
		note_range(lo, hi);
		p = *end ? end + 1 : end;
	}
	return 0;
}

int
ux_trap_add_ranges(const struct ux_range *r, int n)
{
	while (n > 0) {
		int m = n > UX_TRAP_MAX_RANGES ? UX_TRAP_MAX_RANGES : n;
		struct sock_filter insns[2 + UX_TRAP_MAX_RANGES * 10 + 2];
		int len = ux_trap_build_filter(insns, (int)(sizeof(insns) / sizeof(insns[0])), r, m);
		struct sock_fprog prog = { .len = (unsigned short)len, .filter = insns };

		if (len < 0)
			return -EINVAL;
		/* Unprivileged seccomp needs no_new_privs; setuid programs a
		 * guest executes then run without their privileges. */
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
			return -errno;
		/* SPEC_ALLOW: without it the kernel turns on the speculative
		 * store bypass mitigation for the whole process, which slows the
		 * guest's own code; uxrun is not a sandbox, so it opts out. */
		if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW, &prog) != 0 &&
		    (errno != EINVAL || syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0))
			return -errno;
		for (int i = 0; i < m; i++)
			note_range(r[i].lo, r[i].hi);
		r += m;
		n -= m;
	}
	return 0;
}
