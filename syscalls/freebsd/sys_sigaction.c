/*
 * Signal virtualisation for FreeBSD guests.  uxrun owns the Linux handlers;
 * the guest's dispositions live here.  A signal for a guest handler is
 * delivered the way FreeBSD's sendsig() does it: a struct sigframe (the
 * handler, a FreeBSD ucontext_t with the interrupted registers and FPU
 * state, a FreeBSD siginfo_t) on the guest's stack or sigaltstack, and the
 * thread resumed in a sigcode trampoline that calls the handler and then
 * sigreturn(2) with the (possibly edited) context.  A signal that arrives
 * while uxrun's own code runs (an emulated blocking call) waits in the
 * thread's pending list and is delivered when that call returns; the call
 * is restarted for an SA_RESTART handler, as FreeBSD's ERESTART does.
 */
#include "config.h"

#include <signal.h>
#include <stddef.h>
#include <ucontext.h>
#include <sys/mman.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_convert.h"
#include "syscalls/freebsd/fbsd_signal.h"
#include "syscalls/thread.h"
#include "syscalls/trap.h"
#include "syscalls/dispatch.h"

#define LINUX_NSIG	64
#define EFL_TF		0x100
#define EFL_DF		0x400
#define FP_XSTATE_MAGIC1 0x46505853U

static struct fbsd_sigaction actions[FBSD_NSIG + 1];
static uint64_t sigcode_addr;
uint64_t (*fbsd_host_code_entry)(struct ux_thread *td, const void *uctx);

static int
sig_bit(const struct fbsd_sigset *s, int sig)
{
	return (s->bits[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1;
}

static void
sig_set(struct fbsd_sigset *s, int sig)
{
	s->bits[(sig - 1) / 32] |= 1U << ((sig - 1) % 32);
}

/*
 * The trampoline, as FreeBSD's sigcode: call the handler through the
 * frame, then sigreturn(&sf_uc).  It lives in a page of its own whose
 * syscall the seccomp filter traps like guest code.
 */
static const uint8_t sigcode[] = {
	0xff, 0x14, 0x24,			/* call *(%rsp) */
	0x48, 0x8d, 0x7c, 0x24, 0x10,		/* lea 16(%rsp), %rdi  (SIGF_UC) */
	0x6a, 0x00,				/* pushq $0: fake return address */
	0x48, 0xc7, 0xc0, 0xa1, 0x01, 0x00, 0x00, /* mov $417 (SYS_sigreturn), %rax */
	0x0f, 0x05,				/* syscall */
	0xf4,					/* hlt */
	0xeb, 0xfd,				/* jmp .-1 */
};

static int
map_sigcode(void)
{
	if (__atomic_load_n(&sigcode_addr, __ATOMIC_ACQUIRE))
		return 0;
	uint8_t *pg = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pg == MAP_FAILED)
		return -ENOMEM;
	memcpy(pg, sigcode, sizeof(sigcode));
	mprotect(pg, 4096, PROT_READ | PROT_EXEC);
	struct ux_range r = { (uint64_t)pg, (uint64_t)pg + 4096 };
	long e = ux_trap_add_ranges(&r, 1);
	if (e < 0)
		return (int)e;
	ux_fault_add_guest_range(r.lo, r.hi);
	__atomic_store_n(&sigcode_addr, (uint64_t)pg, __ATOMIC_RELEASE);
	return 0;
}

/* --- siginfo ------------------------------------------------------------ */

static int
fbsd_si_code(int sig, int code)
{
	switch (code) {
	case SI_USER: return FBSD_SI_USER;
	case SI_QUEUE: return FBSD_SI_QUEUE;
	case SI_TIMER: return FBSD_SI_TIMER;
	case SI_MESGQ: return FBSD_SI_MESGQ;
	case SI_ASYNCIO: return FBSD_SI_ASYNCIO;
	case SI_TKILL: return FBSD_SI_LWP;
	case SI_KERNEL: return FBSD_SI_KERNEL;
	}
	/* Fault codes are the same numbers on both, except FPE's first two. */
	if (sig == SIGFPE && code == FPE_INTDIV)
		return 2;	/* FreeBSD FPE_INTDIV */
	if (sig == SIGFPE && code == FPE_INTOVF)
		return 1;	/* FreeBSD FPE_INTOVF */
	return code;
}

void
linux_to_fbsd_siginfo(const siginfo_t *si, struct fbsd_siginfo *f)
{
	memset(f, 0, sizeof(*f));
	f->fsi_signo = linux_to_fbsd_signo(si->si_signo);
	f->fsi_errno = si->si_errno;
	f->fsi_code = fbsd_si_code(si->si_signo, si->si_code);
	switch (si->si_signo) {
	case SIGSEGV: case SIGBUS: case SIGILL: case SIGFPE: case SIGTRAP:
		if (si->si_code > 0) {
			f->fsi_addr = (uint64_t)si->si_addr;
			break;
		}
		/* sent by a process */
		__attribute__((fallthrough));
	default:
		f->fsi_pid = si->si_pid;
		f->fsi_uid = si->si_uid;
		f->fsi_value = (uint64_t)si->si_value.sival_ptr;
		if (si->si_signo == SIGCHLD) {
			f->fsi_status = si->si_status;
			if (si->si_code == CLD_KILLED || si->si_code == CLD_DUMPED ||
			    si->si_code == CLD_STOPPED || si->si_code == CLD_TRAPPED)
				f->fsi_status = linux_to_fbsd_signo(si->si_status);
		}
		break;
	}
}

/* --- default actions ----------------------------------------------------- */

static int
default_ignores(int fsig)
{
	return fsig == FBSD_SIGCHLD || fsig == FBSD_SIGURG || fsig == FBSD_SIGWINCH ||
	    fsig == FBSD_SIGINFO || fsig == FBSD_SIGCONT || fsig == FBSD_SIGTHR ||
	    fsig == FBSD_SIGLIBRT || fsig == FBSD_SIGIO;
}

/* Dies of hsig (or stops) as a native process would: with the host's
 * default disposition, unblocked when the handler returns, and raised
 * again unless it is a fault that will recur by itself. */
static void
take_default(int hsig, int fault, ucontext_t *uc)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigaction(hsig, &sa, NULL);
	sigdelset(&uc->uc_sigmask, hsig);
	if (!fault)
		ux_sys(SYS_tgkill, ux_sys(SYS_getpid), ux_sys(SYS_gettid), hsig);
}

/* --- delivery ------------------------------------------------------------ */

static uint64_t
xsave_ext_len(const ucontext_t *uc)
{
	const struct _fpstate *fp = (const struct _fpstate *)uc->uc_mcontext.fpregs;
	const struct _fpx_sw_bytes *sw;

	if (!fp)
		return 0;
	sw = (const struct _fpx_sw_bytes *)((const char *)fp + 464);
	if (sw->magic1 != FP_XSTATE_MAGIC1 || sw->xstate_size <= 512 || sw->xstate_size > 65536)
		return 0;
	return sw->xstate_size - 512;
}

static void
linux_to_fbsd_mcontext(struct ux_thread *td, const ucontext_t *uc, struct fbsd_mcontext *mc)
{
	const greg_t *g = uc->uc_mcontext.gregs;

	memset(mc, 0, sizeof(*mc));
	mc->mc_rdi = (uint64_t)g[REG_RDI];
	mc->mc_rsi = (uint64_t)g[REG_RSI];
	mc->mc_rdx = (uint64_t)g[REG_RDX];
	mc->mc_rcx = (uint64_t)g[REG_RCX];
	mc->mc_r8 = (uint64_t)g[REG_R8];
	mc->mc_r9 = (uint64_t)g[REG_R9];
	mc->mc_rax = (uint64_t)g[REG_RAX];
	mc->mc_rbx = (uint64_t)g[REG_RBX];
	mc->mc_rbp = (uint64_t)g[REG_RBP];
	mc->mc_r10 = (uint64_t)g[REG_R10];
	mc->mc_r11 = (uint64_t)g[REG_R11];
	mc->mc_r12 = (uint64_t)g[REG_R12];
	mc->mc_r13 = (uint64_t)g[REG_R13];
	mc->mc_r14 = (uint64_t)g[REG_R14];
	mc->mc_r15 = (uint64_t)g[REG_R15];
	mc->mc_trapno = (uint32_t)g[REG_TRAPNO];
	mc->mc_err = (uint64_t)g[REG_ERR];
	mc->mc_rip = (uint64_t)g[REG_RIP];
	mc->mc_rflags = (uint64_t)g[REG_EFL];
	mc->mc_rsp = (uint64_t)g[REG_RSP];
	mc->mc_cs = FBSD_UCODE_SEL;
	mc->mc_ss = FBSD_UDATA_SEL;
	mc->mc_len = sizeof(*mc);
	mc->mc_flags = FBSD_MC_HASBASES;
	mc->mc_fsbase = td->guest_fs;
	mc->mc_gsbase = td->guest_gs;
	mc->mc_fpformat = FBSD_MC_FPFMT_XMM;
	mc->mc_ownedfp = FBSD_MC_FPOWNED_FPU;
	if (uc->uc_mcontext.fpregs)
		memcpy(mc->mc_fpstate, uc->uc_mcontext.fpregs, sizeof(mc->mc_fpstate));
}

/*
 * Builds the FreeBSD frame for fsig on the guest's stack and points the
 * interrupted context (uc) at the trampoline.  Returns 0, or -1 when the
 * frame cannot be written (the guest then dies of SIGSEGV, as on FreeBSD).
 */
static int
build_frame(struct ux_thread *td, int fsig, const struct fbsd_siginfo *fsi, ucontext_t *uc)
{
	struct fbsd_thread *ft = fbsd_td(td);
	const struct fbsd_sigaction *act = &actions[fsig];
	greg_t *g = uc->uc_mcontext.gregs;
	uint64_t sp = (uint64_t)g[REG_RSP];
	struct fbsd_stack *as = &ft->altstack;
	int on_alt = !(as->ss_flags & FBSD_SS_DISABLE) && sp >= as->ss_sp && sp < as->ss_sp + as->ss_size;
	struct fbsd_sigframe f;

	if ((act->fsa_flags & FBSD_SA_ONSTACK) && !(as->ss_flags & FBSD_SS_DISABLE) && !on_alt)
		sp = as->ss_sp + as->ss_size;
	else
		sp -= 128;	/* the interrupted code's red zone */

	uint64_t xlen = xsave_ext_len(uc), xaddr = 0;
	if (xlen) {
		sp = (sp - xlen) & ~63ull;
		xaddr = sp;
	}
	sp = (sp - sizeof(f)) & ~15ull;

	memset(&f, 0, sizeof(f));
	f.sf_handler = act->fsa_handler;
	f.sf_uc.uc_sigmask = ft->mask;
	linux_to_fbsd_mcontext(td, uc, &f.sf_uc.uc_mcontext);
	f.sf_uc.uc_mcontext.mc_onstack = on_alt;
	if (xlen) {
		f.sf_uc.uc_mcontext.mc_flags |= FBSD_MC_HASFPXSTATE;
		f.sf_uc.uc_mcontext.mc_xfpustate = xaddr;
		f.sf_uc.uc_mcontext.mc_xfpustate_len = xlen;
	}
	f.sf_uc.uc_stack = *as;
	if (on_alt)
		f.sf_uc.uc_stack.ss_flags |= FBSD_SS_ONSTACK;
	f.sf_si = *fsi;
	if (fsi->fsi_addr && (fsig == FBSD_SIGSEGV || fsig == FBSD_SIGBUS))
		f.sf_uc.uc_mcontext.mc_addr = fsi->fsi_addr;

	if (ux_copyout(sp, &f, sizeof(f)) != 0 ||
	    (xlen && ux_copyout(xaddr, (const char *)uc->uc_mcontext.fpregs + 512, xlen) != 0))
		return -1;

	g[REG_RIP] = (greg_t)sigcode_addr;
	g[REG_RSP] = (greg_t)sp;
	g[REG_RDI] = fsig;
	g[REG_RSI] = (act->fsa_flags & FBSD_SA_SIGINFO) ?
	    (greg_t)(sp + offsetof(struct fbsd_sigframe, sf_si)) : fsi->fsi_code;
	g[REG_RDX] = (greg_t)(sp + offsetof(struct fbsd_sigframe, sf_uc));
	g[REG_RCX] = (greg_t)fsi->fsi_addr;
	g[REG_EFL] &= ~(greg_t)(EFL_TF | EFL_DF);
	/* The handler starts with FreeBSD's fresh control words. */
	if (uc->uc_mcontext.fpregs) {
		uc->uc_mcontext.fpregs->cwd = 0x037f;
		uc->uc_mcontext.fpregs->mxcsr = 0x1f80;
	}

	/* The handler's mask: the thread's, its sa_mask, the signal itself. */
	struct fbsd_sigset m = ft->mask;
	for (int w = 0; w < 4; w++)
		m.bits[w] |= act->fsa_mask.bits[w];
	if (!(act->fsa_flags & FBSD_SA_NODEFER))
		sig_set(&m, fsig);
	fbsd_set_guest_mask(td, &m, (uint64_t *)&uc->uc_sigmask);
	if (act->fsa_flags & FBSD_SA_RESETHAND) {
		memset(&actions[fsig], 0, sizeof(actions[fsig]));
		int hsig = fbsd_to_linux_signo(fsig);
		if (hsig > 0 && hsig != SIGSYS && hsig != SIGSEGV && hsig != SIGBUS &&
		    hsig != SIGILL && hsig != SIGFPE && hsig != SIGTRAP)
			signal(hsig, SIG_DFL);
	}
	return 0;
}

static int
is_fault(int hsig, const siginfo_t *si)
{
	return (hsig == SIGSEGV || hsig == SIGBUS || hsig == SIGILL || hsig == SIGFPE ||
	    hsig == SIGTRAP) && si->si_code > 0;
}

/* Delivers now, to the guest context uc. */
static void
deliver(struct ux_thread *td, int hsig, int fsig, const struct fbsd_siginfo *fsi, int fault,
    ucontext_t *uc)
{
	const struct fbsd_sigaction *act = &actions[fsig];

	/* A fault the guest ignores or blocks is fatal, as FreeBSD's trapsignal(). */
	if (fault && (act->fsa_handler == FBSD_SIG_IGN || sig_bit(&fbsd_td(td)->mask, fsig))) {
		take_default(hsig, 1, uc);
		return;
	}
	if (act->fsa_handler == FBSD_SIG_IGN)
		return;
	if (act->fsa_handler == FBSD_SIG_DFL) {
		if (!default_ignores(fsig))
			take_default(hsig, fault, uc);
		return;
	}
	if (build_frame(td, fsig, fsi, uc) != 0)
		take_default(SIGSEGV, 0, uc);
}

/*
 * Sends a signal that came at the wrong moment again, with its siginfo and
 * to the same target (process or thread).  Linux lets a thread other than
 * the main one queue a siginfo only with a negative si_code other than
 * SI_TKILL (do_rt_sigqueueinfo()'s rule against forging kill() and kernel
 * signals), so the copy travels as SI_QUEUE with the real si_code kept in
 * si_errno under a mark, which resent_restore() takes back off on arrival.
 */
#define RESENT_MARK	0x75780000	/* "ux" in the high half */

static void
resend(struct ux_thread *td, int hsig, const siginfo_t *si)
{
	siginfo_t copy = *si;
	long pid = ux_sys(SYS_getpid);

	copy.si_errno = RESENT_MARK | (uint16_t)si->si_code;
	copy.si_code = SI_QUEUE;
	if (si->si_code == SI_TKILL && td != NULL)
		ux_sys(SYS_rt_tgsigqueueinfo, pid, td->tid, hsig, &copy);
	else
		ux_sys(SYS_rt_sigqueueinfo, pid, hsig, &copy);
}

static void
resent_restore(siginfo_t *si)
{
	if (si->si_code == SI_QUEUE && (si->si_errno & 0xffff0000) == RESENT_MARK &&
	    si->si_pid == (pid_t)ux_sys(SYS_getpid)) {
		si->si_code = (int16_t)(si->si_errno & 0xffff);
		si->si_errno = 0;
	}
}

void
fbsd_on_signal(struct ux_thread *td, int hsig, void *siv, void *ucv)
{
	siginfo_t *si = siv;
	struct fbsd_thread *ft = fbsd_td(td);
	struct fbsd_siginfo fsi;
	int fsig = linux_to_fbsd_signo(hsig);

	if (fsig <= 0)
		return;
	resent_restore(si);
	linux_to_fbsd_siginfo(si, &fsi);
	if (__builtin_expect(ux_trace_on, 0))
		ux_logf("--- signal %d (host %d, code %d, from pid %d) %s ---", fsig, hsig, si->si_code,
		    si->si_pid, td->in_host ? "during a call: queued" :
		    !ux_in_guest_code((uint64_t)((ucontext_t *)ucv)->uc_mcontext.gregs[REG_RIP]) ?
		    "in uxrun code: sent again" : "delivered");
	if (fbsd_kqueue_note_signal)
		fbsd_kqueue_note_signal(fsig);
	ucontext_t *uc = ucv;
	if (td->in_host) {
		/* An emulated call was interrupted: deliver when it ends. */
		unsigned n = ft->npending;
		/* A standard signal is pending once, however often it is sent
		 * (Go's SIGURG storms must not crowd out the others). */
		if (fsig < FBSD_SIGRTMIN)
			for (unsigned i = 0; i < n; i++)
				if (ft->pending[i].fsi.fsi_signo == fsig)
					return;
		if (n < FBSD_MAX_PENDING) {
			ft->pending[n].fsi = fsi;
			ft->pending[n].hsig = hsig;
			ft->npending = n + 1;
		}
		td->sig_pending = 1;
		ux_sleep_interrupt(ucv);
		return;
	}
	if (!ux_in_guest_code((uint64_t)uc->uc_mcontext.gregs[REG_RIP])) {
		uint64_t entry = fbsd_host_code_entry ? fbsd_host_code_entry(td, uc) : 0;
		if (entry) {
			deliver(td, hsig, fsig, &fsi, is_fault(hsig, si), ucv);
			if ((uint64_t)uc->uc_mcontext.gregs[REG_RIP] == sigcode_addr)
				uc->uc_mcontext.gregs[REG_RIP] = (greg_t)entry;
			return;
		}
		/* Other uxrun code (a trap handler's first or last instructions,
		 * a thread being set up): send the signal again and keep it
		 * blocked here until this code returns to the guest's own mask,
		 * so the kernel delivers it to guest code. */
		sigaddset(&uc->uc_sigmask, hsig);
		/* Same siginfo, same target: a signal sent to the process must
		 * stay free to go to another thread, or it could wait behind a
		 * sleep this thread is about to start. */
		resend(td, hsig, si);
		return;
	}
	deliver(td, hsig, fsig, &fsi, is_fault(hsig, si), ucv);
}

/*
 * Calls FreeBSD's kernel never restarts after a handler, SA_RESTART or not:
 * they return EINTR (sys_poll, kern_select, kern_kevent, kern_nanosleep,
 * the signal waits); the rest of the EINTRs are ERESTARTs.
 */
static int
restartable(uint64_t nr)
{
	switch (nr) {
	case FBSD_SYS_select: case FBSD_SYS_poll: case FBSD_SYS_pselect: case FBSD_SYS_ppoll:
	case FBSD_SYS_kevent: case FBSD_SYS_freebsd11_kevent: case FBSD_SYS_nanosleep:
	case FBSD_SYS_clock_nanosleep: case FBSD_SYS_sigsuspend: case FBSD_SYS_sigtimedwait:
	case FBSD_SYS_sigwaitinfo: case FBSD_SYS_sigwait: case FBSD_SYS_thr_suspend:
		return 0;
	}
	return 1;
}

/* Runs as a trapped call returns: delivers what arrived meanwhile. */
void
fbsd_after_call(struct uxcall *c)
{
	struct fbsd_thread *ft = fbsd_td(c->td);
	ucontext_t *uc = c->uctx;

	if (ft->npending == 0 || uc == NULL) {
		c->td->sig_pending = ft->npending != 0;
		return;
	}
	for (unsigned i = 0; i < ft->npending; i++) {
		int fsig = ft->pending[i].fsi.fsi_signo;
		const struct fbsd_sigaction *act = &actions[fsig];

		/* The host let it through, so the mask in force when it came
		 * (sigsuspend's, say) allowed it: deliver. */
		/* ERESTART: an interrupted call under an SA_RESTART handler runs
		 * again after it; FreeBSD's kernel rewinds over the 2-byte syscall. */
		if (c->err == FBSD_EINTR && !c->justreturn && !c->no_restart && restartable(c->nr) &&
		    act->fsa_handler > FBSD_SIG_IGN && (act->fsa_flags & FBSD_SA_RESTART)) {
			greg_t *g = uc->uc_mcontext.gregs;
			g[REG_RIP] -= 2;
			g[REG_RAX] = (greg_t)c->orig_nr;
			g[REG_EFL] &= ~(greg_t)1;
			c->justreturn = 1;
		}
		if (__builtin_expect(ux_trace_on, 0))
			ux_logf("--- signal %d delivered after %s ---", fsig, c->td->pers->sysent[c->nr].name);
		deliver(c->td, ft->pending[i].hsig, fsig, &ft->pending[i].fsi, 0, uc);
	}
	ft->npending = 0;
	c->td->sig_pending = 0;
}

/* --- the system calls ------------------------------------------------------ */

static int
reserved_host(int hsig)
{
	return hsig == SIGSYS || hsig == SIGSEGV || hsig == SIGBUS || hsig == SIGILL ||
	    hsig == SIGFPE || hsig == SIGTRAP;
}

static void ux_guest_signal(int sig, siginfo_t *si, void *uc);

long
fbsd_sys_sigaction(struct uxcall *c, int sig, const void *act, void *oact)
{
	struct fbsd_sigaction na, old;
	int hsig;

	if (sig <= 0 || sig > FBSD_NSIG)
		return -EINVAL;
	old = actions[sig];
	if (act != NULL) {
		if (ux_copyin(&na, act, sizeof(na)) != 0)
			return -EFAULT;
		if (sig == FBSD_SIGKILL || sig == FBSD_SIGSTOP)
			return -EINVAL;
		if (na.fsa_handler > FBSD_SIG_IGN && map_sigcode() != 0)
			return -ENOMEM;
		hsig = fbsd_to_linux_signo(sig);
		if (hsig > 0 && !reserved_host(hsig)) {
			struct sigaction hs;
			memset(&hs, 0, sizeof(hs));
			if (na.fsa_handler == FBSD_SIG_DFL) {
				hs.sa_handler = SIG_DFL;
			} else if (na.fsa_handler == FBSD_SIG_IGN) {
				hs.sa_handler = SIG_IGN;
			} else {
				/* No SA_RESTART on the host: an emulated call must come
				 * back with EINTR so the guest's handler can run; the
				 * restart is redone for the guest in fbsd_after_call. */
				hs.sa_sigaction = ux_guest_signal;
				hs.sa_flags = SA_SIGINFO | SA_ONSTACK;
				/* But libshim's calls are host code that Linux restarts
				 * (fbsd_host_code_entry in fbsd_signal.h). */
				if (fbsd_host_code_entry && (na.fsa_flags & FBSD_SA_RESTART))
					hs.sa_flags |= SA_RESTART;
				sigfillset(&hs.sa_mask);
			}
			if (sig == FBSD_SIGCHLD)
				hs.sa_flags |= ((na.fsa_flags & FBSD_SA_NOCLDSTOP) ? SA_NOCLDSTOP : 0) |
				    ((na.fsa_flags & FBSD_SA_NOCLDWAIT) ? SA_NOCLDWAIT : 0);
			if (sigaction(hsig, &hs, NULL) != 0)
				return -errno;
		}
		/* XXX signals Linux lacks (SIGEMT, SIGINFO, SIGTHR, SIGLIBRT) and
		 * FreeBSD's real-time signals past Linux's range are recorded but
		 * can never arrive. */
		actions[sig] = na;
	}
	if (oact != NULL && ux_copyout(oact, &old, sizeof(old)) != 0)
		return -EFAULT;
	return 0;
}

long
fbsd_sys_sigaltstack(struct uxcall *c, const void *ss, void *oss)
{
	struct fbsd_thread *ft = fbsd_td(c->td);
	struct fbsd_stack old = ft->altstack, n;
	int on = !(old.ss_flags & FBSD_SS_DISABLE) && c->sp >= old.ss_sp &&
	    c->sp < old.ss_sp + old.ss_size;

	old.ss_flags = (old.ss_flags & FBSD_SS_DISABLE) | (on ? FBSD_SS_ONSTACK : 0);
	if (ss != NULL) {
		if (ux_copyin(&n, ss, sizeof(n)) != 0)
			return -EFAULT;
		if (on)
			return -EPERM;
		if (n.ss_flags & ~FBSD_SS_DISABLE)
			return -EINVAL;
		if (!(n.ss_flags & FBSD_SS_DISABLE) && n.ss_size < FBSD_MINSIGSTKSZ)
			return -ENOMEM;
		n.pad = 0;
		ft->altstack = n;
	}
	if (oss != NULL && ux_copyout(oss, &old, sizeof(old)) != 0)
		return -EFAULT;
	return 0;
}

/* Loads a FreeBSD ucontext into the trap frame the guest resumes from. */
static long
load_context(struct uxcall *c, const void *ucp, int with_mask)
{
	struct fbsd_ucontext u;
	ucontext_t *uc = c->uctx;
	greg_t *g;

	if (uc == NULL)
		return -ENOSYS;
	if (ux_copyin(&u, ucp, sizeof(u)) != 0)
		return -EFAULT;
	const struct fbsd_mcontext *mc = &u.uc_mcontext;
	if (mc->mc_len != sizeof(*mc))
		return -EINVAL;
	/* FreeBSD refuses a context that changes the privileged flags. */
	if ((mc->mc_rflags ^ 0x202) & 0x3000)	/* IOPL */
		return -EINVAL;
	g = uc->uc_mcontext.gregs;
	g[REG_RDI] = (greg_t)mc->mc_rdi;
	g[REG_RSI] = (greg_t)mc->mc_rsi;
	g[REG_RDX] = (greg_t)mc->mc_rdx;
	g[REG_RCX] = (greg_t)mc->mc_rcx;
	g[REG_R8] = (greg_t)mc->mc_r8;
	g[REG_R9] = (greg_t)mc->mc_r9;
	g[REG_RAX] = (greg_t)mc->mc_rax;
	g[REG_RBX] = (greg_t)mc->mc_rbx;
	g[REG_RBP] = (greg_t)mc->mc_rbp;
	g[REG_R10] = (greg_t)mc->mc_r10;
	g[REG_R11] = (greg_t)mc->mc_r11;
	g[REG_R12] = (greg_t)mc->mc_r12;
	g[REG_R13] = (greg_t)mc->mc_r13;
	g[REG_R14] = (greg_t)mc->mc_r14;
	g[REG_R15] = (greg_t)mc->mc_r15;
	g[REG_RIP] = (greg_t)mc->mc_rip;
	g[REG_RSP] = (greg_t)mc->mc_rsp;
	g[REG_EFL] = (greg_t)((mc->mc_rflags & 0xcd5) | 0x202);	/* user-settable flags */
	if (uc->uc_mcontext.fpregs && mc->mc_fpformat == FBSD_MC_FPFMT_XMM) {
		/* The legacy area, keeping the host's sw_reserved bytes (464..511),
		 * which sigreturn needs to find the extended state. */
		memcpy(uc->uc_mcontext.fpregs, mc->mc_fpstate, 464);
		uint64_t xlen = xsave_ext_len(uc);
		if ((mc->mc_flags & FBSD_MC_HASFPXSTATE) && mc->mc_xfpustate && xlen) {
			uint64_t n = mc->mc_xfpustate_len < xlen ? mc->mc_xfpustate_len : xlen;
			if (ux_copyin((char *)uc->uc_mcontext.fpregs + 512, mc->mc_xfpustate, n) != 0)
				return -EFAULT;
		}
	}
	if (mc->mc_flags & FBSD_MC_HASBASES) {
		c->td->guest_fs = mc->mc_fsbase;
		if (mc->mc_gsbase != c->td->guest_gs)
			ux_thread_set_guest_gs(c->td, mc->mc_gsbase);
	}
	if (with_mask)
		fbsd_set_guest_mask(c->td, &u.uc_sigmask, c->sigmask);
	c->justreturn = 1;
	return 0;
}

long
fbsd_sys_sigreturn(struct uxcall *c, const void *sigcntxp)
{
	return load_context(c, sigcntxp, 1);
}

long
fbsd_sys_setcontext(struct uxcall *c, const void *ucp)
{
	if (ucp == NULL)
		return -EINVAL;
	return load_context(c, ucp, 1);
}

/* The caller's context as it will be after the call returns 0. */
static long
save_context(struct uxcall *c, void *ucp)
{
	struct fbsd_ucontext u;
	ucontext_t *uc = c->uctx;

	if (uc == NULL)
		return -ENOSYS;
	memset(&u, 0, sizeof(u));
	u.uc_sigmask = fbsd_td(c->td)->mask;
	linux_to_fbsd_mcontext(c->td, uc, &u.uc_mcontext);
	u.uc_mcontext.mc_rax = 0;
	u.uc_mcontext.mc_rflags &= ~1ull;
	u.uc_stack = fbsd_td(c->td)->altstack;
	return ux_copyout(ucp, &u, sizeof(u));
}

long
fbsd_sys_getcontext(struct uxcall *c, void *ucp)
{
	if (ucp == NULL)
		return -EINVAL;
	return save_context(c, ucp);
}

long
fbsd_sys_swapcontext(struct uxcall *c, void *oucp, const void *ucp)
{
	long r;

	if (oucp == NULL || ucp == NULL)
		return -EINVAL;
	r = save_context(c, oucp);
	if (r != 0)
		return r;
	return load_context(c, ucp, 1);
}

long
fbsd_sys_sigpending(struct uxcall *c, struct fbsd_sigset *set)
{
	uint64_t h = 0;
	struct fbsd_sigset s;
	struct fbsd_thread *ft = fbsd_td(c->td);
	long r = ux_sys(SYS_rt_sigpending, &h, LINUX_NSIG / 8);

	if (r < 0)
		return r;
	linux_to_fbsd_sigset(h, &s);
	for (unsigned i = 0; i < ft->npending; i++)
		sig_set(&s, ft->pending[i].fsi.fsi_signo);
	return ux_copyout(set, &s, sizeof(s));
}

long
fbsd_sys_sigsuspend(struct uxcall *c, const struct fbsd_sigset *sigmask)
{
	struct fbsd_sigset m, saved = fbsd_td(c->td)->mask;
	uint64_t h = 0;

	if (ux_copyin(&m, sigmask, sizeof(m)) != 0)
		return -EFAULT;
	/* The handler's frame must record the mask from before the call. */
	fbsd_set_guest_mask(c->td, &m, &h);
	fbsd_td(c->td)->mask = saved;
	return ux_sys(SYS_rt_sigsuspend, &h, LINUX_NSIG / 8);
}

static long
timed_wait(struct uxcall *c, const struct fbsd_sigset *set, void *info,
    const struct fbsd_timespec *timeout)
{
	struct fbsd_sigset s;
	struct timespec ts, *tsp = NULL;
	siginfo_t si;
	long r;

	if (ux_copyin(&s, set, sizeof(s)) != 0)
		return -EFAULT;
	if (timeout) {
		struct fbsd_timespec t;
		if (ux_copyin(&t, timeout, sizeof(t)) != 0)
			return -EFAULT;
		if (t.tv_nsec < 0 || t.tv_nsec >= 1000000000)
			return -EINVAL;
		ts.tv_sec = t.tv_sec;
		ts.tv_nsec = t.tv_nsec;
		tsp = &ts;
	}
	uint64_t h = fbsd_to_linux_sigset(&s);
	/* A timeout is EAGAIN on both systems. */
	r = ux_sys(SYS_rt_sigtimedwait, &h, &si, tsp, LINUX_NSIG / 8);
	if (r < 0)
		return r;
	if (info) {
		struct fbsd_siginfo fsi;
		linux_to_fbsd_siginfo(&si, &fsi);
		if (ux_copyout(info, &fsi, sizeof(fsi)) != 0)
			return -EFAULT;
	}
	return linux_to_fbsd_signo((int)r);
}

long
fbsd_sys_sigtimedwait(struct uxcall *c, const struct fbsd_sigset *set, void *info,
    const struct fbsd_timespec *timeout)
{
	return timed_wait(c, set, info, timeout);
}

long
fbsd_sys_sigwaitinfo(struct uxcall *c, const struct fbsd_sigset *set, void *info)
{
	return timed_wait(c, set, info, NULL);
}

long
fbsd_sys_sigwait(struct uxcall *c, const struct fbsd_sigset *set, int *sig)
{
	long r = timed_wait(c, set, NULL, NULL);

	/* sigwait returns the error number instead of setting errno. */
	if (r < 0)
		return ux_errno_to_guest(&fbsd_personality, r);
	int s = (int)r;
	if (ux_copyout(sig, &s, sizeof(s)) != 0)
		return ux_errno_to_guest(&fbsd_personality, -EFAULT);
	return 0;
}

long
fbsd_sys_sigqueue(struct uxcall *c, int pid, int signum, void *value)
{
	int hsig = fbsd_to_linux_signo(signum);
	siginfo_t si;

	if (hsig < 0)
		return -EINVAL;
	memset(&si, 0, sizeof(si));
	si.si_signo = hsig;
	si.si_code = SI_QUEUE;
	si.si_pid = (pid_t)ux_sys(SYS_getpid);
	si.si_uid = (uid_t)ux_sys(SYS_getuid);
	si.si_value.sival_ptr = value;
	return ux_sys(SYS_rt_sigqueueinfo, pid, hsig, &si);
}

/* --- the host side --------------------------------------------------------- */

/* The Linux handler of every signal a guest handler waits for. */
__attribute__((no_stack_protector)) static void
ux_guest_signal(int sig, siginfo_t *si, void *uc)
{
	struct ux_thread *td = ux_thread_from_stack();
	uint64_t fs;
	uint8_t sel;

	if (td == NULL) {
		/* A thread of uxrun's own (none should take guest signals):
		 * one sent to the process goes to another thread. */
		if (si->si_code != SI_TKILL) {
			sigaddset(&((ucontext_t *)uc)->uc_sigmask, sig);
			resend(NULL, sig, si);
		}
		return;
	}
	sel = ux_host_enter(td);
	/* %fs as it is, not as a flag says: the signal may come between a
	 * trap handler's switch and its bookkeeping. */
	fs = td->guest_fs ? ux_get_fs() : td->host_fs;
	if (fs != td->host_fs)
		ux_set_fs(td->host_fs);
	fbsd_on_signal(td, sig, si, uc);
	if (fs != td->host_fs)
		ux_set_fs(fs);
	ux_host_leave(td, sel);
}

/* Guest dispositions start as the host's: an ignored signal stays ignored
 * across exec, as on FreeBSD (nohup). */
void
fbsd_signals_init(void)
{
	for (int s = 1; s <= FBSD_NSIG; s++) {
		int h = fbsd_to_linux_signo(s);
		struct sigaction cur;
		if (h > 0 && !reserved_host(h) && sigaction(h, NULL, &cur) == 0 && cur.sa_handler == SIG_IGN)
			actions[s].fsa_handler = FBSD_SIG_IGN;
	}
}
