/*
 * glob(3) over glibc's.  FreeBSD's glob_t is its own (gl_matchc, the
 * alternate directory functions after gl_errfunc) and so are its flag
 * bits and error numbers; glibc's glob fills a glob_t of its own whose
 * strings are moved into the guest's list, which is then the guest's
 * alone (glibc's allocator is the guest's: globfree frees it).  The error
 * callback gets the host's errno and goes through a closure that hands
 * the guest FreeBSD's.
 */
#include "config.h"

#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "libshim/callback.h"
#include "libshim/freebsd/libc_shim.h"

struct fbsd_glob {
	size_t gl_pathc;
	size_t gl_matchc;
	size_t gl_offs;
	int gl_flags;
	char **gl_pathv;
	int (*gl_errfunc)(const char *, int);
	void *gl_closedir, *gl_readdir, *gl_opendir, *gl_lstat, *gl_stat;
};
_Static_assert(sizeof(struct fbsd_glob) == 88, "FreeBSD glob_t");
_Static_assert(offsetof(struct fbsd_glob, gl_errfunc) == 40, "glob_t gl_errfunc");

#define FBSD_GLOB_APPEND	0x0001
#define FBSD_GLOB_DOOFFS	0x0002
#define FBSD_GLOB_ERR		0x0004
#define FBSD_GLOB_MARK		0x0008
#define FBSD_GLOB_NOCHECK	0x0010
#define FBSD_GLOB_NOSORT	0x0020
#define FBSD_GLOB_ALTDIRFUNC	0x0040
#define FBSD_GLOB_BRACE		0x0080
#define FBSD_GLOB_MAGCHAR	0x0100
#define FBSD_GLOB_NOMAGIC	0x0200
#define FBSD_GLOB_QUOTE		0x0400
#define FBSD_GLOB_TILDE		0x0800
#define FBSD_GLOB_LIMIT		0x1000
#define FBSD_GLOB_NOESCAPE	0x2000

#define FBSD_GLOB_NOSPACE	(-1)
#define FBSD_GLOB_ABORTED	(-2)
#define FBSD_GLOB_NOMATCH	(-3)
#define FBSD_GLOB_NOSYS		(-4)

/* FreeBSD's flag and glibc's, for the bits both have. */
static const struct { int fbsd, host; } glob_flags[] = {
	{ FBSD_GLOB_ERR, GLOB_ERR }, { FBSD_GLOB_MARK, GLOB_MARK },
	{ FBSD_GLOB_NOCHECK, GLOB_NOCHECK }, { FBSD_GLOB_NOSORT, GLOB_NOSORT },
	{ FBSD_GLOB_BRACE, GLOB_BRACE }, { FBSD_GLOB_NOMAGIC, GLOB_NOMAGIC },
	{ FBSD_GLOB_TILDE, GLOB_TILDE }, { FBSD_GLOB_NOESCAPE, GLOB_NOESCAPE },
};

/* glibc's errfunc(path, errno): the guest's wants FreeBSD's errno. */
struct err_frame {
	int err;
};

static void
errfunc_in(void *ctx, void *frame, void **hargs, void **gargs)
{
	struct err_frame *f = frame;

	f->err = shim_errno_from_host(*(int *)hargs[1]);
	gargs[0] = hargs[0];
	gargs[1] = &f->err;
}

static ffi_type *errfunc_args[] = { &ffi_type_pointer, &ffi_type_sint };
static struct ux_cb_type errfunc_cb = {
	.name = "glob", .ret = &ffi_type_sint, .nargs = 2, .args = errfunc_args,
	.gnargs = 2, .gargs = errfunc_args, .frame = sizeof(struct err_frame), .in = errfunc_in,
};

static int
glob_error(int host)
{
	switch (host) {
	case GLOB_NOSPACE: return FBSD_GLOB_NOSPACE;
	case GLOB_ABORTED: return FBSD_GLOB_ABORTED;
	case GLOB_NOMATCH: return FBSD_GLOB_NOMATCH;
	}
	return FBSD_GLOB_NOSYS;
}

/*
 * XXX GLOB_ALTDIRFUNC (the guest's own directory functions) is refused;
 * GLOB_LIMIT is not enforced; gl_matchc counts the paths added, the
 * pattern itself included when GLOB_NOCHECK put it there.
 */
int
shim_glob(const char *pattern, int flags, int (*errfunc)(const char *, int), struct fbsd_glob *g)
{
	glob_t h;
	size_t offs, old, add;
	char **pv;
	int hflags = 0, r;

	if (flags & FBSD_GLOB_ALTDIRFUNC)
		return FBSD_GLOB_NOSYS;
	for (size_t i = 0; i < sizeof(glob_flags) / sizeof(glob_flags[0]); i++)
		if (flags & glob_flags[i].fbsd)
			hflags |= glob_flags[i].host;
	if (!(flags & FBSD_GLOB_APPEND)) {
		g->gl_pathc = 0;
		g->gl_pathv = NULL;
		if (!(flags & FBSD_GLOB_DOOFFS))
			g->gl_offs = 0;
	}
	g->gl_flags = flags & ~FBSD_GLOB_MAGCHAR;
	g->gl_errfunc = errfunc;
	g->gl_matchc = 0;
	memset(&h, 0, sizeof(h));
	r = glob(pattern, hflags, (int (*)(const char *, int))ux_cb_get(&errfunc_cb, (void *)errfunc),
	    &h);
	if (h.gl_flags & GLOB_MAGCHAR)
		g->gl_flags |= FBSD_GLOB_MAGCHAR;
	add = r == 0 ? h.gl_pathc : 0;
	offs = g->gl_offs;
	old = g->gl_pathc;
	if (add > 0 || !g->gl_pathv) {
		/* FreeBSD's list always ends in NULL, offsets NULL too. */
		pv = realloc(g->gl_pathv, (offs + old + add + 1) * sizeof(*pv));
		if (!pv) {
			globfree(&h);
			return FBSD_GLOB_NOSPACE;
		}
		if (!g->gl_pathv)
			for (size_t i = 0; i < offs; i++)
				pv[i] = NULL;
		memcpy(pv + offs + old, h.gl_pathv, add * sizeof(*pv));
		pv[offs + old + add] = NULL;
		g->gl_pathv = pv;
		g->gl_pathc = old + add;
		g->gl_matchc = add;
		/* The strings are the guest's now: free only glibc's array. */
		free(h.gl_pathv);
	} else {
		globfree(&h);
	}
	return r == 0 ? 0 : glob_error(r);
}

void
shim_globfree(struct fbsd_glob *g)
{
	if (!g->gl_pathv)
		return;
	for (size_t i = 0; i < g->gl_pathc; i++)
		free(g->gl_pathv[g->gl_offs + i]);
	free(g->gl_pathv);
	g->gl_pathv = NULL;
}
