/* File descriptor system calls. */
#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/uio.h>
#include "uxrt.h"

ssize_t
read(int fd, void *buf, size_t n)
{
	return uxrt_call(SYS_read, fd, buf, n);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	return uxrt_call(SYS_write, fd, buf, n);
}

ssize_t
pread(int fd, void *buf, size_t n, off_t off)
{
	return uxrt_call(SYS_pread, fd, buf, n, off);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return uxrt_call(SYS_pwrite, fd, buf, n, off);
}

ssize_t
readv(int fd, const struct iovec *iov, int iovcnt)
{
	return uxrt_call(SYS_readv, fd, iov, iovcnt);
}

ssize_t
writev(int fd, const struct iovec *iov, int iovcnt)
{
	return uxrt_call(SYS_writev, fd, iov, iovcnt);
}

ssize_t
preadv(int fd, const struct iovec *iov, int iovcnt, off_t off)
{
	return uxrt_call(SYS_preadv, fd, iov, iovcnt, off);
}

ssize_t
pwritev(int fd, const struct iovec *iov, int iovcnt, off_t off)
{
	return uxrt_call(SYS_pwritev, fd, iov, iovcnt, off);
}

off_t
lseek(int fd, off_t off, int whence)
{
	return uxrt_call(SYS_lseek, fd, off, whence);
}

/* Like FreeBSD's libc, open() is openat() relative to the cwd. */
int
open(const char *path, int flags, ...)
{
	int mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	return (int)uxrt_call(SYS_openat, AT_FDCWD, path, flags, mode);
}

int
openat(int dirfd, const char *path, int flags, ...)
{
	int mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	return (int)uxrt_call(SYS_openat, dirfd, path, flags, mode);
}

int
creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int
close(int fd)
{
	return (int)uxrt_call(SYS_close, fd);
}

int
dup(int fd)
{
	return (int)uxrt_call(SYS_dup, fd);
}

int
dup2(int from, int to)
{
	return (int)uxrt_call(SYS_dup2, from, to);
}

int
fcntl(int fd, int cmd, ...)
{
	long arg = 0;
	va_list ap;

	va_start(ap, cmd);
	switch (cmd) {
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
		arg = (long)va_arg(ap, void *);
		break;
	case F_GETFD:
	case F_GETFL:
	case F_GETOWN:
		break;
	default:
		arg = va_arg(ap, int);
		break;
	}
	va_end(ap);
	return (int)uxrt_call(SYS_fcntl, fd, cmd, arg);
}

int
ioctl(int fd, unsigned long request, ...)
{
	void *arg;
	va_list ap;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	return (int)uxrt_call(SYS_ioctl, fd, request, arg);
}

int
isatty(int fd)
{
	/* struct termios is 44 bytes on FreeBSD; only success matters here. */
	unsigned char termios[64];

	return ioctl(fd, TIOCGETA, termios) == 0;
}

int
pipe2(int fds[2], int flags)
{
	return (int)uxrt_call(SYS_pipe2, fds, flags);
}

int
pipe(int fds[2])
{
	return pipe2(fds, 0);
}

int
poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	return (int)uxrt_call(SYS_poll, fds, nfds, timeout);
}

int
select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv)
{
	return (int)uxrt_call(SYS_select, nfds, rd, wr, ex, tv);
}
