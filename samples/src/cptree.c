/*
 * cptree SRC DST: copies a directory tree (regular files, directories,
 * symbolic links) keeping permission bits and modification times, then
 * walks both trees to check the copy and prints a summary.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "errname.h"

struct tally {
	long files, dirs, links, bytes;
};

static int failed;

static void
fail(const char *what, const char *path)
{
	fprintf(stderr, "cptree: %s %s: %s\n", what, path, errname(errno));
	failed = 1;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted entry names of dir, without "." and ".."; NULL on error. */
static char **
read_names(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (d == NULL) {
		fail("opendir", dir);
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		names = realloc(names, (n + 2) * sizeof(*names));
		if (names == NULL || (names[n] = strdup(e->d_name)) == NULL) {
			fprintf(stderr, "cptree: out of memory\n");
			exit(2);
		}
		n++;
	}
	closedir(d);
	if (names == NULL && (names = malloc(sizeof(*names))) == NULL)
		exit(2);
	qsort(names, n, sizeof(*names), cmp_str);
	*count = n;
	return names;
}

static void
free_names(char **names, size_t n)
{
	while (n > 0)
		free(names[--n]);
	free(names);
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void
copy_times(const char *path, const struct stat *st, int flags)
{
	struct timespec t[2];

	t[0].tv_sec = 0;
	t[0].tv_nsec = UTIME_OMIT;
	t[1] = st->st_mtim;
	if (utimensat(AT_FDCWD, path, t, flags) != 0)
		fail("utimensat", path);
}

static long
copy_file(const char *src, const char *dst, const struct stat *st)
{
	char buf[3000];
	long total = 0;
	ssize_t n;
	int in, out;

	in = open(src, O_RDONLY);
	if (in < 0) {
		fail("open", src);
		return 0;
	}
	out = open(dst, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (out < 0) {
		fail("create", dst);
		close(in);
		return 0;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		if (write_all(out, buf, (size_t)n) != 0) {
			fail("write", dst);
			break;
		}
		total += n;
	}
	if (n < 0)
		fail("read", src);
	if (fchmod(out, st->st_mode & 07777) != 0)
		fail("fchmod", dst);
	close(out);
	close(in);
	copy_times(dst, st, 0);
	return total;
}

static void
copy_dir(const char *src, const char *dst, const char *rel, const struct stat *st,
    struct tally *t)
{
	char **names, s[PATH_MAX], d[PATH_MAX], r[PATH_MAX], target[PATH_MAX];
	size_t n, i;

	if (mkdir(dst, 0700) != 0) {
		fail("mkdir", dst);
		return;
	}
	t->dirs++;
	names = read_names(src, &n);
	for (i = 0; names != NULL && i < n; i++) {
		struct stat est;
		ssize_t len;

		snprintf(s, sizeof(s), "%s/%s", src, names[i]);
		snprintf(d, sizeof(d), "%s/%s", dst, names[i]);
		snprintf(r, sizeof(r), "%s%s%s", rel, *rel ? "/" : "", names[i]);
		if (lstat(s, &est) != 0) {
			fail("lstat", s);
		} else if (S_ISDIR(est.st_mode)) {
			printf("dir  %s\n", r);
			copy_dir(s, d, r, &est, t);
		} else if (S_ISREG(est.st_mode)) {
			long b = copy_file(s, d, &est);

			printf("file %s (%ld bytes)\n", r, b);
			t->files++;
			t->bytes += b;
		} else if (S_ISLNK(est.st_mode)) {
			len = readlink(s, target, sizeof(target) - 1);
			if (len < 0) {
				fail("readlink", s);
				continue;
			}
			target[len] = '\0';
			if (symlink(target, d) != 0) {
				fail("symlink", d);
				continue;
			}
			copy_times(d, &est, AT_SYMLINK_NOFOLLOW);
			printf("link %s -> %s\n", r, target);
			t->links++;
		} else {
			printf("skip %s (special file)\n", r);
		}
	}
	if (names != NULL)
		free_names(names, n);
	/* Last, so that a read-only directory could still be filled. */
	if (chmod(dst, st->st_mode & 07777) != 0)
		fail("chmod", dst);
	copy_times(dst, st, 0);
}

static int mismatches;

static void
mismatch(const char *path, const char *what)
{
	printf("verify: %s: %s differs\n", path, what);
	mismatches++;
}

static int
same_content(const char *a, const char *b)
{
	char x[4096], y[4096];
	ssize_t m, n;
	int fa = open(a, O_RDONLY), fb = open(b, O_RDONLY), same = fa >= 0 && fb >= 0;

	while (same) {
		m = read(fa, x, sizeof(x));
		n = read(fb, y, sizeof(y));
		if (m != n || m < 0 || memcmp(x, y, (size_t)m) != 0)
			same = 0;
		if (m <= 0)
			break;
	}
	if (fa >= 0)
		close(fa);
	if (fb >= 0)
		close(fb);
	return same;
}

static void
verify(const char *src, const char *dst, const char *rel)
{
	char **names, s[PATH_MAX], d[PATH_MAX], r[PATH_MAX], ls[PATH_MAX], ld[PATH_MAX];
	size_t n, m, i;
	char **dnames;

	names = read_names(src, &n);
	dnames = read_names(dst, &m);
	if (names == NULL || dnames == NULL || n != m)
		mismatch(*rel ? rel : ".", "entry count");
	for (i = 0; names != NULL && dnames != NULL && i < n && i < m; i++) {
		struct stat a, b;

		snprintf(r, sizeof(r), "%s%s%s", rel, *rel ? "/" : "", names[i]);
		if (strcmp(names[i], dnames[i]) != 0) {
			mismatch(r, "name");
			continue;
		}
		snprintf(s, sizeof(s), "%s/%s", src, names[i]);
		snprintf(d, sizeof(d), "%s/%s", dst, names[i]);
		if (lstat(s, &a) != 0 || lstat(d, &b) != 0) {
			mismatch(r, "lstat");
			continue;
		}
		if ((a.st_mode & S_IFMT) != (b.st_mode & S_IFMT)) {
			mismatch(r, "type");
			continue;
		}
		if (a.st_mtim.tv_sec != b.st_mtim.tv_sec || a.st_mtim.tv_nsec != b.st_mtim.tv_nsec)
			mismatch(r, "mtime");
		if (S_ISLNK(a.st_mode)) {
			ssize_t x = readlink(s, ls, sizeof(ls) - 1), y = readlink(d, ld, sizeof(ld) - 1);

			if (x < 0 || x != y || memcmp(ls, ld, (size_t)x) != 0)
				mismatch(r, "link target");
			continue;
		}
		if ((a.st_mode & 07777) != (b.st_mode & 07777))
			mismatch(r, "mode");
		if (S_ISDIR(a.st_mode))
			verify(s, d, r);
		else if (a.st_size != b.st_size || !same_content(s, d))
			mismatch(r, "content");
	}
	if (names != NULL)
		free_names(names, n);
	if (dnames != NULL)
		free_names(dnames, m);
}

int
main(int argc, char **argv)
{
	struct tally t = { 0, 0, 0, 0 };
	struct stat st;

	if (argc != 3) {
		fprintf(stderr, "usage: cptree SRC DST\n");
		return 2;
	}
	if (stat(argv[1], &st) != 0) {
		fail("stat", argv[1]);
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		fprintf(stderr, "cptree: %s: not a directory\n", argv[1]);
		return 1;
	}
	copy_dir(argv[1], argv[2], "", &st, &t);
	if (failed)
		return 1;
	verify(argv[1], argv[2], "");
	printf("copied: %ld files, %ld dirs, %ld links, %ld bytes\n",
	    t.files, t.dirs, t.links, t.bytes);
	printf("verify: %s\n", mismatches == 0 ? "ok" : "FAILED");
	return mismatches == 0 ? 0 : 1;
}
