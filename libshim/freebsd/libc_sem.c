/*
 * Unnamed POSIX semaphores with FreeBSD's sem_t (include/semaphore.h:
 * a magic number, then the kernel's struct _usem2 {count, flags}, then
 * padding), kept in the guest's own 16 bytes as FreeBSD's libc keeps
 * them, so a semaphore in shared memory works across a fork.  The count
 * word has FreeBSD's layout too (USEM_HAS_WAITERS in the top bit); waits
 * sleep on it with Linux's futex, process-private unless the semaphore
 * was made with pshared.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "libshim/freebsd/libc_shim.h"
#include "syscalls/freebsd/fbsd_consts.h"

#define SEM_MAGIC		0x73656d32u	/* "sem2" */
#define USEM_HAS_WAITERS	0x80000000u
#define USEM_MAX_COUNT		0x7fffffffu
#define USEM_SHARED		1
#define FBSD_TIMER_ABSTIME	1

struct fbsd_sem {
	uint32_t magic;
	uint32_t count;		/* struct _usem2 */
	uint32_t flags;
	uint32_t pad;
};
_Static_assert(sizeof(struct fbsd_sem) == 16, "FreeBSD sem_t");

static int
fail(int e)
{
	shim_errno = e;
	return -1;
}

static int
valid(struct fbsd_sem *s)
{
	return s && s->magic == SEM_MAGIC;
}

static int
futex_op(struct fbsd_sem *s)
{
	return (s->flags & USEM_SHARED) ? 0 : FUTEX_PRIVATE_FLAG;
}

int
shim_sem_init(struct fbsd_sem *s, int pshared, unsigned value)
{
	if (value > USEM_MAX_COUNT)
		return fail(FBSD_EINVAL);
	s->magic = SEM_MAGIC;
	s->count = value;
	s->flags = pshared ? USEM_SHARED : 0;
	s->pad = 0;
	return 0;
}

int
shim_sem_destroy(struct fbsd_sem *s)
{
	if (!valid(s))
		return fail(FBSD_EINVAL);
	s->magic = 0;
	return 0;
}

int
shim_sem_getvalue(struct fbsd_sem *s, int *value)
{
	if (!valid(s))
		return fail(FBSD_EINVAL);
	*value = (int)(__atomic_load_n(&s->count, __ATOMIC_RELAXED) & USEM_MAX_COUNT);
	return 0;
}

int
shim_sem_post(struct fbsd_sem *s)
{
	uint32_t c;

	if (!valid(s))
		return fail(FBSD_EINVAL);
	c = __atomic_load_n(&s->count, __ATOMIC_RELAXED);
	do {
		if ((c & USEM_MAX_COUNT) == USEM_MAX_COUNT)
			return fail(FBSD_EOVERFLOW);
	} while (!__atomic_compare_exchange_n(&s->count, &c, (c & USEM_MAX_COUNT) + 1, 1,
	    __ATOMIC_RELEASE, __ATOMIC_RELAXED));
	/* Sleepers set the flag again if the count is gone before they get it. */
	if (c & USEM_HAS_WAITERS)
		syscall(SYS_futex, &s->count, FUTEX_WAKE | futex_op(s), INT32_MAX, NULL, NULL, 0);
	return 0;
}

int
shim_sem_trywait(struct fbsd_sem *s)
{
	uint32_t c;

	if (!valid(s))
		return fail(FBSD_EINVAL);
	c = __atomic_load_n(&s->count, __ATOMIC_RELAXED);
	do {
		if ((c & USEM_MAX_COUNT) == 0)
			return fail(FBSD_EAGAIN);
	} while (!__atomic_compare_exchange_n(&s->count, &c, c - 1, 1, __ATOMIC_ACQUIRE,
	    __ATOMIC_RELAXED));
	return 0;
}

/* Waits until the count can be taken or the absolute time on the host
 * clock (CLOCK_REALTIME or CLOCK_MONOTONIC) passes; abstime NULL: forever. */
static int
sem_wait_until(struct fbsd_sem *s, int clock, const struct fbsd_timespec *abstime)
{
	if (!valid(s))
		return fail(FBSD_EINVAL);
	if (abstime && (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000))
		return fail(FBSD_EINVAL);
	for (;;) {
		uint32_t c = __atomic_load_n(&s->count, __ATOMIC_RELAXED);

		if (c & USEM_MAX_COUNT) {
			if (__atomic_compare_exchange_n(&s->count, &c, c - 1, 1, __ATOMIC_ACQUIRE,
			    __ATOMIC_RELAXED))
				return 0;
			continue;
		}
		if (!(c & USEM_HAS_WAITERS) && !__atomic_compare_exchange_n(&s->count, &c,
		    c | USEM_HAS_WAITERS, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
			continue;
		long r = syscall(SYS_futex, &s->count, FUTEX_WAIT_BITSET | futex_op(s) |
		    (clock == CLOCK_REALTIME ? FUTEX_CLOCK_REALTIME : 0), USEM_HAS_WAITERS,
		    abstime, NULL, FUTEX_BITSET_MATCH_ANY);
		if (r != 0 && (errno == ETIMEDOUT || errno == EINTR))
			return fail(shim_errno_from_host(errno));
	}
}

int
shim_sem_wait(struct fbsd_sem *s)
{
	return sem_wait_until(s, CLOCK_REALTIME, NULL);
}

int
shim_sem_timedwait(struct fbsd_sem *s, const struct fbsd_timespec *abstime)
{
	if (!abstime)
		return fail(FBSD_EINVAL);
	return sem_wait_until(s, CLOCK_REALTIME, abstime);
}

/* FreeBSD's own: a relative or absolute wait on a chosen clock. */
int
shim_sem_clockwait_np(struct fbsd_sem *s, int clock, int flags, const struct fbsd_timespec *rqtp,
    struct fbsd_timespec *rmtp)
{
	struct timespec now, end;
	int hclock;

	if (!rqtp)
		return fail(FBSD_EINVAL);
	switch (clock) {
	case FBSD_CLOCK_REALTIME: case FBSD_CLOCK_REALTIME_PRECISE: case FBSD_CLOCK_REALTIME_FAST:
		hclock = CLOCK_REALTIME;
		break;
	case FBSD_CLOCK_MONOTONIC: case FBSD_CLOCK_MONOTONIC_PRECISE: case FBSD_CLOCK_MONOTONIC_FAST:
	case FBSD_CLOCK_UPTIME: case FBSD_CLOCK_UPTIME_PRECISE: case FBSD_CLOCK_UPTIME_FAST:
		hclock = CLOCK_MONOTONIC;
		break;
	default:
		return fail(FBSD_EINVAL);
	}
	end.tv_sec = rqtp->tv_sec;
	end.tv_nsec = rqtp->tv_nsec;
	if (!(flags & FBSD_TIMER_ABSTIME)) {
		clock_gettime(hclock, &now);
		end.tv_sec += now.tv_sec;
		end.tv_nsec += now.tv_nsec;
		if (end.tv_nsec >= 1000000000) {
			end.tv_sec++;
			end.tv_nsec -= 1000000000;
		}
	}
	int r = sem_wait_until(s, hclock, (const struct fbsd_timespec *)&end);
	/* An interrupted relative wait tells what was left. */
	if (r != 0 && shim_errno == FBSD_EINTR && rmtp && !(flags & FBSD_TIMER_ABSTIME)) {
		clock_gettime(hclock, &now);
		int64_t ns = (end.tv_sec - now.tv_sec) * 1000000000LL + (end.tv_nsec - now.tv_nsec);
		if (ns < 0)
			ns = 0;
		rmtp->tv_sec = ns / 1000000000;
		rmtp->tv_nsec = ns % 1000000000;
	}
	return r;
}

/* --- named semaphores ----------------------------------------------------------
 * As FreeBSD's libc makes them (lib/libc/gen/sem_new.c): a file
 * /tmp/SEMD<name> holding one sem_t, created and filled under an
 * exclusive flock, mapped shared (so the count is a process-shared futex
 * word); opening a name this process has open already gives the same
 * sem_t and counts a reference, which sem_close drops.
 */

#define SEM_PREFIX	"/tmp/SEMD"

struct named_sem {
	struct named_sem *next;
	dev_t dev;
	ino_t ino;
	struct fbsd_sem *sem;
	int refs;
};

static struct named_sem *named;
static pthread_mutex_t named_lock = PTHREAD_MUTEX_INITIALIZER;

static struct fbsd_sem *
fail_null(int e)
{
	shim_errno = e;
	return NULL;
}

static int
sem_path(const char *name, char *path, size_t len)
{
	if (!name || name[0] != '/' || strchr(name + 1, '/') || name[1] == '\0')
		return FBSD_EINVAL;
	if (strlen(name + 1) > NAME_MAX - 1)
		return FBSD_ENAMETOOLONG;
	snprintf(path, len, "%s%s", SEM_PREFIX, name + 1);
	return 0;
}

struct fbsd_sem *
shim_sem_open(const char *name, int flags, ...)
{
	char path[PATH_MAX];
	unsigned mode = 0, value = 0;
	struct named_sem *n;
	struct fbsd_sem *s = NULL;
	struct stat st;
	int fd, e, hflags;

	if ((e = sem_path(name, path, sizeof(path))) != 0)
		return fail_null(e);
	if (flags & ~(FBSD_O_CREAT | FBSD_O_EXCL))
		return fail_null(FBSD_EINVAL);
	if (flags & FBSD_O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = va_arg(ap, unsigned);
		value = va_arg(ap, unsigned);
		va_end(ap);
		if (value > USEM_MAX_COUNT)
			return fail_null(FBSD_EINVAL);
	}
	hflags = O_RDWR | O_CLOEXEC | (flags & FBSD_O_CREAT ? O_CREAT : 0) |
	    (flags & FBSD_O_EXCL ? O_EXCL : 0);
	pthread_mutex_lock(&named_lock);
	fd = open(path, hflags, mode & 07777);
	if (fd < 0 || flock(fd, LOCK_EX) != 0 || fstat(fd, &st) != 0)
		goto host_fail;
	for (n = named; n; n = n->next)
		if (n->dev == st.st_dev && n->ino == st.st_ino) {
			n->refs++;
			close(fd);
			pthread_mutex_unlock(&named_lock);
			return n->sem;
		}
	if (st.st_size == 0) {
		struct fbsd_sem init = { .magic = SEM_MAGIC, .count = value, .flags = USEM_SHARED };

		if (write(fd, &init, sizeof(init)) != (ssize_t)sizeof(init))
			goto host_fail;
	} else if (st.st_size < (off_t)sizeof(*s)) {
		errno = EINVAL;
		goto host_fail;
	}
	s = mmap(NULL, sizeof(*s), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (s == MAP_FAILED || !(n = malloc(sizeof(*n)))) {
		if (s != MAP_FAILED)
			munmap(s, sizeof(*s));
		errno = ENOMEM;
		goto host_fail;
	}
	/* The mapping keeps the open file, and with it the lock, alive. */
	flock(fd, LOCK_UN);
	close(fd);
	*n = (struct named_sem){ named, st.st_dev, st.st_ino, s, 1 };
	named = n;
	pthread_mutex_unlock(&named_lock);
	return s;
host_fail:
	e = errno;
	if (fd >= 0)
		close(fd);
	pthread_mutex_unlock(&named_lock);
	shim_errno = shim_errno_from_host(e);
	return NULL;
}

int
shim_sem_close(struct fbsd_sem *s)
{
	struct named_sem **p, *n;

	pthread_mutex_lock(&named_lock);
	for (p = &named; (n = *p) != NULL; p = &n->next)
		if (n->sem == s)
			break;
	if (!n) {
		pthread_mutex_unlock(&named_lock);
		return fail(FBSD_EINVAL);
	}
	if (--n->refs == 0) {
		*p = n->next;
		munmap(s, sizeof(*s));
		free(n);
	}
	pthread_mutex_unlock(&named_lock);
	return 0;
}

int
shim_sem_unlink(const char *name)
{
	char path[PATH_MAX];
	int e = sem_path(name, path, sizeof(path));

	if (e)
		return fail(e);
	return shim_ret(unlink(path));
}
