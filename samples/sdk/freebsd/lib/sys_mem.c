/* Memory mapping system calls. */
#include <sys/mman.h>
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
