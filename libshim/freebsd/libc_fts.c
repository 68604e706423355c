/*
 * fts(3), what FreeBSD's own tools walk trees with, over glibc's fts.
 * The option bits, fts_info codes and fts_set instructions have the same
 * values on both systems; the structures differ (FreeBSD 12+ FTSENT has
 * fts_name as a pointer, a 64-bit fts_number, fts_fts, struct stat in its
 * own layout).  So each glibc FTSENT the guest sees gets a FreeBSD twin,
 * found through glibc's fts_pointer and refreshed each time it is handed
 * out; the guest's own fields (fts_number, fts_pointer) live only in the
 * twin.  Twins are freed with the stream, not as glibc frees its entries.
 */
#include "config.h"

#include <errno.h>
#include <fts.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "libshim/callback.h"
#include "libshim/freebsd/libc_shim.h"
#include "syscalls/freebsd/fbsd_convert.h"

struct shim_fts;

struct fbsd_ftsent {
	struct fbsd_ftsent *fts_cycle;
	struct fbsd_ftsent *fts_parent;
	struct fbsd_ftsent *fts_link;
	long long fts_number;
	void *fts_pointer;
	char *fts_accpath;
	char *fts_path;
	int fts_errno;
	int fts_symfd;
	size_t fts_pathlen;
	size_t fts_namelen;
	uint64_t fts_ino;
	uint64_t fts_dev;
	uint64_t fts_nlink;
	long fts_level;
	int fts_info;
	unsigned fts_flags;
	int fts_instr;
	struct fbsd_stat *fts_statp;
	char *fts_name;
	struct fbsd_fts *fts_fts;
};
_Static_assert(sizeof(struct fbsd_ftsent) == 152, "FreeBSD FTSENT");
_Static_assert(offsetof(struct fbsd_ftsent, fts_level) == 104, "FTSENT fts_level");

typedef int (*guest_fts_cmp)(const struct fbsd_ftsent *const *, const struct fbsd_ftsent *const *);

struct fbsd_fts {
	struct fbsd_ftsent *fts_cur;
	struct fbsd_ftsent *fts_child;
	struct fbsd_ftsent **fts_array;
	uint64_t fts_dev;
	char *fts_path;
	int fts_rfd;
	size_t fts_pathlen;
	size_t fts_nitems;
	guest_fts_cmp fts_compar;
	int fts_options;
	void *fts_clientptr;
};
_Static_assert(sizeof(struct fbsd_fts) == 88, "FreeBSD FTS");

/* A twin, with the host entry it mirrors. */
struct twin {
	struct fbsd_ftsent pub;		/* first: the guest's pointer is ours */
	FTSENT *host;
	FTSENT *link_host;		/* the sibling fts_link was set for */
	struct fbsd_stat st;
	struct twin *next_alloc;
};

struct shim_fts {
	struct fbsd_fts pub;		/* first, as for twins */
	FTS *host;
	struct twin *twins;
	struct ux_cb *cmp;		/* the comparator glibc calls */
};

static struct twin *twin_of(struct shim_fts *f, FTSENT *h);

static void
refresh(struct shim_fts *f, struct twin *t)
{
	FTSENT *h = t->host;
	struct fbsd_ftsent *p = &t->pub;

	/* Only an FTS_DC entry's fts_cycle means anything (glibc leaves the
	 * others unset). */
	p->fts_cycle = h->fts_info != FTS_DC || !h->fts_cycle ? NULL :
	    h->fts_cycle == h ? p : &twin_of(f, h->fts_cycle)->pub;
	/* The root's parent (level -1) has none: glibc leaves the field unset. */
	p->fts_parent = h->fts_level >= FTS_ROOTLEVEL && h->fts_parent ?
	    &twin_of(f, h->fts_parent)->pub : NULL;
	p->fts_accpath = h->fts_accpath;
	p->fts_path = h->fts_path;
	p->fts_errno = shim_errno_from_host(h->fts_errno);
	if (h->fts_errno == 0)
		p->fts_errno = 0;
	p->fts_symfd = h->fts_symfd;
	p->fts_pathlen = h->fts_pathlen;
	p->fts_namelen = h->fts_namelen;
	p->fts_ino = h->fts_ino;
	p->fts_dev = h->fts_dev;
	p->fts_nlink = h->fts_nlink;
	p->fts_level = h->fts_level;
	p->fts_info = h->fts_info;
	p->fts_flags = h->fts_flags;
	p->fts_instr = h->fts_instr;
	p->fts_name = h->fts_name;
	p->fts_fts = &f->pub;
	if (h->fts_statp && h->fts_info != FTS_NS && h->fts_info != FTS_NSOK &&
	    h->fts_info != FTS_DOT && h->fts_info != FTS_ERR) {
		struct statx sx;

		linux_stat_to_statx(h->fts_statp, &sx);
		linux_to_fbsd_stat(&sx, &t->st);
		p->fts_dev = t->st.st_dev;
	} else {
		memset(&t->st, 0, sizeof(t->st));
	}
	p->fts_statp = &t->st;
}

static struct twin *
twin_of(struct shim_fts *f, FTSENT *h)
{
	struct twin *t = h->fts_pointer;

	if (t && t->host == h)
		return t;
	/* XXX out of memory: abort, as fts has no way to say it here */
	if (!(t = calloc(1, sizeof(*t))))
		abort();
	t->host = h;
	t->next_alloc = f->twins;
	f->twins = t;
	h->fts_pointer = t;
	refresh(f, t);
	return t;
}

/* fts_link, along the whole sibling list: iteratively (a directory may
 * hold many entries), and only where glibc's list changed since. */
static void
link_siblings(struct shim_fts *f, struct twin *t)
{
	while (t && t->link_host != t->host->fts_link) {
		FTSENT *n = t->host->fts_link;
		struct twin *nt = n ? twin_of(f, n) : NULL;

		t->link_host = n;
		t->pub.fts_link = nt ? &nt->pub : NULL;
		t = nt;
	}
}

static struct fbsd_ftsent *
give(struct shim_fts *f, FTSENT *h)
{
	struct twin *t;

	if (!h)
		return NULL;
	t = twin_of(f, h);
	refresh(f, t);
	link_siblings(f, t);
	return &t->pub;
}

/*
 * glibc's fts sorts its own entries; the guest's comparator gets their
 * twins, which belong to the stream: each stream has a closure of its own
 * with the stream as context.
 */
struct cmp_frame {
	const struct fbsd_ftsent *a, *b;
	const struct fbsd_ftsent *const *pa, *const *pb;
};

static void
cmp_in(void *ctx, void *frame, void **hargs, void **gargs)
{
	struct shim_fts *f = ctx;
	struct cmp_frame *k = frame;
	struct twin *ta = twin_of(f, (FTSENT *)**(const FTSENT ***)hargs[0]);
	struct twin *tb = twin_of(f, (FTSENT *)**(const FTSENT ***)hargs[1]);

	/* glibc relinks the list after sorting: fts_link is set later. */
	refresh(f, ta);
	refresh(f, tb);
	k->a = &ta->pub;
	k->b = &tb->pub;
	k->pa = &k->a;
	k->pb = &k->b;
	gargs[0] = &k->pa;
	gargs[1] = &k->pb;
}

static ffi_type *cmp_args[] = { &ffi_type_pointer, &ffi_type_pointer };
static struct ux_cb_type cmp_cb = {
	.name = "fts_open", .ret = &ffi_type_sint, .nargs = 2, .args = cmp_args,
	.gnargs = 2, .gargs = cmp_args, .frame = sizeof(struct cmp_frame), .in = cmp_in,
};

struct fbsd_fts *
shim_fts_open(char *const *argv, int options, guest_fts_cmp compar)
{
	struct shim_fts *f;
	void *cmp;

	if (options & ~0xff) {
		shim_errno = FBSD_EINVAL;
		return NULL;
	}
	if (!(f = calloc(1, sizeof(*f)))) {
		shim_errno = FBSD_ENOMEM;
		return NULL;
	}
	f->pub.fts_compar = compar;
	f->pub.fts_options = options;
	f->pub.fts_rfd = -1;
	cmp = ux_cb_new(&cmp_cb, (void *)compar, f, &f->cmp);
	f->host = fts_open(argv, options, (int (*)(const FTSENT **, const FTSENT **))cmp);
	if (!f->host) {
		shim_errno_sync();
		ux_cb_free(f->cmp);
		free(f);
		return NULL;
	}
	f->pub.fts_path = f->host->fts_path;
	f->pub.fts_pathlen = (size_t)f->host->fts_pathlen;
	f->pub.fts_dev = f->host->fts_dev;
	return &f->pub;
}

struct fbsd_ftsent *
shim_fts_read(struct fbsd_fts *pub)
{
	struct shim_fts *f = (struct shim_fts *)pub;
	FTSENT *h;

	errno = 0;
	h = fts_read(f->host);
	if (!h && errno)
		shim_errno_sync();
	pub->fts_cur = give(f, h);
	pub->fts_path = f->host->fts_path;
	pub->fts_pathlen = (size_t)f->host->fts_pathlen;
	return pub->fts_cur;
}

struct fbsd_ftsent *
shim_fts_children(struct fbsd_fts *pub, int options)
{
	struct shim_fts *f = (struct shim_fts *)pub;
	struct fbsd_ftsent *first;
	FTSENT *h;

	errno = 0;
	h = fts_children(f->host, options);
	if (!h && errno)
		shim_errno_sync();
	first = give(f, h);
	for (struct fbsd_ftsent *e = first; e; e = e->fts_link)
		refresh(f, (struct twin *)e);
	pub->fts_child = first;
	return first;
}

int
shim_fts_set(struct fbsd_fts *pub, struct fbsd_ftsent *e, int instr)
{
	struct twin *t = (struct twin *)e;

	(void)pub;
	if (instr != 0 && instr != FTS_AGAIN && instr != FTS_FOLLOW && instr != FTS_NOINSTR &&
	    instr != FTS_SKIP) {
		shim_errno = FBSD_EINVAL;
		return 1;
	}
	e->fts_instr = instr;
	return fts_set(((struct shim_fts *)pub)->host, t->host, instr);
}

void
shim_fts_set_clientptr(struct fbsd_fts *pub, void *p)
{
	pub->fts_clientptr = p;
}

void *
shim_fts_get_clientptr(struct fbsd_fts *pub)
{
	return pub->fts_clientptr;
}

struct fbsd_fts *
shim_fts_get_stream(struct fbsd_ftsent *e)
{
	return e->fts_fts;
}

int
shim_fts_close(struct fbsd_fts *pub)
{
	struct shim_fts *f = (struct shim_fts *)pub;
	int r = fts_close(f->host);

	if (r != 0)
		shim_errno_sync();
	while (f->twins) {
		struct twin *t = f->twins;

		f->twins = t->next_alloc;
		free(t);
	}
	ux_cb_free(f->cmp);
	free(f);
	return r;
}
