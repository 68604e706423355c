/*
 * Directories: DIR * is an opaque handle to the guest, here a glibc DIR
 * and room for one FreeBSD struct dirent, which each readdir fills from
 * glibc's entry (FreeBSD 12+ layout; the FreeBSD 11 one for old binaries).
 * scandir, ftw and nftw call guest functions, those glibc calls through
 * closures (libshim/callback.h) that translate and run them as guest code.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "libshim/callback.h"
#include "libshim/freebsd/libc_shim.h"
#include "loader/rtld.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/freebsd/fbsd_convert.h"
#include "syscalls/hostfd.h"

/* FreeBSD 11's struct dirent, which readdir@FBSD_1.0 returns. */
struct fbsd11_dirent {
	uint32_t d_fileno;
	uint16_t d_reclen;
	uint8_t d_type;
	uint8_t d_namlen;
	char d_name[256];
};
_Static_assert(sizeof(struct fbsd11_dirent) == 264, "FreeBSD 11 struct dirent");

struct shim_dir {
	DIR *d;
	union {
		struct fbsd_dirent ent;
		struct fbsd11_dirent ent11;
	};
};

/* DT_* values are the same on both systems. */
_Static_assert(DT_DIR == 4 && DT_REG == 8 && DT_LNK == 10 && DT_WHT == 14, "DT_ values");

static struct shim_dir *
wrap(DIR *d)
{
	struct shim_dir *sd;

	if (!d)
		return shim_retp(NULL);
	if (ux_fd_is_host(dirfd(d))) {
		closedir(d);
		shim_errno = FBSD_EMFILE;
		return NULL;
	}
	sd = malloc(sizeof(*sd));
	if (!sd) {
		closedir(d);
		shim_errno = FBSD_ENOMEM;
		return NULL;
	}
	sd->d = d;
	return sd;
}

struct shim_dir *
shim_opendir(const char *path)
{
	return wrap(opendir(path));
}

struct shim_dir *
shim_fdopendir(int fd)
{
	if (shim_fd_refused(fd))
		return NULL;
	return wrap(fdopendir(fd));
}

int
shim_closedir(struct shim_dir *sd)
{
	int r = closedir(sd->d);

	free(sd);
	return shim_ret(r);
}

/* FreeBSD 13: closes the DIR and hands its descriptor back. */
int
shim_fdclosedir(struct shim_dir *sd)
{
	int fd = dup(dirfd(sd->d));

	if (fd < 0)
		return shim_ret(fd);
	closedir(sd->d);
	free(sd);
	return fd;
}

int
shim_dirfd(struct shim_dir *sd)
{
	return dirfd(sd->d);
}

void
shim_rewinddir(struct shim_dir *sd)
{
	rewinddir(sd->d);
}

long
shim_telldir(struct shim_dir *sd)
{
	return shim_retl(telldir(sd->d));
}

void
shim_seekdir(struct shim_dir *sd, long loc)
{
	seekdir(sd->d, loc);
}

/* The next glibc entry FreeBSD's dirent can hold, or NULL at the end (errno
 * set for the guest on a failure). */
static struct dirent *
next_host(struct shim_dir *sd, size_t max)
{
	struct dirent *e;

	for (;;) {
		errno = 0;
		e = readdir(sd->d);
		if (!e) {
			if (errno)
				shim_errno_sync();
			return NULL;
		}
		/* XXX a name longer than FreeBSD's dirent can carry is left out */
		if (strlen(e->d_name) <= max)
			return e;
	}
}

static void
fill(struct fbsd_dirent *g, const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	g->d_fileno = e->d_ino;
	g->d_off = e->d_off;
	g->d_reclen = (uint16_t)FBSD_DIRENT_RECLEN(n);
	g->d_type = e->d_type;
	g->d_pad0 = 0;
	g->d_namlen = (uint16_t)n;
	g->d_pad1 = 0;
	memcpy(g->d_name, e->d_name, n + 1);
}

struct fbsd_dirent *
shim_readdir(struct shim_dir *sd)
{
	struct dirent *e = next_host(sd, sizeof(sd->ent.d_name) - 1);

	if (!e)
		return NULL;
	fill(&sd->ent, e);
	return &sd->ent;
}

/* XXX the inode number is cut to 32 bits, as FreeBSD 11 had them. */
struct fbsd11_dirent *
shim_readdir_fbsd11(struct shim_dir *sd)
{
	struct fbsd11_dirent *g = &sd->ent11;
	struct dirent *e = next_host(sd, 255);
	size_t n;

	if (!e)
		return NULL;
	n = strlen(e->d_name);
	g->d_fileno = (uint32_t)e->d_ino;
	g->d_reclen = (uint16_t)((offsetof(struct fbsd11_dirent, d_name) + n + 1 + 3) & ~(size_t)3);
	g->d_type = e->d_type;
	g->d_namlen = (uint8_t)n;
	memcpy(g->d_name, e->d_name, n + 1);
	return g;
}

/* Returns an error number (FreeBSD's), *result NULL at the end. */
int
shim_readdir_r(struct shim_dir *sd, struct fbsd_dirent *entry, struct fbsd_dirent **result)
{
	int saved = shim_errno;
	struct dirent *e;

	shim_errno = 0;
	e = next_host(sd, sizeof(entry->d_name) - 1);
	if (!e) {
		int err = shim_errno;

		shim_errno = saved;
		*result = NULL;
		return err;
	}
	shim_errno = saved;
	fill(entry, e);
	*result = entry;
	return 0;
}

/* --- scandir ------------------------------------------------------------------ */

typedef int (*guest_select_fn)(const struct fbsd_dirent *);
typedef int (*guest_dcomp_fn)(const struct fbsd_dirent **, const struct fbsd_dirent **);

/* The list glibc's qsort sorts holds FreeBSD entries already: the
 * comparator takes qsort's arguments as they are, and needs a closure
 * only to run as guest code. */
static ffi_type *dcomp_args[] = { &ffi_type_pointer, &ffi_type_pointer };
static struct ux_cb_type dcomp_cb = {
	.name = "scandir", .ret = &ffi_type_sint,
	.nargs = 2, .args = dcomp_args, .gnargs = 2, .gargs = dcomp_args,
};

/* Entries are malloc'ed with glibc's allocator, which is the guest's: it
 * frees each, then the list. */
int
shim_scandir(const char *path, struct fbsd_dirent ***namelist, guest_select_fn select,
    guest_dcomp_fn dcomp)
{
	struct shim_dir *sd = shim_opendir(path);
	struct fbsd_dirent **list = NULL, *e;
	size_t n = 0, cap = 0;

	if (!sd)
		return -1;
	while ((e = shim_readdir(sd)) != NULL) {
		/* Called from here, not from host code: no closure needed. */
		if (select) {
			uint8_t s = ux_rtld_guest_enter();
			int keep = select(e);

			ux_rtld_guest_leave(s);
			if (!keep)
				continue;
		}
		if (n == cap) {
			struct fbsd_dirent **nl;

			cap = cap ? cap * 2 : 32;
			nl = realloc(list, cap * sizeof(*list));
			if (!nl)
				goto nomem;
			list = nl;
		}
		if (!(list[n] = malloc(e->d_reclen)))
			goto nomem;
		memcpy(list[n++], e, e->d_reclen);
	}
	shim_closedir(sd);
	if (n > 1 && dcomp)
		qsort(list, n, sizeof(*list), ux_cb_get(&dcomp_cb, (void *)dcomp));
	*namelist = list;
	return (int)n;
nomem:
	while (n > 0)
		free(list[--n]);
	free(list);
	shim_closedir(sd);
	shim_errno = FBSD_ENOMEM;
	return -1;
}

int
shim_alphasort(const struct fbsd_dirent **a, const struct fbsd_dirent **b)
{
	return strcoll((*a)->d_name, (*b)->d_name);
}

/* --- ftw and nftw ---------------------------------------------------------------- */

typedef int (*guest_ftw_fn)(const char *, const struct fbsd_stat *, int);
typedef int (*guest_nftw_fn)(const char *, const struct fbsd_stat *, int, struct FTW *);

/* FreeBSD's FTW_* type codes, indexed by glibc's. */
static int
fbsd_ftw_type(int t)
{
	switch (t) {
	case FTW_F: return 0;
	case FTW_D: return 1;
	case FTW_DNR: return 2;
	case FTW_DP: return 3;
	case FTW_NS: return 4;
	case FTW_SL: return 5;
	case FTW_SLN: return 6;
	}
	return 4;
}

static void
stat_for_guest(const struct stat *st, int type, struct fbsd_stat *g)
{
	struct statx sx;

	memset(g, 0, sizeof(*g));
	if (type == FTW_NS)
		return;
	linux_stat_to_statx(st, &sx);
	linux_to_fbsd_stat(&sx, g);
}

/*
 * glibc's nftw calls fn(path, struct stat *, type, struct FTW *); the
 * guest's gets FreeBSD's struct stat and type codes (ftw's, the same
 * without the FTW).  struct FTW is { base, level } on both systems.
 */
struct walk_frame {
	const struct fbsd_stat *stp;
	int type;
	struct fbsd_stat st;
};

static void
walk_in(void *ctx, void *frame, void **hargs, void **gargs)
{
	struct walk_frame *f = frame;

	stat_for_guest(*(const struct stat **)hargs[1], *(int *)hargs[2], &f->st);
	f->stp = &f->st;
	f->type = fbsd_ftw_type(*(int *)hargs[2]);
	gargs[0] = hargs[0];
	gargs[1] = &f->stp;
	gargs[2] = &f->type;
	gargs[3] = hargs[3];
}

static ffi_type *nftw_args[] = { &ffi_type_pointer, &ffi_type_pointer, &ffi_type_sint,
	&ffi_type_pointer };
static struct ux_cb_type ftw_cb = {
	.name = "ftw", .ret = &ffi_type_sint, .nargs = 4, .args = nftw_args,
	.gnargs = 3, .gargs = nftw_args, .frame = sizeof(struct walk_frame), .in = walk_in,
};
static struct ux_cb_type nftw_cb = {
	.name = "nftw", .ret = &ffi_type_sint, .nargs = 4, .args = nftw_args,
	.gnargs = 4, .gargs = nftw_args, .frame = sizeof(struct walk_frame), .in = walk_in,
};

static int
walk(const char *path, struct ux_cb_type *t, void *fn, int nfds, int flags)
{
	int r;

	errno = 0;
	r = nftw(path, (__nftw_func_t)ux_cb_get(t, fn), nfds, flags);
	if (r == -1)
		shim_errno_sync();
	return r;
}

/* ftw follows symbolic links and reports each as what it names. */
int
shim_ftw(const char *path, guest_ftw_fn fn, int nfds)
{
	return walk(path, &ftw_cb, (void *)fn, nfds, 0);
}

int
shim_nftw(const char *path, guest_nftw_fn fn, int nfds, int flags)
{
	int h = 0;

	if (flags & ~0xf) {
		shim_errno = FBSD_EINVAL;
		return -1;
	}
	if (flags & 0x01)
		h |= FTW_PHYS;
	if (flags & 0x02)
		h |= FTW_MOUNT;
	if (flags & 0x04)
		h |= FTW_DEPTH;
	if (flags & 0x08)
		h |= FTW_CHDIR;
	return walk(path, &nftw_cb, (void *)fn, nfds, h);
}
