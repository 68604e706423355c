/*
 * File-system calls over libc.so.7, in a scratch directory the program
 * makes and removes: the stat family (FreeBSD's struct stat), access,
 * chmod and umask, links and symbolic links, rename, truncate, openat and
 * friends, descriptors (dup, dup2, pipe, fcntl), realpath and getcwd.
 * Prints what each call returned, errno by name; no inode numbers, times
 * or owners, which differ from run to run.
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "errname.h"

#define CHECK(what, expr) do { \
	errno = 0; \
	long r_ = (long)(expr); \
	printf("%-32s = %ld%s%s\n", what, r_, r_ < 0 ? " " : "", r_ < 0 ? errname(errno) : ""); \
} while (0)

static void
describe(const char *label, const struct stat *st)
{
	const char *t = S_ISREG(st->st_mode) ? "file" : S_ISDIR(st->st_mode) ? "dir" :
	    S_ISLNK(st->st_mode) ? "symlink" : S_ISFIFO(st->st_mode) ? "fifo" : "other";

	printf("  %s: %s mode %04o nlink %lu size %lld\n", label, t,
	    (unsigned)(st->st_mode & 07777), (unsigned long)st->st_nlink,
	    S_ISDIR(st->st_mode) ? -1LL : (long long)st->st_size);
}

static void
stat_both(const char *path)
{
	struct stat st;
	char label[300];

	snprintf(label, sizeof(label), "stat %s", path);
	if (stat(path, &st) == 0)
		describe(label, &st);
	else
		printf("  %s: %s\n", label, errname(errno));
	snprintf(label, sizeof(label), "lstat %s", path);
	if (lstat(path, &st) == 0)
		describe(label, &st);
	else
		printf("  %s: %s\n", label, errname(errno));
}

int
main(void)
{
	char buf[PATH_MAX], cwd[PATH_MAX], *rp;
	struct stat st, st2;
	int fd, fd2, p[2], dfd, flags;
	mode_t old;

	old = umask(022);
	CHECK("mkdir scratch", mkdir("scratch", 0755));
	CHECK("mkdir scratch again", mkdir("scratch", 0755));
	CHECK("chdir scratch", chdir("scratch"));
	if (getcwd(cwd, sizeof(cwd)))
		printf("getcwd ends in /scratch: %s\n",
		    strcmp(cwd + strlen(cwd) - 8, "/scratch") == 0 ? "yes" : "no");

	fd = open("a.txt", O_WRONLY | O_CREAT | O_TRUNC, 0666);
	CHECK("open a.txt", fd >= 0 ? 0 : -1);
	CHECK("write", write(fd, "hello, world\n", 13));
	{
		struct iovec v[2] = { { "vec", 3 }, { "tored\n", 6 } };
		printf("writev: %zd\n", writev(fd, v, 2));
	}
	{
		/* An absolute deadline already past returns at once, 0. */
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		printf("clock_nanosleep to a past deadline: %d\n",
		    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &now, NULL));
		printf("clock_nanosleep with a bad clock: %s\n",
		    errname(clock_nanosleep(1000, 0, &now, NULL)));
	}
	CHECK("fstat", fstat(fd, &st));
	describe("fstat a.txt", &st);
	CHECK("close", close(fd));

	CHECK("access a.txt R_OK|W_OK", access("a.txt", R_OK | W_OK));
	CHECK("access a.txt X_OK", access("a.txt", X_OK));
	CHECK("access missing F_OK", access("missing", F_OK));
	CHECK("chmod a.txt 0600", chmod("a.txt", 0600));
	stat_both("a.txt");
	CHECK("link a.txt b.txt", link("a.txt", "b.txt"));
	stat_both("b.txt");
	CHECK("symlink a.txt s.lnk", symlink("a.txt", "s.lnk"));
	CHECK("symlink nowhere d.lnk", symlink("nowhere", "d.lnk"));
	stat_both("s.lnk");
	stat_both("d.lnk");
	memset(buf, 0, sizeof(buf));
	CHECK("readlink s.lnk", readlink("s.lnk", buf, sizeof(buf)));
	printf("  target [%s]\n", buf);
	CHECK("readlink a.txt", readlink("a.txt", buf, sizeof(buf)));
	rp = realpath("s.lnk", NULL);
	printf("realpath s.lnk ends in /scratch/a.txt: %s\n",
	    rp && strlen(rp) > 14 && strcmp(rp + strlen(rp) - 14, "/scratch/a.txt") == 0 ? "yes" : "no");
	free(rp);
	errno = 0;
	rp = realpath("d.lnk", buf);
	printf("realpath d.lnk: %s %s\n", rp ? "ok" : "NULL", rp ? "" : errname(errno));

	CHECK("truncate a.txt 5", truncate("a.txt", 5));
	CHECK("stat b.txt", stat("b.txt", &st));
	printf("  b.txt size now %lld (a hard link)\n", (long long)st.st_size);
	CHECK("rename b.txt c.txt", rename("b.txt", "c.txt"));
	CHECK("rename missing x", rename("missing", "x"));
	CHECK("unlink c.txt", unlink("c.txt"));
	CHECK("unlink c.txt again", unlink("c.txt"));

	CHECK("mkdir sub 0700", mkdir("sub", 0700));
	dfd = open("sub", O_RDONLY | O_DIRECTORY);
	CHECK("open sub O_DIRECTORY", dfd >= 0 ? 0 : -1);
	fd = openat(dfd, "inner", O_RDWR | O_CREAT | O_EXCL, 0640);
	CHECK("openat sub/inner", fd >= 0 ? 0 : -1);
	CHECK("openat sub/inner O_EXCL", openat(dfd, "inner", O_RDWR | O_CREAT | O_EXCL, 0640));
	CHECK("fstatat inner", fstatat(dfd, "inner", &st, 0));
	describe("fstatat inner", &st);
	CHECK("ftruncate 100", ftruncate(fd, 100));
	CHECK("fstat", fstat(fd, &st2));
	printf("  size %lld, same file as fstatat: %s\n", (long long)st2.st_size,
	    st.st_ino == st2.st_ino && st.st_dev == st2.st_dev ? "yes" : "no");
	CHECK("fsync", fsync(fd));

	/* descriptors */
	fd2 = dup(fd);
	CHECK("dup", fd2 > fd ? 0 : -1);
	CHECK("dup2 to 20", dup2(fd, 20));
	CHECK("fcntl F_GETFD 20", fcntl(20, F_GETFD));
	CHECK("fcntl F_SETFD FD_CLOEXEC", fcntl(20, F_SETFD, FD_CLOEXEC));
	CHECK("fcntl F_GETFD 20", fcntl(20, F_GETFD));
	flags = fcntl(fd, F_GETFL);
	printf("F_GETFL: accmode %s, append %d, nonblock %d\n",
	    (flags & O_ACCMODE) == O_RDWR ? "O_RDWR" : "other", !!(flags & O_APPEND),
	    !!(flags & O_NONBLOCK));
	CHECK("fcntl F_SETFL O_APPEND|O_NONBLOCK", fcntl(fd, F_SETFL, flags | O_APPEND | O_NONBLOCK));
	flags = fcntl(fd, F_GETFL);
	printf("F_GETFL: append %d, nonblock %d\n", !!(flags & O_APPEND), !!(flags & O_NONBLOCK));
	CHECK("fcntl F_DUPFD 30", fcntl(fd, F_DUPFD, 30));
	CHECK("close 20", close(20));
	CHECK("close 30", close(30));
	CHECK("close 20 again", close(20));
	CHECK("fcntl bad fd", fcntl(99, F_GETFD));
	CHECK("pipe", pipe(p));
	CHECK("write pipe", write(p[1], "ping", 4));
	memset(buf, 0, sizeof(buf));
	CHECK("read pipe", read(p[0], buf, sizeof(buf)));
	printf("  got [%s]\n", buf);
	close(p[0]);
	close(p[1]);
	close(fd2);
	close(fd);

	/* the *at family and times */
	CHECK("mkdirat sub/deeper", mkdirat(dfd, "deeper", 0750));
	CHECK("symlinkat sub/sl -> inner", symlinkat("inner", dfd, "sl"));
	memset(buf, 0, sizeof(buf));
	CHECK("readlinkat sub/sl", readlinkat(dfd, "sl", buf, sizeof(buf)));
	printf("  target [%s]\n", buf);
	CHECK("linkat sub/inner sub/hard", linkat(dfd, "inner", dfd, "hard", 0));
	CHECK("renameat sub/hard sub/deeper/hard", renameat(dfd, "hard", dfd, "deeper/hard"));
	CHECK("faccessat sub/inner W_OK", faccessat(dfd, "inner", W_OK, 0));
	CHECK("fchmodat sub/inner 0604", fchmodat(dfd, "inner", 0604, 0));
	CHECK("fstatat sub/sl nofollow", fstatat(dfd, "sl", &st, AT_SYMLINK_NOFOLLOW));
	describe("fstatat sl nofollow", &st);
	CHECK("fstatat sub/sl follow", fstatat(dfd, "sl", &st, 0));
	describe("fstatat sl follow", &st);
	{
		struct timespec ts[2] = { { 1000000000, 5000 }, { 1200000000, 0 } };

		CHECK("utimensat sub/inner", utimensat(dfd, "inner", ts, 0));
		fstatat(dfd, "inner", &st, 0);
		printf("  atime %lld.%09ld mtime %lld.%09ld\n", (long long)st.st_atim.tv_sec,
		    st.st_atim.tv_nsec, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
		ts[0].tv_nsec = UTIME_OMIT;
		ts[1].tv_sec = 1300000000;
		CHECK("utimensat UTIME_OMIT atime", utimensat(dfd, "inner", ts, 0));
		fstatat(dfd, "inner", &st, 0);
		printf("  atime %lld mtime %lld\n", (long long)st.st_atim.tv_sec,
		    (long long)st.st_mtim.tv_sec);
		ts[0].tv_nsec = UTIME_NOW;
		ts[1].tv_nsec = UTIME_OMIT;
		CHECK("utimensat UTIME_NOW atime", utimensat(dfd, "inner", ts, 0));
		fstatat(dfd, "inner", &st, 0);
		printf("  atime moved on %d, mtime %lld\n", st.st_atim.tv_sec > 1300000000,
		    (long long)st.st_mtim.tv_sec);
	}
	CHECK("chown to own ids", chown("a.txt", getuid(), getgid()));
	CHECK("lchown s.lnk to own ids", lchown("s.lnk", getuid(), getgid()));
	CHECK("fchown sub to own ids", fchown(dfd, getuid(), getgid()));
	errno = 0;
	fd2 = unlinkat(dfd, "deeper", 0);
#ifdef __linux__
	/* FreeBSD answers EPERM where Linux says EISDIR: print FreeBSD's */
	if (errno == EISDIR)
		errno = EPERM;
#endif
	printf("%-32s = %d %s\n", "unlinkat sub/deeper (a directory)", fd2, errname(errno));
	CHECK("unlinkat sub/deeper/hard", unlinkat(dfd, "deeper/hard", 0));
	CHECK("unlinkat sub/deeper AT_REMOVEDIR", unlinkat(dfd, "deeper", AT_REMOVEDIR));
	CHECK("unlinkat sub/sl", unlinkat(dfd, "sl", 0));

	CHECK("rmdir sub (not empty)", rmdir("sub"));
	CHECK("unlinkat inner", unlinkat(dfd, "inner", 0));
	close(dfd);
	CHECK("rmdir sub", rmdir("sub"));

	/* umask and creation modes */
	umask(077);
	fd = open("masked", O_WRONLY | O_CREAT, 0666);
	fstat(fd, &st);
	close(fd);
	printf("created under umask 077: %04o\n", (unsigned)(st.st_mode & 0777));
	printf("umask was %03o\n", (unsigned)umask(old));

	CHECK("chdir ..", chdir(".."));
	CHECK("rmdir scratch (not empty)", rmdir("scratch"));
	unlink("scratch/a.txt");
	unlink("scratch/s.lnk");
	unlink("scratch/d.lnk");
	unlink("scratch/masked");
	CHECK("rmdir scratch", rmdir("scratch"));
	CHECK("stat scratch", stat("scratch", &st));
	return 0;
}
