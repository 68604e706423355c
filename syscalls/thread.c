#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <asm/prctl.h>
#include <ucontext.h>

#include "syscalls/thread.h"
#include "syscalls/hostcall.h"
#include "syscalls/trap.h"

#ifndef HWCAP2_FSGSBASE
#define HWCAP2_FSGSBASE (1 << 1)
#endif

int ux_have_fsgsbase = -1;
const volatile int ux_no_pending;

static void
detect_fsgsbase(void)
{
	if (ux_have_fsgsbase < 0)
		ux_have_fsgsbase = (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) != 0;
}

uint64_t
ux_get_fs(void)
{
	uint64_t base = 0;

	if (ux_have_fsgsbase > 0) {
		__asm__ volatile("rdfsbase %0" : "=r"(base));
		return base;
	}
	ux_sys(SYS_arch_prctl, ARCH_GET_FS, &base);
	return base;
}

void
ux_set_fs(uint64_t base)
{
	if (ux_have_fsgsbase > 0) {
		__asm__ volatile("wrfsbase %0" :: "r"(base) : "memory");
		return;
	}
	ux_sys(SYS_arch_prctl, ARCH_SET_FS, base);
}

/*
 * Maps an aligned region: the thread state in the first page, a guard page,
 * then the SIGSYS stack.  The region is over-allocated and trimmed so its
 * start is aligned to UX_ALTSTACK_REGION.
 */
struct ux_thread *
ux_thread_create_current(const struct ux_personality *p)
{
	size_t sz = UX_ALTSTACK_REGION;
	long pg = sysconf(_SC_PAGESIZE);
	char *raw = mmap(NULL, 2 * sz, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (raw == MAP_FAILED)
		return NULL;
	uintptr_t start = ((uintptr_t)raw + sz - 1) & ~(uintptr_t)(sz - 1);
	if (start > (uintptr_t)raw)
		munmap(raw, start - (uintptr_t)raw);
	uintptr_t end = (uintptr_t)raw + 2 * sz;
	if (end > start + sz)
		munmap((void *)(start + sz), end - (start + sz));
	mprotect((void *)(start + pg), pg, PROT_NONE);

	struct ux_thread *td = (struct ux_thread *)start;
	_Static_assert(sizeof(struct ux_thread) <= 4096, "thread state fits its page");
	_Static_assert(offsetof(struct ux_thread, magic) == UX_TD_MAGIC &&
	    offsetof(struct ux_thread, self) == UX_TD_SELF &&
	    offsetof(struct ux_thread, in_host) == UX_TD_IN_HOST &&
	    offsetof(struct ux_thread, sig_pending) == UX_TD_SIG_PENDING &&
	    offsetof(struct ux_thread, patch_slow) == UX_TD_PATCH_SLOW &&
	    UX_ALTSTACK_REGION == UX_ALTSTACK_REGION_ASM && UX_THREAD_MAGIC == UX_THREAD_MAGIC_ASM,
	    "thread_asm.h");
	memset(td, 0, sizeof(*td));
	td->magic = UX_THREAD_MAGIC;
	td->self = td;
	td->pers = p;
	td->in_host = 1;
	detect_fsgsbase();
	td->host_fs = ux_get_fs();
	td->tid = (int)ux_sys(SYS_gettid);

	stack_t ss = {
		.ss_sp = (void *)(start + 2 * pg),
		.ss_size = sz - 2 * pg,
		.ss_flags = 0,
	};
	if (sigaltstack(&ss, NULL) != 0 || ux_trap_thread_arm(td) != 0 ||
	    ux_thread_set_guest_gs(td, 0) != 0) {
		munmap((void *)start, sz);
		return NULL;
	}
	return td;
}

long
ux_thread_set_guest_gs(struct ux_thread *td, uint64_t base)
{
	long r = ux_sys(SYS_arch_prctl, ARCH_SET_GS, base ? base : (uint64_t)td);

	if (r == 0)
		td->guest_gs = base;
	return r;
}

void
ux_thread_destroy(struct ux_thread *td)
{
	stack_t ss = { .ss_flags = SS_DISABLE };

	/* The kernel reads the selector in td on every call: stop first. */
	ux_trap_thread_disarm();
	sigaltstack(&ss, NULL);
	td->magic = 0;
	munmap(td, UX_ALTSTACK_REGION);
}

void
ux_sleep_interrupt(void *uctx)
{
	extern char ux_sleep_begin[], ux_sleep_end[], ux_sleep_eintr[];
	greg_t *g = ((ucontext_t *)uctx)->uc_mcontext.gregs;
	uint64_t pc = (uint64_t)g[REG_RIP];

	/* Before the syscall instruction: skip it.  At ux_sleep_end the call
	 * has already returned (-EINTR, since the signal interrupted it). */
	if (pc >= (uint64_t)ux_sleep_begin && pc < (uint64_t)ux_sleep_end)
		g[REG_RIP] = (greg_t)ux_sleep_eintr;
}
