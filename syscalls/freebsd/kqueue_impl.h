/*
 * Internals of the kqueue translation shared by sys_kqueue.c (kqueue
 * objects, registration, scanning, the system calls) and kqueue_filters.c
 * (what each filter does).  Called with the kqueue's lock held unless
 * noted.
 */
#ifndef KQUEUE_IMPL_H
#define KQUEUE_IMPL_H

#include <stdint.h>
#include "syscalls/freebsd/fbsd_abi.h"
#include "syscalls/freebsd/fbsd_event.h"

#define KQ_NS		1000000000LL
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

extern struct sigslot kq_sigslots[KQ_MAX];

#define ATOMIC_LOAD(p)		__atomic_load_n((p), __ATOMIC_ACQUIRE)
#define ATOMIC_STORE(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE)

#define KN(k, i) (&(k)->kn[(i)])

static inline int
kq_is_fd_filter(int16_t f)
{
	return f == FBSD_EVFILT_READ || f == FBSD_EVFILT_WRITE;
}

/* sys_kqueue.c */
int64_t kq_clock_ns(int clk);
long kq_hide(long fd);		/* no lock needed */
void kq_tfd_set(int tfd, int64_t when);	/* async-signal-safe */
int32_t kq_find(struct kq *k, uint64_t ident, int16_t filter);
void kq_activate(struct kq *k, int32_t i);
void kq_dequeue(struct kq *k, int32_t i);
void kq_lazy_add(struct kq *k, int32_t i);

/* kqueue_filters.c: EVFILT_READ and EVFILT_WRITE */
long kq_fd_attach(struct kq *k, int32_t i);
long kq_fd_current(struct kq *k, int fd);
void kq_fd_resync(struct kq *k, int fd, int32_t gone);
int kq_fd_event(struct kn *kn, uint32_t revents);
int kq_fd_event_polled(struct kn *kn);
void kq_fd_repoll(struct kq *k);
/* EVFILT_TIMER */
long kq_timer_attach(struct kq *k, int32_t i);
void kq_timer_touch(struct kq *k, int32_t i, const struct fbsd_kevent *kev);
void kq_timer_check(struct kq *k, int32_t i, int64_t now);
/* EVFILT_USER */
void kq_user_touch(struct kn *kn, struct fbsd_kevent *kev);
/* EVFILT_SIGNAL */
uint64_t kq_host_pending(void);
void kq_sig_attach(struct kq *k, int32_t i);
void kq_sig_detach(struct kq *k, struct kn *kn);
void kq_sig_check(struct kq *k, int32_t i, uint64_t pending);
/* EVFILT_PROC */
long kq_proc_attach(struct kq *k, int32_t i);
void kq_proc_exited(struct kq *k, int32_t i);

#endif
