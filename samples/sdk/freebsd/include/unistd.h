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

/* More of libc.so.7's unistd, for dynamically linked programs. */
int getopt(int argc, char *const argv[], const char *opts);
extern char *optarg;
extern int optind, opterr, optopt, optreset;
int gethostname(char *name, size_t len);
long sysconf(int name);
char *ttyname(int fd);
int ttyname_r(int fd, char *buf, size_t len);
int fsync(int fd);
int fdatasync(int fd);
int dup3(int from, int to, int flags);
int eaccess(const char *path, int mode);
int getosreldate(void);
int linkat(int fromfd, const char *from, int tofd, const char *to, int flags);
int symlinkat(const char *target, int dirfd, const char *path);
ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t n);
int fchown(int fd, uid_t uid, gid_t gid);
int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags);

/* sysconf(3) names (FreeBSD's numbers) */
#define _SC_ARG_MAX		1
#define _SC_CHILD_MAX		2
#define _SC_CLK_TCK		3
#define _SC_NGROUPS_MAX		4
#define _SC_OPEN_MAX		5
#define _SC_JOB_CONTROL		6
#define _SC_SAVED_IDS		7
#define _SC_VERSION		8
#define _SC_LINE_MAX		15
#define _SC_2_VERSION		17
#define _SC_PAGESIZE		47
#define _SC_PAGE_SIZE		_SC_PAGESIZE
#define _SC_IOV_MAX		56
#define _SC_NPROCESSORS_CONF	57
#define _SC_NPROCESSORS_ONLN	58
#define _SC_HOST_NAME_MAX	72
#define _SC_LOGIN_NAME_MAX	73
#define _SC_SYMLOOP_MAX		120
#define _SC_PHYS_PAGES		121

/* Processes and signals through libc.so.7 (dynamically linked programs). */
int execvp(const char *file, char *const argv[]);
int execl(const char *path, const char *arg, ...);
int execle(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
pid_t setsid(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgrp(void);
pid_t getpgid(pid_t pid);
pid_t getsid(pid_t pid);
unsigned alarm(unsigned secs);
int pause(void);

#endif
