/* uxrun FreeBSD SDK: POSIX process and file primitives. */
#ifndef _UXRT_UNISTD_H
#define _UXRT_UNISTD_H

#include <sys/types.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

#define F_OK	0
#define X_OK	0x01
#define W_OK	0x02
#define R_OK	0x04

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
ssize_t pread(int fd, void *buf, size_t n, off_t off);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off);
off_t lseek(int fd, off_t off, int whence);
int close(int fd);
int dup(int fd);
int dup2(int from, int to);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int unlink(const char *path);
int unlinkat(int dirfd, const char *path, int flags);
int rmdir(const char *path);
int link(const char *from, const char *to);
int symlink(const char *target, const char *path);
ssize_t readlink(const char *path, char *buf, size_t n);
int chdir(const char *path);
int fchdir(int fd);
char *getcwd(char *buf, size_t size);
int access(const char *path, int mode);
int faccessat(int dirfd, const char *path, int mode, int flags);
int chown(const char *path, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int truncate(const char *path, off_t len);
int ftruncate(int fd, off_t len);
int isatty(int fd);
int getpagesize(void);
void *sbrk(intptr_t incr);
pid_t getpid(void);
pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int issetugid(void);
_Noreturn void _exit(int status);
pid_t fork(void);
pid_t vfork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int fexecve(int fd, char *const argv[], char *const envp[]);

/* rfork(2) flags (sys/unistd.h) */
#define RFFDG		(1 << 2)
#define RFPROC		(1 << 4)
#define RFMEM		(1 << 5)
#define RFNOWAIT	(1 << 6)
#define RFCFDG		(1 << 12)
#define RFSPAWN		(1U << 31)
pid_t rfork(int flags);

#endif
