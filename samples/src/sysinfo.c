/*
 * Facts about the machine and the process, asked the native way: sysctl on
 * FreeBSD, sysconf/uname/procfs on Linux.  The two must agree, so under
 * uxrun this checks that the sysctl answers describe the real host.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __FreeBSD__
#include <sys/sysctl.h>
#else
#include <sys/random.h>
#include <sys/sysinfo.h>
#endif

static const char *
base(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

int
main(void)
{
	char host[256], path[1024];
	unsigned char rnd[32];
	long ncpu, pagesize;
	unsigned long physmem;
	int rnd_ok = 0, os_ok = 1;

#ifdef __FreeBSD__
	int mib[4], n = 0;
	size_t len;
	char ostype[32], rel[64];
	int reldate = 0;

	len = sizeof(n);
	if (sysctlbyname("hw.ncpu", &n, &len, NULL, 0) != 0)
		return 1;
	ncpu = n;
	mib[0] = CTL_HW;
	mib[1] = HW_PAGESIZE;
	len = sizeof(n);
	if (sysctl(mib, 2, &n, &len, NULL, 0) != 0)
		return 1;
	pagesize = n;
	len = sizeof(physmem);
	if (sysctlbyname("hw.physmem", &physmem, &len, NULL, 0) != 0 || len != sizeof(physmem))
		return 1;
	len = sizeof(host);
	if (sysctlbyname("kern.hostname", host, &len, NULL, 0) != 0)
		return 1;
	mib[0] = CTL_KERN;
	mib[1] = KERN_PROC;
	mib[2] = KERN_PROC_PATHNAME;
	mib[3] = -1;
	len = sizeof(path);
	if (sysctl(mib, 4, path, &len, NULL, 0) != 0)
		return 1;
	len = sizeof(rnd);
	mib[0] = CTL_KERN;
	mib[1] = KERN_ARND;
	rnd_ok = sysctl(mib, 2, rnd, &len, NULL, 0) == 0 && len == sizeof(rnd);
	/* The OS identity must be FreeBSD's, by name and through name2oid. */
	len = sizeof(ostype);
	os_ok &= sysctlbyname("kern.ostype", ostype, &len, NULL, 0) == 0 && strcmp(ostype, "FreeBSD") == 0;
	len = sizeof(rel);
	os_ok &= sysctlbyname("kern.osrelease", rel, &len, NULL, 0) == 0 && strncmp(rel, "14.", 3) == 0;
	len = sizeof(reldate);
	os_ok &= sysctlbyname("kern.osreldate", &reldate, &len, NULL, 0) == 0 && reldate >= 1400000;
	size_t miblen = 4;
	os_ok &= sysctlnametomib("kern.ostype", mib, &miblen) == 0 && miblen == 2 &&
	    mib[0] == CTL_KERN && mib[1] == KERN_OSTYPE;
	len = sizeof(n);
	os_ok &= sysctlbyname("no.such.node", &n, &len, NULL, 0) != 0;
#else
	struct sysinfo si;
	ssize_t l;

	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	pagesize = sysconf(_SC_PAGESIZE);
	if (sysinfo(&si) != 0)
		return 1;
	physmem = (unsigned long)si.totalram * si.mem_unit;
	if (gethostname(host, sizeof(host)) != 0)
		return 1;
	l = readlink("/proc/self/exe", path, sizeof(path) - 1);
	if (l < 0)
		return 1;
	path[l] = '\0';
	rnd_ok = getrandom(rnd, sizeof(rnd), 0) == (ssize_t)sizeof(rnd);
#endif
	printf("cpus online: %ld\n", ncpu);
	printf("page size: %ld\n", pagesize);
	printf("physical memory: %lu MiB\n", physmem >> 20);
	printf("host name: %s\n", host);
	printf("own path: %s (%s)\n", base(path), path[0] == '/' ? "absolute" : "relative");
	printf("random bytes: %s\n", rnd_ok ? "ok" : "failed");
	printf("OS identity: %s\n", os_ok ? "ok" : "wrong");
	return 0;
}
