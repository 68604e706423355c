/* File system system calls. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include "uxrt.h"

int
fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	return (int)uxrt_call(SYS_fstatat, dirfd, path, st, flags);
}

int
stat(const char *path, struct stat *st)
{
	return fstatat(AT_FDCWD, path, st, 0);
}

int
lstat(const char *path, struct stat *st)
{
	return fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

int
fstat(int fd, struct stat *st)
{
	return (int)uxrt_call(SYS_fstat, fd, st);
}

int
mkdir(const char *path, mode_t mode)
{
	return (int)uxrt_call(SYS_mkdir, path, mode);
}

int
mkdirat(int dirfd, const char *path, mode_t mode)
{
	return (int)uxrt_call(SYS_mkdirat, dirfd, path, mode);
}

int
rmdir(const char *path)
{
	return (int)uxrt_call(SYS_rmdir, path);
}

int
unlink(const char *path)
{
	return (int)uxrt_call(SYS_unlink, path);
}

int
unlinkat(int dirfd, const char *path, int flags)
{
	return (int)uxrt_call(SYS_unlinkat, dirfd, path, flags);
}

int
remove(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return rmdir(path);
	return unlink(path);
}

int
rename(const char *from, const char *to)
{
	return (int)uxrt_call(SYS_rename, from, to);
}

int
renameat(int fromfd, const char *from, int tofd, const char *to)
{
	return (int)uxrt_call(SYS_renameat, fromfd, from, tofd, to);
}

int
link(const char *from, const char *to)
{
	return (int)uxrt_call(SYS_link, from, to);
}

int
symlink(const char *target, const char *path)
{
	return (int)uxrt_call(SYS_symlink, target, path);
}

ssize_t
readlink(const char *path, char *buf, size_t n)
{
	return uxrt_call(SYS_readlink, path, buf, n);
}

int
chdir(const char *path)
{
	return (int)uxrt_call(SYS_chdir, path);
}

int
fchdir(int fd)
{
	return (int)uxrt_call(SYS_fchdir, fd);
}

/* FreeBSD's __getcwd returns 0, not a length, and fills buf. */
char *
getcwd(char *buf, size_t size)
{
	char *mine = NULL;

	if (buf == NULL) {
		size = PATH_MAX;
		buf = mine = malloc(size);
		if (buf == NULL)
			return NULL;
	} else if (size == 0) {
		errno = EINVAL;
		return NULL;
	}
	if (uxrt_call(SYS___getcwd, buf, size) < 0) {
		free(mine);
		return NULL;
	}
	return buf;
}

int
access(const char *path, int mode)
{
	return (int)uxrt_call(SYS_access, path, mode);
}

int
faccessat(int dirfd, const char *path, int mode, int flags)
{
	return (int)uxrt_call(SYS_faccessat, dirfd, path, mode, flags);
}

int
chmod(const char *path, mode_t mode)
{
	return (int)uxrt_call(SYS_chmod, path, mode);
}

int
fchmod(int fd, mode_t mode)
{
	return (int)uxrt_call(SYS_fchmod, fd, mode);
}

int
lchown(const char *path, uid_t uid, gid_t gid)
{
	return (int)uxrt_call(SYS_lchown, path, (int)uid, (int)gid);
}

int
chown(const char *path, uid_t uid, gid_t gid)
{
	return (int)uxrt_call(SYS_chown, path, (int)uid, (int)gid);
}

int
utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
	return (int)uxrt_call(SYS_utimensat, dirfd, path, times, flags);
}

mode_t
umask(mode_t mask)
{
	return (mode_t)uxrt_sys(SYS_umask, mask);
}

int
truncate(const char *path, off_t len)
{
	return (int)uxrt_call(SYS_truncate, path, len);
}

int
ftruncate(int fd, off_t len)
{
	return (int)uxrt_call(SYS_ftruncate, fd, len);
}
