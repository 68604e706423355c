/* uxrun FreeBSD SDK: sysctl(3), with the MIB numbers of FreeBSD 14. */
#ifndef _UXRT_SYS_SYSCTL_H
#define _UXRT_SYS_SYSCTL_H

#include <sys/types.h>

#define CTL_MAXNAME	24
#define CTL_KERN	1
#define CTL_VM		2
#define CTL_NET		4
#define CTL_HW		6
#define CTL_USER	8

#define KERN_OSTYPE	1
#define KERN_OSRELEASE	2
#define KERN_HOSTNAME	10
#define KERN_PROC	14
#define KERN_OSRELDATE	24
#define KERN_USRSTACK	33
#define KERN_ARND	37
#define KERN_PROC_ARGS	7
#define KERN_PROC_PATHNAME 12

#define HW_MACHINE	1
#define HW_NCPU		3
#define HW_PHYSMEM	5
#define HW_PAGESIZE	7

int sysctl(const int *name, unsigned int namelen, void *oldp, size_t *oldlenp,
    const void *newp, size_t newlen);
int sysctlbyname(const char *name, void *oldp, size_t *oldlenp, const void *newp,
    size_t newlen);
int sysctlnametomib(const char *name, int *mibp, size_t *sizep);

#endif
