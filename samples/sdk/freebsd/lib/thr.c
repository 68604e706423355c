/* Kernel threads, user mutexes, CPU sets and scheduling: the system calls. */
#include <sched.h>
#include <sys/cpuset.h>
#include <sys/thr.h>
#include <sys/umtx.h>
#include "uxrt.h"

int
thr_new(struct thr_param *param, int param_size)
{
	return (int)uxrt_call(SYS_thr_new, param, param_size);
}

int
thr_self(long *id)
{
	return (int)uxrt_call(SYS_thr_self, id);
}

void
thr_exit(long *state)
{
	uxrt_sys(SYS_thr_exit, state);
}

int
thr_kill(long id, int sig)
{
	return (int)uxrt_call(SYS_thr_kill, id, sig);
}

int
thr_kill2(pid_t pid, long id, int sig)
{
	return (int)uxrt_call(SYS_thr_kill2, pid, id, sig);
}

int
thr_suspend(const struct timespec *timeout)
{
	return (int)uxrt_call(SYS_thr_suspend, timeout);
}

int
thr_wake(long id)
{
	return (int)uxrt_call(SYS_thr_wake, id);
}

int
thr_set_name(long id, const char *name)
{
	return (int)uxrt_call(SYS_thr_set_name, id, name);
}

int
_umtx_op(void *obj, int op, u_long val, void *uaddr, void *uaddr2)
{
	return (int)uxrt_call(SYS__umtx_op, obj, op, val, uaddr, uaddr2);
}

int
cpuset_getaffinity(cpulevel_t level, cpuwhich_t which, id_t id, size_t setsize, cpuset_t *mask)
{
	return (int)uxrt_call(SYS_cpuset_getaffinity, level, which, id, setsize, mask);
}

int
cpuset_setaffinity(cpulevel_t level, cpuwhich_t which, id_t id, size_t setsize,
    const cpuset_t *mask)
{
	return (int)uxrt_call(SYS_cpuset_setaffinity, level, which, id, setsize, mask);
}

int
__uxrt_cpu_count(const long *bits, int nwords)
{
	int n = 0;

	for (int i = 0; i < nwords; i++)
		n += __builtin_popcountl((unsigned long)bits[i]);
	return n;
}

/* As FreeBSD's libc: pid 0 is the calling thread, others a thread or a
 * process (CPU_WHICH_TIDPID, FreeBSD 14). */
int
sched_getaffinity(pid_t pid, size_t cpusetsz, cpuset_t *cpuset)
{
	return cpuset_getaffinity(CPU_LEVEL_WHICH, CPU_WHICH_TIDPID, pid == 0 ? -1 : pid,
	    cpusetsz, cpuset);
}

int
sched_setaffinity(pid_t pid, size_t cpusetsz, const cpuset_t *cpuset)
{
	return cpuset_setaffinity(CPU_LEVEL_WHICH, CPU_WHICH_TIDPID, pid == 0 ? -1 : pid,
	    cpusetsz, cpuset);
}

int
sched_yield(void)
{
	return (int)uxrt_call(SYS_sched_yield);
}

int
sched_get_priority_max(int policy)
{
	return (int)uxrt_call(SYS_sched_get_priority_max, policy);
}

int
sched_get_priority_min(int policy)
{
	return (int)uxrt_call(SYS_sched_get_priority_min, policy);
}

int
sched_getscheduler(pid_t pid)
{
	return (int)uxrt_call(SYS_sched_getscheduler, pid);
}

int
sched_setscheduler(pid_t pid, int policy, const struct sched_param *param)
{
	return (int)uxrt_call(SYS_sched_setscheduler, pid, policy, param);
}

int
sched_getparam(pid_t pid, struct sched_param *param)
{
	return (int)uxrt_call(SYS_sched_getparam, pid, param);
}

int
sched_setparam(pid_t pid, const struct sched_param *param)
{
	return (int)uxrt_call(SYS_sched_setparam, pid, param);
}
