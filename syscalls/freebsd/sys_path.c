/* Calls that name files by path: links, modes, owners, directories, times. */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "syscalls/freebsd/fbsd_handlers.h"

#ifndef SYS_faccessat2
#define SYS_faccessat2 439
#endif
#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

/*
 * FreeBSD refuses AT_ flags a call does not take with EINVAL; Linux
 * differs per call.  Checking here keeps the guest's error.  0 and *out
 * set, or -EINVAL.
 */
static long
at_flags(int flag, int allowed, int *out)
{
	if (flag & ~allowed)
		return -EINVAL;
	*out = fbsd_to_linux_atflags(flag);
	return 0;
}

long
fbsd_sys_link(struct uxcall *c, const char *path, const char *link)
{
	/* FreeBSD's link(2) follows a symbolic link in path; Linux's does not. */
	return ux_sys(SYS_linkat, AT_FDCWD, path, AT_FDCWD, link, AT_SYMLINK_FOLLOW);
}

long
fbsd_sys_linkat(struct uxcall *c, int fd1, const char *path1, int fd2, const char *path2, int flag)
{
	int lf;

	if (at_flags(flag, FBSD_AT_SYMLINK_FOLLOW | FBSD_AT_RESOLVE_BENEATH | FBSD_AT_EMPTY_PATH, &lf))
		return -EINVAL;
	return ux_sys(SYS_linkat, fbsd_dirfd(fd1), path1, fbsd_dirfd(fd2), path2, lf);
}

/* unlink(2) of a directory: FreeBSD answers EPERM where Linux says EISDIR. */
static long
unlink_errno(long r)
{
	return r == -EISDIR ? -EPERM : r;
}

long
fbsd_sys_unlink(struct uxcall *c, const char *path)
{
	return unlink_errno(ux_sys(SYS_unlinkat, AT_FDCWD, path, 0));
}

long
fbsd_sys_unlinkat(struct uxcall *c, int fd, const char *path, int flag)
{
	int lf;

	if (at_flags(flag, FBSD_AT_REMOVEDIR | FBSD_AT_RESOLVE_BENEATH, &lf))
		return -EINVAL;
	return unlink_errno(ux_sys(SYS_unlinkat, fbsd_dirfd(fd), path, lf));
}

long
fbsd_sys_chdir(struct uxcall *c, const char *path)
{
	return ux_sys(SYS_chdir, path);
}

long
fbsd_sys_fchdir(struct uxcall *c, int fd)
{
	return ux_sys(SYS_fchdir, fd);
}

long
fbsd_sys_chmod(struct uxcall *c, const char *path, int mode)
{
	return ux_sys(SYS_fchmodat, AT_FDCWD, path, mode & 07777);
}

long
fbsd_sys_fchmod(struct uxcall *c, int fd, int mode)
{
	return ux_sys(SYS_fchmod, fd, mode & 07777);
}

long
fbsd_sys_fchmodat(struct uxcall *c, int fd, const char *path, int mode, int flag)
{
	int lf;
	long r;

	if (at_flags(flag, FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH | FBSD_AT_EMPTY_PATH, &lf))
		return -EINVAL;
	if (lf == 0)
		return ux_sys(SYS_fchmodat, fbsd_dirfd(fd), path, mode & 07777);
	/* Only fchmodat2 (Linux 6.6) takes flags.  Linux cannot change a
	 * symbolic link's own mode (EOPNOTSUPP); FreeBSD's lchmod can.  XXX */
	r = ux_sys(SYS_fchmodat2, fbsd_dirfd(fd), path, mode & 07777, lf);
	return r == -ENOSYS ? -EOPNOTSUPP : r;
}

long
fbsd_sys_chown(struct uxcall *c, const char *path, int uid, int gid)
{
	return ux_sys(SYS_fchownat, AT_FDCWD, path, uid, gid, 0);
}

long
fbsd_sys_fchown(struct uxcall *c, int fd, int uid, int gid)
{
	return ux_sys(SYS_fchown, fd, uid, gid);
}

long
fbsd_sys_fchownat(struct uxcall *c, int fd, const char *path, int uid, int gid, int flag)
{
	int lf;

	if (at_flags(flag, FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH | FBSD_AT_EMPTY_PATH, &lf))
		return -EINVAL;
	return ux_sys(SYS_fchownat, fbsd_dirfd(fd), path, uid, gid, lf);
}

/* R_OK, W_OK and X_OK have the same values on both systems. */
long
fbsd_sys_access(struct uxcall *c, const char *path, int amode)
{
	return ux_sys(SYS_faccessat, AT_FDCWD, path, amode);
}

long
fbsd_sys_faccessat(struct uxcall *c, int fd, const char *path, int amode, int flag)
{
	int lf;
	long r;

	if (at_flags(flag, FBSD_AT_EACCESS | FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH |
	    FBSD_AT_EMPTY_PATH, &lf))
		return -EINVAL;
	if (lf == 0)
		return ux_sys(SYS_faccessat, fbsd_dirfd(fd), path, amode);
	/* Only faccessat2 (Linux 5.8) takes flags.  Without it, AT_EACCESS
	 * alone changes nothing while real and effective ids agree. */
	r = ux_sys(SYS_faccessat2, fbsd_dirfd(fd), path, amode, lf);
	if (r == -ENOSYS && lf == AT_EACCESS && ux_sys(SYS_getuid) == ux_sys(SYS_geteuid) &&
	    ux_sys(SYS_getgid) == ux_sys(SYS_getegid))
		r = ux_sys(SYS_faccessat, fbsd_dirfd(fd), path, amode);
	return r;
}

long
fbsd_sys_mkdir(struct uxcall *c, const char *path, int mode)
{
	return ux_sys(SYS_mkdirat, AT_FDCWD, path, mode);
}

long
fbsd_sys_mkdirat(struct uxcall *c, int fd, const char *path, int mode)
{
	return ux_sys(SYS_mkdirat, fbsd_dirfd(fd), path, mode);
}

long
fbsd_sys_rmdir(struct uxcall *c, const char *path)
{
	return ux_sys(SYS_unlinkat, AT_FDCWD, path, AT_REMOVEDIR);
}

long
fbsd_sys_rename(struct uxcall *c, const char *from, const char *to)
{
	return ux_sys(SYS_renameat, AT_FDCWD, from, AT_FDCWD, to);
}

long
fbsd_sys_renameat(struct uxcall *c, int oldfd, const char *old, int newfd, const char *new)
{
	return ux_sys(SYS_renameat, fbsd_dirfd(oldfd), old, fbsd_dirfd(newfd), new);
}

long
fbsd_sys_symlink(struct uxcall *c, const char *path, const char *link)
{
	return ux_sys(SYS_symlinkat, path, AT_FDCWD, link);
}

long
fbsd_sys_symlinkat(struct uxcall *c, const char *path1, int fd, const char *path2)
{
	return ux_sys(SYS_symlinkat, path1, fbsd_dirfd(fd), path2);
}

long
fbsd_sys_readlink(struct uxcall *c, const char *path, char *buf, size_t count)
{
	return ux_sys(SYS_readlinkat, AT_FDCWD, path, buf, count);
}

long
fbsd_sys_readlinkat(struct uxcall *c, int fd, const char *path, char *buf, size_t bufsize)
{
	return ux_sys(SYS_readlinkat, fbsd_dirfd(fd), path, buf, bufsize);
}

/*
 * FreeBSD's __getcwd returns 0, not the length, and has no way to say
 * "unreachable": Linux's "(unreachable)/..." answer becomes ENOENT.
 */
long
fbsd_sys___getcwd(struct uxcall *c, char *buf, size_t buflen)
{
	char path[4096];
	long n;

	if (buflen < 2)
		return -EINVAL;
	n = ux_sys(SYS_getcwd, path, sizeof(path));
	if (n < 0)
		return n;
	if (path[0] != '/')
		return -ENOENT;
	if ((size_t)n > buflen)
		return -ERANGE;
	return ux_copyout(buf, path, (size_t)n);
}

long
fbsd_sys_umask(struct uxcall *c, int newmask)
{
	return ux_sys(SYS_umask, newmask & 0777);
}

/* FreeBSD's UTIME_NOW and UTIME_OMIT are -1 and -2; Linux's are near 2^30. */
static long
times_to_linux(const struct fbsd_timespec *gtimes, struct timespec lt[2])
{
	struct fbsd_timespec t[2];
	long r = ux_copyin(t, gtimes, sizeof(t));

	if (r < 0)
		return r;
	for (int i = 0; i < 2; i++) {
		lt[i].tv_sec = t[i].tv_sec;
		if (t[i].tv_nsec == FBSD_UTIME_NOW)
			lt[i].tv_nsec = UTIME_NOW;
		else if (t[i].tv_nsec == FBSD_UTIME_OMIT)
			lt[i].tv_nsec = UTIME_OMIT;
		else if (t[i].tv_nsec == UTIME_NOW || t[i].tv_nsec == UTIME_OMIT)
			return -EINVAL;		/* out of range on FreeBSD */
		else
			lt[i].tv_nsec = t[i].tv_nsec;
	}
	return 0;
}

long
fbsd_sys_utimensat(struct uxcall *c, int fd, const char *path, const struct fbsd_timespec *times, int flag)
{
	struct timespec lt[2];
	int lf;
	long r;

	if (at_flags(flag, FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH | FBSD_AT_EMPTY_PATH, &lf))
		return -EINVAL;
	if (times && (r = times_to_linux(times, lt)) < 0)
		return r;
	return ux_sys(SYS_utimensat, fbsd_dirfd(fd), path, times ? lt : NULL, lf);
}

long
fbsd_sys_futimens(struct uxcall *c, int fd, const struct fbsd_timespec *times)
{
	struct timespec lt[2];
	long r;

	if (fd < 0)
		return -EBADF;
	if (times && (r = times_to_linux(times, lt)) < 0)
		return r;
	/* A NULL path makes Linux's utimensat act on fd itself. */
	return ux_sys(SYS_utimensat, fd, NULL, times ? lt : NULL, 0);
}

/* FreeBSD dev_t (64 bits, sys/types.h makedev) to Linux's. */
static uint64_t
fbsd_to_linux_dev(uint64_t d)
{
	uint32_t maj = (uint32_t)(((d >> 32) & 0xffffff00) | ((d >> 8) & 0xff));
	uint32_t min = (uint32_t)(((d >> 24) & 0xff00) | (d & 0xffff00ff));

	return makedev(maj, min);
}

long
fbsd_sys_mknodat(struct uxcall *c, int fd, const char *path, int mode, uint64_t dev)
{
	return ux_sys(SYS_mknodat, fbsd_dirfd(fd), path, mode, fbsd_to_linux_dev(dev));
}

long
fbsd_sys_mkfifo(struct uxcall *c, const char *path, int mode)
{
	return ux_sys(SYS_mknodat, AT_FDCWD, path, S_IFIFO | (mode & 07777), 0);
}

long
fbsd_sys_mkfifoat(struct uxcall *c, int fd, const char *path, int mode)
{
	return ux_sys(SYS_mknodat, fbsd_dirfd(fd), path, S_IFIFO | (mode & 07777), 0);
}

long
fbsd_sys_lchown(struct uxcall *c, const char *path, int uid, int gid)
{
	return ux_sys(SYS_fchownat, AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}
