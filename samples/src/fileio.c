/*
 * Exercises file descriptor calls that succeed and prints what they
 * report: positioned and vectored I/O, seeking, descriptor flags,
 * truncation, pipes with poll/select, umask, links, directories and
 * memory mappings. Works in "fileio.tmp" under the current directory.
 */
#define _GNU_SOURCE	/* pipe2 in glibc */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include "errname.h"

#define SCRATCH "fileio.tmp"

static int failures;

static void
result(const char *what, int ok)
{
	printf("%-40s %s\n", what, ok ? "ok" : "FAIL");
	if (!ok)
		failures++;
}

static void
sys_fail(const char *what)
{
	printf("%-40s FAIL %s\n", what, errname(errno));
	failures++;
}

static long long
file_size(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 ? (long long)st.st_size : -1;
}

static void
positioned_io(void)
{
	char buf[64];
	struct iovec iov[3];
	int fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (fd < 0) {
		sys_fail("open data");
		return;
	}
	result("write 12 bytes", write(fd, "hello world\n", 12) == 12);
	printf("size after write: %lld\n", file_size(fd));
	result("pwrite at 0", pwrite(fd, "HELLO", 5, 0) == 5);
	memset(buf, 0, sizeof(buf));
	result("pread at 6", pread(fd, buf, 5, 6) == 5);
	printf("pread: %s\n", buf);
	printf("offset after pread/pwrite: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	printf("lseek SEEK_END -6: %lld\n", (long long)lseek(fd, -6, SEEK_END));
	printf("lseek SEEK_CUR +0: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	memset(buf, 0, sizeof(buf));
	result("read 5 at 6", read(fd, buf, 5) == 5);
	printf("read: %s\n", buf);

	lseek(fd, 0, SEEK_END);
	iov[0].iov_base = "one,";
	iov[0].iov_len = 4;
	iov[1].iov_base = "two,";
	iov[1].iov_len = 4;
	iov[2].iov_base = "three\n";
	iov[2].iov_len = 6;
	printf("writev: %zd\n", writev(fd, iov, 3));
	{
		char a[5] = "", b[16] = "";

		lseek(fd, 12, SEEK_SET);
		iov[0].iov_base = a;
		iov[0].iov_len = 4;
		iov[1].iov_base = b;
		iov[1].iov_len = 10;
		printf("readv: %zd\n", readv(fd, iov, 2));
		b[strcspn(b, "\n")] = '\0';
		printf("readv parts: [%s] [%s]\n", a, b);
	}
	printf("size after writev: %lld\n", file_size(fd));
	{
		char a[4] = "", b[8] = "";

		iov[0].iov_base = "AB";
		iov[0].iov_len = 2;
		iov[1].iov_base = "CD";
		iov[1].iov_len = 2;
		printf("pwritev at 1: %zd\n", pwritev(fd, iov, 2, 1));
		iov[0].iov_base = a;
		iov[0].iov_len = 3;
		iov[1].iov_base = b;
		iov[1].iov_len = 7;
		printf("preadv at 0: %zd\n", preadv(fd, iov, 2, 0));
		printf("preadv parts: [%.3s] [%.7s]\n", a, b);
		printf("offset after preadv/pwritev: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
		{
			ssize_t r;

			errno = 0;
			r = preadv(fd, iov, 2, -1);
			printf("preadv at -1: %zd %s\n", r, errname(errno));
		}
	}

	result("ftruncate to 4", ftruncate(fd, 4) == 0);
	printf("size after ftruncate: %lld\n", file_size(fd));
	result("truncate to 100", truncate("data", 100) == 0);
	printf("size after truncate: %lld\n", file_size(fd));
	memset(buf, 'x', sizeof(buf));
	result("hole reads as zeros", pread(fd, buf, 8, 50) == 8 && buf[0] == 0 && buf[7] == 0);
	close(fd);
}

static void
descriptors(void)
{
	int fd = open("data", O_RDWR), d, fl;

	if (fd < 0) {
		sys_fail("open data");
		return;
	}
	d = dup(fd);
	result("dup gives a new fd", d >= 0 && d != fd);
	lseek(fd, 10, SEEK_SET);
	printf("dup shares offset: %lld\n", (long long)lseek(d, 0, SEEK_CUR));
	printf("dup2 to 10: %d\n", dup2(fd, 10));
	printf("dup2 to itself: %d\n", dup2(10, 10));
	close(10);
	close(d);

	fl = fcntl(fd, F_GETFL);
	printf("F_GETFL: rdwr=%d append=%d nonblock=%d\n", (fl & O_ACCMODE) == O_RDWR,
	    (fl & O_APPEND) != 0, (fl & O_NONBLOCK) != 0);
	result("F_SETFL O_APPEND|O_NONBLOCK", fcntl(fd, F_SETFL, fl | O_APPEND | O_NONBLOCK) == 0);
	fl = fcntl(fd, F_GETFL);
	printf("F_GETFL: rdwr=%d append=%d nonblock=%d\n", (fl & O_ACCMODE) == O_RDWR,
	    (fl & O_APPEND) != 0, (fl & O_NONBLOCK) != 0);
	lseek(fd, 0, SEEK_SET);
	write(fd, "tail", 4);
	printf("O_APPEND write lands at end: size %lld\n", file_size(fd));

	printf("F_GETFD: %d\n", fcntl(fd, F_GETFD) & FD_CLOEXEC);
	result("F_SETFD FD_CLOEXEC", fcntl(fd, F_SETFD, FD_CLOEXEC) == 0);
	printf("F_GETFD: %d\n", fcntl(fd, F_GETFD) & FD_CLOEXEC);
	d = fcntl(fd, F_DUPFD_CLOEXEC, 20);
	printf("F_DUPFD_CLOEXEC from 20: at least 20=%d cloexec=%d\n", d >= 20,
	    (fcntl(d, F_GETFD) & FD_CLOEXEC) != 0);
	close(d);
	close(fd);
	fd = open("data", O_RDONLY | O_CLOEXEC);
	printf("open O_CLOEXEC: F_GETFD %d\n", fcntl(fd, F_GETFD) & FD_CLOEXEC);
	close(fd);
}

static const char *
events(short ev)
{
	static char s[64];

	s[0] = '\0';
	if (ev & POLLIN) strcat(s, " IN");
	if (ev & POLLOUT) strcat(s, " OUT");
	if (ev & POLLHUP) strcat(s, " HUP");
	if (ev & POLLERR) strcat(s, " ERR");
	if (ev & POLLNVAL) strcat(s, " NVAL");
	return s[0] ? s + 1 : "none";
}

static void
pipes(void)
{
	struct pollfd pf[2];
	struct timeval tv = { 0, 0 };
	fd_set rd;
	int p[2], n;
	char c = 0;

	if (pipe2(p, O_CLOEXEC | O_NONBLOCK) != 0) {
		sys_fail("pipe2");
		return;
	}
	printf("pipe2 cloexec: %d %d\n", fcntl(p[0], F_GETFD) & FD_CLOEXEC,
	    fcntl(p[1], F_GETFD) & FD_CLOEXEC);
	printf("pipe2 nonblock: %d\n", (fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0);
	pf[0].fd = p[0];
	pf[0].events = POLLIN;
	pf[1].fd = p[1];
	pf[1].events = POLLOUT;
	n = poll(pf, 2, 0);
	printf("poll empty pipe: %d ready, read end %s, write end %s\n", n,
	    events(pf[0].revents), events(pf[1].revents));
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	printf("select empty pipe: %d\n", select(p[0] + 1, &rd, NULL, NULL, &tv));
	write(p[1], "x", 1);
	n = poll(pf, 1, 1000);
	printf("poll after write: %d ready, read end %s\n", n, events(pf[0].revents));
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	tv.tv_sec = 1;
	n = select(p[0] + 1, &rd, NULL, NULL, &tv);
	printf("select after write: %d, readable %d\n", n, FD_ISSET(p[0], &rd) != 0);
	n = (int)read(p[0], &c, 1);
	printf("read: %d '%c'\n", n, c);
	close(p[1]);
	n = poll(pf, 1, 1000);
	printf("poll after writer closed: %d ready, read end %s\n", n, events(pf[0].revents));
	printf("read at end of pipe: %zd\n", read(p[0], &c, 1));
	close(p[0]);
	pf[0].revents = 0;
	n = poll(pf, 1, 0);
	printf("poll closed fd: %d ready, %s\n", n, events(pf[0].revents));
}

static void
names(void)
{
	struct stat st;
	struct timespec t[2];
	char buf[PATH_MAX], start[PATH_MAX];
	int fd, dfd;
	DIR *d;
	struct dirent *e;
	char *list[8];
	int n = 0, i;

	umask(077);
	printf("umask was: %03o\n", (unsigned)umask(022));
	fd = open("made", O_WRONLY | O_CREAT | O_EXCL, 0666);
	fstat(fd, &st);
	printf("create 0666 under umask 022: %04o\n", (unsigned)(st.st_mode & 07777));
	result("fchmod 0640", fchmod(fd, 0640) == 0);
	close(fd);
	stat("made", &st);
	printf("mode now: %04o\n", (unsigned)(st.st_mode & 07777));
	result("chmod 0600", chmod("made", 0600) == 0);
	stat("made", &st);
	printf("mode now: %04o\n", (unsigned)(st.st_mode & 07777));
	result("chown to -1 -1 is a no-op", chown("made", (uid_t)-1, (gid_t)-1) == 0);
	result("access R_OK", access("made", R_OK) == 0);
	result("faccessat F_OK", faccessat(AT_FDCWD, "made", F_OK, 0) == 0);

	result("link", link("made", "hard") == 0);
	stat("made", &st);
	printf("nlink after link: %lu\n", (unsigned long)st.st_nlink);
	result("rename", rename("hard", "hard2") == 0);
	result("unlink", unlink("hard2") == 0);
	stat("made", &st);
	printf("nlink after unlink: %lu\n", (unsigned long)st.st_nlink);
	result("symlink", symlink("made", "soft") == 0);
	n = (int)readlink("soft", buf, sizeof(buf));
	printf("readlink: %d bytes '%.*s'\n", n, n < 0 ? 0 : n, buf);
	lstat("soft", &st);
	printf("lstat symlink: is link %d, size %lld\n", S_ISLNK(st.st_mode), (long long)st.st_size);
	if (geteuid() == 0) {
		/* The link itself changes owner; what it names does not. */
		struct stat tgt;

		result("lchown symlink to 1:1", lchown("soft", 1, 1) == 0);
		lstat("soft", &st);
		stat("made", &tgt);
		result("lchown: link owned by 1, target not",
		    st.st_uid == 1 && st.st_gid == 1 && tgt.st_uid != 1);
	} else {
		/* Not root: only one's own ids are allowed. */
		result("lchown symlink to own ids", lchown("soft", getuid(), getgid()) == 0);
	}

	t[0].tv_sec = 0;
	t[0].tv_nsec = UTIME_OMIT;
	t[1].tv_sec = 1000000000;
	t[1].tv_nsec = 123456789;
	result("utimensat", utimensat(AT_FDCWD, "made", t, 0) == 0);
	stat("made", &st);
	printf("mtime: %lld.%09ld\n", (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);

	result("mkdir sub", mkdir("sub", 0755) == 0);
	dfd = open("sub", O_RDONLY | O_DIRECTORY);
	result("mkdirat", mkdirat(dfd, "inner", 0755) == 0);
	fd = openat(dfd, "f1", O_WRONLY | O_CREAT, 0644);
	result("openat create", fd >= 0);
	close(fd);
	result("renameat", renameat(dfd, "f1", dfd, "f2") == 0);
	result("fstatat", fstatat(dfd, "f2", &st, 0) == 0 && S_ISREG(st.st_mode));
	result("fstatat AT_SYMLINK_NOFOLLOW", fstatat(AT_FDCWD, "soft", &st,
	    AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode));

	n = 0;
	d = opendir("sub");
	while (d != NULL && (e = readdir(d)) != NULL && n < 8)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			list[n++] = strdup(e->d_name);
	if (d != NULL)
		closedir(d);
	if (n == 2 && strcmp(list[0], list[1]) > 0) {
		char *tmp = list[0];

		list[0] = list[1];
		list[1] = tmp;
	}
	printf("sub contains:");
	for (i = 0; i < n; i++) {
		printf(" %s", list[i]);
		free(list[i]);
	}
	putchar('\n');

	result("getcwd", getcwd(start, sizeof(start)) != NULL);
	fd = open(".", O_RDONLY | O_DIRECTORY);
	result("chdir sub", chdir("sub") == 0);
	getcwd(buf, sizeof(buf));
	printf("cwd ends with: %s\n", strlen(buf) >= 15 ? buf + strlen(buf) - 15 : buf);
	result("fchdir back", fchdir(fd) == 0);
	getcwd(buf, sizeof(buf));
	result("cwd restored", strcmp(buf, start) == 0);
	close(fd);

	result("unlinkat file", unlinkat(dfd, "f2", 0) == 0);
	result("unlinkat AT_REMOVEDIR", unlinkat(dfd, "inner", AT_REMOVEDIR) == 0);
	close(dfd);
	result("rmdir sub", rmdir("sub") == 0);
	unlink("soft");
	unlink("made");
}

static void
mappings(void)
{
	long page = 4096;
	unsigned char *a, *m, buf[16];
	int fd, i, ok;

	a = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
	if (a == MAP_FAILED) {
		sys_fail("mmap anonymous");
		return;
	}
	result("anonymous memory starts zeroed", a[0] == 0 && a[2 * page - 1] == 0);
	for (i = 0; i < 2 * page; i++)
		a[i] = (unsigned char)(i * 7);
	for (ok = 1, i = 0; i < 2 * page; i++)
		ok &= a[i] == (unsigned char)(i * 7);
	result("anonymous memory keeps data", ok);
	result("mprotect read-only", mprotect(a, (size_t)page, PROT_READ) == 0);
	result("madvise WILLNEED", madvise(a, 2 * (size_t)page, MADV_WILLNEED) == 0);
	result("munmap", munmap(a, 2 * (size_t)page) == 0);

	fd = open("mapped", O_RDWR | O_CREAT | O_TRUNC, 0644);
	for (i = 0; i < 2 * page; i += 16) {
		snprintf((char *)buf, sizeof(buf), "%015d", i);
		buf[15] = '\n';
		write(fd, buf, 16);
	}
	m = mmap(NULL, 2 * (size_t)page, PROT_READ, MAP_SHARED, fd, 0);
	if (m == MAP_FAILED) {
		sys_fail("mmap file");
		close(fd);
		return;
	}
	printf("file mapping at 4096: %.15s\n", (const char *)m + page);
	munmap(m, 2 * (size_t)page);
	m = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, page);
	if (m != MAP_FAILED) {
		memcpy(m, "SHARED", 6);
		munmap(m, (size_t)page);
		pread(fd, buf, 6, page);
		printf("shared write seen by pread: %.6s\n", (const char *)buf);
	} else {
		sys_fail("mmap shared at offset");
	}
	m = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (m != MAP_FAILED) {
		memcpy(m, "PRIVATE", 7);
		pread(fd, buf, 7, 0);
		printf("private write kept private: %d\n", memcmp(buf, "PRIVATE", 7) != 0);
		munmap(m, (size_t)page);
	} else {
		sys_fail("mmap private");
	}
	close(fd);
	unlink("mapped");
}

int
main(void)
{
	if (mkdir(SCRATCH, 0755) != 0 || chdir(SCRATCH) != 0) {
		fprintf(stderr, "fileio: cannot set up %s: %s\n", SCRATCH, errname(errno));
		return 1;
	}
	positioned_io();
	descriptors();
	pipes();
	names();
	mappings();
	unlink("data");
	if (chdir("..") != 0 || rmdir(SCRATCH) != 0)
		sys_fail("remove " SCRATCH);
	printf("failures: %d\n", failures);
	return failures == 0 ? 0 : 1;
}
