/*
 * The kqueue filters: what EVFILT_READ/WRITE, TIMER, USER, SIGNAL and PROC
 * do when a knote is added, touched and scanned, after FreeBSD's
 * kern_event.c, sys_pipe.c, uipc_socket.c and kern_sig.c.  The kqueue
 * objects and the scan itself are in sys_kqueue.c.
 */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/kqueue_impl.h"
#include "syscalls/dispatch.h"

/* ---- EVFILT_READ / EVFILT_WRITE ---------------------------------------- */

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
void
kq_fd_resync(struct kq *k, int fd, int32_t gone)
{
	int32_t r = kq_find(k, (uint64_t)fd, FBSD_EVFILT_READ);
	int32_t w = kq_find(k, (uint64_t)fd, FBSD_EVFILT_WRITE);
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
long
kq_fd_current(struct kq *k, int fd)
{
	int32_t r = kq_find(k, (uint64_t)fd, FBSD_EVFILT_READ);
	int32_t w = kq_find(k, (uint64_t)fd, FBSD_EVFILT_WRITE);
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

long
kq_fd_attach(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);
	int fd = (int)kn->kev.ident;
	int32_t s = kq_find(k, kn->kev.ident, fd_other(kn->kev.filter));
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
		kq_lazy_add(k, i);
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
int
kq_fd_event(struct kn *kn, uint32_t ev)
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
int
kq_fd_event_polled(struct kn *kn)
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
	return kq_fd_event(kn, (uint16_t)p.revents);
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
void
kq_fd_repoll(struct kq *k)
{
	struct pollfd p[64];
	int32_t idx[64];
	int n = 0;

	for (int32_t i = k->qhead; i >= 0; i = KN(k, i)->qnext) {
		struct kn *kn = KN(k, i);
		if (!kq_is_fd_filter(kn->kev.filter) || (kn->status & (KN_POLLED | KN_DISABLED)) ||
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
		unit = KQ_NS;
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
	int64_t now = kq_clock_ns(CLOCK_MONOTONIC);

	kn->status &= ~KN_DONE;
	if (kn->sfflags & FBSD_NOTE_ABSTIME) {
		/* A wall-clock deadline, held as a monotonic one from here on,
		 * as FreeBSD converts it once against the boot time. */
		int64_t left = to - kq_clock_ns(CLOCK_REALTIME);
		kn->u.tm.next = now + (left > 0 ? left : 0);
		kn->u.tm.period = 0;
	} else {
		kn->u.tm.next = now + to;
		kn->u.tm.period = (kn->kev.flags & FBSD_EV_ONESHOT) ? 0 : to;
	}
}

long
kq_timer_attach(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);
	int64_t to;
	long e;

	if ((e = timer_validate(kn, &to)) < 0)
		return e;
	if (!(kn->sfflags & FBSD_NOTE_ABSTIME))
		kn->kev.flags |= FBSD_EV_CLEAR;
	timer_start(kn, to);
	kq_lazy_add(k, i);
	return 0;
}

/* filt_timertouch, EVENT_REGISTER: a re-add starts over. */
void
kq_timer_touch(struct kq *k, int32_t i, const struct fbsd_kevent *kev)
{
	struct kn *kn = KN(k, i);
	int64_t to;
	long e;

	if (!(kev->flags & FBSD_EV_ADD))
		return;
	if (kn->status & KN_QUEUED)
		kq_dequeue(k, i);
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
void
kq_timer_check(struct kq *k, int32_t i, int64_t now)
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
	kq_activate(k, i);
}

/* ---- EVFILT_USER ------------------------------------------------------- */

/* filt_usertouch, EVENT_REGISTER.  kev->fflags is masked as FreeBSD does,
 * which shows in an EV_RECEIPT reply. */
void
kq_user_touch(struct kn *kn, struct fbsd_kevent *kev)
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

uint64_t
kq_host_pending(void)
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
	struct sigslot *s = &kq_sigslots[k->slot];
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

void
kq_sig_attach(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);
	struct sigslot *s = &kq_sigslots[k->slot];
	uint64_t sig = kn->kev.ident;

	kn->kev.flags |= FBSD_EV_CLEAR;
	kq_lazy_add(k, i);
	k->nsig++;
	if (sig < 1 || sig > FBSD_NSIG)
		return;	/* accepted, as FreeBSD does, and never seen */
	uint32_t bit = 1U << ((sig - 1) % 32);
	int w = (int)(sig - 1) / 32, l = sig_linux(sig);
	ATOMIC_STORE(&s->count[sig], 0);
	/* One already pending was sent before the knote existed. */
	if (l && (kq_host_pending() >> (l - 1) & 1))
		__atomic_fetch_or(&s->seen[w], bit, __ATOMIC_ACQ_REL);
	else
		__atomic_fetch_and(&s->seen[w], ~bit, __ATOMIC_ACQ_REL);
	__atomic_fetch_or(&s->watch[w], bit, __ATOMIC_ACQ_REL);
	sig_sync_fd(k);
}

void
kq_sig_detach(struct kq *k, struct kn *kn)
{
	struct sigslot *s = &kq_sigslots[k->slot];
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
void
kq_sig_check(struct kq *k, int32_t i, uint64_t pending)
{
	struct kn *kn = KN(k, i);
	struct sigslot *s = &kq_sigslots[k->slot];
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
		kq_activate(k, i);
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
		struct sigslot *s = &kq_sigslots[i];
		if (!(ATOMIC_LOAD(&s->watch[w]) & bit))
			continue;
		if (__atomic_fetch_and(&s->seen[w], ~bit, __ATOMIC_ACQ_REL) & bit)
			continue;	/* counted while it was pending */
		__atomic_add_fetch(&s->count[sig], 1, __ATOMIC_ACQ_REL);
		ATOMIC_STORE(&s->changed, 1);
		__atomic_add_fetch(&s->busy, 1, __ATOMIC_ACQ_REL);
		int fd = ATOMIC_LOAD(&s->tfd);
		if (fd >= 0)
			kq_tfd_set(fd, TFD_KICK);
		__atomic_sub_fetch(&s->busy, 1, __ATOMIC_ACQ_REL);
	}
}

int
fbsd_kqueue_signal_watched(int sig)
{
	if (sig < 1 || sig > FBSD_NSIG)
		return 0;
	for (int i = 0; i < KQ_MAX; i++)
		if (ATOMIC_LOAD(&kq_sigslots[i].watch[(sig - 1) / 32]) >> ((sig - 1) % 32) & 1)
			return 1;
	return 0;
}

/* ---- EVFILT_PROC ------------------------------------------------------- */

/* Linux 6.15's PIDFD_GET_INFO (linux/pidfd.h), newer than the headers
 * uxrun builds against: the status of a process once it is reaped. */
struct linux_pidfd_info {
	uint64_t mask;
	uint64_t cgroupid;
	uint32_t pid, tgid, ppid, ruid, rgid, euid, egid, suid, sgid, fsuid, fsgid;
	int32_t exit_code;	/* wait(2) status */
};
_Static_assert(sizeof(struct linux_pidfd_info) == 64, "PIDFD_INFO_SIZE_VER0");
#define LINUX_PIDFD_GET_INFO	_IOWR(0xFF, 11, struct linux_pidfd_info)
#define LINUX_PIDFD_INFO_EXIT	(1ULL << 3)

static int64_t
status_to_fbsd(int st)
{
	int sig = st & 0x7f, fsig;

	if (sig == 0)
		return st & 0xff00;
	fsig = linux_to_fbsd_signo(sig);
	return (st & ~0x7f) | (fsig > 0 ? fsig : sig);
}

/*
 * The wait(2) status, with FreeBSD's signal numbers.  A child's is read
 * without reaping it; once a process is reaped (by the guest, or by its
 * own parent), newer kernels still give it through the pidfd.
 * XXX older kernels: 0 for processes that are not our unreaped children.
 */
static int64_t
proc_status(int pid, int pidfd)
{
	struct linux_pidfd_info info;
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	if (ux_sys(SYS_waitid, P_PID, pid, &si, WEXITED | WNOHANG | WNOWAIT, NULL) == 0 && si.si_pid) {
		switch (si.si_code) {
		case CLD_EXITED:
			return status_to_fbsd((si.si_status & 0xff) << 8);
		case CLD_KILLED:
			return status_to_fbsd(si.si_status & 0x7f);
		case CLD_DUMPED:
			return status_to_fbsd((si.si_status & 0x7f) | 0x80);
		default:
			return 0;
		}
	}
	memset(&info, 0, sizeof(info));
	info.mask = LINUX_PIDFD_INFO_EXIT;
	if (ux_sys(SYS_ioctl, pidfd, LINUX_PIDFD_GET_INFO, &info) == 0 &&
	    (info.mask & LINUX_PIDFD_INFO_EXIT))
		return status_to_fbsd(info.exit_code);
	return 0;
}

long
kq_proc_attach(struct kq *k, int32_t i)
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
void
kq_proc_exited(struct kq *k, int32_t i)
{
	struct kn *kn = KN(k, i);

	if (kn->status & KN_EXITED)
		return;
	kn->status |= KN_EXITED;
	if (kn->sfflags & FBSD_NOTE_EXIT)
		kn->kev.fflags |= FBSD_NOTE_EXIT;
	kn->kev.flags |= FBSD_EV_EOF | FBSD_EV_ONESHOT;
	if (kn->kev.fflags & FBSD_NOTE_EXIT)
		kn->kev.data = proc_status((int)kn->kev.ident, kn->u.pidfd);
	if (kn->kev.fflags == 0)
		kn->kev.flags |= FBSD_EV_DROP;
	kq_activate(k, i);
}
