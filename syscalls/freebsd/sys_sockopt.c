/*
 * setsockopt/getsockopt: one table row per FreeBSD option that has a
 * Linux twin, with the way its value is translated.  Options without a
 * row fail with ENOPROTOOPT, reported once per (level, name).
 */
#include "config.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include "syscalls/dispatch.h"
#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_socket.h"

enum optkind {
	K_INT,		/* an int with the same meaning */
	K_BOOL,		/* an int flag; FreeBSD reads it back as .on, not 1 */
	K_RAW,		/* bytes of the same layout, passed as they are */
	K_LINGER,	/* struct linger; l_onoff reads back as SO_LINGER */
	K_TIMEO,	/* struct timeval, same layout; FreeBSD's range checks */
	K_ERROR,	/* pending errno: translated */
	K_DOMAIN,	/* address family: translated */
	K_MREQ_SRC,	/* struct ip_mreq_source, fields reordered */
	K_DONTFRAG,	/* IP_DONTFRAG over IP_MTU_DISCOVER */
	K_NOSIGPIPE,	/* emulated: sends add MSG_NOSIGNAL */
	K_IGNORE,	/* set is accepted and has no effect, reported once */
	K_ZERO,		/* only the default 0 can be set; reads back 0 */
	K_ACCEPTFILTER,	/* no accept filters are loaded */
	K_PEERCRED,	/* LOCAL_PEERCRED: struct xucred from SO_PEERCRED */
};

struct optmap {
	int level, name;	/* FreeBSD */
	int llevel, lname;	/* Linux */
	uint8_t kind;
	uint32_t on;		/* K_BOOL: what FreeBSD reads back when set */
	const char *fname;
};

#define S(n, ln, k, on)	{ FBSD_SOL_SOCKET, FBSD_##n, SOL_SOCKET, ln, k, on, #n }
#define IP(n, ln, k, on) { FBSD_IPPROTO_IP, FBSD_##n, IPPROTO_IP, ln, k, on, #n }
#define IP6(n, ln, k, on) { FBSD_IPPROTO_IPV6, FBSD_##n, IPPROTO_IPV6, ln, k, on, #n }
#define TCP(n, ln, k, on) { FBSD_IPPROTO_TCP, FBSD_##n, IPPROTO_TCP, ln, k, on, #n }

static const struct optmap opts[] = {
	/* FreeBSD's sogetopt returns so_options & name for the flags. */
	S(SO_DEBUG, SO_DEBUG, K_BOOL, FBSD_SO_DEBUG),
	S(SO_ACCEPTCONN, SO_ACCEPTCONN, K_BOOL, FBSD_SO_ACCEPTCONN),
	S(SO_REUSEADDR, SO_REUSEADDR, K_BOOL, FBSD_SO_REUSEADDR),
	S(SO_KEEPALIVE, SO_KEEPALIVE, K_BOOL, FBSD_SO_KEEPALIVE),
	S(SO_DONTROUTE, SO_DONTROUTE, K_BOOL, FBSD_SO_DONTROUTE),
	S(SO_BROADCAST, SO_BROADCAST, K_BOOL, FBSD_SO_BROADCAST),
	S(SO_LINGER, SO_LINGER, K_LINGER, FBSD_SO_LINGER),
	S(SO_OOBINLINE, SO_OOBINLINE, K_BOOL, FBSD_SO_OOBINLINE),
	/* XXX FreeBSD's SO_REUSEPORT lets sockets share a port, the last
	 * one bound taking unicast traffic; Linux's balances connections
	 * between them, which is FreeBSD's SO_REUSEPORT_LB. */
	S(SO_REUSEPORT, SO_REUSEPORT, K_BOOL, FBSD_SO_REUSEPORT),
	S(SO_REUSEPORT_LB, SO_REUSEPORT, K_BOOL, FBSD_SO_REUSEPORT_LB),
	S(SO_TIMESTAMP, SO_TIMESTAMP, K_BOOL, FBSD_SO_TIMESTAMP),
	S(SO_NOSIGPIPE, 0, K_NOSIGPIPE, FBSD_SO_NOSIGPIPE),
	S(SO_ACCEPTFILTER, 0, K_ACCEPTFILTER, 0),
	/* XXX Linux doubles a buffer size that is set and reads back the
	 * doubled value; FreeBSD reads back what was set. */
	S(SO_SNDBUF, SO_SNDBUF, K_INT, 0),
	S(SO_RCVBUF, SO_RCVBUF, K_INT, 0),
	/* Linux's send low-water mark is fixed at 1. */
	S(SO_SNDLOWAT, SO_SNDLOWAT, K_IGNORE, 0),
	S(SO_RCVLOWAT, SO_RCVLOWAT, K_INT, 0),
	S(SO_SNDTIMEO, SO_SNDTIMEO, K_TIMEO, 0),
	S(SO_RCVTIMEO, SO_RCVTIMEO, K_TIMEO, 0),
	S(SO_ERROR, SO_ERROR, K_ERROR, 0),
	S(SO_TYPE, SO_TYPE, K_INT, 0),		/* SOCK_STREAM ... have the same numbers */
	S(SO_PROTOCOL, SO_PROTOCOL, K_INT, 0),
	S(SO_DOMAIN, SO_DOMAIN, K_DOMAIN, 0),
	S(SO_SETFIB, 0, K_ZERO, 0),		/* one routing table: FIB 0 */
	S(SO_TS_CLOCK, 0, K_ZERO, 0),		/* SO_TS_REALTIME_MICRO, as SO_TIMESTAMP gives */
	S(SO_MAX_PACING_RATE, SO_MAX_PACING_RATE, K_INT, 0),

	/* OPTBIT options read back as 1. */
	IP(IP_OPTIONS, IP_OPTIONS, K_RAW, 0),
	IP(IP_HDRINCL, IP_HDRINCL, K_BOOL, 1),
	IP(IP_TOS, IP_TOS, K_INT, 0),
	IP(IP_TTL, IP_TTL, K_INT, 0),
	IP(IP_RECVOPTS, IP_RECVOPTS, K_BOOL, 1),
	IP(IP_RECVRETOPTS, IP_RETOPTS, K_BOOL, 1),
	/* The destination address arrives inside Linux's IP_PKTINFO. */
	IP(IP_RECVDSTADDR, IP_PKTINFO, K_BOOL, 1),
	/* in_addr or ip_mreqn; u_char or int: Linux takes the same. */
	IP(IP_MULTICAST_IF, IP_MULTICAST_IF, K_RAW, 0),
	IP(IP_MULTICAST_TTL, IP_MULTICAST_TTL, K_RAW, 0),
	IP(IP_MULTICAST_LOOP, IP_MULTICAST_LOOP, K_RAW, 0),
	IP(IP_ADD_MEMBERSHIP, IP_ADD_MEMBERSHIP, K_RAW, 0),
	IP(IP_DROP_MEMBERSHIP, IP_DROP_MEMBERSHIP, K_RAW, 0),
	/* XXX no per-socket ephemeral port range on Linux. */
	IP(IP_PORTRANGE, 0, K_IGNORE, 0),
	/* XXX binding to a non-local address only; sending from one needs
	 * IP_TRANSPARENT and CAP_NET_ADMIN. */
	IP(IP_BINDANY, IP_FREEBIND, K_BOOL, 1),
	IP(IP_RECVTTL, IP_RECVTTL, K_BOOL, 1),
	IP(IP_MINTTL, IP_MINTTL, K_INT, 0),
	IP(IP_DONTFRAG, IP_MTU_DISCOVER, K_DONTFRAG, 1),
	IP(IP_RECVTOS, IP_RECVTOS, K_BOOL, 1),
	IP(IP_ADD_SOURCE_MEMBERSHIP, IP_ADD_SOURCE_MEMBERSHIP, K_MREQ_SRC, 0),
	IP(IP_DROP_SOURCE_MEMBERSHIP, IP_DROP_SOURCE_MEMBERSHIP, K_MREQ_SRC, 0),
	IP(IP_BLOCK_SOURCE, IP_BLOCK_SOURCE, K_MREQ_SRC, 0),
	IP(IP_UNBLOCK_SOURCE, IP_UNBLOCK_SOURCE, K_MREQ_SRC, 0),

	IP6(IPV6_UNICAST_HOPS, IPV6_UNICAST_HOPS, K_INT, 0),
	IP6(IPV6_MULTICAST_IF, IPV6_MULTICAST_IF, K_INT, 0),
	IP6(IPV6_MULTICAST_HOPS, IPV6_MULTICAST_HOPS, K_INT, 0),
	IP6(IPV6_MULTICAST_LOOP, IPV6_MULTICAST_LOOP, K_INT, 0),
	IP6(IPV6_JOIN_GROUP, IPV6_ADD_MEMBERSHIP, K_RAW, 0),	/* ipv6_mreq: same */
	IP6(IPV6_LEAVE_GROUP, IPV6_DROP_MEMBERSHIP, K_RAW, 0),
	IP6(IPV6_CHECKSUM, IPV6_CHECKSUM, K_INT, 0),
	IP6(IPV6_V6ONLY, IPV6_V6ONLY, K_BOOL, 1),
	IP6(IPV6_RECVPKTINFO, IPV6_RECVPKTINFO, K_BOOL, 1),
	IP6(IPV6_RECVHOPLIMIT, IPV6_RECVHOPLIMIT, K_BOOL, 1),
	IP6(IPV6_PKTINFO, IPV6_PKTINFO, K_RAW, 0),		/* in6_pktinfo: same */
	IP6(IPV6_RECVTCLASS, IPV6_RECVTCLASS, K_BOOL, 1),
	IP6(IPV6_TCLASS, IPV6_TCLASS, K_INT, 0),
	IP6(IPV6_DONTFRAG, IPV6_DONTFRAG, K_BOOL, 1),
	IP6(IPV6_BINDANY, IPV6_FREEBIND, K_BOOL, 1),

	/* TCP flags read back as their t_flags bit. */
	TCP(TCP_NODELAY, TCP_NODELAY, K_BOOL, FBSD_TF_NODELAY),
	TCP(TCP_MAXSEG, TCP_MAXSEG, K_INT, 0),
	/* XXX TCP_CORK holds partial segments for at most 200 ms. */
	TCP(TCP_NOPUSH, TCP_CORK, K_BOOL, FBSD_TF_NOPUSH),
	TCP(TCP_CONGESTION, TCP_CONGESTION, K_RAW, 0),	/* char[16] names on both */
	TCP(TCP_KEEPIDLE, TCP_KEEPIDLE, K_INT, 0),	/* seconds on both */
	TCP(TCP_KEEPINTVL, TCP_KEEPINTVL, K_INT, 0),
	TCP(TCP_KEEPCNT, TCP_KEEPCNT, K_INT, 0),
};

/* Level 0 on an AF_UNIX socket is SOL_LOCAL. */
static const struct optmap local_opts[] = {
	{ FBSD_SOL_LOCAL, FBSD_LOCAL_PEERCRED, SOL_SOCKET, SO_PEERCRED, K_PEERCRED, 0,
	  "LOCAL_PEERCRED" },
};

/* Reports an option without a row once per (level, name). */
static void
report_unknown(int level, int name)
{
	static uint64_t seen[128];
	static uint8_t overflow;
	uint64_t key = ((uint64_t)(uint32_t)level << 32 | (uint32_t)name) + 1;
	unsigned h = (unsigned)((key * 0x9e3779b97f4a7c15ull) >> 57);

	for (unsigned i = 0; i < 128; i++) {
		uint64_t *slot = &seen[(h + i) % 128], cur = 0;
		if (__atomic_compare_exchange_n(slot, &cur, key, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
			uint8_t once = 0;
			ux_report_once(&once, "unsupported FreeBSD socket option level 0x%x name 0x%x: "
			    "ENOPROTOOPT", (unsigned)level, (unsigned)name);
			return;
		}
		if (cur == key)
			return;
	}
	ux_report_once(&overflow, "more unsupported FreeBSD socket options: no longer reported");
}

static long
sock_domain(int s)
{
	int v;
	socklen_t l = sizeof(v);
	long r = ux_sys(SYS_getsockopt, s, SOL_SOCKET, SO_DOMAIN, &v, &l);

	return r < 0 ? r : v;
}

/* The row for (level, name), NULL if none, or an error in *err. */
static const struct optmap *
lookup(int s, int level, int name, long *err)
{
	*err = 0;
	if (level == FBSD_SOL_LOCAL && name >= FBSD_LOCAL_PEERCRED && name <= FBSD_LOCAL_CONNWAIT) {
		long d = sock_domain(s);
		if (d < 0) {
			*err = d;
			return NULL;
		}
		if (d == AF_UNIX) {
			for (size_t i = 0; i < sizeof(local_opts) / sizeof(local_opts[0]); i++)
				if (local_opts[i].name == name)
					return &local_opts[i];
			return NULL;
		}
	}
	for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		if (opts[i].level == level && opts[i].name == name)
			return &opts[i];
	return NULL;
}

/* A cheap call that fails as the real one would on a bad descriptor. */
static long
check_socket(int s)
{
	long r = sock_domain(s);

	return r < 0 ? r : 0;
}

/*
 * SO_NOSIGPIPE: the inode of the socket that set it, per descriptor.  A
 * descriptor closed and reused for another socket no longer matches.
 * XXX dup()ed and received copies of the socket do not carry the flag,
 * and write(2) on the socket still raises SIGPIPE.
 */
#define NSP_MAXFD 65536
static uint64_t nsp_ino[NSP_MAXFD];
static int nsp_used;

static long
sock_ino(int fd, uint64_t *ino)
{
	struct stat st;
	long r = ux_sys(SYS_fstat, fd, &st);

	if (r < 0)
		return r;
	if (!S_ISSOCK(st.st_mode))
		return -ENOTSOCK;
	*ino = st.st_ino;
	return 0;
}

int
fbsd_sock_nosigpipe(int fd)
{
	uint64_t want, ino;

	if (!__atomic_load_n(&nsp_used, __ATOMIC_RELAXED) || fd < 0 || fd >= NSP_MAXFD)
		return 0;
	want = __atomic_load_n(&nsp_ino[fd], __ATOMIC_RELAXED);
	if (want == 0)
		return 0;
	if (sock_ino(fd, &ino) == 0 && ino == want)
		return 1;
	__atomic_compare_exchange_n(&nsp_ino[fd], &want, 0, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
	return 0;
}

static long
nosigpipe_set(int fd, int on)
{
	static uint8_t toohigh;
	uint64_t ino;
	long r = sock_ino(fd, &ino);

	if (r < 0)
		return r;
	if (fd >= NSP_MAXFD) {
		ux_report_once(&toohigh, "SO_NOSIGPIPE on descriptors above %d is not kept", NSP_MAXFD);
		return 0;
	}
	if (on)
		__atomic_store_n(&nsp_used, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&nsp_ino[fd], on ? ino : 0, __ATOMIC_RELAXED);
	return 0;
}

void
fbsd_sock_nosigpipe_inherit(int from, int to)
{
	if (fbsd_sock_nosigpipe(from))
		nosigpipe_set(to, 1);
	else if (to >= 0 && to < NSP_MAXFD)
		__atomic_store_n(&nsp_ino[to], 0, __ATOMIC_RELAXED);
}

static long
set_value(int s, const struct optmap *m, const void *val, uint32_t valsize)
{
	static uint8_t ignored[2], zero_only;
	uint8_t buf[256];
	int v;
	long r;

	switch (m->kind) {
	case K_RAW:
		if (valsize > sizeof(buf))
			return -EINVAL;
		if ((r = ux_copyin(buf, val, valsize)) < 0)
			return r;
		return ux_sys(SYS_setsockopt, s, m->llevel, m->lname, val ? buf : NULL, valsize);
	case K_LINGER:
		if (valsize < sizeof(struct fbsd_linger))
			return -EINVAL;
		if ((r = ux_copyin(buf, val, sizeof(struct fbsd_linger))) < 0)
			return r;
		return ux_sys(SYS_setsockopt, s, m->llevel, m->lname, buf, sizeof(struct fbsd_linger));
	case K_TIMEO: {
		struct fbsd_timeval tv;
		if (valsize < sizeof(tv))
			return -EINVAL;
		if ((r = ux_copyin(&tv, val, sizeof(tv))) < 0)
			return r;
		/* Linux takes a negative tv_sec as 0. */
		if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
			return -EDOM;
		return ux_sys(SYS_setsockopt, s, m->llevel, m->lname, &tv, sizeof(tv));
	}
	case K_MREQ_SRC: {
		struct fbsd_ip_mreq_source g;
		struct ip_mreq_source l;
		if (valsize < sizeof(g))
			return -EINVAL;
		if ((r = ux_copyin(&g, val, sizeof(g))) < 0)
			return r;
		l.imr_multiaddr.s_addr = g.imr_multiaddr;
		l.imr_interface.s_addr = g.imr_interface;
		l.imr_sourceaddr.s_addr = g.imr_sourceaddr;
		return ux_sys(SYS_setsockopt, s, m->llevel, m->lname, &l, sizeof(l));
	}
	case K_ACCEPTFILTER:
		if ((r = check_socket(s)) < 0)
			return r;
		if (val == NULL)
			return 0;	/* removing: there is none */
		ux_report_once(&ignored[0], "FreeBSD accept filters (SO_ACCEPTFILTER) are not "
		    "available: ENOENT, as without the accf module");
		return -ENOENT;
	case K_PEERCRED:
		return -ENOPROTOOPT;
	default:
		break;
	}

	/* The int-valued kinds: FreeBSD wants at least an int. */
	if (valsize < sizeof(int))
		return -EINVAL;
	if ((r = ux_copyin(&v, val, sizeof(v))) < 0)
		return r;
	switch (m->kind) {
	case K_BOOL:
		v = v != 0;
		break;
	case K_DONTFRAG:
		v = v ? IP_PMTUDISC_DO : IP_PMTUDISC_DONT;
		break;
	case K_NOSIGPIPE:
		return nosigpipe_set(s, v != 0);
	case K_IGNORE:
		if ((r = check_socket(s)) < 0)
			return r;
		ux_report_once(&ignored[1], "FreeBSD socket option %s is accepted and ignored", m->fname);
		return 0;
	case K_ZERO:
		if ((r = check_socket(s)) < 0)
			return r;
		if (v == 0)
			return 0;
		ux_report_once(&zero_only, "FreeBSD socket option %s: only 0 can be set", m->fname);
		return -EINVAL;
	default:
		break;
	}
	return ux_sys(SYS_setsockopt, s, m->llevel, m->lname, &v, sizeof(v));
}

long
fbsd_sys_setsockopt(struct uxcall *c, int s, int level, int name, const void *val, int valsize)
{
	const struct optmap *m;
	long r;

	if (val == NULL && valsize != 0)
		return -EFAULT;
	if (valsize < 0)
		return -EINVAL;
	if ((m = lookup(s, level, name, &r)) == NULL) {
		if (r < 0)
			return r;
		if ((r = check_socket(s)) < 0)
			return r;
		report_unknown(level, name);
		return -ENOPROTOOPT;
	}
	return set_value(s, m, val, (uint32_t)valsize);
}

/* LOCAL_PEERCRED from SO_PEERCRED (effective ids, as FreeBSD's) and
 * SO_PEERGROUPS; FreeBSD's group list starts with the effective gid. */
static long
peercred(int s, struct fbsd_xucred *x)
{
	struct ucred uc;
	uint32_t groups[64];
	socklen_t l = sizeof(uc), gl = sizeof(groups);
	long r = ux_sys(SYS_getsockopt, s, SOL_SOCKET, SO_PEERCRED, &uc, &l);
	int n = 1;

	if (r < 0)
		return r;
	if (uc.pid == 0)
		return -ENOTCONN;
	memset(x, 0, sizeof(*x));
	x->cr_version = FBSD_XUCRED_VERSION;
	x->cr_uid = uc.uid;
	x->cr_pid = uc.pid;
	x->cr_groups[0] = uc.gid;
	if (ux_sys(SYS_getsockopt, s, SOL_SOCKET, SO_PEERGROUPS, groups, &gl) == 0) {
		for (size_t i = 0; i < gl / sizeof(groups[0]) && n < 16; i++)
			if (groups[i] != uc.gid)
				x->cr_groups[n++] = groups[i];
	}
	x->cr_ngroups = (int16_t)n;
	return 0;
}

long
fbsd_sys_getsockopt(struct uxcall *c, int s, int level, int name, void *val, int *avalsize)
{
	const struct optmap *m;
	union {
		uint8_t b[256];
		int i;
		struct linger lg;
		struct fbsd_xucred xu;
	} u;
	uint32_t room = 0, glen;
	socklen_t hl;
	long r;

	if (val && (r = ux_copyin(&room, avalsize, sizeof(room))) < 0)
		return r;
	if ((int32_t)room < 0)
		return -EINVAL;
	if ((m = lookup(s, level, name, &r)) == NULL) {
		if (r < 0)
			return r;
		if ((r = check_socket(s)) < 0)
			return r;
		report_unknown(level, name);
		return -ENOPROTOOPT;
	}
	memset(&u, 0, sizeof(u));
	glen = sizeof(int);
	hl = sizeof(int);
	switch (m->kind) {
	case K_RAW:
		/* Linux shortens some values to the size asked for
		 * (IP_MULTICAST_TTL as one byte), as FreeBSD does. */
		hl = room < sizeof(u.b) ? room : sizeof(u.b);
		if ((r = ux_sys(SYS_getsockopt, s, m->llevel, m->lname, u.b, &hl)) < 0)
			return r;
		glen = hl;
		break;
	case K_LINGER:
		hl = sizeof(u.lg);
		if ((r = ux_sys(SYS_getsockopt, s, m->llevel, m->lname, &u.lg, &hl)) < 0)
			return r;
		u.lg.l_onoff = u.lg.l_onoff ? FBSD_SO_LINGER : 0;
		glen = sizeof(struct fbsd_linger);
		break;
	case K_TIMEO:
		hl = sizeof(struct fbsd_timeval);
		if ((r = ux_sys(SYS_getsockopt, s, m->llevel, m->lname, u.b, &hl)) < 0)
			return r;
		glen = sizeof(struct fbsd_timeval);
		break;
	case K_NOSIGPIPE:
		if ((r = check_socket(s)) < 0)
			return r;
		u.i = fbsd_sock_nosigpipe(s) ? (int)m->on : 0;
		break;
	case K_IGNORE:
		if (m->llevel == SOL_SOCKET && m->lname) {
			if ((r = ux_sys(SYS_getsockopt, s, m->llevel, m->lname, &u.i, &hl)) < 0)
				return r;
			break;
		}
		/* reads back the default */
		__attribute__((fallthrough));
	case K_ZERO:
		if ((r = check_socket(s)) < 0)
			return r;
		break;
	case K_ACCEPTFILTER:
		if ((r = check_socket(s)) < 0)
			return r;
		return -EINVAL;		/* none installed */
	case K_MREQ_SRC:
		return -ENOPROTOOPT;
	case K_PEERCRED:
		if ((r = peercred(s, &u.xu)) < 0)
			return r;
		glen = sizeof(u.xu);
		break;
	default:
		if ((r = ux_sys(SYS_getsockopt, s, m->llevel, m->lname, &u.i, &hl)) < 0)
			return r;
		switch (m->kind) {
		case K_BOOL:
			u.i = u.i ? (int)m->on : 0;
			break;
		case K_DONTFRAG:
			u.i = u.i == IP_PMTUDISC_DO || u.i == IP_PMTUDISC_PROBE;
			break;
		case K_ERROR:
			if (u.i > 0)
				u.i = ux_errno_to_guest(&fbsd_personality, -(long)u.i);
			break;
		case K_DOMAIN:
			u.i = linux_to_bsd_af(&fbsd_sockaddr_abi, u.i);
			break;
		default:
			break;
		}
		break;
	}
	if (glen > room)
		glen = room;
	if (glen > 0 && (r = ux_copyout(val, u.b, glen)) < 0)
		return r;
	return ux_copyout(avalsize, &glen, sizeof(glen));
}
