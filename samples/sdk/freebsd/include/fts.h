/* uxrun FreeBSD SDK: fts(3), FreeBSD 12+ (ino64) structures. */
#ifndef _UXRT_FTS_H
#define _UXRT_FTS_H

#include <sys/types.h>

struct stat;

typedef struct {
	struct _ftsent *fts_cur;
	struct _ftsent *fts_child;
	struct _ftsent **fts_array;
	dev_t fts_dev;
	char *fts_path;
	int fts_rfd;
	size_t fts_pathlen;
	size_t fts_nitems;
	int (*fts_compar)(const struct _ftsent *const *, const struct _ftsent *const *);
	int fts_options;
	void *fts_clientptr;
} FTS;

#define FTS_COMFOLLOW	0x001
#define FTS_LOGICAL	0x002
#define FTS_NOCHDIR	0x004
#define FTS_NOSTAT	0x008
#define FTS_PHYSICAL	0x010
#define FTS_SEEDOT	0x020
#define FTS_XDEV	0x040
#define FTS_WHITEOUT	0x080

typedef struct _ftsent {
	struct _ftsent *fts_cycle;
	struct _ftsent *fts_parent;
	struct _ftsent *fts_link;
	long long fts_number;
	void *fts_pointer;
	char *fts_accpath;
	char *fts_path;
	int fts_errno;
	int fts_symfd;
	size_t fts_pathlen;
	size_t fts_namelen;
	ino_t fts_ino;
	dev_t fts_dev;
	nlink_t fts_nlink;
	long fts_level;
	int fts_info;
	unsigned fts_flags;
	int fts_instr;
	struct stat *fts_statp;
	char *fts_name;
	FTS *fts_fts;
} FTSENT;
_Static_assert(sizeof(FTSENT) == 152, "FreeBSD FTSENT is 152 bytes");

#define FTS_ROOTPARENTLEVEL	(-1)
#define FTS_ROOTLEVEL		0

#define FTS_D		1
#define FTS_DC		2
#define FTS_DEFAULT	3
#define FTS_DNR		4
#define FTS_DOT		5
#define FTS_DP		6
#define FTS_ERR		7
#define FTS_F		8
#define FTS_INIT	9
#define FTS_NS		10
#define FTS_NSOK	11
#define FTS_SL		12
#define FTS_SLNONE	13
#define FTS_W		14

#define FTS_AGAIN	1
#define FTS_FOLLOW	2
#define FTS_NOINSTR	3
#define FTS_SKIP	4

FTSENT *fts_children(FTS *fts, int options);
int fts_close(FTS *fts);
FTS *fts_open(char *const *argv, int options,
    int (*compar)(const FTSENT *const *, const FTSENT *const *));
FTSENT *fts_read(FTS *fts);
int fts_set(FTS *fts, FTSENT *e, int instr);
void *fts_get_clientptr(FTS *fts);
void fts_set_clientptr(FTS *fts, void *p);
FTS *fts_get_stream(FTSENT *e);

#endif
