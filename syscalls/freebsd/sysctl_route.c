/*
 * net.routetable {4, 17, 0, AF, OP, ARG}: the interface lists FreeBSD's
 * sys/net/rtsock.c writes for sysctl, built from the host's facts.
 *
 * NET_RT_IFLIST / NET_RT_IFLISTL: per interface (ARG: one index, or 0 for
 * all) an RTM_IFINFO message (if_msghdr or if_msghdrl, with if_data and
 * the interface's sockaddr_dl), then an RTM_NEWADDR (ifa_msghdr or
 * ifa_msghdrl) per address of family AF (0: all), carrying RTA_NETMASK,
 * RTA_IFA and RTA_BRD.  The facts come from rtnetlink link and address
 * dumps.  NET_RT_IFMALIST: an RTM_NEWMADDR (ifma_msghdr) per multicast
 * membership, from /proc/net/igmp, igmp6 and dev_mcast.
 *
 * Message layout as rtsock_msg_buffer() makes it: the header, then each
 * sockaddr in RTAX order padded to SA_SIZE (a multiple of sizeof(long)),
 * then the whole message padded to ALIGN.  Structures are FreeBSD 14's
 * sys/net/if.h, as x/sys's ztypes_freebsd_amd64.go has them (if_data is
 * its private ifData; the exported IfData keeps the pre-11 field split).
 *
 * Host interfaces keep their Linux names (lo, eth0): a guest that passes
 * a name back to the host (SIOCGIFINDEX, IP_MULTICAST_IF, scope ids) must
 * name what the host has.
 */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_socket.h"
#include "syscalls/freebsd/sysctl.h"
#include "syscalls/freebsd/sysctl_route.h"

/* <sys/socket.h>, <net/route.h> */
#define FBSD_AF_MAX		42
#define FBSD_NET_RT_DUMP	1
#define FBSD_NET_RT_FLAGS	2
#define FBSD_NET_RT_IFLIST	3
#define FBSD_NET_RT_IFMALIST	4
#define FBSD_NET_RT_IFLISTL	5
#define FBSD_NET_RT_NHOP	6
#define FBSD_NET_RT_NHGRP	7
#define FBSD_RTM_VERSION	5
#define FBSD_RTM_NEWADDR	0xc
#define FBSD_RTM_IFINFO		0xe
#define FBSD_RTM_NEWMADDR	0xf
#define FBSD_RTAX_GATEWAY	1
#define FBSD_RTAX_NETMASK	2
#define FBSD_RTAX_IFP		4
#define FBSD_RTAX_IFA		5
#define FBSD_RTAX_BRD		7
#define FBSD_RTA(x)		(1 << FBSD_RTAX_##x)
#define FBSD_IFA_ROUTE		0x1	/* RTF_UP: the prefix route is in place */

/* <net/if.h> if_flags | if_drv_flags */
#define FBSD_IFF_UP		0x1
#define FBSD_IFF_BROADCAST	0x2
#define FBSD_IFF_DEBUG		0x4
#define FBSD_IFF_LOOPBACK	0x8
#define FBSD_IFF_POINTOPOINT	0x10
#define FBSD_IFF_DRV_RUNNING	0x40
#define FBSD_IFF_NOARP		0x80
#define FBSD_IFF_PROMISC	0x100
#define FBSD_IFF_ALLMULTI	0x200
#define FBSD_IFF_SIMPLEX	0x800
#define FBSD_IFF_MULTICAST	0x8000
#define FBSD_LINK_STATE_UNKNOWN	0
#define FBSD_LINK_STATE_DOWN	1
#define FBSD_LINK_STATE_UP	2

/* <net/if_types.h> */
#define FBSD_IFT_OTHER		0x1
#define FBSD_IFT_ETHER		0x6
#define FBSD_IFT_PPP		0x17
#define FBSD_IFT_LOOP		0x18
#define FBSD_IFT_PROPVIRTUAL	0x35
#define FBSD_IFT_IEEE80211	0x47
#define FBSD_IFT_TUNNEL		0x83
#define FBSD_IFT_INFINIBAND	0xc7
#define FBSD_IFT_GIF		0xf0
#define FBSD_ETHER_HDR_LEN	14

struct fbsd_if_data {
	uint8_t ifi_type;
	uint8_t ifi_physical;
	uint8_t ifi_addrlen;
	uint8_t ifi_hdrlen;
	uint8_t ifi_link_state;
	uint8_t ifi_vhid;
	uint16_t ifi_datalen;
	uint32_t ifi_mtu;
	uint32_t ifi_metric;
	uint64_t ifi_baudrate;
	uint64_t ifi_ipackets;
	uint64_t ifi_ierrors;
	uint64_t ifi_opackets;
	uint64_t ifi_oerrors;
	uint64_t ifi_collisions;
	uint64_t ifi_ibytes;
	uint64_t ifi_obytes;
	uint64_t ifi_imcasts;
	uint64_t ifi_omcasts;
	uint64_t ifi_iqdrops;
	uint64_t ifi_oqdrops;
	uint64_t ifi_noproto;
	uint64_t ifi_hwassist;
	int64_t ifi_epoch;
	uint64_t ifi_lastchange[2];	/* struct timeval */
};
_Static_assert(sizeof(struct fbsd_if_data) == 0x98, "FreeBSD if_data");
_Static_assert(offsetof(struct fbsd_if_data, ifi_mtu) == 8, "ifi_mtu");
_Static_assert(offsetof(struct fbsd_if_data, ifi_hwassist) == 120, "ifi_hwassist");

struct fbsd_if_msghdr {
	uint16_t ifm_msglen;
	uint8_t ifm_version;
	uint8_t ifm_type;
	int32_t ifm_addrs;
	int32_t ifm_flags;
	uint16_t ifm_index;
	uint16_t _ifm_spare1;
	struct fbsd_if_data ifm_data;
};
_Static_assert(sizeof(struct fbsd_if_msghdr) == 0xa8, "FreeBSD if_msghdr");
_Static_assert(offsetof(struct fbsd_if_msghdr, ifm_data) == 16, "ifm_data");

struct fbsd_if_msghdrl {
	uint16_t ifm_msglen;
	uint8_t ifm_version;
	uint8_t ifm_type;
	int32_t ifm_addrs;
	int32_t ifm_flags;
	uint16_t ifm_index;
	uint16_t _ifm_spare1;
	uint16_t ifm_len;
	uint16_t ifm_data_off;
	int32_t _ifm_spare2;
	struct fbsd_if_data ifm_data;
};
_Static_assert(sizeof(struct fbsd_if_msghdrl) == 0xb0, "FreeBSD if_msghdrl");
_Static_assert(offsetof(struct fbsd_if_msghdrl, ifm_data) == 24, "ifm_data (l)");

struct fbsd_ifa_msghdr {
	uint16_t ifam_msglen;
	uint8_t ifam_version;
	uint8_t ifam_type;
	int32_t ifam_addrs;
	int32_t ifam_flags;
	uint16_t ifam_index;
	uint16_t _ifam_spare1;
	int32_t ifam_metric;
};
_Static_assert(sizeof(struct fbsd_ifa_msghdr) == 0x14, "FreeBSD ifa_msghdr");

struct fbsd_ifa_msghdrl {
	uint16_t ifam_msglen;
	uint8_t ifam_version;
	uint8_t ifam_type;
	int32_t ifam_addrs;
	int32_t ifam_flags;
	uint16_t ifam_index;
	uint16_t _ifam_spare1;
	uint16_t ifam_len;
	uint16_t ifam_data_off;
	int32_t ifam_metric;
	struct fbsd_if_data ifam_data;
};
_Static_assert(sizeof(struct fbsd_ifa_msghdrl) == 0xb0, "FreeBSD ifa_msghdrl");
_Static_assert(offsetof(struct fbsd_ifa_msghdrl, ifam_data) == 24, "ifam_data");

struct fbsd_ifma_msghdr {
	uint16_t ifmam_msglen;
	uint8_t ifmam_version;
	uint8_t ifmam_type;
	int32_t ifmam_addrs;
	int32_t ifmam_flags;
	uint16_t ifmam_index;
	uint16_t _ifmam_spare1;
};
_Static_assert(sizeof(struct fbsd_ifma_msghdr) == 0x10, "FreeBSD ifma_msghdr");

/* <net/if_dl.h>; sdl_data may run past its declared 46 bytes. */
struct fbsd_sockaddr_dl {
	uint8_t sdl_len;
	uint8_t sdl_family;
	uint16_t sdl_index;
	uint8_t sdl_type;
	uint8_t sdl_nlen;
	uint8_t sdl_alen;
	uint8_t sdl_slen;
	char sdl_data[46];
};
_Static_assert(sizeof(struct fbsd_sockaddr_dl) == 0x36, "FreeBSD sockaddr_dl");

/* <net/route.h> SA_SIZE and <machine/param.h> ALIGN, amd64 */
#define SA_SIZE(len)	((len) == 0 ? 8u : 1u + (((unsigned)(len) - 1u) | 7u))
#define FBSD_ALIGN(n)	(((n) + 7u) & ~(size_t)7u)

/* --- host memory without malloc (the trap path keeps off it) ----------- */

struct hbuf {
	uint8_t *p;
	size_t len, cap;
};

static long
hbuf_reserve(struct hbuf *b, size_t more)
{
	size_t need = b->len + more, cap = b->cap ? b->cap : 16384;
	long r;

	if (need <= b->cap)
		return 0;
	while (cap < need)
		cap *= 2;
	if (b->p == NULL)
		r = ux_sys(SYS_mmap, 0, cap, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	else
		r = ux_sys(SYS_mremap, b->p, b->cap, cap, MREMAP_MAYMOVE);
	if (ux_is_err(r))
		return r;
	b->p = (uint8_t *)r;
	b->cap = cap;
	return 0;
}

/* n zeroed bytes at the end; NULL if memory ran out.  Earlier pointers
 * into the buffer may move. */
static void *
hbuf_add(struct hbuf *b, size_t n)
{
	void *p;

	if (hbuf_reserve(b, n) < 0)
		return NULL;
	p = b->p + b->len;
	memset(p, 0, n);
	b->len += n;
	return p;
}

static void
hbuf_free(struct hbuf *b)
{
	if (b->p != NULL)
		ux_sys(SYS_munmap, b->p, b->cap);
	memset(b, 0, sizeof(*b));
}

/* A host file whole, NUL-terminated; a missing file reads as empty. */
static long
hbuf_read_file(struct hbuf *b, const char *path)
{
	long fd = ux_sys(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC), n = 0, e;

	if (fd >= 0) {
		for (;;) {
			if ((e = hbuf_reserve(b, 4096)) < 0) {
				n = e;
				break;
			}
			n = ux_sys(SYS_read, fd, b->p + b->len, b->cap - b->len - 1);
			if (n == -EINTR)
				continue;
			if (n <= 0)
				break;
			b->len += (size_t)n;
		}
		ux_sys(SYS_close, fd);
	}
	if (n < 0)
		return n;
	if (hbuf_add(b, 1) == NULL)
		return -ENOMEM;
	b->len--;	/* the NUL stays, outside len */
	return 0;
}

/* --- the host's interfaces and addresses, from rtnetlink --------------- */

struct hlink {
	int index;
	unsigned type;		/* ARPHRD_* */
	unsigned flags;		/* Linux IFF_* */
	unsigned mtu;
	uint8_t oper;		/* IF_OPER_* */
	uint8_t alen;
	char name[IFNAMSIZ];
	uint8_t addr[32];	/* MAX_ADDR_LEN */
	struct rtnl_link_stats64 st;
};

struct haddr {
	int index;
	uint8_t family;		/* Linux AF_INET or AF_INET6 */
	uint8_t plen;
	uint8_t has_local, has_addr, has_brd;
	uint32_t flags;		/* IFA_F_* */
	/* IFA_LOCAL is the interface's own address where it differs from
	 * IFA_ADDRESS, the peer of a point-to-point link. */
	uint8_t local[16], addr[16], brd[4];
};

static long
add_link(const struct nlmsghdr *h, struct hbuf *out)
{
	const struct ifinfomsg *ifi = NLMSG_DATA(h);
	const struct rtattr *a;
	struct hlink *l;
	int left;

	if (h->nlmsg_type != RTM_NEWLINK || h->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)))
		return 0;
	if ((l = hbuf_add(out, sizeof(*l))) == NULL)
		return -ENOMEM;
	l->index = ifi->ifi_index;
	l->type = ifi->ifi_type;
	l->flags = ifi->ifi_flags;
	left = (int)IFLA_PAYLOAD(h);
	for (a = IFLA_RTA(ifi); RTA_OK(a, left); a = RTA_NEXT(a, left)) {
		size_t n = RTA_PAYLOAD(a);
		const void *v = RTA_DATA(a);

		switch (a->rta_type) {
		case IFLA_IFNAME:
			if (n > sizeof(l->name) - 1)
				n = sizeof(l->name) - 1;
			memcpy(l->name, v, n);
			l->name[strnlen(l->name, n)] = '\0';
			break;
		case IFLA_ADDRESS:
			l->alen = (uint8_t)(n < sizeof(l->addr) ? n : sizeof(l->addr));
			memcpy(l->addr, v, l->alen);
			break;
		case IFLA_MTU:
			if (n >= 4)
				memcpy(&l->mtu, v, 4);
			break;
		case IFLA_OPERSTATE:
			if (n >= 1)
				l->oper = *(const uint8_t *)v;
			break;
		case IFLA_STATS64:
			memcpy(&l->st, v, n < sizeof(l->st) ? n : sizeof(l->st));
			break;
		}
	}
	return 0;
}

static long
add_addr(const struct nlmsghdr *h, struct hbuf *out)
{
	const struct ifaddrmsg *ifa = NLMSG_DATA(h);
	const struct rtattr *a;
	struct haddr *d;
	size_t alen;
	int left;

	if (h->nlmsg_type != RTM_NEWADDR || h->nlmsg_len < NLMSG_LENGTH(sizeof(*ifa)))
		return 0;
	if (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6)
		return 0;
	alen = ifa->ifa_family == AF_INET ? 4 : 16;
	if ((d = hbuf_add(out, sizeof(*d))) == NULL)
		return -ENOMEM;
	d->index = (int)ifa->ifa_index;
	d->family = ifa->ifa_family;
	d->plen = ifa->ifa_prefixlen;
	d->flags = ifa->ifa_flags;
	left = (int)IFA_PAYLOAD(h);
	for (a = IFA_RTA(ifa); RTA_OK(a, left); a = RTA_NEXT(a, left)) {
		size_t n = RTA_PAYLOAD(a);
		const void *v = RTA_DATA(a);

		switch (a->rta_type) {
		case IFA_ADDRESS:
			if (n >= alen) {
				memcpy(d->addr, v, alen);
				d->has_addr = 1;
			}
			break;
		case IFA_LOCAL:
			if (n >= alen) {
				memcpy(d->local, v, alen);
				d->has_local = 1;
			}
			break;
		case IFA_BROADCAST:
			if (n >= 4 && alen == 4) {
				memcpy(d->brd, v, 4);
				d->has_brd = 1;
			}
			break;
		case IFA_FLAGS:
			if (n >= 4)
				memcpy(&d->flags, v, 4);
			break;
		}
	}
	if (!d->has_local && !d->has_addr)
		out->len -= sizeof(*d);
	return 0;
}

/* One rtnetlink dump (RTM_GETLINK or RTM_GETADDR, all families) through a
 * socket of its own, each message handed to add(). */
static long
nl_dump(int type, long (*add)(const struct nlmsghdr *, struct hbuf *), struct hbuf *out)
{
	struct {
		struct nlmsghdr h;
		union {
			struct ifinfomsg link;
			struct ifaddrmsg addr;
		} u;
	} req;
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct hbuf rx = { 0 };
	long fd, e;
	int done = 0;

	fd = ux_sys(SYS_socket, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		return fd;
	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = NLMSG_LENGTH(type == RTM_GETLINK ? sizeof(req.u.link) :
	    sizeof(req.u.addr));
	req.h.nlmsg_type = (uint16_t)type;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.h.nlmsg_seq = 1;
	e = ux_sys(SYS_sendto, fd, &req, req.h.nlmsg_len, 0, &kernel, sizeof(kernel));
	while (e >= 0 && !done) {
		const struct nlmsghdr *h;
		int left;
		/* A dump part is one datagram; learn its size before taking it. */
		long n = ux_sys(SYS_recvfrom, fd, NULL, 0, MSG_PEEK | MSG_TRUNC, NULL, NULL);

		if (n == -EINTR)
			continue;
		if (n < 0 || (n > 0 && (n = hbuf_reserve(&rx, (size_t)n)) < 0)) {
			e = n;
			break;
		}
		do
			n = ux_sys(SYS_recvfrom, fd, rx.p, rx.cap, 0, NULL, NULL);
		while (n == -EINTR);
		if (n <= 0) {
			e = n < 0 ? n : -EIO;
			break;
		}
		left = (int)n;
		for (h = (const void *)rx.p; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
			if (h->nlmsg_seq != 1)
				continue;
			if (h->nlmsg_type == NLMSG_DONE) {
				done = 1;
				break;
			}
			if (h->nlmsg_type == NLMSG_ERROR) {
				const struct nlmsgerr *err = NLMSG_DATA(h);
				e = err->error < 0 ? err->error : -EIO;
				break;
			}
			if ((e = add(h, out)) < 0)
				break;
		}
	}
	hbuf_free(&rx);
	ux_sys(SYS_close, fd);
	return e < 0 ? e : 0;
}

/* FreeBSD lists interfaces in attach order, which is index order. */
static void
sort_links(struct hlink *l, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct hlink t = l[i];
		size_t j = i;

		for (; j > 0 && l[j - 1].index > t.index; j--)
			l[j] = l[j - 1];
		l[j] = t;
	}
}

static long
get_links(struct hbuf *links)
{
	long e = nl_dump(RTM_GETLINK, add_link, links);

	if (e == 0)
		sort_links((struct hlink *)links->p, links->len / sizeof(struct hlink));
	return e;
}

/* --- Linux facts to FreeBSD's ------------------------------------------ */

static uint8_t
linux_to_fbsd_iftype(unsigned arphrd)
{
	switch (arphrd) {
	case ARPHRD_ETHER:
		return FBSD_IFT_ETHER;
	case ARPHRD_LOOPBACK:
		return FBSD_IFT_LOOP;
	case ARPHRD_PPP:
		return FBSD_IFT_PPP;
	case ARPHRD_TUNNEL:
	case ARPHRD_TUNNEL6:
	case ARPHRD_SIT:
		return FBSD_IFT_GIF;
	case ARPHRD_IPGRE:
	case ARPHRD_IP6GRE:
		return FBSD_IFT_TUNNEL;
	case ARPHRD_INFINIBAND:
		return FBSD_IFT_INFINIBAND;
	case ARPHRD_IEEE80211:
	case ARPHRD_IEEE80211_PRISM:
	case ARPHRD_IEEE80211_RADIOTAP:
		return FBSD_IFT_IEEE80211;
	case ARPHRD_NONE:	/* tun, wireguard: FreeBSD's tun is this */
		return FBSD_IFT_PROPVIRTUAL;
	}
	return FBSD_IFT_OTHER;
}

static int
linux_to_fbsd_ifflags(unsigned lf, uint8_t ift)
{
	static const struct { unsigned l; int f; } map[] = {
		{ IFF_UP, FBSD_IFF_UP },
		{ IFF_BROADCAST, FBSD_IFF_BROADCAST },
		{ IFF_DEBUG, FBSD_IFF_DEBUG },
		{ IFF_LOOPBACK, FBSD_IFF_LOOPBACK },
		{ IFF_POINTOPOINT, FBSD_IFF_POINTOPOINT },
		{ IFF_RUNNING, FBSD_IFF_DRV_RUNNING },
		{ IFF_NOARP, FBSD_IFF_NOARP },
		{ IFF_PROMISC, FBSD_IFF_PROMISC },
		{ IFF_ALLMULTI, FBSD_IFF_ALLMULTI },
		{ IFF_MULTICAST, FBSD_IFF_MULTICAST },
	};
	int f = 0;

	/* The rest (LOWER_UP, DORMANT, MASTER, ...) has no FreeBSD flag. */
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (lf & map[i].l)
			f |= map[i].f;
	/* FreeBSD's Ethernet drivers all say they cannot hear themselves. */
	if (ift == FBSD_IFT_ETHER)
		f |= FBSD_IFF_SIMPLEX;
	return f;
}

static uint8_t
linux_to_fbsd_link_state(uint8_t oper)
{
	switch (oper) {
	case IF_OPER_UP:
		return FBSD_LINK_STATE_UP;
	case IF_OPER_NOTPRESENT:
	case IF_OPER_DOWN:
	case IF_OPER_LOWERLAYERDOWN:
		return FBSD_LINK_STATE_DOWN;
	}
	return FBSD_LINK_STATE_UNKNOWN;
}

/* The link-level address FreeBSD would show: none on loopback and tunnels
 * (Linux gives lo an all-zero one, and IP tunnels their endpoint). */
static unsigned
lladdr_len(const struct hlink *l, uint8_t ift)
{
	if (ift != FBSD_IFT_ETHER && ift != FBSD_IFT_IEEE80211 &&
	    ift != FBSD_IFT_INFINIBAND && ift != FBSD_IFT_OTHER)
		return 0;
	for (unsigned i = 0; i < l->alen; i++)
		if (l->addr[i] != 0)
			return l->alen;
	return 0;
}

static void
fill_if_data(struct fbsd_if_data *d, const struct hlink *l, uint8_t ift)
{
	memset(d, 0, sizeof(*d));
	d->ifi_type = ift;
	d->ifi_addrlen = (uint8_t)lladdr_len(l, ift);
	d->ifi_hdrlen = ift == FBSD_IFT_ETHER ? FBSD_ETHER_HDR_LEN : 0;
	d->ifi_link_state = linux_to_fbsd_link_state(l->oper);
	d->ifi_datalen = sizeof(*d);
	d->ifi_mtu = l->mtu;
	d->ifi_ipackets = l->st.rx_packets;
	d->ifi_ierrors = l->st.rx_errors;
	d->ifi_opackets = l->st.tx_packets;
	d->ifi_oerrors = l->st.tx_errors;
	d->ifi_collisions = l->st.collisions;
	d->ifi_ibytes = l->st.rx_bytes;
	d->ifi_obytes = l->st.tx_bytes;
	d->ifi_imcasts = l->st.multicast;
	d->ifi_iqdrops = l->st.rx_dropped;
	d->ifi_oqdrops = l->st.tx_dropped;
	d->ifi_noproto = l->st.rx_nohandler;
	/* XXX Linux counts no multicasts sent and keeps the link speed
	 * (baudrate), attach time (epoch) and last change to ethtool and
	 * nowhere: those stay 0. */
}

/* --- sockaddrs, each written at p and taking SA_SIZE bytes ------------- */

static size_t
put_sdl(uint8_t *p, int index, uint8_t ift, const char *name, const uint8_t *lla,
    unsigned alen)
{
	struct fbsd_sockaddr_dl sdl;
	size_t nlen = strlen(name);
	/* if_attach(): name and address after the head, rounded to a long,
	 * and never shorter than the structure. */
	size_t len = FBSD_ALIGN(offsetof(struct fbsd_sockaddr_dl, sdl_data) + nlen + alen);

	if (len < sizeof(sdl))
		len = sizeof(sdl);
	memset(&sdl, 0, sizeof(sdl));
	sdl.sdl_len = (uint8_t)len;
	sdl.sdl_family = FBSD_AF_LINK;
	sdl.sdl_index = (uint16_t)index;
	sdl.sdl_type = ift;
	sdl.sdl_nlen = (uint8_t)nlen;
	sdl.sdl_alen = (uint8_t)alen;
	memset(p, 0, SA_SIZE(len));
	memcpy(p, &sdl, offsetof(struct fbsd_sockaddr_dl, sdl_data));
	memcpy(p + offsetof(struct fbsd_sockaddr_dl, sdl_data), name, nlen);
	memcpy(p + offsetof(struct fbsd_sockaddr_dl, sdl_data) + nlen, lla, alen);
	return SA_SIZE(len);
}

static size_t
put_ifp(uint8_t *p, const struct hlink *l)
{
	uint8_t ift = linux_to_fbsd_iftype(l->type);

	return put_sdl(p, l->index, ift, l->name, l->addr, lladdr_len(l, ift));
}

static size_t
put_sin(uint8_t *p, const uint8_t *a)
{
	struct fbsd_sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_len = sizeof(sin);
	sin.sin_family = FBSD_AF_INET;
	memcpy(&sin.sin_addr, a, 4);
	memcpy(p, &sin, sizeof(sin));
	return SA_SIZE(sizeof(sin));
}

/* sa6_recoverscope(): a link- or interface-local address carries its
 * interface as the scope id. */
static size_t
put_sin6(uint8_t *p, const uint8_t *a, int index)
{
	struct fbsd_sockaddr_in6 sin6;
	int scoped = (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) ||
	    (a[0] == 0xff && ((a[1] & 0x0f) == 0x01 || (a[1] & 0x0f) == 0x02));

	memset(&sin6, 0, sizeof(sin6));
	sin6.sin6_len = sizeof(sin6);
	sin6.sin6_family = FBSD_AF_INET6;
	memcpy(sin6.sin6_addr, a, 16);
	sin6.sin6_scope_id = scoped ? (uint32_t)index : 0;
	memset(p, 0, SA_SIZE(sizeof(sin6)));
	memcpy(p, &sin6, sizeof(sin6));
	return SA_SIZE(sizeof(sin6));
}

/* An address the kernel keeps but never set: sa_len 0, one long. */
static size_t
put_empty(uint8_t *p)
{
	memset(p, 0, SA_SIZE(0));
	return SA_SIZE(0);
}

static void
prefix_mask(uint8_t *m, unsigned plen, unsigned bytes)
{
	memset(m, 0, bytes);
	for (unsigned i = 0; i < bytes && plen > 0; i++) {
		unsigned b = plen >= 8 ? 8 : plen;
		m[i] = (uint8_t)(0xff00 >> b);
		plen -= b;
	}
}

/* --- NET_RT_IFLIST / NET_RT_IFLISTL ------------------------------------ */

/* Room for the longest message: an ifa_msghdrl with three sockaddr_in6,
 * or an if_msghdrl with a sockaddr_dl of a 15-byte name and 32-byte
 * address. */
#define MSG_MAX 512

static long
out_ifinfo(struct sreq *r, const struct hlink *l, int op)
{
	uint8_t m[MSG_MAX];
	uint8_t ift = linux_to_fbsd_iftype(l->type);
	struct fbsd_if_data d;
	size_t len;

	fill_if_data(&d, l, ift);
	memset(m, 0, sizeof(m));
	if (op == FBSD_NET_RT_IFLISTL) {
		struct fbsd_if_msghdrl h = {
			.ifm_version = FBSD_RTM_VERSION, .ifm_type = FBSD_RTM_IFINFO,
			.ifm_addrs = FBSD_RTA(IFP),
			.ifm_flags = linux_to_fbsd_ifflags(l->flags, ift),
			.ifm_index = (uint16_t)l->index,
			.ifm_len = sizeof(h),
			.ifm_data_off = offsetof(struct fbsd_if_msghdrl, ifm_data),
			.ifm_data = d,
		};
		len = FBSD_ALIGN(sizeof(h) + put_ifp(m + sizeof(h), l));
		h.ifm_msglen = (uint16_t)len;
		memcpy(m, &h, sizeof(h));
	} else {
		struct fbsd_if_msghdr h = {
			.ifm_version = FBSD_RTM_VERSION, .ifm_type = FBSD_RTM_IFINFO,
			.ifm_addrs = FBSD_RTA(IFP),
			.ifm_flags = linux_to_fbsd_ifflags(l->flags, ift),
			.ifm_index = (uint16_t)l->index,
			.ifm_data = d,
		};
		len = FBSD_ALIGN(sizeof(h) + put_ifp(m + sizeof(h), l));
		h.ifm_msglen = (uint16_t)len;
		memcpy(m, &h, sizeof(h));
	}
	return sctl_out(r, m, len);
}

/*
 * The RTA_BRD FreeBSD keeps in ifa_dstaddr.  IPv4 (in_aifaddr_ioctl): the
 * broadcast address on a broadcast interface, the peer on a point-to-point
 * one, the address itself on loopback, else a never-set sockaddr.  IPv6
 * (in6_alloc_ifa): only point-to-point and loopback interfaces have one,
 * the peer, or ::1 for ::1 (in6_ifattach_loopback).
 */
static size_t
put_brd(uint8_t *p, const struct hlink *l, const struct haddr *a, const uint8_t *self,
    int *present)
{
	int has_peer = a->has_local && a->has_addr &&
	    memcmp(a->local, a->addr, a->family == AF_INET ? 4 : 16) != 0;

	*present = 1;
	if (a->family == AF_INET) {
		uint8_t b[4], m[4];

		if (l->flags & IFF_LOOPBACK)
			return put_sin(p, self);
		if (l->flags & IFF_POINTOPOINT)
			return has_peer ? put_sin(p, a->addr) : put_empty(p);
		if (!(l->flags & IFF_BROADCAST))
			return put_empty(p);
		if (a->has_brd)
			return put_sin(p, a->brd);
		prefix_mask(m, a->plen, 4);
		for (int i = 0; i < 4; i++)
			b[i] = (uint8_t)(self[i] | ~m[i]);
		return put_sin(p, b);
	}
	if (!(l->flags & (IFF_LOOPBACK | IFF_POINTOPOINT))) {
		*present = 0;
		return 0;
	}
	if (has_peer)
		return put_sin6(p, a->addr, l->index);
	if ((l->flags & IFF_LOOPBACK) && a->plen == 128 && self[15] == 1 &&
	    memcmp(self, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 15) == 0)
		return put_sin6(p, self, l->index);
	return put_empty(p);
}

static long
out_newaddr(struct sreq *r, const struct hlink *l, const struct haddr *a, int op)
{
	uint8_t m[MSG_MAX], mask[16];
	const uint8_t *self = a->has_local ? a->local : a->addr;
	size_t hlen = op == FBSD_NET_RT_IFLISTL ? sizeof(struct fbsd_ifa_msghdrl) :
	    sizeof(struct fbsd_ifa_msghdr);
	size_t len = hlen;
	int addrs = FBSD_RTA(NETMASK) | FBSD_RTA(IFA), brd, flags = 0;

	memset(m, 0, sizeof(m));
	/* rtsock_fix_netmask(): the mask has the address's length and family. */
	if (a->family == AF_INET) {
		prefix_mask(mask, a->plen, 4);
		len += put_sin(m + len, mask);
		len += put_sin(m + len, self);
	} else {
		prefix_mask(mask, a->plen, 16);
		len += put_sin6(m + len, mask, 0);
		len += put_sin6(m + len, self, l->index);
	}
	len += put_brd(m + len, l, a, self, &brd);
	if (brd)
		addrs |= FBSD_RTA(BRD);
	len = FBSD_ALIGN(len);
	/* XXX IFA_ROUTE stands for "the prefix route is installed", which
	 * Linux does for an up interface unless told not to. */
	if ((l->flags & IFF_UP) && !(a->flags & IFA_F_NOPREFIXROUTE))
		flags = FBSD_IFA_ROUTE;
	if (op == FBSD_NET_RT_IFLISTL) {
		/* sysctl_iflist_ifaml(): per-address counters, which Linux
		 * does not keep, so only the length is set. */
		struct fbsd_ifa_msghdrl h = {
			.ifam_msglen = (uint16_t)len,
			.ifam_version = FBSD_RTM_VERSION, .ifam_type = FBSD_RTM_NEWADDR,
			.ifam_addrs = addrs, .ifam_flags = flags,
			.ifam_index = (uint16_t)l->index,
			.ifam_len = sizeof(h),
			.ifam_data_off = offsetof(struct fbsd_ifa_msghdrl, ifam_data),
			.ifam_data = { .ifi_datalen = sizeof(struct fbsd_if_data) },
		};
		memcpy(m, &h, sizeof(h));
	} else {
		struct fbsd_ifa_msghdr h = {
			.ifam_msglen = (uint16_t)len,
			.ifam_version = FBSD_RTM_VERSION, .ifam_type = FBSD_RTM_NEWADDR,
			.ifam_addrs = addrs, .ifam_flags = flags,
			.ifam_index = (uint16_t)l->index,
		};
		memcpy(m, &h, sizeof(h));
	}
	return sctl_out(r, m, len);
}

static int
fbsd_family(uint8_t linux_af)
{
	return linux_af == AF_INET ? FBSD_AF_INET : FBSD_AF_INET6;
}

/* sysctl_iflist() */
static long
iflist(struct sreq *r, unsigned af, int op, int index)
{
	struct hbuf links = { 0 }, addrs = { 0 };
	long e = get_links(&links);

	if (e == 0)
		e = nl_dump(RTM_GETADDR, add_addr, &addrs);
	for (size_t i = 0; e == 0 && i < links.len / sizeof(struct hlink); i++) {
		const struct hlink *l = (const struct hlink *)links.p + i;

		if (index != 0 && index != l->index)
			continue;
		e = out_ifinfo(r, l, op);
		/* IPv4 before IPv6, each in the host's order. */
		for (int pass = 0; pass < 2 && e == 0; pass++) {
			for (size_t j = 0; e == 0 && j < addrs.len / sizeof(struct haddr); j++) {
				const struct haddr *a = (const struct haddr *)addrs.p + j;

				if (a->index != l->index || a->family != (pass ? AF_INET6 : AF_INET))
					continue;
				if (af != 0 && af != (unsigned)fbsd_family(a->family))
					continue;
				e = out_newaddr(r, l, a, op);
			}
		}
	}
	hbuf_free(&links);
	hbuf_free(&addrs);
	return e;
}

/* --- NET_RT_IFMALIST --------------------------------------------------- */

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Up to max bytes of hex digits at s; returns the count, s moves on. */
static unsigned
parse_hex(const char **s, uint8_t *out, unsigned max)
{
	unsigned n = 0;
	const char *p = *s;

	while (n < max && hexval(p[0]) >= 0 && hexval(p[1]) >= 0) {
		out[n++] = (uint8_t)(hexval(p[0]) << 4 | hexval(p[1]));
		p += 2;
	}
	*s = p;
	return n;
}

static const char *
skip_blank(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

static const char *
skip_word(const char *p)
{
	while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n')
		p++;
	return p;
}

static const char *
next_line(const char *p)
{
	const char *nl = strchr(p, '\n');

	return nl ? nl + 1 : p + strlen(p);
}

/*
 * One RTM_NEWMADDR (sysctl_ifmalist()): RTA_GATEWAY, the link-level group
 * an IP group maps to, where the interface has one (ether_resolvemulti());
 * RTA_IFP, the interface; RTA_IFA, the group.
 */
static long
out_newmaddr(struct sreq *r, const struct hlink *l, int fam, const uint8_t *g, unsigned glen)
{
	uint8_t m[MSG_MAX], mac[6];
	uint8_t ift = linux_to_fbsd_iftype(l->type);
	size_t len = sizeof(struct fbsd_ifma_msghdr);
	int addrs = FBSD_RTA(IFP) | FBSD_RTA(IFA);
	struct fbsd_ifma_msghdr h = {
		.ifmam_version = FBSD_RTM_VERSION, .ifmam_type = FBSD_RTM_NEWMADDR,
		.ifmam_index = (uint16_t)l->index,
	};

	memset(m, 0, sizeof(m));
	if (fam != FBSD_AF_LINK && ift == FBSD_IFT_ETHER) {
		/* ETHER_MAP_IP_MULTICAST and ETHER_MAP_IPV6_MULTICAST */
		if (fam == FBSD_AF_INET) {
			memcpy(mac, "\x01\x00\x5e", 3);
			mac[3] = g[1] & 0x7f;
			mac[4] = g[2];
			mac[5] = g[3];
		} else {
			mac[0] = mac[1] = 0x33;
			memcpy(mac + 2, g + 12, 4);
		}
		len += put_sdl(m + len, l->index, FBSD_IFT_ETHER, "", mac, 6);
		addrs |= FBSD_RTA(GATEWAY);
	}
	len += put_ifp(m + len, l);
	if (fam == FBSD_AF_INET)
		len += put_sin(m + len, g);
	else if (fam == FBSD_AF_INET6)
		len += put_sin6(m + len, g, l->index);
	else
		len += put_sdl(m + len, l->index, ift, "", g, glen);
	len = FBSD_ALIGN(len);
	h.ifmam_msglen = (uint16_t)len;
	h.ifmam_addrs = addrs;
	memcpy(m, &h, sizeof(h));
	return sctl_out(r, m, len);
}

/* /proc/net/igmp: an "INDEX\tNAME : ..." line per interface, then a
 * tab-indented line per group, the group's network-order bytes printed as
 * one native-endian %08X. */
static long
igmp_groups(struct sreq *r, const struct hlink *l, const char *p)
{
	int cur = -1;
	long e = 0;

	for (; *p != '\0' && e == 0; p = next_line(p)) {
		if (*p >= '0' && *p <= '9') {
			cur = (int)strtol(p, NULL, 10);
		} else if (*p == '\t' && cur == l->index) {
			const char *s = skip_blank(p);
			char *end;
			uint32_t v = (uint32_t)strtoul(s, &end, 16);
			uint8_t g[4];

			if (end - s != 8)
				continue;
			memcpy(g, &v, 4);
			e = out_newmaddr(r, l, FBSD_AF_INET, g, 4);
		}
	}
	return e;
}

/* /proc/net/igmp6: "INDEX NAME GROUP-IN-32-HEX USERS FLAGS TIMER". */
static long
igmp6_groups(struct sreq *r, const struct hlink *l, const char *p)
{
	long e = 0;

	for (; *p != '\0' && e == 0; p = next_line(p)) {
		const char *s;
		uint8_t g[16];

		if ((int)strtol(p, NULL, 10) != l->index)
			continue;
		s = skip_blank(skip_word(skip_blank(skip_word(p))));
		if (parse_hex(&s, g, 16) == 16)
			e = out_newmaddr(r, l, FBSD_AF_INET6, g, 16);
	}
	return e;
}

/* /proc/net/dev_mcast: "INDEX NAME USERS GLOBAL-USERS ADDRESS-IN-HEX". */
static long
link_groups(struct sreq *r, const struct hlink *l, const char *p)
{
	long e = 0;

	for (; *p != '\0' && e == 0; p = next_line(p)) {
		const char *s = p;
		uint8_t g[32];
		unsigned n;

		if ((int)strtol(p, NULL, 10) != l->index)
			continue;
		for (int w = 0; w < 4; w++)
			s = skip_blank(skip_word(skip_blank(s)));
		if ((n = parse_hex(&s, g, sizeof(g))) > 0)
			e = out_newmaddr(r, l, FBSD_AF_LINK, g, n);
	}
	return e;
}

/* sysctl_ifmalist(); the memberships are whatever the host's interfaces
 * have joined, for all programs, as FreeBSD's list is. */
static long
ifmalist(struct sreq *r, unsigned af, int index)
{
	struct hbuf links = { 0 }, v4 = { 0 }, v6 = { 0 }, ll = { 0 };
	long e = get_links(&links);

	if (e == 0 && (af == 0 || af == FBSD_AF_INET))
		e = hbuf_read_file(&v4, "/proc/net/igmp");
	if (e == 0 && (af == 0 || af == FBSD_AF_INET6))
		e = hbuf_read_file(&v6, "/proc/net/igmp6");
	if (e == 0 && (af == 0 || af == FBSD_AF_LINK))
		e = hbuf_read_file(&ll, "/proc/net/dev_mcast");
	for (size_t i = 0; e == 0 && i < links.len / sizeof(struct hlink); i++) {
		const struct hlink *l = (const struct hlink *)links.p + i;

		if (index != 0 && index != l->index)
			continue;
		if (v4.p != NULL)
			e = igmp_groups(r, l, (const char *)v4.p);
		if (e == 0 && v6.p != NULL)
			e = igmp6_groups(r, l, (const char *)v6.p);
		if (e == 0 && ll.p != NULL)
			e = link_groups(r, l, (const char *)ll.p);
	}
	hbuf_free(&links);
	hbuf_free(&v4);
	hbuf_free(&v6);
	hbuf_free(&ll);
	return e;
}

/* --- the node ---------------------------------------------------------- */

static uint8_t routes_reported;

/* sysctl_rtsock(): arg is {protocol, af, op, op's argument[, fib]}. */
long
h_net_routetable(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	unsigned af;
	int op;

	if (narg < 3)
		return -EINVAL;
	arg++;		/* the protocol, unused */
	narg--;
	if (r->new != 0)
		return -EPERM;
	op = arg[1];
	if (op == FBSD_NET_RT_DUMP || op == FBSD_NET_RT_NHOP || op == FBSD_NET_RT_NHGRP) {
		if (narg != 3 && narg != 4)
			return narg < 3 ? -EISDIR : -ENOTDIR;
	} else if (narg != 3) {
		return narg < 3 ? -EISDIR : -ENOTDIR;
	}
	af = (uint8_t)arg[0];
	if (af > FBSD_AF_MAX)
		return -EINVAL;
	switch (op) {
	case FBSD_NET_RT_IFLIST:
	case FBSD_NET_RT_IFLISTL:
		return iflist(r, af, op, arg[2]);
	case FBSD_NET_RT_IFMALIST:
		return ifmalist(r, af, arg[2]);
	case FBSD_NET_RT_DUMP:
	case FBSD_NET_RT_FLAGS:
	case FBSD_NET_RT_NHOP:
	case FBSD_NET_RT_NHGRP:
		ux_report_once(&routes_reported, "unsupported FreeBSD sysctl "
		    "net.routetable operation %d (routing tables): returning ENOENT", op);
		return -ENOENT;
	}
	/* An operation the kernel does not know gives an empty answer. */
	return 0;
}
