/* Memory mapping system calls. */
#include <sys/mman.h>
#include <unistd.h>
#include "uxrt.h"

void *
mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return (void *)uxrt_call(SYS_mmap, addr, len, prot, flags, fd, off);
}

int
munmap(void *addr, size_t len)
{
	return (int)uxrt_call(SYS_munmap, addr, len);
}

int
mprotect(void *addr, size_t len, int prot)
{
	return (int)uxrt_call(SYS_mprotect, addr, len, prot);
}

int
madvise(void *addr, size_t len, int advice)
{
	return (int)uxrt_call(SYS_madvise, addr, len, advice);
}

/*
 * sbrk as FreeBSD's libc does it: break(NULL) tells the initial break, the
 * kernel returns the page-rounded new break, and the library keeps the
 * unrounded value it was asked for.
 */
static char *curbrk;

void *
sbrk(intptr_t incr)
{
	char *old;
	long r;

	if (curbrk == NULL) {
		r = uxrt_call(SYS_break, 0);
		if (r == -1)
			return (void *)-1;
		curbrk = (char *)r;
	}
	old = curbrk;
	if (incr == 0)
		return old;
	if (uxrt_call(SYS_break, old + incr) == -1)
		return (void *)-1;
	curbrk = old + incr;
	return old;
}
