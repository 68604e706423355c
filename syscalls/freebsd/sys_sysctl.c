/*
 * __sysctl and __sysctlbyname over one table of nodes.  The lookup, the
 * {0,...} meta nodes and the request rules (size queries, truncation with
 * ENOMEM, EPERM for read-only nodes, EISDIR for bare nodes) follow
 * FreeBSD's sys/kern/kern_sysctl.c; the nodes, their numbers, types,
 * formats and descriptions follow sys/kern/kern_mib.c and friends.
 * A node the table lacks is ENOENT, reported once by name.
 */
#include "config.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include "syscalls/freebsd/fbsd_handlers.h"

#include "syscalls/freebsd/sysctl.h"

/* SYSCTL_OUT: copies what fits, counts everything, ENOMEM when short. */
long
sctl_out(struct sreq *r, const void *p, size_t l)
{
	size_t orig = r->oldidx, i = l;

	r->oldidx += l;
	if (r->old == 0)
		return 0;
	if (r->oldlen <= orig)
		i = 0;
	else if (i > r->oldlen - orig)
		i = r->oldlen - orig;
	if (i > 0 && ux_copyout(r->old + orig, p, i) < 0)
		return -EFAULT;
	return i < l ? -ENOMEM : 0;
}

/* SYSCTL_IN */
long
sctl_in(struct sreq *r, void *p, size_t l)
{
	if (r->new == 0)
		return 0;
	if (r->newlen - r->newidx < l)
		return -EINVAL;
	if (ux_copyin(p, r->new + r->newidx, l) < 0)
		return -EFAULT;
	r->newidx += l;
	return 0;
}

/* Values that cannot be set: out, then EPERM for a write, as the kernel's
 * handlers do for a constant. */
long
sctl_int(struct sreq *r, long v)
{
	int i = v > INT_MAX ? INT_MAX : (int)v;
	long e = sctl_out(r, &i, sizeof(i));

	return e != 0 || r->new == 0 ? e : -EPERM;
}

long
sctl_long(struct sreq *r, uint64_t v)
{
	long e = sctl_out(r, &v, sizeof(v));

	return e != 0 || r->new == 0 ? e : -EPERM;
}

long
sctl_str(struct sreq *r, const char *s)
{
	long e = sctl_out(r, s, strlen(s) + 1);

	return e != 0 || r->new == 0 ? e : -EPERM;
}
/* --- lookup --------------------------------------------------------- */

static int
is_dir(const struct sctl_node *n)
{
	return (n->kind & CTLTYPE) == CTLTYPE_NODE && n->fn == NULL;
}

static const char *
last_component(const struct sctl_node *n)
{
	const char *d = strrchr(n->name, '.');

	return d ? d + 1 : n->name;
}

static const struct sctl_node *
find_exact(const int *oid, unsigned len)
{
	for (size_t i = 0; i < fbsd_sysctl_nnodes; i++)
		if (fbsd_sysctl_nodes[i].len == len && memcmp(fbsd_sysctl_nodes[i].oid, oid, len * sizeof(int)) == 0)
			return &fbsd_sysctl_nodes[i];
	return NULL;
}

/* sysctl_find_oid(): the node a name reaches and how much of it was used. */
static long
find_oid(const int *name, unsigned namelen, const struct sctl_node **np, unsigned *used)
{
	for (unsigned d = 1; d <= namelen && d <= CTL_MAXNAME; d++) {
		const struct sctl_node *n = find_exact(name, d);
		if (n == NULL)
			return -ENOENT;
		if ((n->kind & CTLTYPE) == CTLTYPE_NODE) {
			if (n->fn == NULL && d < namelen)
				continue;
		} else if (d < namelen) {
			return -ENOTDIR;
		}
		*np = n;
		*used = d;
		return 0;
	}
	return -ENOENT;
}

/* name2oid(): components must each exist; a node with a handler ends it. */
static long
name_to_oid(const char *name, int *oid, unsigned *len)
{
	unsigned d = 0;

	while (d < 3) {
		const char *dot = strchrnul(name, '.');
		size_t clen = (size_t)(dot - name);
		const struct sctl_node *n = NULL;

		for (size_t i = 0; i < fbsd_sysctl_nnodes && n == NULL; i++) {
			const char *last = last_component(&fbsd_sysctl_nodes[i]);
			if (fbsd_sysctl_nodes[i].len == d + 1 &&
			    memcmp(fbsd_sysctl_nodes[i].oid, oid, d * sizeof(int)) == 0 &&
			    strlen(last) == clen && memcmp(last, name, clen) == 0)
				n = &fbsd_sysctl_nodes[i];
		}
		if (n == NULL)
			return -ENOENT;
		oid[d] = n->oid[d];
		d++;
		name = dot;
		if (*name == '.')
			name++;
		if (*name == '\0') {
			*len = d;
			return 0;
		}
		if (!is_dir(n))
			break;
	}
	return -ENOENT;
}

/* The dotted name of an OID; parts the table lacks are shown as numbers,
 * as sysctl_sysctl_name() does. */
static void
oid_to_name(const int *oid, unsigned len, char *buf, size_t size)
{
	size_t at = 0;
	int known = 1;

	buf[0] = '\0';
	for (unsigned i = 0; i < len && at < size; ) {
		const struct sctl_node *n = known ? find_exact(oid, i + 1) : NULL;
		int k;

		if (n != NULL) {
			k = snprintf(buf + at, size - at, "%s%s", at ? "." : "",
			    last_component(n));
			known = is_dir(n);
		} else if (known) {
			known = 0;
			continue;	/* the same component, now as a number */
		} else {
			k = snprintf(buf + at, size - at, "%s%d", at ? "." : "", oid[i]);
		}
		if (k < 0)
			break;
		at += (size_t)k;
		i++;
	}
}

/* Each distinct unknown node is reported once. */
#define NLATCH 64
static uint32_t latch_key[NLATCH];
static uint8_t latch[NLATCH + 1];

static void
report_unknown(const char *what)
{
	uint32_t h = 2166136261u;
	uint8_t *flag = &latch[NLATCH];

	for (const char *p = what; *p; p++)
		h = (h ^ (uint8_t)*p) * 16777619u;
	h |= 1;
	for (int i = 0; i < NLATCH; i++) {
		uint32_t k = __atomic_load_n(&latch_key[i], __ATOMIC_ACQUIRE);
		if (k == 0) {
			uint32_t expect = 0;
			if (__atomic_compare_exchange_n(&latch_key[i], &expect, h, 0,
			    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
				k = h;
			else
				k = expect;
		}
		if (k == h) {
			flag = &latch[i];
			break;
		}
	}
	ux_report_once(flag, "unsupported FreeBSD sysctl %s: returning ENOENT", what);
}

static void
report_unknown_oid(const int *oid, unsigned len)
{
	char name[256], num[128];
	size_t at = 0;

	oid_to_name(oid, len, name, sizeof(name));
	num[0] = '\0';
	for (unsigned i = 0; i < len && at < sizeof(num); i++) {
		int k = snprintf(num + at, sizeof(num) - at, "%s%d", i ? "." : "", oid[i]);
		if (k < 0)
			break;
		at += (size_t)k;
	}
	if (strcmp(name, num) == 0) {
		report_unknown(name);
	} else {
		char both[400];
		snprintf(both, sizeof(both), "%s (%s)", name, num);
		report_unknown(both);
	}
}

/* sysctl_root(): find the node, check the request, run the handler. */
static long
sysctl_root(struct sreq *r, const int *name, unsigned namelen)
{
	const struct sctl_node *n;
	unsigned used;
	long e = find_oid(name, namelen, &n, &used);

	if (e != 0) {
		if (e == -ENOENT)
			report_unknown_oid(name, namelen);
		return e;
	}
	if (n->fn == NULL)
		return -EISDIR;
	if (r->new != 0 && !(n->kind & CTLFLAG_WR))
		return -EPERM;
	if (r->new != 0 && !(n->kind & CTLFLAG_ANYBODY) && ux_sys(SYS_geteuid) != 0)
		return -EPERM;
	if ((n->kind & CTLTYPE) == CTLTYPE_NODE)
		return n->fn(r, n, name + used, namelen - used);
	return n->fn(r, n, NULL, 0);
}

/* --- the {0,...} nodes ---------------------------------------------- */

long
h_meta_name(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	char buf[CTL_MAXNAME * 40];

	oid_to_name(arg, narg, buf, sizeof(buf));
	return sctl_out(r, buf, strlen(buf) + 1);
}

/* Order of OIDs: component by component, a prefix before its extensions. */
static int
oid_cmp(const int *a, unsigned alen, const int *b, unsigned blen)
{
	for (unsigned i = 0; i < alen && i < blen; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return alen < blen ? -1 : alen > blen;
}

/* {0,2} is the next leaf (or node with a handler) after the name, {0,7}
 * the next OID of any kind. */
long
h_meta_next(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	int leaves_only = n->oid[1] == CTL_SYSCTL_NEXT;
	const struct sctl_node *best = NULL;

	for (size_t i = 0; i < fbsd_sysctl_nnodes; i++) {
		const struct sctl_node *e = &fbsd_sysctl_nodes[i];
		if (leaves_only && (is_dir(e) || (e->kind & CTLFLAG_SKIP)))
			continue;
		if (oid_cmp(e->oid, e->len, arg, narg) <= 0)
			continue;
		if (best == NULL || oid_cmp(e->oid, e->len, best->oid, best->len) < 0)
			best = e;
	}
	if (best == NULL)
		return -ENOENT;
	return sctl_out(r, best->oid, best->len * sizeof(int));
}

long
h_meta_name2oid(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	char name[FBSD_MAXPATHLEN];
	int oid[CTL_MAXNAME];
	unsigned len;
	long e;

	if (r->new == 0 || r->newlen == 0)
		return -ENOENT;
	if (r->newlen >= FBSD_MAXPATHLEN)
		return -ENAMETOOLONG;
	e = sctl_in(r, name, r->newlen);
	if (e != 0)
		return e;
	name[r->newlen] = '\0';
	e = name_to_oid(name, oid, &len);
	if (e != 0) {
		report_unknown(name);
		return e;
	}
	return sctl_out(r, oid, len * sizeof(int));
}

long
h_meta_oidfmt(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	const struct sctl_node *t;
	unsigned used;
	long e = find_oid(arg, narg, &t, &used);

	if (e != 0)
		return e;
	e = sctl_out(r, &t->kind, sizeof(t->kind));
	if (e != 0)
		return e;
	return sctl_out(r, t->fmt, strlen(t->fmt) + 1);
}

long
h_meta_oiddescr(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	const struct sctl_node *t;
	unsigned used;
	long e = find_oid(arg, narg, &t, &used);

	if (e != 0)
		return e;
	return sctl_out(r, t->descr, strlen(t->descr) + 1);
}

long
h_meta_oidlabel(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	const struct sctl_node *t;
	unsigned used;
	long e = find_oid(arg, narg, &t, &used);

	/* No node here carries an aggregation label. */
	return e != 0 ? e : -ENOENT;
}

/* --- the system calls ----------------------------------------------- */

static long
start_req(struct sreq *r, void *old, size_t *oldlenp, const void *new, size_t newlen)
{
	memset(r, 0, sizeof(*r));
	if (oldlenp != NULL && ux_copyin(&r->oldlen, oldlenp, sizeof(r->oldlen)) < 0)
		return -EFAULT;
	r->old = (uint64_t)(uintptr_t)old;
	if (new != NULL) {
		r->new = (uint64_t)(uintptr_t)new;
		r->newlen = newlen;
	}
	return 0;
}

/* What *oldlenp gets: the size needed, or what was copied if short. */
static size_t
done_len(const struct sreq *r)
{
	return r->old != 0 && r->oldidx > r->oldlen ? r->oldlen : r->oldidx;
}

long
fbsd_sys___sysctl(struct uxcall *c, int *name, unsigned namelen, void *old,
    size_t *oldlenp, const void *new, size_t newlen)
{
	int oid[CTL_MAXNAME];
	struct sreq r;
	size_t j;
	long e;

	if (namelen < 2 || namelen > CTL_MAXNAME)
		return -EINVAL;
	if (ux_copyin(oid, name, namelen * sizeof(int)) < 0)
		return -EFAULT;
	e = start_req(&r, old, oldlenp, new, newlen);
	if (e != 0)
		return e;
	e = sysctl_root(&r, oid, namelen);
	if (e != 0 && e != -ENOMEM)
		return e;
	/* A short buffer still learns how much was copied. */
	if (oldlenp != NULL) {
		j = done_len(&r);
		if (ux_copyout(oldlenp, &j, sizeof(j)) < 0)
			return -EFAULT;
	}
	return e;
}

long
fbsd_sys___sysctlbyname(struct uxcall *c, const char *name, size_t namelen, void *old,
    size_t *oldlenp, void *new, size_t newlen)
{
	char buf[FBSD_MAXPATHLEN + 1];
	int oid[CTL_MAXNAME];
	unsigned len;
	struct sreq r;
	size_t j;
	long e;

	/* namelen is strlen(name): the NUL is not passed. */
	if (namelen == 0 || namelen > FBSD_MAXPATHLEN)
		return -EINVAL;
	if (ux_copyin(buf, name, namelen) < 0)
		return -EFAULT;
	buf[namelen] = '\0';
	if (namelen >= FBSD_MAXPATHLEN)
		return -ENAMETOOLONG;	/* the name2oid step's limit */
	e = name_to_oid(buf, oid, &len);
	if (e != 0) {
		report_unknown(buf);
		return e;
	}
	e = start_req(&r, old, oldlenp, new, newlen);
	if (e != 0)
		return e;
	/* Unlike __sysctl, any error, ENOMEM included, leaves *oldlenp alone. */
	e = sysctl_root(&r, oid, len);
	if (e != 0)
		return e;
	if (oldlenp != NULL) {
		j = done_len(&r);
		if (ux_copyout(oldlenp, &j, sizeof(j)) < 0)
			return -EFAULT;
	}
	return 0;
}
