/*
 * FreeBSD's mutexes, condition variables, read-write locks, barriers and
 * spin locks over glibc's.  Each FreeBSD object is a pointer; a NULL one
 * (the static initialisers) gets its glibc object on first use, installed
 * with a compare-and-swap so that threads racing to use the same
 * statically initialised object all end up with the one that won.  Small
 * pointer values are libthr's markers: PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP
 * and the "destroyed" values, which make later use fail with EINVAL.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "libshim/freebsd/libc_shim.h"
#include "libshim/freebsd/libthr_shim.h"

struct shim_mutex {
	pthread_mutex_t m;
	int type;			/* FreeBSD's */
};

struct shim_mutexattr {
	int type, pshared, protocol, ceiling, robust;
};

struct shim_cond {
	pthread_cond_t c;
};

struct shim_condattr {
	int clock, pshared;		/* FreeBSD's clock id */
};

struct shim_rwlock {
	pthread_rwlock_t rw;
};

struct shim_pattr {
	int pshared;
};

struct shim_barrier {
	pthread_barrier_t b;
};

struct shim_spin {
	pthread_spinlock_t s;
};

/* Installs n in *slot if it still holds old; else frees n with destroy
 * and returns what the slot holds now. */
static void *
install(void **slot, void *old, void *n, void (*destroy)(void *))
{
	if (__atomic_compare_exchange_n(slot, &old, n, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return n;
	destroy(n);
	free(n);
	return old;
}

/* --- mutexes --------------------------------------------------------------- */

static const struct shim_mutexattr default_mutexattr = {
	.type = FBSD_PTHREAD_MUTEX_DEFAULT,
	.protocol = FBSD_PTHREAD_PRIO_NONE,
	.robust = FBSD_PTHREAD_MUTEX_STALLED,
};

static int
mutex_type_to_host(int t)
{
	switch (t) {
	case FBSD_PTHREAD_MUTEX_ERRORCHECK: return PTHREAD_MUTEX_ERRORCHECK;
	case FBSD_PTHREAD_MUTEX_RECURSIVE: return PTHREAD_MUTEX_RECURSIVE;
	case FBSD_PTHREAD_MUTEX_NORMAL: return PTHREAD_MUTEX_NORMAL;
	case FBSD_PTHREAD_MUTEX_ADAPTIVE_NP: return PTHREAD_MUTEX_ADAPTIVE_NP;
	}
	return -1;
}

static int
mutex_new(const struct shim_mutexattr *fa, struct shim_mutex **out)
{
	struct shim_mutex *m = malloc(sizeof(*m));
	pthread_mutexattr_t a;
	int r;

	if (!m)
		return FBSD_ENOMEM;
	pthread_mutexattr_init(&a);
	r = pthread_mutexattr_settype(&a, mutex_type_to_host(fa->type));
	if (r == 0 && fa->robust == FBSD_PTHREAD_MUTEX_ROBUST)
		r = pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	if (r == 0)
		r = pthread_mutex_init(&m->m, &a);
	pthread_mutexattr_destroy(&a);
	if (r != 0) {
		free(m);
		return shim_thr_err(r);
	}
	m->type = fa->type;
	*out = m;
	return 0;
}

static void
mutex_free(void *p)
{
	pthread_mutex_destroy(&((struct shim_mutex *)p)->m);
}

/* The object behind *mp, made now for a static initialiser. */
static int
mutex_get(struct shim_mutex **mp, struct shim_mutex **out)
{
	struct shim_mutex *m;

	if (!mp)
		return FBSD_EINVAL;
	m = __atomic_load_n(mp, __ATOMIC_ACQUIRE);
	while (m == NULL || m == FBSD_THR_ADAPTIVE_MUTEX_INITIALIZER) {
		struct shim_mutexattr fa = default_mutexattr;
		struct shim_mutex *n = NULL;
		int r;

		if (m == FBSD_THR_ADAPTIVE_MUTEX_INITIALIZER)
			fa.type = FBSD_PTHREAD_MUTEX_ADAPTIVE_NP;
		if ((r = mutex_new(&fa, &n)) != 0)
			return r;
		m = install((void **)mp, m, n, mutex_free);
	}
	if (m == FBSD_THR_MUTEX_DESTROYED || m == FBSD_THR_PSHARED_PTR)
		return FBSD_EINVAL;
	*out = m;
	return 0;
}

int
shim_pthread_mutex_init(struct shim_mutex **mp, struct shim_mutexattr *const *attr)
{
	const struct shim_mutexattr *fa = &default_mutexattr;
	struct shim_mutex *m = NULL;
	int r;

	if (attr) {
		if (!*attr)
			return FBSD_EINVAL;
		fa = *attr;
	}
	if ((r = mutex_new(fa, &m)) != 0)
		return r;
	*mp = m;
	return 0;
}

int
shim_pthread_mutex_destroy(struct shim_mutex **mp)
{
	struct shim_mutex *m = *mp;
	int r;

	if (m == NULL || m == FBSD_THR_ADAPTIVE_MUTEX_INITIALIZER) {
		*mp = FBSD_THR_MUTEX_DESTROYED;
		return 0;
	}
	if (m == FBSD_THR_MUTEX_DESTROYED || m == FBSD_THR_PSHARED_PTR)
		return FBSD_EINVAL;
	r = pthread_mutex_destroy(&m->m);
	if (r != 0)
		return shim_thr_err(r);
	*mp = FBSD_THR_MUTEX_DESTROYED;
	free(m);
	return 0;
}

int
shim_pthread_mutex_lock(struct shim_mutex **mp)
{
	struct shim_mutex *m;
	int r = mutex_get(mp, &m);

	return r ? r : shim_thr_err(pthread_mutex_lock(&m->m));
}

int
shim_pthread_mutex_trylock(struct shim_mutex **mp)
{
	struct shim_mutex *m;
	int r = mutex_get(mp, &m);

	return r ? r : shim_thr_err(pthread_mutex_trylock(&m->m));
}

int
shim_pthread_mutex_timedlock(struct shim_mutex **mp, const struct fbsd_timespec *abstime)
{
	struct shim_mutex *m;
	int r = mutex_get(mp, &m);

	if (r)
		return r;
	return shim_thr_err(pthread_mutex_timedlock(&m->m, (const struct timespec *)abstime));
}

int
shim_pthread_mutex_unlock(struct shim_mutex **mp)
{
	struct shim_mutex *m = mp ? __atomic_load_n(mp, __ATOMIC_ACQUIRE) : NULL;

	/* Never locked, so not the caller's to unlock. */
	if (m == NULL || m == FBSD_THR_ADAPTIVE_MUTEX_INITIALIZER)
		return FBSD_EPERM;
	if (m == FBSD_THR_MUTEX_DESTROYED || m == FBSD_THR_PSHARED_PTR)
		return FBSD_EINVAL;
	return shim_thr_err(pthread_mutex_unlock(&m->m));
}

int
shim_pthread_mutex_consistent(struct shim_mutex **mp)
{
	struct shim_mutex *m;
	int r = mutex_get(mp, &m);

	return r ? r : shim_thr_err(pthread_mutex_consistent(&m->m));
}

int
shim_pthread_mutex_isowned_np(struct shim_mutex **mp)
{
	struct shim_mutex *m = mp ? __atomic_load_n(mp, __ATOMIC_ACQUIRE) : NULL;

	if (m == NULL || (uintptr_t)m <= (uintptr_t)FBSD_THR_MUTEX_DESTROYED ||
	    m == FBSD_THR_PSHARED_PTR)
		return 0;
	/* glibc records the owner's tid in every kind of mutex. */
	return __atomic_load_n(&m->m.__data.__owner, __ATOMIC_RELAXED) == gettid();
}

#define MATTR_OK(a)	do { if (!(a) || !*(a)) return FBSD_EINVAL; } while (0)

int
shim_pthread_mutexattr_init(struct shim_mutexattr **a)
{
	struct shim_mutexattr *n = malloc(sizeof(*n));

	if (!n)
		return FBSD_ENOMEM;
	*n = default_mutexattr;
	*a = n;
	return 0;
}

int
shim_pthread_mutexattr_destroy(struct shim_mutexattr **a)
{
	MATTR_OK(a);
	free(*a);
	*a = NULL;
	return 0;
}

int
shim_pthread_mutexattr_gettype(struct shim_mutexattr *const *a, int *v)
{
	MATTR_OK(a);
	*v = (*a)->type;
	return 0;
}

int
shim_pthread_mutexattr_settype(struct shim_mutexattr **a, int v)
{
	MATTR_OK(a);
	if (mutex_type_to_host(v) < 0)
		return FBSD_EINVAL;
	(*a)->type = v;
	return 0;
}

/* The old names, with their own conventions: getkind returns the kind. */
int
shim_pthread_mutexattr_getkind_np(struct shim_mutexattr *a)
{
	if (!a) {
		shim_errno = FBSD_EINVAL;
		return -1;
	}
	return a->type;
}

int
shim_pthread_mutexattr_setkind_np(struct shim_mutexattr **a, int v)
{
	int r = shim_pthread_mutexattr_settype(a, v);

	if (r) {
		shim_errno = r;
		return -1;
	}
	return 0;
}

int
shim_pthread_mutexattr_getpshared(struct shim_mutexattr *const *a, int *v)
{
	MATTR_OK(a);
	*v = (*a)->pshared;
	return 0;
}

int
shim_pthread_mutexattr_setpshared(struct shim_mutexattr **a, int v)
{
	MATTR_OK(a);
	if (v != FBSD_PTHREAD_PROCESS_PRIVATE && v != FBSD_PTHREAD_PROCESS_SHARED)
		return FBSD_EINVAL;
	(*a)->pshared = v;
	return 0;
}

int
shim_pthread_mutexattr_getprotocol(struct shim_mutexattr *const *a, int *v)
{
	MATTR_OK(a);
	*v = (*a)->protocol;
	return 0;
}

int
shim_pthread_mutexattr_setprotocol(struct shim_mutexattr **a, int v)
{
	MATTR_OK(a);
	if (v < FBSD_PTHREAD_PRIO_NONE || v > FBSD_PTHREAD_PRIO_PROTECT)
		return FBSD_EINVAL;
	(*a)->protocol = v;
	return 0;
}

int
shim_pthread_mutexattr_getprioceiling(struct shim_mutexattr *const *a, int *v)
{
	MATTR_OK(a);
	*v = (*a)->ceiling;
	return 0;
}

int
shim_pthread_mutexattr_setprioceiling(struct shim_mutexattr **a, int v)
{
	MATTR_OK(a);
	(*a)->ceiling = v;
	return 0;
}

int
shim_pthread_mutexattr_getrobust(struct shim_mutexattr *const *a, int *v)
{
	MATTR_OK(a);
	*v = (*a)->robust;
	return 0;
}

int
shim_pthread_mutexattr_setrobust(struct shim_mutexattr **a, int v)
{
	MATTR_OK(a);
	if (v != FBSD_PTHREAD_MUTEX_STALLED && v != FBSD_PTHREAD_MUTEX_ROBUST)
		return FBSD_EINVAL;
	(*a)->robust = v;
	return 0;
}

/* --- condition variables ------------------------------------------------------ */

/* pthread_condattr_setclock takes these four on FreeBSD; glibc's condition
 * variables know only the real-time and monotonic clocks.  XXX the CPU-time
 * clocks (CLOCK_VIRTUAL, CLOCK_PROF) are timed against real time. */
static int
cond_clock_to_host(int clock)
{
	switch (clock) {
	case FBSD_CLOCK_REALTIME:
	case FBSD_CLOCK_VIRTUAL:
	case FBSD_CLOCK_PROF:
		return CLOCK_REALTIME;
	case FBSD_CLOCK_MONOTONIC:
		return CLOCK_MONOTONIC;
	}
	return -1;
}

static int
cond_new(const struct shim_condattr *fa, struct shim_cond **out)
{
	struct shim_cond *c = malloc(sizeof(*c));
	pthread_condattr_t a;
	int r;

	if (!c)
		return FBSD_ENOMEM;
	pthread_condattr_init(&a);
	r = pthread_condattr_setclock(&a, fa ? cond_clock_to_host(fa->clock) : CLOCK_REALTIME);
	if (r == 0)
		r = pthread_cond_init(&c->c, &a);
	pthread_condattr_destroy(&a);
	if (r != 0) {
		free(c);
		return shim_thr_err(r);
	}
	*out = c;
	return 0;
}

static void
cond_free(void *p)
{
	pthread_cond_destroy(&((struct shim_cond *)p)->c);
}

static int
cond_get(struct shim_cond **cp, struct shim_cond **out)
{
	struct shim_cond *c;

	if (!cp)
		return FBSD_EINVAL;
	c = __atomic_load_n(cp, __ATOMIC_ACQUIRE);
	while (c == NULL) {
		struct shim_cond *n = NULL;
		int r = cond_new(NULL, &n);

		if (r)
			return r;
		c = install((void **)cp, c, n, cond_free);
	}
	if (c == FBSD_THR_COND_DESTROYED || c == FBSD_THR_PSHARED_PTR)
		return FBSD_EINVAL;
	*out = c;
	return 0;
}

int
shim_pthread_cond_init(struct shim_cond **cp, struct shim_condattr *const *attr)
{
	struct shim_cond *c = NULL;
	int r;

	if (attr && !*attr)
		return FBSD_EINVAL;
	if ((r = cond_new(attr ? *attr : NULL, &c)) != 0)
		return r;
	*cp = c;
	return 0;
}

int
shim_pthread_cond_destroy(struct shim_cond **cp)
{
	struct shim_cond *c = *cp;
	int r;

	if (c == NULL) {
		*cp = FBSD_THR_COND_DESTROYED;
		return 0;
	}
	if (c == FBSD_THR_COND_DESTROYED || c == FBSD_THR_PSHARED_PTR)
		return FBSD_EINVAL;
	r = pthread_cond_destroy(&c->c);
	if (r != 0)
		return shim_thr_err(r);
	*cp = FBSD_THR_COND_DESTROYED;
	free(c);
	return 0;
}

/* The mutex a waiter holds: made already, since it was locked. */
static struct shim_mutex *
held_mutex(struct shim_mutex **mp)
{
	struct shim_mutex *m = mp ? __atomic_load_n(mp, __ATOMIC_ACQUIRE) : NULL;

	if (m == NULL || (uintptr_t)m <= (uintptr_t)FBSD_THR_MUTEX_DESTROYED ||
	    m == FBSD_THR_PSHARED_PTR)
		return NULL;
	return m;
}

int
shim_pthread_cond_wait(struct shim_cond **cp, struct shim_mutex **mp)
{
	struct shim_cond *c;
	struct shim_mutex *m = held_mutex(mp);
	int r;

	if (!m)
		return FBSD_EPERM;
	if ((r = cond_get(cp, &c)) != 0)
		return r;
	shim_thr_cancel_point();
	return shim_thr_err(pthread_cond_wait(&c->c, &m->m));
}

int
shim_pthread_cond_timedwait(struct shim_cond **cp, struct shim_mutex **mp,
    const struct fbsd_timespec *abstime)
{
	struct shim_cond *c;
	struct shim_mutex *m = held_mutex(mp);
	int r;

	if (!m)
		return FBSD_EPERM;
	if (!abstime || abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000)
		return FBSD_EINVAL;
	if ((r = cond_get(cp, &c)) != 0)
		return r;
	shim_thr_cancel_point();
	return shim_thr_err(pthread_cond_timedwait(&c->c, &m->m, (const struct timespec *)abstime));
}

int
shim_pthread_cond_signal(struct shim_cond **cp)
{
	struct shim_cond *c;
	int r = cond_get(cp, &c);

	return r ? r : shim_thr_err(pthread_cond_signal(&c->c));
}

int
shim_pthread_cond_broadcast(struct shim_cond **cp)
{
	struct shim_cond *c;
	int r = cond_get(cp, &c);

	return r ? r : shim_thr_err(pthread_cond_broadcast(&c->c));
}

#define CATTR_OK(a)	do { if (!(a) || !*(a)) return FBSD_EINVAL; } while (0)

int
shim_pthread_condattr_init(struct shim_condattr **a)
{
	struct shim_condattr *n = calloc(1, sizeof(*n));

	if (!n)
		return FBSD_ENOMEM;
	n->clock = FBSD_CLOCK_REALTIME;
	*a = n;
	return 0;
}

int
shim_pthread_condattr_destroy(struct shim_condattr **a)
{
	CATTR_OK(a);
	free(*a);
	*a = NULL;
	return 0;
}

int
shim_pthread_condattr_getclock(struct shim_condattr *const *a, int *clock)
{
	CATTR_OK(a);
	*clock = (*a)->clock;
	return 0;
}

int
shim_pthread_condattr_setclock(struct shim_condattr **a, int clock)
{
	CATTR_OK(a);
	if (cond_clock_to_host(clock) < 0)
		return FBSD_EINVAL;
	(*a)->clock = clock;
	return 0;
}

int
shim_pthread_condattr_getpshared(struct shim_condattr *const *a, int *v)
{
	CATTR_OK(a);
	*v = (*a)->pshared;
	return 0;
}

int
shim_pthread_condattr_setpshared(struct shim_condattr **a, int v)
{
	CATTR_OK(a);
	if (v != FBSD_PTHREAD_PROCESS_PRIVATE && v != FBSD_PTHREAD_PROCESS_SHARED)
		return FBSD_EINVAL;
	(*a)->pshared = v;
	return 0;
}

/* --- read-write locks --------------------------------------------------------- */

static int
rwlock_new(struct shim_rwlock **out)
{
	struct shim_rwlock *rw = malloc(sizeof(*rw));
	int r;

	if (!rw)
		return FBSD_ENOMEM;
	if ((r = pthread_rwlock_init(&rw->rw, NULL)) != 0) {
		free(rw);
		return shim_thr_err(r);
	}
	*out = rw;
	return 0;
}

static void
rwlock_free(void *p)
{
	pthread_rwlock_destroy(&((struct shim_rwlock *)p)->rw);
}

static int
rwlock_get(struct shim_rwlock **rp, struct shim_rwlock **out)
{
	struct shim_rwlock *rw;

	if (!rp)
		return FBSD_EINVAL;
	rw = __atomic_load_n(rp, __ATOMIC_ACQUIRE);
	while (rw == NULL) {
		struct shim_rwlock *n = NULL;
		int r = rwlock_new(&n);

		if (r)
			return r;
		rw = install((void **)rp, rw, n, rwlock_free);
	}
	if (rw == FBSD_THR_RWLOCK_DESTROYED || rw == FBSD_THR_PSHARED_PTR)
		return FBSD_EINVAL;
	*out = rw;
	return 0;
}

int
shim_pthread_rwlock_init(struct shim_rwlock **rp, struct shim_pattr *const *attr)
{
	struct shim_rwlock *rw = NULL;
	int r;

	if (attr && !*attr)
		return FBSD_EINVAL;
	if ((r = rwlock_new(&rw)) != 0)
		return r;
	*rp = rw;
	return 0;
}

int
shim_pthread_rwlock_destroy(struct shim_rwlock **rp)
{
	struct shim_rwlock *rw = *rp;
	int r;

	if (rw == NULL) {
		*rp = FBSD_THR_RWLOCK_DESTROYED;
		return 0;
	}
	if (rw == FBSD_THR_RWLOCK_DESTROYED || rw == FBSD_THR_PSHARED_PTR)
		return FBSD_EINVAL;
	if ((r = pthread_rwlock_destroy(&rw->rw)) != 0)
		return shim_thr_err(r);
	*rp = FBSD_THR_RWLOCK_DESTROYED;
	free(rw);
	return 0;
}

#define RW_CALL(rp, call) do { \
	struct shim_rwlock *rw_ = NULL; \
	int r_ = rwlock_get((rp), &rw_); \
	return r_ ? r_ : shim_thr_err(call(&rw_->rw)); \
} while (0)
#define RW_TIMED(rp, call, t) do { \
	struct shim_rwlock *rw_ = NULL; \
	int r_ = rwlock_get((rp), &rw_); \
	return r_ ? r_ : shim_thr_err(call(&rw_->rw, (const struct timespec *)(t))); \
} while (0)

int
shim_pthread_rwlock_rdlock(struct shim_rwlock **rp)
{
	RW_CALL(rp, pthread_rwlock_rdlock);
}

int
shim_pthread_rwlock_tryrdlock(struct shim_rwlock **rp)
{
	RW_CALL(rp, pthread_rwlock_tryrdlock);
}

int
shim_pthread_rwlock_timedrdlock(struct shim_rwlock **rp, const struct fbsd_timespec *abstime)
{
	RW_TIMED(rp, pthread_rwlock_timedrdlock, abstime);
}

int
shim_pthread_rwlock_wrlock(struct shim_rwlock **rp)
{
	RW_CALL(rp, pthread_rwlock_wrlock);
}

int
shim_pthread_rwlock_trywrlock(struct shim_rwlock **rp)
{
	RW_CALL(rp, pthread_rwlock_trywrlock);
}

int
shim_pthread_rwlock_timedwrlock(struct shim_rwlock **rp, const struct fbsd_timespec *abstime)
{
	RW_TIMED(rp, pthread_rwlock_timedwrlock, abstime);
}

int
shim_pthread_rwlock_unlock(struct shim_rwlock **rp)
{
	struct shim_rwlock *rw = rp ? __atomic_load_n(rp, __ATOMIC_ACQUIRE) : NULL;

	if (rw == NULL)
		return FBSD_EPERM;
	if (rw == FBSD_THR_RWLOCK_DESTROYED || rw == FBSD_THR_PSHARED_PTR)
		return FBSD_EINVAL;
	return shim_thr_err(pthread_rwlock_unlock(&rw->rw));
}

/* rwlock and barrier attributes: only the process-shared flag. */
static int
pattr_init(struct shim_pattr **a)
{
	struct shim_pattr *n = calloc(1, sizeof(*n));

	if (!n)
		return FBSD_ENOMEM;
	*a = n;
	return 0;
}

static int
pattr_destroy(struct shim_pattr **a)
{
	if (!a || !*a)
		return FBSD_EINVAL;
	free(*a);
	*a = NULL;
	return 0;
}

static int
pattr_get(struct shim_pattr *const *a, int *v)
{
	if (!a || !*a)
		return FBSD_EINVAL;
	*v = (*a)->pshared;
	return 0;
}

static int
pattr_set(struct shim_pattr **a, int v)
{
	if (!a || !*a || (v != FBSD_PTHREAD_PROCESS_PRIVATE && v != FBSD_PTHREAD_PROCESS_SHARED))
		return FBSD_EINVAL;
	(*a)->pshared = v;
	return 0;
}

int shim_pthread_rwlockattr_init(struct shim_pattr **a) { return pattr_init(a); }
int shim_pthread_rwlockattr_destroy(struct shim_pattr **a) { return pattr_destroy(a); }
int shim_pthread_rwlockattr_getpshared(struct shim_pattr *const *a, int *v) { return pattr_get(a, v); }
int shim_pthread_rwlockattr_setpshared(struct shim_pattr **a, int v) { return pattr_set(a, v); }
int shim_pthread_barrierattr_init(struct shim_pattr **a) { return pattr_init(a); }
int shim_pthread_barrierattr_destroy(struct shim_pattr **a) { return pattr_destroy(a); }
int shim_pthread_barrierattr_getpshared(struct shim_pattr *const *a, int *v) { return pattr_get(a, v); }
int shim_pthread_barrierattr_setpshared(struct shim_pattr **a, int v) { return pattr_set(a, v); }

/* --- barriers and spin locks ----------------------------------------------- */

int
shim_pthread_barrier_init(struct shim_barrier **bp, struct shim_pattr *const *attr, unsigned count)
{
	struct shim_barrier *b;
	int r;

	if (!bp || count == 0 || (attr && !*attr))
		return FBSD_EINVAL;
	if (!(b = malloc(sizeof(*b))))
		return FBSD_ENOMEM;
	if ((r = pthread_barrier_init(&b->b, NULL, count)) != 0) {
		free(b);
		return shim_thr_err(r);
	}
	*bp = b;
	return 0;
}

int
shim_pthread_barrier_destroy(struct shim_barrier **bp)
{
	int r;

	if (!bp || !*bp)
		return FBSD_EINVAL;
	if ((r = pthread_barrier_destroy(&(*bp)->b)) != 0)
		return shim_thr_err(r);
	free(*bp);
	*bp = NULL;
	return 0;
}

/* PTHREAD_BARRIER_SERIAL_THREAD is -1 on both systems. */
int
shim_pthread_barrier_wait(struct shim_barrier **bp)
{
	int r;

	if (!bp || !*bp)
		return FBSD_EINVAL;
	r = pthread_barrier_wait(&(*bp)->b);
	return r == PTHREAD_BARRIER_SERIAL_THREAD ? r : shim_thr_err(r);
}

int
shim_pthread_spin_init(struct shim_spin **sp, int pshared)
{
	struct shim_spin *s;

	if (!sp || (pshared != FBSD_PTHREAD_PROCESS_PRIVATE && pshared != FBSD_PTHREAD_PROCESS_SHARED))
		return FBSD_EINVAL;
	if (!(s = malloc(sizeof(*s))))
		return FBSD_ENOMEM;
	pthread_spin_init(&s->s, PTHREAD_PROCESS_PRIVATE);
	*sp = s;
	return 0;
}

int
shim_pthread_spin_destroy(struct shim_spin **sp)
{
	if (!sp || !*sp)
		return FBSD_EINVAL;
	pthread_spin_destroy(&(*sp)->s);
	free(*sp);
	*sp = NULL;
	return 0;
}

int
shim_pthread_spin_lock(struct shim_spin **sp)
{
	if (!sp || !*sp)
		return FBSD_EINVAL;
	return shim_thr_err(pthread_spin_lock(&(*sp)->s));
}

int
shim_pthread_spin_trylock(struct shim_spin **sp)
{
	if (!sp || !*sp)
		return FBSD_EINVAL;
	return shim_thr_err(pthread_spin_trylock(&(*sp)->s));
}

int
shim_pthread_spin_unlock(struct shim_spin **sp)
{
	if (!sp || !*sp)
		return FBSD_EINVAL;
	return shim_thr_err(pthread_spin_unlock(&(*sp)->s));
}
