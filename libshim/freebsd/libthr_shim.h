/*
 * libshim's FreeBSD libthr.so.3 (libthr.so.3.spec): POSIX threads with
 * FreeBSD's types over glibc's.  On FreeBSD pthread_mutex_t, pthread_cond_t,
 * pthread_rwlock_t, pthread_barrier_t, pthread_spinlock_t and the attribute
 * types are pointers to objects the library allocates; here each points at
 * a glibc object (with FreeBSD's settings kept beside it), made on first use
 * for the NULL static initialisers.  pthread_t points at a struct shim_thr.
 * Functions return FreeBSD error numbers.
 */
#ifndef LIBSHIM_FBSD_LIBTHR_SHIM_H
#define LIBSHIM_FBSD_LIBTHR_SHIM_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "syscalls/freebsd/fbsd_abi.h"

/* <pthread.h> values as FreeBSD has them. */
#define FBSD_PTHREAD_CREATE_JOINABLE	0
#define FBSD_PTHREAD_CREATE_DETACHED	1
#define FBSD_PTHREAD_SCOPE_PROCESS	0
#define FBSD_PTHREAD_SCOPE_SYSTEM	2
#define FBSD_PTHREAD_EXPLICIT_SCHED	0
#define FBSD_PTHREAD_INHERIT_SCHED	4
#define FBSD_PTHREAD_PROCESS_PRIVATE	0
#define FBSD_PTHREAD_PROCESS_SHARED	1
#define FBSD_PTHREAD_CANCEL_ENABLE	0
#define FBSD_PTHREAD_CANCEL_DISABLE	1
#define FBSD_PTHREAD_CANCEL_DEFERRED	0
#define FBSD_PTHREAD_CANCEL_ASYNCHRONOUS 2
#define FBSD_PTHREAD_CANCELED		((void *)1)
#define FBSD_PTHREAD_MUTEX_ERRORCHECK	1
#define FBSD_PTHREAD_MUTEX_RECURSIVE	2
#define FBSD_PTHREAD_MUTEX_NORMAL	3
#define FBSD_PTHREAD_MUTEX_ADAPTIVE_NP	4
#define FBSD_PTHREAD_MUTEX_DEFAULT	FBSD_PTHREAD_MUTEX_ERRORCHECK
#define FBSD_PTHREAD_MUTEX_STALLED	0
#define FBSD_PTHREAD_MUTEX_ROBUST	1
#define FBSD_PTHREAD_PRIO_NONE		0
#define FBSD_PTHREAD_PRIO_INHERIT	1
#define FBSD_PTHREAD_PRIO_PROTECT	2
#define FBSD_PTHREAD_KEYS_MAX		256
#define FBSD_PTHREAD_DESTRUCTOR_ITERATIONS 4
#define FBSD_PTHREAD_STACK_MIN		2048	/* __MINSIGSTKSZ */
#define FBSD_PTHREAD_STACK_DEFAULT	(2u << 20)	/* THR_STACK_DEFAULT on amd64 */
#define FBSD_SCHED_FIFO			1
#define FBSD_SCHED_OTHER		2
#define FBSD_SCHED_RR			3
/* The pointer values libthr gives its objects besides real ones
 * (thr_private.h): initialisers and destroyed objects. */
#define FBSD_THR_ADAPTIVE_MUTEX_INITIALIZER	((void *)1)
#define FBSD_THR_MUTEX_DESTROYED		((void *)2)
#define FBSD_THR_COND_DESTROYED			((void *)1)
#define FBSD_THR_RWLOCK_DESTROYED		((void *)1)
/* A process-shared object's pointer (THR_PSHARED_PTR). */
#define FBSD_THR_PSHARED_PTR	((void *)(uintptr_t)0x8000000000000001ull)

struct shim_thr;
struct shim_attr;

/* pthread_once_t */
struct fbsd_pthread_once {
	int32_t state;
	void *mutex;
};
_Static_assert(sizeof(struct fbsd_pthread_once) == 16, "FreeBSD pthread_once_t");

/* struct _pthread_cleanup_info: the caller's storage for one handler. */
struct fbsd_cleanup_info {
	uintptr_t pad[8];
};

struct fbsd_sched_param {
	int32_t sched_priority;
};

/* A FreeBSD error number from a glibc pthread result (0 stays 0). */
int shim_thr_err(int host);

/* --- threads (libthr_thread.c) -------------------------------------------- */

int shim_pthread_create(struct shim_thr **out, struct shim_attr *const *attr,
    void *(*fn)(void *), void *arg);
void shim_pthread_exit(void *value) __attribute__((noreturn));
int shim_pthread_join(struct shim_thr *t, void **value);
int shim_pthread_timedjoin_np(struct shim_thr *t, void **value, const struct fbsd_timespec *abstime);
int shim_pthread_peekjoin_np(struct shim_thr *t, void **value);
int shim_pthread_detach(struct shim_thr *t);
struct shim_thr *shim_pthread_self(void);
int shim_pthread_equal(struct shim_thr *a, struct shim_thr *b);
int shim_pthread_main_np(void);
int shim_pthread_getthreadid_np(void);
int shim_pthread_getcpuclockid(struct shim_thr *t, int *clock_id);
int shim_pthread_kill(struct shim_thr *t, int sig);
int shim_pthread_sigmask(int how, const struct fbsd_sigset *set, struct fbsd_sigset *oset);
void shim_pthread_yield(void);
int shim_pthread_cancel(struct shim_thr *t);
void shim_pthread_testcancel(void);
int shim_pthread_setcancelstate(int state, int *old);
int shim_pthread_setcanceltype(int type, int *old);
void shim_pthread_cleanup_push(void (*fn)(void *), void *arg);
void shim_pthread_cleanup_pop(int execute);
void shim___pthread_cleanup_push_imp(void (*fn)(void *), void *arg, struct fbsd_cleanup_info *info);
void shim___pthread_cleanup_pop_imp(int execute);
/* libc_proc.c, where fork runs the handlers */
int shim_pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void));
int shim_pthread_getconcurrency(void);
int shim_pthread_setconcurrency(int level);
void shim_pthread_set_name_np(struct shim_thr *t, const char *name);
int shim_pthread_setname_np(struct shim_thr *t, const char *name);
void shim_pthread_get_name_np(struct shim_thr *t, char *buf, size_t len);
int shim_pthread_getname_np(struct shim_thr *t, char *buf, size_t len);
int shim_pthread_getschedparam(struct shim_thr *t, int *policy, struct fbsd_sched_param *p);
int shim_pthread_setschedparam(struct shim_thr *t, int policy, const struct fbsd_sched_param *p);
int shim_pthread_getaffinity_np(struct shim_thr *t, size_t size, void *set);
int shim_pthread_setaffinity_np(struct shim_thr *t, size_t size, const void *set);

int shim_pthread_attr_init(struct shim_attr **a);
int shim_pthread_attr_destroy(struct shim_attr **a);
int shim_pthread_attr_get_np(struct shim_thr *t, struct shim_attr **a);
int shim_pthread_attr_getdetachstate(struct shim_attr *const *a, int *v);
int shim_pthread_attr_setdetachstate(struct shim_attr **a, int v);
int shim_pthread_attr_getstacksize(struct shim_attr *const *a, size_t *v);
int shim_pthread_attr_setstacksize(struct shim_attr **a, size_t v);
int shim_pthread_attr_getstack(struct shim_attr *const *a, void **addr, size_t *size);
int shim_pthread_attr_setstack(struct shim_attr **a, void *addr, size_t size);
int shim_pthread_attr_getstackaddr(struct shim_attr *const *a, void **v);
int shim_pthread_attr_setstackaddr(struct shim_attr **a, void *v);
int shim_pthread_attr_getguardsize(struct shim_attr *const *a, size_t *v);
int shim_pthread_attr_setguardsize(struct shim_attr **a, size_t v);
int shim_pthread_attr_getinheritsched(struct shim_attr *const *a, int *v);
int shim_pthread_attr_setinheritsched(struct shim_attr **a, int v);
int shim_pthread_attr_getschedparam(struct shim_attr *const *a, struct fbsd_sched_param *p);
int shim_pthread_attr_setschedparam(struct shim_attr **a, const struct fbsd_sched_param *p);
int shim_pthread_attr_getschedpolicy(struct shim_attr *const *a, int *v);
int shim_pthread_attr_setschedpolicy(struct shim_attr **a, int v);
int shim_pthread_attr_getscope(struct shim_attr *const *a, int *v);
int shim_pthread_attr_setscope(struct shim_attr **a, int v);

int shim_pthread_key_create(int *key, void (*dtor)(void *));
int shim_pthread_key_delete(int key);
void *shim_pthread_getspecific(int key);
int shim_pthread_setspecific(int key, const void *value);
int shim_pthread_once(struct fbsd_pthread_once *once, void (*fn)(void));

/* --- synchronisation objects (libthr_sync.c) ------------------------------ */

struct shim_mutex;
struct shim_mutexattr;
struct shim_cond;
struct shim_condattr;
struct shim_rwlock;
struct shim_pattr;	/* rwlock and barrier attributes: the pshared flag */
struct shim_barrier;
struct shim_spin;

int shim_pthread_mutex_init(struct shim_mutex **m, struct shim_mutexattr *const *attr);
int shim_pthread_mutex_destroy(struct shim_mutex **m);
int shim_pthread_mutex_lock(struct shim_mutex **m);
int shim_pthread_mutex_trylock(struct shim_mutex **m);
int shim_pthread_mutex_timedlock(struct shim_mutex **m, const struct fbsd_timespec *abstime);
int shim_pthread_mutex_unlock(struct shim_mutex **m);
int shim_pthread_mutex_consistent(struct shim_mutex **m);
int shim_pthread_mutex_isowned_np(struct shim_mutex **m);
int shim_pthread_mutexattr_init(struct shim_mutexattr **a);
int shim_pthread_mutexattr_destroy(struct shim_mutexattr **a);
int shim_pthread_mutexattr_gettype(struct shim_mutexattr *const *a, int *v);
int shim_pthread_mutexattr_settype(struct shim_mutexattr **a, int v);
int shim_pthread_mutexattr_getkind_np(struct shim_mutexattr *a);
int shim_pthread_mutexattr_setkind_np(struct shim_mutexattr **a, int v);
int shim_pthread_mutexattr_getpshared(struct shim_mutexattr *const *a, int *v);
int shim_pthread_mutexattr_setpshared(struct shim_mutexattr **a, int v);
int shim_pthread_mutexattr_getprotocol(struct shim_mutexattr *const *a, int *v);
int shim_pthread_mutexattr_setprotocol(struct shim_mutexattr **a, int v);
int shim_pthread_mutexattr_getprioceiling(struct shim_mutexattr *const *a, int *v);
int shim_pthread_mutexattr_setprioceiling(struct shim_mutexattr **a, int v);
int shim_pthread_mutexattr_getrobust(struct shim_mutexattr *const *a, int *v);
int shim_pthread_mutexattr_setrobust(struct shim_mutexattr **a, int v);

int shim_pthread_cond_init(struct shim_cond **c, struct shim_condattr *const *attr);
int shim_pthread_cond_destroy(struct shim_cond **c);
int shim_pthread_cond_wait(struct shim_cond **c, struct shim_mutex **m);
int shim_pthread_cond_timedwait(struct shim_cond **c, struct shim_mutex **m,
    const struct fbsd_timespec *abstime);
int shim_pthread_cond_signal(struct shim_cond **c);
int shim_pthread_cond_broadcast(struct shim_cond **c);
int shim_pthread_condattr_init(struct shim_condattr **a);
int shim_pthread_condattr_destroy(struct shim_condattr **a);
int shim_pthread_condattr_getclock(struct shim_condattr *const *a, int *clock);
int shim_pthread_condattr_setclock(struct shim_condattr **a, int clock);
int shim_pthread_condattr_getpshared(struct shim_condattr *const *a, int *v);
int shim_pthread_condattr_setpshared(struct shim_condattr **a, int v);

int shim_pthread_rwlock_init(struct shim_rwlock **rw, struct shim_pattr *const *attr);
int shim_pthread_rwlock_destroy(struct shim_rwlock **rw);
int shim_pthread_rwlock_rdlock(struct shim_rwlock **rw);
int shim_pthread_rwlock_tryrdlock(struct shim_rwlock **rw);
int shim_pthread_rwlock_timedrdlock(struct shim_rwlock **rw, const struct fbsd_timespec *abstime);
int shim_pthread_rwlock_wrlock(struct shim_rwlock **rw);
int shim_pthread_rwlock_trywrlock(struct shim_rwlock **rw);
int shim_pthread_rwlock_timedwrlock(struct shim_rwlock **rw, const struct fbsd_timespec *abstime);
int shim_pthread_rwlock_unlock(struct shim_rwlock **rw);
int shim_pthread_rwlockattr_init(struct shim_pattr **a);
int shim_pthread_rwlockattr_destroy(struct shim_pattr **a);
int shim_pthread_rwlockattr_getpshared(struct shim_pattr *const *a, int *v);
int shim_pthread_rwlockattr_setpshared(struct shim_pattr **a, int v);

int shim_pthread_barrier_init(struct shim_barrier **b, struct shim_pattr *const *attr, unsigned count);
int shim_pthread_barrier_destroy(struct shim_barrier **b);
int shim_pthread_barrier_wait(struct shim_barrier **b);
int shim_pthread_barrierattr_init(struct shim_pattr **a);
int shim_pthread_barrierattr_destroy(struct shim_pattr **a);
int shim_pthread_barrierattr_getpshared(struct shim_pattr *const *a, int *v);
int shim_pthread_barrierattr_setpshared(struct shim_pattr **a, int v);

int shim_pthread_spin_init(struct shim_spin **s, int pshared);
int shim_pthread_spin_destroy(struct shim_spin **s);
int shim_pthread_spin_lock(struct shim_spin **s);
int shim_pthread_spin_trylock(struct shim_spin **s);
int shim_pthread_spin_unlock(struct shim_spin **s);

/* For pthread_cond_wait: cancellation at its waits (libthr_thread.c). */
void shim_thr_cancel_point(void);

#endif
