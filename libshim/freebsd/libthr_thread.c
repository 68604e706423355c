/*
 * FreeBSD threads over glibc's: pthread_t points at a struct shim_thr that
 * holds glibc's handle beside what FreeBSD keeps per thread (name, cancel
 * state, exit value).  A thread this file starts sets up its uxrun state
 * (trap stack, FreeBSD signal mask, the runtime linker's per-thread TLS)
 * before the guest's start routine runs, with every signal blocked until
 * the guest's mask is in place; pthread_exit comes back to it with
 * siglongjmp, so glibc ends the thread normally.
 *
 * Thread-specific data is kept here rather than in glibc's keys: FreeBSD's
 * keys start at 1, and their destructors are guest code that must run
 * with the thread's selector set (ux_rtld_guest_enter).
 */
#include "config.h"

#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "libshim/freebsd/libc_shim.h"
#include "libshim/freebsd/libthr_shim.h"
#include "loader/rtld.h"
#include "syscalls/convert.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/freebsd/fbsd_convert.h"
#include "syscalls/freebsd/fbsd_personality.h"
#include "syscalls/freebsd/fbsd_sysent.h"
#include "syscalls/freebsd/fbsd_thread.h"
#include "syscalls/log.h"
#include "syscalls/thread.h"

#define FBSD_MAXCOMLEN		19
#define LINUX_NAME_MAX		15	/* pthread_setname_np: 16 bytes with the NUL */

/* Room for uxrun's and glibc's own static TLS, besides the guest's block. */
#define THR_HOST_TLS		(64u << 10)

#define THR_DETACHED		1
#define THR_EXITED		2

struct shim_attr {
	int detach, inherit, policy, scope, prio;
	size_t stacksize, guardsize;
	void *stackaddr;
};

struct shim_thr {
	pthread_t h;
	void *(*fn)(void *);
	void *arg;
	void *ret;
	struct fbsd_sigset mask;	/* the creator's, which the thread starts with */
	struct shim_attr attr;		/* as created, for pthread_attr_get_np */
	int flags;			/* THR_*, changed atomically */
	volatile int cancel_pending;
	int cancel_state, cancel_type;
	sigjmp_buf exit_jmp;
	int has_exit_jmp;
	char name[FBSD_MAXCOMLEN + 1];
};

static __thread struct shim_thr *self_thr;
static struct shim_thr initial_thr;

int
shim_thr_err(int host)
{
	return host ? shim_errno_from_host(host) : 0;
}

static const struct shim_attr default_attr = {
	.detach = FBSD_PTHREAD_CREATE_JOINABLE,
	.inherit = FBSD_PTHREAD_INHERIT_SCHED,
	.policy = FBSD_SCHED_OTHER,
	.scope = FBSD_PTHREAD_SCOPE_SYSTEM,
	.stacksize = FBSD_PTHREAD_STACK_DEFAULT,
	.guardsize = 4096,
};

/* The calling thread's record; the initial thread's is made on first use
 * (again in a forked child, whose one thread is the forking one). */
static struct shim_thr *
cur(void)
{
	if (self_thr)
		return self_thr;
	initial_thr.h = pthread_self();
	initial_thr.attr = default_attr;
	self_thr = &initial_thr;
	return self_thr;
}

/* --- thread-specific data ------------------------------------------------ */

struct key_slot {
	int allocated;
	unsigned seq;
	void (*dtor)(void *);
};

struct tsd_slot {
	void *value;
	unsigned seq;
};

static struct key_slot keys[FBSD_PTHREAD_KEYS_MAX];
static pthread_mutex_t keys_lock = PTHREAD_MUTEX_INITIALIZER;
static __thread struct tsd_slot tsd[FBSD_PTHREAD_KEYS_MAX];

int
shim_pthread_key_create(int *key, void (*dtor)(void *))
{
	pthread_mutex_lock(&keys_lock);
	for (int i = 0; i < FBSD_PTHREAD_KEYS_MAX; i++)
		if (!keys[i].allocated) {
			keys[i].allocated = 1;
			keys[i].dtor = dtor;
			keys[i].seq++;
			pthread_mutex_unlock(&keys_lock);
			*key = i + 1;	/* FreeBSD never hands out key 0 */
			return 0;
		}
	pthread_mutex_unlock(&keys_lock);
	return FBSD_EAGAIN;
}

int
shim_pthread_key_delete(int key)
{
	int r = FBSD_EINVAL;

	if (key < 1 || key > FBSD_PTHREAD_KEYS_MAX)
		return FBSD_EINVAL;
	pthread_mutex_lock(&keys_lock);
	if (keys[key - 1].allocated) {
		keys[key - 1].allocated = 0;
		r = 0;
	}
	pthread_mutex_unlock(&keys_lock);
	return r;
}

void *
shim_pthread_getspecific(int key)
{
	if (key < 1 || key > FBSD_PTHREAD_KEYS_MAX)
		return NULL;
	/* A value stored under a key deleted since reads as NULL. */
	if (tsd[key - 1].seq != __atomic_load_n(&keys[key - 1].seq, __ATOMIC_RELAXED))
		return NULL;
	return tsd[key - 1].value;
}

int
shim_pthread_setspecific(int key, const void *value)
{
	if (key < 1 || key > FBSD_PTHREAD_KEYS_MAX || !keys[key - 1].allocated)
		return FBSD_EINVAL;
	tsd[key - 1].value = (void *)value;
	tsd[key - 1].seq = keys[key - 1].seq;
	return 0;
}

/* FreeBSD's _thread_cleanupspecific: a few rounds, as destructors may set
 * values again. */
static void
run_destructors(void)
{
	for (int round = 0; round < FBSD_PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
		int again = 0;

		for (int i = 0; i < FBSD_PTHREAD_KEYS_MAX; i++) {
			void (*dtor)(void *);
			void *v;

			pthread_mutex_lock(&keys_lock);
			dtor = keys[i].allocated && tsd[i].seq == keys[i].seq ? keys[i].dtor : NULL;
			pthread_mutex_unlock(&keys_lock);
			v = tsd[i].value;
			if (!v)
				continue;
			tsd[i].value = NULL;
			if (!dtor)
				continue;
			uint8_t s = ux_rtld_guest_enter();
			dtor(v);
			ux_rtld_guest_leave(s);
			again = 1;
		}
		if (!again)
			break;
	}
}

/* --- once ------------------------------------------------------------------ */

/* libthr's states of pthread_once_t.state */
#define ONCE_NEVER_DONE		0
#define ONCE_DONE		1
#define ONCE_IN_PROGRESS	2
#define ONCE_WAIT		3

static void
futex(int32_t *w, int op, int val)
{
	syscall(SYS_futex, w, op | FUTEX_PRIVATE_FLAG, val, NULL, NULL, 0);
}

int
shim_pthread_once(struct fbsd_pthread_once *once, void (*fn)(void))
{
	int32_t *st = &once->state;

	for (;;) {
		int32_t s = __atomic_load_n(st, __ATOMIC_ACQUIRE);

		if (s == ONCE_DONE)
			return 0;
		if (s == ONCE_NEVER_DONE) {
			if (__atomic_compare_exchange_n(st, &s, ONCE_IN_PROGRESS, 0,
			    __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE))
				break;
			continue;
		}
		if (s == ONCE_IN_PROGRESS &&
		    !__atomic_compare_exchange_n(st, &s, ONCE_WAIT, 0, __ATOMIC_ACQUIRE,
		    __ATOMIC_ACQUIRE))
			continue;
		futex(st, FUTEX_WAIT, ONCE_WAIT);
	}
	uint8_t sel = ux_rtld_guest_enter();
	fn();
	ux_rtld_guest_leave(sel);
	if (__atomic_exchange_n(st, ONCE_DONE, __ATOMIC_RELEASE) == ONCE_WAIT)
		futex(st, FUTEX_WAKE, INT32_MAX);
	return 0;
}

/* --- cleanup handlers --------------------------------------------------------- */

/* In the caller's struct _pthread_cleanup_info. */
struct cleanup {
	void (*fn)(void *);
	void *arg;
	struct cleanup *prev;
	uintptr_t on_heap;
};
_Static_assert(sizeof(struct cleanup) <= sizeof(struct fbsd_cleanup_info), "cleanup record fits");

static __thread struct cleanup *cleanup_top;

void
shim___pthread_cleanup_push_imp(void (*fn)(void *), void *arg, struct fbsd_cleanup_info *info)
{
	struct cleanup *c = (struct cleanup *)info;

	*c = (struct cleanup){ fn, arg, cleanup_top, 0 };
	cleanup_top = c;
}

void
shim___pthread_cleanup_pop_imp(int execute)
{
	struct cleanup *c = cleanup_top;

	if (!c)
		return;
	cleanup_top = c->prev;
	if (execute) {
		uint8_t s = ux_rtld_guest_enter();
		c->fn(c->arg);
		ux_rtld_guest_leave(s);
	}
	if (c->on_heap)
		free(c);
}

/* The old function forms, with storage of their own. */
void
shim_pthread_cleanup_push(void (*fn)(void *), void *arg)
{
	struct cleanup *c = malloc(sizeof(*c));

	if (!c)
		return;
	*c = (struct cleanup){ fn, arg, cleanup_top, 1 };
	cleanup_top = c;
}

void
shim_pthread_cleanup_pop(int execute)
{
	shim___pthread_cleanup_pop_imp(execute);
}

/* --- starting and ending threads ------------------------------------------------- */

static void
thr_release(struct shim_thr *t, int flag)
{
	int other = flag == THR_EXITED ? THR_DETACHED : THR_EXITED;

	if ((__atomic_fetch_or(&t->flags, flag, __ATOMIC_ACQ_REL) & other) && t != &initial_thr)
		free(t);
}

/* Everything FreeBSD does when a thread ends, up to freeing it. */
static void
thr_finish(void)
{
	while (cleanup_top)
		shim___pthread_cleanup_pop_imp(1);
	run_destructors();
}

static uint8_t exited_sel;

static void *
thread_main(void *p)
{
	struct shim_thr *t = p;
	struct ux_thread *td = ux_thread_create_current(&fbsd_personality);
	sigset_t all;

	if (!td) {
		/* Without a trap stack the guest cannot run here at all. */
		ux_logf("pthread_create: cannot set up the new thread's trap stack: %m");
		_exit(127);
	}
	fbsd_thread_init(td, NULL);
	t->h = pthread_self();
	self_thr = t;
	ux_rtld_thread_attach(td);
	td->in_host = 0;
	/* Signals were blocked by the creator; from here on they may come. */
	fbsd_set_guest_mask(td, &t->mask, NULL);
	if (sigsetjmp(t->exit_jmp, 0) == 0) {
		t->has_exit_jmp = 1;
		uint8_t s = ux_rtld_guest_enter();
		t->ret = t->fn(t->arg);
		ux_rtld_guest_leave(s);
		thr_finish();
	}
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, NULL);
	ux_guest_sel = &exited_sel;
	ux_rtld_td = NULL;
	ux_thread_destroy(td);
	void *ret = t->ret;
	thr_release(t, THR_EXITED);
	return ret;
}

int
shim_pthread_create(struct shim_thr **out, struct shim_attr *const *attrp,
    void *(*fn)(void *), void *arg)
{
	const struct shim_attr *a = &default_attr;
	struct shim_thr *t;
	pthread_attr_t ga;
	sigset_t all, old;
	int r;

	if (attrp) {
		if (!*attrp)
			return FBSD_EINVAL;
		a = *attrp;
	}
	t = calloc(1, sizeof(*t));
	if (!t)
		return FBSD_EAGAIN;
	t->fn = fn;
	t->arg = arg;
	t->attr = *a;
	if (ux_rtld_td)
		t->mask = fbsd_td(ux_rtld_td)->mask;
	if (a->detach == FBSD_PTHREAD_CREATE_DETACHED)
		t->flags = THR_DETACHED;

	pthread_attr_init(&ga);
	/* glibc puts the thread's static TLS at the top of its stack: uxrun's
	 * own and the guest's block in it come on top of what was asked. */
	if (a->stackaddr)
		r = pthread_attr_setstack(&ga, a->stackaddr, a->stacksize);
	else
		r = pthread_attr_setstacksize(&ga, a->stacksize + UX_GUEST_TLS_MAX + THR_HOST_TLS);
	if (r == 0)
		r = pthread_attr_setguardsize(&ga, a->guardsize);
	if (r == 0)
		r = pthread_attr_setdetachstate(&ga, a->detach == FBSD_PTHREAD_CREATE_DETACHED ?
		    PTHREAD_CREATE_DETACHED : PTHREAD_CREATE_JOINABLE);
	if (r != 0) {
		pthread_attr_destroy(&ga);
		free(t);
		return shim_thr_err(r);
	}
	/* FreeBSD hands the new thread's id out before it runs. */
	*out = t;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	r = pthread_create(&t->h, &ga, thread_main, t);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&ga);
	if (r != 0) {
		free(t);
		return shim_thr_err(r);
	}
	return 0;
}

static __attribute__((noreturn)) void
thr_exit(void *value)
{
	struct shim_thr *t = cur();

	thr_finish();
	t->ret = value;
	if (t->has_exit_jmp)
		siglongjmp(t->exit_jmp, 1);
	/* The initial thread: glibc ends it, and the process with the last
	 * thread, as FreeBSD does. */
	pthread_exit(value);
}

/* Bound without a trampoline (it never returns): the selector is still
 * the guest's. */
void
shim_pthread_exit(void *value)
{
	ux_rtld_guest_leave(0);
	thr_exit(value);
}

static int
is_cancelled(struct shim_thr *t)
{
	return __atomic_load_n(&t->cancel_pending, __ATOMIC_ACQUIRE) &&
	    t->cancel_state == FBSD_PTHREAD_CANCEL_ENABLE;
}

void
shim_thr_cancel_point(void)
{
	struct shim_thr *t = cur();

	if (is_cancelled(t))
		thr_exit(FBSD_PTHREAD_CANCELED);
}

static int
join_common(struct shim_thr *t, void **value, const struct fbsd_timespec *abstime, int peek)
{
	int r;

	if (!t || t == cur())
		return t ? FBSD_EDEADLK : FBSD_ESRCH;
	if (__atomic_load_n(&t->flags, __ATOMIC_ACQUIRE) & THR_DETACHED)
		return FBSD_EINVAL;
	if (peek) {
		if (!(__atomic_load_n(&t->flags, __ATOMIC_ACQUIRE) & THR_EXITED))
			return FBSD_EBUSY;
		if (value)
			*value = t->ret;
		return 0;
	}
	shim_thr_cancel_point();
	if (abstime)
		r = pthread_timedjoin_np(t->h, NULL, (const struct timespec *)abstime);
	else
		r = pthread_join(t->h, NULL);
	if (r != 0)
		return shim_thr_err(r);
	if (value)
		*value = t->ret;
	if (t != &initial_thr)
		free(t);
	return 0;
}

int
shim_pthread_join(struct shim_thr *t, void **value)
{
	return join_common(t, value, NULL, 0);
}

int
shim_pthread_timedjoin_np(struct shim_thr *t, void **value, const struct fbsd_timespec *abstime)
{
	if (!abstime)
		return FBSD_EINVAL;
	return join_common(t, value, abstime, 0);
}

int
shim_pthread_peekjoin_np(struct shim_thr *t, void **value)
{
	return join_common(t, value, NULL, 1);
}

int
shim_pthread_detach(struct shim_thr *t)
{
	int r;

	if (!t)
		return FBSD_ESRCH;
	if (__atomic_load_n(&t->flags, __ATOMIC_ACQUIRE) & THR_DETACHED)
		return FBSD_EINVAL;
	r = pthread_detach(t->h);
	if (r != 0)
		return shim_thr_err(r);
	thr_release(t, THR_DETACHED);
	return 0;
}

struct shim_thr *
shim_pthread_self(void)
{
	return cur();
}

int
shim_pthread_equal(struct shim_thr *a, struct shim_thr *b)
{
	return a == b;
}

int
shim_pthread_main_np(void)
{
	return gettid() == getpid();
}

/* FreeBSD's id of the thread's CPU-time clock, which clock_gettime takes. */
int
shim_pthread_getcpuclockid(struct shim_thr *t, int *clock_id)
{
	clockid_t h;
	int e;

	if (!t)
		return FBSD_EINVAL;
	if ((e = pthread_getcpuclockid(t->h, &h)) != 0)
		return shim_thr_err(e);
	*clock_id = shim_cpuclock_from_host(h);
	return 0;
}

int
shim_pthread_getthreadid_np(void)
{
	if (ux_rtld_td)
		return (int)fbsd_td(ux_rtld_td)->tid;
	return gettid() + FBSD_TID_BASE;
}

int
shim_pthread_kill(struct shim_thr *t, int sig)
{
	int hsig = 0;

	if (!t)
		return FBSD_ESRCH;
	if (sig < 0 || sig > FBSD_NSIG)
		return FBSD_EINVAL;
	if (sig) {
		hsig = fbsd_to_linux_signo(sig);
		if (hsig <= 0)
			return FBSD_EINVAL;
	}
	return shim_thr_err(pthread_kill(t->h, hsig));
}

int
shim_pthread_sigmask(int how, const struct fbsd_sigset *set, struct fbsd_sigset *oset)
{
	struct uxcall c;
	long r;

	shim_uxcall_init(&c, FBSD_SYS_sigprocmask);
	if (!c.td)
		return FBSD_ENOSYS;
	r = fbsd_sys_sigprocmask(&c, how, set, oset);
	return r < 0 ? shim_errno_from_host((int)-r) : 0;
}

void
shim_pthread_yield(void)
{
	sched_yield();
}

/* --- cancellation -------------------------------------------------------------- */

int
shim_pthread_cancel(struct shim_thr *t)
{
	if (!t)
		return FBSD_ESRCH;
	__atomic_store_n(&t->cancel_pending, 1, __ATOMIC_RELEASE);
	return 0;
}

void
shim_pthread_testcancel(void)
{
	shim_thr_cancel_point();
}

int
shim_pthread_setcancelstate(int state, int *old)
{
	struct shim_thr *t = cur();

	if (state != FBSD_PTHREAD_CANCEL_ENABLE && state != FBSD_PTHREAD_CANCEL_DISABLE)
		return FBSD_EINVAL;
	if (old)
		*old = t->cancel_state;
	t->cancel_state = state;
	return 0;
}

int
shim_pthread_setcanceltype(int type, int *old)
{
	struct shim_thr *t = cur();

	if (type != FBSD_PTHREAD_CANCEL_DEFERRED && type != FBSD_PTHREAD_CANCEL_ASYNCHRONOUS)
		return FBSD_EINVAL;
	if (old)
		*old = t->cancel_type;
	t->cancel_type = type;
	return 0;
}

/* --- names, scheduling, affinity ----------------------------------------------- */

static int concurrency;

int
shim_pthread_getconcurrency(void)
{
	return concurrency;
}

int
shim_pthread_setconcurrency(int level)
{
	if (level < 0)
		return FBSD_EINVAL;
	concurrency = level;
	return 0;
}

int
shim_pthread_setname_np(struct shim_thr *t, const char *name)
{
	char host[LINUX_NAME_MAX + 1];

	if (!t)
		return FBSD_ESRCH;
	if (name && strlen(name) > FBSD_MAXCOMLEN)
		return FBSD_ENAMETOOLONG;
	snprintf(t->name, sizeof(t->name), "%s", name ? name : "");
	snprintf(host, sizeof(host), "%.15s", t->name);
	pthread_setname_np(t->h, host);
	return 0;
}

void
shim_pthread_set_name_np(struct shim_thr *t, const char *name)
{
	shim_pthread_setname_np(t, name);
}

int
shim_pthread_getname_np(struct shim_thr *t, char *buf, size_t len)
{
	if (!t)
		return FBSD_ESRCH;
	if (len)
		snprintf(buf, len, "%s", t->name);
	return 0;
}

void
shim_pthread_get_name_np(struct shim_thr *t, char *buf, size_t len)
{
	if (shim_pthread_getname_np(t, buf, len) != 0 && len)
		buf[0] = '\0';
}

static int
policy_to_host(int p)
{
	switch (p) {
	case FBSD_SCHED_FIFO: return SCHED_FIFO;
	case FBSD_SCHED_OTHER: return SCHED_OTHER;
	case FBSD_SCHED_RR: return SCHED_RR;
	}
	return -1;
}

static int
policy_to_fbsd(int p)
{
	switch (p) {
	case SCHED_FIFO: return FBSD_SCHED_FIFO;
	case SCHED_RR: return FBSD_SCHED_RR;
	}
	return FBSD_SCHED_OTHER;
}

int
shim_pthread_getschedparam(struct shim_thr *t, int *policy, struct fbsd_sched_param *p)
{
	struct sched_param sp;
	int pol, r;

	if (!t)
		return FBSD_ESRCH;
	r = pthread_getschedparam(t->h, &pol, &sp);
	if (r != 0)
		return shim_thr_err(r);
	*policy = policy_to_fbsd(pol);
	p->sched_priority = sp.sched_priority;
	return 0;
}

int
shim_pthread_setschedparam(struct shim_thr *t, int policy, const struct fbsd_sched_param *p)
{
	struct sched_param sp = { .sched_priority = p->sched_priority };
	int hp = policy_to_host(policy);

	if (!t)
		return FBSD_ESRCH;
	if (hp < 0)
		return FBSD_EINVAL;
	return shim_thr_err(pthread_setschedparam(t->h, hp, &sp));
}

/* FreeBSD's cpuset_t has Linux's cpu_set_t bit order: CPU n is bit n. */
int
shim_pthread_getaffinity_np(struct shim_thr *t, size_t size, void *set)
{
	if (!t)
		return FBSD_ESRCH;
	return shim_thr_err(pthread_getaffinity_np(t->h, size, set));
}

int
shim_pthread_setaffinity_np(struct shim_thr *t, size_t size, const void *set)
{
	if (!t)
		return FBSD_ESRCH;
	return shim_thr_err(pthread_setaffinity_np(t->h, size, set));
}

/* --- thread attributes ------------------------------------------------------------ */

int
shim_pthread_attr_init(struct shim_attr **a)
{
	struct shim_attr *n = malloc(sizeof(*n));

	if (!n)
		return FBSD_ENOMEM;
	*n = default_attr;
	*a = n;
	return 0;
}

int
shim_pthread_attr_destroy(struct shim_attr **a)
{
	if (!a || !*a)
		return FBSD_EINVAL;
	free(*a);
	*a = NULL;
	return 0;
}

int
shim_pthread_attr_get_np(struct shim_thr *t, struct shim_attr **a)
{
	if (!t || !a || !*a)
		return FBSD_EINVAL;
	**a = t->attr;
	if (__atomic_load_n(&t->flags, __ATOMIC_ACQUIRE) & THR_DETACHED)
		(*a)->detach = FBSD_PTHREAD_CREATE_DETACHED;
	return 0;
}

#define ATTR_OK(a)	do { if (!(a) || !*(a)) return FBSD_EINVAL; } while (0)

int
shim_pthread_attr_getdetachstate(struct shim_attr *const *a, int *v)
{
	ATTR_OK(a);
	*v = (*a)->detach;
	return 0;
}

int
shim_pthread_attr_setdetachstate(struct shim_attr **a, int v)
{
	ATTR_OK(a);
	if (v != FBSD_PTHREAD_CREATE_JOINABLE && v != FBSD_PTHREAD_CREATE_DETACHED)
		return FBSD_EINVAL;
	(*a)->detach = v;
	return 0;
}

int
shim_pthread_attr_getstacksize(struct shim_attr *const *a, size_t *v)
{
	ATTR_OK(a);
	*v = (*a)->stacksize;
	return 0;
}

int
shim_pthread_attr_setstacksize(struct shim_attr **a, size_t v)
{
	ATTR_OK(a);
	if (v < FBSD_PTHREAD_STACK_MIN)
		return FBSD_EINVAL;
	(*a)->stacksize = v;
	return 0;
}

int
shim_pthread_attr_getstack(struct shim_attr *const *a, void **addr, size_t *size)
{
	ATTR_OK(a);
	*addr = (*a)->stackaddr;
	*size = (*a)->stacksize;
	return 0;
}

int
shim_pthread_attr_setstack(struct shim_attr **a, void *addr, size_t size)
{
	ATTR_OK(a);
	if (size < FBSD_PTHREAD_STACK_MIN)
		return FBSD_EINVAL;
	(*a)->stackaddr = addr;
	(*a)->stacksize = size;
	return 0;
}

int
shim_pthread_attr_getstackaddr(struct shim_attr *const *a, void **v)
{
	ATTR_OK(a);
	*v = (*a)->stackaddr;
	return 0;
}

int
shim_pthread_attr_setstackaddr(struct shim_attr **a, void *v)
{
	ATTR_OK(a);
	(*a)->stackaddr = v;
	return 0;
}

int
shim_pthread_attr_getguardsize(struct shim_attr *const *a, size_t *v)
{
	ATTR_OK(a);
	*v = (*a)->guardsize;
	return 0;
}

int
shim_pthread_attr_setguardsize(struct shim_attr **a, size_t v)
{
	ATTR_OK(a);
	(*a)->guardsize = v;
	return 0;
}

int
shim_pthread_attr_getinheritsched(struct shim_attr *const *a, int *v)
{
	ATTR_OK(a);
	*v = (*a)->inherit;
	return 0;
}

int
shim_pthread_attr_setinheritsched(struct shim_attr **a, int v)
{
	ATTR_OK(a);
	if (v != FBSD_PTHREAD_INHERIT_SCHED && v != FBSD_PTHREAD_EXPLICIT_SCHED)
		return FBSD_ENOTSUP;
	(*a)->inherit = v;
	return 0;
}

int
shim_pthread_attr_getschedparam(struct shim_attr *const *a, struct fbsd_sched_param *p)
{
	ATTR_OK(a);
	p->sched_priority = (*a)->prio;
	return 0;
}

int
shim_pthread_attr_setschedparam(struct shim_attr **a, const struct fbsd_sched_param *p)
{
	ATTR_OK(a);
	if (!p)
		return FBSD_EINVAL;
	(*a)->prio = p->sched_priority;
	return 0;
}

int
shim_pthread_attr_getschedpolicy(struct shim_attr *const *a, int *v)
{
	ATTR_OK(a);
	*v = (*a)->policy;
	return 0;
}

int
shim_pthread_attr_setschedpolicy(struct shim_attr **a, int v)
{
	ATTR_OK(a);
	if (policy_to_host(v) < 0)
		return FBSD_ENOTSUP;
	(*a)->policy = v;
	return 0;
}

int
shim_pthread_attr_getscope(struct shim_attr *const *a, int *v)
{
	ATTR_OK(a);
	*v = (*a)->scope;
	return 0;
}

int
shim_pthread_attr_setscope(struct shim_attr **a, int v)
{
	ATTR_OK(a);
	if (v != FBSD_PTHREAD_SCOPE_PROCESS && v != FBSD_PTHREAD_SCOPE_SYSTEM)
		return FBSD_EINVAL;
	(*a)->scope = v;
	return 0;
}
