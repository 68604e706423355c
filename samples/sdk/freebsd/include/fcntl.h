/* uxrun FreeBSD SDK: open flags and fcntl commands (zerrors_freebsd_amd64.go). */
#ifndef _UXRT_FCNTL_H
#define _UXRT_FCNTL_H

#include <sys/types.h>

#define O_RDONLY	0x0000
#define O_WRONLY	0x0001
#define O_RDWR		0x0002
#define O_ACCMODE	0x0003
#define O_NONBLOCK	0x0004
#define O_NDELAY	O_NONBLOCK
#define O_APPEND	0x0008
#define O_SHLOCK	0x0010
#define O_EXLOCK	0x0020
#define O_ASYNC		0x0040
#define O_SYNC		0x0080
#define O_FSYNC		O_SYNC
#define O_NOFOLLOW	0x0100
#define O_CREAT		0x0200
#define O_TRUNC		0x0400
#define O_EXCL		0x0800
#define O_NOCTTY	0x8000
#define O_DIRECT	0x10000
#define O_DIRECTORY	0x20000
#define O_EXEC		0x40000
#define O_SEARCH	O_EXEC
#define O_TTY_INIT	0x80000
#define O_CLOEXEC	0x100000

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_GETOWN	5
#define F_SETOWN	6
#define F_GETLK		11
#define F_SETLK		12
#define F_SETLKW	13
#define F_DUPFD_CLOEXEC	17

#define FD_CLOEXEC	1

#define AT_FDCWD		(-100)
#define AT_EACCESS		0x0100
#define AT_SYMLINK_NOFOLLOW	0x0200
#define AT_SYMLINK_FOLLOW	0x0400
#define AT_REMOVEDIR		0x0800

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
