/*
 * Directory walks over libc.so.7, four ways, each printing the same sorted
 * listing: type, permission bits, size of regular files, link targets.
 *   dyn-walk fts|nftw|scandir|readdir DIR
 * fts sorts with a comparator fts calls back; nftw's and readdir's results
 * are sorted afterwards; scandir sorts with alphasort.  Directory sizes and
 * times are left out: they depend on the file system, not on the program.
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <dirent.h>
#include <err.h>
#include <fcntl.h>
#include <fts.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char **out;
static size_t nout;

static void
add(const char *path, const struct stat *st)
{
	char line[2048], target[1024] = "";
	char type = S_ISDIR(st->st_mode) ? 'd' : S_ISLNK(st->st_mode) ? 'l' :
	    S_ISREG(st->st_mode) ? 'f' : '?';

	if (type == 'l') {
		ssize_t n = readlink(path, target, sizeof(target) - 1);

		target[n < 0 ? 0 : n] = '\0';
	}
	if (type == 'f')
		snprintf(line, sizeof(line), "%c %04o %6lld %s", type, (unsigned)(st->st_mode & 07777),
		    (long long)st->st_size, path);
	else if (type == 'l')
		snprintf(line, sizeof(line), "%c %04o %6s %s -> %s", type,
		    (unsigned)(st->st_mode & 07777), "-", path, target);
	else
		snprintf(line, sizeof(line), "%c %04o %6s %s", type, (unsigned)(st->st_mode & 07777),
		    "-", path);
	if (!(out = realloc(out, (nout + 1) * sizeof(*out))) || !(out[nout++] = strdup(line)))
		err(1, "out of memory");
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
flush_sorted(void)
{
	qsort(out, nout, sizeof(*out), cmp_str);
	for (size_t i = 0; i < nout; i++) {
		puts(out[i]);
		free(out[i]);
	}
	free(out);
	out = NULL;
	printf("-- %zu entries\n", nout);
	nout = 0;
}

/* fts: children come back in name order already. */
#ifdef __linux__
static int
by_name(const FTSENT **a, const FTSENT **b)
#else
static int
by_name(const FTSENT *const *a, const FTSENT *const *b)
#endif
{
	return strcmp((*a)->fts_name, (*b)->fts_name);
}

static void
walk_fts(char *dir)
{
	char *roots[] = { dir, NULL };
	FTS *fts = fts_open(roots, FTS_PHYSICAL | FTS_NOCHDIR, by_name);
	FTSENT *e;
	long dirs = 0, files = 0, post = 0;

	if (!fts)
		err(1, "fts_open %s", dir);
	while ((e = fts_read(fts)) != NULL) {
		switch (e->fts_info) {
		case FTS_D:
			dirs++;
			if (strcmp(e->fts_name, "ro") == 0) {
				/* not entered: no FTS_DP for it either */
				fts_set(fts, e, FTS_SKIP);
				printf("%*sskipping %s/\n", (int)e->fts_level * 2, "", e->fts_name);
				post--;
				break;
			}
			printf("%*s%s/ (level %ld)\n", (int)e->fts_level * 2, "", e->fts_name,
			    (long)e->fts_level);
			if (e->fts_level == FTS_ROOTLEVEL) {
				/* the children to come, in order, through fts_link */
				printf("children:");
				for (FTSENT *k = fts_children(fts, 0); k; k = k->fts_link)
					printf(" %s%s", k->fts_name, k->fts_parent == e ? "" : "(orphan)");
				printf("\n");
			}
			break;
		case FTS_DP:
			post++;
			break;
		case FTS_F:
		case FTS_SL:
		case FTS_SLNONE:
			files++;
			printf("%*s%s%s\n", (int)e->fts_level * 2, "", e->fts_name,
			    e->fts_info == FTS_F ? "" : "@");
			break;
		default:
			printf("%*s%s: info %d\n", (int)e->fts_level * 2, "", e->fts_name, e->fts_info);
		}
		if (e->fts_info != FTS_DP)
			add(e->fts_path, e->fts_statp);
	}
	fts_close(fts);
	printf("-- %ld directories (%ld left), %ld files\n", dirs, post, files);
	flush_sorted();
}

static int nd, ndp;

static int
visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	if (type == FTW_D)
		nd++;
	if (type == FTW_DP) {
		/* FTW_DEPTH: a directory comes after what it holds */
		ndp++;
		printf("dir %s at level %d, name at %d\n", path, ftw->level, ftw->base);
	}
	if (type == FTW_NS) {
		printf("%s: stat failed\n", path);
		return 0;
	}
	add(path, st);
	return 0;
}

static void
walk_nftw(const char *dir)
{
	if (nftw(dir, visit, 8, FTW_PHYS | FTW_DEPTH) != 0)
		err(1, "nftw %s", dir);
	printf("-- directories as FTW_D %d, as FTW_DP %d\n", nd, ndp);
	flush_sorted();
}

static int
not_dots(const struct dirent *d)
{
	return strcmp(d->d_name, ".") != 0 && strcmp(d->d_name, "..") != 0;
}

static void
walk_scandir(const char *dir, int depth)
{
	struct dirent **list;
	int n = scandir(dir, &list, not_dots, alphasort);

	if (n < 0) {
		warn("scandir %s", dir);
		return;
	}
	for (int i = 0; i < n; i++) {
		char path[2048];
		struct stat st;

		snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
		if (lstat(path, &st) != 0)
			err(1, "lstat %s", path);
		printf("%*s%s (%s, namlen %d)\n", depth * 2, "", list[i]->d_name,
		    list[i]->d_type == DT_DIR ? "dir" : list[i]->d_type == DT_LNK ? "link" :
		    list[i]->d_type == DT_REG ? "file" : "other", (int)strlen(list[i]->d_name));
		if (S_ISDIR(st.st_mode))
			walk_scandir(path, depth + 1);
		free(list[i]);
	}
	free(list);
}

static int
is_dots(const char *n)
{
	return strcmp(n, ".") == 0 || strcmp(n, "..") == 0;
}

/* One level down, through a descriptor openat() gave and fdopendir(). */
static void
read_sub(DIR *d, const char *name, const char *path)
{
	int fd = openat(dirfd(d), name, O_RDONLY | O_DIRECTORY);
	DIR *sub = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *se;

	if (!sub)
		err(1, "fdopendir %s", path);
	while ((se = readdir(sub)) != NULL) {
		char sp[3072];
		struct stat sst;

		if (is_dots(se->d_name))
			continue;
		snprintf(sp, sizeof(sp), "%s/%s", path, se->d_name);
		if (lstat(sp, &sst) == 0)
			add(sp, &sst);
	}
	closedir(sub);
}

static void
walk_readdir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e, ent, *res;
	size_t again = 0;

	if (!d)
		err(1, "opendir %s", dir);
	printf("dirfd is %s\n", dirfd(d) >= 0 ? "valid" : "bad");
	while ((e = readdir(d)) != NULL) {
		char path[2048];
		struct stat st;

		if (is_dots(e->d_name))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
			err(1, "fstatat %s", path);
#ifdef __FreeBSD__
		if ((size_t)e->d_namlen != strlen(e->d_name) || e->d_reclen < 24 + e->d_namlen)
			printf("%s: bad record\n", e->d_name);
#endif
		add(path, &st);
		if (S_ISDIR(st.st_mode))
			read_sub(d, e->d_name, path);
	}
	rewinddir(d);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
	while (readdir_r(d, &ent, &res) == 0 && res != NULL)
		again += !is_dots(ent.d_name);
#pragma GCC diagnostic pop
	printf("after rewinddir, readdir_r saw %zu entries\n", again);
	closedir(d);
	flush_sorted();
}

int
main(int argc, char **argv)
{
	if (argc != 3)
		errx(2, "usage: dyn-walk fts|nftw|scandir|readdir dir");
	if (strcmp(argv[1], "fts") == 0)
		walk_fts(argv[2]);
	else if (strcmp(argv[1], "nftw") == 0)
		walk_nftw(argv[2]);
	else if (strcmp(argv[1], "scandir") == 0)
		walk_scandir(argv[2], 0);
	else if (strcmp(argv[1], "readdir") == 0)
		walk_readdir(argv[2]);
	else
		errx(2, "unknown walk %s", argv[1]);
	return 0;
}
