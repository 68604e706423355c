/*
 * uxrun FreeBSD SDK: Internet addresses and IP-level options, FreeBSD 14
 * amd64 values (zerrors_freebsd_amd64.go, netinet/in.h, netinet6/in6.h).
 */
#ifndef _UXRT_NETINET_IN_H
#define _UXRT_NETINET_IN_H

#include <sys/types.h>

#ifndef _UXRT_SOCKLEN_T
#define _UXRT_SOCKLEN_T
typedef uint32_t socklen_t;
typedef uint8_t sa_family_t;
#endif
typedef uint32_t in_addr_t;
typedef uint16_t in_port_t;

#define IPPROTO_IP	0
#define IPPROTO_ICMP	1
#define IPPROTO_TCP	6
#define IPPROTO_UDP	17
#define IPPROTO_IPV6	41
#define IPPROTO_ICMPV6	58
#define IPPROTO_RAW	255

#define INADDR_ANY	((in_addr_t)0x00000000)
#define INADDR_LOOPBACK	((in_addr_t)0x7f000001)

struct in_addr {
	in_addr_t s_addr;
};

struct sockaddr_in {
	uint8_t sin_len;
	sa_family_t sin_family;
	in_port_t sin_port;
	struct in_addr sin_addr;
	char sin_zero[8];
};

struct in6_addr {
	uint8_t s6_addr[16];
};

struct sockaddr_in6 {
	uint8_t sin6_len;
	sa_family_t sin6_family;
	in_port_t sin6_port;
	uint32_t sin6_flowinfo;
	struct in6_addr sin6_addr;
	uint32_t sin6_scope_id;
};

#define IN6ADDR_LOOPBACK_INIT	{{ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }}
extern const struct in6_addr in6addr_loopback;

#define IP_OPTIONS		1
#define IP_HDRINCL		2
#define IP_TOS			3
#define IP_TTL			4
#define IP_RECVOPTS		5
#define IP_RECVDSTADDR		7
#define IP_MULTICAST_IF		9
#define IP_MULTICAST_TTL	10
#define IP_MULTICAST_LOOP	11
#define IP_ADD_MEMBERSHIP	12
#define IP_DROP_MEMBERSHIP	13
#define IP_RECVTTL		65
#define IP_MINTTL		66
#define IP_DONTFRAG		67
#define IP_RECVTOS		68

#define IPV6_UNICAST_HOPS	4
#define IPV6_MULTICAST_IF	9
#define IPV6_MULTICAST_HOPS	10
#define IPV6_MULTICAST_LOOP	11
#define IPV6_JOIN_GROUP		12
#define IPV6_LEAVE_GROUP	13
#define IPV6_V6ONLY		27
#define IPV6_RECVPKTINFO	36
#define IPV6_RECVHOPLIMIT	37
#define IPV6_PKTINFO		46
#define IPV6_HOPLIMIT		47
#define IPV6_RECVTCLASS		57
#define IPV6_TCLASS		61

/* amd64 is little-endian. */
#define htons(x)	__builtin_bswap16((uint16_t)(x))
#define ntohs(x)	__builtin_bswap16((uint16_t)(x))
#define htonl(x)	__builtin_bswap32((uint32_t)(x))
#define ntohl(x)	__builtin_bswap32((uint32_t)(x))

#endif
