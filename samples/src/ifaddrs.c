/*
 * The host's network interfaces and their addresses, asked the native way:
 * the routing sysctl {CTL_NET, PF_ROUTE, 0, af, NET_RT_IFLIST, index} on
 * FreeBSD, getifaddrs(3) and SIOCGIFMTU on Linux (multicast groups: the
 * routing sysctl's NET_RT_IFMALIST against /proc/net/igmp and igmp6).
 * Both print the same sorted facts, so under uxrun this checks that the
 * FreeBSD messages describe the real host.
 *
 *   ifaddrs [loopback | listl | inet | inet6 | multicast]
 *
 * loopback: only up loopback interfaces, each asked for by its index;
 * listl: the NET_RT_IFLISTL message layout; inet, inet6: one family's
 * addresses; multicast: the loopback interfaces' IP multicast groups.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#ifdef __FreeBSD__
#include <sys/sysctl.h>
#include <net/if.h>
#include <net/if_dl.h>
#include <net/if_types.h>
#include <net/route.h>
#else
#include <ifaddrs.h>
#include <unistd.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <linux/if_packet.h>
#include <sys/ioctl.h>
#endif

#ifdef __FreeBSD__
#define OP_LIST		NET_RT_IFLIST
#define OP_LISTL	NET_RT_IFLISTL
#define FAM_INET	AF_INET
#define FAM_INET6	AF_INET6
#else
#define OP_LIST		0
#define OP_LISTL	1
#define FAM_INET	4
#define FAM_INET6	6
#endif

/* The flags both systems have, in a numbering of this program's own. */
#define F_UP		0x1
#define F_BROADCAST	0x2
#define F_LOOPBACK	0x4
#define F_P2P		0x8
#define F_MULTICAST	0x10
#define F_RUNNING	0x20

struct iface {
	int index;
	char name[64];
	unsigned flags;		/* F_* */
	long mtu;
	int hwlen;		/* Ethernet address, when the interface has one */
	unsigned char hw[6];
};

struct addr {
	int index;
	int family;		/* 4 or 6 */
	unsigned char ip[16];
	unsigned char mask[16];	/* unicast only */
	unsigned scope;
};

static struct iface ifs[256];
static int nifs;
static struct addr addrs[1024];
static int naddrs;

static struct iface *
find_iface(int index)
{
	for (int i = 0; i < nifs; i++)
		if (ifs[i].index == index)
			return &ifs[i];
	return NULL;
}

static struct addr *
new_addr(void)
{
	if (naddrs == (int)(sizeof(addrs) / sizeof(addrs[0])))
		return NULL;
	memset(&addrs[naddrs], 0, sizeof(addrs[0]));
	return &addrs[naddrs++];
}

/* --- FreeBSD: the routing sysctl ---------------------------------------- */
#ifdef __FreeBSD__

static unsigned
from_iff(int f)
{
	return (f & IFF_UP ? F_UP : 0) | (f & IFF_BROADCAST ? F_BROADCAST : 0) |
	    (f & IFF_LOOPBACK ? F_LOOPBACK : 0) | (f & IFF_POINTOPOINT ? F_P2P : 0) |
	    (f & IFF_MULTICAST ? F_MULTICAST : 0) | (f & IFF_RUNNING ? F_RUNNING : 0);
}

/* The table the kernel builds; NULL on failure, with a message. */
static char *
rib(int af, int op, int index, size_t *lenp)
{
	int mib[6] = { CTL_NET, PF_ROUTE, 0, af, op, index };
	size_t len = 0;
	char *buf;

	if (sysctl(mib, 6, NULL, &len, NULL, 0) != 0) {
		fprintf(stderr, "sysctl size: error %d\n", errno);
		return NULL;
	}
	buf = malloc(len + 1);
	if (buf == NULL || sysctl(mib, 6, buf, &len, NULL, 0) != 0) {
		fprintf(stderr, "sysctl: error %d\n", errno);
		return NULL;
	}
	*lenp = len;
	return buf;
}

/* Walks the sockaddrs after a header; sa[RTAX_*] for those present. */
static int
split_addrs(const char *p, const char *end, int bits, const struct sockaddr **sa)
{
	for (int i = 0; i < RTAX_MAX; i++) {
		sa[i] = NULL;
		if (!(bits & (1 << i)))
			continue;
		if (p >= end) {
			printf("sockaddr %d missing\n", i);
			return -1;
		}
		sa[i] = (const struct sockaddr *)p;
		p += SA_SIZE(sa[i]);
	}
	if (p > end) {
		printf("sockaddrs overrun the message\n");
		return -1;
	}
	return 0;
}

static void
take_ip(struct addr *a, const struct sockaddr *ip, const struct sockaddr *mask)
{
	if (ip->sa_family == AF_INET) {
		a->family = 4;
		memcpy(a->ip, &((const struct sockaddr_in *)ip)->sin_addr, 4);
		if (mask != NULL)
			memcpy(a->mask, &((const struct sockaddr_in *)mask)->sin_addr, 4);
	} else {
		a->family = 6;
		memcpy(a->ip, &((const struct sockaddr_in6 *)ip)->sin6_addr, 16);
		a->scope = ((const struct sockaddr_in6 *)ip)->sin6_scope_id;
		if (mask != NULL)
			memcpy(a->mask, &((const struct sockaddr_in6 *)mask)->sin6_addr, 16);
	}
}

static int
collect(int af, int op, int index)
{
	size_t len;
	char *buf = rib(af, op, index, &len), *p;

	if (buf == NULL)
		return -1;
	for (p = buf; p < buf + len; ) {
		const struct if_msghdr *m = (const struct if_msghdr *)p;
		const char *end = p + m->ifm_msglen;
		const struct sockaddr *sa[RTAX_MAX];

		if (m->ifm_msglen < 4 || end > buf + len || m->ifm_version != RTM_VERSION) {
			printf("bad message at %ld\n", (long)(p - buf));
			return -1;
		}
		if ((m->ifm_msglen & 7) != 0)
			printf("message length %u not a multiple of 8\n", m->ifm_msglen);
		if (m->ifm_type == RTM_IFINFO) {
			const struct if_data *d;
			const struct sockaddr_dl *sdl;
			struct iface *f;
			size_t body;

			if (op == NET_RT_IFLISTL) {
				const struct if_msghdrl *ml = (const struct if_msghdrl *)p;
				d = (const struct if_data *)(p + ml->ifm_data_off);
				body = ml->ifm_len;
			} else {
				d = &m->ifm_data;
				body = sizeof(*m);
			}
			if (d->ifi_datalen != sizeof(*d))
				printf("ifi_datalen %u\n", d->ifi_datalen);
			if (split_addrs(p + body, end, m->ifm_addrs, sa) != 0)
				return -1;
			sdl = (const struct sockaddr_dl *)sa[RTAX_IFP];
			if (sdl == NULL || sdl->sdl_family != AF_LINK ||
			    sdl->sdl_index != m->ifm_index || nifs == 256) {
				printf("interface %u without its sockaddr_dl\n", m->ifm_index);
				return -1;
			}
			f = &ifs[nifs++];
			memset(f, 0, sizeof(*f));
			f->index = m->ifm_index;
			memcpy(f->name, sdl->sdl_data, sdl->sdl_nlen);
			f->flags = from_iff(m->ifm_flags);
			f->mtu = d->ifi_mtu;
			if (d->ifi_type == IFT_ETHER && sdl->sdl_alen == 6) {
				f->hwlen = 6;
				memcpy(f->hw, CLLADDR(sdl), 6);
			}
		} else if (m->ifm_type == RTM_NEWADDR) {
			const struct ifa_msghdr *am = (const struct ifa_msghdr *)p;
			size_t body = op == NET_RT_IFLISTL ?
			    ((const struct ifa_msghdrl *)p)->ifam_len : sizeof(*am);
			struct addr *a;

			if (split_addrs(p + body, end, am->ifam_addrs, sa) != 0)
				return -1;
			if (sa[RTAX_IFA] == NULL || sa[RTAX_NETMASK] == NULL ||
			    (a = new_addr()) == NULL) {
				printf("address without RTA_IFA and RTA_NETMASK\n");
				return -1;
			}
			a->index = am->ifam_index;
			take_ip(a, sa[RTAX_IFA], sa[RTAX_NETMASK]);
		} else if (m->ifm_type == RTM_NEWMADDR) {
			const struct ifma_msghdr *mm = (const struct ifma_msghdr *)p;
			struct addr *a;

			if (split_addrs(p + sizeof(*mm), end, mm->ifmam_addrs, sa) != 0)
				return -1;
			if (sa[RTAX_IFA] == NULL) {
				printf("group without RTA_IFA\n");
				return -1;
			}
			if (sa[RTAX_IFA]->sa_family != AF_INET && sa[RTAX_IFA]->sa_family != AF_INET6)
				goto next;	/* link-level groups: Linux keeps those apart */
			if ((a = new_addr()) == NULL)
				return -1;
			a->index = mm->ifmam_index;
			take_ip(a, sa[RTAX_IFA], NULL);
		}
next:
		p = (char *)end;
	}
	free(buf);
	return 0;
}

static int
get_interfaces(int af, int op, int index)
{
	return collect(af, op, index);
}

static int
get_groups(int index)
{
	return collect(0, NET_RT_IFMALIST, index);
}

/* --- Linux: getifaddrs, ioctl and procfs -------------------------------- */
#else

static unsigned
from_iff(unsigned f)
{
	return (f & IFF_UP ? F_UP : 0) | (f & IFF_BROADCAST ? F_BROADCAST : 0) |
	    (f & IFF_LOOPBACK ? F_LOOPBACK : 0) | (f & IFF_POINTOPOINT ? F_P2P : 0) |
	    (f & IFF_MULTICAST ? F_MULTICAST : 0) | (f & IFF_RUNNING ? F_RUNNING : 0);
}

/* An IPv4 label ("eth0:1") names its interface before the colon. */
static int
index_of(const char *label)
{
	char name[IF_NAMESIZE + 1];

	snprintf(name, sizeof(name), "%s", label);
	name[strcspn(name, ":")] = '\0';
	return (int)if_nametoindex(name);
}

static int
get_interfaces(int af, int op, int index)
{
	struct ifaddrs *all, *i;
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	(void)op;
	if (getifaddrs(&all) != 0 || s < 0) {
		fprintf(stderr, "getifaddrs: error %d\n", errno);
		return -1;
	}
	for (i = all; i != NULL; i = i->ifa_next) {
		const struct sockaddr_ll *ll = (const struct sockaddr_ll *)i->ifa_addr;
		struct ifreq ifr;
		struct iface *f;

		if (ll == NULL || ll->sll_family != AF_PACKET)
			continue;
		if (index != 0 && ll->sll_ifindex != index)
			continue;
		if (nifs == 256)
			return -1;
		f = &ifs[nifs++];
		memset(f, 0, sizeof(*f));
		f->index = ll->sll_ifindex;
		snprintf(f->name, sizeof(f->name), "%s", i->ifa_name);
		f->flags = from_iff(i->ifa_flags);
		memset(&ifr, 0, sizeof(ifr));
		snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", i->ifa_name);
		f->mtu = ioctl(s, SIOCGIFMTU, &ifr) == 0 ? ifr.ifr_mtu : -1;
		if (ll->sll_hatype == ARPHRD_ETHER && ll->sll_halen == 6 &&
		    memcmp(ll->sll_addr, "\0\0\0\0\0", 6) != 0) {
			f->hwlen = 6;
			memcpy(f->hw, ll->sll_addr, 6);
		}
	}
	for (i = all; i != NULL; i = i->ifa_next) {
		struct addr *a;
		int fam = i->ifa_addr ? i->ifa_addr->sa_family : -1;

		if (fam != AF_INET && fam != AF_INET6)
			continue;
		if ((af == 4 && fam != AF_INET) || (af == 6 && fam != AF_INET6))
			continue;
		if (index != 0 && index_of(i->ifa_name) != index)
			continue;
		if ((a = new_addr()) == NULL)
			return -1;
		a->index = index_of(i->ifa_name);
		if (fam == AF_INET) {
			a->family = 4;
			memcpy(a->ip, &((struct sockaddr_in *)i->ifa_addr)->sin_addr, 4);
			memcpy(a->mask, &((struct sockaddr_in *)i->ifa_netmask)->sin_addr, 4);
		} else {
			a->family = 6;
			memcpy(a->ip, &((struct sockaddr_in6 *)i->ifa_addr)->sin6_addr, 16);
			memcpy(a->mask, &((struct sockaddr_in6 *)i->ifa_netmask)->sin6_addr, 16);
			a->scope = ((struct sockaddr_in6 *)i->ifa_addr)->sin6_scope_id;
		}
	}
	freeifaddrs(all);
	close(s);
	return 0;
}

static int
hexdigit(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* /proc/net/igmp (a line per interface, then tab-indented groups printed
 * as a native-endian number) and /proc/net/igmp6 (index, name, group). */
static int
get_groups(int index)
{
	char line[256];
	FILE *f = fopen("/proc/net/igmp", "r");
	int cur = -1;

	if (f != NULL) {
		while (fgets(line, sizeof(line), f) != NULL) {
			struct addr *a;
			unsigned int v;

			if (line[0] >= '0' && line[0] <= '9') {
				cur = atoi(line);
				continue;
			}
			if (line[0] != '\t' || cur != index)
				continue;
			v = (unsigned int)strtoul(line + strspn(line, "\t "), NULL, 16);
			if ((a = new_addr()) == NULL)
				return -1;
			a->index = cur;
			a->family = 4;
			memcpy(a->ip, &v, 4);
		}
		fclose(f);
	}
	if ((f = fopen("/proc/net/igmp6", "r")) == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		char name[64], hex[64];
		struct addr *a;
		int idx;

		if (sscanf(line, "%d %63s %63s", &idx, name, hex) != 3 || idx != index ||
		    strlen(hex) != 32)
			continue;
		if ((a = new_addr()) == NULL)
			return -1;
		a->index = idx;
		a->family = 6;
		for (int k = 0; k < 16; k++)
			a->ip[k] = (unsigned char)(hexdigit(hex[2 * k]) << 4 | hexdigit(hex[2 * k + 1]));
		/* Interface- and link-local groups carry their interface. */
		if (a->ip[0] == 0xff && ((a->ip[1] & 0xf) == 1 || (a->ip[1] & 0xf) == 2))
			a->scope = (unsigned)idx;
	}
	fclose(f);
	return 0;
}

#endif

/* --- the same output from both ----------------------------------------- */

static int
by_index(const void *a, const void *b)
{
	return ((const struct iface *)a)->index - ((const struct iface *)b)->index;
}

static int
by_addr(const void *x, const void *y)
{
	const struct addr *a = x, *b = y;

	if (a->index != b->index)
		return a->index - b->index;
	if (a->family != b->family)
		return a->family - b->family;
	return memcmp(a->ip, b->ip, 16);
}

/* RFC 5952 text: the longest run of two or more zero groups as "::". */
static void
ip6_text(const unsigned char *ip, char *out, size_t size)
{
	int best = -1, bestlen = 1, at = 0;
	size_t o = 0;

	for (int i = 0; i < 8; i++) {
		int n = 0;

		while (i + n < 8 && ip[2 * (i + n)] == 0 && ip[2 * (i + n) + 1] == 0)
			n++;
		if (n > bestlen) {
			best = i;
			bestlen = n;
		}
	}
	out[0] = '\0';
	for (at = 0; at < 8 && o < size; at++) {
		if (at == best) {
			o += (size_t)snprintf(out + o, size - o, "::");
			at += bestlen - 1;
			continue;
		}
		o += (size_t)snprintf(out + o, size - o, "%s%x",
		    o > 0 && out[o - 1] != ':' ? ":" : "", ip[2 * at] << 8 | ip[2 * at + 1]);
	}
}

static int
prefix_len(const unsigned char *m, int bytes)
{
	int n = 0;

	for (int i = 0; i < bytes; i++)
		for (int b = 7; b >= 0 && (m[i] >> b & 1); b--)
			n++;
	return n;
}

static void
print_addr(const struct addr *a, int with_mask)
{
	char text[64];

	if (a->family == 4) {
		printf("  inet %u.%u.%u.%u", a->ip[0], a->ip[1], a->ip[2], a->ip[3]);
		if (with_mask)
			printf(" netmask %u.%u.%u.%u", a->mask[0], a->mask[1], a->mask[2],
			    a->mask[3]);
	} else {
		ip6_text(a->ip, text, sizeof(text));
		printf("  inet6 %s", text);
		if (with_mask)
			printf(" prefixlen %d", prefix_len(a->mask, 16));
	}
	if (a->scope != 0)
		printf(" scopeid %u", a->scope);
	printf("\n");
}

static void
print_iface(const struct iface *f)
{
	static const char *names[] = { "up", "broadcast", "loopback", "pointopoint",
	    "multicast", "running" };
	const char *sep = "";

	printf("%s: index %d flags <", f->name, f->index);
	for (int b = 0; b < 6; b++) {
		if (f->flags & (1u << b)) {
			printf("%s%s", sep, names[b]);
			sep = ",";
		}
	}
	printf("> mtu %ld", f->mtu);
	if (f->hwlen == 6)
		printf(" ether %02x:%02x:%02x:%02x:%02x:%02x", f->hw[0], f->hw[1], f->hw[2],
		    f->hw[3], f->hw[4], f->hw[5]);
	printf("\n");
}

static void
print_all(int with_masks)
{
	qsort(ifs, (size_t)nifs, sizeof(ifs[0]), by_index);
	qsort(addrs, (size_t)naddrs, sizeof(addrs[0]), by_addr);
	for (int i = 0; i < nifs; i++) {
		print_iface(&ifs[i]);
		for (int j = 0; j < naddrs; j++)
			if (addrs[j].index == ifs[i].index)
				print_addr(&addrs[j], with_masks);
	}
	for (int j = 0; j < naddrs; j++)
		if (find_iface(addrs[j].index) == NULL)
			printf("address on unknown interface %d\n", addrs[j].index);
}

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	int loops[16], nloops = 0;

	setvbuf(stdout, NULL, _IOFBF, 0);
	if (strcmp(mode, "inet") == 0 || strcmp(mode, "inet6") == 0) {
		if (get_interfaces(mode[4] == '6' ? FAM_INET6 : FAM_INET, OP_LIST, 0) != 0)
			return 1;
		print_all(1);
		return 0;
	}
	if (strcmp(mode, "") == 0 || strcmp(mode, "listl") == 0) {
		if (get_interfaces(0, mode[0] ? OP_LISTL : OP_LIST, 0) != 0)
			return 1;
		print_all(1);
		return 0;
	}
	if (strcmp(mode, "loopback") != 0 && strcmp(mode, "multicast") != 0) {
		fprintf(stderr, "usage: ifaddrs [loopback | listl | inet | inet6 | multicast]\n");
		return 2;
	}
	/* Find the loopback interfaces, then ask for each by its index. */
	if (get_interfaces(0, OP_LIST, 0) != 0)
		return 1;
	for (int i = 0; i < nifs && nloops < 16; i++)
		if ((ifs[i].flags & (F_UP | F_LOOPBACK)) == (F_UP | F_LOOPBACK))
			loops[nloops++] = ifs[i].index;
	nifs = naddrs = 0;
	printf("%d loopback interface%s\n", nloops, nloops == 1 ? "" : "s");
	for (int i = 0; i < nloops; i++) {
		int keep = naddrs;

		if (get_interfaces(0, OP_LIST, loops[i]) != 0)
			return 1;
		if (mode[0] == 'm') {
			naddrs = keep;
			if (get_groups(loops[i]) != 0)
				return 1;
		}
	}
	print_all(mode[0] != 'm');
	return 0;
}
