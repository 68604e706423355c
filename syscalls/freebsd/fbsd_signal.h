/*
 * FreeBSD/amd64 signal ABI: struct sigaction, siginfo_t, ucontext_t and
 * mcontext_t (sys/x86/include/ucontext.h), and the signal frame the kernel
 * builds (sys/amd64/amd64/exec_machdep.c: sendsig).  Layouts checked
 * against Go's runtime/defs_freebsd_amd64.go.
 */
#ifndef FBSD_SIGNAL_H
#define FBSD_SIGNAL_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include "syscalls/freebsd/fbsd_abi.h"
#include "syscalls/freebsd/fbsd_thread.h"

#define FBSD_SIG_DFL		0
#define FBSD_SIG_IGN		1

#define FBSD_SA_ONSTACK		0x0001
#define FBSD_SA_RESTART		0x0002
#define FBSD_SA_RESETHAND	0x0004
#define FBSD_SA_NOCLDSTOP	0x0008
#define FBSD_SA_NODEFER		0x0010
#define FBSD_SA_NOCLDWAIT	0x0020
#define FBSD_SA_SIGINFO		0x0040

/* si_code values */
#define FBSD_SI_NOINFO		0
#define FBSD_SI_USER		0x10001
#define FBSD_SI_QUEUE		0x10002
#define FBSD_SI_TIMER		0x10003
#define FBSD_SI_ASYNCIO		0x10004
#define FBSD_SI_MESGQ		0x10005
#define FBSD_SI_KERNEL		0x10006
#define FBSD_SI_LWP		0x10007

#define FBSD_MC_HASSEGS		0x1
#define FBSD_MC_HASBASES	0x2
#define FBSD_MC_HASFPXSTATE	0x4
#define FBSD_MC_FPFMT_XMM	0x10002
#define FBSD_MC_FPOWNED_FPU	0x20001
#define FBSD_UCODE_SEL		0x43	/* GSEL(GUCODE_SEL, SEL_UPL) */
#define FBSD_UDATA_SEL		0x3b

struct fbsd_sigaction {
	uint64_t fsa_handler;
	int32_t fsa_flags;
	struct fbsd_sigset fsa_mask;
};
_Static_assert(sizeof(struct fbsd_sigaction) == 32, "FreeBSD struct sigaction");
_Static_assert(offsetof(struct fbsd_sigaction, fsa_mask) == 12, "sa_mask offset");


struct fbsd_mcontext {
	uint64_t mc_onstack;
	uint64_t mc_rdi, mc_rsi, mc_rdx, mc_rcx, mc_r8, mc_r9, mc_rax, mc_rbx, mc_rbp;
	uint64_t mc_r10, mc_r11, mc_r12, mc_r13, mc_r14, mc_r15;
	uint32_t mc_trapno;
	uint16_t mc_fs, mc_gs;
	uint64_t mc_addr;
	uint32_t mc_flags;
	uint16_t mc_es, mc_ds;
	uint64_t mc_err, mc_rip, mc_cs, mc_rflags, mc_rsp, mc_ss;
	int64_t mc_len;
	int64_t mc_fpformat;
	int64_t mc_ownedfp;
	_Alignas(16) uint64_t mc_fpstate[64];	/* fxsave image */
	uint64_t mc_fsbase, mc_gsbase;
	uint64_t mc_xfpustate, mc_xfpustate_len;	/* xsave area beyond fxsave */
	int64_t mc_spare[4];
};
_Static_assert(sizeof(struct fbsd_mcontext) == 800, "FreeBSD mcontext_t");
_Static_assert(offsetof(struct fbsd_mcontext, mc_fpstate) == 224, "mc_fpstate offset");

struct fbsd_ucontext {
	struct fbsd_sigset uc_sigmask;
	struct fbsd_mcontext uc_mcontext;
	uint64_t uc_link;
	struct fbsd_stack uc_stack;
	int32_t uc_flags;
	int32_t spare[4];
};
_Static_assert(sizeof(struct fbsd_ucontext) == 880, "FreeBSD ucontext_t");
_Static_assert(offsetof(struct fbsd_ucontext, uc_mcontext) == 16, "uc_mcontext offset");

/* What sendsig() puts on the stack; the sigcode trampoline calls
 * sf_handler, then sigreturn(&sf_uc). */
struct fbsd_sigframe {
	uint64_t sf_handler;
	_Alignas(16) struct fbsd_ucontext sf_uc;
	struct fbsd_siginfo sf_si;
};
_Static_assert(offsetof(struct fbsd_sigframe, sf_uc) == 16, "SIGF_UC");

/* Called for every signal the guest receives (kqueue's EVFILT_SIGNAL). */
void fbsd_kqueue_note_signal(int fbsd_sig) __attribute__((weak));

/*
 * Set by libshim while a dynamically linked guest runs (libc_signal.c):
 * for a signal that interrupts host code on a guest thread, whether that
 * code is a libshim function the guest called, on the guest's own stack,
 * which FreeBSD's libc would let the handler interrupt.  If so it returns
 * where the thread enters the handler's frame instead of the sigcode
 * (0: treat it as other uxrun code), and guest handlers installed with
 * SA_RESTART get it on the host too, so libshim's interrupted calls are
 * restarted by Linux as FreeBSD's are.
 */
struct ux_thread;
extern uint64_t (*fbsd_host_code_entry)(struct ux_thread *td, const void *uctx);

struct uxcall;
void linux_to_fbsd_siginfo(const siginfo_t *si, struct fbsd_siginfo *f);
/* The personality's signal hooks (struct ux_personality). */
void fbsd_on_signal(struct ux_thread *td, int hsig, void *siginfo, void *uctx);
void fbsd_after_call(struct uxcall *c);
/* Guest dispositions from the host's at start-up (SIG_IGN survives exec). */
void fbsd_signals_init(void);

#endif
