/*
 * Callbacks libc calls with arguments uxrun translates: scandir's filter
 * and comparator, ftw's and nftw's visitors (struct stat, type codes),
 * fts's comparator (FTSENT), glob's error function (errno).  Each is also
 * called re-entrantly (the callback runs the same function again) and
 * from two threads at once, which must not mix up whose callback runs.
 *   dyn-callback
 * Builds its own tree in the working directory and removes it.
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <ftw.h>
#include <glob.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errname.h"

#define TOP "cbtree"

static void
mkfile(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text) || close(fd) != 0)
		err(1, "%s", path);
}

static void
make_tree(void)
{
	if (mkdir(TOP, 0755) != 0 || mkdir(TOP "/sub", 0755) != 0 || mkdir(TOP "/sub/deep", 0700) != 0)
		err(1, "mkdir");
	mkfile(TOP "/alpha", "a");
	mkfile(TOP "/beta.txt", "bb");
	mkfile(TOP "/gamma.txt", "ccc");
	mkfile(TOP "/sub/one.txt", "1111");
	mkfile(TOP "/sub/two", "22222");
	mkfile(TOP "/sub/deep/three.txt", "333333");
	/* Outside the tree: ftw stops at an ELOOP, wherever readdir puts it. */
	if (symlink("cbloop", "cbloop") != 0 || symlink("alpha", TOP "/link") != 0)
		err(1, "symlink");
}

static int
rm_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return (type == FTW_DP ? rmdir(path) : unlink(path)) != 0;
}

/* --- scandir ----------------------------------------------------------------- */

static int
no_dots(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static int
txt_only(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return n > 4 && strcmp(d->d_name + n - 4, ".txt") == 0;
}

static int
by_name_desc(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*b)->d_name, (*a)->d_name);
}

static int nested_calls;

/* A comparator that runs scandir itself, with another filter and
 * comparator: the outer sort must go on with its own. */
static int
by_name_nested(const struct dirent **a, const struct dirent **b)
{
	if (nested_calls < 3) {
		struct dirent **l;
		int n;

		nested_calls++;
		n = scandir(TOP "/sub", &l, txt_only, by_name_desc);
		if (n != 1 || strcmp(l[0]->d_name, "one.txt") != 0)
			printf("nested scandir: %d entries\n", n);
		while (n > 0)
			free(l[--n]);
		free(l);
	}
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* The names scandir gives, joined with spaces, in buf. */
static int
scan_names(const char *dir, int (*sel)(const struct dirent *),
    int (*cmp)(const struct dirent **, const struct dirent **), char *buf, size_t len)
{
	struct dirent **l;
	int n = scandir(dir, &l, sel, cmp);

	buf[0] = '\0';
	if (n < 0)
		return -errno;
	for (int i = 0; i < n; i++) {
		size_t used = strlen(buf);

		snprintf(buf + used, len - used, "%s%s", i ? " " : "", l[i]->d_name);
		free(l[i]);
	}
	free(l);
	return n;
}

static void
test_scandir(void)
{
	char buf[512];
	int n;

	n = scan_names(TOP, no_dots, by_name_desc, buf, sizeof(buf));
	printf("scandir desc: %d: %s\n", n, buf);
	n = scan_names(TOP, txt_only, alphasort, buf, sizeof(buf));
	printf("scandir txt: %d: %s\n", n, buf);
	n = scan_names(TOP, no_dots, by_name_nested, buf, sizeof(buf));
	printf("scandir nested: %d: %s (%d nested calls)\n", n, buf, nested_calls);
	n = scan_names(TOP "/missing", no_dots, alphasort, buf, sizeof(buf));
	printf("scandir missing: %s\n", n < 0 ? errname(-n) : "found");
}

/* --- ftw and nftw ------------------------------------------------------------ */

static char walked[64][128];
static int nwalked;

static int
cmp_str(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

static void
print_walked(const char *what)
{
	qsort(walked, (size_t)nwalked, sizeof(walked[0]), cmp_str);
	printf("%s: %d\n", what, nwalked);
	for (int i = 0; i < nwalked; i++)
		printf("  %s\n", walked[i]);
	nwalked = 0;
}

static const char *
type_name(int t)
{
	switch (t) {
	case FTW_F: return "F";
	case FTW_D: return "D";
	case FTW_DNR: return "DNR";
	case FTW_DP: return "DP";
	case FTW_NS: return "NS";
	case FTW_SL: return "SL";
	case FTW_SLN: return "SLN";
	}
	return "?";
}

static void
record(const char *path, const struct stat *st, int type, const struct FTW *f)
{
	char extra[64] = "";

	if (type == FTW_F)
		snprintf(extra, sizeof(extra), " size %lld mode %o", (long long)st->st_size,
		    (unsigned)(st->st_mode & 07777));
	if (f)
		snprintf(extra + strlen(extra), sizeof(extra) - strlen(extra), " level %d base %d",
		    f->level, f->base);
	if (nwalked < 64)
		snprintf(walked[nwalked++], sizeof(walked[0]), "%s %s%s", type_name(type), path, extra);
}

static int
ftw_visit(const char *path, const struct stat *st, int type)
{
	record(path, st, type, NULL);
	return 0;
}

static int
nftw_visit(const char *path, const struct stat *st, int type, struct FTW *f)
{
	record(path, st, type, f);
	return 0;
}

static int inner_count;

static int
nftw_count(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)path;
	(void)st;
	(void)f;
	if (type == FTW_F)
		inner_count++;
	return 0;
}

/* An nftw visitor that runs nftw (another visitor) on each directory. */
static int
nftw_nested(const char *path, const struct stat *st, int type, struct FTW *f)
{
	if (type == FTW_D) {
		inner_count = 0;
		if (nftw(path, nftw_count, 4, FTW_PHYS) != 0)
			printf("nested nftw %s failed\n", path);
		if (nwalked < 64)
			snprintf(walked[nwalked++], sizeof(walked[0]), "%s holds %d files", path,
			    inner_count);
	}
	return 0;
}

/* Stops the walk at the first .txt file, with a value nftw hands back. */
static int
stop_at_txt(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	(void)f;
	return type == FTW_F && strstr(path, ".txt") ? 42 : 0;
}

static void
test_walks(void)
{
	int r;

	r = ftw(TOP, ftw_visit, 4);
	print_walked(r == 0 ? "ftw" : "ftw failed");
	r = nftw(TOP, nftw_visit, 4, FTW_PHYS | FTW_DEPTH);
	print_walked(r == 0 ? "nftw phys depth" : "nftw failed");
	r = nftw(TOP, nftw_nested, 4, FTW_PHYS);
	print_walked(r == 0 ? "nftw nested" : "nftw nested failed");
	printf("nftw stop: %d\n", nftw(TOP, stop_at_txt, 4, FTW_PHYS));
	errno = 0;
	r = nftw(TOP "/missing", nftw_visit, 4, 0);
	printf("nftw missing: %d %s\n", r, errname(errno));
}

/* --- fts --------------------------------------------------------------------- */

#ifdef __linux__
#define FTS_CMP_ARGS const FTSENT **a, const FTSENT **b
#else
#define FTS_CMP_ARGS const FTSENT *const *a, const FTSENT *const *b
#endif

static int
fts_desc(FTS_CMP_ARGS)
{
	return strcmp((*b)->fts_name, (*a)->fts_name);
}

/* Files by size, largest first, directories last: uses fts_statp. */
static int
fts_by_size(FTS_CMP_ARGS)
{
	int da = S_ISDIR((*a)->fts_statp->st_mode), db = S_ISDIR((*b)->fts_statp->st_mode);

	if (da != db)
		return da - db;
	if ((*a)->fts_statp->st_size != (*b)->fts_statp->st_size)
		return (*a)->fts_statp->st_size < (*b)->fts_statp->st_size ? 1 : -1;
	return strcmp((*a)->fts_name, (*b)->fts_name);
}

static void walk_fts(const char *what, int (*cmp)(FTS_CMP_ARGS), int nest);

static int fts_nest_left;

/* A comparator that walks another tree with fts (and a comparator of its
 * own) while its stream is sorting. */
static int
fts_nested(FTS_CMP_ARGS)
{
	if (fts_nest_left > 0) {
		fts_nest_left--;
		walk_fts("  inner fts by size", fts_by_size, 0);
	}
	return strcmp((*a)->fts_name, (*b)->fts_name);
}

static void
walk_fts(const char *what, int (*cmp)(FTS_CMP_ARGS), int nest)
{
	char top[] = TOP;
	char *roots[] = { top, NULL };
	FTS *fts;
	FTSENT *e;

	if (nest)
		fts_nest_left = 2;
	fts = fts_open(roots, FTS_PHYSICAL | FTS_NOCHDIR, cmp);
	if (!fts)
		err(1, "fts_open");
	printf("%s:", what);
	while ((e = fts_read(fts)) != NULL)
		if (e->fts_info != FTS_DP)
			printf(" %s", e->fts_name);
	printf("\n");
	fts_close(fts);
}

static void
test_fts(void)
{
	walk_fts("fts desc", fts_desc, 0);
	walk_fts("fts by size", fts_by_size, 0);
	walk_fts("fts nested", fts_nested, 1);
}

/* --- glob -------------------------------------------------------------------- */

static int glob_errors;

static int
glob_err(const char *path, int e)
{
	printf("glob error: %s: %s\n", path, errname(e));
	glob_errors++;
	return 0;
}

static int
glob_err_abort(const char *path, int e)
{
	printf("glob error, aborting: %s: %s\n", path, errname(e));
	return 1;
}

/* An error function that globs again, with an error function of its own. */
static int
glob_err_nested(const char *path, int e)
{
	glob_t g;
	int r;

	memset(&g, 0, sizeof(g));
	r = glob("cbloop/*", 0, glob_err_abort, &g);
	printf("glob error %s (%s); inner glob %s\n", path, errname(e),
	    r == GLOB_ABORTED ? "aborted" : "did not abort");
	globfree(&g);
	return 0;
}

static void
print_glob(const char *what, int r, const glob_t *g)
{
	/* gl_flags is only meaningful after a success. */
	printf("%s: %s, %zu paths, magic %d:", what,
	    r == 0 ? "ok" : r == GLOB_NOMATCH ? "no match" : r == GLOB_ABORTED ? "aborted" :
	    r == GLOB_NOSPACE ? "no space" : "other", r == 0 ? g->gl_pathc : 0,
	    r == 0 && (g->gl_flags & GLOB_MAGCHAR));
	for (size_t i = 0; r == 0 && i < g->gl_pathc + g->gl_offs; i++)
		printf(" %s", g->gl_pathv[i] ? g->gl_pathv[i] : "(null)");
	printf("\n");
}

static void
test_glob(void)
{
	glob_t g;
	int r;

	memset(&g, 0, sizeof(g));
	r = glob(TOP "/*.txt", 0, glob_err, &g);
	print_glob("glob *.txt", r, &g);
	r = glob(TOP "/sub/*", GLOB_APPEND | GLOB_MARK, glob_err, &g);
	print_glob("glob append sub/* mark", r, &g);
	globfree(&g);

	memset(&g, 0, sizeof(g));
	g.gl_offs = 2;
	r = glob(TOP "/s*/t*", GLOB_DOOFFS, NULL, &g);
	print_glob("glob dooffs", r, &g);
	globfree(&g);

	memset(&g, 0, sizeof(g));
	r = glob(TOP "/*.none", 0, glob_err, &g);
	print_glob("glob nomatch", r, &g);
	globfree(&g);
	r = glob(TOP "/*.none", GLOB_NOCHECK, glob_err, &g);
	print_glob("glob nocheck", r, &g);
	globfree(&g);

	/* cbloop is a symbolic link to itself: opening it as a directory fails
	 * with ELOOP, a number FreeBSD and Linux do not share. */
	r = glob("cbloop/*", 0, glob_err, &g);
	print_glob("glob loop", r, &g);
	globfree(&g);
	r = glob("cbloop/*", 0, glob_err_abort, &g);
	print_glob("glob loop abort", r, &g);
	globfree(&g);
	r = glob("cbloop/*", GLOB_ERR, NULL, &g);
	print_glob("glob loop GLOB_ERR", r, &g);
	globfree(&g);
	r = glob("cbloop/*", 0, glob_err_nested, &g);
	print_glob("glob loop nested", r, &g);
	globfree(&g);
	printf("glob errors reported: %d\n", glob_errors);
}

/* --- two threads --------------------------------------------------------------- */

static char expect_scan[512];
static int expect_files;

struct worker {
	int id;
	int bad;
	int (*cmp)(const struct dirent **, const struct dirent **);
	char want[512];
};

static __thread int thread_files;

static int
thread_count(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)path;
	(void)st;
	(void)f;
	if (type == FTW_F)
		thread_files++;
	return 0;
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	char buf[512];

	for (int i = 0; i < 200; i++) {
		if (scan_names(TOP, no_dots, w->cmp, buf, sizeof(buf)) < 0 || strcmp(buf, w->want) != 0)
			w->bad++;
		thread_files = 0;
		if (nftw(TOP, thread_count, 4, FTW_PHYS) != 0 || thread_files != expect_files)
			w->bad++;
	}
	return NULL;
}

static void
test_threads(void)
{
	struct worker w[2] = { { .id = 0, .cmp = by_name_desc }, { .id = 1, .cmp = alphasort } };
	pthread_t t[2];

	scan_names(TOP, no_dots, by_name_desc, w[0].want, sizeof(w[0].want));
	scan_names(TOP, no_dots, alphasort, w[1].want, sizeof(w[1].want));
	thread_files = 0;
	nftw(TOP, thread_count, 4, FTW_PHYS);
	expect_files = thread_files;
	snprintf(expect_scan, sizeof(expect_scan), "%s", w[1].want);
	for (int i = 0; i < 2; i++)
		if (pthread_create(&t[i], NULL, work, &w[i]) != 0)
			errx(1, "pthread_create");
	for (int i = 0; i < 2; i++) {
		pthread_join(t[i], NULL);
		printf("thread %d (%s): %d mismatches\n", w[i].id, w[i].want, w[i].bad);
	}
	printf("files per walk: %d\n", expect_files);
}

int
main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	make_tree();
	test_scandir();
	test_walks();
	test_fts();
	test_glob();
	test_threads();
	if (nftw(TOP, rm_one, 4, FTW_PHYS | FTW_DEPTH) != 0 || unlink("cbloop") != 0)
		err(1, "removing " TOP);
	return 0;
}
