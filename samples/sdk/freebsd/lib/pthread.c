/*
 * POSIX threads over thr_new(2) and _umtx_op(2), after FreeBSD's libthr:
 * a thread's control block is its TLS block (%fs:0 points at itself), the
 * kernel stores the new thread's id before it runs and writes 1 over it
 * when the thread exits (pthread_join waits for that), and the lock words
 * follow the kernel's umutex/ucond/urwlock/_usem2 protocols: the fast
 * paths are atomics here, the slow paths _umtx_op.
 *
 * Worker threads must not touch errno (it is one global in this runtime):
 * everything below returns error numbers and uses raw system calls.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/thr.h>
#include <sys/umtx.h>
#include <time.h>
#include "uxrt.h"

#define AMD64_SET_FSBASE	129
#define TID_TERMINATED		1	/* what thr_exit stores */
#define DEFAULT_STACK		(256 * 1024)

struct __uxrt_thread {
	struct __uxrt_thread *self;	/* %fs:0 */
	void *(*start)(void *);
	void *arg;
	void *value;
	volatile long tid;
	void *map;
	size_t maplen;
};

static struct __uxrt_thread main_thread;
static int threads_ready;
/* Threads not yet in pthread_exit; the last one out ends the process. */
static int threads_active = 1;

static int
cas32(volatile uint32_t *p, uint32_t old, uint32_t new)
{
	return __atomic_compare_exchange_n(p, &old, new, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
}

static int
umtx(void *obj, int op, u_long val, void *uaddr, void *uaddr2)
{
	return (int)-uxrt_sys(SYS__umtx_op, obj, op, val, uaddr, uaddr2);
}

/* The initial thread gets a control block (and %fs) on first use. */
static void
threads_init(void)
{
	struct __uxrt_thread *t = &main_thread;

	if (threads_ready)
		return;
	t->self = t;
	uxrt_sys(SYS_thr_self, &t->tid);
	uxrt_sys(SYS_sysarch, AMD64_SET_FSBASE, &t);
	threads_ready = 1;
}

pthread_t
pthread_self(void)
{
	struct __uxrt_thread *t;

	threads_init();
	__asm__ volatile("movq %%fs:0, %0" : "=r"(t));
	return t;
}

int
pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

int
pthread_kill(pthread_t t, int sig)
{
	long tid = t->tid;

	if (tid == TID_TERMINATED)
		return ESRCH;
	return (int)-uxrt_sys(SYS_thr_kill, tid, sig);
}

static uint32_t
self_id(void)
{
	return (uint32_t)pthread_self()->tid;
}

int
pthread_attr_init(pthread_attr_t *attr)
{
	attr->__stacksize = DEFAULT_STACK;
	return 0;
}

int
pthread_attr_destroy(pthread_attr_t *attr)
{
	(void)attr;
	return 0;
}

int
pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
	if (size < 16384)
		return EINVAL;
	attr->__stacksize = size;
	return 0;
}

_Noreturn void
pthread_exit(void *value)
{
	struct __uxrt_thread *t = pthread_self();

	t->value = value;
	/* As libthr: the last thread ends the process itself. */
	if (__atomic_sub_fetch(&threads_active, 1, __ATOMIC_ACQ_REL) == 0)
		exit(0);
	thr_exit((long *)&t->tid);
	exit(0);
}

static void
thread_start(void *arg)
{
	struct __uxrt_thread *t = arg;

	pthread_exit(t->start(t->arg));
}

int
pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg)
{
	size_t stack = attr ? attr->__stacksize : DEFAULT_STACK;
	size_t len = (stack + sizeof(struct __uxrt_thread) + 4095) & ~(size_t)4095;
	struct thr_param p;
	struct __uxrt_thread *t;
	char *map;
	long r;

	threads_init();
	map = (char *)uxrt_sys(SYS_mmap, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
	if ((unsigned long)map > -4096UL)
		return EAGAIN;
	/* The control block sits above the stack. */
	t = (struct __uxrt_thread *)(map + len - sizeof(*t));
	t->self = t;
	t->start = start;
	t->arg = arg;
	t->map = map;
	t->maplen = len;
	__builtin_memset(&p, 0, sizeof(p));
	p.start_func = thread_start;
	p.arg = t;
	p.stack_base = map;
	p.stack_size = (size_t)((char *)t - map) & ~(size_t)15;
	p.tls_base = (char *)t;
	p.tls_size = sizeof(*t);
	p.parent_tid = (long *)&t->tid;
	__atomic_add_fetch(&threads_active, 1, __ATOMIC_ACQ_REL);
	r = uxrt_sys(SYS_thr_new, &p, sizeof(p));
	if (r < 0) {
		__atomic_sub_fetch(&threads_active, 1, __ATOMIC_ACQ_REL);
		uxrt_sys(SYS_munmap, map, len);
		return (int)-r;
	}
	*thread = t;
	return 0;
}

int
pthread_join(pthread_t t, void **value)
{
	long tid;

	if (t == pthread_self())
		return EDEADLK;
	while ((tid = t->tid) != TID_TERMINATED)
		umtx((void *)&t->tid, UMTX_OP_WAIT, (u_long)tid, NULL, NULL);
	if (value)
		*value = t->value;
	if (t->map)
		uxrt_sys(SYS_munmap, t->map, t->maplen);
	return 0;
}

/* --- mutexes --------------------------------------------------------------- */

int
pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
	attr->__protocol = PTHREAD_PRIO_NONE;
	return 0;
}

int
pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
	(void)attr;
	return 0;
}

int
pthread_mutexattr_setprotocol(pthread_mutexattr_t *attr, int protocol)
{
	if (protocol != PTHREAD_PRIO_NONE && protocol != PTHREAD_PRIO_INHERIT)
		return ENOTSUP;
	attr->__protocol = protocol;
	return 0;
}

int
pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
	__builtin_memset(m, 0, sizeof(*m));
	if (attr && attr->__protocol == PTHREAD_PRIO_INHERIT)
		m->__m.m_flags = UMUTEX_PRIO_INHERIT;
	return 0;
}

int
pthread_mutex_destroy(pthread_mutex_t *m)
{
	return m->__m.m_owner != UMUTEX_UNOWNED ? EBUSY : 0;
}

int
pthread_mutex_lock(pthread_mutex_t *m)
{
	struct umutex *u = &m->__m;
	uint32_t id = self_id(), owner;

	/* A priority-inheritance mutex waits in the kernel's lock. */
	if (u->m_flags & UMUTEX_PRIO_INHERIT) {
		if (cas32(&u->m_owner, UMUTEX_UNOWNED, id))
			return 0;
		return umtx(u, UMTX_OP_MUTEX_LOCK, 0, NULL, NULL);
	}
	/* A plain one sleeps until it looks free, then races for it. */
	for (;;) {
		owner = u->m_owner;
		if ((owner & ~UMUTEX_CONTESTED) == 0 && cas32(&u->m_owner, owner, owner | id))
			return 0;
		umtx(u, UMTX_OP_MUTEX_WAIT, 0, NULL, NULL);
	}
}

int
pthread_mutex_trylock(pthread_mutex_t *m)
{
	struct umutex *u = &m->__m;
	uint32_t id = self_id(), owner = u->m_owner;

	if ((owner & ~UMUTEX_CONTESTED) == 0 && cas32(&u->m_owner, owner, owner | id))
		return 0;
	if (u->m_flags & UMUTEX_PRIO_INHERIT)
		return umtx(u, UMTX_OP_MUTEX_TRYLOCK, 0, NULL, NULL);
	return EBUSY;
}

int
pthread_mutex_unlock(pthread_mutex_t *m)
{
	struct umutex *u = &m->__m;
	uint32_t id = self_id(), owner;

	if (u->m_flags & UMUTEX_PRIO_INHERIT) {
		if (cas32(&u->m_owner, id, UMUTEX_UNOWNED))
			return 0;
		return umtx(u, UMTX_OP_MUTEX_UNLOCK, 0, NULL, NULL);
	}
	do {
		owner = u->m_owner;
		if ((owner & ~UMUTEX_CONTESTED) != id)
			return EPERM;
	} while (!cas32(&u->m_owner, owner, UMUTEX_UNOWNED));
	/* Someone sleeps: let the kernel wake one and fix the bit. */
	if (owner & UMUTEX_CONTESTED)
		umtx(u, UMTX_OP_MUTEX_WAKE2, u->m_flags, NULL, NULL);
	return 0;
}

/* --- condition variables ------------------------------------------------------ */

int
pthread_condattr_init(pthread_condattr_t *attr)
{
	attr->__clock = CLOCK_REALTIME;
	return 0;
}

int
pthread_condattr_destroy(pthread_condattr_t *attr)
{
	(void)attr;
	return 0;
}

int
pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock)
{
	attr->__clock = clock;
	return 0;
}

int
pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
	__builtin_memset(c, 0, sizeof(*c));
	c->__c.c_clockid = attr ? (uint32_t)attr->__clock : CLOCK_REALTIME;
	return 0;
}

int
pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

/* The kernel queues the thread on the condition and releases the mutex
 * in one step; the mutex is taken again here. */
static int
cond_wait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime)
{
	u_long flags = abstime ? CVWAIT_ABSTIME | CVWAIT_CLOCKID : 0;
	int r = umtx(&c->__c, UMTX_OP_CV_WAIT, flags, &m->__m, (void *)abstime);
	int l = pthread_mutex_lock(m);

	if (l != 0)
		return l;
	/* A signal makes it a spurious wake-up. */
	return r == EINTR ? 0 : r;
}

int
pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	return cond_wait(c, m, NULL);
}

int
pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime)
{
	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L)
		return EINVAL;
	return cond_wait(c, m, abstime);
}

int
pthread_cond_signal(pthread_cond_t *c)
{
	if (c->__c.c_has_waiters)
		return umtx(&c->__c, UMTX_OP_CV_SIGNAL, 0, NULL, NULL);
	return 0;
}

int
pthread_cond_broadcast(pthread_cond_t *c)
{
	if (c->__c.c_has_waiters)
		return umtx(&c->__c, UMTX_OP_CV_BROADCAST, 0, NULL, NULL);
	return 0;
}

/* --- reader/writer locks ------------------------------------------------------ */

int
pthread_rwlock_init(pthread_rwlock_t *rw, const pthread_rwlockattr_t *attr)
{
	(void)attr;
	__builtin_memset(rw, 0, sizeof(*rw));
	return 0;
}

int
pthread_rwlock_destroy(pthread_rwlock_t *rw)
{
	return rw->__rw.rw_state != 0 ? EBUSY : 0;
}

int
pthread_rwlock_rdlock(pthread_rwlock_t *rw)
{
	struct urwlock *u = &rw->__rw;
	int32_t state;
	int r;

	for (;;) {
		/* Writers waiting go first, unless the lock prefers readers. */
		while (!((state = u->rw_state) & (URWLOCK_WRITE_OWNER | URWLOCK_WRITE_WAITERS))) {
			if (URWLOCK_READER_COUNT((uint32_t)state) == URWLOCK_MAX_READERS)
				return EAGAIN;
			if (cas32((volatile uint32_t *)&u->rw_state, (uint32_t)state, (uint32_t)state + 1))
				return 0;
		}
		/* The kernel returns holding the read lock. */
		r = umtx(u, UMTX_OP_RW_RDLOCK, 0, NULL, NULL);
		if (r != EINTR)
			return r;
	}
}

int
pthread_rwlock_wrlock(pthread_rwlock_t *rw)
{
	struct urwlock *u = &rw->__rw;
	int32_t state;
	int r;

	for (;;) {
		while (!((state = u->rw_state) & URWLOCK_WRITE_OWNER) &&
		    URWLOCK_READER_COUNT((uint32_t)state) == 0) {
			if (cas32((volatile uint32_t *)&u->rw_state, (uint32_t)state,
			    (uint32_t)state | URWLOCK_WRITE_OWNER))
				return 0;
		}
		r = umtx(u, UMTX_OP_RW_WRLOCK, 0, NULL, NULL);
		if (r != EINTR)
			return r;
	}
}

int
pthread_rwlock_unlock(pthread_rwlock_t *rw)
{
	struct urwlock *u = &rw->__rw;
	uint32_t state = (uint32_t)u->rw_state;

	if (state & URWLOCK_WRITE_OWNER) {
		if (cas32((volatile uint32_t *)&u->rw_state, URWLOCK_WRITE_OWNER, 0))
			return 0;
	} else {
		for (;;) {
			if (URWLOCK_READER_COUNT(state) == 0)
				return EPERM;
			/* The last reader with waiters behind it goes to the
			 * kernel, which wakes them. */
			if ((state & (URWLOCK_WRITE_WAITERS | URWLOCK_READ_WAITERS)) &&
			    URWLOCK_READER_COUNT(state) == 1)
				break;
			if (cas32((volatile uint32_t *)&u->rw_state, state, state - 1))
				return 0;
			state = (uint32_t)u->rw_state;
		}
	}
	return umtx(u, UMTX_OP_RW_UNLOCK, 0, NULL, NULL);
}

/* --- semaphores ---------------------------------------------------------------- */

#define SEM_MAGIC	0x53454d32	/* FreeBSD's SEM_MAGIC: "SEM2" */

int
sem_init(sem_t *sem, int pshared, unsigned int value)
{
	if (value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return -1;
	}
	__builtin_memset(sem, 0, sizeof(*sem));
	sem->_magic = SEM_MAGIC;
	sem->_kern._count = value;
	sem->_kern._flags = pshared ? USYNC_PROCESS_SHARED : 0;
	return 0;
}

int
sem_destroy(sem_t *sem)
{
	sem->_magic = 0;
	return 0;
}

static int
sem_take(sem_t *sem)
{
	uint32_t count;

	while (USEM_COUNT(count = sem->_kern._count) > 0)
		if (cas32(&sem->_kern._count, count, count - 1))
			return 1;
	return 0;
}

static int
sem_wait_until(sem_t *sem, const struct timespec *abstime)
{
	struct _umtx_time ut;
	int r;

	for (;;) {
		if (sem_take(sem))
			return 0;
		if (abstime) {
			ut._timeout = *abstime;
			ut._flags = UMTX_ABSTIME;
			ut._clockid = CLOCK_REALTIME;
			r = umtx(&sem->_kern, UMTX_OP_SEM2_WAIT, 0, (void *)sizeof(ut), &ut);
		} else {
			r = umtx(&sem->_kern, UMTX_OP_SEM2_WAIT, 0, NULL, NULL);
		}
		if (r != 0 && r != EINTR) {
			errno = r;
			return -1;
		}
	}
}

int
sem_wait(sem_t *sem)
{
	return sem_wait_until(sem, NULL);
}

int
sem_timedwait(sem_t *sem, const struct timespec *abstime)
{
	return sem_wait_until(sem, abstime);
}

int
sem_trywait(sem_t *sem)
{
	if (sem_take(sem))
		return 0;
	errno = EAGAIN;
	return -1;
}

int
sem_post(sem_t *sem)
{
	uint32_t count;

	do {
		count = sem->_kern._count;
		if (USEM_COUNT(count) == SEM_VALUE_MAX) {
			errno = EOVERFLOW;
			return -1;
		}
	} while (!cas32(&sem->_kern._count, count, count + 1));
	if (count & USEM_HAS_WAITERS)
		umtx(&sem->_kern, UMTX_OP_SEM2_WAKE, 0, NULL, NULL);
	return 0;
}

int
sem_getvalue(sem_t *sem, int *value)
{
	*value = (int)USEM_COUNT(sem->_kern._count);
	return 0;
}
