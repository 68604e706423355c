/* uxrun FreeBSD SDK: CPU sets (FreeBSD sys/sys/cpuset.h, _cpuset.h). */
#ifndef _UXRT_SYS_CPUSET_H
#define _UXRT_SYS_CPUSET_H

#include <sys/types.h>

#define CPU_SETSIZE	1024
typedef struct _cpuset {
	long __bits[CPU_SETSIZE / 64];
} cpuset_t;

#define CPU_ZERO(p)	__builtin_memset((p), 0, sizeof(*(p)))
#define CPU_SET(n, p)	((p)->__bits[(n) / 64] |= 1L << ((n) % 64))
#define CPU_CLR(n, p)	((p)->__bits[(n) / 64] &= ~(1L << ((n) % 64)))
#define CPU_ISSET(n, p)	(((p)->__bits[(n) / 64] >> ((n) % 64)) & 1)
#define CPU_COUNT(p)	__uxrt_cpu_count((p)->__bits, CPU_SETSIZE / 64)
int __uxrt_cpu_count(const long *bits, int nwords);

typedef int cpulevel_t;
typedef int cpuwhich_t;

#define CPU_LEVEL_ROOT		1
#define CPU_LEVEL_CPUSET	2
#define CPU_LEVEL_WHICH		3
#define CPU_WHICH_TID		1
#define CPU_WHICH_PID		2
#define CPU_WHICH_CPUSET	3
#define CPU_WHICH_IRQ		4
#define CPU_WHICH_JAIL		5
#define CPU_WHICH_DOMAIN	6
#define CPU_WHICH_TIDPID	9

int cpuset_getaffinity(cpulevel_t level, cpuwhich_t which, id_t id, size_t setsize,
    cpuset_t *mask);
int cpuset_setaffinity(cpulevel_t level, cpuwhich_t which, id_t id, size_t setsize,
    const cpuset_t *mask);

#endif
