/*
 * Files: the stat family, names in the file system, modes and owners,
 * descriptors (dup, pipe, fcntl).  Each call goes through the FreeBSD
 * system-call handler of the same name (syscalls/freebsd/sys_*.c), so a
 * dynamic guest gets what a static one gets from the same call: FreeBSD's
 * struct stat, flag values and errors (link(2) following a symbolic link,
 * EPERM for unlinking a directory ...).  Calls with no handler of their
 * own are glibc's with FreeBSD's values translated.
 *
 * Descriptors in uxrun's private band are EBADF here as they are to the
 * guest's system calls (the dispatcher checks those; the handlers do not),
 * and calls that make descriptors never hand one out from inside the band.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "libshim/freebsd/libc_shim.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/freebsd/fbsd_sysent.h"
#include "syscalls/hostfd.h"

/* Guest AT_FDCWD is Linux's (-100 on both). */
_Static_assert(FBSD_AT_FDCWD == AT_FDCWD, "AT_FDCWD");

/* The handler's result (-errno, Linux's) as libc returns it.  The call
 * context is one the handlers used here never read. */
#define SYS(name, ...) shim_sysret(fbsd_sys_##name(&(struct uxcall){ 0 }, __VA_ARGS__))

int
shim_fd_refused(int fd)
{
	if (!ux_fd_is_host(fd))
		return 0;
	shim_errno = FBSD_EBADF;
	return 1;
}

/* A descriptor just made that landed in uxrun's band: the guest's table
 * is full as far as it can tell. */
static int
new_fd(int fd)
{
	if (fd < 0)
		return fd;	/* errno already the guest's */
	if (ux_fd_is_host(fd)) {
		close(fd);
		shim_errno = FBSD_EMFILE;
		return -1;
	}
	return fd;
}

/* --- stat ------------------------------------------------------------------- */

int
shim_fstatat(int fd, const char *path, struct fbsd_stat *sb, int flag)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(fstatat, fd, path, sb, flag);
}

int
shim_stat(const char *path, struct fbsd_stat *sb)
{
	return shim_fstatat(FBSD_AT_FDCWD, path, sb, 0);
}

int
shim_lstat(const char *path, struct fbsd_stat *sb)
{
	return shim_fstatat(FBSD_AT_FDCWD, path, sb, FBSD_AT_SYMLINK_NOFOLLOW);
}

int
shim_fstat(int fd, struct fbsd_stat *sb)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(fstat, fd, sb);
}

/* FreeBSD 11's struct stat, for binaries linked before ino64 (stat@FBSD_1.0). */
struct fbsd11_stat {
	uint32_t st_dev;
	uint32_t st_ino;
	uint16_t st_mode;
	uint16_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t st_rdev;
	struct fbsd_timespec st_atim;
	struct fbsd_timespec st_mtim;
	struct fbsd_timespec st_ctim;
	int64_t st_size;
	int64_t st_blocks;
	int32_t st_blksize;
	uint32_t st_flags;
	uint32_t st_gen;
	int32_t st_lspare;
	struct fbsd_timespec st_birthtim;
};
_Static_assert(sizeof(struct fbsd11_stat) == 120, "FreeBSD 11 struct stat");

/* As FreeBSD's freebsd11_cvtstat: an inode number that does not fit is
 * EOVERFLOW, a link count that does not fit is cut to the largest. */
static int
to_fbsd11(int r, const struct fbsd_stat *n, struct fbsd11_stat *o)
{
	if (r != 0)
		return r;
	if (n->st_ino > UINT32_MAX) {
		shim_errno = FBSD_EOVERFLOW;
		return -1;
	}
	*o = (struct fbsd11_stat){
		.st_dev = (uint32_t)n->st_dev, .st_ino = (uint32_t)n->st_ino,
		.st_mode = n->st_mode,
		.st_nlink = n->st_nlink > UINT16_MAX ? UINT16_MAX : (uint16_t)n->st_nlink,
		.st_uid = n->st_uid, .st_gid = n->st_gid, .st_rdev = (uint32_t)n->st_rdev,
		.st_atim = n->st_atim, .st_mtim = n->st_mtim, .st_ctim = n->st_ctim,
		.st_size = n->st_size, .st_blocks = n->st_blocks, .st_blksize = n->st_blksize,
		.st_flags = n->st_flags, .st_gen = (uint32_t)n->st_gen,
		.st_birthtim = n->st_birthtim,
	};
	return 0;
}

int
shim_stat_fbsd11(const char *path, struct fbsd11_stat *sb)
{
	struct fbsd_stat n;

	return to_fbsd11(shim_stat(path, &n), &n, sb);
}

int
shim_lstat_fbsd11(const char *path, struct fbsd11_stat *sb)
{
	struct fbsd_stat n;

	return to_fbsd11(shim_lstat(path, &n), &n, sb);
}

int
shim_fstat_fbsd11(int fd, struct fbsd11_stat *sb)
{
	struct fbsd_stat n;

	return to_fbsd11(shim_fstat(fd, &n), &n, sb);
}

/* --- opening ------------------------------------------------------------------ */

int
shim_openat(int dirfd, const char *path, int flags, ...)
{
	int mode = 0;

	if (flags & FBSD_O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	if (shim_fd_refused(dirfd))
		return -1;
	return (int)SYS(openat, dirfd, path, flags, mode);
}

int
shim_creat(const char *path, fbsd_mode_t mode)
{
	return (int)SYS(openat, FBSD_AT_FDCWD, path, FBSD_O_WRONLY | FBSD_O_CREAT | FBSD_O_TRUNC,
	    (int)mode);
}

/* --- names ------------------------------------------------------------------- */

int
shim_mkdir(const char *path, fbsd_mode_t mode)
{
	return (int)SYS(mkdir, path, mode);
}

int
shim_mkdirat(int fd, const char *path, fbsd_mode_t mode)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(mkdirat, fd, path, mode);
}

int
shim_mkfifo(const char *path, fbsd_mode_t mode)
{
	return (int)SYS(mkfifo, path, mode);
}

int
shim_rmdir(const char *path)
{
	return (int)SYS(rmdir, path);
}

int
shim_rename(const char *from, const char *to)
{
	return (int)SYS(rename, from, to);
}

int
shim_renameat(int fromfd, const char *from, int tofd, const char *to)
{
	if (shim_fd_refused(fromfd) || shim_fd_refused(tofd))
		return -1;
	return (int)SYS(renameat, fromfd, from, tofd, to);
}

int
shim_unlinkat(int fd, const char *path, int flag)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(unlinkat, fd, path, flag);
}

int
shim_link(const char *from, const char *to)
{
	return (int)SYS(link, from, to);
}

int
shim_linkat(int fromfd, const char *from, int tofd, const char *to, int flag)
{
	if (shim_fd_refused(fromfd) || shim_fd_refused(tofd))
		return -1;
	return (int)SYS(linkat, fromfd, from, tofd, to, flag);
}

int
shim_symlink(const char *target, const char *path)
{
	return (int)SYS(symlink, target, path);
}

int
shim_symlinkat(const char *target, int fd, const char *path)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(symlinkat, target, fd, path);
}

ssize_t
shim_readlink(const char *path, char *buf, size_t n)
{
	return SYS(readlink, path, buf, n);
}

ssize_t
shim_readlinkat(int fd, const char *path, char *buf, size_t n)
{
	if (shim_fd_refused(fd))
		return -1;
	return SYS(readlinkat, fd, path, buf, n);
}

int
shim_chdir(const char *path)
{
	return (int)SYS(chdir, path);
}

int
shim_fchdir(int fd)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(fchdir, fd);
}

/* FreeBSD's getcwd(NULL, 0) allocates as glibc's does. */
char *
shim_getcwd(char *buf, size_t size)
{
	return shim_retp(getcwd(buf, size));
}

/* FreeBSD's resolved buffer is PATH_MAX (1024) bytes, Linux's 4096: a
 * longer result is ENAMETOOLONG rather than an overrun. */
char *
shim_realpath(const char *path, char *resolved)
{
	char *r;

	if (path == NULL) {
		shim_errno = FBSD_EINVAL;
		return NULL;
	}
	r = realpath(path, NULL);
	if (!r)
		return shim_retp(NULL);
	if (!resolved)
		return r;
	if (strlen(r) >= FBSD_PATH_MAX) {
		free(r);
		shim_errno = FBSD_ENAMETOOLONG;
		return NULL;
	}
	strcpy(resolved, r);
	free(r);
	return resolved;
}

/* --- access, modes, owners, sizes ------------------------------------------- */

/* F_OK, X_OK, W_OK and R_OK have the same values on both systems. */
int
shim_access(const char *path, int mode)
{
	return (int)SYS(access, path, mode);
}

int
shim_eaccess(const char *path, int mode)
{
	return (int)SYS(faccessat, FBSD_AT_FDCWD, path, mode, FBSD_AT_EACCESS);
}

int
shim_faccessat(int fd, const char *path, int mode, int flag)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(faccessat, fd, path, mode, flag);
}

int
shim_chmod(const char *path, fbsd_mode_t mode)
{
	return (int)SYS(chmod, path, mode);
}

int
shim_fchmod(int fd, fbsd_mode_t mode)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(fchmod, fd, mode);
}

/* Linux has no mode on a symbolic link: EOPNOTSUPP for one; anything else
 * changes as FreeBSD's lchmod changes it. */
int
shim_lchmod(const char *path, fbsd_mode_t mode)
{
	return (int)SYS(fchmodat, FBSD_AT_FDCWD, path, mode, FBSD_AT_SYMLINK_NOFOLLOW);
}

int
shim_fchmodat(int fd, const char *path, fbsd_mode_t mode, int flag)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(fchmodat, fd, path, mode, flag);
}

int
shim_chown(const char *path, uint32_t uid, uint32_t gid)
{
	return (int)SYS(chown, path, (int)uid, (int)gid);
}

int
shim_fchown(int fd, uint32_t uid, uint32_t gid)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(fchown, fd, (int)uid, (int)gid);
}

int
shim_lchown(const char *path, uint32_t uid, uint32_t gid)
{
	return (int)SYS(lchown, path, (int)uid, (int)gid);
}

int
shim_fchownat(int fd, const char *path, uint32_t uid, uint32_t gid, int flag)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(fchownat, fd, path, (int)uid, (int)gid, flag);
}

fbsd_mode_t
shim_umask(fbsd_mode_t mask)
{
	return (fbsd_mode_t)SYS(umask, mask);
}

int
shim_truncate(const char *path, int64_t len)
{
	return (int)SYS(truncate, path, len);
}

int
shim_ftruncate(int fd, int64_t len)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(ftruncate, fd, len);
}

int
shim_fsync(int fd)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(fsync, fd);
}

int
shim_fdatasync(int fd)
{
	if (shim_fd_refused(fd))
		return -1;
	return shim_ret(fdatasync(fd));
}

int
shim_utimensat(int fd, const char *path, const struct fbsd_timespec *times, int flag)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(utimensat, fd, path, times, flag);
}

int
shim_futimens(int fd, const struct fbsd_timespec *times)
{
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(futimens, fd, times);
}

int
shim_utimes(const char *path, const struct fbsd_timeval *tv)
{
	return shim_ret(utimes(path, (const struct timeval *)tv));
}

/* --- descriptors ------------------------------------------------------------- */

int
shim_dup(int fd)
{
	if (shim_fd_refused(fd))
		return -1;
	return new_fd((int)SYS(dup, (unsigned)fd));
}

int
shim_dup2(int fd, int to)
{
	if (shim_fd_refused(fd))
		return -1;
	/* The guest's table ends where the band begins. */
	if (to < 0 || to >= ux_hostfd_lo) {
		shim_errno = FBSD_EBADF;
		return -1;
	}
	return (int)SYS(dup2, (unsigned)fd, (unsigned)to);
}

/* FreeBSD's dup3 is fcntl's F_DUP2FD(_CLOEXEC), refusing fd == to. */
int
shim_dup3(int fd, int to, int flags)
{
	if (shim_fd_refused(fd))
		return -1;
	if (fd == to || (flags & ~FBSD_O_CLOEXEC)) {
		shim_errno = FBSD_EINVAL;
		return -1;
	}
	return (int)SYS(fcntl, fd, (flags & FBSD_O_CLOEXEC) ? FBSD_F_DUP2FD_CLOEXEC : FBSD_F_DUP2FD,
	    to);
}

int
shim_pipe(int *fds)
{
	return (int)SYS(pipe2, fds, 0);
}

int
shim_pipe2(int *fds, int flags)
{
	return (int)SYS(pipe2, fds, flags);
}

/* The argument is an int or a pointer by command; taking a long covers
 * both (the third argument register, whatever the caller put there). */
int
shim_fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	if (shim_fd_refused(fd))
		return -1;
	return (int)SYS(fcntl, fd, cmd, arg);
}

/* LOCK_SH, LOCK_EX, LOCK_NB and LOCK_UN are 1, 2, 4 and 8 on both. */
int
shim_flock(int fd, int op)
{
	if (shim_fd_refused(fd))
		return -1;
	return shim_ret(flock(fd, op));
}
