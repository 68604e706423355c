/*
 * Memory mappings, sysctl and getrandom: on FreeBSD thin wrappers around
 * their system calls, so here calls of uxrun's own handlers for them
 * (syscalls/freebsd: sys_mem, sys_sysctl ...), which already translate
 * FreeBSD's flags, MIB names and structures.  Node addons built with
 * Rust's standard library use every one of them.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "libshim/freebsd/libc_shim.h"
#include "loader/rtld.h"
#include "syscalls/freebsd/fbsd_sysent.h"
#include "syscalls/ux_call.h"

/* A handler's result for the calling thread; ENOSYS on a thread uxrun
 * never set up (which no guest thread is). */
#define VM_CALL(name, ...) ({ \
	struct uxcall c_; \
	shim_uxcall_init(&c_, FBSD_SYS_##name); \
	c_.td ? fbsd_sys_##name(&c_, ##__VA_ARGS__) : -ENOSYS; \
})

void *
shim_mmap(void *addr, size_t len, int prot, int flags, int fd, int64_t pos)
{
	return (void *)shim_sysret(VM_CALL(mmap, addr, len, prot, flags, fd, pos));
}

int
shim_munmap(void *addr, size_t len)
{
	return (int)shim_sysret(VM_CALL(munmap, addr, len));
}

int
shim_mprotect(void *addr, size_t len, int prot)
{
	return (int)shim_sysret(VM_CALL(mprotect, addr, len, prot));
}

int
shim_madvise(void *addr, size_t len, int behav)
{
	return (int)shim_sysret(VM_CALL(madvise, addr, len, behav));
}

/* posix_madvise reports an error number rather than setting errno. */
int
shim_posix_madvise(void *addr, size_t len, int behav)
{
	long r = VM_CALL(madvise, addr, len, behav);

	return r < 0 ? shim_errno_from_host((int)-r) : 0;
}

int
shim_sysctl(const int *name, unsigned namelen, void *old, size_t *oldlenp, const void *new, size_t newlen)
{
	return (int)shim_sysret(VM_CALL(__sysctl, (int *)name, namelen, old, oldlenp, new, newlen));
}

int
shim_sysctlbyname(const char *name, void *old, size_t *oldlenp, const void *new, size_t newlen)
{
	return (int)shim_sysret(VM_CALL(__sysctlbyname, name, strlen(name), old, oldlenp, (void *)new, newlen));
}

ssize_t
shim_getrandom(void *buf, size_t len, unsigned flags)
{
	return (ssize_t)shim_sysret(VM_CALL(getrandom, buf, len, flags));
}
