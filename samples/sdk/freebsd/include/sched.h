/* uxrun FreeBSD SDK: POSIX scheduling and affinity (FreeBSD sched.h). */
#ifndef _UXRT_SCHED_H
#define _UXRT_SCHED_H

#include <sys/types.h>
#include <sys/_timespec.h>
#include <sys/cpuset.h>

#define SCHED_FIFO	1
#define SCHED_OTHER	2
#define SCHED_RR	3

struct sched_param {
	int sched_priority;
};

typedef cpuset_t cpu_set_t;

int sched_yield(void);
int sched_get_priority_max(int policy);
int sched_get_priority_min(int policy);
int sched_getscheduler(pid_t pid);
int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param);
int sched_getparam(pid_t pid, struct sched_param *param);
int sched_setparam(pid_t pid, const struct sched_param *param);
int sched_getaffinity(pid_t pid, size_t cpusetsz, cpuset_t *cpuset);
int sched_setaffinity(pid_t pid, size_t cpusetsz, const cpuset_t *cpuset);

#endif
