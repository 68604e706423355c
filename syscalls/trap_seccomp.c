/*
 * The seccomp trap backend: a filter returns SECCOMP_RET_TRAP for system
 * calls whose instruction pointer lies in guest code, so uxrun's own calls
 * pass untouched and the SIGSYS handler (trap.c) sees only the guest's.
 * Filters cannot be removed and survive execve; the ranges every filter of
 * this process traps are kept for execve's collision check.
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
	if (ux_trap_kind == UX_TRAP_SUD)
		return 0;
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
		/* In a native process (ux_trap_hosted) the host's threads call
		 * foreign code too, those running now included: TSYNC gives
		 * them all the filter (and no_new_privs), or fails with the id
		 * of a thread it cannot. */
		unsigned tsync = ux_trap_hosted ? SECCOMP_FILTER_FLAG_TSYNC : 0;
		long rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW | tsync, &prog);
		if (rc != 0 && rc != -1)
			return -EAGAIN;
		if (rc != 0 && (errno != EINVAL || (rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, tsync, &prog)) != 0))
			return rc > 0 ? -EAGAIN : -errno;
		for (int i = 0; i < m; i++)
			note_range(r[i].lo, r[i].hi);
		r += m;
		n -= m;
	}
	return 0;
}
