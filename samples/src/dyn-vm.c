/*
 * libc.so.7's memory mappings, sysctl and getrandom from a dynamically
 * linked FreeBSD program: an anonymous mapping written, advised, made
 * read-only (a write then faults: checked in a child, whose death by
 * SIGSEGV the parent sees), a file mapped shared and its change seen
 * through read(), the CPU count and page size by sysctl and sysctlbyname
 * (the native twin asks sysconf the same questions), random bytes.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/wait.h>
#ifdef __FreeBSD__
#include <sys/sysctl.h>
#endif

static long
ncpu(int by_name)
{
#ifdef __FreeBSD__
	int n = 0, mib[2] = { CTL_HW, HW_NCPU };
	size_t len = sizeof(n);

	if ((by_name ? sysctlbyname("hw.ncpu", &n, &len, NULL, 0) : sysctl(mib, 2, &n, &len, NULL, 0)) != 0)
		return -1;
	return n;
#else
	(void)by_name;
	return sysconf(_SC_NPROCESSORS_ONLN);
#endif
}

static long
pagesize(void)
{
#ifdef __FreeBSD__
	int n = 0;
	size_t len = sizeof(n);

	return sysctlbyname("hw.pagesize", &n, &len, NULL, 0) == 0 ? n : -1;
#else
	return sysconf(_SC_PAGESIZE);
#endif
}

int
main(void)
{
	size_t len = 3 * 4096;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	memset(p, 'x', len);
	printf("anonymous mapping: %s, advised %d\n", p[len - 1] == 'x' ? "written" : "NOT written",
	    madvise(p, len, MADV_WILLNEED));
	printf("mprotect read-only: %d\n", mprotect(p, 4096, PROT_READ));
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		p[0] = 'y';	/* faults */
		_exit(0);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	printf("a write to it in a child: %s\n", WIFSIGNALED(st) ? "killed by a signal" : "went through");
	printf("munmap: %d\n", munmap(p, len));

	char path[] = "dyn-vm.tmp";
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "hello, file\n", 12) != 12) {
		perror(path);
		return 1;
	}
	char *m = mmap(NULL, 12, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char buf[16] = "";
	if (m != MAP_FAILED) {
		m[0] = 'J';
		lseek(fd, 0, SEEK_SET);
		if (read(fd, buf, 12) != 12)
			buf[0] = '\0';
		munmap(m, 12);
	}
	printf("shared file mapping: %s, read back: %.11s\n", m != MAP_FAILED ? "ok" : "FAILED", buf);
	close(fd);
	unlink(path);

	printf("munmap of nothing: %d\n", munmap(path, 0));

	long n1 = ncpu(0), n2 = ncpu(1);
	printf("CPUs: sysctl %s, by name %s, same %s\n", n1 > 0 ? "yes" : "no", n2 > 0 ? "yes" : "no",
	    n1 == n2 ? "yes" : "no");
	printf("page size: %ld\n", pagesize());

	unsigned char r1[32], r2[32];
	ssize_t g1 = getrandom(r1, sizeof(r1), 0), g2 = getrandom(r2, sizeof(r2), 0);
	printf("getrandom: %zd %zd bytes, differ %s\n", g1, g2, memcmp(r1, r2, sizeof(r1)) ? "yes" : "no");
	return 0;
}
