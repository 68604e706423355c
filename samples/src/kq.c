/*
 * kqueue(2) and kevent(2): pipes, files, timers, user events, signals,
 * child processes, and the kqueue as a descriptor (poll, dup, nesting,
 * closing).  Prints an event log; "kq NAME" runs one part (pipe, file,
 * timer, user, signal, proc, fds), no argument runs them all.
 *
 * Linux has no kqueue, so the native build carries a small one of its own
 * (over poll(2), eventfd, signalfd and pidfd, below), written from
 * FreeBSD's kevent(2) and kern_event.c; the FreeBSD build calls the real
 * thing, which under uxrun is its epoll translation.  Timing-dependent
 * values are printed as ranges.
 */
#ifdef __linux__
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include "errname.h"

#ifdef __linux__
/* ---- a native kqueue model ------------------------------------------ */
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>

struct kevent {
	uintptr_t ident;
	short filter;
	unsigned short flags;
	unsigned int fflags;
	int64_t data;
	void *udata;
	uint64_t ext[4];
};
#define EVFILT_READ	(-1)
#define EVFILT_WRITE	(-2)
#define EVFILT_VNODE	(-4)
#define EVFILT_PROC	(-5)
#define EVFILT_SIGNAL	(-6)
#define EVFILT_TIMER	(-7)
#define EVFILT_USER	(-11)
#define EVFILT_SYSCOUNT	13
#define EV_ADD		0x0001
#define EV_DELETE	0x0002
#define EV_ENABLE	0x0004
#define EV_DISABLE	0x0008
#define EV_ONESHOT	0x0010
#define EV_CLEAR	0x0020
#define EV_RECEIPT	0x0040
#define EV_DISPATCH	0x0080
#define EV_SYSFLAGS	0xf000
#define EV_EOF		0x8000
#define EV_ERROR	0x4000
#define NOTE_FFNOP	0x00000000u
#define NOTE_FFAND	0x40000000u
#define NOTE_FFOR	0x80000000u
#define NOTE_FFCOPY	0xc0000000u
#define NOTE_FFCTRLMASK	0xc0000000u
#define NOTE_FFLAGSMASK	0x00ffffffu
#define NOTE_TRIGGER	0x01000000u
#define NOTE_EXIT	0x80000000u
#define NOTE_SECONDS	0x01
#define NOTE_MSECONDS	0x02
#define NOTE_USECONDS	0x04
#define NOTE_NSECONDS	0x08
#define NOTE_ABSTIME	0x10

struct mkn {
	struct kevent kev;	/* flags as registered; filter output in data/fflags */
	unsigned sfflags;
	int64_t sdata;
	int used, disabled, triggered, done, exited, reported, last_eof;
	int64_t last_data, next, period;
	int pidfd;
	dev_t dev;		/* descriptor knotes: the file, gone when it is closed */
	ino_t ino;
};
struct mkq {
	int used, evfd;
	pid_t owner;		/* a forked child does not get the kqueue */
	struct mkn kn[32];
	unsigned sigcount[65];
};
static struct mkq mkqs[512];
static volatile unsigned model_signals[65];

/* Called by the sample's signal handlers: the model's view of a delivery. */
static void
model_note_signal(int sig)
{
	model_signals[sig]++;
}

static int
model_internal_fd(int fd)
{
	for (int i = 0; i < 512; i++) {
		if (!mkqs[i].used)
			continue;
		if (mkqs[i].evfd == fd)
			return 1;
		for (int j = 0; j < 32; j++)
			if (mkqs[i].kn[j].used && mkqs[i].kn[j].kev.filter == EVFILT_PROC &&
			    mkqs[i].kn[j].pidfd == fd)
				return 1;
	}
	return 0;
}

static struct mkq *
mkq_of(int fd)
{
	for (int i = 0; i < 512; i++) {
		struct epoll_event ev = { .events = EPOLLIN };
		if (mkqs[i].used && epoll_ctl(fd, EPOLL_CTL_MOD, mkqs[i].evfd, &ev) == 0) {
			if (mkqs[i].owner == getpid())
				return &mkqs[i];
			close(fd);
			return NULL;
		}
	}
	return NULL;
}

static int
kqueue(void)
{
	for (int i = 0; i < 512; i++) {
		if (mkqs[i].used)
			continue;
		int ep = epoll_create1(0);
		if (ep < 0)
			return -1;
		memset(&mkqs[i], 0, sizeof(mkqs[i]));
		mkqs[i].evfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		struct epoll_event ev = { .events = EPOLLIN };
		epoll_ctl(ep, EPOLL_CTL_ADD, mkqs[i].evfd, &ev);
		mkqs[i].used = 1;
		mkqs[i].owner = getpid();
		return ep;
	}
	errno = ENOMEM;
	return -1;
}

static int64_t
now_ns(clockid_t c)
{
	struct timespec ts;
	clock_gettime(c, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int
model_timer(struct mkn *kn)
{
	int64_t unit;

	if (kn->sdata < 0)
		return EINVAL;
	if (kn->sdata == 0 && !(kn->kev.flags & EV_ONESHOT))
		kn->sdata = 1;
	switch (kn->sfflags & ~NOTE_ABSTIME) {
	case 0: case NOTE_MSECONDS: unit = 1000000; break;
	case NOTE_SECONDS: unit = 1000000000; break;
	case NOTE_USECONDS: unit = 1000; break;
	case NOTE_NSECONDS: unit = 1; break;
	default: return EINVAL;
	}
	kn->done = 0;
	if (kn->sfflags & NOTE_ABSTIME) {
		kn->next = now_ns(CLOCK_MONOTONIC) + kn->sdata * unit - now_ns(CLOCK_REALTIME);
		kn->period = 0;
	} else {
		kn->kev.flags |= EV_CLEAR;
		kn->next = now_ns(CLOCK_MONOTONIC) + kn->sdata * unit;
		kn->period = (kn->kev.flags & EV_ONESHOT) ? 0 : kn->sdata * unit;
	}
	return 0;
}

static void model_drop(struct mkn *kn);

/* Brings the knote's output fields up to date; 1 if it is to be reported. */
static int
model_eval(struct mkq *q, struct mkn *kn)
{
	struct stat st;
	int n = 0;

	switch (kn->kev.filter) {
	case EVFILT_READ:
	case EVFILT_WRITE: {
		int fd = (int)kn->kev.ident, rd = kn->kev.filter == EVFILT_READ, ready, eof;
		if (fstat(fd, &st) < 0 || st.st_dev != kn->dev || st.st_ino != kn->ino) {
			model_drop(kn);
			return 0;
		}
		if (S_ISREG(st.st_mode)) {
			kn->kev.data = rd ? st.st_size - lseek(fd, 0, SEEK_CUR) : 0;
			return rd ? kn->kev.data != 0 : 1;
		}
		struct pollfd p = { .fd = fd, .events = rd ? POLLIN | POLLRDHUP : POLLOUT };
		poll(&p, 1, 0);
		eof = rd ? (p.revents & (POLLHUP | POLLRDHUP)) != 0 : (p.revents & (POLLERR | POLLHUP)) != 0;
		ready = eof || (p.revents & (rd ? POLLIN : POLLOUT));
		if (rd) {
			ioctl(fd, FIONREAD, &n);
			kn->kev.data = n;
			if (S_ISFIFO(st.st_mode) && !eof && n == 0)
				ready = 0;
		} else {
			int sz = fcntl(fd, F_GETPIPE_SZ);
			ioctl(fd, FIONREAD, &n);
			kn->kev.data = eof ? 0 : sz - n;
		}
		kn->kev.flags = eof ? kn->kev.flags | EV_EOF : kn->kev.flags & ~EV_EOF;
		if (!ready)
			return 0;
		if ((kn->kev.flags & EV_CLEAR) && kn->reported && kn->kev.data == kn->last_data &&
		    eof == kn->last_eof)
			return 0;
		kn->last_data = kn->kev.data;
		kn->last_eof = eof;
		return 1;
	}
	case EVFILT_TIMER: {
		int64_t now = now_ns(CLOCK_MONOTONIC);
		if (!kn->done && now >= kn->next) {
			if (kn->period == 0) {
				kn->kev.data++;
				kn->done = 1;
			} else {
				int64_t c = (now - kn->next) / kn->period + 1;
				kn->kev.data += c;
				kn->next += c * kn->period;
			}
		}
		return kn->kev.data != 0;
	}
	case EVFILT_USER:
		return kn->triggered;
	case EVFILT_SIGNAL: {
		int sig = (int)kn->kev.ident;
		unsigned seen = model_signals[sig];
		kn->kev.data += seen - q->sigcount[sig];
		q->sigcount[sig] = seen;
		/* A blocked one stays pending: take it, as a delivery. */
		sigset_t pend;
		sigpending(&pend);
		if (sigismember(&pend, sig)) {
			sigset_t one;
			struct signalfd_siginfo si;
			sigemptyset(&one);
			sigaddset(&one, sig);
			int sfd = signalfd(-1, &one, SFD_NONBLOCK);
			while (read(sfd, &si, sizeof(si)) == sizeof(si))
				kn->kev.data++;
			close(sfd);
		}
		return kn->kev.data != 0;
	}
	case EVFILT_PROC: {
		struct pollfd p = { .fd = kn->pidfd, .events = POLLIN };
		if (kn->exited || poll(&p, 1, 0) != 1)
			return kn->exited;
		siginfo_t si;
		memset(&si, 0, sizeof(si));
		kn->exited = 1;
		kn->kev.flags |= EV_EOF | EV_ONESHOT;
		if (!(kn->sfflags & NOTE_EXIT))
			return 1;
		kn->kev.fflags |= NOTE_EXIT;
		if (waitid(P_PID, (id_t)kn->kev.ident, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid) {
			kn->kev.data = si.si_code == CLD_EXITED ? (si.si_status & 0xff) << 8 : si.si_status;
		} else {
			/* Reaped already: Linux 6.15 keeps the status with the pidfd. */
			struct { uint64_t mask, cg; uint32_t ids[11]; int32_t exit_code; } info;
			memset(&info, 0, sizeof(info));
			info.mask = 1 << 3;
			if (ioctl(kn->pidfd, _IOWR(0xFF, 11, info), &info) == 0 && (info.mask & (1 << 3)))
				kn->kev.data = info.exit_code;
		}
		return 1;
	}
	}
	return 0;
}

static void
model_drop(struct mkn *kn)
{
	if (kn->kev.filter == EVFILT_PROC)
		close(kn->pidfd);
	kn->used = 0;
}

static int
model_register(struct mkq *q, int self, struct kevent *kev)
{
	struct mkn *kn = NULL;
	int isfd = kev->filter == EVFILT_READ || kev->filter == EVFILT_WRITE;

	if ((kev->flags & (EV_ENABLE | EV_DISABLE)) == (EV_ENABLE | EV_DISABLE))
		return EINVAL;
	if (kev->filter >= 0 || kev->filter < -EVFILT_SYSCOUNT)
		return EINVAL;
	struct stat st;
	if (isfd && fstat((int)kev->ident, &st) < 0)
		return EBADF;
	for (int j = 0; j < 32; j++)
		if (q->kn[j].used && q->kn[j].kev.ident == kev->ident && q->kn[j].kev.filter == kev->filter)
			kn = &q->kn[j];
	if (kn && isfd && (kn->dev != st.st_dev || kn->ino != st.st_ino)) {
		model_drop(kn);		/* its descriptor was closed since */
		kn = NULL;
	}
	if (!kn) {
		if (!(kev->flags & EV_ADD))
			return ENOENT;
		if (isfd && mkq_of((int)kev->ident) == q)
			return EINVAL;
		if (kev->filter == EVFILT_VNODE)
			return EINVAL;
		for (int j = 0; j < 32 && !kn; j++)
			if (!q->kn[j].used)
				kn = &q->kn[j];
		if (!kn)
			return ENOMEM;
		memset(kn, 0, sizeof(*kn));
		kn->sfflags = kev->fflags;
		kn->sdata = kev->data;
		kev->fflags = 0;
		kev->data = 0;
		kn->kev = *kev;
		kn->kev.flags &= ~(EV_ADD | EV_DELETE | EV_ENABLE | EV_DISABLE);
		kn->disabled = (kev->flags & EV_DISABLE) != 0;
		switch (kev->filter) {
		case EVFILT_TIMER: {
			int e = model_timer(kn);
			if (e)
				return e;
			break;
		}
		case EVFILT_SIGNAL:
			kn->kev.flags |= EV_CLEAR;
			q->sigcount[kev->ident] = model_signals[kev->ident];
			break;
		case EVFILT_PROC:
			kn->pidfd = (int)syscall(SYS_pidfd_open, (pid_t)kev->ident, 0);
			if (kn->pidfd < 0)
				return ESRCH;
			kn->kev.flags |= EV_CLEAR;
			break;
		case EVFILT_READ:
		case EVFILT_WRITE: {
			struct epoll_event ev = { .events = kev->filter == EVFILT_READ ? EPOLLIN : EPOLLOUT };
			epoll_ctl(self, EPOLL_CTL_ADD, (int)kev->ident, &ev);
			kn->dev = st.st_dev;
			kn->ino = st.st_ino;
			break;
		}
		}
		kn->used = 1;
		return 0;
	}
	if (kev->flags & EV_DELETE) {
		model_drop(kn);
		return 0;
	}
	if (kev->flags & EV_ENABLE)
		kn->disabled = 0;
	else if (kev->flags & EV_DISABLE)
		kn->disabled = 1;
	kn->kev.udata = kev->udata;
	if (kev->filter == EVFILT_USER) {
		unsigned ctrl = kev->fflags & NOTE_FFCTRLMASK;
		if (kev->fflags & NOTE_TRIGGER)
			kn->triggered = 1;
		kev->fflags &= NOTE_FFLAGSMASK;
		if (ctrl == NOTE_FFAND)
			kn->sfflags &= kev->fflags;
		else if (ctrl == NOTE_FFOR)
			kn->sfflags |= kev->fflags;
		else if (ctrl == NOTE_FFCOPY)
			kn->sfflags = kev->fflags;
		kn->sdata = kev->data;
		if (kev->flags & EV_CLEAR)
			kn->triggered = 0;
	} else if (kev->filter == EVFILT_TIMER) {
		if (kev->flags & EV_ADD) {
			kn->kev.data = 0;
			kn->sfflags = kev->fflags;
			kn->sdata = kev->data;
			return model_timer(kn);
		}
	} else {
		kn->sfflags = kev->fflags;
		kn->sdata = kev->data;
	}
	return 0;
}

static int
model_scan(struct mkq *q, struct kevent *out, int max)
{
	int n = 0;
	uint64_t junk;

	for (int j = 0; j < 32 && n < max; j++) {
		struct mkn *kn = &q->kn[j];
		if (!kn->used || kn->disabled || !model_eval(q, kn))
			continue;
		out[n] = kn->kev;
		if (kn->kev.flags & EV_ONESHOT) {
			if (kn->kev.filter == EVFILT_USER)
				out[n].fflags = 0, out[n].data = 0;
			model_drop(kn);
			n++;
			continue;
		}
		if (kn->kev.filter == EVFILT_USER) {
			out[n].fflags = kn->sfflags;
			out[n].data = kn->sdata;
			if (kn->kev.flags & EV_CLEAR)
				kn->triggered = 0;
		}
		kn->reported = 1;
		if (kn->kev.flags & EV_CLEAR) {
			if (kn->kev.filter == EVFILT_TIMER || kn->kev.filter == EVFILT_SIGNAL)
				kn->kev.data = 0;
		}
		if (kn->kev.flags & EV_DISPATCH)
			kn->disabled = 1;
		n++;
	}
	/* The kqueue polls readable while something waits to be reported. */
	int pending = 0;
	for (int j = 0; j < 32; j++)
		if (q->kn[j].used && !q->kn[j].disabled && q->kn[j].kev.filter == EVFILT_USER &&
		    q->kn[j].triggered)
			pending = 1;
	if (read(q->evfd, &junk, 8) < 0 || pending) {
		junk = 1;
		if (pending && write(q->evfd, &junk, 8) < 0)
			return -1;
	}
	return n;
}

static int
kevent(int kqfd, const struct kevent *changes, int nchanges, struct kevent *out, int nevents,
    const struct timespec *ts)
{
	struct mkq *q = mkq_of(kqfd);
	int nerr = 0;

	if (!q) {
		errno = EBADF;
		return -1;
	}
	if (nchanges < 0) {
		errno = EINVAL;
		return -1;
	}
	for (int i = 0; i < nchanges; i++) {
		struct kevent kev = changes[i];
		if (kev.filter == 0)
			continue;
		kev.flags &= ~EV_SYSFLAGS;
		int e = model_register(q, kqfd, &kev);
		if (e || (kev.flags & EV_RECEIPT)) {
			if (nevents == 0) {
				errno = e;
				return e ? -1 : 0;
			}
			kev.flags = EV_ERROR;
			kev.data = e;
			*out++ = kev;
			nevents--;
			nerr++;
		}
	}
	/* Something triggered now must poll readable for other waiters. */
	for (int j = 0; j < 32; j++)
		if (q->kn[j].used && q->kn[j].kev.filter == EVFILT_USER && q->kn[j].triggered &&
		    !q->kn[j].disabled) {
			uint64_t one = 1;
			if (write(q->evfd, &one, 8) < 0)
				return -1;
			break;
		}
	if (nerr)
		return nerr;
	if (nevents == 0)
		return 0;
	if (ts && (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)) {
		errno = EINVAL;
		return -1;
	}
	int64_t end = ts ? now_ns(CLOCK_MONOTONIC) + ts->tv_sec * 1000000000LL + ts->tv_nsec : 0;
	for (;;) {
		int n = model_scan(q, out, nevents);
		if (n || (ts && now_ns(CLOCK_MONOTONIC) >= end))
			return n;
		struct pollfd p = { .fd = kqfd, .events = POLLIN };
		if (poll(&p, 1, 1) < 0 && errno == EINTR) {
			if ((n = model_scan(q, out, nevents)) != 0)
				return n;
			errno = EINTR;
			return -1;
		}
	}
}

#define EV_SET(kevp_, a, b, c, d, e, f) do {	\
	*(kevp_) = (struct kevent){ .ident = (a), .filter = (b), .flags = (c), \
	    .fflags = (d), .data = (e), .udata = (f) }; \
} while (0)
#else
#include <sys/event.h>
#define model_note_signal(sig)	((void)(sig))
#define model_internal_fd(fd)	0
#endif

/* ---- the scenarios ---------------------------------------------------- */

static const struct timespec zero_ts;
static int fdname_fd[8];
static const char *fdname_name[8];

static void
name_fd(int slot, int fd, const char *name)
{
	fdname_fd[slot] = fd;
	fdname_name[slot] = name;
}

static const char *
filter_name(short f)
{
	switch (f) {
	case EVFILT_READ: return "READ";
	case EVFILT_WRITE: return "WRITE";
	case EVFILT_PROC: return "PROC";
	case EVFILT_SIGNAL: return "SIGNAL";
	case EVFILT_TIMER: return "TIMER";
	case EVFILT_USER: return "USER";
	case EVFILT_VNODE: return "VNODE";
	default: return "?";
	}
}

static void
flag_names(unsigned f, char *buf, size_t n)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ EV_ONESHOT, "ONESHOT" }, { EV_CLEAR, "CLEAR" }, { EV_RECEIPT, "RECEIPT" },
		{ EV_DISPATCH, "DISPATCH" }, { EV_EOF, "EOF" }, { EV_ERROR, "ERROR" },
	};
	buf[0] = 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (f & names[i].bit) {
			if (buf[0])
				strncat(buf, "|", n - strlen(buf) - 1);
			strncat(buf, names[i].name, n - strlen(buf) - 1);
			f &= ~names[i].bit;
		}
	if (f)
		snprintf(buf + strlen(buf), n - strlen(buf), "%s0x%x", buf[0] ? "|" : "", f);
	if (!buf[0])
		strcpy(buf, "-");
}

/* DATA_EXACT prints data; DATA_POSITIVE only whether it is above zero. */
enum { DATA_EXACT, DATA_POSITIVE, DATA_NONE };

static void
show(const char *what, const struct kevent *ev, int datamode)
{
	char flags[64], ident[32], data[32];

	flag_names(ev->flags, flags, sizeof(flags));
	snprintf(ident, sizeof(ident), "%lu", (unsigned long)ev->ident);
	if (ev->filter == EVFILT_SIGNAL)
		snprintf(ident, sizeof(ident), "%s", ev->ident == SIGWINCH ? "SIGWINCH" :
		    ev->ident == SIGUSR1 ? "SIGUSR1" : "SIG?");
	if (ev->filter == EVFILT_PROC)
		snprintf(ident, sizeof(ident), "child");
	if (ev->filter == EVFILT_READ || ev->filter == EVFILT_WRITE || ev->filter == EVFILT_VNODE)
		for (int i = 0; i < 8; i++)
			if (fdname_name[i] && fdname_fd[i] == (int)ev->ident)
				snprintf(ident, sizeof(ident), "%s", fdname_name[i]);
	if (ev->flags & EV_ERROR)
		snprintf(data, sizeof(data), "%s", ev->data ? errname((int)ev->data) : "0");
	else if (datamode == DATA_EXACT)
		snprintf(data, sizeof(data), "%lld", (long long)ev->data);
	else if (datamode == DATA_POSITIVE)
		snprintf(data, sizeof(data), "%s", ev->data > 0 ? ">0" : "<=0");
	else
		snprintf(data, sizeof(data), "?");
	printf("  %s: %s %s flags=%s data=%s fflags=0x%x udata=%lu\n", what, filter_name(ev->filter),
	    ident, flags, data, ev->fflags, (unsigned long)(uintptr_t)ev->udata);
}

static int
change(int kq, uintptr_t ident, short filter, unsigned short flags, unsigned fflags, int64_t data,
    uintptr_t udata)
{
	struct kevent ch;

	EV_SET(&ch, ident, filter, flags, fflags, data, (void *)udata);
	return kevent(kq, &ch, 1, NULL, 0, NULL);
}

/* The result of a call that should fail, and its errno. */
static void
failed(const char *what, int r)
{
	printf("%s: %d %s\n", what, r, r < 0 ? errname(errno) : "-");
}

static int
cmp_ev(const void *a, const void *b)
{
	const struct kevent *x = a, *y = b;

	if (x->filter != y->filter)
		return x->filter < y->filter ? 1 : -1;
	return x->ident < y->ident ? -1 : x->ident > y->ident;
}

/* Waits up to ms (-1: forever, 0: poll) and prints what comes back. */
static int
collect(const char *what, int kq, int ms, int datamode)
{
	struct kevent ev[8];
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	int n = kevent(kq, NULL, 0, ev, 8, ms < 0 ? NULL : &ts);

	if (n < 0) {
		printf("%s: error %s\n", what, errname(errno));
		return n;
	}
	qsort(ev, n, sizeof(ev[0]), cmp_ev);
	printf("%s: %d event%s\n", what, n, n == 1 ? "" : "s");
	for (int i = 0; i < n; i++)
		show("event", &ev[i], datamode);
	return n;
}

static void
errors_as_events(const char *what, int kq, uintptr_t ident, short filter, unsigned short flags,
    unsigned fflags, int64_t data)
{
	struct kevent ch, out[2];
	int n;

	EV_SET(&ch, ident, filter, flags, fflags, data, (void *)(uintptr_t)9);
	n = kevent(kq, &ch, 1, out, 2, &zero_ts);
	if (n < 0) {
		printf("%s: error %s\n", what, errname(errno));
		return;
	}
	printf("%s: %d event%s\n", what, n, n == 1 ? "" : "s");
	for (int i = 0; i < n; i++)
		show("event", &out[i], DATA_EXACT);
}

static int64_t
elapsed_ms(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void
sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static void
put(int fd, const char *s)
{
	if (write(fd, s, strlen(s)) < 0)
		printf("write: error %s\n", errname(errno));
}

static void
take(int fd, size_t n)
{
	char buf[64];

	if (read(fd, buf, n < sizeof(buf) ? n : sizeof(buf)) < 0)
		printf("read: error %s\n", errname(errno));
}

static void
part_pipe(void)
{
	int kq = kqueue(), p[2], q[2];

	printf("== pipe\n");
	if (kq < 0 || pipe(p) < 0) {
		printf("setup: error %s\n", errname(errno));
		return;
	}
	name_fd(0, p[0], "p0");
	name_fd(1, p[1], "p1");
	change(kq, p[0], EVFILT_READ, EV_ADD, 0, 0, 1);
	collect("empty pipe", kq, 0, DATA_EXACT);
	put(p[1], "hello");
	collect("after writing 5", kq, 1000, DATA_EXACT);
	collect("level-triggered, again", kq, 0, DATA_EXACT);
	take(p[0], 2);
	collect("after reading 2", kq, 0, DATA_EXACT);
	change(kq, p[0], EVFILT_READ, EV_DISABLE, 0, 0, 2);
	collect("disabled", kq, 0, DATA_EXACT);
	change(kq, p[0], EVFILT_READ, EV_ENABLE, 0, 0, 3);
	collect("enabled again (udata updated)", kq, 0, DATA_EXACT);
	change(kq, p[0], EVFILT_READ, EV_DELETE, 0, 0, 0);
	collect("deleted", kq, 0, DATA_EXACT);
	errors_as_events("delete again", kq, p[0], EVFILT_READ, EV_DELETE, 0, 0);

	change(kq, p[0], EVFILT_READ, EV_ADD | EV_CLEAR, 0, 0, 4);
	collect("EV_CLEAR", kq, 0, DATA_EXACT);
	collect("EV_CLEAR, nothing new", kq, 0, DATA_EXACT);
	put(p[1], "!");
	collect("EV_CLEAR, one more byte", kq, 1000, DATA_EXACT);
	change(kq, p[0], EVFILT_READ, EV_DELETE, 0, 0, 0);

	change(kq, p[0], EVFILT_READ, EV_ADD | EV_ONESHOT, 0, 0, 5);
	collect("EV_ONESHOT", kq, 0, DATA_EXACT);
	collect("EV_ONESHOT, gone", kq, 0, DATA_EXACT);
	errors_as_events("delete the one-shot", kq, p[0], EVFILT_READ, EV_DELETE, 0, 0);

	change(kq, p[0], EVFILT_READ, EV_ADD | EV_DISPATCH, 0, 0, 6);
	collect("EV_DISPATCH", kq, 0, DATA_EXACT);
	collect("EV_DISPATCH, now disabled", kq, 0, DATA_EXACT);
	change(kq, p[0], EVFILT_READ, EV_ENABLE, 0, 0, 7);
	collect("EV_DISPATCH, enabled", kq, 0, DATA_EXACT);
	change(kq, p[0], EVFILT_READ, EV_DELETE, 0, 0, 0);

	errors_as_events("EV_RECEIPT", kq, p[0], EVFILT_READ, EV_ADD | EV_RECEIPT, 0, 0);
	collect("after the receipt (flag kept)", kq, 0, DATA_EXACT);
	change(kq, p[0], EVFILT_READ, EV_DELETE, 0, 0, 0);

	change(kq, p[1], EVFILT_WRITE, EV_ADD, 0, 0, 8);
	collect("write end", kq, 0, DATA_POSITIVE);
	close(p[0]);
	collect("write end, reader closed", kq, 0, DATA_EXACT);
	close(p[1]);

	if (pipe(q) < 0)
		return;
	name_fd(0, q[0], "q0");
	name_fd(1, q[1], "q1");
	change(kq, q[0], EVFILT_READ, EV_ADD, 0, 0, 10);
	put(q[1], "abc");
	close(q[1]);
	collect("writer gone with 3 bytes left", kq, 1000, DATA_EXACT);
	take(q[0], 16);
	collect("writer gone, drained", kq, 0, DATA_EXACT);
	close(q[0]);

	/* Both knotes on one descriptor. */
	if (pipe(q) < 0)
		return;
	name_fd(0, q[0], "r0");
	name_fd(1, q[1], "r1");
	struct kevent two[2];
	EV_SET(&two[0], q[1], EVFILT_WRITE, EV_ADD | EV_CLEAR, 0, 0, (void *)11);
	EV_SET(&two[1], q[1], EVFILT_READ, EV_ADD | EV_CLEAR, 0, 0, (void *)12);
	printf("read and write on one end: %d\n", kevent(kq, two, 2, NULL, 0, NULL));
	collect("both registered", kq, 0, DATA_POSITIVE);
	change(kq, q[1], EVFILT_WRITE, EV_DELETE, 0, 0, 0);
	errors_as_events("read knote kept", kq, q[1], EVFILT_READ, EV_DELETE, 0, 0);

	/* A descriptor closed and its number reused drops its knotes. */
	change(kq, q[0], EVFILT_READ, EV_ADD | EV_CLEAR, 0, 0, 13);
	int num = q[0];
	close(q[0]);
	close(q[1]);
	if (pipe(q) < 0)
		return;
	printf("number reused: %s\n", q[0] == num ? "yes" : "no");
	name_fd(0, q[0], "s0");
	name_fd(1, q[1], "s1");
	errors_as_events("old knote gone", kq, q[0], EVFILT_READ, EV_DELETE, 0, 0);
	change(kq, q[0], EVFILT_READ, EV_ADD | EV_CLEAR, 0, 0, 14);
	put(q[1], "xy");
	collect("new pipe, same number", kq, 1000, DATA_EXACT);
	close(q[0]);
	close(q[1]);
	name_fd(0, -1, NULL);
	name_fd(1, -1, NULL);
	close(kq);
}

static void
part_errors(void)
{
	int kq = kqueue(), fd = open("kq.tmp", O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct kevent ch[3], out[4];
	struct timespec bad = { 0, 1000000000L };

	printf("== errors and files\n");
	name_fd(2, fd, "file");
	errors_as_events("bad descriptor", kq, 987, EVFILT_READ, EV_ADD, 0, 0);
	failed("bad descriptor, no event list", change(kq, 987, EVFILT_READ, EV_ADD, 0, 0, 0));
	errors_as_events("unknown filter", kq, 0, -99, EV_ADD, 0, 0);
	errors_as_events("EV_ENABLE|EV_DISABLE", kq, 1, EVFILT_USER, EV_ADD | EV_ENABLE | EV_DISABLE, 0, 0);
	errors_as_events("modify what is not there", kq, 5, EVFILT_USER, 0, 0, 0);
	errors_as_events("EVFILT_VNODE (not translated)", kq, fd, EVFILT_VNODE, EV_ADD, 0x2, 0);

	/* filter 0 is skipped; errors stop at the event list's end */
	EV_SET(&ch[0], 0, 0, EV_ADD, 0, 0, 0);
	EV_SET(&ch[1], 900, EVFILT_READ, EV_ADD, 0, 0, 0);
	EV_SET(&ch[2], 901, EVFILT_WRITE, EV_ADD, 0, 0, 0);
	int n = kevent(kq, ch, 3, out, 4, &zero_ts);
	printf("three changes, two bad: %d events", n);
	for (int i = 0; i < n; i++)
		printf(" %lu:%s", (unsigned long)out[i].ident, errname((int)out[i].data));
	printf("\n");

	failed("kevent on a file", kevent(fd, NULL, 0, out, 1, &zero_ts));
	failed("negative nchanges", kevent(kq, ch, -1, out, 1, &zero_ts));
	failed("bad timeout", kevent(kq, NULL, 0, out, 1, &bad));
	printf("no event list, bad timeout: %d\n", kevent(kq, NULL, 0, out, 0, &bad));

	/* Regular files: readable while the offset is before the end. */
	put(fd, "0123456789");
	lseek(fd, 4, SEEK_SET);
	change(kq, fd, EVFILT_READ, EV_ADD, 0, 0, 20);
	collect("file at offset 4 of 10", kq, 0, DATA_EXACT);
	lseek(fd, 0, SEEK_END);
	collect("file at its end", kq, 0, DATA_EXACT);
	change(kq, fd, EVFILT_WRITE, EV_ADD, 0, 0, 21);
	collect("file writable", kq, 0, DATA_EXACT);
	close(fd);
	unlink("kq.tmp");
	name_fd(2, -1, NULL);
	close(kq);
}

static void
part_timer(void)
{
	int kq = kqueue();
	struct timespec t0;
	struct kevent ev;
	int64_t ms;

	printf("== timer\n");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	change(kq, 1, EVFILT_TIMER, EV_ADD | EV_ONESHOT, 0, 30, 1);
	collect("one-shot 30 ms", kq, 2000, DATA_EXACT);
	ms = elapsed_ms(&t0);
	printf("  waited >= 25 ms: %s\n", ms >= 25 ? "yes" : "no");
	errors_as_events("one-shot is gone", kq, 1, EVFILT_TIMER, EV_DELETE, 0, 0);

	change(kq, 2, EVFILT_TIMER, EV_ADD, 0, 20, 2);
	int n = kevent(kq, NULL, 0, &ev, 1, NULL);
	printf("periodic 20 ms: %d event, count >= 1: %s, flags CLEAR: %s\n", n,
	    ev.data >= 1 ? "yes" : "no", (ev.flags & EV_CLEAR) ? "yes" : "no");
	sleep_ms(100);
	n = kevent(kq, NULL, 0, &ev, 1, &zero_ts);
	printf("after 100 ms: %d event, count >= 4: %s\n", n, n == 1 && ev.data >= 4 ? "yes" : "no");
	change(kq, 2, EVFILT_TIMER, EV_DELETE, 0, 0, 0);

	static const struct { unsigned note; int64_t data; const char *name; int min; } units[] = {
		{ NOTE_SECONDS, 1, "NOTE_SECONDS 1", 950 },
		{ NOTE_MSECONDS, 40, "NOTE_MSECONDS 40", 35 },
		{ NOTE_USECONDS, 40000, "NOTE_USECONDS 40000", 35 },
		{ NOTE_NSECONDS, 40000000, "NOTE_NSECONDS 40000000", 35 },
	};
	for (int i = 0; i < 4; i++) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		change(kq, 3, EVFILT_TIMER, EV_ADD | EV_ONESHOT, units[i].note, units[i].data, 3);
		n = kevent(kq, NULL, 0, &ev, 1, NULL);
		ms = elapsed_ms(&t0);
		printf("%s: %d event, count %lld, waited enough: %s\n", units[i].name, n,
		    (long long)ev.data, ms >= units[i].min ? "yes" : "no");
	}

	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int64_t when = now.tv_sec * 1000LL + now.tv_nsec / 1000000 + 60;
	change(kq, 4, EVFILT_TIMER, EV_ADD, NOTE_ABSTIME, when, 4);
	collect("absolute, 60 ms ahead", kq, 2000, DATA_EXACT);
	printf("  waited >= 40 ms: %s\n", elapsed_ms(&t0) >= 40 ? "yes" : "no");
	collect("absolute, no EV_CLEAR: still there", kq, 0, DATA_EXACT);
	change(kq, 4, EVFILT_TIMER, EV_DELETE, 0, 0, 0);

	change(kq, 5, EVFILT_TIMER, EV_ADD | EV_ONESHOT, 0, 0, 5);
	collect("zero, one-shot: at once", kq, 0, DATA_EXACT);

	errors_as_events("negative period", kq, 6, EVFILT_TIMER, EV_ADD, 0, -1);
	errors_as_events("two units", kq, 6, EVFILT_TIMER, EV_ADD, NOTE_SECONDS | NOTE_MSECONDS, 5);
	errors_as_events("unknown fflags", kq, 6, EVFILT_TIMER, EV_ADD, 0x100, 5);

	/* A re-add restarts the timer with the new period. */
	change(kq, 7, EVFILT_TIMER, EV_ADD, 0, 5000, 7);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	change(kq, 7, EVFILT_TIMER, EV_ADD, 0, 30, 8);
	n = kevent(kq, NULL, 0, &ev, 1, NULL);
	printf("re-added at 30 ms: %d event, udata %lu, soon: %s\n", n, (unsigned long)(uintptr_t)ev.udata,
	    elapsed_ms(&t0) < 2000 ? "yes" : "no");
	change(kq, 7, EVFILT_TIMER, EV_DELETE, 0, 0, 0);

	/* Expirations count while disabled. */
	change(kq, 8, EVFILT_TIMER, EV_ADD | EV_ONESHOT | EV_DISABLE, 0, 10, 9);
	sleep_ms(40);
	collect("disabled one-shot after 40 ms", kq, 0, DATA_EXACT);
	change(kq, 8, EVFILT_TIMER, EV_ENABLE, 0, 0, 10);
	collect("enabled", kq, 0, DATA_EXACT);
	close(kq);
}

static void
part_user(void)
{
	int kq = kqueue();

	printf("== user\n");
	change(kq, 7, EVFILT_USER, EV_ADD | EV_CLEAR, 0, 0, 1);
	collect("added", kq, 0, DATA_EXACT);
	change(kq, 7, EVFILT_USER, 0, NOTE_TRIGGER | NOTE_FFCOPY | 0x1, 42, 2);
	collect("trigger, copy 0x1", kq, 0, DATA_EXACT);
	collect("EV_CLEAR: reset", kq, 0, DATA_EXACT);
	change(kq, 7, EVFILT_USER, 0, NOTE_FFOR | 0x2, 0, 3);
	collect("or 0x2, no trigger", kq, 0, DATA_EXACT);
	change(kq, 7, EVFILT_USER, 0, NOTE_TRIGGER, 5, 4);
	collect("trigger", kq, 0, DATA_EXACT);
	change(kq, 7, EVFILT_USER, 0, NOTE_TRIGGER | NOTE_FFAND | 0x2, 6, 5);
	collect("trigger, and 0x2", kq, 0, DATA_EXACT);
	change(kq, 7, EVFILT_USER, 0, NOTE_TRIGGER | NOTE_FFNOP | 0x5, 7, 6);
	collect("trigger, nop 0x5", kq, 0, DATA_EXACT);
	change(kq, 7, EVFILT_USER, 0, NOTE_TRIGGER | NOTE_FFCOPY | 0xabcdef, 8, 7);
	collect("trigger, copy 0xabcdef", kq, 0, DATA_EXACT);
	change(kq, 7, EVFILT_USER, EV_DELETE, 0, 0, 0);

	change(kq, 8, EVFILT_USER, EV_ADD, 0, 0, 8);
	change(kq, 8, EVFILT_USER, 0, NOTE_TRIGGER, 0, 8);
	collect("level-triggered", kq, 0, DATA_EXACT);
	collect("level-triggered, again", kq, 0, DATA_EXACT);
	change(kq, 8, EVFILT_USER, EV_CLEAR, 0, 0, 8);
	collect("reset by EV_CLEAR", kq, 0, DATA_EXACT);

	change(kq, 9, EVFILT_USER, EV_ADD | EV_CLEAR | EV_DISPATCH, 0, 0, 9);
	change(kq, 9, EVFILT_USER, 0, NOTE_TRIGGER, 0, 9);
	collect("EV_DISPATCH", kq, 0, DATA_EXACT);
	change(kq, 9, EVFILT_USER, 0, NOTE_TRIGGER, 0, 9);
	collect("EV_DISPATCH, disabled", kq, 0, DATA_EXACT);
	change(kq, 9, EVFILT_USER, EV_ENABLE, 0, 0, 9);
	collect("EV_DISPATCH, enabled", kq, 0, DATA_EXACT);

	change(kq, 10, EVFILT_USER, EV_ADD | EV_ONESHOT, 0, 0, 10);
	change(kq, 10, EVFILT_USER, 0, NOTE_TRIGGER, 0, 10);
	struct kevent ev;
	int n = kevent(kq, NULL, 0, &ev, 1, &zero_ts);
	printf("one-shot: %d event, ident %lu\n", n, (unsigned long)ev.ident);
	errors_as_events("one-shot is gone", kq, 10, EVFILT_USER, EV_DELETE, 0, 0);
	close(kq);
}

static volatile int handled, alarms;

static void
on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static void
on_usr1(int sig)
{
	handled++;
	model_note_signal(sig);
}

static void
part_signal(void)
{
	int kq = kqueue();
	sigset_t set, old;
	struct sigaction sa;

	printf("== signal\n");
	sigemptyset(&set);
	sigaddset(&set, SIGWINCH);
	sigprocmask(SIG_BLOCK, &set, &old);
	change(kq, SIGWINCH, EVFILT_SIGNAL, EV_ADD, 0, 0, 1);
	collect("SIGWINCH watched, blocked", kq, 0, DATA_EXACT);
	kill(getpid(), SIGWINCH);
	collect("after kill", kq, 1000, DATA_EXACT);
	collect("after kill, again", kq, 0, DATA_EXACT);
	sigprocmask(SIG_SETMASK, &old, NULL);
	collect("unblocked", kq, 0, DATA_EXACT);
	change(kq, SIGWINCH, EVFILT_SIGNAL, EV_DELETE, 0, 0, 0);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	change(kq, SIGUSR1, EVFILT_SIGNAL, EV_ADD, 0, 0, 2);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	collect("SIGUSR1 twice, with a handler", kq, 1000, DATA_EXACT);
	printf("  handler ran %d times\n", handled);
	change(kq, SIGUSR1, EVFILT_SIGNAL, EV_DELETE, 0, 0, 0);
	kill(getpid(), SIGUSR1);
	collect("deleted", kq, 0, DATA_EXACT);
	printf("  handler ran %d times\n", handled);

	/* kevent is not restarted after a handler, SA_RESTART or not. */
	struct itimerval it = { { 0, 0 }, { 0, 50000 } };
	struct kevent ev;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	failed("waiting forever, SIGALRM after 50 ms", kevent(kq, NULL, 0, &ev, 1, NULL));
	printf("  alarm handler ran %d times\n", alarms);
	close(kq);
}

static void
part_proc(void)
{
	int kq = kqueue(), status = 0;
	pid_t pid;

	printf("== proc\n");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		sleep_ms(50);
		_exit(7);
	}
	change(kq, pid, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0, 1);
	struct kevent ev;

	/* fork() does not pass kqueues on. */
	fflush(stdout);
	pid_t p2 = fork();
	if (p2 == 0) {
		int r = kevent(kq, NULL, 0, &ev, 1, &zero_ts);
		printf("in a forked child: kevent %d %s, descriptor %s\n", r, r < 0 ? errname(errno) : "-",
		    fcntl(kq, F_GETFD) < 0 ? "closed" : "open");
		_exit(0);
	}
	waitpid(p2, &status, 0);
	int n = kevent(kq, NULL, 0, &ev, 1, NULL);
	printf("child exited: %d event, pid ok %s, fflags NOTE_EXIT %s, flags %s, status %d\n", n,
	    ev.ident == (uintptr_t)pid ? "yes" : "no", ev.fflags == NOTE_EXIT ? "yes" : "no",
	    (ev.flags & EV_EOF) ? "EOF" : "-", WIFEXITED((int)ev.data) ? WEXITSTATUS((int)ev.data) : -1);
	printf("waitpid: %d\n", waitpid(pid, &status, 0) == pid ? WEXITSTATUS(status) : -1);
	errors_as_events("knote is gone", kq, pid, EVFILT_PROC, EV_DELETE, 0, 0);
	errors_as_events("reaped child", kq, pid, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0);

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		for (;;)
			sleep_ms(1000);
	}
	change(kq, pid, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0, 2);
	collect("child running", kq, 0, DATA_NONE);
	kill(pid, SIGTERM);
	n = kevent(kq, NULL, 0, &ev, 1, NULL);
	printf("child killed: %d event, signal %s\n", n,
	    WIFSIGNALED((int)ev.data) && WTERMSIG((int)ev.data) == SIGTERM ? "SIGTERM" : "?");
	waitpid(pid, &status, 0);

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(3);
	sleep_ms(50);		/* a zombie by now */
	change(kq, pid, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0, 3);
	n = kevent(kq, NULL, 0, &ev, 1, NULL);
	printf("zombie: %d event, status %d\n", n, WEXITSTATUS((int)ev.data));
	waitpid(pid, &status, 0);

	/* Reaped before kevent() looked: FreeBSD keeps the status in the knote. */
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(5);
	change(kq, pid, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0, 4);
	waitpid(pid, &status, 0);
	n = kevent(kq, NULL, 0, &ev, 1, NULL);
	printf("reaped first: %d event, status %d\n", n, WEXITSTATUS((int)ev.data));
	close(kq);
}

static int
other_fds(int kq, int extra)
{
	struct rlimit rl;
	int n = 0;

	getrlimit(RLIMIT_NOFILE, &rl);
	for (int fd = 3; fd < (int)rl.rlim_cur; fd++)
		if (fd != kq && fd != extra && fcntl(fd, F_GETFD) >= 0 && !model_internal_fd(fd))
			n++;
	return n;
}

static void
part_fds(void)
{
	int before = other_fds(-1, -1), kq = kqueue(), kq2, kq3, d, p[2];
	struct pollfd pfd;
	struct rlimit rl;

	printf("== the kqueue as a descriptor\n");
	change(kq, 1, EVFILT_USER, EV_ADD | EV_CLEAR, 0, 0, 1);
	change(kq, 2, EVFILT_TIMER, EV_ADD, 0, 100000, 2);
	printf("descriptors a kqueue adds besides its own: %d\n", other_fds(kq, -1) - before);
	getrlimit(RLIMIT_NOFILE, &rl);
	for (int fd = 3; fd < (int)rl.rlim_cur; fd++)
		if (fd != kq && !model_internal_fd(fd))
			close(fd);
	printf("closed all others; ");
	change(kq, 1, EVFILT_USER, 0, NOTE_TRIGGER, 0, 1);
	collect("still works", kq, 0, DATA_EXACT);

	pfd = (struct pollfd){ .fd = kq, .events = POLLIN };
	printf("poll, nothing pending: %d\n", poll(&pfd, 1, 0));
	change(kq, 1, EVFILT_USER, 0, NOTE_TRIGGER, 0, 1);
	int r = poll(&pfd, 1, 0);
	printf("poll, user event pending: %d revents POLLIN %s\n", r, (pfd.revents & POLLIN) ? "yes" : "no");
	collect("taken", kq, 0, DATA_EXACT);
	printf("poll, taken: %d\n", poll(&pfd, 1, 0));

	if (pipe(p) < 0)
		return;
	name_fd(0, p[0], "p0");
	change(kq, p[0], EVFILT_READ, EV_ADD | EV_CLEAR, 0, 0, 3);
	put(p[1], "z");
	printf("poll, pipe data: %d\n", poll(&pfd, 1, 1000));
	collect("pipe", kq, 0, DATA_EXACT);

	d = dup(kq);
	change(d, 1, EVFILT_USER, 0, NOTE_TRIGGER, 0, 4);
	collect("triggered through a dup", kq, 0, DATA_EXACT);
	close(kq);
	change(d, 1, EVFILT_USER, 0, NOTE_TRIGGER, 0, 5);
	collect("original closed, the dup", d, 0, DATA_EXACT);
	failed("kevent on the closed number", kevent(kq, NULL, 0, NULL, 0, NULL));

	kq2 = kqueue();
	change(kq2, 99, EVFILT_USER, EV_ADD, NOTE_TRIGGER, 0, 6);
	change(kq2, 99, EVFILT_USER, 0, NOTE_TRIGGER, 0, 6);
	dup2(kq2, d);
	collect("dup2 of another kqueue over it", d, 0, DATA_EXACT);

	kq3 = kqueue();
	name_fd(1, kq2, "kq2");
	name_fd(2, kq3, "kq3");
	change(kq3, kq2, EVFILT_READ, EV_ADD, 0, 0, 7);
	collect("a kqueue watching it", kq3, 1000, DATA_NONE);
	errors_as_events("a kqueue watching itself", kq3, kq3, EVFILT_READ, EV_ADD, 0, 0);
	close(kq3);
	close(kq2);
	close(d);
	close(p[0]);
	close(p[1]);
	name_fd(0, -1, NULL);
	name_fd(1, -1, NULL);
	name_fd(2, -1, NULL);

	/* Closed kqueues are freed: many in turn, each with a timer. */
	int ok = 0;
	for (int i = 0; i < 200; i++) {
		int k = kqueue();
		if (k < 0)
			break;
		if (change(k, 1, EVFILT_TIMER, EV_ADD, 0, 100000, 0) == 0 &&
		    change(k, 2, EVFILT_USER, EV_ADD, 0, 0, 0) == 0)
			ok++;
		close(k);
	}
	printf("kqueues created, used and closed: %d\n", ok);
	kq = kqueue();
	printf("descriptors besides stdio and a new kqueue: %d\n", other_fds(kq, -1));
	close(kq);
}

int
main(int argc, char **argv)
{
	static const struct { const char *name; void (*fn)(void); } parts[] = {
		{ "pipe", part_pipe }, { "errors", part_errors }, { "timer", part_timer },
		{ "user", part_user }, { "signal", part_signal }, { "proc", part_proc },
		{ "fds", part_fds },
	};
	int found = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (argc < 2 || strcmp(argv[1], parts[i].name) == 0) {
			parts[i].fn();
			found = 1;
		}
	if (!found) {
		fprintf(stderr, "kq: unknown part %s\n", argv[1]);
		return 2;
	}
	return 0;
}
