/*
 * Descriptor calls over glibc's.  uxrun's private descriptors (the log,
 * the epoll sets behind kqueues) are EBADF to the guest, as they are to
 * its system calls; open flags and lseek's whence are FreeBSD's numbers.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/file.h>
#include <unistd.h>
#include <sys/uio.h>

#include "libshim/freebsd/libc_shim.h"
#include "syscalls/convert.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/hostfd.h"

static int
host_fd(int fd)
{
	if (!ux_fd_is_host(fd))
		return 0;
	shim_errno = FBSD_EBADF;
	return 1;
}

ssize_t
shim_read(int fd, void *buf, size_t n)
{
	if (host_fd(fd))
		return -1;
	return shim_retl(read(fd, buf, n));
}

ssize_t
shim_write(int fd, const void *buf, size_t n)
{
	if (host_fd(fd))
		return -1;
	return shim_retl(write(fd, buf, n));
}

/* struct iovec has the same layout on both systems. */
ssize_t
shim_readv(int fd, const struct iovec *iov, int cnt)
{
	if (host_fd(fd))
		return -1;
	return shim_retl(readv(fd, iov, cnt));
}

ssize_t
shim_writev(int fd, const struct iovec *iov, int cnt)
{
	if (host_fd(fd))
		return -1;
	return shim_retl(writev(fd, iov, cnt));
}

int
shim_close(int fd)
{
	if (host_fd(fd))
		return -1;
	return shim_ret(close(fd));
}

int
shim_open(const char *path, int flags, ...)
{
	int mode = 0, fd;

	if (flags & FBSD_O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	fd = open(path, fbsd_to_linux_oflags(flags), mode);
	if (fd < 0)
		return shim_ret(fd);
	/* O_SHLOCK / O_EXLOCK: Linux's open has no lock to take. */
	if (flags & (FBSD_O_SHLOCK | FBSD_O_EXLOCK)) {
		int op = (flags & FBSD_O_EXLOCK) ? LOCK_EX : LOCK_SH;

		if (flags & FBSD_O_NONBLOCK)
			op |= LOCK_NB;
		if (flock(fd, op) != 0) {
			shim_errno_sync();
			close(fd);
			return -1;
		}
	}
	return fd;
}

int64_t
shim_lseek(int fd, int64_t off, int whence)
{
	uint64_t w;

	if (host_fd(fd))
		return -1;
	if (ux_enum_to_host(&fbsd_whence_tab, (uint64_t)(uint32_t)whence, &w) != 0) {
		shim_errno = FBSD_EINVAL;
		return -1;
	}
	return shim_retl(lseek(fd, off, (int)w));
}

int
shim_unlink(const char *path)
{
	return shim_ret(unlink(path));
}

int
shim_isatty(int fd)
{
	int r;

	if (host_fd(fd))
		return 0;
	r = isatty(fd);
	if (!r)
		shim_errno_sync();
	return r;
}
