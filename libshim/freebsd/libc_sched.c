/*
 * Scheduling, CPU sets, the kernel's futex (_umtx_op) and resource usage
 * through libc: the system-call emulation's handlers (sys_sched.c,
 * sys_umtx.c, sys_resource.c) called with a struct uxcall, so FreeBSD's
 * policy numbers, priorities, cpuset levels and umtx operations mean the
 * same through libc as through a raw system call.  Rust's standard
 * library parks threads with _umtx_op and counts CPUs with
 * cpuset_getaffinity.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "libshim/freebsd/libc_shim.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/freebsd/fbsd_sysent.h"

#define SYS(name, ...) ({ \
	struct uxcall c_; \
	shim_uxcall_init(&c_, FBSD_SYS_##name); \
	shim_sysret(fbsd_sys_##name(&c_, ##__VA_ARGS__)); \
})

int
shim_sched_yield(void)
{
	return (int)SYS(sched_yield);
}

int
shim_sched_get_priority_max(int policy)
{
	return (int)SYS(sched_get_priority_max, policy);
}

int
shim_sched_get_priority_min(int policy)
{
	return (int)SYS(sched_get_priority_min, policy);
}

int
shim_sched_getscheduler(int pid)
{
	return (int)SYS(sched_getscheduler, pid);
}

int
shim_sched_setscheduler(int pid, int policy, const void *param)
{
	return (int)SYS(sched_setscheduler, pid, policy, param);
}

int
shim_sched_getparam(int pid, void *param)
{
	return (int)SYS(sched_getparam, pid, param);
}

int
shim_sched_setparam(int pid, const void *param)
{
	return (int)SYS(sched_setparam, pid, param);
}

int
shim_sched_rr_get_interval(int pid, struct fbsd_timespec *ts)
{
	return (int)SYS(sched_rr_get_interval, pid, ts);
}

int
shim_cpuset_getaffinity(int level, int which, int64_t id, size_t size, void *mask)
{
	return (int)SYS(cpuset_getaffinity, level, which, id, size, mask);
}

int
shim_cpuset_setaffinity(int level, int which, int64_t id, size_t size, const void *mask)
{
	return (int)SYS(cpuset_setaffinity, level, which, id, size, mask);
}

/* <sys/domainset.h> */
#define FBSD_DOMAINSET_POLICY_FIRSTTOUCH	2

/* One memory domain, as on a machine without NUMA.  XXX Linux's NUMA
 * nodes are not reported. */
int
shim_cpuset_getdomain(int level, int which, int64_t id, size_t size, void *mask, int *policy)
{
	(void)level;
	(void)which;
	(void)id;
	if (size == 0 || size % 8 != 0 || !mask) {
		shim_errno = size == 0 || size % 8 ? FBSD_ERANGE : FBSD_EFAULT;
		return -1;
	}
	memset(mask, 0, size);
	*(uint8_t *)mask = 1;
	if (policy)
		*policy = FBSD_DOMAINSET_POLICY_FIRSTTOUCH;
	return 0;
}

/* Also the usual way to the umtx operations from C: libthr's own calls,
 * Rust's thread parking. */
int
shim__umtx_op(void *obj, int op, unsigned long val, void *uaddr1, void *uaddr2)
{
	return (int)SYS(_umtx_op, obj, op, val, uaddr1, uaddr2);
}

int
shim_getrusage(int who, struct fbsd_rusage *ru)
{
	return (int)SYS(getrusage, who, ru);
}
