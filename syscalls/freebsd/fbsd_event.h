/*
 * FreeBSD <sys/event.h> as an amd64 guest sees it (the FreeBSD 12+ kevent
 * with ext[4]), and the entry points other parts of uxrun call into the
 * kqueue translation (syscalls/freebsd/sys_kqueue.c).  Values are from
 * FreeBSD's sys/sys/event.h; Go's ztypes/zerrors_freebsd_amd64.go agree.
 */
#ifndef FBSD_EVENT_H
#define FBSD_EVENT_H

#include <stddef.h>
#include <stdint.h>

struct fbsd_kevent {
	uint64_t ident;		/* uintptr_t */
	int16_t filter;
	uint16_t flags;
	uint32_t fflags;
	int64_t data;
	uint64_t udata;		/* void * */
	uint64_t ext[4];
};
_Static_assert(sizeof(struct fbsd_kevent) == 64, "FreeBSD struct kevent is 64 bytes");
_Static_assert(offsetof(struct fbsd_kevent, filter) == 8, "kevent filter offset");
_Static_assert(offsetof(struct fbsd_kevent, flags) == 10, "kevent flags offset");
_Static_assert(offsetof(struct fbsd_kevent, fflags) == 12, "kevent fflags offset");
_Static_assert(offsetof(struct fbsd_kevent, data) == 16, "kevent data offset");
_Static_assert(offsetof(struct fbsd_kevent, udata) == 24, "kevent udata offset");
_Static_assert(offsetof(struct fbsd_kevent, ext) == 32, "kevent ext offset");

/* FreeBSD 11's struct kevent (syscall 363, freebsd11_kevent): the same
 * fields without ext[]; Go's runtime still uses it. */
struct fbsd_kevent11 {
	uint64_t ident;
	int16_t filter;
	uint16_t flags;
	uint32_t fflags;
	int64_t data;		/* intptr_t */
	uint64_t udata;
};
_Static_assert(sizeof(struct fbsd_kevent11) == 32, "FreeBSD 11 struct kevent is 32 bytes");
_Static_assert(offsetof(struct fbsd_kevent11, udata) == offsetof(struct fbsd_kevent, udata),
    "the FreeBSD 11 kevent is a prefix of the FreeBSD 12 one");

/* filters */
#define FBSD_EVFILT_READ	(-1)
#define FBSD_EVFILT_WRITE	(-2)
#define FBSD_EVFILT_AIO		(-3)
#define FBSD_EVFILT_VNODE	(-4)
#define FBSD_EVFILT_PROC	(-5)
#define FBSD_EVFILT_SIGNAL	(-6)
#define FBSD_EVFILT_TIMER	(-7)
#define FBSD_EVFILT_PROCDESC	(-8)
#define FBSD_EVFILT_FS		(-9)
#define FBSD_EVFILT_LIO		(-10)
#define FBSD_EVFILT_USER	(-11)
#define FBSD_EVFILT_SENDFILE	(-12)
#define FBSD_EVFILT_EMPTY	(-13)
#define FBSD_EVFILT_SYSCOUNT	13

/* actions and flags */
#define FBSD_EV_ADD		0x0001
#define FBSD_EV_DELETE		0x0002
#define FBSD_EV_ENABLE		0x0004
#define FBSD_EV_DISABLE		0x0008
#define FBSD_EV_FORCEONESHOT	0x0100
#define FBSD_EV_KEEPUDATA	0x0200
#define FBSD_EV_ONESHOT		0x0010
#define FBSD_EV_CLEAR		0x0020
#define FBSD_EV_RECEIPT		0x0040
#define FBSD_EV_DISPATCH	0x0080
#define FBSD_EV_SYSFLAGS	0xf000
#define FBSD_EV_DROP		0x1000
#define FBSD_EV_FLAG1		0x2000
#define FBSD_EV_FLAG2		0x4000
#define FBSD_EV_EOF		0x8000
#define FBSD_EV_ERROR		0x4000

/* EVFILT_USER */
#define FBSD_NOTE_FFNOP		0x00000000u
#define FBSD_NOTE_FFAND		0x40000000u
#define FBSD_NOTE_FFOR		0x80000000u
#define FBSD_NOTE_FFCOPY	0xc0000000u
#define FBSD_NOTE_FFCTRLMASK	0xc0000000u
#define FBSD_NOTE_FFLAGSMASK	0x00ffffffu
#define FBSD_NOTE_TRIGGER	0x01000000u

/* EVFILT_READ / EVFILT_WRITE */
#define FBSD_NOTE_LOWAT		0x0001
#define FBSD_NOTE_FILE_POLL	0x0002

/* EVFILT_PROC */
#define FBSD_NOTE_EXIT		0x80000000u
#define FBSD_NOTE_FORK		0x40000000u
#define FBSD_NOTE_EXEC		0x20000000u
#define FBSD_NOTE_PCTRLMASK	0xf0000000u
#define FBSD_NOTE_PDATAMASK	0x000fffffu
#define FBSD_NOTE_TRACK		0x00000001u
#define FBSD_NOTE_TRACKERR	0x00000002u
#define FBSD_NOTE_CHILD		0x00000004u

/* EVFILT_TIMER */
#define FBSD_NOTE_SECONDS	0x0001
#define FBSD_NOTE_MSECONDS	0x0002
#define FBSD_NOTE_USECONDS	0x0004
#define FBSD_NOTE_NSECONDS	0x0008
#define FBSD_NOTE_ABSTIME	0x0010

/*
 * Called by the signal code for every signal it sees generated for the
 * guest (FreeBSD number), including ones the guest ignores: EVFILT_SIGNAL
 * counts delivery attempts, not deliveries.  Async-signal-safe: atomics and
 * one timerfd_settime per kqueue watching the signal.
 */
void fbsd_kqueue_note_signal(int fbsd_sig);

/* Whether some kqueue has an EVFILT_SIGNAL knote for the signal, so the
 * signal code keeps a host handler (to count it) even while the guest
 * ignores it.  Async-signal-safe. */
int fbsd_kqueue_signal_watched(int fbsd_sig);

/* In a forked child: FreeBSD does not copy kqueue descriptors into the
 * child, so this closes them (the ones uxrun knows) and uxrun's own
 * descriptors behind them, and forgets all kqueue state.  The fork code
 * should call it in the child before it runs guest code; otherwise the
 * child's first kqueue()/kevent() does, and until then the child still
 * holds the descriptors. */
void fbsd_kqueue_fork_child(void);

#endif
