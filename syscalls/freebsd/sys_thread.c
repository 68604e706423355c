/*
 * FreeBSD threads (sys/kern/kern_thr.c) as host pthreads.
 *
 * thr_new starts a pthread from inside the creating thread's SIGSYS
 * handler, so glibc always has a valid TCB for every guest thread.  The
 * new thread starts with every signal blocked, sets up its trap stack and
 * FreeBSD state, publishes its id, and enters the guest's start function
 * with the guest's FS base, registers and signal mask through
 * rt_sigreturn (thr_enter.S), so that no signal finds it half-way.
 * thr_exit returns to that host start routine with siglongjmp, which
 * frees the trap stack and lets glibc end the pthread normally.
 *
 * A small registry of live threads (Linux tid plus a wake-up word) serves
 * thr_wake/thr_suspend and the calls that act on "every other thread".
 * The wake-up word lives there, not in the thread's own state, so a wake
 * racing with the target's exit never touches unmapped memory.
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <ucontext.h>
#include <stdio.h>
#include <time.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <sys/prctl.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_convert.h"
#include "syscalls/freebsd/fbsd_thread.h"
#include "syscalls/freebsd/fbsd_thr.h"
#include "syscalls/freebsd/fbsd_proc.h"
#include "syscalls/thread.h"
#include "syscalls/trace.h"
#include "syscalls/trap.h"

#define THR_MAX		4096	/* FreeBSD's default limit is 1500 per process */
#define FBSD_MAXCOMLEN	19
#define FBSD_SIG_MAXSIG	128

/* Signals uxrun never blocks in host code: the trap and synchronous
 * faults (SIGTRAP included: a thread that runs into a call site being
 * patched retries from the SIGTRAP handler, syscalls/patch.c). */
#define HOST_UNBLOCKABLE ((1ULL << (SIGSYS - 1)) | (1ULL << (SIGSEGV - 1)) | \
	(1ULL << (SIGBUS - 1)) | (1ULL << (SIGILL - 1)) | (1ULL << (SIGFPE - 1)) | \
	(1ULL << (SIGTRAP - 1)))
/* Nor in guest code: a blocked synchronous fault kills a Linux process
 * (as sys_signal.c's HOST_RESERVED). */
#define GUEST_UNBLOCKABLE HOST_UNBLOCKABLE

struct thr_slot {
	int tid;		/* Linux tid; 0 while free */
	uint32_t wake;		/* thr_wake's flag, thr_suspend's futex word */
};

static struct thr_slot thr_slots[THR_MAX];
/* Guest threads that have not called thr_exit; the initial one counts. */
static int thr_live = 1;

static long
futex_private(uint32_t *w, int op, uint32_t val, const struct timespec *ts)
{
	return ux_sys(SYS_futex, w, op | FUTEX_PRIVATE_FLAG, val, ts, NULL,
	    FUTEX_BITSET_MATCH_ANY);
}

uint32_t
fbsd_thr_id(struct ux_thread *td)
{
	return (uint32_t)fbsd_td(td)->tid;
}

/* The caller's registry entry, claimed on first use (the initial thread
 * only joins when it first makes a thread call, e.g. thr_new). */
static struct thr_slot *
thr_self_slot(struct ux_thread *td)
{
	struct fbsd_thread *ft = fbsd_td(td);

	if (ft->thr_slot == 0) {
		for (int i = 0; i < THR_MAX; i++) {
			int free_tid = 0;

			if (__atomic_load_n(&thr_slots[i].tid, __ATOMIC_RELAXED) != 0 ||
			    !__atomic_compare_exchange_n(&thr_slots[i].tid, &free_tid, td->tid, 0,
			    __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
				continue;
			__atomic_store_n(&thr_slots[i].wake, 0, __ATOMIC_RELEASE);
			ft->thr_slot = i + 1;
			break;
		}
		if (ft->thr_slot == 0)
			return NULL;
	}
	return &thr_slots[ft->thr_slot - 1];
}

static void
thr_release_slot(struct ux_thread *td)
{
	struct fbsd_thread *ft = fbsd_td(td);

	if (ft->thr_slot != 0)
		__atomic_store_n(&thr_slots[ft->thr_slot - 1].tid, 0, __ATOMIC_RELEASE);
	ft->thr_slot = 0;
}

static struct thr_slot *
thr_find(int tid)
{
	for (int i = 0; i < THR_MAX; i++)
		if (__atomic_load_n(&thr_slots[i].tid, __ATOMIC_ACQUIRE) == tid)
			return &thr_slots[i];
	return NULL;
}

int
fbsd_thr_list(int *tids, int n)
{
	int k = 0;

	for (int i = 0; i < THR_MAX && k < n; i++) {
		int t = __atomic_load_n(&thr_slots[i].tid, __ATOMIC_ACQUIRE);
		if (t != 0)
			tids[k++] = t;
	}
	return k;
}

/* A forked child is a new process with one thread, the caller. */
void
fbsd_thread_atfork_child(struct ux_thread *td)
{
	memset(thr_slots, 0, sizeof(thr_slots));
	__atomic_store_n(&thr_live, 1, __ATOMIC_RELEASE);
	fbsd_td(td)->thr_slot = 0;
	thr_self_slot(td);
	fbsd_umtx_atfork_child();
}

/* A FreeBSD thread id of this process to its Linux tid; 0 if it cannot be one. */
static int
fbsd_to_linux_tid(long id)
{
	if (id < FBSD_TID_BASE || id - FBSD_TID_BASE > INT_MAX)
		return 0;
	return (int)(id - FBSD_TID_BASE);
}

/* --- thr_new ---------------------------------------------------------- */

struct thr_start {
	struct fbsd_thr_param p;
	struct ux_thread *parent;
	uint64_t mask;		/* the child's host signal mask in guest code */
	long err;
	uint32_t done;		/* futex: the child has published its id (or failed) */
};

static void
thr_start_done(struct thr_start *st, long err)
{
	st->err = err;
	__atomic_store_n(&st->done, 1, __ATOMIC_RELEASE);
	futex_private(&st->done, FUTEX_WAKE, 1, NULL);
}

/*
 * Enters the guest through rt_sigreturn, with the registers FreeBSD's
 * cpu_set_upcall() gives a new thread: the entry point, the stack top
 * 16-byte aligned minus the slot a call would have pushed its return
 * address into, the argument in %rdi, everything else zero.
 */
static void __attribute__((noreturn))
thr_enter_guest(struct ux_thread *td, const struct fbsd_thr_param *p, uint64_t mask)
{
	ucontext_t uc;
	greg_t *g = uc.uc_mcontext.gregs;

	memset(&uc, 0, sizeof(uc));
	/* rt_sigreturn also reinstates uc_stack: keep the trap stack. */
	sigaltstack(NULL, &uc.uc_stack);
	g[REG_RIP] = (greg_t)p->start_func;
	g[REG_RSP] = (greg_t)(((p->stack_base + p->stack_size) & ~(uint64_t)15) - 8);
	g[REG_RDI] = (greg_t)p->arg;
	g[REG_EFL] = 0x202;
	g[REG_CSGSFS] = (greg_t)(0x33 | (0x2bULL << 48));	/* __USER_CS, __USER_DS */
	memcpy(&uc.uc_sigmask, &mask, sizeof(mask));
	td->in_host = 0;
	fbsd_thr_enter(&uc, p->tls_base, ux_trap_entry_selector(td), ux_sud_restorer);
}

static void *
thr_host_start(void *arg)
{
	struct thr_start *st = arg;
	/* st lives in the parent's trap frame: copy it before saying done. */
	struct fbsd_thr_param p = st->p;
	uint64_t mask = st->mask;
	struct ux_thread *td = ux_thread_create_current(st->parent->pers);
	long tid, r;

	if (td == NULL) {
		thr_start_done(st, -ENOMEM);
		return NULL;
	}
	td->in_host = 1;
	fbsd_thread_init(td, st->parent);
	/* Linux threads share the creator's GS base, as FreeBSD's copy it. */
	td->guest_gs = st->parent->guest_gs;
	if (thr_self_slot(td) == NULL) {
		ux_thread_destroy(td);
		thr_start_done(st, -EAGAIN);
		return NULL;
	}
	/* FreeBSD stores both before the thread can run (thr_new_initthr). */
	tid = fbsd_td(td)->tid;
	r = 0;
	if (p.child_tid != 0)
		r = ux_copyout(p.child_tid, &tid, sizeof(tid));
	if (r == 0 && p.parent_tid != 0)
		r = ux_copyout(p.parent_tid, &tid, sizeof(tid));
	if (r != 0) {
		thr_release_slot(td);
		ux_thread_destroy(td);
		thr_start_done(st, r);
		return NULL;
	}
	td->guest_fs = p.tls_base;
	thr_start_done(st, 0);

	if (sigsetjmp(td->exit_jmp, 1) == 0) {
		td->has_exit_jmp = 1;
		thr_enter_guest(td, &p, mask);
	}
	/* Back from thr_exit, on this pthread's own stack, with the trap
	 * stack abandoned: it can go. */
	ux_thread_destroy(td);
	return NULL;
}

long
fbsd_sys_thr_new(struct uxcall *c, void *param, int param_size)
{
	struct thr_start st;
	struct fbsd_rtprio rtp;
	pthread_attr_t attr;
	pthread_t t;
	sigset_t setup;
	long r;

	if (c->td == NULL)
		return -EINVAL;
	/* sys_thr_new(): a shorter structure is zero-extended, a longer one
	 * refused. */
	if (param_size < 0 || (size_t)param_size > sizeof(st.p))
		return -EINVAL;
	memset(&st, 0, sizeof(st));
	r = ux_copyin(&st.p, param, (size_t)param_size);
	if (r < 0)
		return r;
	if (st.p.rtp != 0) {
		r = ux_copyin(&rtp, st.p.rtp, sizeof(rtp));
		if (r < 0)
			return r;
		switch (rtp.type) {
		case FBSD_RTP_PRIO_REALTIME:
		case FBSD_RTP_PRIO_FIFO:
			/* XXX real-time threads are refused as for an
			 * unprivileged FreeBSD user, whoever runs uxrun. */
			return -EPERM;
		case FBSD_RTP_PRIO_NORMAL:
			break;
		default:
			return -EINVAL;
		}
	}
	/* The creator joins the registry so that thr_kill(-1, ...) from its
	 * children reaches it. */
	if (thr_self_slot(c->td) == NULL)
		return -EAGAIN;

	st.parent = c->td;
	/* The child starts with the creator's guest mask (the struct is
	 * copied by fbsd_thread_init); the trap and faults stay open. */
	st.mask = fbsd_to_linux_sigset(&fbsd_td(c->td)->mask) & ~GUEST_UNBLOCKABLE;

	/* Until it runs guest code the child blocks everything it can, so no
	 * guest signal lands in its host set-up. */
	sigfillset(&setup);
	for (int s = 1; s <= 64; s++)
		if (HOST_UNBLOCKABLE & (1ULL << (s - 1)))
			sigdelset(&setup, s);

	__atomic_add_fetch(&thr_live, 1, __ATOMIC_ACQ_REL);
	if (pthread_attr_init(&attr) != 0) {
		__atomic_sub_fetch(&thr_live, 1, __ATOMIC_ACQ_REL);
		return -ENOMEM;
	}
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	/* The host stack only carries set-up and tear-down. */
	pthread_attr_setstacksize(&attr, 256 * 1024);
	pthread_attr_setsigmask_np(&attr, &setup);
	int e = pthread_create(&t, &attr, thr_host_start, &st);
	pthread_attr_destroy(&attr);
	if (e != 0) {
		__atomic_sub_fetch(&thr_live, 1, __ATOMIC_ACQ_REL);
		return -e;
	}
	/* thr_new returns only once the ids are stored, as FreeBSD's does. */
	while (__atomic_load_n(&st.done, __ATOMIC_ACQUIRE) == 0)
		futex_private(&st.done, FUTEX_WAIT, 0, NULL);
	if (st.err != 0)
		__atomic_sub_fetch(&thr_live, 1, __ATOMIC_ACQ_REL);
	return st.err;
}

/* --- thr_exit, thr_self ------------------------------------------------- */

long
fbsd_sys_thr_exit(struct uxcall *c, long *state)
{
	struct ux_thread *td = c->td;

	if (td == NULL)
		return -EINVAL;
	fbsd_umtx_thread_exit(td);
	/* kern_thr_exit(): the last thread is not ended; the call returns
	 * and the caller (libthr) exits the process.  Counted before *state
	 * is written: once a joiner sees it, this thread may not become the
	 * last one and go back to a stack the joiner has freed. */
	int last = __atomic_sub_fetch(&thr_live, 1, __ATOMIC_ACQ_REL) == 0;
	if (last)
		__atomic_add_fetch(&thr_live, 1, __ATOMIC_ACQ_REL);
	/* "Signal userland that it can free the stack": pthread_join sleeps
	 * on this word with UMTX_OP_WAIT, which waits on its low half. */
	if (state != NULL) {
		long one = 1;
		if (ux_copyout(state, &one, sizeof(one)) == 0)
			ux_sys(SYS_futex, state, FUTEX_WAKE, INT_MAX);
	}
	if (last)
		return 0;
	thr_release_slot(td);
	ux_trace_noreturn(td->pers, c);
	if (td->has_exit_jmp)
		siglongjmp(td->exit_jmp, 1);
	/* The initial thread has no host start routine to go back to: end
	 * the Linux thread; the process lives on with the others. */
	for (;;)
		ux_sys(SYS_exit, 0);
}

long
fbsd_sys_thr_self(struct uxcall *c, long *id)
{
	long tid;

	if (c->td == NULL)
		return -EINVAL;
	tid = fbsd_td(c->td)->tid;
	return ux_copyout(id, &tid, sizeof(tid));
}

/* --- signals to threads ------------------------------------------------- */

/* -EINVAL for what FreeBSD's _SIG_VALID refuses; 0 for signal 0. */
static long
thr_signo(int sig, int *lsig)
{
	*lsig = 0;
	if (sig == 0)
		return 0;
	if (sig < 0 || sig > FBSD_SIG_MAXSIG)
		return -EINVAL;
	*lsig = fbsd_to_linux_signo(sig);
	/* XXX a valid FreeBSD signal without a Linux twin (SIGTHR ...) is
	 * refused, as kill(2) does for now. */
	if (*lsig < 0)
		return -EINVAL;
	return 0;
}

/* Every registered thread but the caller; ESRCH when there is none. */
static long
thr_kill_others(struct ux_thread *td, int pid, int lsig)
{
	int found = 0;

	for (int i = 0; i < THR_MAX; i++) {
		int t = __atomic_load_n(&thr_slots[i].tid, __ATOMIC_ACQUIRE);
		if (t == 0 || t == td->tid)
			continue;
		found = 1;
		if (lsig == 0)
			break;
		/* A thread that exits meanwhile is no error. */
		ux_sys(SYS_tgkill, pid, t, lsig);
	}
	return found ? 0 : -ESRCH;
}

long
fbsd_sys_thr_kill(struct uxcall *c, long id, int sig)
{
	int lsig, tid, pid = (int)ux_sys(SYS_getpid);
	long r;

	if (c->td == NULL)
		return -EINVAL;
	if (id == -1) {
		r = thr_signo(sig, &lsig);
		return r < 0 ? r : thr_kill_others(c->td, pid, lsig);
	}
	tid = fbsd_to_linux_tid(id);
	if (tid == 0)
		return -ESRCH;
	/* tdfind() first: an unknown thread is ESRCH whatever the signal. */
	r = ux_sys(SYS_tgkill, pid, tid, 0);
	if (r < 0)
		return r;
	r = thr_signo(sig, &lsig);
	if (r < 0 || lsig == 0)
		return r;
	return ux_sys(SYS_tgkill, pid, tid, lsig);
}

long
fbsd_sys_thr_kill2(struct uxcall *c, int pid, long id, int sig)
{
	int lsig, tid;
	long r;

	if (c->td == NULL)
		return -EINVAL;
	if (pid == (int)ux_sys(SYS_getpid))
		return fbsd_sys_thr_kill(c, id, sig);
	if (pid <= 0)
		return -ESRCH;
	if (id == -1) {
		r = thr_signo(sig, &lsig);
		if (r < 0)
			return r;
		/* XXX every thread of another process: one process-directed
		 * signal instead of one per thread. */
		return ux_sys(SYS_kill, pid, lsig);
	}
	tid = fbsd_to_linux_tid(id);
	if (tid == 0)
		return -ESRCH;
	r = ux_sys(SYS_tgkill, pid, tid, 0);
	if (r < 0)
		return r;
	r = thr_signo(sig, &lsig);
	if (r < 0 || lsig == 0)
		return r;
	return ux_sys(SYS_tgkill, pid, tid, lsig);
}

/* --- thr_suspend, thr_wake ------------------------------------------------ */

long
fbsd_sys_thr_suspend(struct uxcall *c, const struct fbsd_timespec *timeout)
{
	struct fbsd_timespec ts;
	struct timespec dl, *dlp = NULL;
	struct thr_slot *self;
	long r;

	if (c->td == NULL)
		return -EINVAL;
	if (timeout != NULL) {
		r = ux_copyin(&ts, timeout, sizeof(ts));
		if (r < 0)
			return r;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
			return -EINVAL;
	}
	self = thr_self_slot(c->td);
	if (self == NULL)
		return -EAGAIN;
	/* A wake-up sent before the call (even by the thread itself) counts. */
	if (__atomic_exchange_n(&self->wake, 0, __ATOMIC_ACQ_REL))
		return 0;
	if (timeout != NULL) {
		if (ts.tv_sec == 0 && ts.tv_nsec == 0)
			return -ETIMEDOUT;
		ux_sys(SYS_clock_gettime, CLOCK_MONOTONIC, &dl);
		dl.tv_sec += ts.tv_sec;
		dl.tv_nsec += ts.tv_nsec;
		if (dl.tv_nsec >= 1000000000L) {
			dl.tv_sec++;
			dl.tv_nsec -= 1000000000L;
		}
		dlp = &dl;
	}
	for (;;) {
		r = futex_private(&self->wake, FUTEX_WAIT_BITSET, 0, dlp);
		if (__atomic_exchange_n(&self->wake, 0, __ATOMIC_ACQ_REL))
			return 0;
		/* kern_thr_suspend(): restarted only when untimed. */
		if (r == -EINTR && timeout != NULL)
			return fbsd_eintr_no_restart(c);
		if (r == -ETIMEDOUT || r == -EINTR)
			return r;
	}
}

long
fbsd_sys_thr_wake(struct uxcall *c, long id)
{
	struct thr_slot *s;
	int tid;

	if (c->td == NULL)
		return -EINVAL;
	if (id == fbsd_td(c->td)->tid) {
		s = thr_self_slot(c->td);
		if (s == NULL)
			return -EAGAIN;
		__atomic_store_n(&s->wake, 1, __ATOMIC_RELEASE);
		return 0;
	}
	tid = fbsd_to_linux_tid(id);
	s = tid != 0 ? thr_find(tid) : NULL;
	if (s == NULL)
		return -ESRCH;
	__atomic_store_n(&s->wake, 1, __ATOMIC_RELEASE);
	futex_private(&s->wake, FUTEX_WAKE, 1, NULL);
	return 0;
}

/* --- thr_set_name ----------------------------------------------------- */

long
fbsd_sys_thr_set_name(struct uxcall *c, long id, const char *name)
{
	char buf[FBSD_MAXCOMLEN + 1], path[64];
	size_t n = 0;
	long r;
	int tid;

	if (c->td == NULL)
		return -EINVAL;
	/* copyinstr() into MAXCOMLEN + 1 bytes; a longer name is cut. */
	if (name != NULL) {
		for (; n < FBSD_MAXCOMLEN; n++) {
			r = ux_copyin(&buf[n], name + n, 1);
			if (r < 0)
				return r;
			if (buf[n] == '\0')
				break;
		}
	}
	buf[n] = '\0';
	if (id == fbsd_td(c->td)->tid)
		return ux_sys(SYS_prctl, PR_SET_NAME, buf);
	tid = fbsd_to_linux_tid(id);
	if (tid == 0 || thr_find(tid) == NULL)
		return -ESRCH;
	/* Linux keeps 15 characters; its comm file cuts the rest. */
	snprintf(path, sizeof(path), "/proc/self/task/%d/comm", tid);
	long fd = ux_sys(SYS_openat, -100 /* AT_FDCWD */, path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return fd == -ENOENT ? -ESRCH : fd;
	r = ux_sys(SYS_write, fd, buf, strlen(buf));
	ux_sys(SYS_close, fd);
	return r < 0 ? r : 0;
}
