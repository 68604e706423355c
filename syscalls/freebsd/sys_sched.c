/*
 * Scheduling (sys/kern/p1003_1b.c, ksched.c) and CPU affinity
 * (sys/kern/kern_cpuset.c).
 *
 * FreeBSD numbers its POSIX policies FIFO 1, OTHER 2, RR 3 (Linux: 1, 0,
 * 2) and its real-time priorities 0..31 (Linux: 1..99).  SCHED_OTHER takes
 * a priority of 0..135 on FreeBSD and only 0 on Linux.
 *
 * A cpuset_t is a bitmap of longs, CPU n in bit n % 64 of word n / 64, as
 * Linux's affinity masks are; the kernel's set holds MAXCPU = 1024 CPUs on
 * amd64.  Linux has no numbered cpusets: the root set is every configured
 * CPU and a thread's set is its affinity.
 */
#include "config.h"

#include <sched.h>
#include <unistd.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_thread.h"
#include "syscalls/freebsd/fbsd_thr.h"

/* PRI_MAX_TIMESHARE - PRI_MIN_TIMESHARE: SCHED_OTHER's priority range */
#define FBSD_TS_PRIO_MAX	135

#ifndef SCHED_BATCH
#define SCHED_BATCH 3
#endif
#ifndef SCHED_IDLE
#define SCHED_IDLE 5
#endif
#ifndef SCHED_RESET_ON_FORK
#define SCHED_RESET_ON_FORK 0x40000000
#endif

struct fbsd_sched_param {
	int32_t sched_priority;
};

/* FreeBSD's real-time priorities spread over Linux's 1..99; the pair
 * round-trips. */
static int
fbsd_to_linux_rtprio(int p)
{
	return 1 + 3 * p;
}

static int
linux_to_fbsd_rtprio(int p)
{
	int f = (p - 1) / 3;

	return f < 0 ? 0 : f > FBSD_RTP_PRIO_MAX ? FBSD_RTP_PRIO_MAX : f;
}

/* -EINVAL for a policy FreeBSD does not have. */
static long
fbsd_to_linux_policy(int policy)
{
	switch (policy) {
	case FBSD_SCHED_FIFO:
		return SCHED_FIFO;
	case FBSD_SCHED_OTHER:
		return SCHED_OTHER;
	case FBSD_SCHED_RR:
		return SCHED_RR;
	}
	return -EINVAL;
}

static int
linux_to_fbsd_policy(long policy)
{
	switch (policy & ~(long)SCHED_RESET_ON_FORK) {
	case SCHED_FIFO:
		return FBSD_SCHED_FIFO;
	case SCHED_RR:
		return FBSD_SCHED_RR;
	}
	/* OTHER, BATCH, IDLE, DEADLINE: FreeBSD's time-sharing class */
	return FBSD_SCHED_OTHER;
}

/* ksched_setscheduler()'s range check, then the Linux parameter. */
static long
fbsd_to_linux_param(int fpolicy, const struct fbsd_sched_param *fp, struct sched_param *lp)
{
	int p = fp->sched_priority;

	switch (fpolicy) {
	case FBSD_SCHED_FIFO:
	case FBSD_SCHED_RR:
		if (p < 0 || p > FBSD_RTP_PRIO_MAX)
			return -EINVAL;
		lp->sched_priority = fbsd_to_linux_rtprio(p);
		return 0;
	case FBSD_SCHED_OTHER:
		if (p < 0 || p > FBSD_TS_PRIO_MAX)
			return -EINVAL;
		/* XXX Linux has no static priority for time-sharing threads
		 * (nice is what FreeBSD's number would stand for). */
		lp->sched_priority = 0;
		return 0;
	}
	return -EINVAL;
}

static long
copyin_param(const void *param, struct fbsd_sched_param *fp)
{
	return ux_copyin(fp, param, sizeof(*fp));
}

long
fbsd_sys_sched_setparam(struct uxcall *c, int pid, const void *param)
{
	struct fbsd_sched_param fp;
	struct sched_param lp;
	long r, policy;

	r = copyin_param(param, &fp);
	if (r < 0)
		return r;
	if (pid < 0)
		return -EINVAL;
	policy = ux_sys(SYS_sched_getscheduler, pid);
	if (policy < 0)
		return policy;
	r = fbsd_to_linux_param(linux_to_fbsd_policy(policy), &fp, &lp);
	if (r < 0)
		return r;
	return ux_sys(SYS_sched_setparam, pid, &lp);
}

long
fbsd_sys_sched_getparam(struct uxcall *c, int pid, void *param)
{
	struct sched_param lp;
	struct fbsd_sched_param fp;
	long r, policy;

	if (pid < 0)
		return -EINVAL;
	policy = ux_sys(SYS_sched_getscheduler, pid);
	if (policy < 0)
		return policy;
	r = ux_sys(SYS_sched_getparam, pid, &lp);
	if (r < 0)
		return r;
	if (linux_to_fbsd_policy(policy) == FBSD_SCHED_OTHER)
		/* XXX FreeBSD reports the thread's current time-sharing
		 * priority, which moves; Linux has none to report. */
		fp.sched_priority = 0;
	else
		fp.sched_priority = linux_to_fbsd_rtprio(lp.sched_priority);
	return ux_copyout(param, &fp, sizeof(fp));
}

long
fbsd_sys_sched_setscheduler(struct uxcall *c, int pid, int policy, const void *param)
{
	struct fbsd_sched_param fp;
	struct sched_param lp;
	long r, lpolicy;

	r = copyin_param(param, &fp);
	if (r < 0)
		return r;
	if (pid < 0)
		return -EINVAL;
	lpolicy = fbsd_to_linux_policy(policy);
	if (lpolicy < 0)
		return lpolicy;
	r = fbsd_to_linux_param(policy, &fp, &lp);
	if (r < 0)
		return r;
	r = ux_sys(SYS_sched_setscheduler, pid, lpolicy, &lp);
	return r < 0 ? r : 0;
}

long
fbsd_sys_sched_getscheduler(struct uxcall *c, int pid)
{
	long r;

	if (pid < 0)
		return -EINVAL;
	r = ux_sys(SYS_sched_getscheduler, pid);
	return r < 0 ? r : linux_to_fbsd_policy(r);
}

long
fbsd_sys_sched_yield(struct uxcall *c)
{
	return ux_sys(SYS_sched_yield);
}

long
fbsd_sys_sched_get_priority_max(struct uxcall *c, int policy)
{
	switch (policy) {
	case FBSD_SCHED_FIFO:
	case FBSD_SCHED_RR:
		return FBSD_RTP_PRIO_MAX;
	case FBSD_SCHED_OTHER:
		return FBSD_TS_PRIO_MAX;
	}
	return -EINVAL;
}

long
fbsd_sys_sched_get_priority_min(struct uxcall *c, int policy)
{
	switch (policy) {
	case FBSD_SCHED_FIFO:
	case FBSD_SCHED_RR:
	case FBSD_SCHED_OTHER:
		return 0;
	}
	return -EINVAL;
}

long
fbsd_sys_sched_rr_get_interval(struct uxcall *c, int pid, struct fbsd_timespec *interval)
{
	struct fbsd_timespec ts;
	long r;

	if (pid < 0)
		return -EINVAL;
	/* The same layout; Linux checks the pid as FreeBSD does. */
	r = ux_sys(SYS_sched_rr_get_interval, pid, &ts);
	if (r < 0)
		return r;
	/* FreeBSD gives every thread the round-robin quantum; Linux gives
	 * time-sharing threads 0.  XXX 100 ms stands in for the quantum. */
	if (ts.tv_sec == 0 && ts.tv_nsec == 0)
		ts.tv_nsec = 100 * 1000 * 1000;
	return ux_copyout(interval, &ts, sizeof(ts));
}

/* --- cpuset_getaffinity / cpuset_setaffinity ------------------------------------ */

#define FBSD_CPUSET_BYTES	(FBSD_CPU_SETSIZE / 8)
/* Room for the host's mask however many CPUs it has (Linux: up to 8192). */
#define HOST_MASK_BYTES		1024

struct cpu_target {
	int is_proc;		/* a whole process (else one thread) */
	int id;			/* Linux pid or tid, 0 for the caller */
	int root;		/* every configured CPU */
};

static long
host_cpus(void)
{
	static long n;

	if (n == 0) {
		long v = sysconf(_SC_NPROCESSORS_CONF);
		n = v > 0 ? v : 1;
	}
	return n;
}

/* cpuset_which2(): what level/which/id name, on Linux's terms. */
static long
cpu_target(int level, int which, int64_t id, struct cpu_target *t)
{
	static uint8_t rep_which;

	memset(t, 0, sizeof(*t));
	if (level != FBSD_CPU_LEVEL_ROOT && level != FBSD_CPU_LEVEL_CPUSET &&
	    level != FBSD_CPU_LEVEL_WHICH)
		return -EINVAL;
	if (which == FBSD_CPU_WHICH_TIDPID)
		which = id == -1 || id > FBSD_PID_MAX ? FBSD_CPU_WHICH_TID : FBSD_CPU_WHICH_PID;
	switch (which) {
	case FBSD_CPU_WHICH_TID:
		if (id == -1)
			return 0;
		if (id < FBSD_TID_BASE || id - FBSD_TID_BASE > INT32_MAX)
			return -ESRCH;
		t->id = (int)(id - FBSD_TID_BASE);
		return ux_sys(SYS_tgkill, ux_sys(SYS_getpid), t->id, 0) == 0 ||
		    ux_sys(SYS_sched_getscheduler, t->id) >= 0 ? 0 : -ESRCH;
	case FBSD_CPU_WHICH_PID:
		t->is_proc = 1;
		if (id == -1 || id == ux_sys(SYS_getpid))
			return 0;
		if (id <= 0 || id > INT32_MAX)
			return -ESRCH;
		t->id = (int)id;
		return ux_sys(SYS_kill, t->id, 0) == -ESRCH ? -ESRCH : 0;
	case FBSD_CPU_WHICH_CPUSET:
		/* -1: the caller's set; 0, the default set, and 1, the one
		 * processes start in, hold every CPU. */
		t->is_proc = 1;
		if (id == -1)
			return 0;
		if (id == 0 || id == 1) {
			t->root = 1;
			return 0;
		}
		return -ESRCH;
	case FBSD_CPU_WHICH_JAIL:
		if (id != 0)
			return -ESRCH;
		t->root = 1;
		return 0;
	}
	ux_report_once(&rep_which, "unsupported FreeBSD cpuset which %d: returning EINVAL", which);
	return -EINVAL;
}

static long
cpu_getmask(const struct cpu_target *t, int level, uint8_t *mask)
{
	long r, n;

	memset(mask, 0, HOST_MASK_BYTES);
	if (t->root || level == FBSD_CPU_LEVEL_ROOT) {
		n = host_cpus();
		for (long i = 0; i < n && i < HOST_MASK_BYTES * 8; i++)
			mask[i / 8] |= (uint8_t)(1u << (i % 8));
		return 0;
	}
	/* XXX a process's mask is its main thread's (FreeBSD ORs them). */
	r = ux_sys(SYS_sched_getaffinity, t->is_proc && t->id == 0 ? ux_sys(SYS_getpid) : t->id,
	    HOST_MASK_BYTES, mask);
	return r < 0 ? r : 0;
}

long
fbsd_sys_cpuset_getaffinity(struct uxcall *c, int level, int which, int64_t id,
    size_t cpusetsize, void *mask)
{
	static const uint8_t zeros[256];
	uint8_t m[HOST_MASK_BYTES];
	struct cpu_target t;
	size_t size, need = 0;
	long r;

	r = cpu_target(level, which, id, &t);
	if (r < 0)
		return r;
	r = cpu_getmask(&t, level, m);
	if (r < 0)
		return r;
	/* FreeBSD's set stops at MAXCPU. */
	memset(m + FBSD_CPUSET_BYTES, 0, HOST_MASK_BYTES - FBSD_CPUSET_BYTES);
	for (size_t i = 0; i < FBSD_CPUSET_BYTES; i++)
		if (m[i])
			need = i + 1;
	/* kern_cpuset_getaffinity(): a smaller buffer is fine as long as
	 * the highest CPU in the mask fits; the rest of a larger one is
	 * zeroed. */
	size = cpusetsize < FBSD_CPUSET_BYTES ? cpusetsize : FBSD_CPUSET_BYTES;
	if (size < need)
		return -ERANGE;
	r = ux_copyout(mask, m, size);
	if (r < 0)
		return r;
	for (size_t off = size; off < cpusetsize;) {
		size_t n = cpusetsize - off < sizeof(zeros) ? cpusetsize - off : sizeof(zeros);
		r = ux_copyout((char *)mask + off, zeros, n);
		if (r < 0)
			return r;
		off += n;
	}
	return 0;
}

static long
set_thread_affinity(int tid, const uint8_t *m)
{
	return ux_sys(SYS_sched_setaffinity, tid, FBSD_CPUSET_BYTES, m);
}

long
fbsd_sys_cpuset_setaffinity(struct uxcall *c, int level, int which, int64_t id,
    size_t cpusetsize, const void *mask)
{
	uint8_t m[FBSD_CPUSET_BYTES];
	struct cpu_target t;
	size_t size;
	long r;
	int empty = 1;

	memset(m, 0, sizeof(m));
	size = cpusetsize < sizeof(m) ? cpusetsize : sizeof(m);
	r = ux_copyin(m, mask, size);
	if (r < 0)
		return r;
	/* CPUs beyond the kernel's set must not be asked for. */
	for (size_t off = sizeof(m); off < cpusetsize; off++) {
		uint8_t b;
		r = ux_copyin(&b, (const char *)mask + off, 1);
		if (r < 0)
			return r;
		if (b != 0)
			return -EINVAL;
	}
	for (size_t i = 0; i < sizeof(m); i++)
		empty &= m[i] == 0;
	if (empty)
		return -EDEADLK;
	r = cpu_target(level, which, id, &t);
	if (r < 0)
		return r;
	/* XXX the root set and numbered sets cannot change on Linux; an
	 * unprivileged FreeBSD user may not change them either. */
	if (t.root || level == FBSD_CPU_LEVEL_ROOT)
		return -EPERM;
	if (!t.is_proc)
		return set_thread_affinity(t.id, m);
	if (t.id != 0)
		/* XXX another process: its main thread only */
		return set_thread_affinity(t.id, m);
	/* cpuset_setproc(): every thread of this process */
	int tids[256], n = fbsd_thr_list(tids, 256);
	r = set_thread_affinity(0, m);
	for (int i = 0; r == 0 && i < n; i++) {
		long k = set_thread_affinity(tids[i], m);
		if (k < 0 && k != -ESRCH)
			r = k;
	}
	return r;
}
