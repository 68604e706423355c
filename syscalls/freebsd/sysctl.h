/*
 * The FreeBSD sysctl tree: the request a handler serves, the node table
 * (sysctl_nodes.c) and the helpers node handlers answer with.  Lookup and
 * the system calls are in sys_sysctl.c.
 */
#ifndef FBSD_SYSCTL_H
#define FBSD_SYSCTL_H

#include <stddef.h>
#include <stdint.h>

/* <sys/sysctl.h> */
#define CTL_MAXNAME		24
#define CTLTYPE			0xf
#define CTLTYPE_NODE		1
#define CTLTYPE_INT		2
#define CTLTYPE_STRING		3
#define CTLTYPE_S64		4
#define CTLTYPE_OPAQUE		5
#define CTLTYPE_UINT		6
#define CTLTYPE_LONG		7
#define CTLTYPE_ULONG		8
#define CTLTYPE_U64		9
#define CTLFLAG_RD		0x80000000u
#define CTLFLAG_WR		0x40000000u
#define CTLFLAG_RW		(CTLFLAG_RD | CTLFLAG_WR)
#define CTLFLAG_ANYBODY		0x10000000u
#define CTLFLAG_PRISON		0x04000000u
#define CTLFLAG_SKIP		0x01000000u
#define CTLFLAG_TUN		0x00080000u
#define CTLFLAG_MPSAFE		0x00040000u
#define CTLFLAG_CAPRD		0x00008000u
#define CTLFLAG_CAPWR		0x00004000u
#define CTLFLAG_NOFETCH		0x00001000u
#define CTLFLAG_RDTUN		(CTLFLAG_RD | CTLFLAG_TUN)
#define CTLFLAG_RWTUN		(CTLFLAG_RW | CTLFLAG_TUN)
#define CTL_SYSCTL_NEXT		2
#define FBSD_MAXPATHLEN		1024
#define FBSD_MAXHOSTNAMELEN	256

/* One sysctl request, as struct sysctl_req keeps it. */
struct sreq {
	uint64_t old;		/* guest buffer; 0 asks for the size only */
	size_t oldlen;		/* its size */
	size_t oldidx;		/* bytes produced, stored or not */
	uint64_t new;		/* guest data to set; 0 for a read */
	size_t newlen, newidx;
};

struct sctl_node;
/* arg/narg: the name components past a node that has a handler. */
typedef long (*sctl_fn)(struct sreq *, const struct sctl_node *, const int *arg,
    unsigned narg);

struct sctl_node {
	const char *name;	/* dotted */
	int oid[3];
	unsigned len;
	uint32_t kind;		/* CTLTYPE_* | CTLFLAG_*, as oidfmt reports it */
	const char *fmt;
	const char *descr;
	sctl_fn fn;		/* NULL: a node that only holds children */
	const char *str;	/* value for h_str */
	long num;		/* value for h_int and h_long, or a selector */
};

extern const struct sctl_node fbsd_sysctl_nodes[];
extern const size_t fbsd_sysctl_nnodes;

/* SYSCTL_OUT / SYSCTL_IN */
long sctl_out(struct sreq *r, const void *p, size_t l);
long sctl_in(struct sreq *r, void *p, size_t l);
/* Read-only values: written out, a write attempt is EPERM. */
long sctl_int(struct sreq *r, long v);
long sctl_long(struct sreq *r, uint64_t v);
long sctl_str(struct sreq *r, const char *s);

/* The {0,...} meta nodes. */
long h_meta_name(struct sreq *, const struct sctl_node *, const int *, unsigned);
long h_meta_next(struct sreq *, const struct sctl_node *, const int *, unsigned);
long h_meta_name2oid(struct sreq *, const struct sctl_node *, const int *, unsigned);
long h_meta_oidfmt(struct sreq *, const struct sctl_node *, const int *, unsigned);
long h_meta_oiddescr(struct sreq *, const struct sctl_node *, const int *, unsigned);
long h_meta_oidlabel(struct sreq *, const struct sctl_node *, const int *, unsigned);

#endif
