/* sysctl(3) over __sysctl (202) and __sysctlbyname (570). */
#include <string.h>
#include <sys/sysctl.h>

#include "uxrt.h"

int
sysctl(const int *name, unsigned int namelen, void *oldp, size_t *oldlenp,
    const void *newp, size_t newlen)
{
	return (int)uxrt_call(SYS___sysctl, name, namelen, oldp, oldlenp, newp, newlen);
}

int
sysctlbyname(const char *name, void *oldp, size_t *oldlenp, const void *newp, size_t newlen)
{
	return (int)uxrt_call(SYS___sysctlbyname, name, strlen(name), oldp, oldlenp, newp, newlen);
}

/* The kernel's name2oid node, {0, 3}: the name in, the OID out. */
int
sysctlnametomib(const char *name, int *mibp, size_t *sizep)
{
	int meta[2] = { 0, 3 };
	size_t len = *sizep * sizeof(int);

	if (sysctl(meta, 2, mibp, &len, name, strlen(name)) != 0)
		return -1;
	*sizep = len / sizeof(int);
	return 0;
}
