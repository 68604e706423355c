/*
 * The seccomp trap: the BPF program ux_trap_build_filter writes, run by a
 * small classic-BPF interpreter on synthetic seccomp_data (instruction
 * pointers around every range edge, including 4 GiB boundaries, where a
 * 64-bit comparison made of two 32-bit halves can go wrong), then the real
 * thing in child processes: a filter over an executable buffer, and the
 * whole SIGSYS path down to the FreeBSD handlers.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "tests/unit/unit.h"
#include "syscalls/fault.h"
#include "syscalls/hostfd.h"
#include "syscalls/thread.h"
#include "syscalls/trap.h"
#include "syscalls/freebsd/fbsd_personality.h"

#define MAX_INSNS (2 + UX_TRAP_MAX_RANGES * 10 + 2)

/* --- a classic BPF interpreter for what seccomp filters may contain ----- */

/* Checks what the kernel's bpf_check_classic would; NULL or the reason. */
static const char *
bpf_invalid(const struct sock_filter *f, int len)
{
	if (len <= 0 || len > BPF_MAXINSNS)
		return "bad length";
	if (f[len - 1].code != (BPF_RET | BPF_K))
		return "last instruction is not RET K";
	for (int pc = 0; pc < len; pc++) {
		const struct sock_filter *i = &f[pc];
		switch (i->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			if (i->k % 4 || i->k + 4 > sizeof(struct seccomp_data))
				return "load outside seccomp_data";
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
		case BPF_JMP | BPF_JGT | BPF_K:
		case BPF_JMP | BPF_JGE | BPF_K:
			if (pc + 1 + i->jt >= len || pc + 1 + i->jf >= len)
				return "jump past the end";
			break;
		case BPF_JMP | BPF_JA:
			if ((uint64_t)pc + 1 + i->k >= (uint64_t)len)
				return "jump past the end";
			break;
		case BPF_RET | BPF_K:
			break;
		default:
			return "unexpected opcode";
		}
	}
	return NULL;
}

static uint32_t
bpf_run(const struct sock_filter *f, int len, const struct seccomp_data *d)
{
	uint32_t a = 0;

	for (int pc = 0, steps = 0; pc < len && steps <= len; steps++) {
		const struct sock_filter *i = &f[pc];
		switch (i->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			memcpy(&a, (const char *)d + i->k, 4);
			pc++;
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
			pc += 1 + (a == i->k ? i->jt : i->jf);
			break;
		case BPF_JMP | BPF_JGT | BPF_K:
			pc += 1 + (a > i->k ? i->jt : i->jf);
			break;
		case BPF_JMP | BPF_JGE | BPF_K:
			pc += 1 + (a >= i->k ? i->jt : i->jf);
			break;
		case BPF_JMP | BPF_JA:
			pc += 1 + (int)i->k;
			break;
		case BPF_RET | BPF_K:
			return i->k;
		default:
			return 0xdeadbeef;
		}
	}
	return 0xdeadbeef;	/* ran off the end: bpf_invalid would have said */
}

static int
inside(const struct ux_range *r, int n, uint64_t ip)
{
	for (int i = 0; i < n; i++)
		if (ip >= r[i].lo && ip < r[i].hi)
			return 1;
	return 0;
}

static uint32_t
verdict(const struct sock_filter *f, int len, uint32_t arch, uint64_t ip)
{
	struct seccomp_data d;

	memset(&d, 0, sizeof(d));
	d.nr = 39;
	d.arch = arch;
	d.instruction_pointer = ip;
	return bpf_run(f, len, &d);
}

/* Builds the filter for r[0..n) and checks it at every interesting address. */
static void
check_ranges(const char *what, const struct ux_range *r, int n, const uint64_t *extra, int nextra)
{
	struct sock_filter f[MAX_INSNS];
	int len = ux_trap_build_filter(f, MAX_INSNS, r, n);
	const char *bad;

	UX_CHECK(len == 2 + 10 * n + 2, "%s: filter has %d instructions, expected %d", what, len, 2 + 10 * n + 2);
	if (len <= 0)
		return;
	bad = bpf_invalid(f, len);
	UX_CHECK(bad == NULL, "%s: the kernel would refuse the filter: %s", what, bad ? bad : "");
	if (bad)
		return;

	uint64_t probes[64 * UX_TRAP_MAX_RANGES + 64];
	int np = 0;
	static const uint64_t fixed[] = { 0, 1, 0xffffffffull, 0x100000000ull, UINT64_MAX, UINT64_MAX - 1,
		0x7fffffffffffull, 0x800000000000ull };
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		probes[np++] = fixed[i];
	for (int i = 0; i < nextra; i++)
		probes[np++] = extra[i];
	for (int i = 0; i < n; i++) {
		uint64_t lo = r[i].lo, hi = r[i].hi;
		uint64_t p[] = { lo - 1, lo, lo + 1, lo + (hi - lo) / 2, hi - 1, hi, hi + 1,
			lo ^ (1ull << 32), hi ^ (1ull << 32), lo + (1ull << 32), hi - (1ull << 32),
			(lo & ~0xffffffffull) | (hi & 0xffffffffull), (hi & ~0xffffffffull) | (lo & 0xffffffffull),
			lo - 0x100000000ull, hi + 0xffffffffull };
		for (size_t k = 0; k < sizeof(p) / sizeof(p[0]); k++)
			probes[np++] = p[k];
	}
	for (int i = 0; i < np; i++) {
		uint64_t ip = probes[i];
		uint32_t want = inside(r, n, ip) ? SECCOMP_RET_TRAP : SECCOMP_RET_ALLOW;
		uint32_t got = verdict(f, len, AUDIT_ARCH_X86_64, ip);
		UX_CHECK(got == want, "%s: ip %#llx gets %#x, expected %s", what, (unsigned long long)ip, got,
		    want == SECCOMP_RET_TRAP ? "TRAP" : "ALLOW");
		/* Other ABIs (i386 int $0x80) are passed through untouched. */
		got = verdict(f, len, AUDIT_ARCH_I386, ip);
		UX_CHECK(got == SECCOMP_RET_ALLOW, "%s: i386 call at %#llx gets %#x", what, (unsigned long long)ip, got);
	}
}

static void
test_filter_one_range(void)
{
	static const struct ux_range r1[] = { { 0x400000, 0x402000 } };
	static const struct ux_range below4g[] = { { 0xffffe000ull, 0x100000000ull } };
	static const struct ux_range at4g[] = { { 0x100000000ull, 0x100003000ull } };
	static const struct ux_range straddle[] = { { 0xfffff000ull, 0x100001000ull } };
	static const struct ux_range wide[] = { { 0x1fffff000ull, 0x300001000ull } };	/* spans two boundaries */
	static const struct ux_range high[] = { { 0x7ffff7a00000ull, 0x7ffff7c00000ull } };
	static const struct ux_range low[] = { { 0x1000, 0x2000 } };

	check_ranges("0x400000-0x402000", r1, 1, NULL, 0);
	check_ranges("ending at 4 GiB", below4g, 1, NULL, 0);
	check_ranges("starting at 4 GiB", at4g, 1, NULL, 0);
	check_ranges("straddling 4 GiB", straddle, 1, NULL, 0);
	check_ranges("spanning 8 GiB", wide, 1, NULL, 0);
	check_ranges("near the top of user space", high, 1, NULL, 0);
	check_ranges("page 1", low, 1, NULL, 0);
}

static void
test_filter_several_ranges(void)
{
	static const struct ux_range two[] = { { 0x400000, 0x401000 }, { 0xfffff000ull, 0x100001000ull } };
	static const struct ux_range three[] = {
		{ 0x7f0000001000ull, 0x7f0000005000ull },
		{ 0x1fffff000ull, 0x300001000ull },
		{ 0x555555554000ull, 0x555555556000ull },
	};
	static const struct ux_range adjacent[] = {
		{ 0x400000, 0x401000 }, { 0x401000, 0x402000 }, { 0x403000, 0x404000 },
	};
	static const uint64_t gap[] = { 0x402000, 0x402fff, 0x402800 };

	check_ranges("two ranges", two, 2, NULL, 0);
	check_ranges("three ranges", three, 3, NULL, 0);
	check_ranges("adjacent ranges", adjacent, 3, gap, 3);
}

/* The most ranges one filter takes: the longest jumps must still fit in 8 bits. */
static void
test_filter_max_ranges(void)
{
	struct ux_range r[UX_TRAP_MAX_RANGES];
	uint64_t x = 0x9e3779b97f4a7c15ull;

	for (int round = 0; round < 20; round++) {
		for (int i = 0; i < UX_TRAP_MAX_RANGES; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			if (round & 1) {	/* around a 4 GiB boundary */
				uint64_t edge = x & 0x7fff00000000ull;
				r[i].lo = edge - ((x >> 8) & 0xfff000ull);
				r[i].hi = edge + ((x >> 20) & 0xfff000ull) + 0x1000;
			} else {
				r[i].lo = x & 0x7ffffffff000ull;
				r[i].hi = r[i].lo + ((x >> 40) & 0xffff000ull) + 0x1000;
			}
		}
		check_ranges("20 random ranges", r, UX_TRAP_MAX_RANGES, NULL, 0);
	}
}

static void
test_filter_limits(void)
{
	struct sock_filter f[MAX_INSNS + 10];
	struct ux_range r[UX_TRAP_MAX_RANGES + 1];
	int len;

	for (int i = 0; i <= UX_TRAP_MAX_RANGES; i++) {
		r[i].lo = 0x400000ull + (uint64_t)i * 0x10000;
		r[i].hi = r[i].lo + 0x1000;
	}
	CU_ASSERT_EQUAL(ux_trap_build_filter(f, MAX_INSNS + 10, r, UX_TRAP_MAX_RANGES + 1), -1);
	CU_ASSERT_EQUAL(ux_trap_build_filter(f, MAX_INSNS + 10, r, -1), -1);
	CU_ASSERT_EQUAL(ux_trap_build_filter(f, 2 + 10 * 3 + 1, r, 3), -1);
	CU_ASSERT_EQUAL(ux_trap_build_filter(f, 2 + 10 * 3 + 2, r, 3), 2 + 10 * 3 + 2);
	/* No ranges: a filter that allows everything. */
	len = ux_trap_build_filter(f, MAX_INSNS, r, 0);
	CU_ASSERT_EQUAL(len, 4);
	if (len == 4) {
		CU_ASSERT_PTR_NULL(bpf_invalid(f, len));
		CU_ASSERT_EQUAL(verdict(f, len, AUDIT_ARCH_X86_64, 0x400000), SECCOMP_RET_ALLOW);
	}
}

/* --- the real thing, in child processes ------------------------------- */

static volatile sig_atomic_t traps;
static volatile long trapped_nr;

static void
on_sigsys(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	(void)sig;
	traps++;
	trapped_nr = si->si_syscall;
	uc->uc_mcontext.gregs[REG_RAX] = 12345;
}

/* mov $nr,%eax; syscall; jnc 1f; neg %rax; 1: ret */
static void
emit_call(unsigned char *p, uint32_t nr)
{
	static const unsigned char tail[] = { 0x0f, 0x05, 0x73, 0x03, 0x48, 0xf7, 0xd8, 0xc3 };

	p[0] = 0xb8;
	memcpy(p + 1, &nr, 4);
	memcpy(p + 5, tail, sizeof(tail));
}

/* mov $nr,%eax; syscall; ret: the result is whatever rax holds. */
static void
emit_raw(unsigned char *p, uint32_t nr)
{
	p[0] = 0xb8;
	memcpy(p + 1, &nr, 4);
	p[5] = 0x0f;
	p[6] = 0x05;
	p[7] = 0xc3;
}

typedef long (*guest_fn)(void);

static unsigned char *
code_page(void)
{
	unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	memset(p, 0xcc, 4096);
	return p;
}

/* Runs fn in a child; returns its exit status, or 1000 + signal. */
static int
in_child(int (*fn)(void))
{
	pid_t pid;
	int st;

	fflush(NULL);
	pid = fork();
	if (pid == 0)
		_exit(fn());
	if (pid < 0)
		return -1;
	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 1000 + WTERMSIG(st) : -1;
}

static int
child_raw_filter(void)
{
	struct sigaction sa;
	unsigned char *buf = code_page();

	if (!buf)
		return 10;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sigsys;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGSYS, &sa, NULL) != 0)
		return 11;
	emit_raw(buf, SYS_getpid);
	if (mprotect(buf, 4096, PROT_READ | PROT_EXEC) != 0)
		return 12;
	long pid = syscall(SYS_getpid);
	struct ux_range r = { (uint64_t)(uintptr_t)buf, (uint64_t)(uintptr_t)buf + 4096 };
	if (ux_trap_add_ranges(&r, 1) != 0)
		return 13;
	long v = ((guest_fn)(uintptr_t)buf)();
	if (traps != 1)
		return 14;
	if (trapped_nr != SYS_getpid)
		return 15;
	if (v != 12345)
		return 16;
	if (getpid() != pid || syscall(SYS_getpid) != pid)
		return 17;
	if (traps != 1)
		return 18;
	return 0;
}

static void
test_real_filter(void)
{
	static const char *const why[] = {
		[10] = "mmap failed", [11] = "sigaction failed", [12] = "mprotect failed",
		[13] = "ux_trap_add_ranges failed (no seccomp?)", [14] = "the call in the range did not trap",
		[15] = "SIGSYS reported the wrong syscall number", [16] = "the handler's rax did not reach the caller",
		[17] = "getpid from ordinary code was wrong", [18] = "a call from ordinary code trapped",
	};
	int st = in_child(child_raw_filter);

	UX_CHECK(st == 0, "child: %s (status %d)",
	    st > 0 && st < (int)(sizeof(why) / sizeof(why[0])) && why[st] ? why[st] :
	    st >= 1000 ? "killed by a signal" : "failed", st);
}

/* Calls guest code at fn: under Syscall User Dispatch the thread traps
 * only while its selector says so, as when uxrun enters the guest. */
static long
call_guest(struct ux_thread *td, unsigned char *fn)
{
	long r;

	td->sud_sel = ux_trap_kind == UX_TRAP_SUD;
	r = ((guest_fn)(uintptr_t)fn)();
	td->sud_sel = 0;
	return r;
}

static int
child_full_path(const char *backend)
{
	unsigned char *buf = code_page();
	struct ux_thread *td;

	if (!buf)
		return 20;
	setenv("UXRUN_TRAP", backend, 1);
	if (ux_trap_init() != 0)
		return 22;
	if ((ux_trap_kind == UX_TRAP_SUD) != (strcmp(backend, "sud") == 0))
		return 29;
	if (ux_hostfd_init() != 0 || !(td = ux_thread_create_current(&fbsd_personality)))
		return 21;
	emit_call(buf, 20);		/* FreeBSD getpid */
	emit_call(buf + 32, 39);	/* FreeBSD getppid (Linux getpid) */
	emit_call(buf + 64, 9999);	/* nothing: ENOSYS with the carry flag */
	emit_raw(buf + 96, 39);		/* not guest code: Linux getpid, passed through */
	if (mprotect(buf, 4096, PROT_READ | PROT_EXEC) != 0)
		return 23;
	struct ux_range r = { (uint64_t)(uintptr_t)buf, (uint64_t)(uintptr_t)buf + 96 };
	if (ux_trap_add_ranges(&r, 1) != 0)
		return 24;
	ux_fault_add_guest_range(r.lo, r.hi);
	if (call_guest(td, buf) != getpid())
		return 25;
	if (call_guest(td, buf + 32) != getppid())
		return 26;
	if (call_guest(td, buf + 64) != -78)
		return 27;
	if (getpid() != syscall(SYS_getpid))
		return 28;
	if (call_guest(td, buf + 96) != getpid())
		return 30;
	return 0;
}

static int child_full_path_seccomp(void) { return child_full_path("seccomp"); }
static int child_full_path_sud(void) { return child_full_path("sud"); }

static void
check_full_trap_path(int (*child)(void))
{
	static const char *const why[] = {
		[20] = "mmap failed", [21] = "thread setup failed", [22] = "ux_trap_init failed",
		[23] = "mprotect failed", [24] = "ux_trap_add_ranges failed",
		[25] = "FreeBSD getpid through the trap returned the wrong value",
		[26] = "FreeBSD getppid (39) was not translated",
		[27] = "an unknown call did not return ENOSYS (78) with the carry flag",
		[28] = "getpid from ordinary code was wrong",
		[29] = "UXRUN_TRAP did not pick the backend",
		[30] = "a trapped call from outside guest code was not passed through to Linux",
	};
	int st = in_child(child);

	UX_CHECK(st == 0, "child: %s (status %d)",
	    st > 0 && st < (int)(sizeof(why) / sizeof(why[0])) && why[st] ? why[st] :
	    st >= 1000 ? "killed by a signal" : "failed", st);
}

static void
test_full_trap_path(void)
{
	check_full_trap_path(child_full_path_seccomp);
}

static void
test_full_trap_path_sud(void)
{
	check_full_trap_path(child_full_path_sud);
}

static int
child_copy_fault(void)
{
	char dst[8];

	if (ux_fault_init() != 0)
		return 30;
	if (ux_copy_bytes(dst, (const void *)8, sizeof(dst)) != -EFAULT)
		return 31;
	if (ux_copy_bytes(dst, "1234567", sizeof(dst)) != 0 || memcmp(dst, "1234567", 8) != 0)
		return 32;
	if (ux_copyout(8, dst, 1) != -EFAULT)
		return 33;
	return 0;
}

static void
test_copy_fault(void)
{
	int st = in_child(child_copy_fault);

	UX_CHECK(st == 0, "ux_copy_bytes: %s (status %d)",
	    st == 31 || st == 33 ? "a bad guest pointer did not give EFAULT" :
	    st == 32 ? "a good copy failed" : st >= 1000 ? "killed by a signal" : "failed", st);
}

int
unit_register_trap(void)
{
	CU_pSuite s = CU_add_suite("trap backends", NULL, NULL);

	if (!s)
		return CU_get_error();
	UX_ADD_TEST(s, test_filter_one_range);
	UX_ADD_TEST(s, test_filter_several_ranges);
	UX_ADD_TEST(s, test_filter_max_ranges);
	UX_ADD_TEST(s, test_filter_limits);
	UX_ADD_TEST(s, test_real_filter);
	UX_ADD_TEST(s, test_full_trap_path);
	UX_ADD_TEST(s, test_full_trap_path_sud);
	UX_ADD_TEST(s, test_copy_fault);
	return CUE_SUCCESS;
}
