/*
 * uxrun FreeBSD SDK: a small POSIX threads library over thr_new(2) and
 * _umtx_op(2), using the kernel objects the way FreeBSD's libthr does.
 * The objects are the kernel's structures themselves, not pointers to
 * them as in libthr.
 */
#ifndef _UXRT_PTHREAD_H
#define _UXRT_PTHREAD_H

/* Dynamically linked programs (-D_UXRT_DYNAMIC) use libthr.so.3's ABI,
 * FreeBSD's own, where the objects are pointers. */
#ifdef _UXRT_DYNAMIC
#include <sys/_pthread_libthr.h>
#else

#include <sys/types.h>
#include <sys/_timespec.h>
#include <sys/umtx.h>
#include <time.h>

typedef struct __uxrt_thread *pthread_t;

typedef struct {
	size_t __stacksize;
} pthread_attr_t;

typedef struct {
	struct umutex __m;
} pthread_mutex_t;

typedef struct {
	int __protocol;
} pthread_mutexattr_t;

typedef struct {
	struct ucond __c;
} pthread_cond_t;

typedef struct {
	int __clock;
} pthread_condattr_t;

typedef struct {
	struct urwlock __rw;
} pthread_rwlock_t;

typedef struct {
	int __unused;
} pthread_rwlockattr_t;

#define PTHREAD_MUTEX_INITIALIZER	{ { 0, 0, { 0, 0 }, 0, { 0, 0 } } }
#define PTHREAD_COND_INITIALIZER	{ { 0, 0, 0, { 0 } } }
#define PTHREAD_RWLOCK_INITIALIZER	{ { 0, 0, 0, 0, { 0, 0, 0, 0 } } }

#define PTHREAD_PRIO_NONE	0
#define PTHREAD_PRIO_INHERIT	1
#define PTHREAD_PRIO_PROTECT	2

int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
    void *(*start)(void *), void *arg);
int pthread_join(pthread_t thread, void **value);
_Noreturn void pthread_exit(void *value);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
int pthread_kill(pthread_t thread, int sig);

int pthread_mutexattr_init(pthread_mutexattr_t *attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr);
int pthread_mutexattr_setprotocol(pthread_mutexattr_t *attr, int protocol);
int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);

int pthread_condattr_init(pthread_condattr_t *attr);
int pthread_condattr_destroy(pthread_condattr_t *attr);
int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock);
int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);

int pthread_rwlock_init(pthread_rwlock_t *rw, const pthread_rwlockattr_t *attr);
int pthread_rwlock_destroy(pthread_rwlock_t *rw);
int pthread_rwlock_rdlock(pthread_rwlock_t *rw);
int pthread_rwlock_wrlock(pthread_rwlock_t *rw);
int pthread_rwlock_unlock(pthread_rwlock_t *rw);

#endif /* _UXRT_DYNAMIC */

#endif
