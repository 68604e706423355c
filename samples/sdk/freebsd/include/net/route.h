/*
 * uxrun FreeBSD SDK: the routing socket's message types, address bits and
 * sysctl operations, FreeBSD 14 amd64 (sys/net/route.h, zerrors_freebsd_amd64.go).
 * The interface messages themselves are in <net/if.h>.
 */
#ifndef _UXRT_NET_ROUTE_H
#define _UXRT_NET_ROUTE_H

#include <sys/types.h>

#define RTM_VERSION	5

#define RTM_ADD		0x1
#define RTM_DELETE	0x2
#define RTM_CHANGE	0x3
#define RTM_GET		0x4
#define RTM_LOSING	0x5
#define RTM_REDIRECT	0x6
#define RTM_MISS	0x7
#define RTM_LOCK	0x8
#define RTM_RESOLVE	0xb
#define RTM_NEWADDR	0xc
#define RTM_DELADDR	0xd
#define RTM_IFINFO	0xe
#define RTM_NEWMADDR	0xf
#define RTM_DELMADDR	0x10
#define RTM_IFANNOUNCE	0x11
#define RTM_IEEE80211	0x12

/* which sockaddrs follow a message header, in this order */
#define RTAX_DST	0
#define RTAX_GATEWAY	1
#define RTAX_NETMASK	2
#define RTAX_GENMASK	3
#define RTAX_IFP	4
#define RTAX_IFA	5
#define RTAX_AUTHOR	6
#define RTAX_BRD	7
#define RTAX_MAX	8
#define RTA_DST		0x1
#define RTA_GATEWAY	0x2
#define RTA_NETMASK	0x4
#define RTA_GENMASK	0x8
#define RTA_IFP		0x10
#define RTA_IFA		0x20
#define RTA_AUTHOR	0x40
#define RTA_BRD		0x80

/* sysctl {CTL_NET, PF_ROUTE, 0, af, NET_RT_*, arg} */
#define NET_RT_DUMP	1
#define NET_RT_FLAGS	2
#define NET_RT_IFLIST	3
#define NET_RT_IFMALIST	4
#define NET_RT_IFLISTL	5

/* Each sockaddr takes its length rounded up to a long; none is 0 bytes. */
#define SA_SIZE(sa) \
	(((struct sockaddr *)(sa))->sa_len == 0 ? sizeof(long) : \
	 1 + ((((struct sockaddr *)(sa))->sa_len - 1) | (sizeof(long) - 1)))

#endif
