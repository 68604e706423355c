/*
 * kqueue(2) and kevent(2) over Linux epoll.
 *
 * Each kqueue is a guest-visible epoll instance (G) whose only member is
 * a hidden one (E) in uxrun's descriptor band.  E holds what the knotes
 * wait on: the guest's own descriptors (EVFILT_READ/WRITE, edge-triggered,
 * one registration per descriptor for both filters), a timerfd that fires
 * at the next EVFILT_TIMER deadline and doubles as the "something is
 * pending" wakeup, a signalfd for blocked signals and one pidfd per
 * EVFILT_PROC knote.  G is readable exactly when E is, so the guest can
 * poll, select or nest the kqueue, dup it and close it; E's number never
 * reaches it.  The knotes themselves (flags, data, udata, the active queue)
 * live here and follow FreeBSD's kern_event.c: registration, then a scan
 * that re-evaluates each queued knote, level-triggered unless EV_CLEAR.
 *
 * uxrun sees neither close() nor dup2() of a kqueue.  A kqueue is found by
 * asking epoll whether the guest's descriptor contains its E (an
 * EPOLL_CTL_MOD of E in it succeeds only then), which also follows dup()s;
 * kqueues no descriptor names any more are freed when the band or the
 * table runs short.  Knotes on a descriptor the guest closed are noticed
 * the same way: epoll keys a registration by (file, number), so a MOD on a
 * reopened number fails with ENOENT.
 *
 * Handlers run in the SIGSYS handler: memory comes from mmap, the locks are
 * futexes, and nothing is held while a thread sleeps in epoll_wait.
 */
#include "config.h"

#include <poll.h>
#include <signal.h>
#include <time.h>
#include <linux/futex.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/timerfd.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_thread.h"
#include "syscalls/freebsd/kqueue_impl.h"
#include "syscalls/dispatch.h"

static struct kq *kqs[KQ_MAX];
struct sigslot kq_sigslots[KQ_MAX];
static int reg_lock;
static long owner_pid;	/* the process the kqueues belong to (0: none yet) */

/* ---- small helpers ------------------------------------------------------ */

static void
lk_lock(int *l)
{
	int c = 0;

	if (__atomic_compare_exchange_n(l, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	if (c != 2)
		c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		ux_sys(SYS_futex, l, FUTEX_WAIT_PRIVATE, 2, NULL);
		c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
	}
}

static void
lk_unlock(int *l)
{
	if (__atomic_exchange_n(l, 0, __ATOMIC_RELEASE) == 2)
		ux_sys(SYS_futex, l, FUTEX_WAKE_PRIVATE, 1);
}

int64_t
kq_clock_ns(int clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);	/* the vDSO: no system call */
	return (int64_t)ts.tv_sec * KQ_NS + ts.tv_nsec;
}

static void *
mem_alloc(size_t len)
{
	long r = ux_sys(SYS_mmap, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return ux_is_err(r) ? NULL : (void *)r;
}

static void
mem_free(void *p, size_t len)
{
	if (p)
		ux_sys(SYS_munmap, p, len);
}

static void kq_gc(void);

/* Moves a new host descriptor into uxrun's band; -EMFILE if it is full. */
long
kq_hide(long fd)
{
	static uint8_t reported;
	int r;

	if (fd < 0)
		return fd;
	r = ux_hostfd_take((int)fd);
	if (ux_fd_is_host(r))
		return r;
	kq_gc();
	r = ux_hostfd_take(r);
	if (ux_fd_is_host(r))
		return r;
	ux_sys(SYS_close, r);
	ux_report_once(&reported, "kqueue: uxrun's private descriptor band is full; "
	    "kqueue, EVFILT_SIGNAL or EVFILT_PROC fail with EMFILE");
	return -EMFILE;
}

/* ---- the timerfd: next deadline, or expired as a wakeup ---------------- */

void
kq_tfd_set(int tfd, int64_t when)
{
	struct itimerspec its;

	memset(&its, 0, sizeof(its));
	if (when == TFD_KICK)
		its.it_value.tv_nsec = 1;	/* long past: readable at once */
	else if (when > 0) {
		its.it_value.tv_sec = when / KQ_NS;
		its.it_value.tv_nsec = when % KQ_NS;
	}
	ux_sys(SYS_timerfd_settime, tfd, TFD_TIMER_ABSTIME, &its, NULL);
}

static void
kq_arm(struct kq *k, int64_t want)
{
	if (want == k->armed)
		return;
	kq_tfd_set(k->tfd, want);
	k->armed = want;
}

/* ---- knote table: array, hash on (ident, filter), queue, lazy list ----- */

static uint32_t
kn_hash(uint64_t ident, int16_t filter, uint32_t cap)
{
	uint64_t h = (ident ^ (uint64_t)(uint16_t)filter << 48) * 0x9e3779b97f4a7c15ull;

	return (uint32_t)(h >> 32) & (cap - 1);
}

int32_t
kq_find(struct kq *k, uint64_t ident, int16_t filter)
{
	if (!k->cap)
		return -1;
	for (int32_t i = k->bucket[kn_hash(ident, filter, k->cap)]; i >= 0; i = KN(k, i)->hnext)
		if (KN(k, i)->kev.ident == ident && KN(k, i)->kev.filter == filter)
			return i;
	return -1;
}

static int
kq_grow(struct kq *k)
{
	uint32_t ncap = k->cap ? k->cap * 2 : 64;
	struct kn *nkn;
	int32_t *nb;
	long r;

	if (!(nb = mem_alloc(ncap * sizeof(int32_t))))
		return -ENOMEM;
	if (k->kn) {
		r = ux_sys(SYS_mremap, k->kn, k->cap * sizeof(struct kn), ncap * sizeof(struct kn),
		    MREMAP_MAYMOVE);
		nkn = ux_is_err(r) ? NULL : (struct kn *)r;
	} else {
		nkn = mem_alloc(ncap * sizeof(struct kn));
	}
	if (!nkn) {
		mem_free(nb, ncap * sizeof(int32_t));
		return -ENOMEM;
	}
	k->kn = nkn;
	for (uint32_t i = 0; i < ncap; i++)
		nb[i] = -1;
	for (uint32_t i = k->cap; i < ncap; i++) {
		memset(KN(k, i), 0, sizeof(struct kn));
		KN(k, i)->hnext = i + 1 < ncap ? (int32_t)i + 1 : k->freelist;
	}
	k->freelist = (int32_t)k->cap;
	for (uint32_t i = 0; i < k->cap; i++) {
		struct kn *kn = KN(k, i);
		if (kn->status & KN_USED) {
			uint32_t h = kn_hash(kn->kev.ident, kn->kev.filter, ncap);
			kn->hnext = nb[h];
			nb[h] = (int32_t)i;
		}
	}
	mem_free(k->bucket, k->cap * sizeof(int32_t));
	k->bucket = nb;
	k->cap = ncap;
	return 0;
}

/* A new knote hashed under (ident, filter); pointers into k->kn may move. */
static int32_t
kn_alloc(struct kq *k, uint64_t ident, int16_t filter)
{
	int32_t i;
	struct kn *kn;
	uint32_t gen, h;

	if (k->freelist < 0 && kq_grow(k) < 0)
		return -1;
	i = k->freelist;
	kn = KN(k, i);
	k->freelist = kn->hnext;
	gen = kn->gen + 1;
	memset(kn, 0, sizeof(*kn));
	kn->gen = gen;
	kn->status = KN_USED;
	kn->kev.ident = ident;
	kn->kev.filter = filter;
	kn->qprev = kn->qnext = kn->lprev = kn->lnext = -1;
	h = kn_hash(ident, filter, k->cap);
	kn->hnext = k->bucket[h];
	k->bucket[h] = i;
	return i;
}

static void
kn_unhash(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);
	int32_t *pp = &k->bucket[kn_hash(kn->kev.ident, kn->kev.filter, k->cap)];

	while (*pp != i)
		pp = &KN(k, *pp)->hnext;
	*pp = kn->hnext;
	kn->status = 0;
	kn->gen++;
	kn->hnext = k->freelist;
	k->freelist = i;
}

static void
kn_enqueue(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);

	kn->qnext = -1;
	kn->qprev = k->qtail;
	if (k->qtail >= 0)
		KN(k, k->qtail)->qnext = i;
	else
		k->qhead = i;
	k->qtail = i;
	kn->status |= KN_QUEUED;
	k->qcount++;
}

void
kq_dequeue(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);

	if (kn->qprev >= 0)
		KN(k, kn->qprev)->qnext = kn->qnext;
	else
		k->qhead = kn->qnext;
	if (kn->qnext >= 0)
		KN(k, kn->qnext)->qprev = kn->qprev;
	else
		k->qtail = kn->qprev;
	kn->qprev = kn->qnext = -1;
	kn->status &= ~KN_QUEUED;
	k->qcount--;
}

void
kq_activate(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);

	kn->status |= KN_ACTIVE;
	if (!(kn->status & (KN_QUEUED | KN_DISABLED)))
		kn_enqueue(k, i);
}

void
kq_lazy_add(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);

	kn->lprev = -1;
	kn->lnext = k->lazy;
	if (k->lazy >= 0)
		KN(k, k->lazy)->lprev = i;
	k->lazy = i;
	kn->status |= KN_LAZY;
}

static void
kn_lazy_del(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);

	if (kn->lprev >= 0)
		KN(k, kn->lprev)->lnext = kn->lnext;
	else
		k->lazy = kn->lnext;
	if (kn->lnext >= 0)
		KN(k, kn->lnext)->lprev = kn->lprev;
	kn->status &= ~KN_LAZY;
}

static void
kn_set_disabled(struct kq *k, struct kn *kn, int off)
{
	if (!!(kn->status & KN_DISABLED) == !!off)
		return;
	if (off)
		kn->status |= KN_DISABLED;
	else
		kn->status &= ~KN_DISABLED;
	if (kn->status & KN_POLLED)
		k->npolled += off ? -1 : 1;
}

/* ---- knote life cycle -------------------------------------------------- */

static void
kn_drop(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);

	if (kn->status & KN_QUEUED)
		kq_dequeue(k, i);
	if (kn->status & KN_LAZY)
		kn_lazy_del(k, i);
	switch (kn->kev.filter) {
	case FBSD_EVFILT_READ:
	case FBSD_EVFILT_WRITE:
		kq_fd_resync(k, (int)kn->kev.ident, i);
		if ((kn->status & (KN_POLLED | KN_DISABLED)) == KN_POLLED)
			k->npolled--;
		break;
	case FBSD_EVFILT_PROC:
		ux_sys(SYS_close, kn->u.pidfd);	/* leaves the epoll set with it */
		break;
	case FBSD_EVFILT_SIGNAL:
		kq_sig_detach(k, kn);
		break;
	default:
		break;
	}
	kn_unhash(k, i);
}

/* The filter's verdict at scan time: 1, 0, or -1 to drop the knote. */
static int
kn_event(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);

	switch (kn->kev.filter) {
	case FBSD_EVFILT_READ:
	case FBSD_EVFILT_WRITE:
		if (kn->status & KN_POLLED)
			return kq_fd_event_polled(kn);
		return kn->seen == k->serial ? kq_fd_event(kn, kn->revents) : 0;
	case FBSD_EVFILT_USER:
		return kn->u.hookid;
	case FBSD_EVFILT_PROC:
		return (kn->status & KN_EXITED) ? 0 : kn->kev.fflags != 0;
	default:		/* TIMER, SIGNAL */
		return kn->kev.data != 0;
	}
}

static const char *
filter_name(int16_t f)
{
	static const char *const names[] = {
		"READ", "WRITE", "AIO", "VNODE", "PROC", "SIGNAL", "TIMER",
		"PROCDESC", "FS", "LIO", "USER", "SENDFILE", "EMPTY",
	};
	return f < 0 && f >= -FBSD_EVFILT_SYSCOUNT ? names[-f - 1] : "?";
}

/* kqueue_register: one change.  Returns 0 or -errno (host errno). */
static long
kq_register(struct kq *k, struct fbsd_kevent *kev)
{
	static uint8_t unsupported[FBSD_EVFILT_SYSCOUNT];
	int16_t filt = kev->filter;
	int32_t i;
	long e;

	if ((kev->flags & (FBSD_EV_ENABLE | FBSD_EV_DISABLE)) == (FBSD_EV_ENABLE | FBSD_EV_DISABLE))
		return -EINVAL;
	if (filt >= 0 || filt < -FBSD_EVFILT_SYSCOUNT)
		return -EINVAL;
	if ((kev->flags & FBSD_EV_ADD) && (kev->flags & FBSD_EV_KEEPUDATA))
		return -EINVAL;

	int isfd = kq_is_fd_filter(filt) || filt == FBSD_EVFILT_VNODE ||
	    filt == FBSD_EVFILT_PROCDESC || filt == FBSD_EVFILT_EMPTY;
	if (isfd) {
		struct stat st;
		if (kev->ident > INT32_MAX || ux_fd_is_host((long)kev->ident))
			return -EBADF;
		if (kq_is_fd_filter(filt) && (kq_find(k, kev->ident, FBSD_EVFILT_READ) >= 0 ||
		    kq_find(k, kev->ident, FBSD_EVFILT_WRITE) >= 0)) {
			e = kq_fd_current(k, (int)kev->ident);
			if (e == -ENOENT) {
				/* Closed since, and the number reused. */
				int32_t r = kq_find(k, kev->ident, FBSD_EVFILT_READ);
				int32_t w = kq_find(k, kev->ident, FBSD_EVFILT_WRITE);
				if (r >= 0)
					kn_drop(k, r);
				if (w >= 0)
					kn_drop(k, w);
			} else if (e < 0) {
				return e;
			}
		} else if ((e = ux_sys(SYS_fstat, (int)kev->ident, &st)) < 0) {
			return e;
		}
	}

	i = kq_find(k, kev->ident, filt);
	if (i < 0) {
		if (!(kev->flags & FBSD_EV_ADD))
			return -ENOENT;
		switch (filt) {
		case FBSD_EVFILT_READ:
		case FBSD_EVFILT_WRITE:
		case FBSD_EVFILT_TIMER:
		case FBSD_EVFILT_USER:
		case FBSD_EVFILT_SIGNAL:
		case FBSD_EVFILT_PROC:
			break;
		case FBSD_EVFILT_AIO:
		case FBSD_EVFILT_LIO:
		case FBSD_EVFILT_SENDFILE:
			return -ENXIO;	/* FreeBSD's null filter: not by kevent() */
		default:
			ux_report_once(&unsupported[-filt - 1], "kqueue: EVFILT_%s is not supported: "
			    "EINVAL", filter_name(filt));
			return -EINVAL;
		}
		if ((i = kn_alloc(k, kev->ident, filt)) < 0)
			return -ENOMEM;
		struct kn *kn = KN(k, i);
		kn->sfflags = kev->fflags;
		kn->sdata = kev->data;
		kev->fflags = 0;
		kev->data = 0;
		kn->kev = *kev;
		kn->kev.flags &= ~(FBSD_EV_ADD | FBSD_EV_DELETE | FBSD_EV_ENABLE | FBSD_EV_DISABLE |
		    FBSD_EV_FORCEONESHOT);
		if (kev->flags & FBSD_EV_DISABLE)
			kn->status |= KN_DISABLED;
		switch (filt) {
		case FBSD_EVFILT_READ:
		case FBSD_EVFILT_WRITE:
			e = kq_fd_attach(k, i);
			break;
		case FBSD_EVFILT_TIMER:
			e = kq_timer_attach(k, i);
			break;
		case FBSD_EVFILT_SIGNAL:
			kq_sig_attach(k, i);
			e = 0;
			break;
		case FBSD_EVFILT_PROC:
			e = kq_proc_attach(k, i);
			break;
		default:	/* USER: NOTE_TRIGGER in the adding change is ignored, as
				 * FreeBSD's filt_userattach sees fflags already cleared */
			e = 0;
			break;
		}
		if (e < 0) {
			kn = KN(k, i);
			if (kn->status & KN_LAZY)
				kn_lazy_del(k, i);
			kn_unhash(k, i);
			return e;
		}
	} else {
		struct kn *kn = KN(k, i);
		if (kev->flags & FBSD_EV_DELETE) {
			kn_drop(k, i);
			return 0;
		}
		if (kev->flags & FBSD_EV_FORCEONESHOT) {
			kn->kev.flags |= FBSD_EV_ONESHOT;
			kq_activate(k, i);
		}
		if (kev->flags & FBSD_EV_ENABLE)
			kn_set_disabled(k, kn, 0);
		else if (kev->flags & FBSD_EV_DISABLE)
			kn_set_disabled(k, kn, 1);
		if (!(kev->flags & FBSD_EV_KEEPUDATA))
			kn->kev.udata = kev->udata;
		if (filt == FBSD_EVFILT_TIMER) {
			kq_timer_touch(k, i, kev);
		} else if (filt == FBSD_EVFILT_USER) {
			kq_user_touch(kn, kev);
		} else {
			kn->sfflags = kev->fflags;
			kn->sdata = kev->data;
		}
	}

	/* done_ev_add: evaluate the filter now, as FreeBSD does.  Descriptor
	 * filters get there through epoll (the ADD or MOD above re-reads the
	 * readiness), files epoll cannot watch at the next scan. */
	struct kn *kn = KN(k, i);
	int ev = 0;
	if (!(kn->status & KN_DISABLED)) {
		switch (filt) {
		case FBSD_EVFILT_READ:
		case FBSD_EVFILT_WRITE:
			ev = (kn->status & KN_POLLED) != 0;
			break;
		case FBSD_EVFILT_TIMER:
			kq_timer_check(k, i, kq_clock_ns(CLOCK_MONOTONIC));
			ev = kn->kev.data != 0;
			break;
		default:
			ev = kn_event(k, i) > 0;
			break;
		}
	}
	if (ev)
		kn->status |= KN_ACTIVE;
	if ((kn->status & (KN_ACTIVE | KN_DISABLED | KN_QUEUED)) == KN_ACTIVE)
		kn_enqueue(k, i);
	return 0;
}

/* ---- scanning ---------------------------------------------------------- */

static void
kq_harvest(struct kq *k, const struct epoll_event *ev, int n)
{
	for (int j = 0; j < n; j++) {
		uint64_t tag = ev[j].data.u64;
		uint32_t id = (uint32_t)tag, gen = (uint32_t)(tag >> 32) & 0xffffff;
		int32_t i;

		switch (tag >> 56) {
		case TAG_FD:
			for (int f = 0; f < 2; f++) {
				int16_t filt = f ? FBSD_EVFILT_WRITE : FBSD_EVFILT_READ;
				uint32_t bits = f ? EPOLLOUT | EPOLLERR | EPOLLHUP :
				    EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR;
				if ((i = kq_find(k, id, filt)) < 0)
					continue;
				struct kn *kn = KN(k, i);
				if ((kn->status & KN_POLLED) || (kn->u.fd.epgen & 0xffffff) != gen ||
				    !(ev[j].events & bits))
					continue;
				kn->revents = ev[j].events;
				kn->seen = k->serial;
				kq_activate(k, i);
			}
			break;
		case TAG_PROC:
			i = (int32_t)id;
			if ((uint32_t)i < k->cap && (KN(k, i)->status & KN_USED) &&
			    (KN(k, i)->gen & 0xffffff) == gen && KN(k, i)->kev.filter == FBSD_EVFILT_PROC)
				kq_proc_exited(k, i);
			break;
		default:	/* the timer and the signalfd: the lazy list covers them */
			break;
		}
	}
}

/* Timers, signals and files epoll cannot watch; returns the next timer
 * deadline (0 for none). */
static int64_t
kq_lazy(struct kq *k)
{
	int64_t now = kq_clock_ns(CLOCK_MONOTONIC), next = 0;
	uint64_t pending = k->nsig ? kq_host_pending() : 0;

	for (int32_t i = k->lazy, nx; i >= 0; i = nx) {
		struct kn *kn = KN(k, i);
		nx = kn->lnext;
		switch (kn->kev.filter) {
		case FBSD_EVFILT_TIMER:
			kq_timer_check(k, i, now);
			if (!(kn->status & KN_DONE) && (next == 0 || kn->u.tm.next < next))
				next = kn->u.tm.next;
			break;
		case FBSD_EVFILT_SIGNAL:
			kq_sig_check(k, i, pending);
			break;
		default:	/* KN_POLLED descriptors */
			if (!(kn->status & KN_DISABLED))
				kq_activate(k, i);
			break;
		}
	}
	return next;
}

static int64_t
kq_next_deadline(struct kq *k)
{
	int64_t next = 0;

	for (int32_t i = k->lazy; i >= 0; i = KN(k, i)->lnext) {
		struct kn *kn = KN(k, i);
		if (kn->kev.filter == FBSD_EVFILT_TIMER && !(kn->status & KN_DONE) &&
		    (next == 0 || kn->u.tm.next < next))
			next = kn->u.tm.next;
	}
	return next;
}

/* Sets the timerfd after a change: pending knotes keep E readable (for
 * other waiters and for guests polling the kqueue), else the next timer. */
static void
kq_rearm(struct kq *k)
{
	kq_arm(k, k->qcount ? TFD_KICK : kq_next_deadline(k));
	/* A signal hook may have kicked the timerfd just before. */
	if (ATOMIC_LOAD(&kq_sigslots[k->slot].changed)) {
		k->armed = TFD_UNKNOWN;
		kq_arm(k, TFD_KICK);
	}
}

/* Where the guest's event list goes on, and how large its entries are:
 * struct fbsd_kevent, or the FreeBSD 11 one that is its first 32 bytes. */
struct evlist {
	uint64_t addr;
	size_t esz;
};

static long
flush_out(struct evlist *out, struct fbsd_kevent *buf, int n)
{
	long e;

	if (out->esz != sizeof(*buf))
		for (int i = 1; i < n; i++)
			memmove((char *)buf + i * out->esz, &buf[i], out->esz);
	e = ux_copyout(out->addr, buf, n * out->esz);
	if (e == 0)
		out->addr += n * out->esz;
	return e;
}

/*
 * kqueue_scan without the sleep: takes in what epoll reported, then walks
 * the queue once, re-running each knote's filter.  Called with k->lock.
 */
static long
kq_scan(struct kq *k, struct evlist *uout, int max, const struct epoll_event *pre, int npre)
{
	struct sigslot *s = &kq_sigslots[k->slot];
	struct fbsd_kevent buf[KQ_CHUNK];
	struct epoll_event evs[64];
	int n = 0, nb = 0, tries = 0;
	long err = 0;
	int64_t next;

again:
	k->serial++;
	if (__atomic_exchange_n(&s->changed, 0, __ATOMIC_ACQ_REL))
		k->armed = TFD_UNKNOWN;
	if (npre > 0) {
		kq_harvest(k, pre, npre);
		npre = 0;
	}
	for (int m = 64; m == 64;) {
		m = (int)ux_sys(SYS_epoll_wait, k->efd, evs, 64, 0);
		if (m <= 0)
			break;
		kq_harvest(k, evs, m);
	}
	next = kq_lazy(k);
	kq_fd_repoll(k);

	for (uint32_t visit = k->qcount; visit > 0 && n < max; visit--) {
		int32_t i = k->qhead;
		struct kn *kn = KN(k, i);
		int ev;

		kq_dequeue(k, i);
		if (kn->status & KN_DISABLED)
			continue;
		if (kn->kev.flags & FBSD_EV_DROP) {
			kn_drop(k, i);
			continue;
		}
		if (kn->kev.flags & FBSD_EV_ONESHOT) {
			/* Reported as last seen; FreeBSD does not ask the filter again. */
			if (kq_is_fd_filter(kn->kev.filter) && !(kn->status & KN_POLLED))
				kq_fd_event(kn, kn->revents);
			else if (kn->status & KN_POLLED)
				kq_fd_event_polled(kn);
			buf[nb++] = kn->kev;
			kn_drop(k, i);
		} else {
			ev = kn_event(k, i);
			if (ev < 0) {
				kn_drop(k, i);
				continue;
			}
			if (ev == 0) {
				kn->status &= ~KN_ACTIVE;
				continue;
			}
			buf[nb] = kn->kev;
			if (kn->kev.filter == FBSD_EVFILT_USER) {
				buf[nb].fflags = kn->sfflags;
				buf[nb].data = kn->sdata;
				if (kn->kev.flags & FBSD_EV_CLEAR)
					kn->u.hookid = 0;
			}
			nb++;
			if (kn->kev.flags & (FBSD_EV_CLEAR | FBSD_EV_DISPATCH)) {
				if (kn->kev.flags & FBSD_EV_CLEAR) {
					kn->kev.data = 0;
					kn->kev.fflags = 0;
				}
				if (kn->kev.flags & FBSD_EV_DISPATCH)
					kn_set_disabled(k, kn, 1);
				kn->status &= ~KN_ACTIVE;
			} else {
				kn_enqueue(k, i);
			}
		}
		n++;
		if (nb == KQ_CHUNK) {
			if ((err = flush_out(uout, buf, nb)) < 0)
				break;
			nb = 0;
		}
	}
	if (nb > 0 && err == 0)
		err = flush_out(uout, buf, nb);

	kq_arm(k, k->qcount ? TFD_KICK : next);
	/* A signal hook may have kicked the timerfd before that rearmed it. */
	if (ATOMIC_LOAD(&s->changed)) {
		if (n == 0 && err == 0 && ++tries < 8)
			goto again;
		k->armed = TFD_UNKNOWN;
		kq_arm(k, TFD_KICK);
	}
	return err < 0 ? err : n;
}

/* ---- kqueue objects ---------------------------------------------------- */

static int
kq_names(struct kq *k, int fd)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = TAG(TAG_INNER, 0, k->slot) };

	return fd >= 0 && !ux_fd_is_host(fd) && ux_sys(SYS_epoll_ctl, fd, EPOLL_CTL_MOD, k->efd, &ev) == 0;
}

/* Closes what a kqueue holds and frees it; nobody else can reach it. */
static void
kq_release(struct kq *k)
{
	struct sigslot *s = &kq_sigslots[k->slot];

	for (int w = 0; w < SIGWORDS; w++)
		ATOMIC_STORE(&s->watch[w], 0);
	ATOMIC_STORE(&s->tfd, -1);
	while (ATOMIC_LOAD(&s->busy))
		ux_sys(SYS_sched_yield);
	for (uint32_t i = 0; i < k->cap; i++)
		if ((KN(k, i)->status & KN_USED) && KN(k, i)->kev.filter == FBSD_EVFILT_PROC)
			ux_sys(SYS_close, KN(k, i)->u.pidfd);
	if (k->sfd >= 0)
		ux_sys(SYS_close, k->sfd);
	if (k->tfd >= 0)
		ux_sys(SYS_close, k->tfd);
	if (k->efd >= 0)
		ux_sys(SYS_close, k->efd);
	mem_free(k->kn, k->cap * sizeof(struct kn));
	mem_free(k->bucket, k->cap * sizeof(int32_t));
	mem_free(k, sizeof(*k));
}

static void
kq_destroy(struct kq *k)
{
	int slot = k->slot;

	kq_release(k);
	lk_lock(&reg_lock);
	kqs[slot] = NULL;
	lk_unlock(&reg_lock);
}

static void
kq_put(struct kq *k)
{
	int last;

	lk_lock(&reg_lock);
	last = --k->refs == 0 && k->dead;
	lk_unlock(&reg_lock);
	if (last)
		kq_destroy(k);
}

/*
 * A forked child shares the parent's epoll sets, but FreeBSD gives it none
 * of its kqueues: whichever call first notices the new process id drops
 * them, unless the fork code already called fbsd_kqueue_fork_child().
 */
static void
kq_check_fork(void)
{
	long pid = __atomic_load_n(&owner_pid, __ATOMIC_RELAXED);

	if (pid != 0 && ux_sys(SYS_getpid) != pid)
		fbsd_kqueue_fork_child();
}

/* The kqueue the guest descriptor names, with a reference; NULL if none. */
static struct kq *
kq_get(int fd)
{
	struct kq *k = NULL;

	kq_check_fork();
	lk_lock(&reg_lock);
	for (int i = 0; i < KQ_MAX; i++)
		if (kqs[i] && !kqs[i]->dead && kqs[i]->home == fd) {
			k = kqs[i];
			k->refs++;
			break;
		}
	lk_unlock(&reg_lock);
	if (k && kq_names(k, fd))
		return k;
	if (k)
		kq_put(k);

	/* A dup()ed descriptor, or the number now names another kqueue. */
	struct kq *found = NULL;
	lk_lock(&reg_lock);
	for (int i = 0; i < KQ_MAX && !found; i++)
		if (kqs[i] && !kqs[i]->dead && kqs[i] != k && kq_names(kqs[i], fd)) {
			found = kqs[i];
			found->home = fd;
			found->refs++;
		}
	lk_unlock(&reg_lock);
	return found;
}

/*
 * Frees kqueues no guest descriptor names any more: closing (or dup2()ing
 * over) a kqueue is invisible to uxrun, so their epoll sets and timers are
 * reclaimed here, when the band or the table runs short.
 */
static void
kq_gc(void)
{
	struct kq *live[KQ_MAX];
	int reached[KQ_MAX], n = 0, left;

	lk_lock(&reg_lock);
	for (int i = 0; i < KQ_MAX; i++)
		if (kqs[i] && !kqs[i]->dead && kqs[i]->home >= 0) {	/* not being built */
			kqs[i]->refs++;
			live[n++] = kqs[i];
		}
	lk_unlock(&reg_lock);
	left = n;
	for (int j = 0; j < n; j++)
		reached[j] = 0;
	for (int base = 0; base < ux_hostfd_lo && left > 0; base += 256) {
		struct pollfd p[256];
		int cnt = ux_hostfd_lo - base < 256 ? ux_hostfd_lo - base : 256;
		for (int j = 0; j < cnt; j++)
			p[j] = (struct pollfd){ .fd = base + j };
		if (ux_sys(SYS_poll, p, cnt, 0) < 0)
			return;	/* keep everything */
		for (int j = 0; j < cnt && left > 0; j++) {
			if (p[j].revents & POLLNVAL)
				continue;
			for (int q = 0; q < n; q++)
				if (!reached[q] && kq_names(live[q], base + j)) {
					reached[q] = 1;
					live[q]->home = base + j;
					left--;
				}
		}
	}
	for (int j = 0; j < n; j++) {
		int last;
		lk_lock(&reg_lock);
		if (!reached[j])
			live[j]->dead = 1;
		last = --live[j]->refs == 0 && live[j]->dead;
		lk_unlock(&reg_lock);
		if (last)
			kq_destroy(live[j]);
	}
}

static int
slot_claim(struct kq *k)
{
	for (int pass = 0; pass < 2; pass++) {
		lk_lock(&reg_lock);
		for (int i = 0; i < KQ_MAX; i++)
			if (!kqs[i]) {
				kqs[i] = k;
				k->slot = i;
				lk_unlock(&reg_lock);
				return i;
			}
		lk_unlock(&reg_lock);
		if (pass == 0)
			kq_gc();
	}
	return -1;
}

long
fbsd_sys_kqueue(struct uxcall *c)
{
	struct kq *k = mem_alloc(sizeof(*k));
	struct sigslot *s;
	long r, g;

	(void)c;
	kq_check_fork();
	if (!k)
		return -ENOMEM;
	memset(k, 0, sizeof(*k));
	k->efd = k->tfd = k->sfd = k->home = -1;
	k->freelist = k->qhead = k->qtail = k->lazy = -1;
	if (slot_claim(k) < 0) {
		mem_free(k, sizeof(*k));
		return -ENOMEM;	/* FreeBSD's answer past RLIMIT_KQUEUES */
	}
	k->refs = 1;
	s = &kq_sigslots[k->slot];
	memset(s, 0, sizeof(*s));
	s->tfd = -1;

	r = kq_hide(ux_sys(SYS_epoll_create1, EPOLL_CLOEXEC));
	if (r < 0)
		goto fail;
	k->efd = (int)r;
	r = kq_hide(ux_sys(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC));
	if (r < 0)
		goto fail;
	k->tfd = (int)r;
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = TAG(TAG_TIMER, 0, 0) };
	if ((r = ux_sys(SYS_epoll_ctl, k->efd, EPOLL_CTL_ADD, k->tfd, &ev)) < 0)
		goto fail;
	ATOMIC_STORE(&s->tfd, k->tfd);

	/* The guest's descriptor: the lowest free number, as kqueue() gives. */
	g = ux_sys(SYS_epoll_create1, 0);
	if (g < 0) {
		r = g;
		goto fail;
	}
	if (ux_fd_is_host(g)) {
		ux_sys(SYS_close, g);
		r = -EMFILE;
		goto fail;
	}
	ev = (struct epoll_event){ .events = EPOLLIN, .data.u64 = TAG(TAG_INNER, 0, k->slot) };
	if ((r = ux_sys(SYS_epoll_ctl, g, EPOLL_CTL_ADD, k->efd, &ev)) < 0) {
		ux_sys(SYS_close, g);
		goto fail;
	}
	k->home = (int)g;
	__atomic_store_n(&owner_pid, ux_sys(SYS_getpid), __ATOMIC_RELAXED);
	kq_put(k);
	return g;
fail:
	lk_lock(&reg_lock);
	k->dead = 1;
	lk_unlock(&reg_lock);
	kq_put(k);
	return r;
}

/* Signals that must never be blocked on the host: the trap's and the
 * synchronous faults (a blocked fault kills the process). */
#define HOST_UNBLOCKABLE ((1ULL << (SIGSYS - 1)) | (1ULL << (SIGSEGV - 1)) | \
	(1ULL << (SIGBUS - 1)) | (1ULL << (SIGILL - 1)) | (1ULL << (SIGFPE - 1)) | \
	(1ULL << (SIGTRAP - 1)) | (1ULL << (SIGKILL - 1)) | (1ULL << (SIGSTOP - 1)))

/*
 * Sleeps on E.  A guest signal that arrives while uxrun's code runs is only
 * queued (npending) and delivered when the call returns, so one that comes
 * between the scan and the sleep must not be slept through: signals are
 * held from here, the queue checked, and epoll_pwait2 lets them in again
 * atomically, as FreeBSD's msleep(PCATCH) checks before it sleeps.
 */
static int
kq_sleep(struct kq *k, struct epoll_event *evs, int64_t left, volatile unsigned *npending)
{
	static int no_pwait2;
	uint64_t hold = ~HOST_UNBLOCKABLE, old = 0;
	int nev;

	if (ux_sys(SYS_rt_sigprocmask, SIG_BLOCK, &hold, &old, sizeof(old)) < 0)
		old = 0, hold = 0;
	if (npending && *npending) {
		nev = -EINTR;
	} else {
		nev = -ENOSYS;
		if (!ATOMIC_LOAD(&no_pwait2)) {
			struct timespec lt = { .tv_sec = left / KQ_NS, .tv_nsec = left % KQ_NS };
			nev = (int)ux_sys(SYS_epoll_pwait2, k->efd, evs, 64, left < 0 ? NULL : &lt,
			    hold ? &old : NULL, sizeof(old));
			if (nev == -ENOSYS)
				ATOMIC_STORE(&no_pwait2, 1);
		}
		if (nev == -ENOSYS)	/* before Linux 5.11: millisecond timeouts */
			nev = (int)ux_sys(SYS_epoll_pwait, k->efd, evs, 64,
			    left < 0 ? -1 : (int)((left + 999999) / 1000000), hold ? &old : NULL,
			    sizeof(old));
	}
	if (hold)
		ux_sys(SYS_rt_sigprocmask, SIG_SETMASK, &old, NULL, sizeof(old));
	return nev;
}

/* kqueue_scan's sleep: scan, and if nothing is ready wait on E. */
static long
kq_wait(struct kq *k, struct evlist *uout, int max, const struct fbsd_timespec *ts,
    volatile unsigned *npending)
{
	struct epoll_event evs[64];
	int64_t deadline = -1;	/* none */
	int nev = 0;
	long r;

	if (max == 0)
		return 0;
	if (max < 0)
		return -EINVAL;
	if (ts) {
		if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= KQ_NS)
			return -EINVAL;
		if (ts->tv_sec == 0 && ts->tv_nsec == 0)
			deadline = 0;
		else if (ts->tv_sec <= INT32_MAX)	/* longer sleeps are forever */
			deadline = kq_clock_ns(CLOCK_MONOTONIC) + ts->tv_sec * KQ_NS + ts->tv_nsec;
	}
	for (;;) {
		lk_lock(&k->lock);
		r = kq_scan(k, uout, max, evs, nev);
		lk_unlock(&k->lock);
		if (r != 0 || deadline == 0)
			return r;

		int64_t left = -1;
		if (deadline > 0 && (left = deadline - kq_clock_ns(CLOCK_MONOTONIC)) <= 0)
			return 0;
		if (ATOMIC_LOAD(&k->npolled) && (left < 0 || left > POLLED_WAIT_NS))
			left = POLLED_WAIT_NS;
		nev = kq_sleep(k, evs, left, npending);
		if (nev == -EINTR)
			return -EINTR;	/* FreeBSD does not restart kevent */
		if (nev < 0)
			return nev;
	}
}

/* kqueue_kevent: the changes, then (unless some failed) the scan. */
static long
kevent_common(struct uxcall *c, int fd, uint64_t changelist, int nchanges, uint64_t eventlist,
    int nevents, const struct fbsd_timespec *timeout, size_t esz)
{
	struct evlist out = { eventlist, esz };
	struct fbsd_timespec ts;
	struct fbsd_kevent kev;
	struct kq *k;
	int nerrors = 0;
	long r = 0;

	if (timeout && (r = ux_copyin(&ts, timeout, sizeof(ts))) < 0)
		return r;
	if (!(k = kq_get(fd)))
		return -EBADF;
	if (nchanges < 0) {
		r = -EINVAL;
		goto out;
	}
	for (int i = 0; i < nchanges; i++) {
		memset(&kev, 0, sizeof(kev));
		if ((r = ux_copyin(&kev, changelist + i * esz, esz)) < 0)
			goto out;
		if (kev.filter == 0)
			continue;
		kev.flags &= ~FBSD_EV_SYSFLAGS;
		lk_lock(&k->lock);
		r = kq_register(k, &kev);
		kq_rearm(k);
		lk_unlock(&k->lock);
		if (r == 0 && !(kev.flags & FBSD_EV_RECEIPT))
			continue;
		/* Errors (and receipts) go into the event list while it has
		 * room; without any, the call fails with the first. */
		if (nevents == 0)
			goto out;
		kev.flags = FBSD_EV_ERROR;
		kev.data = r < 0 ? ux_errno_to_guest(&fbsd_personality, r) : 0;
		if (ux_copyout(out.addr, &kev, esz) == 0)
			out.addr += esz;
		nevents--;
		nerrors++;
	}
	if (nerrors) {
		r = nerrors;
		goto out;
	}
	r = kq_wait(k, &out, nevents, timeout ? &ts : NULL, c->td ? &fbsd_td(c->td)->npending : NULL);
out:
	kq_put(k);
	return r;
}

long
fbsd_sys_kevent(struct uxcall *c, int fd, const void *changelist, int nchanges,
    void *eventlist, int nevents, const struct fbsd_timespec *timeout)
{
	return kevent_common(c, fd, (uintptr_t)changelist, nchanges, (uintptr_t)eventlist, nevents,
	    timeout, sizeof(struct fbsd_kevent));
}

long
fbsd_sys_freebsd11_kevent(struct uxcall *c, int fd, const void *changelist, int nchanges,
    void *eventlist, int nevents, const struct fbsd_timespec *timeout)
{
	return kevent_common(c, fd, (uintptr_t)changelist, nchanges, (uintptr_t)eventlist, nevents,
	    timeout, sizeof(struct fbsd_kevent11));
}

void
fbsd_kqueue_fork_child(void)
{
	owner_pid = 0;
	reg_lock = 0;
	for (int i = 0; i < KQ_MAX; i++) {
		struct kq *k = kqs[i];
		if (!k)
			continue;
		k->lock = 0;
		if (!k->dead && kq_names(k, k->home))
			ux_sys(SYS_close, k->home);
		kq_sigslots[i].busy = 0;
		kq_release(k);
		kqs[i] = NULL;
	}
}
