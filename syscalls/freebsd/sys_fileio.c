/* Reading, writing and managing descriptors. */
#include "config.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/uio.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/thread.h"

long
fbsd_sys_read(struct uxcall *c, int fd, void *buf, size_t nbyte)
{
	return ux_block(c->td, SYS_read, fd, buf, nbyte);
}

long
fbsd_sys_write(struct uxcall *c, int fd, const void *buf, size_t nbyte)
{
	return ux_block(c->td, SYS_write, fd, buf, nbyte);
}

long
fbsd_sys_pread(struct uxcall *c, int fd, void *buf, size_t nbyte, int64_t offset)
{
	return ux_block(c->td, SYS_pread64, fd, buf, nbyte, offset);
}

long
fbsd_sys_pwrite(struct uxcall *c, int fd, const void *buf, size_t nbyte, int64_t offset)
{
	return ux_block(c->td, SYS_pwrite64, fd, buf, nbyte, offset);
}

/* struct iovec has the same layout on both systems. */
long
fbsd_sys_readv(struct uxcall *c, int fd, const struct fbsd_iovec *iovp, unsigned iovcnt)
{
	return ux_block(c->td, SYS_readv, fd, iovp, iovcnt);
}

long
fbsd_sys_writev(struct uxcall *c, int fd, const struct fbsd_iovec *iovp, unsigned iovcnt)
{
	return ux_block(c->td, SYS_writev, fd, iovp, iovcnt);
}

/* Linux splits the offset into two longs; on amd64 the high one is unused. */
long
fbsd_sys_preadv(struct uxcall *c, int fd, const struct fbsd_iovec *iovp, unsigned iovcnt,
    int64_t offset)
{
	return ux_block(c->td, SYS_preadv, fd, iovp, iovcnt, offset, 0);
}

long
fbsd_sys_pwritev(struct uxcall *c, int fd, const struct fbsd_iovec *iovp, unsigned iovcnt,
    int64_t offset)
{
	return ux_block(c->td, SYS_pwritev, fd, iovp, iovcnt, offset, 0);
}

static long
open_common(int dirfd, const char *path, int flags, int mode)
{
	int lflags = fbsd_to_linux_oflags(flags);
	long fd;

	/* FreeBSD's O_EXEC without O_DIRECTORY opens for fexecve; Linux
	 * O_PATH gives the same "reference, no I/O" descriptor. */
	fd = ux_sys(SYS_openat, fbsd_dirfd(dirfd), path, lflags | O_LARGEFILE, mode);
	if (fd < 0)
		return fd;
	/* O_SHLOCK / O_EXLOCK: take the flock the open asked for. */
	if (flags & (FBSD_O_SHLOCK | FBSD_O_EXLOCK)) {
		int op = (flags & FBSD_O_EXLOCK) ? LOCK_EX : LOCK_SH;
		if (flags & FBSD_O_NONBLOCK)
			op |= LOCK_NB;
		long r = ux_sys(SYS_flock, fd, op);
		if (r < 0) {
			ux_sys(SYS_close, fd);
			return r;
		}
	}
	if (ux_fd_is_host(fd)) {	/* cannot happen: the band is occupied */
		ux_sys(SYS_close, fd);
		return -EMFILE;
	}
	return fd;
}

long
fbsd_sys_open(struct uxcall *c, const char *path, int flags, int mode)
{
	return open_common(FBSD_AT_FDCWD, path, flags, mode);
}

long
fbsd_sys_openat(struct uxcall *c, int fd, const char *path, int flag, int mode)
{
	return open_common(fd, path, flag, mode);
}

long
fbsd_sys_close(struct uxcall *c, int fd)
{
	return ux_sys(SYS_close, fd);
}

long
fbsd_sys_dup(struct uxcall *c, unsigned fd)
{
	return ux_sys(SYS_dup, fd);
}

long
fbsd_sys_dup2(struct uxcall *c, unsigned from, unsigned to)
{
	return ux_sys(SYS_dup2, from, to);
}

long
fbsd_sys_lseek(struct uxcall *c, int fd, int64_t offset, int whence)
{
	uint64_t w;

	if (ux_enum_to_host(&fbsd_whence_tab, (uint64_t)(uint32_t)whence, &w) != 0)
		return -EINVAL;
	return ux_sys(SYS_lseek, fd, offset, w);
}

long
fbsd_sys_fsync(struct uxcall *c, int fd)
{
	return ux_sys(SYS_fsync, fd);
}

long
fbsd_sys_ftruncate(struct uxcall *c, int fd, int64_t length)
{
	return ux_sys(SYS_ftruncate, fd, length);
}

long
fbsd_sys_truncate(struct uxcall *c, const char *path, int64_t length)
{
	return ux_sys(SYS_truncate, path, length);
}

long
fbsd_sys_getdtablesize(struct uxcall *c)
{
	/* The guest's table ends where uxrun's private band begins. */
	return ux_hostfd_lo;
}
