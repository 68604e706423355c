/*
 * _umtx_op(2), after FreeBSD's sys/kern/kern_umtx.c.
 *
 * Two mechanisms:
 *
 * - The plain wait/wake operations (WAIT, WAIT_UINT[_PRIVATE], WAKE[_PRIVATE],
 *   NWAKE_PRIVATE and thr_exit's wake-up) are Linux futexes on the guest's
 *   own word.  They are always non-private futexes: FreeBSD matches a
 *   _PRIVATE waiter with a shared waker on ordinary memory (both keys are
 *   then private), but Linux keys private and shared futexes differently,
 *   so mixing the flags would lose wake-ups.  Non-private futexes also
 *   work across processes on MAP_SHARED memory, as FreeBSD's do.
 *
 * - The lock objects (umutex, ucond, urwlock, _usem, _usem2) need what a
 *   futex does not give: the number of sleepers on a key, separate reader
 *   and writer queues, and wake-ups only when a waiter exists (FreeBSD's
 *   unlock paths must not write to a lock nobody waits on, since it may
 *   already be freed).  They use FreeBSD's own algorithms over an
 *   in-process copy of its sleep queues: a hash of chains, each with a lock
 *   and a list of waiters that sleep on a futex word of their own.  Holding
 *   a chain's lock plays the part of both FreeBSD's chain mutex and its
 *   "busy" mark.  XXX USYNC_PROCESS_SHARED objects are only shared between
 *   the threads of one process.
 *
 * Priority inheritance and protection are not emulated: PI and PP mutexes
 * lock and unlock like normal ones (with their own lock-word protocol).
 *
 * A sleep interrupted by a signal returns EINTR.  FreeBSD restarts the
 * call after an SA_RESTART handler (ERESTART) only for untimed mutex locks,
 * PP ceiling changes and semaphore waits without a relative timeout; every
 * other sleep ends in EINTR (fbsd_eintr_no_restart).
 */
#include "config.h"

#include <limits.h>
#include <time.h>
#include <linux/futex.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_thread.h"
#include "syscalls/freebsd/fbsd_thr.h"
#include "syscalls/thread.h"
#include "syscalls/dispatch.h"

#define NS_PER_SEC	1000000000L

/* --- deadlines ----------------------------------------------------------- */

struct deadline {
	int clock;		/* host CLOCK_MONOTONIC or CLOCK_REALTIME */
	struct timespec ts;	/* absolute */
};

/* UMTX_OP_SET_MIN_TIMEOUT: the shortest sleep a timed wait may take. */
static int64_t umtx_min_timeout_ns;

static void
ts_add(struct timespec *t, int64_t sec, int64_t nsec)
{
	t->tv_sec += sec;
	t->tv_nsec += nsec;
	while (t->tv_nsec >= NS_PER_SEC) {
		t->tv_sec++;
		t->tv_nsec -= NS_PER_SEC;
	}
	while (t->tv_nsec < 0) {
		t->tv_sec--;
		t->tv_nsec += NS_PER_SEC;
	}
}

static int
ts_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static void
host_now(int clock, struct timespec *t)
{
	ux_sys(SYS_clock_gettime, clock, t);
}

/*
 * umtx_abs_timeout_init(): a relative timeout runs from now; an absolute
 * one is a time on the given clock.  Real-time clocks sleep against
 * CLOCK_REALTIME (so settimeofday moves the deadline, as on FreeBSD), the
 * uptime and monotonic ones against CLOCK_MONOTONIC.  XXX FreeBSD polls
 * the CPU-time clocks; here their deadline is turned into a monotonic one
 * once, at the start.
 */
static long
deadline_init(struct deadline *dl, int fbsd_clock, int absolute, const struct fbsd_timespec *t)
{
	struct timespec now, cpu;
	long h;

	if (!absolute) {
		dl->clock = CLOCK_MONOTONIC;
		host_now(CLOCK_MONOTONIC, &dl->ts);
		ts_add(&dl->ts, t->tv_sec, t->tv_nsec);
	} else {
		switch (fbsd_clock) {
		case FBSD_CLOCK_REALTIME:
		case FBSD_CLOCK_REALTIME_PRECISE:
		case FBSD_CLOCK_REALTIME_FAST:
		case FBSD_CLOCK_SECOND:
			dl->clock = CLOCK_REALTIME;
			dl->ts.tv_sec = t->tv_sec;
			dl->ts.tv_nsec = t->tv_nsec;
			break;
		case FBSD_CLOCK_MONOTONIC:
		case FBSD_CLOCK_MONOTONIC_PRECISE:
		case FBSD_CLOCK_MONOTONIC_FAST:
		case FBSD_CLOCK_UPTIME:
		case FBSD_CLOCK_UPTIME_PRECISE:
		case FBSD_CLOCK_UPTIME_FAST:
			dl->clock = CLOCK_MONOTONIC;
			dl->ts.tv_sec = t->tv_sec;
			dl->ts.tv_nsec = t->tv_nsec;
			break;
		default:
			h = fbsd_to_linux_clockid(fbsd_clock);
			if (h < 0 || fbsd_clock == FBSD_CLOCK_VIRTUAL || fbsd_clock == FBSD_CLOCK_PROF)
				h = CLOCK_PROCESS_CPUTIME_ID;
			if (ux_sys(SYS_clock_gettime, h, &cpu) < 0)
				return -EINVAL;
			dl->clock = CLOCK_MONOTONIC;
			host_now(CLOCK_MONOTONIC, &dl->ts);
			ts_add(&dl->ts, t->tv_sec - cpu.tv_sec, t->tv_nsec - cpu.tv_nsec);
			break;
		}
	}
	/* umtx_abs_timeout_enforce_min() */
	int64_t min = __atomic_load_n(&umtx_min_timeout_ns, __ATOMIC_RELAXED);
	if (min > 0) {
		host_now(dl->clock, &now);
		ts_add(&now, min / NS_PER_SEC, min % NS_PER_SEC);
		if (ts_before(&dl->ts, &now))
			dl->ts = now;
	}
	return 0;
}

static int
fbsd_ts_valid(const struct fbsd_timespec *t)
{
	return t->tv_sec >= 0 && t->tv_nsec >= 0 && t->tv_nsec < NS_PER_SEC;
}

/* umtx_copyin_umtx_time(): uaddr1 carries the size of what uaddr2 points
 * at; up to a timespec's size it is a bare relative timespec. */
static long
copyin_umtx_time(void *uaddr1, void *uaddr2, struct deadline *dl, struct fbsd_umtx_time *ut)
{
	long r;

	memset(ut, 0, sizeof(*ut));
	if ((uintptr_t)uaddr1 <= sizeof(ut->_timeout)) {
		ut->_clockid = FBSD_CLOCK_REALTIME;
		r = ux_copyin(&ut->_timeout, uaddr2, sizeof(ut->_timeout));
	} else {
		r = ux_copyin(ut, uaddr2, sizeof(*ut));
	}
	if (r < 0)
		return r;
	if (!fbsd_ts_valid(&ut->_timeout))
		return -EINVAL;
	return deadline_init(dl, (int)ut->_clockid, (ut->_flags & FBSD_UMTX_ABSTIME) != 0,
	    &ut->_timeout);
}

/* The optional _umtx_time of most operations: NULL for no timeout. */
static long
op_deadline(void *uaddr1, void *uaddr2, struct deadline *dl, struct deadline **dlp)
{
	struct fbsd_umtx_time ut;
	long r;

	*dlp = NULL;
	if (uaddr2 == NULL)
		return 0;
	r = copyin_umtx_time(uaddr1, uaddr2, dl, &ut);
	if (r == 0)
		*dlp = dl;
	return r;
}

static long
futex_wait_until(uint32_t *w, uint32_t val, const struct deadline *dl, int private)
{
	int op = FUTEX_WAIT_BITSET | (private ? FUTEX_PRIVATE_FLAG : 0);

	if (dl != NULL && dl->clock == CLOCK_REALTIME)
		op |= FUTEX_CLOCK_REALTIME;
	struct ux_thread *td = ux_thread_from_stack();

	/* The signal queue is checked in the same window as the sleep: a
	 * guest signal that arrives just before it must not be slept through. */
	return ux_sleep_syscall(SYS_futex, (long)w, op, val, (long)(dl ? &dl->ts : NULL), 0,
	    FUTEX_BITSET_MATCH_ANY, td ? &td->sig_pending : &ux_no_pending);
}

static long
futex_wake(void *w, int n, int private)
{
	return ux_sys(SYS_futex, w, FUTEX_WAKE | (private ? FUTEX_PRIVATE_FLAG : 0), n);
}

/* --- plain wait and wake: futexes on the guest's word ---------------------- */

/* How long a 64-bit wait sleeps before it looks at the whole word again. */
#define WAIT64_RECHECK_NS	(100 * 1000 * 1000L)

/*
 * UMTX_OP_WAIT compares a long but a futex only 32 bits.  The 64-bit
 * compare is done here; the futex then sleeps on the low half (the first
 * four bytes: amd64 is little-endian), the half that changes for every
 * known user: the word is a thread id or a state below 2^31 (libthr's
 * pthread_join waits for its thread's id to be cleared, thr_exit writes 1).
 * A store that changes only the high half between the compare and the
 * sleep would go unseen by the futex, so the sleep is cut into slices
 * after which the whole word is compared again: such a wake-up can be
 * late, never lost.
 */
static long
do_wait_long(uint64_t addr, uint64_t val, const struct deadline *dl)
{
	struct deadline slice;
	uint64_t cur;
	long r;

	for (;;) {
		r = ux_copyin(&cur, addr, sizeof(cur));
		if (r < 0)
			return r;
		if (cur != val)
			return 0;
		slice.clock = CLOCK_MONOTONIC;
		host_now(CLOCK_MONOTONIC, &slice.ts);
		ts_add(&slice.ts, 0, WAIT64_RECHECK_NS);
		const struct deadline *use = &slice;
		if (dl != NULL) {
			struct timespec end;
			host_now(dl->clock, &end);
			ts_add(&end, 0, WAIT64_RECHECK_NS);
			if (ts_before(&dl->ts, &end))
				use = dl;	/* the deadline comes first */
		}
		r = futex_wait_until((uint32_t *)(uintptr_t)addr, (uint32_t)val, use, 0);
		if (r == 0 || r == -EAGAIN)
			return 0;
		if (r == -ETIMEDOUT && use == &slice)
			continue;
		return r;
	}
}

static long
do_wait_uint(uint64_t addr, uint64_t val, const struct deadline *dl)
{
	uint32_t cur;
	long r;

	r = ux_copyin(&cur, addr, sizeof(cur));
	if (r < 0)
		return r;
	/* do_wait() compares the word, zero-extended, with the whole val. */
	if ((uint64_t)cur != val)
		return 0;
	r = futex_wait_until((uint32_t *)(uintptr_t)addr, (uint32_t)val, dl, 0);
	if (r == -EAGAIN)
		return 0;
	return r;
}

/* umtxq_signal() wakes at least one waiter, whatever the count asked. */
static int
wake_count(uint64_t val)
{
	int n = (int)val;

	return n <= 0 ? 1 : n;
}

static long
do_nwake_private(uint64_t obj, int count)
{
	uint64_t addrs[128];

	for (int pos = 0; count > 0;) {
		int n = count < 128 ? count : 128;
		long r = ux_copyin(addrs, obj + (uint64_t)pos * 8, (size_t)n * 8);
		if (r < 0)
			return r;
		for (int i = 0; i < n; i++)
			futex_wake((void *)(uintptr_t)addrs[i], INT_MAX, 0);
		pos += n;
		count -= n;
	}
	return 0;
}

/* --- sleep queues for the lock objects ------------------------------------ */

enum uq_type {			/* FreeBSD's umtx key types */
	UQ_CV = 1, UQ_SEM, UQ_NORMAL_UMUTEX, UQ_PI_UMUTEX, UQ_PP_UMUTEX, UQ_RWLOCK,
};
#define UQ_SHARED_QUEUE		0
#define UQ_EXCLUSIVE_QUEUE	1

struct uq_waiter {
	struct uq_waiter *next, *prev;
	uint64_t addr;
	uint8_t type;
	uint8_t queue;
	uint32_t woken;		/* set by the waker, under the chain lock */
};

#define UQ_NCHAINS 512

static struct uq_chain {
	uint32_t lock;		/* 0 free, 1 held, 2 held with sleepers */
	struct uq_waiter *head, *tail;
} __attribute__((aligned(64))) uq_chains[UQ_NCHAINS];

static struct uq_chain *
uq_chain(uint64_t addr)
{
	return &uq_chains[((addr >> 2) * 2654404609u >> 7) % UQ_NCHAINS];
}

/* Held across guest-memory accesses, never across a sleep; nothing else
 * runs on this thread meanwhile, so a signal cannot re-enter it. */
static void
uq_lock(struct uq_chain *ch)
{
	uint32_t c = 0;

	if (__atomic_compare_exchange_n(&ch->lock, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	if (c != 2)
		c = __atomic_exchange_n(&ch->lock, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		ux_sys(SYS_futex, &ch->lock, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 2, NULL);
		c = __atomic_exchange_n(&ch->lock, 2, __ATOMIC_ACQUIRE);
	}
}

static void
uq_unlock(struct uq_chain *ch)
{
	if (__atomic_exchange_n(&ch->lock, 0, __ATOMIC_RELEASE) == 2)
		ux_sys(SYS_futex, &ch->lock, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1);
}

static void
uq_insert(struct uq_chain *ch, struct uq_waiter *w, uint64_t addr, int type, int queue)
{
	w->addr = addr;
	w->type = (uint8_t)type;
	w->queue = (uint8_t)queue;
	w->woken = 0;
	w->next = NULL;
	w->prev = ch->tail;
	if (ch->tail)
		ch->tail->next = w;
	else
		ch->head = w;
	ch->tail = w;
}

static void
uq_remove(struct uq_chain *ch, struct uq_waiter *w)
{
	if (w->prev)
		w->prev->next = w->next;
	else
		ch->head = w->next;
	if (w->next)
		w->next->prev = w->prev;
	else
		ch->tail = w->prev;
	w->next = w->prev = NULL;
}

static int
uq_match(const struct uq_waiter *w, uint64_t addr, int type, int queue)
{
	return w->addr == addr && w->type == type && w->queue == queue;
}

/* umtxq_count() */
static int
uq_count(struct uq_chain *ch, uint64_t addr, int type, int queue)
{
	int n = 0;

	for (struct uq_waiter *w = ch->head; w; w = w->next)
		n += uq_match(w, addr, type, queue);
	return n;
}

/* umtxq_signal_queue(): wakes the first n in arrival order. */
static int
uq_signal(struct uq_chain *ch, uint64_t addr, int type, int queue, int n)
{
	struct uq_waiter *w, *next;
	int woke = 0;

	for (w = ch->head; w && woke < n; w = next) {
		next = w->next;
		if (!uq_match(w, addr, type, queue))
			continue;
		uq_remove(ch, w);
		__atomic_store_n(&w->woken, 1, __ATOMIC_RELEASE);
		/* The waiter may return (and reuse this stack slot) as soon as
		 * it sees woken; a wake-up then hits a stale word, which every
		 * sleeper here tolerates. */
		ux_sys(SYS_futex, &w->woken, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1);
		woke++;
	}
	return woke;
}

/*
 * umtxq_sleep(): called and returns with the chain locked and w queued
 * before the call.  0 when a waker took w off the queue; otherwise
 * ETIMEDOUT or EINTR with w still queued, for the caller to remove.
 */
static long
uq_sleep(struct uq_chain *ch, struct uq_waiter *w, const struct deadline *dl)
{
	long r = 0;

	uq_unlock(ch);
	while (!__atomic_load_n(&w->woken, __ATOMIC_ACQUIRE)) {
		r = futex_wait_until(&w->woken, 0, dl, 1);
		if (r == -ETIMEDOUT || r == -EINTR)
			break;
		r = 0;
	}
	uq_lock(ch);
	return __atomic_load_n(&w->woken, __ATOMIC_ACQUIRE) ? 0 : r;
}

void
fbsd_umtx_atfork_child(void)
{
	/* The parent's other threads are gone, maybe holding a chain lock. */
	memset(uq_chains, 0, sizeof(uq_chains));
}

/* --- guest lock words ------------------------------------------------------ */

/*
 * The lock objects are read and changed with atomics straight in guest
 * memory.  A futex operation that adds 0 to the word checks first that it
 * is mapped and writable, the way FreeBSD's casueword fails with EFAULT.
 */
static long
uword_probe(uint64_t addr)
{
	long r;

	if (addr & 3)
		return -EINVAL;
	r = ux_sys(SYS_futex, addr, FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG, 0, 0, addr,
	    FUTEX_OP(FUTEX_OP_ADD, 0, FUTEX_OP_CMP_EQ, 0));
	return r < 0 ? (r == -EFAULT ? r : -EFAULT) : 0;
}

/* Every word of an object of len bytes (the first and last page). */
static long
uobj_probe(uint64_t addr, size_t len)
{
	long r = uword_probe(addr);

	if (r == 0 && ((addr ^ (addr + len - 4)) & ~(uint64_t)4095))
		r = uword_probe(addr + len - 4);
	return r;
}

static inline uint32_t *
uw(uint64_t addr)
{
	return (uint32_t *)(uintptr_t)addr;
}

static inline uint32_t
uload(uint64_t addr)
{
	return __atomic_load_n(uw(addr), __ATOMIC_ACQUIRE);
}

static inline void
ustore(uint64_t addr, uint32_t v)
{
	__atomic_store_n(uw(addr), v, __ATOMIC_RELEASE);
}

/* casueword32(): 1 (and *old, the value found) when the word was not
 * expected, 0 when it now holds desired. */
static inline int
ucas(uint64_t addr, uint32_t expected, uint32_t *old, uint32_t desired)
{
	uint32_t e = expected;
	int ok = __atomic_compare_exchange_n(uw(addr), &e, desired, 0,
	    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);

	*old = e;
	return ok ? 0 : 1;
}

#define M_OWNER(m)	((m) + offsetof(struct fbsd_umutex, m_owner))
#define M_FLAGS(m)	((m) + offsetof(struct fbsd_umutex, m_flags))
#define M_CEIL0(m)	((m) + offsetof(struct fbsd_umutex, m_ceilings[0]))
#define M_CEIL1(m)	((m) + offsetof(struct fbsd_umutex, m_ceilings[1]))

/* --- mutexes --------------------------------------------------------------- */

#define MODE_LOCK	0
#define MODE_TRY	1	/* _UMUTEX_TRY */
#define MODE_WAIT	2	/* _UMUTEX_WAIT */

static int
mutex_type(uint32_t flags)
{
	if (flags & FBSD_UMUTEX_PRIO_INHERIT)
		return UQ_PI_UMUTEX;
	if (flags & FBSD_UMUTEX_PRIO_PROTECT)
		return UQ_PP_UMUTEX;
	return UQ_NORMAL_UMUTEX;
}

static int
is_unowned_or_dead(uint32_t owner)
{
	return (owner & ~FBSD_UMUTEX_CONTESTED) == 0 || owner == FBSD_UMUTEX_RB_OWNERDEAD ||
	    owner == FBSD_UMUTEX_RB_NOTRECOV;
}

/*
 * do_lock_normal() and, without the priority lending, do_lock_pi(): the
 * owner word holds the owner's thread id, its high bit says that someone
 * sleeps (or slept) in the kernel.
 */
static long
lock_normal(uint64_t m, uint32_t id, int type, const struct deadline *dl, int mode)
{
	struct uq_chain *ch = uq_chain(m);
	struct uq_waiter w;
	uint32_t owner, old;
	long error = 0;

	for (;;) {
		owner = uload(M_OWNER(m));
		if (mode == MODE_WAIT && type == UQ_NORMAL_UMUTEX) {
			if (owner == FBSD_UMUTEX_UNOWNED || owner == FBSD_UMUTEX_CONTESTED ||
			    owner == FBSD_UMUTEX_RB_OWNERDEAD || owner == FBSD_UMUTEX_RB_NOTRECOV)
				return 0;
		} else {
			/* A robust mutex whose owner died: ours, and say so. */
			if (owner == FBSD_UMUTEX_RB_OWNERDEAD) {
				if (ucas(M_OWNER(m), owner, &owner, id | FBSD_UMUTEX_CONTESTED) == 0)
					return -EOWNERDEAD;
				continue;
			}
			if (owner == FBSD_UMUTEX_RB_NOTRECOV)
				return -ENOTRECOVERABLE;
			if (ucas(M_OWNER(m), FBSD_UMUTEX_UNOWNED, &owner, id) == 0)
				return 0;
			if (owner == FBSD_UMUTEX_CONTESTED) {
				if (ucas(M_OWNER(m), FBSD_UMUTEX_CONTESTED, &owner,
				    id | FBSD_UMUTEX_CONTESTED) == 0)
					return 0;
				continue;
			}
			if (owner == FBSD_UMUTEX_UNOWNED)
				continue;
			if (type == UQ_PI_UMUTEX && (owner & ~FBSD_UMUTEX_CONTESTED) == id)
				return -EDEADLK;
		}
		/* do_lock_pi() treats its wait mode as a try. */
		if (mode == MODE_TRY || (mode == MODE_WAIT && type != UQ_NORMAL_UMUTEX))
			return -EBUSY;
		/* A signal or timeout ends the wait after one more try. */
		if (error != 0)
			return error;

		uq_lock(ch);
		uq_insert(ch, &w, m, type, UQ_SHARED_QUEUE);
		/* Set the contested bit so the owner's unlock comes to the
		 * kernel; if the word moved meanwhile, look again. */
		if (ucas(M_OWNER(m), owner, &old, owner | FBSD_UMUTEX_CONTESTED) != 0) {
			uq_remove(ch, &w);
			uq_unlock(ch);
			continue;
		}
		error = uq_sleep(ch, &w, dl);
		if (error != 0)
			uq_remove(ch, &w);
		uq_unlock(ch);
	}
}

/* umtx_unlock_val() */
static uint32_t
unlock_val(uint32_t flags, int rb)
{
	if (rb)
		return FBSD_UMUTEX_RB_OWNERDEAD;
	if (flags & FBSD_UMUTEX_NONCONSISTENT)
		return FBSD_UMUTEX_RB_NOTRECOV;
	return FBSD_UMUTEX_UNOWNED;
}

/* do_unlock_normal(), and do_unlock_pi() without the priority lending */
static long
unlock_normal(uint64_t m, uint32_t id, uint32_t flags, int type, int rb)
{
	struct uq_chain *ch = uq_chain(m);
	uint32_t owner, old, newlock;
	int count, failed;

	for (;;) {
		owner = uload(M_OWNER(m));
		if ((owner & ~FBSD_UMUTEX_CONTESTED) != id)
			return -EPERM;
		newlock = unlock_val(flags, rb);
		if ((owner & FBSD_UMUTEX_CONTESTED) == 0) {
			if (ucas(M_OWNER(m), owner, &old, newlock) == 0)
				return 0;
			continue;
		}
		uq_lock(ch);
		count = uq_count(ch, m, type, UQ_SHARED_QUEUE);
		/* With more than one sleeper the next owner must come back to
		 * the kernel too. */
		if (count > 1)
			newlock |= FBSD_UMUTEX_CONTESTED;
		failed = ucas(M_OWNER(m), owner, &old, newlock);
		uq_signal(ch, m, type, UQ_SHARED_QUEUE, 1);
		uq_unlock(ch);
		if (failed)
			return -EINVAL;
		return 0;
	}
}

/* do_lock_pp() without the priority ceiling: a PP mutex's free state is
 * CONTESTED, so that every lock comes to the kernel. */
static long
lock_pp(uint64_t m, uint32_t id, const struct deadline *dl, int mode)
{
	struct uq_chain *ch = uq_chain(m);
	struct uq_waiter w;
	uint32_t owner, ceiling;
	long error = 0;

	for (;;) {
		uq_lock(ch);
		ceiling = FBSD_RTP_PRIO_MAX - uload(M_CEIL0(m));
		if (ceiling > FBSD_RTP_PRIO_MAX) {
			uq_unlock(ch);
			return -EINVAL;
		}
		if (ucas(M_OWNER(m), FBSD_UMUTEX_CONTESTED, &owner, id | FBSD_UMUTEX_CONTESTED) == 0) {
			uq_unlock(ch);
			return 0;
		}
		if (owner == FBSD_UMUTEX_RB_OWNERDEAD) {
			if (ucas(M_OWNER(m), owner, &owner, id | FBSD_UMUTEX_CONTESTED) == 0) {
				uq_unlock(ch);
				return -EOWNERDEAD;
			}
			if (error == 0 && mode == MODE_LOCK) {
				uq_unlock(ch);
				continue;
			}
		} else if (owner == FBSD_UMUTEX_RB_NOTRECOV) {
			error = -ENOTRECOVERABLE;
		}
		if (mode != MODE_LOCK)
			error = -EBUSY;
		if (error != 0) {
			uq_unlock(ch);
			return error;
		}
		uq_insert(ch, &w, m, UQ_PP_UMUTEX, UQ_SHARED_QUEUE);
		error = uq_sleep(ch, &w, dl);
		if (error != 0)
			uq_remove(ch, &w);
		uq_unlock(ch);
	}
}

static long
unlock_pp(uint64_t m, uint32_t id, uint32_t flags, int rb)
{
	struct uq_chain *ch = uq_chain(m);
	uint32_t owner, rceiling;

	owner = uload(M_OWNER(m));
	if ((owner & ~FBSD_UMUTEX_CONTESTED) != id)
		return -EPERM;
	rceiling = uload(M_CEIL1(m));
	if (rceiling != UINT32_MAX && FBSD_RTP_PRIO_MAX - rceiling > FBSD_RTP_PRIO_MAX)
		return -EINVAL;
	uq_lock(ch);
	ustore(M_OWNER(m), unlock_val(flags, rb) | FBSD_UMUTEX_CONTESTED);
	uq_signal(ch, m, UQ_PP_UMUTEX, UQ_SHARED_QUEUE, 1);
	uq_unlock(ch);
	return 0;
}

/* do_lock_umutex() */
static long
lock_umutex(uint64_t m, uint32_t id, const struct deadline *dl, int mode)
{
	uint32_t flags;
	long r;

	r = uobj_probe(m, sizeof(struct fbsd_umutex));
	if (r < 0)
		return r;
	flags = uload(M_FLAGS(m));
	switch (flags & (FBSD_UMUTEX_PRIO_INHERIT | FBSD_UMUTEX_PRIO_PROTECT)) {
	case 0:
	case FBSD_UMUTEX_PRIO_INHERIT:
		return lock_normal(m, id, mutex_type(flags), dl, mode);
	case FBSD_UMUTEX_PRIO_PROTECT:
		return lock_pp(m, id, dl, mode);
	}
	return -EINVAL;
}

/* do_unlock_umutex() */
static long
unlock_umutex(uint64_t m, uint32_t id, int rb)
{
	uint32_t flags;
	long r;

	r = uobj_probe(m, sizeof(struct fbsd_umutex));
	if (r < 0)
		return r;
	flags = uload(M_FLAGS(m));
	switch (flags & (FBSD_UMUTEX_PRIO_INHERIT | FBSD_UMUTEX_PRIO_PROTECT)) {
	case 0:
	case FBSD_UMUTEX_PRIO_INHERIT:
		return unlock_normal(m, id, flags, mutex_type(flags), rb);
	case FBSD_UMUTEX_PRIO_PROTECT:
		return unlock_pp(m, id, flags, rb);
	}
	return -EINVAL;
}

/* do_wake_umutex() (UMTX_OP_MUTEX_WAKE, deprecated) */
static long
wake_umutex(uint64_t m)
{
	struct uq_chain *ch = uq_chain(m);
	uint32_t owner, old;
	int count;
	long r;

	r = uobj_probe(m, sizeof(struct fbsd_umutex));
	if (r < 0)
		return r;
	uq_lock(ch);
	owner = uload(M_OWNER(m));
	if (!is_unowned_or_dead(owner)) {
		uq_unlock(ch);
		return 0;
	}
	count = uq_count(ch, m, UQ_NORMAL_UMUTEX, UQ_SHARED_QUEUE);
	/* Clear a contested bit nobody needs any more.  (FreeBSD retries
	 * forever on an unowned word; there is nothing to clear there.) */
	if (count <= 1 && owner == FBSD_UMUTEX_CONTESTED)
		ucas(M_OWNER(m), owner, &old, FBSD_UMUTEX_UNOWNED);
	if (count != 0)
		uq_signal(ch, m, UQ_NORMAL_UMUTEX, UQ_SHARED_QUEUE, 1);
	uq_unlock(ch);
	return 0;
}

/* do_wake2_umutex(): after libthr released the mutex in user space. */
static long
wake2_umutex(uint64_t m, uint32_t flags)
{
	struct uq_chain *ch = uq_chain(m);
	uint32_t owner, old;
	int type, count;
	long r;

	switch (flags & (FBSD_UMUTEX_PRIO_INHERIT | FBSD_UMUTEX_PRIO_PROTECT)) {
	case 0:
	case FBSD_UMUTEX_PRIO_INHERIT:
	case FBSD_UMUTEX_PRIO_PROTECT:
		type = mutex_type(flags);
		break;
	default:
		return -EINVAL;
	}
	uq_lock(ch);
	count = uq_count(ch, m, type, UQ_SHARED_QUEUE);
	/* Only touch the word if someone still refers to the mutex. */
	if (count == 0) {
		uq_unlock(ch);
		return 0;
	}
	r = uobj_probe(m, sizeof(struct fbsd_umutex));
	if (r < 0) {
		uq_signal(ch, m, type, UQ_SHARED_QUEUE, INT_MAX);
		uq_unlock(ch);
		return r;
	}
	owner = uload(M_OWNER(m));
	/* Repair the contested bit: the sleepers beyond the one woken, or
	 * an owner that came in meanwhile, must come back here. */
	while ((owner & FBSD_UMUTEX_CONTESTED) == 0 &&
	    (count > 1 || (owner & ~FBSD_UMUTEX_CONTESTED) != 0)) {
		if (ucas(M_OWNER(m), owner, &old, owner | FBSD_UMUTEX_CONTESTED) == 0)
			break;
		owner = old;
	}
	if (is_unowned_or_dead(owner))
		uq_signal(ch, m, type, UQ_SHARED_QUEUE, 1);
	uq_unlock(ch);
	return 0;
}

/* do_set_ceiling() without the priority change */
static long
set_ceiling(uint64_t m, uint32_t id, uint32_t ceiling, uint64_t old_ceiling)
{
	struct uq_chain *ch = uq_chain(m);
	struct uq_waiter w;
	uint32_t flags, owner, save;
	long r, error = 0;

	r = uobj_probe(m, sizeof(struct fbsd_umutex));
	if (r < 0)
		return r;
	flags = uload(M_FLAGS(m));
	if ((flags & FBSD_UMUTEX_PRIO_PROTECT) == 0 || ceiling > FBSD_RTP_PRIO_MAX)
		return -EINVAL;
	uq_lock(ch);
	for (;;) {
		save = uload(M_CEIL0(m));
		if (ucas(M_OWNER(m), FBSD_UMUTEX_CONTESTED, &owner, id | FBSD_UMUTEX_CONTESTED) == 0) {
			ustore(M_CEIL0(m), ceiling);
			ustore(M_OWNER(m), FBSD_UMUTEX_CONTESTED);
			break;
		}
		if ((owner & ~FBSD_UMUTEX_CONTESTED) == id) {
			ustore(M_CEIL0(m), ceiling);
			break;
		}
		if (owner == FBSD_UMUTEX_RB_OWNERDEAD) {
			error = -EOWNERDEAD;
			break;
		}
		if (owner == FBSD_UMUTEX_RB_NOTRECOV) {
			error = -ENOTRECOVERABLE;
			break;
		}
		if (error != 0)
			break;
		uq_insert(ch, &w, m, UQ_PP_UMUTEX, UQ_SHARED_QUEUE);
		error = uq_sleep(ch, &w, NULL);
		if (error != 0)
			uq_remove(ch, &w);
	}
	if (error == 0)
		uq_signal(ch, m, UQ_PP_UMUTEX, UQ_SHARED_QUEUE, INT_MAX);
	uq_unlock(ch);
	if (error == 0 && old_ceiling != 0)
		error = ux_copyout(old_ceiling, &save, sizeof(save));
	return error;
}

/* --- condition variables ----------------------------------------------------- */

#define C_HASW(cv)	((cv) + offsetof(struct fbsd_ucond, c_has_waiters))
#define C_FLAGS(cv)	((cv) + offsetof(struct fbsd_ucond, c_flags))
#define C_CLOCK(cv)	((cv) + offsetof(struct fbsd_ucond, c_clockid))

/* do_cv_wait(): queue on the condition, release the mutex, sleep. */
static long
cv_wait(uint64_t cv, uint64_t m, uint32_t id, const struct fbsd_timespec *timeout, uint64_t wflags)
{
	struct uq_chain *ch = uq_chain(cv);
	struct uq_waiter w;
	struct deadline dl;
	uint32_t clockid;
	long r, error;

	r = uobj_probe(cv, sizeof(struct fbsd_ucond));
	if (r < 0)
		return r;
	if (wflags & FBSD_CVWAIT_CLOCKID) {
		clockid = uload(C_CLOCK(cv));
		if ((int32_t)clockid < FBSD_CLOCK_REALTIME ||
		    (int32_t)clockid >= FBSD_CLOCK_THREAD_CPUTIME_ID)
			return -EINVAL;
	} else {
		clockid = FBSD_CLOCK_REALTIME;
	}
	uq_lock(ch);
	uq_insert(ch, &w, cv, UQ_CV, UQ_SHARED_QUEUE);
	/* Set c_has_waiters before the mutex goes, without dirtying the
	 * cache line when it is already set. */
	if (uload(C_HASW(cv)) == 0)
		ustore(C_HASW(cv), 1);
	uq_unlock(ch);

	error = unlock_umutex(m, id, 0);
	if (timeout != NULL && error == 0)
		error = deadline_init(&dl, (int)clockid, (wflags & FBSD_CVWAIT_ABSTIME) != 0, timeout);

	uq_lock(ch);
	if (error == 0)
		error = uq_sleep(ch, &w, timeout != NULL ? &dl : NULL);
	if (__atomic_load_n(&w.woken, __ATOMIC_ACQUIRE)) {
		error = 0;
	} else {
		/* Timeout, signal or failed unlock: the last sleeper to go
		 * clears the flag. */
		int left = uq_count(ch, cv, UQ_CV, UQ_SHARED_QUEUE);
		uq_remove(ch, &w);
		if (left == 1)
			ustore(C_HASW(cv), 0);
	}
	uq_unlock(ch);
	return error;
}

static long
cv_signal(uint64_t cv)
{
	struct uq_chain *ch = uq_chain(cv);
	int cnt, nwake;
	long r;

	r = uobj_probe(cv, sizeof(struct fbsd_ucond));
	if (r < 0)
		return r;
	uq_lock(ch);
	cnt = uq_count(ch, cv, UQ_CV, UQ_SHARED_QUEUE);
	nwake = uq_signal(ch, cv, UQ_CV, UQ_SHARED_QUEUE, 1);
	if (cnt <= nwake)
		ustore(C_HASW(cv), 0);
	uq_unlock(ch);
	return 0;
}

static long
cv_broadcast(uint64_t cv)
{
	struct uq_chain *ch = uq_chain(cv);
	long r;

	r = uobj_probe(cv, sizeof(struct fbsd_ucond));
	if (r < 0)
		return r;
	uq_lock(ch);
	uq_signal(ch, cv, UQ_CV, UQ_SHARED_QUEUE, INT_MAX);
	ustore(C_HASW(cv), 0);
	uq_unlock(ch);
	return 0;
}

/* --- reader/writer locks ------------------------------------------------------- */

#define RW_STATE(rw)	((rw) + offsetof(struct fbsd_urwlock, rw_state))
#define RW_FLAGS(rw)	((rw) + offsetof(struct fbsd_urwlock, rw_flags))
#define RW_BREAD(rw)	((rw) + offsetof(struct fbsd_urwlock, rw_blocked_readers))
#define RW_BWRITE(rw)	((rw) + offsetof(struct fbsd_urwlock, rw_blocked_writers))
#define RW_READERS(s)	((s) & FBSD_URWLOCK_MAX_READERS)

/* do_rw_rdlock() */
static long
rw_rdlock(uint64_t rw, uint64_t fflag, const struct deadline *dl)
{
	struct uq_chain *ch = uq_chain(rw);
	struct uq_waiter w;
	uint32_t flags, wrflags, state, old;
	long r, error = 0;

	r = uobj_probe(rw, sizeof(struct fbsd_urwlock));
	if (r < 0)
		return r;
	flags = uload(RW_FLAGS(rw));
	/* Readers defer to waiting writers unless told to prefer readers. */
	wrflags = FBSD_URWLOCK_WRITE_OWNER;
	if (!(fflag & FBSD_URWLOCK_PREFER_READER) && !(flags & FBSD_URWLOCK_PREFER_READER))
		wrflags |= FBSD_URWLOCK_WRITE_WAITERS;

	for (;;) {
		state = uload(RW_STATE(rw));
		while (!(state & wrflags)) {
			if (RW_READERS(state) == FBSD_URWLOCK_MAX_READERS)
				return -EAGAIN;
			if (ucas(RW_STATE(rw), state, &old, state + 1) == 0)
				return 0;
			state = old;
		}
		if (error != 0)
			return error;

		uq_lock(ch);
		state = uload(RW_STATE(rw));
		/* Set the read-waiters bit, unless the lock is free by now. */
		while ((state & wrflags) && !(state & FBSD_URWLOCK_READ_WAITERS)) {
			if (ucas(RW_STATE(rw), state, &old, state | FBSD_URWLOCK_READ_WAITERS) == 0) {
				state |= FBSD_URWLOCK_READ_WAITERS;
				break;
			}
			state = old;
		}
		if (!(state & wrflags)) {
			uq_unlock(ch);
			continue;
		}
		ustore(RW_BREAD(rw), uload(RW_BREAD(rw)) + 1);
		while (state & wrflags) {
			uq_insert(ch, &w, rw, UQ_RWLOCK, UQ_SHARED_QUEUE);
			error = uq_sleep(ch, &w, dl);
			if (error != 0) {
				uq_remove(ch, &w);
				break;
			}
			state = uload(RW_STATE(rw));
		}
		/* The last blocked reader clears the read-waiters bit. */
		uint32_t blocked = uload(RW_BREAD(rw));
		ustore(RW_BREAD(rw), blocked - 1);
		if (blocked == 1) {
			state = uload(RW_STATE(rw));
			while (ucas(RW_STATE(rw), state, &old, state & ~FBSD_URWLOCK_READ_WAITERS) != 0)
				state = old;
		}
		uq_unlock(ch);
		if (error != 0)
			return error;
	}
}

/* do_rw_wrlock() */
static long
rw_wrlock(uint64_t rw, const struct deadline *dl)
{
	struct uq_chain *ch = uq_chain(rw);
	struct uq_waiter w;
	uint32_t state, old, blocked_readers = 0;
	long r, error = 0;

	r = uobj_probe(rw, sizeof(struct fbsd_urwlock));
	if (r < 0)
		return r;
	for (;;) {
		state = uload(RW_STATE(rw));
		while (!(state & FBSD_URWLOCK_WRITE_OWNER) && RW_READERS(state) == 0) {
			if (ucas(RW_STATE(rw), state, &old, state | FBSD_URWLOCK_WRITE_OWNER) == 0)
				return 0;
			state = old;
		}
		if (error != 0) {
			/* Giving up: readers that stood back for this writer
			 * may go now. */
			if (!(state & (FBSD_URWLOCK_WRITE_OWNER | FBSD_URWLOCK_WRITE_WAITERS)) &&
			    blocked_readers != 0) {
				uq_lock(ch);
				uq_signal(ch, rw, UQ_RWLOCK, UQ_SHARED_QUEUE, INT_MAX);
				uq_unlock(ch);
			}
			return error;
		}

		uq_lock(ch);
		state = uload(RW_STATE(rw));
		while (((state & FBSD_URWLOCK_WRITE_OWNER) || RW_READERS(state) != 0) &&
		    !(state & FBSD_URWLOCK_WRITE_WAITERS)) {
			if (ucas(RW_STATE(rw), state, &old, state | FBSD_URWLOCK_WRITE_WAITERS) == 0) {
				state |= FBSD_URWLOCK_WRITE_WAITERS;
				break;
			}
			state = old;
		}
		if (!(state & FBSD_URWLOCK_WRITE_OWNER) && RW_READERS(state) == 0) {
			uq_unlock(ch);
			continue;
		}
		ustore(RW_BWRITE(rw), uload(RW_BWRITE(rw)) + 1);
		while ((state & FBSD_URWLOCK_WRITE_OWNER) || RW_READERS(state) != 0) {
			uq_insert(ch, &w, rw, UQ_RWLOCK, UQ_EXCLUSIVE_QUEUE);
			error = uq_sleep(ch, &w, dl);
			if (error != 0) {
				uq_remove(ch, &w);
				break;
			}
			state = uload(RW_STATE(rw));
		}
		uint32_t blocked = uload(RW_BWRITE(rw));
		ustore(RW_BWRITE(rw), blocked - 1);
		if (blocked == 1) {
			state = uload(RW_STATE(rw));
			while (ucas(RW_STATE(rw), state, &old, state & ~FBSD_URWLOCK_WRITE_WAITERS) != 0)
				state = old;
			blocked_readers = uload(RW_BREAD(rw));
		} else {
			blocked_readers = 0;
		}
		uq_unlock(ch);
	}
}

/* do_rw_unlock() */
static long
rw_unlock(uint64_t rw)
{
	struct uq_chain *ch = uq_chain(rw);
	uint32_t flags, state, old;
	int count = 0, q = UQ_SHARED_QUEUE;
	long r;

	r = uobj_probe(rw, sizeof(struct fbsd_urwlock));
	if (r < 0)
		return r;
	flags = uload(RW_FLAGS(rw));
	state = uload(RW_STATE(rw));
	if (state & FBSD_URWLOCK_WRITE_OWNER) {
		while (ucas(RW_STATE(rw), state, &old, state & ~FBSD_URWLOCK_WRITE_OWNER) != 0) {
			state = old;
			if (!(old & FBSD_URWLOCK_WRITE_OWNER))
				return -EPERM;
		}
	} else if (RW_READERS(state) != 0) {
		while (ucas(RW_STATE(rw), state, &old, state - 1) != 0) {
			state = old;
			if (RW_READERS(old) == 0)
				return -EPERM;
		}
	} else {
		return -EPERM;
	}
	/* One writer or all readers, in the order the lock prefers. */
	if (!(flags & FBSD_URWLOCK_PREFER_READER)) {
		if (state & FBSD_URWLOCK_WRITE_WAITERS) {
			count = 1;
			q = UQ_EXCLUSIVE_QUEUE;
		} else if (state & FBSD_URWLOCK_READ_WAITERS) {
			count = INT_MAX;
			q = UQ_SHARED_QUEUE;
		}
	} else {
		if (state & FBSD_URWLOCK_READ_WAITERS) {
			count = INT_MAX;
			q = UQ_SHARED_QUEUE;
		} else if (state & FBSD_URWLOCK_WRITE_WAITERS) {
			count = 1;
			q = UQ_EXCLUSIVE_QUEUE;
		}
	}
	if (count) {
		uq_lock(ch);
		uq_signal(ch, rw, UQ_RWLOCK, q, count);
		uq_unlock(ch);
	}
	return 0;
}

/* --- semaphores --------------------------------------------------------------- */

#define S2_COUNT(s)	((s) + offsetof(struct fbsd_usem2, _count))
#define S2_FLAGS(s)	((s) + offsetof(struct fbsd_usem2, _flags))

/* do_sem2_wait(): sleep while the count is zero, with the waiters bit set. */
static long
sem2_wait(uint64_t sem, const struct deadline *dl)
{
	struct uq_chain *ch = uq_chain(sem);
	struct uq_waiter w;
	uint32_t count;
	long r;

	r = uobj_probe(sem, sizeof(struct fbsd_usem2));
	if (r < 0)
		return r;
	uq_lock(ch);
	count = uload(S2_COUNT(sem));
	for (;;) {
		if (count & FBSD_USEM_MAX_COUNT) {
			uq_unlock(ch);
			return 0;
		}
		if (count == FBSD_USEM_HAS_WAITERS)
			break;
		if (ucas(S2_COUNT(sem), 0, &count, FBSD_USEM_HAS_WAITERS) == 0)
			break;
	}
	uq_insert(ch, &w, sem, UQ_SEM, UQ_SHARED_QUEUE);
	r = uq_sleep(ch, &w, dl);
	if (r != 0)
		uq_remove(ch, &w);
	uq_unlock(ch);
	return r;
}

static long
sem2_wake(uint64_t sem)
{
	struct uq_chain *ch = uq_chain(sem);
	uint32_t count, old;
	int cnt;
	long r;

	r = uobj_probe(sem, sizeof(struct fbsd_usem2));
	if (r < 0)
		return r;
	uq_lock(ch);
	cnt = uq_count(ch, sem, UQ_SEM, UQ_SHARED_QUEUE);
	if (cnt > 0) {
		/* Waking the last sleeper: clear the waiters bit. */
		if (cnt == 1) {
			count = uload(S2_COUNT(sem));
			while (count & FBSD_USEM_HAS_WAITERS) {
				if (ucas(S2_COUNT(sem), count, &old, count & ~FBSD_USEM_HAS_WAITERS) == 0)
					break;
				count = old;
			}
		}
		uq_signal(ch, sem, UQ_SEM, UQ_SHARED_QUEUE, 1);
	}
	uq_unlock(ch);
	return 0;
}

/* SEM2_WAIT with a relative timeout interrupted by a signal: the time left
 * goes after the _umtx_time, when the caller made room for it. */
static long
sem2_wait_op(uint64_t sem, void *uaddr1, void *uaddr2, int *restart)
{
	struct fbsd_umtx_time ut;
	struct deadline dl;
	long r;

	*restart = 1;
	if (uaddr2 == NULL)
		return sem2_wait(sem, NULL);
	r = copyin_umtx_time(uaddr1, uaddr2, &dl, &ut);
	if (r < 0)
		return r;
	*restart = (ut._flags & FBSD_UMTX_ABSTIME) != 0;
	r = sem2_wait(sem, &dl);
	if (r == -EINTR && !(ut._flags & FBSD_UMTX_ABSTIME) &&
	    (uintptr_t)uaddr1 >= sizeof(struct fbsd_umtx_time) + sizeof(struct fbsd_timespec)) {
		struct timespec now;
		struct fbsd_timespec left;
		host_now(dl.clock, &now);
		left.tv_sec = dl.ts.tv_sec - now.tv_sec;
		left.tv_nsec = dl.ts.tv_nsec - now.tv_nsec;
		if (left.tv_nsec < 0) {
			left.tv_sec--;
			left.tv_nsec += NS_PER_SEC;
		}
		if (left.tv_sec < 0)
			left.tv_sec = left.tv_nsec = 0;
		long c = ux_copyout((char *)uaddr2 + sizeof(struct fbsd_umtx_time), &left, sizeof(left));
		if (c < 0)
			return c;
	}
	return r;
}

#define S_HASW(s)	((s) + offsetof(struct fbsd_usem, _has_waiters))
#define S_COUNT(s)	((s) + offsetof(struct fbsd_usem, _count))

/* do_sem_wait() (the FreeBSD 9/10 semaphore) */
static long
sem_wait(uint64_t sem, const struct deadline *dl)
{
	struct uq_chain *ch = uq_chain(sem);
	struct uq_waiter w;
	uint32_t old;
	long r;

	r = uobj_probe(sem, sizeof(struct fbsd_usem));
	if (r < 0)
		return r;
	uq_lock(ch);
	int set = ucas(S_HASW(sem), 0, &old, 1) == 0;
	if (uload(S_COUNT(sem)) != 0) {
		if (set)
			ustore(S_HASW(sem), 0);
		uq_unlock(ch);
		return 0;
	}
	uq_insert(ch, &w, sem, UQ_SEM, UQ_SHARED_QUEUE);
	r = uq_sleep(ch, &w, dl);
	if (r != 0)
		uq_remove(ch, &w);
	uq_unlock(ch);
	return r;
}

static long
sem_wake(uint64_t sem)
{
	struct uq_chain *ch = uq_chain(sem);
	int cnt;
	long r;

	r = uobj_probe(sem, sizeof(struct fbsd_usem));
	if (r < 0)
		return r;
	uq_lock(ch);
	cnt = uq_count(ch, sem, UQ_SEM, UQ_SHARED_QUEUE);
	if (cnt > 0) {
		if (cnt == 1)
			ustore(S_HASW(sem), 0);
		uq_signal(ch, sem, UQ_SEM, UQ_SHARED_QUEUE, 1);
	}
	uq_unlock(ch);
	return 0;
}

/* --- robust mutexes at thread exit ----------------------------------------- */

#define UMTX_MAX_ROBUST	1000	/* kern.ipc.umtx_max_robust */

/* umtx_handle_rb(): hand a dead owner's robust mutex on as OWNERDEAD. */
static long
handle_rb(struct ux_thread *td, uint64_t rbp, uint64_t *next, int inact)
{
	struct fbsd_umutex m;
	long r;

	r = ux_copyin(&m, rbp, sizeof(m));
	if (r < 0)
		return r;
	if (next != NULL)
		*next = m.m_rb_lnk;
	if (!(m.m_flags & FBSD_UMUTEX_ROBUST))
		return -EINVAL;
	if ((m.m_owner & ~FBSD_UMUTEX_CONTESTED) != fbsd_thr_id(td))
		return inact ? 0 : -EINVAL;
	return unlock_umutex(rbp, fbsd_thr_id(td), 1);
}

static void
cleanup_rb_list(struct ux_thread *td, uint64_t list, uint64_t *inact)
{
	uint64_t rbp;
	int i;

	if (list == 0 || ux_copyin(&rbp, list, sizeof(rbp)) < 0)
		return;
	for (i = 0; rbp != 0 && i < UMTX_MAX_ROBUST; i++) {
		int is_inact = rbp == *inact;
		if (is_inact)
			*inact = 0;
		if (handle_rb(td, rbp, &rbp, is_inact) < 0)
			break;
	}
}

void
fbsd_umtx_thread_exit(struct ux_thread *td)
{
	struct fbsd_thread *ft = fbsd_td(td);
	uint64_t inact = 0;

	if (ft->rb_list == 0 && ft->rbp_list == 0 && ft->rb_inact == 0)
		return;
	if (ft->rb_inact != 0 && ux_copyin(&inact, ft->rb_inact, sizeof(inact)) < 0)
		inact = 0;
	cleanup_rb_list(td, ft->rb_list, &inact);
	cleanup_rb_list(td, ft->rbp_list, &inact);
	if (inact != 0)
		handle_rb(td, inact, NULL, 1);
	ft->rb_list = ft->rbp_list = ft->rb_inact = 0;
}

static long
robust_lists(struct ux_thread *td, uint64_t size, void *uaddr)
{
	struct fbsd_umtx_robust_lists_params rb;
	struct fbsd_thread *ft = fbsd_td(td);
	long r;

	if (size > sizeof(rb))
		return -EINVAL;
	memset(&rb, 0, sizeof(rb));
	r = ux_copyin(&rb, uaddr, (size_t)size);
	if (r < 0)
		return r;
	ft->rb_list = rb.robust_list_offset;
	ft->rbp_list = rb.robust_priv_list_offset;
	ft->rb_inact = rb.robust_inact_offset;
	return 0;
}

/* --- the system call -------------------------------------------------------------- */

static const char *const umtx_op_names[] = {
	"UMTX_OP_LOCK", "UMTX_OP_UNLOCK", "UMTX_OP_WAIT", "UMTX_OP_WAKE",
	"UMTX_OP_MUTEX_TRYLOCK", "UMTX_OP_MUTEX_LOCK", "UMTX_OP_MUTEX_UNLOCK",
	"UMTX_OP_SET_CEILING", "UMTX_OP_CV_WAIT", "UMTX_OP_CV_SIGNAL",
	"UMTX_OP_CV_BROADCAST", "UMTX_OP_WAIT_UINT", "UMTX_OP_RW_RDLOCK",
	"UMTX_OP_RW_WRLOCK", "UMTX_OP_RW_UNLOCK", "UMTX_OP_WAIT_UINT_PRIVATE",
	"UMTX_OP_WAKE_PRIVATE", "UMTX_OP_MUTEX_WAIT", "UMTX_OP_MUTEX_WAKE",
	"UMTX_OP_SEM_WAIT", "UMTX_OP_SEM_WAKE", "UMTX_OP_NWAKE_PRIVATE",
	"UMTX_OP_MUTEX_WAKE2", "UMTX_OP_SEM2_WAIT", "UMTX_OP_SEM2_WAKE",
	"UMTX_OP_SHM", "UMTX_OP_ROBUST_LISTS", "UMTX_OP_GET_MIN_TIMEOUT",
	"UMTX_OP_SET_MIN_TIMEOUT",
};
#define UMTX_OP_COUNT (sizeof(umtx_op_names) / sizeof(umtx_op_names[0]))

static long
unsupported_op(int op, uint64_t raw)
{
	static uint8_t reported[UMTX_OP_COUNT + 1];
	unsigned i = op >= 0 && (unsigned)op < UMTX_OP_COUNT ? (unsigned)op : UMTX_OP_COUNT;

	ux_report_once(&reported[i], "unsupported FreeBSD _umtx_op operation %s (%lu): returning EINVAL",
	    i < UMTX_OP_COUNT ? umtx_op_names[i] : "unknown", (unsigned long)raw);
	return -EINVAL;
}

/*
 * FreeBSD turns ERESTART into EINTR for most umtx sleeps, so those calls
 * are never run again after an SA_RESTART handler (a condition wait has
 * already given up its mutex).  uxrun's signal code restarts a call that
 * failed with EINTR unless the call says otherwise, as this one does.
 */
long
fbsd_eintr_no_restart(struct uxcall *c)
{
	c->no_restart = 1;
	return -EINTR;
}

static long
umtx_op(struct uxcall *c, uint64_t o, int op, unsigned long val, void *uaddr1, void *uaddr2,
    int *restart)
{
	struct deadline dl, *dlp;
	struct fbsd_timespec ts;
	uint32_t id = fbsd_thr_id(c->td);
	long r;

	*restart = 0;
	switch (op) {
	case FBSD_UMTX_OP_WAIT:
		r = op_deadline(uaddr1, uaddr2, &dl, &dlp);
		return r < 0 ? r : do_wait_long(o, val, dlp);
	case FBSD_UMTX_OP_WAIT_UINT:
	case FBSD_UMTX_OP_WAIT_UINT_PRIVATE:
		r = op_deadline(uaddr1, uaddr2, &dl, &dlp);
		return r < 0 ? r : do_wait_uint(o, val, dlp);
	case FBSD_UMTX_OP_WAKE:
		r = futex_wake((void *)(uintptr_t)o, wake_count(val), 0);
		return r == -EFAULT ? r : 0;
	case FBSD_UMTX_OP_WAKE_PRIVATE:
		futex_wake((void *)(uintptr_t)o, wake_count(val), 0);
		return 0;
	case FBSD_UMTX_OP_NWAKE_PRIVATE:
		return do_nwake_private(o, (int)val);

	case FBSD_UMTX_OP_MUTEX_TRYLOCK:
		return lock_umutex(o, id, NULL, MODE_TRY);
	case FBSD_UMTX_OP_MUTEX_LOCK:
		r = op_deadline(uaddr1, uaddr2, &dl, &dlp);
		/* Only an untimed lock is restarted. */
		*restart = dlp == NULL;
		return r < 0 ? r : lock_umutex(o, id, dlp, MODE_LOCK);
	case FBSD_UMTX_OP_MUTEX_WAIT:
		r = op_deadline(uaddr1, uaddr2, &dl, &dlp);
		return r < 0 ? r : lock_umutex(o, id, dlp, MODE_WAIT);
	case FBSD_UMTX_OP_MUTEX_UNLOCK:
		return unlock_umutex(o, id, 0);
	case FBSD_UMTX_OP_MUTEX_WAKE:
		return wake_umutex(o);
	case FBSD_UMTX_OP_MUTEX_WAKE2:
		return wake2_umutex(o, (uint32_t)val);
	case FBSD_UMTX_OP_SET_CEILING:
		*restart = 1;
		return set_ceiling(o, id, (uint32_t)val, (uint64_t)(uintptr_t)uaddr1);

	case FBSD_UMTX_OP_CV_WAIT:
		/* A bare timespec here, not an _umtx_time. */
		if (uaddr2 != NULL) {
			r = ux_copyin(&ts, uaddr2, sizeof(ts));
			if (r < 0)
				return r;
			if (!fbsd_ts_valid(&ts))
				return -EINVAL;
		}
		return cv_wait(o, (uint64_t)(uintptr_t)uaddr1, id, uaddr2 ? &ts : NULL, val);
	case FBSD_UMTX_OP_CV_SIGNAL:
		return cv_signal(o);
	case FBSD_UMTX_OP_CV_BROADCAST:
		return cv_broadcast(o);

	case FBSD_UMTX_OP_RW_RDLOCK:
		r = op_deadline(uaddr1, uaddr2, &dl, &dlp);
		return r < 0 ? r : rw_rdlock(o, val, dlp);
	case FBSD_UMTX_OP_RW_WRLOCK:
		r = op_deadline(uaddr1, uaddr2, &dl, &dlp);
		return r < 0 ? r : rw_wrlock(o, dlp);
	case FBSD_UMTX_OP_RW_UNLOCK:
		return rw_unlock(o);

	/* A semaphore wait is restarted unless its timeout is relative. */
	case FBSD_UMTX_OP_SEM2_WAIT:
		return sem2_wait_op(o, uaddr1, uaddr2, restart);
	case FBSD_UMTX_OP_SEM2_WAKE:
		return sem2_wake(o);
	case FBSD_UMTX_OP_SEM_WAIT: {
		struct fbsd_umtx_time ut;
		dlp = NULL;
		if (uaddr2 != NULL) {
			r = copyin_umtx_time(uaddr1, uaddr2, &dl, &ut);
			if (r < 0)
				return r;
			dlp = &dl;
		}
		*restart = dlp == NULL || (ut._flags & FBSD_UMTX_ABSTIME);
		return sem_wait(o, dlp);
	}
	case FBSD_UMTX_OP_SEM_WAKE:
		return sem_wake(o);

	case FBSD_UMTX_OP_ROBUST_LISTS:
		return robust_lists(c->td, val, uaddr1);
	case FBSD_UMTX_OP_GET_MIN_TIMEOUT: {
		long v = (long)__atomic_load_n(&umtx_min_timeout_ns, __ATOMIC_RELAXED);
		return ux_copyout(uaddr1, &v, sizeof(v));
	}
	case FBSD_UMTX_OP_SET_MIN_TIMEOUT:
		__atomic_store_n(&umtx_min_timeout_ns, (int64_t)(val > INT64_MAX ? INT64_MAX : val),
		    __ATOMIC_RELAXED);
		return 0;

	case FBSD_UMTX_OP_LOCK:		/* FreeBSD 10's umtx, COMPAT_FREEBSD10 */
	case FBSD_UMTX_OP_UNLOCK:
	case FBSD_UMTX_OP_SHM:
		return unsupported_op(op, (uint32_t)op);
	}
	/* Beyond FreeBSD's table: EINVAL there too. */
	return unsupported_op(op, (uint32_t)op);
}

long
fbsd_sys__umtx_op(struct uxcall *c, void *obj, int op, unsigned long val, void *uaddr1,
    void *uaddr2)
{
	int restart;
	long r;

	if (c->td == NULL)
		return -EINVAL;
	/* The 32-bit layouts (i386 and compat32) have no use in a 64-bit
	 * guest. */
	if ((uint32_t)op & (FBSD_UMTX_OP__I386 | FBSD_UMTX_OP__32BIT))
		return unsupported_op(-1, (uint32_t)op);
	r = umtx_op(c, (uint64_t)(uintptr_t)obj, op, val, uaddr1, uaddr2, &restart);
	if (r == -EINTR && !restart)
		return fbsd_eintr_no_restart(c);
	return r;
}
