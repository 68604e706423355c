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

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <linux/futex.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/wait.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_event.h"
#include "syscalls/freebsd/fbsd_thread.h"
#include "syscalls/dispatch.h"

#define NS		1000000000LL
#define KQ_MAX		64		/* live kqueues; the band runs out first */
#define KQ_CHUNK	64		/* events copied out at a time */
#define POLLED_WAIT_NS	(50 * 1000000LL)	/* rescan period for files epoll cannot watch */

/* knote status */
#define KN_USED		0x01
#define KN_ACTIVE	0x02
#define KN_QUEUED	0x04
#define KN_DISABLED	0x08
#define KN_POLLED	0x10	/* descriptor epoll refuses (regular file ...): rescanned */
#define KN_LAZY		0x20	/* on the lazy list: looked at by every scan */
#define KN_DONE		0x40	/* one-shot or absolute timer that fired */
#define KN_EXITED	0x80	/* EVFILT_PROC: the process is gone */

struct kn {
	struct fbsd_kevent kev;	/* as reported: flags, fflags, data from the filter */
	uint32_t sfflags;	/* fflags and data as registered */
	int64_t sdata;
	uint32_t status;
	uint32_t gen;		/* bumped on reuse; tags this knote's epoll events */
	int32_t hnext;		/* hash chain */
	int32_t qprev, qnext;	/* active queue */
	int32_t lprev, lnext;	/* lazy list */
	uint32_t seen;		/* scan that produced revents */
	uint32_t revents;	/* EPOLL* readiness of the descriptor */
	union {
		struct {
			uint32_t epgen;	/* registration tag, shared by READ and WRITE */
			uint32_t type;	/* S_IFMT */
			uint64_t dev, ino;	/* the file it watches */
		} fd;
		struct {
			int64_t next;	/* CLOCK_MONOTONIC ns */
			int64_t period;	/* 0: fires once */
		} tm;
		int pidfd;
		int hookid;		/* EVFILT_USER: triggered */
	} u;
};

struct kq {
	int lock;
	int slot;
	int refs;		/* under reg_lock */
	int dead;		/* under reg_lock: no descriptor names it */
	int home;		/* the guest descriptor it was last found through */
	int efd, tfd, sfd;	/* hidden: epoll set, timer/wakeup, signals (-1) */
	int64_t armed;		/* what tfd is set to */
	uint64_t sfd_mask;	/* Linux signals in sfd */
	uint32_t serial;	/* scans so far */
	uint32_t epgen;
	uint32_t npolled;	/* enabled KN_POLLED knotes, read without the lock */
	uint32_t nsig;
	struct kn *kn;		/* cap entries, mmap'd */
	int32_t *bucket;	/* cap heads */
	uint32_t cap;
	int32_t freelist;
	int32_t qhead, qtail;
	uint32_t qcount;
	int32_t lazy;
};

#define TFD_UNKNOWN	(-1)	/* after a signal hook may have kicked it */
#define TFD_OFF		0
#define TFD_KICK	1	/* expired: E stays readable */

/* epoll data: kind, 24-bit generation, 32-bit id */
enum { TAG_INNER = 1, TAG_FD, TAG_TIMER, TAG_SIG, TAG_PROC };
#define TAG(kind, gen, id) \
	((uint64_t)(kind) << 56 | (uint64_t)((gen) & 0xffffff) << 32 | (uint32_t)(id))

/*
 * What the signal hook may touch: kept outside struct kq so a kqueue being
 * freed never leaves the hook with a dangling pointer.  busy counts hooks
 * between reading tfd and kicking it, so the descriptor is not closed (and
 * its number reused) under them.
 */
#define SIGWORDS ((FBSD_NSIG + 31) / 32)
struct sigslot {
	uint32_t watch[SIGWORDS];	/* signals with a knote */
	uint32_t seen[SIGWORDS];	/* counted while pending (blocked) */
	uint32_t count[FBSD_NSIG + 1];
	int changed;
	int tfd;
	int busy;
};

static struct kq *kqs[KQ_MAX];
static struct sigslot sigslots[KQ_MAX];
static int reg_lock;

#define ATOMIC_LOAD(p)		__atomic_load_n((p), __ATOMIC_ACQUIRE)
#define ATOMIC_STORE(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE)

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

static int64_t
clock_ns(int clk)
{
	struct timespec ts;

	ux_sys(SYS_clock_gettime, clk, &ts);
	return (int64_t)ts.tv_sec * NS + ts.tv_nsec;
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
static long
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

static void
tfd_set(int tfd, int64_t when)
{
	struct itimerspec its;

	memset(&its, 0, sizeof(its));
	if (when == TFD_KICK)
		its.it_value.tv_nsec = 1;	/* long past: readable at once */
	else if (when > 0) {
		its.it_value.tv_sec = when / NS;
		its.it_value.tv_nsec = when % NS;
	}
	ux_sys(SYS_timerfd_settime, tfd, TFD_TIMER_ABSTIME, &its, NULL);
}

static void
kq_arm(struct kq *k, int64_t want)
{
	if (want == k->armed)
		return;
	tfd_set(k->tfd, want);
	k->armed = want;
}

/* ---- knote table: array, hash on (ident, filter), queue, lazy list ----- */

#define KN(k, i) (&(k)->kn[(i)])

static uint32_t
kn_hash(uint64_t ident, int16_t filter, uint32_t cap)
{
	uint64_t h = (ident ^ (uint64_t)(uint16_t)filter << 48) * 0x9e3779b97f4a7c15ull;

	return (uint32_t)(h >> 32) & (cap - 1);
}

static int32_t
kn_find(struct kq *k, uint64_t ident, int16_t filter)
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

	if (k->kn) {
		r = ux_sys(SYS_mremap, k->kn, k->cap * sizeof(struct kn), ncap * sizeof(struct kn),
		    MREMAP_MAYMOVE);
		if (ux_is_err(r))
			return -ENOMEM;
		nkn = (struct kn *)r;
	} else if (!(nkn = mem_alloc(ncap * sizeof(struct kn)))) {
		return -ENOMEM;
	}
	k->kn = nkn;
	if (!(nb = mem_alloc(ncap * sizeof(int32_t))))
		return -ENOMEM;	/* the larger array is kept; the old hash still works */
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

static void
kn_dequeue(struct kq *k, int32_t i)
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

static void
kn_activate(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);

	kn->status |= KN_ACTIVE;
	if (!(kn->status & (KN_QUEUED | KN_DISABLED)))
		kn_enqueue(k, i);
}

static void
kn_lazy_add(struct kq *k, int32_t i)
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

/* ---- EVFILT_READ / EVFILT_WRITE ---------------------------------------- */

static int
is_fd_filter(int16_t f)
{
	return f == FBSD_EVFILT_READ || f == FBSD_EVFILT_WRITE;
}

static uint32_t
fd_interest(const struct kn *kn)
{
	return kn->kev.filter == FBSD_EVFILT_READ ? EPOLLIN | EPOLLRDHUP : EPOLLOUT;
}

static int16_t
fd_other(int16_t f)
{
	return f == FBSD_EVFILT_READ ? FBSD_EVFILT_WRITE : FBSD_EVFILT_READ;
}

static long
fd_ctl(struct kq *k, int op, int fd, uint32_t mask, uint32_t gen)
{
	struct epoll_event ev = { .events = mask | EPOLLET, .data.u64 = TAG(TAG_FD, gen, fd) };

	return ux_sys(SYS_epoll_ctl, k->efd, op, fd, &ev);
}

/* Points the descriptor's epoll registration at what its knotes want now:
 * a knote going away (gone) leaves its sibling's interest alone. */
static void
fd_resync(struct kq *k, int fd, int32_t gone)
{
	int32_t r = kn_find(k, (uint64_t)fd, FBSD_EVFILT_READ);
	int32_t w = kn_find(k, (uint64_t)fd, FBSD_EVFILT_WRITE);
	uint32_t mask = 0, gen = 0;

	if (r == gone)
		r = -1;
	if (w == gone)
		w = -1;
	if (r >= 0 && !(KN(k, r)->status & KN_POLLED)) {
		mask |= fd_interest(KN(k, r));
		gen = KN(k, r)->u.fd.epgen;
	}
	if (w >= 0 && !(KN(k, w)->status & KN_POLLED)) {
		mask |= fd_interest(KN(k, w));
		gen = KN(k, w)->u.fd.epgen;
	}
	if (mask)
		fd_ctl(k, EPOLL_CTL_MOD, fd, mask, gen);
	else if (gone >= 0 && !(KN(k, gone)->status & KN_POLLED))
		ux_sys(SYS_epoll_ctl, k->efd, EPOLL_CTL_DEL, fd, NULL);
}

/*
 * Whether the knotes on a descriptor still belong to the file it names
 * now.  FreeBSD deletes them when the descriptor is closed; here they
 * linger until this finds them stale.  The MOD also makes epoll look at
 * the descriptor again, which is what a registration should do anyway.
 */
static long
fd_current(struct kq *k, int fd)
{
	int32_t r = kn_find(k, (uint64_t)fd, FBSD_EVFILT_READ);
	int32_t w = kn_find(k, (uint64_t)fd, FBSD_EVFILT_WRITE);
	struct kn *any = r >= 0 ? KN(k, r) : w >= 0 ? KN(k, w) : NULL;
	struct stat st;
	long e;

	if (!any)
		return 0;
	if (any->status & KN_POLLED) {
		if ((e = ux_sys(SYS_fstat, fd, &st)) < 0)
			return e;
		return st.st_dev == any->u.fd.dev && st.st_ino == any->u.fd.ino ? 0 : -ENOENT;
	}
	uint32_t mask = (r >= 0 ? fd_interest(KN(k, r)) : 0) | (w >= 0 ? fd_interest(KN(k, w)) : 0);
	return fd_ctl(k, EPOLL_CTL_MOD, fd, mask, any->u.fd.epgen);
}

static long
fd_attach(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);
	int fd = (int)kn->kev.ident;
	int32_t s = kn_find(k, kn->kev.ident, fd_other(kn->kev.filter));
	struct stat st;
	long e;

	if ((e = ux_sys(SYS_fstat, fd, &st)) < 0)
		return e;
	kn->u.fd.type = st.st_mode & S_IFMT;
	kn->u.fd.dev = st.st_dev;
	kn->u.fd.ino = st.st_ino;
	if (s >= 0 && !(KN(k, s)->status & KN_POLLED)) {
		kn->u.fd.epgen = KN(k, s)->u.fd.epgen;
		e = fd_ctl(k, EPOLL_CTL_MOD, fd, fd_interest(kn) | fd_interest(KN(k, s)), kn->u.fd.epgen);
	} else {
		kn->u.fd.epgen = ++k->epgen;
		e = fd_ctl(k, EPOLL_CTL_ADD, fd, fd_interest(kn), kn->u.fd.epgen);
		if (e == -EEXIST)	/* left behind by a knote dropped as stale */
			e = fd_ctl(k, EPOLL_CTL_MOD, fd, fd_interest(kn), kn->u.fd.epgen);
	}
	if (e == -EPERM) {
		/* Regular files and directories (and devices without poll):
		 * FreeBSD reports them from the file's size and offset. */
		kn->status |= KN_POLLED;
		kn_lazy_add(k, i);
		if (!(kn->status & KN_DISABLED))
			k->npolled++;
		return 0;
	}
	if (e == -ELOOP)	/* the kqueue itself, or one watching it */
		return -EINVAL;
	return e;
}

static int64_t
fd_nread(const struct kn *kn)
{
	int fd = (int)kn->kev.ident, n = 0;

	if (ux_sys(SYS_ioctl, fd, FIONREAD, &n) == 0)
		return n;
	if (kn->u.fd.type == S_IFSOCK) {
		/* A listening socket: FreeBSD reports the completed connections. */
		struct tcp_info ti;
		socklen_t len = sizeof(ti);
		if (ux_sys(SYS_getsockopt, fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0 &&
		    ti.tcpi_state == TCP_LISTEN && ti.tcpi_unacked > 0)
			return ti.tcpi_unacked;
	}
	return 1;	/* readable, amount unknown (a kqueue, a listening Unix socket) */
}

static int64_t
fd_nwrite(const struct kn *kn)
{
	int fd = (int)kn->kev.ident, queued = 0, size = 0;
	socklen_t len = sizeof(size);
	long r;

	switch (kn->u.fd.type) {
	case S_IFIFO:
		r = ux_sys(SYS_fcntl, fd, F_GETPIPE_SZ);
		if (r <= 0 || ux_sys(SYS_ioctl, fd, FIONREAD, &queued) < 0)
			return 1;
		return r > queued ? r - queued : 1;
	case S_IFSOCK:
		if (ux_sys(SYS_getsockopt, fd, SOL_SOCKET, SO_SNDBUF, &size, &len) < 0 ||
		    ux_sys(SYS_ioctl, fd, TIOCOUTQ, &queued) < 0)
			return 1;
		return size > queued ? size - queued : 1;
	default:
		return 1;
	}
}

/*
 * The filter function: 1 with data/flags/fflags set when the condition
 * holds, 0 when not, -1 when the descriptor is gone (drop the knote).
 * XXX fflags on EV_EOF would be the socket error, but Linux only gives it
 * out by clearing it (SO_ERROR), which the guest's own getsockopt needs.
 */
static int
fd_event_from(struct kn *kn, uint32_t ev)
{
	int rd = kn->kev.filter == FBSD_EVFILT_READ;

	if (ev & POLLNVAL)
		return -1;
	if (rd) {
		if (!(ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
			return 0;
		kn->kev.data = fd_nread(kn);
		if (ev & (EPOLLRDHUP | EPOLLHUP)) {
			kn->kev.flags |= FBSD_EV_EOF;
			kn->kev.fflags = 0;
			return 1;
		}
		kn->kev.flags &= ~FBSD_EV_EOF;
		if (ev & EPOLLERR)
			return 1;
		if (kn->sfflags & FBSD_NOTE_LOWAT)
			return kn->kev.data >= kn->sdata;
		/* An edge for bytes the guest has read since. */
		return kn->u.fd.type != S_IFIFO || kn->kev.data > 0;
	}
	if (!(ev & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
		return 0;
	/* A pipe without readers says EPOLLERR; a socket shut both ways HUP. */
	if ((ev & EPOLLHUP) || ((ev & EPOLLERR) && kn->u.fd.type == S_IFIFO)) {
		kn->kev.data = 0;
		kn->kev.flags |= FBSD_EV_EOF;
		kn->kev.fflags = 0;
		return 1;
	}
	kn->kev.flags &= ~FBSD_EV_EOF;
	kn->kev.data = fd_nwrite(kn);
	if (ev & EPOLLERR)
		return 1;
	if (kn->sfflags & FBSD_NOTE_LOWAT)
		return kn->kev.data >= kn->sdata;
	return 1;
}

/* A descriptor epoll refused.  Files and directories as FreeBSD's vnode
 * filters see them; anything else by asking poll().
 * XXX a file growing does not wake a sleeping kevent; it is rescanned
 * every POLLED_WAIT_NS instead. */
static int
fd_event_polled(struct kn *kn)
{
	int fd = (int)kn->kev.ident;
	struct stat st;

	if (ux_sys(SYS_fstat, fd, &st) < 0 || st.st_dev != kn->u.fd.dev || st.st_ino != kn->u.fd.ino)
		return -1;
	if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) {
		if (kn->kev.filter == FBSD_EVFILT_WRITE) {
			kn->kev.data = 0;
			return 1;
		}
		long off = ux_sys(SYS_lseek, fd, 0, SEEK_CUR);
		kn->kev.data = st.st_size - (off < 0 ? 0 : off);
		return (kn->sfflags & FBSD_NOTE_FILE_POLL) || kn->kev.data != 0;
	}
	struct pollfd p = { .fd = fd, .events = (short)fd_interest(kn) };
	if (ux_sys(SYS_poll, &p, 1, 0) < 0)
		return 0;
	return fd_event_from(kn, (uint16_t)p.revents);
}

static void
fd_repoll_batch(struct kq *k, struct pollfd *p, const int32_t *idx, int n)
{
	struct stat st;

	if (ux_sys(SYS_poll, p, n, 0) < 0)
		return;
	for (int j = 0; j < n; j++) {
		struct kn *kn = KN(k, idx[j]);
		kn->revents = (uint16_t)p[j].revents;
		kn->seen = k->serial;
		/* Closed and the number reused: FreeBSD dropped it at close. */
		if (!(kn->revents & POLLNVAL) && (ux_sys(SYS_fstat, p[j].fd, &st) < 0 ||
		    st.st_dev != kn->u.fd.dev || st.st_ino != kn->u.fd.ino))
			kn->revents = POLLNVAL;
	}
}

/* Fresh readiness for queued descriptor knotes that epoll did not just
 * report: a level-triggered knote stays queued until its condition goes
 * away, as FreeBSD's scan re-runs the filter. */
static void
fd_repoll(struct kq *k)
{
	struct pollfd p[64];
	int32_t idx[64];
	int n = 0;

	for (int32_t i = k->qhead; i >= 0; i = KN(k, i)->qnext) {
		struct kn *kn = KN(k, i);
		if (!is_fd_filter(kn->kev.filter) || (kn->status & (KN_POLLED | KN_DISABLED)) ||
		    kn->seen == k->serial || (kn->kev.flags & FBSD_EV_ONESHOT))
			continue;
		p[n] = (struct pollfd){ .fd = (int)kn->kev.ident, .events = (short)fd_interest(kn) };
		idx[n++] = i;
		if (n == 64) {
			fd_repoll_batch(k, p, idx, n);
			n = 0;
		}
	}
	if (n > 0)
		fd_repoll_batch(k, p, idx, n);
}

/* ---- EVFILT_TIMER ------------------------------------------------------ */

#define NOTE_TIMER_PRECMASK (FBSD_NOTE_SECONDS | FBSD_NOTE_MSECONDS | FBSD_NOTE_USECONDS | \
	FBSD_NOTE_NSECONDS)

/* filt_timervalidate: the period (or absolute time) in ns. */
static long
timer_validate(struct kn *kn, int64_t *to)
{
	int64_t unit;

	if (kn->sdata < 0)
		return -EINVAL;
	if (kn->sdata == 0 && !(kn->kev.flags & FBSD_EV_ONESHOT))
		kn->sdata = 1;
	if (kn->sfflags & ~(uint32_t)(NOTE_TIMER_PRECMASK | FBSD_NOTE_ABSTIME))
		return -EINVAL;
	switch (kn->sfflags & NOTE_TIMER_PRECMASK) {
	case FBSD_NOTE_SECONDS:
		unit = NS;
		break;
	case 0:
	case FBSD_NOTE_MSECONDS:
		unit = 1000000;
		break;
	case FBSD_NOTE_USECONDS:
		unit = 1000;
		break;
	case FBSD_NOTE_NSECONDS:
		unit = 1;
		break;
	default:
		return -EINVAL;
	}
	/* FreeBSD saturates at its sbintime_t limit; this is as far away. */
	*to = kn->sdata > (INT64_MAX / 4) / unit ? INT64_MAX / 4 : kn->sdata * unit;
	return 0;
}

static void
timer_start(struct kn *kn, int64_t to)
{
	int64_t now = clock_ns(CLOCK_MONOTONIC);

	kn->status &= ~KN_DONE;
	if (kn->sfflags & FBSD_NOTE_ABSTIME) {
		/* A wall-clock deadline, held as a monotonic one from here on,
		 * as FreeBSD converts it once against the boot time. */
		int64_t left = to - clock_ns(CLOCK_REALTIME);
		kn->u.tm.next = now + (left > 0 ? left : 0);
		kn->u.tm.period = 0;
	} else {
		kn->u.tm.next = now + to;
		kn->u.tm.period = (kn->kev.flags & FBSD_EV_ONESHOT) ? 0 : to;
	}
}

static long
timer_attach(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);
	int64_t to;
	long e;

	if ((e = timer_validate(kn, &to)) < 0)
		return e;
	if (!(kn->sfflags & FBSD_NOTE_ABSTIME))
		kn->kev.flags |= FBSD_EV_CLEAR;
	timer_start(kn, to);
	kn_lazy_add(k, i);
	return 0;
}

/* filt_timertouch, EVENT_REGISTER: a re-add starts over. */
static void
timer_touch(struct kq *k, int32_t i, const struct fbsd_kevent *kev)
{
	struct kn *kn = KN(k, i);
	int64_t to;
	long e;

	if (!(kev->flags & FBSD_EV_ADD))
		return;
	if (kn->status & KN_QUEUED)
		kn_dequeue(k, i);
	kn->status &= ~KN_ACTIVE;
	kn->kev.data = 0;
	kn->sfflags = kev->fflags;
	kn->sdata = kev->data;
	if ((e = timer_validate(kn, &to)) < 0) {
		kn->kev.flags |= FBSD_EV_ERROR;
		kn->kev.data = ux_errno_to_guest(&fbsd_personality, e);
		kn->status |= KN_DONE;
	} else {
		timer_start(kn, to);
	}
}

/* Expirations up to now, as FreeBSD's callout would have counted them. */
static void
timer_check(struct kq *k, int32_t i, int64_t now)
{
	struct kn *kn = KN(k, i);

	if ((kn->status & KN_DONE) || now < kn->u.tm.next)
		return;
	if (kn->u.tm.period == 0) {
		kn->kev.data++;
		kn->status |= KN_DONE;
	} else {
		int64_t n = (now - kn->u.tm.next) / kn->u.tm.period + 1;
		kn->kev.data += n;
		kn->u.tm.next += n * kn->u.tm.period;
	}
	kn_activate(k, i);
}

/* ---- EVFILT_USER ------------------------------------------------------- */

/* filt_usertouch, EVENT_REGISTER.  kev->fflags is masked as FreeBSD does,
 * which shows in an EV_RECEIPT reply. */
static void
user_touch(struct kn *kn, struct fbsd_kevent *kev)
{
	uint32_t ctrl = kev->fflags & FBSD_NOTE_FFCTRLMASK;

	if (kev->fflags & FBSD_NOTE_TRIGGER)
		kn->u.hookid = 1;
	kev->fflags &= FBSD_NOTE_FFLAGSMASK;
	switch (ctrl) {
	case FBSD_NOTE_FFAND:
		kn->sfflags &= kev->fflags;
		break;
	case FBSD_NOTE_FFOR:
		kn->sfflags |= kev->fflags;
		break;
	case FBSD_NOTE_FFCOPY:
		kn->sfflags = kev->fflags;
		break;
	default:
		break;
	}
	kn->sdata = kev->data;
	if (kev->flags & FBSD_EV_CLEAR) {
		kn->u.hookid = 0;
		kn->kev.data = 0;
		kn->kev.fflags = 0;
	}
}

/* ---- EVFILT_SIGNAL ----------------------------------------------------- */

static uint64_t
host_pending(void)
{
	uint64_t set = 0;

	ux_sys(SYS_rt_sigpending, &set, sizeof(set));
	return set;
}

static int
sig_linux(uint64_t fsig)
{
	int l = fsig >= 1 && fsig <= FBSD_NSIG ? fbsd_to_linux_signo((int)fsig) : -1;

	return l >= 1 && l <= 64 ? l : 0;
}

/* Keeps the signalfd's mask equal to the watched signals Linux has.  The
 * signalfd is only a wakeup for signals the guest blocks (they stay
 * pending and no handler runs); it is never read. */
static void
sig_sync_fd(struct kq *k)
{
	struct sigslot *s = &sigslots[k->slot];
	uint64_t mask = 0;
	long r;

	for (int sig = 1; sig <= FBSD_NSIG; sig++) {
		int l;
		if ((ATOMIC_LOAD(&s->watch[(sig - 1) / 32]) >> ((sig - 1) % 32) & 1) && (l = sig_linux(sig)))
			mask |= 1ULL << (l - 1);
	}
	if (mask == k->sfd_mask)
		return;
	if (k->sfd < 0) {
		r = kq_hide(ux_sys(SYS_signalfd4, -1, &mask, sizeof(mask), SFD_NONBLOCK | SFD_CLOEXEC));
		if (r < 0)
			return;	/* XXX blocked signals then go uncounted */
		struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.u64 = TAG(TAG_SIG, 0, 0) };
		ux_sys(SYS_epoll_ctl, k->efd, EPOLL_CTL_ADD, r, &ev);
		k->sfd = (int)r;
	} else {
		ux_sys(SYS_signalfd4, k->sfd, &mask, sizeof(mask), 0);
	}
	k->sfd_mask = mask;
}

static void
sig_attach(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);
	struct sigslot *s = &sigslots[k->slot];
	uint64_t sig = kn->kev.ident;

	kn->kev.flags |= FBSD_EV_CLEAR;
	kn_lazy_add(k, i);
	k->nsig++;
	if (sig < 1 || sig > FBSD_NSIG)
		return;	/* accepted, as FreeBSD does, and never seen */
	uint32_t bit = 1U << ((sig - 1) % 32);
	int w = (int)(sig - 1) / 32, l = sig_linux(sig);
	ATOMIC_STORE(&s->count[sig], 0);
	/* One already pending was sent before the knote existed. */
	if (l && (host_pending() >> (l - 1) & 1))
		__atomic_fetch_or(&s->seen[w], bit, __ATOMIC_ACQ_REL);
	else
		__atomic_fetch_and(&s->seen[w], ~bit, __ATOMIC_ACQ_REL);
	__atomic_fetch_or(&s->watch[w], bit, __ATOMIC_ACQ_REL);
	sig_sync_fd(k);
}

static void
sig_detach(struct kq *k, struct kn *kn)
{
	struct sigslot *s = &sigslots[k->slot];
	uint64_t sig = kn->kev.ident;

	k->nsig--;
	if (sig < 1 || sig > FBSD_NSIG)
		return;
	__atomic_fetch_and(&s->watch[(sig - 1) / 32], ~(1U << ((sig - 1) % 32)), __ATOMIC_ACQ_REL);
	sig_sync_fd(k);
}

/*
 * New deliveries: what the signal code's hook counted, plus a signal that
 * became pending while blocked (counted once; the hook skips it when it is
 * finally delivered).  XXX several sends of a blocked signal count once.
 */
static void
sig_check(struct kq *k, int32_t i, uint64_t pending)
{
	struct kn *kn = KN(k, i);
	struct sigslot *s = &sigslots[k->slot];
	uint64_t sig = kn->kev.ident;
	uint32_t n;

	if (sig < 1 || sig > FBSD_NSIG)
		return;
	uint32_t bit = 1U << ((sig - 1) % 32);
	int w = (int)(sig - 1) / 32, l = sig_linux(sig);
	n = __atomic_exchange_n(&s->count[sig], 0, __ATOMIC_ACQ_REL);
	if (l && (pending >> (l - 1) & 1)) {
		if (!(__atomic_fetch_or(&s->seen[w], bit, __ATOMIC_ACQ_REL) & bit))
			n++;
	} else if (l) {
		__atomic_fetch_and(&s->seen[w], ~bit, __ATOMIC_ACQ_REL);
	}
	if (n) {
		kn->kev.data += n;
		kn_activate(k, i);
	}
}

void
fbsd_kqueue_note_signal(int sig)
{
	if (sig < 1 || sig > FBSD_NSIG)
		return;
	uint32_t bit = 1U << ((sig - 1) % 32);
	int w = (sig - 1) / 32;

	for (int i = 0; i < KQ_MAX; i++) {
		struct sigslot *s = &sigslots[i];
		if (!(ATOMIC_LOAD(&s->watch[w]) & bit))
			continue;
		if (__atomic_fetch_and(&s->seen[w], ~bit, __ATOMIC_ACQ_REL) & bit)
			continue;	/* counted while it was pending */
		__atomic_add_fetch(&s->count[sig], 1, __ATOMIC_ACQ_REL);
		ATOMIC_STORE(&s->changed, 1);
		__atomic_add_fetch(&s->busy, 1, __ATOMIC_ACQ_REL);
		int fd = ATOMIC_LOAD(&s->tfd);
		if (fd >= 0)
			tfd_set(fd, TFD_KICK);
		__atomic_sub_fetch(&s->busy, 1, __ATOMIC_ACQ_REL);
	}
}

int
fbsd_kqueue_signal_watched(int sig)
{
	if (sig < 1 || sig > FBSD_NSIG)
		return 0;
	for (int i = 0; i < KQ_MAX; i++)
		if (ATOMIC_LOAD(&sigslots[i].watch[(sig - 1) / 32]) >> ((sig - 1) % 32) & 1)
			return 1;
	return 0;
}

/* ---- EVFILT_PROC ------------------------------------------------------- */

/* The wait(2) status, FreeBSD signal numbers.  XXX only a child's status
 * can be read without reaping it; other processes report 0. */
static int64_t
proc_status(int pid)
{
	siginfo_t si;
	int sig;

	memset(&si, 0, sizeof(si));
	if (ux_sys(SYS_waitid, P_PID, pid, &si, WEXITED | WNOHANG | WNOWAIT, NULL) < 0 || si.si_pid == 0)
		return 0;
	switch (si.si_code) {
	case CLD_EXITED:
		return (int64_t)(si.si_status & 0xff) << 8;
	case CLD_KILLED:
	case CLD_DUMPED:
		sig = linux_to_fbsd_signo(si.si_status);
		return (sig > 0 ? sig : si.si_status) | (si.si_code == CLD_DUMPED ? 0x80 : 0);
	default:
		return 0;
	}
}

static long
proc_attach(struct kq *k, int32_t i)
{
	static uint8_t reported;
	struct kn *kn = KN(k, i);
	long fd;

	if (kn->kev.ident == 0 || kn->kev.ident > INT32_MAX)
		return -ESRCH;
	if (kn->sfflags & (FBSD_NOTE_FORK | FBSD_NOTE_EXEC | FBSD_NOTE_TRACK))
		ux_report_once(&reported, "kqueue: EVFILT_PROC NOTE_FORK, NOTE_EXEC and NOTE_TRACK "
		    "are accepted but never reported");
	fd = ux_sys(SYS_pidfd_open, (int)kn->kev.ident, 0);
	if (fd < 0)
		return fd == -EINVAL ? -ESRCH : fd;
	fd = kq_hide(fd);
	if (fd < 0)
		return fd;
	kn = KN(k, i);
	kn->u.pidfd = (int)fd;
	kn->kev.flags |= FBSD_EV_CLEAR;
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.u64 = TAG(TAG_PROC, kn->gen, i) };
	long e = ux_sys(SYS_epoll_ctl, k->efd, EPOLL_CTL_ADD, (int)fd, &ev);
	if (e < 0) {
		ux_sys(SYS_close, (int)fd);
		return e;
	}
	return 0;
}

/* filt_proc with NOTE_EXIT: reported once, then dropped. */
static void
proc_exited(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);

	if (kn->status & KN_EXITED)
		return;
	kn->status |= KN_EXITED;
	if (kn->sfflags & FBSD_NOTE_EXIT)
		kn->kev.fflags |= FBSD_NOTE_EXIT;
	kn->kev.flags |= FBSD_EV_EOF | FBSD_EV_ONESHOT;
	if (kn->kev.fflags & FBSD_NOTE_EXIT)
		kn->kev.data = proc_status((int)kn->kev.ident);
	if (kn->kev.fflags == 0)
		kn->kev.flags |= FBSD_EV_DROP;
	kn_activate(k, i);
}

/* ---- knote life cycle -------------------------------------------------- */

static void
kn_drop(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);

	if (kn->status & KN_QUEUED)
		kn_dequeue(k, i);
	if (kn->status & KN_LAZY)
		kn_lazy_del(k, i);
	switch (kn->kev.filter) {
	case FBSD_EVFILT_READ:
	case FBSD_EVFILT_WRITE:
		fd_resync(k, (int)kn->kev.ident, i);
		if ((kn->status & (KN_POLLED | KN_DISABLED)) == KN_POLLED)
			k->npolled--;
		break;
	case FBSD_EVFILT_PROC:
		ux_sys(SYS_close, kn->u.pidfd);	/* leaves the epoll set with it */
		break;
	case FBSD_EVFILT_SIGNAL:
		sig_detach(k, kn);
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
			return fd_event_polled(kn);
		return kn->seen == k->serial ? fd_event_from(kn, kn->revents) : 0;
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

	int isfd = is_fd_filter(filt) || filt == FBSD_EVFILT_VNODE ||
	    filt == FBSD_EVFILT_PROCDESC || filt == FBSD_EVFILT_EMPTY;
	if (isfd) {
		struct stat st;
		if (kev->ident > INT32_MAX || ux_fd_is_host((long)kev->ident))
			return -EBADF;
		if (is_fd_filter(filt) && (kn_find(k, kev->ident, FBSD_EVFILT_READ) >= 0 ||
		    kn_find(k, kev->ident, FBSD_EVFILT_WRITE) >= 0)) {
			e = fd_current(k, (int)kev->ident);
			if (e == -ENOENT) {
				/* Closed since, and the number reused. */
				int32_t r = kn_find(k, kev->ident, FBSD_EVFILT_READ);
				int32_t w = kn_find(k, kev->ident, FBSD_EVFILT_WRITE);
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

	i = kn_find(k, kev->ident, filt);
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
			e = fd_attach(k, i);
			break;
		case FBSD_EVFILT_TIMER:
			e = timer_attach(k, i);
			break;
		case FBSD_EVFILT_SIGNAL:
			sig_attach(k, i);
			e = 0;
			break;
		case FBSD_EVFILT_PROC:
			e = proc_attach(k, i);
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
			kn_activate(k, i);
		}
		if (kev->flags & FBSD_EV_ENABLE)
			kn_set_disabled(k, kn, 0);
		else if (kev->flags & FBSD_EV_DISABLE)
			kn_set_disabled(k, kn, 1);
		if (!(kev->flags & FBSD_EV_KEEPUDATA))
			kn->kev.udata = kev->udata;
		if (filt == FBSD_EVFILT_TIMER) {
			timer_touch(k, i, kev);
		} else if (filt == FBSD_EVFILT_USER) {
			user_touch(kn, kev);
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
			timer_check(k, i, clock_ns(CLOCK_MONOTONIC));
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
				if ((i = kn_find(k, id, filt)) < 0)
					continue;
				struct kn *kn = KN(k, i);
				if ((kn->status & KN_POLLED) || (kn->u.fd.epgen & 0xffffff) != gen ||
				    !(ev[j].events & bits))
					continue;
				kn->revents = ev[j].events;
				kn->seen = k->serial;
				kn_activate(k, i);
			}
			break;
		case TAG_PROC:
			i = (int32_t)id;
			if ((uint32_t)i < k->cap && (KN(k, i)->status & KN_USED) &&
			    (KN(k, i)->gen & 0xffffff) == gen && KN(k, i)->kev.filter == FBSD_EVFILT_PROC)
				proc_exited(k, i);
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
	int64_t now = clock_ns(CLOCK_MONOTONIC), next = 0;
	uint64_t pending = k->nsig && k->sfd_mask ? host_pending() : 0;

	for (int32_t i = k->lazy, nx; i >= 0; i = nx) {
		struct kn *kn = KN(k, i);
		nx = kn->lnext;
		switch (kn->kev.filter) {
		case FBSD_EVFILT_TIMER:
			timer_check(k, i, now);
			if (!(kn->status & KN_DONE) && (next == 0 || kn->u.tm.next < next))
				next = kn->u.tm.next;
			break;
		case FBSD_EVFILT_SIGNAL:
			sig_check(k, i, pending);
			break;
		default:	/* KN_POLLED descriptors */
			if (!(kn->status & KN_DISABLED))
				kn_activate(k, i);
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
	if (ATOMIC_LOAD(&sigslots[k->slot].changed)) {
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
	struct sigslot *s = &sigslots[k->slot];
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
	fd_repoll(k);

	for (uint32_t visit = k->qcount; visit > 0 && n < max; visit--) {
		int32_t i = k->qhead;
		struct kn *kn = KN(k, i);
		int ev;

		kn_dequeue(k, i);
		if (kn->status & KN_DISABLED)
			continue;
		if (kn->kev.flags & FBSD_EV_DROP) {
			kn_drop(k, i);
			continue;
		}
		if (kn->kev.flags & FBSD_EV_ONESHOT) {
			/* Reported as last seen; FreeBSD does not ask the filter again. */
			if (is_fd_filter(kn->kev.filter) && !(kn->status & KN_POLLED))
				fd_event_from(kn, kn->revents);
			else if (kn->status & KN_POLLED)
				fd_event_polled(kn);
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
	struct sigslot *s = &sigslots[k->slot];

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

/* The kqueue the guest descriptor names, with a reference; NULL if none. */
static struct kq *
kq_get(int fd)
{
	struct kq *k = NULL;

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
	s = &sigslots[k->slot];
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
			struct timespec lt = { .tv_sec = left / NS, .tv_nsec = left % NS };
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
		if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= NS)
			return -EINVAL;
		if (ts->tv_sec == 0 && ts->tv_nsec == 0)
			deadline = 0;
		else if (ts->tv_sec <= INT32_MAX)	/* longer sleeps are forever */
			deadline = clock_ns(CLOCK_MONOTONIC) + ts->tv_sec * NS + ts->tv_nsec;
	}
	for (;;) {
		lk_lock(&k->lock);
		r = kq_scan(k, uout, max, evs, nev);
		lk_unlock(&k->lock);
		if (r != 0 || deadline == 0)
			return r;

		int64_t left = -1;
		if (deadline > 0 && (left = deadline - clock_ns(CLOCK_MONOTONIC)) <= 0)
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
	reg_lock = 0;
	for (int i = 0; i < KQ_MAX; i++) {
		struct kq *k = kqs[i];
		if (!k)
			continue;
		k->lock = 0;
		if (!k->dead && kq_names(k, k->home))
			ux_sys(SYS_close, k->home);
		sigslots[i].busy = 0;
		kq_release(k);
		kqs[i] = NULL;
	}
}
