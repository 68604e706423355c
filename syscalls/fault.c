/*
 * Synchronous faults.  A fault in ux_copy_bytes becomes -EFAULT.  A fault
 * in guest code takes the default action (the process dies of the same
 * signal a native run would), after a one-line report when tracing.  A
 * fault in uxrun itself is a bug: report it with the faulting instruction
 * disassembled by capstone, then die of the signal.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "syscalls/fault.h"
#include "syscalls/disasm.h"
#include "syscalls/patch.h"
#include "syscalls/thread.h"
#include "syscalls/hostcall.h"
#include "syscalls/log.h"

extern char ux_copy_insn_begin[], ux_copy_insn_end[], ux_copy_fixup[];

#define MAX_GUEST_RANGES 64
static struct { uint64_t lo, hi; } guest_ranges[MAX_GUEST_RANGES];
static int nguest_ranges;

void
ux_fault_add_guest_range(uint64_t lo, uint64_t hi)
{
	if (nguest_ranges < MAX_GUEST_RANGES) {
		guest_ranges[nguest_ranges].lo = lo;
		guest_ranges[nguest_ranges].hi = hi;
		nguest_ranges++;
	}
}

int
ux_in_guest_code(uint64_t pc)
{
	for (int i = 0; i < nguest_ranges; i++)
		if (pc >= guest_ranges[i].lo && pc < guest_ranges[i].hi)
			return 1;
	return 0;
}

/* "mov rax, qword ptr [rbx]" or the raw bytes if they cannot be decoded. */
static void
describe_insn(uint64_t pc, char *out, size_t len)
{
	uint8_t code[16];
	struct iovec l = { code, sizeof(code) }, r = { (void *)pc, sizeof(code) };
	const struct ux_capstone *cs = ux_capstone();
	csh h;
	cs_insn *insn;

	snprintf(out, len, "(code unreadable)");
	if (ux_sys(SYS_process_vm_readv, ux_sys(SYS_getpid), &l, 1, &r, 1, 0) != (long)sizeof(code))
		return;
	snprintf(out, len, "bytes %02x %02x %02x %02x", code[0], code[1], code[2], code[3]);
	if (!cs || cs->open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK)
		return;
	if (cs->disasm(h, code, sizeof(code), pc, 1, &insn) == 1) {
		snprintf(out, len, "%s %s", insn->mnemonic, insn->op_str);
		cs->free(insn, 1);
	}
	cs->close(&h);
}

__attribute__((no_stack_protector)) static void
fault_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;
	uint64_t pc = (uint64_t)g[REG_RIP];
	struct ux_thread *td;
	uint8_t sel = 0;
	char insn[200];

	if (pc >= (uint64_t)ux_copy_insn_begin && pc < (uint64_t)ux_copy_insn_end) {
		g[REG_RIP] = (greg_t)ux_copy_fixup;
		return;
	}
	/* A thread ran into a call site while the patcher was rewriting it. */
	if (sig == SIGTRAP && ux_patch_retry(&g[REG_RIP]))
		return;
	td = ux_thread_from_stack();
	if (td)
		sel = ux_host_enter(td);
	/* A guest fault comes with the guest's %fs; one in uxrun, with glibc's. */
	uint64_t fs = td && td->guest_fs ? ux_get_fs() : 0;
	if (td && fs && fs != td->host_fs)
		ux_set_fs(td->host_fs);
	if (ux_in_guest_code(pc) && td && !td->in_host && td->pers->on_signal) {
		/* The guest's own fault: its handler, or its default action. */
		td->pers->on_signal(td, sig, si, ucv);
		if (fs && fs != td->host_fs)
			ux_set_fs(fs);
		ux_host_leave(td, sel);
		return;
	}
	describe_insn(pc, insn, sizeof(insn));
	if (ux_in_guest_code(pc)) {
		if (ux_trace_on)
			ux_logf("guest fault: signal %d at pc %#lx (%s), address %p",
			    sig, (unsigned long)pc, insn, si->si_addr);
	} else {
		ux_logf("internal error: signal %d in uxrun at pc %#lx (%s), address %p",
		    sig, (unsigned long)pc, insn, si->si_addr);
	}
	/* Die of the same signal when the instruction runs again. */
	signal(sig, SIG_DFL);
	if (td && fs && fs != td->host_fs)
		ux_set_fs(fs);
	if (td)
		ux_host_leave(td, sel);
}

int
ux_fault_init(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fault_handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], &sa, NULL) != 0)
			return -1;
	return 0;
}
