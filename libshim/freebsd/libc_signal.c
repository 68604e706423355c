/*
 * Signals through libc: FreeBSD's struct sigaction, 128-bit sigset_t and
 * signal numbers.  The calls go to the same emulation as the system calls
 * (syscalls/freebsd/sys_sigaction.c, sys_signal.c), called with a struct
 * uxcall for the calling thread, so dispositions, masks and delivery are
 * the same for a guest's libc calls and its raw system calls.
 *
 * A handler may interrupt a libshim function, as it may interrupt libc
 * code on FreeBSD: sys_sigaction.c asks fbsd_host_code_entry() whether
 * the host code it interrupted is libshim's, on the guest's stack; then it
 * builds the guest's frame there as for guest code, and the thread enters
 * it through shim_host_sigcode (libc_setjmp.S), which sets the thread's
 * selector for the handler and comes back through shim_host_sigreturn():
 * the registers, FPU state and mask as the (possibly edited) FreeBSD
 * context says, restored with Linux's rt_sigreturn, so the interrupted
 * host code resumes exactly (a blocking call is restarted by Linux for an
 * SA_RESTART handler, as FreeBSD's kernel does).
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "libshim/freebsd/libc_shim.h"
#include "loader/rtld.h"
#include "syscalls/fault.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/freebsd/fbsd_convert.h"
#include "syscalls/freebsd/fbsd_signal.h"
#include "syscalls/freebsd/fbsd_sysent.h"
#include "syscalls/freebsd/fbsd_thread.h"
#include "syscalls/thread.h"
#include "syscalls/trap.h"

#define LINUX_NSIG		64
#define FP_XSTATE_MAGIC1	0x46505853U
#define FP_XSTATE_MAGIC2	0x46505845U
#define UC_FP_XSTATE		0x1
#define UC_SIGCONTEXT_SS	0x2
#define UC_STRICT_RESTORE_SS	0x4
#define USER_CS			0x33
#define USER_DS			0x2b

void
shim_uxcall_init(struct uxcall *c, uint64_t nr)
{
	memset(c, 0, sizeof(*c));
	c->nr = c->orig_nr = nr;
	c->td = ux_rtld_td;
	/* In a native process (the LD_PRELOAD shim) foreign code calls libshim
	 * on the host's own threads: each gets its state at the first call
	 * that needs one. */
	if (!c->td && ux_trap_hosted)
		c->td = ux_rtld_td = ux_trap_adopt_thread();
	c->sp = (uint64_t)__builtin_frame_address(0);
}

/* A handler's call for the calling thread: -1 and ENOSYS on a thread
 * uxrun never set up (which no guest thread is). */
#define SYS_TD(name, ...) ({ \
	struct uxcall c_; \
	shim_uxcall_init(&c_, FBSD_SYS_##name); \
	c_.td ? shim_sysret(fbsd_sys_##name(&c_, ##__VA_ARGS__)) : shim_sysret(-ENOSYS); \
})

/* --- handlers interrupting libshim ---------------------------------------------- */

/* libc_setjmp.S, and what it calls here */
void shim_host_sigcode(void);
__attribute__((noreturn)) void shim_rt_sigreturn(ucontext_t *uc);
__attribute__((noreturn)) void shim_host_sigreturn(const struct fbsd_ucontext *fu);
void shim_jmp_savemask(long *jb);
void shim_jmp_restoremask(long *jb);

static uint64_t
host_code_entry(struct ux_thread *td, const void *ucv)
{
	const ucontext_t *uc = ucv;
	uint64_t sp = (uint64_t)uc->uc_mcontext.gregs[REG_RSP];

	/* A thread the runtime linker attached runs libshim for the guest;
	 * on its trap stack it runs uxrun's own handlers, which must finish
	 * first (they restore the mask the signal waits behind). */
	if (td != ux_rtld_td || sp - (uint64_t)td < UX_ALTSTACK_REGION)
		return 0;
	return (uint64_t)shim_host_sigcode;
}

static void
host_delivery_on(void)
{
	if (!fbsd_host_code_entry)
		fbsd_host_code_entry = host_code_entry;
}

/*
 * The end of a handler that interrupted libshim (shim_host_sigcode): a
 * Linux signal frame for rt_sigreturn, built from the FreeBSD context the
 * handler had, with the FPU state the frame saved and the thread's
 * sigaltstack as it is (rt_sigreturn installs the frame's).
 */
__attribute__((noreturn)) void
shim_host_sigreturn(const struct fbsd_ucontext *fu)
{
	const struct fbsd_mcontext *mc = &fu->uc_mcontext;
	struct ux_thread *td = ux_rtld_td;
	uint64_t xlen = (mc->mc_flags & FBSD_MC_HASFPXSTATE) ? mc->mc_xfpustate_len : 0;
	unsigned char raw[512 + xlen + 4 + 64];
	unsigned char *fp = (unsigned char *)(((uintptr_t)raw + 63) & ~(uintptr_t)63);
	struct _fpx_sw_bytes *sw = (struct _fpx_sw_bytes *)(fp + 464);
	ucontext_t uc;
	greg_t *g = uc.uc_mcontext.gregs;
	uint64_t mask = 0;

	memset(&uc, 0, sizeof(uc));
	g[REG_R8] = (greg_t)mc->mc_r8;
	g[REG_R9] = (greg_t)mc->mc_r9;
	g[REG_R10] = (greg_t)mc->mc_r10;
	g[REG_R11] = (greg_t)mc->mc_r11;
	g[REG_R12] = (greg_t)mc->mc_r12;
	g[REG_R13] = (greg_t)mc->mc_r13;
	g[REG_R14] = (greg_t)mc->mc_r14;
	g[REG_R15] = (greg_t)mc->mc_r15;
	g[REG_RDI] = (greg_t)mc->mc_rdi;
	g[REG_RSI] = (greg_t)mc->mc_rsi;
	g[REG_RBP] = (greg_t)mc->mc_rbp;
	g[REG_RBX] = (greg_t)mc->mc_rbx;
	g[REG_RDX] = (greg_t)mc->mc_rdx;
	g[REG_RAX] = (greg_t)mc->mc_rax;
	g[REG_RCX] = (greg_t)mc->mc_rcx;
	g[REG_RSP] = (greg_t)mc->mc_rsp;
	g[REG_RIP] = (greg_t)mc->mc_rip;
	g[REG_EFL] = (greg_t)mc->mc_rflags;
	g[REG_CSGSFS] = (greg_t)(USER_CS | ((uint64_t)USER_DS << 48));
	uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	sigaltstack(NULL, &uc.uc_stack);

	/* The saved image keeps Linux's software bytes (the xsave layout);
	 * without the extended part the kernel takes the legacy area only. */
	memcpy(fp, mc->mc_fpstate, 512);
	if (xlen && sw->magic1 == FP_XSTATE_MAGIC1 && sw->xstate_size == 512 + xlen &&
	    ux_copyin(fp + 512, mc->mc_xfpustate, xlen) == 0) {
		uint32_t m2 = FP_XSTATE_MAGIC2;
		memcpy(fp + 512 + xlen, &m2, sizeof(m2));
		sw->extended_size = (uint32_t)(512 + xlen + sizeof(m2));
		uc.uc_flags |= UC_FP_XSTATE;
	} else {
		sw->magic1 = 0;
	}
	uc.uc_mcontext.fpregs = (fpregset_t)fp;

	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &mask, LINUX_NSIG / 8);
	if (td)
		fbsd_set_guest_mask(td, &fu->uc_sigmask, &mask);
	memcpy(&uc.uc_sigmask, &mask, sizeof(mask));
	shim_rt_sigreturn(&uc);
}

/* --- dispositions ---------------------------------------------------------------- */

/* siginterrupt(sig, 1): signal() then installs without SA_RESTART. */
static struct fbsd_sigset intr_set;

int
shim_sigaction(int sig, const struct fbsd_sigaction *act, struct fbsd_sigaction *oact)
{
	struct uxcall c;

	host_delivery_on();
	shim_uxcall_init(&c, FBSD_SYS_sigaction);
	return (int)shim_sysret(fbsd_sys_sigaction(&c, sig, act, oact));
}

static int
sigbit(const struct fbsd_sigset *s, int sig)
{
	return (s->bits[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1;
}

typedef void (*shim_sighandler_t)(int);

shim_sighandler_t
shim_signal(int sig, shim_sighandler_t fn)
{
	struct fbsd_sigaction sa, osa;

	memset(&sa, 0, sizeof(sa));
	sa.fsa_handler = (uint64_t)fn;
	if (sig > 0 && sig <= FBSD_NSIG && !sigbit(&intr_set, sig))
		sa.fsa_flags = FBSD_SA_RESTART;
	if (shim_sigaction(sig, &sa, &osa) != 0)
		return (shim_sighandler_t)-1L;	/* SIG_ERR */
	return (shim_sighandler_t)osa.fsa_handler;
}

int
shim_siginterrupt(int sig, int flag)
{
	struct fbsd_sigaction sa;

	if (shim_sigaction(sig, NULL, &sa) != 0)
		return -1;
	if (flag) {
		intr_set.bits[(sig - 1) / 32] |= 1U << ((sig - 1) % 32);
		sa.fsa_flags &= ~FBSD_SA_RESTART;
	} else {
		intr_set.bits[(sig - 1) / 32] &= ~(1U << ((sig - 1) % 32));
		sa.fsa_flags |= FBSD_SA_RESTART;
	}
	return shim_sigaction(sig, &sa, NULL);
}

/* --- masks and waits ------------------------------------------------------------------ */

int
shim_sigprocmask(int how, const struct fbsd_sigset *set, struct fbsd_sigset *oset)
{
	return (int)SYS_TD(sigprocmask, how, set, oset);
}

int
shim_sigpending(struct fbsd_sigset *set)
{
	return (int)SYS_TD(sigpending, set);
}

int
shim_sigsuspend(const struct fbsd_sigset *set)
{
	return (int)SYS_TD(sigsuspend, set);
}

int
shim_sigwait(const struct fbsd_sigset *set, int *sig)
{
	struct uxcall c;

	shim_uxcall_init(&c, FBSD_SYS_sigwait);
	/* The handler already gives the error number, not -errno. */
	return (int)fbsd_sys_sigwait(&c, set, sig);
}

int
shim_sigwaitinfo(const struct fbsd_sigset *set, struct fbsd_siginfo *info)
{
	return (int)SYS_TD(sigwaitinfo, set, info);
}

int
shim_sigtimedwait(const struct fbsd_sigset *set, struct fbsd_siginfo *info,
    const struct fbsd_timespec *timeout)
{
	return (int)SYS_TD(sigtimedwait, set, info, timeout);
}

int
shim_sigaltstack(const void *ss, void *oss)
{
	return (int)SYS_TD(sigaltstack, ss, oss);
}

int
shim_pause(void)
{
	return shim_ret(pause());
}

unsigned
shim_alarm(unsigned secs)
{
	return alarm(secs);
}

int64_t
shim_ualarm(int64_t usecs, int64_t interval)
{
	return (int64_t)ualarm((useconds_t)usecs, (useconds_t)interval);
}

/* --- sending ---------------------------------------------------------------------- */

int
shim_kill(int pid, int sig)
{
	struct uxcall c;

	shim_uxcall_init(&c, FBSD_SYS_kill);
	return (int)shim_sysret(fbsd_sys_kill(&c, pid, sig));
}

int
shim_killpg(int pgrp, int sig)
{
	if (pgrp < 0) {
		shim_errno = FBSD_EINVAL;
		return -1;
	}
	return shim_kill(-pgrp, sig);
}

/* FreeBSD's raise() is thr_kill() of the calling thread. */
int
shim_raise(int sig)
{
	int hsig = sig ? fbsd_to_linux_signo(sig) : 0;

	if (sig < 0 || sig > FBSD_NSIG || hsig < 0) {
		shim_errno = FBSD_EINVAL;
		return -1;
	}
	return shim_ret((int)syscall(SYS_tgkill, getpid(), gettid(), hsig));
}

int
shim_sigqueue(int pid, int sig, uint64_t value)
{
	struct uxcall c;

	shim_uxcall_init(&c, FBSD_SYS_sigqueue);
	return (int)shim_sysret(fbsd_sys_sigqueue(&c, pid, sig, (void *)value));
}

/* --- sigset_t ------------------------------------------------------------------------ */

static int
bad_sig(int sig)
{
	if (sig > 0 && sig <= FBSD_NSIG)
		return 0;
	shim_errno = FBSD_EINVAL;
	return 1;
}

int
shim_sigemptyset(struct fbsd_sigset *s)
{
	memset(s, 0, sizeof(*s));
	return 0;
}

int
shim_sigfillset(struct fbsd_sigset *s)
{
	memset(s, 0xff, sizeof(*s));
	return 0;
}

int
shim_sigaddset(struct fbsd_sigset *s, int sig)
{
	if (bad_sig(sig))
		return -1;
	s->bits[(sig - 1) / 32] |= 1U << ((sig - 1) % 32);
	return 0;
}

int
shim_sigdelset(struct fbsd_sigset *s, int sig)
{
	if (bad_sig(sig))
		return -1;
	s->bits[(sig - 1) / 32] &= ~(1U << ((sig - 1) % 32));
	return 0;
}

int
shim_sigismember(const struct fbsd_sigset *s, int sig)
{
	if (bad_sig(sig))
		return -1;
	return sigbit(s, sig);
}

int
shim_sigisemptyset(const struct fbsd_sigset *s)
{
	return (s->bits[0] | s->bits[1] | s->bits[2] | s->bits[3]) == 0;
}

int
shim_sigandset(struct fbsd_sigset *d, const struct fbsd_sigset *a, const struct fbsd_sigset *b)
{
	for (int i = 0; i < 4; i++)
		d->bits[i] = a->bits[i] & b->bits[i];
	return 0;
}

int
shim_sigorset(struct fbsd_sigset *d, const struct fbsd_sigset *a, const struct fbsd_sigset *b)
{
	for (int i = 0; i < 4; i++)
		d->bits[i] = a->bits[i] | b->bits[i];
	return 0;
}

/* --- names ------------------------------------------------------------------------- */

/*
 * As strerror does (libc_errno.c): glibc's wording where Linux has the
 * signal, which is what a native twin prints, and FreeBSD's own for the
 * signals only FreeBSD has.
 */
static const char *const fbsd_only_sig[FBSD_SIGINFO + 1] = {
	[FBSD_SIGEMT] = "EMT trap",
	[FBSD_SIGINFO] = "Information request",
};

static __thread char unknown_sig[40];

char *
shim_strsignal(int sig)
{
	int h;

	/* FreeBSD's list (sys_siglist) ends at SIGUSR2. */
	if (sig > 0 && sig <= FBSD_SIGINFO && fbsd_only_sig[sig])
		return (char *)fbsd_only_sig[sig];
	h = sig > 0 && sig < 32 ? fbsd_to_linux_signo(sig) : -1;
	if (h > 0)
		return strsignal(h);
	snprintf(unknown_sig, sizeof(unknown_sig), "Unknown signal: %d", sig);
	return unknown_sig;
}

void
shim_psignal(int sig, const char *s)
{
	const char *c = sig > 0 && sig < 32 ? shim_strsignal(sig) : "Unknown signal";

	/* Straight to the descriptor, as FreeBSD's psignal writes. */
	if (s && *s) {
		(void)!write(2, s, strlen(s));
		(void)!write(2, ": ", 2);
	}
	(void)!write(2, c, strlen(c));
	(void)!write(2, "\n", 1);
}

/* --- setjmp's mask (libc_setjmp.S) ------------------------------------------------- */

/* FreeBSD's jmp_buf keeps the mask in longs 9 and 10. */
#define JB_MASK		9

/* setjmp and longjmp are bound without a trampoline (they return twice,
 * or never): the selector is the guest's here, and host code must not
 * run with it set. */
void
shim_jmp_savemask(long *jb)
{
	uint8_t *sel = ux_guest_sel, s = *sel;

	*sel = 0;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	shim_sigprocmask(FBSD_SIG_BLOCK, NULL, (struct fbsd_sigset *)&jb[JB_MASK]);
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	*sel = s;
}

void
shim_jmp_restoremask(long *jb)
{
	uint8_t *sel = ux_guest_sel, s = *sel;

	*sel = 0;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	shim_sigprocmask(FBSD_SIG_SETMASK, (const struct fbsd_sigset *)&jb[JB_MASK], NULL);
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	*sel = s;
}
