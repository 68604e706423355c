/*
 * FreeBSD/amd64 sockets as a FreeBSD 14 guest sees them: address
 * families, socket types, option levels and names, message flags,
 * control messages and the structures they carry.  Values from Go's
 * zerrors/ztypes_freebsd_amd64.go where it has them, else from FreeBSD's
 * sys/socket.h, sys/un.h, netinet/in.h, netinet6/in6.h, netinet/tcp.h
 * and tcp_var.h.  Also the few helpers the socket handler files share.
 */
#ifndef FBSD_SOCKET_H
#define FBSD_SOCKET_H

#include <stddef.h>
#include <stdint.h>

#include "syscalls/bsd_sockaddr.h"

/* Address families; AF_INET6 is 28 here, 10 on Linux. */
#define FBSD_AF_UNSPEC		0
#define FBSD_AF_UNIX		1
#define FBSD_AF_INET		2
#define FBSD_AF_ROUTE		17
#define FBSD_AF_LINK		18
#define FBSD_AF_INET6		28
#define FBSD_AF_NETLINK		38
#define FBSD_SOCK_MAXADDRLEN	255

/* socket(2) types and the flags or-ed into them */
#define FBSD_SOCK_STREAM	1
#define FBSD_SOCK_DGRAM		2
#define FBSD_SOCK_RAW		3
#define FBSD_SOCK_RDM		4
#define FBSD_SOCK_SEQPACKET	5
#define FBSD_SOCK_CLOEXEC	0x10000000
#define FBSD_SOCK_NONBLOCK	0x20000000

#define FBSD_SHUT_RD		0
#define FBSD_SHUT_WR		1
#define FBSD_SHUT_RDWR		2

/* Option levels.  Level 0 is IPPROTO_IP, and SOL_LOCAL on AF_UNIX. */
#define FBSD_SOL_SOCKET		0xffff
#define FBSD_SOL_LOCAL		0
#define FBSD_IPPROTO_IP		0
#define FBSD_IPPROTO_TCP	6
#define FBSD_IPPROTO_UDP	17
#define FBSD_IPPROTO_IPV6	41
#define FBSD_IPPROTO_ICMPV6	58
#define FBSD_IPPROTO_RAW	255

/* SOL_SOCKET options.  The boolean ones read back as their own bit. */
#define FBSD_SO_DEBUG		0x00000001
#define FBSD_SO_ACCEPTCONN	0x00000002
#define FBSD_SO_REUSEADDR	0x00000004
#define FBSD_SO_KEEPALIVE	0x00000008
#define FBSD_SO_DONTROUTE	0x00000010
#define FBSD_SO_BROADCAST	0x00000020
#define FBSD_SO_USELOOPBACK	0x00000040
#define FBSD_SO_LINGER		0x00000080
#define FBSD_SO_OOBINLINE	0x00000100
#define FBSD_SO_REUSEPORT	0x00000200
#define FBSD_SO_TIMESTAMP	0x00000400
#define FBSD_SO_NOSIGPIPE	0x00000800
#define FBSD_SO_ACCEPTFILTER	0x00001000
#define FBSD_SO_BINTIME		0x00002000
#define FBSD_SO_NO_OFFLOAD	0x00004000
#define FBSD_SO_NO_DDP		0x00008000
#define FBSD_SO_REUSEPORT_LB	0x00010000
#define FBSD_SO_RERROR		0x00020000
#define FBSD_SO_SNDBUF		0x1001
#define FBSD_SO_RCVBUF		0x1002
#define FBSD_SO_SNDLOWAT	0x1003
#define FBSD_SO_RCVLOWAT	0x1004
#define FBSD_SO_SNDTIMEO	0x1005
#define FBSD_SO_RCVTIMEO	0x1006
#define FBSD_SO_ERROR		0x1007
#define FBSD_SO_TYPE		0x1008
#define FBSD_SO_LABEL		0x1009
#define FBSD_SO_PEERLABEL	0x1010
#define FBSD_SO_LISTENQLIMIT	0x1011
#define FBSD_SO_LISTENQLEN	0x1012
#define FBSD_SO_LISTENINCQLEN	0x1013
#define FBSD_SO_SETFIB		0x1014
#define FBSD_SO_USER_COOKIE	0x1015
#define FBSD_SO_PROTOCOL	0x1016
#define FBSD_SO_TS_CLOCK	0x1017
#define FBSD_SO_MAX_PACING_RATE	0x1018
#define FBSD_SO_DOMAIN		0x1019

/* SOL_LOCAL (AF_UNIX) options, <sys/un.h> */
#define FBSD_LOCAL_PEERCRED	1
#define FBSD_LOCAL_CREDS	2
#define FBSD_LOCAL_CREDS_PERSISTENT 3
#define FBSD_LOCAL_CONNWAIT	4

/* IPPROTO_IP options */
#define FBSD_IP_OPTIONS		1
#define FBSD_IP_HDRINCL		2
#define FBSD_IP_TOS		3
#define FBSD_IP_TTL		4
#define FBSD_IP_RECVOPTS	5
#define FBSD_IP_RECVRETOPTS	6
#define FBSD_IP_RECVDSTADDR	7	/* also the cmsg type IP_SENDSRCADDR */
#define FBSD_IP_MULTICAST_IF	9
#define FBSD_IP_MULTICAST_TTL	10
#define FBSD_IP_MULTICAST_LOOP	11
#define FBSD_IP_ADD_MEMBERSHIP	12
#define FBSD_IP_DROP_MEMBERSHIP	13
#define FBSD_IP_PORTRANGE	19
#define FBSD_IP_RECVIF		20
#define FBSD_IP_BINDANY		24
#define FBSD_IP_RECVTTL		65
#define FBSD_IP_MINTTL		66
#define FBSD_IP_DONTFRAG	67
#define FBSD_IP_RECVTOS		68
#define FBSD_IP_ADD_SOURCE_MEMBERSHIP	70
#define FBSD_IP_DROP_SOURCE_MEMBERSHIP	71
#define FBSD_IP_BLOCK_SOURCE	72
#define FBSD_IP_UNBLOCK_SOURCE	73

/* IPPROTO_IPV6 options */
#define FBSD_IPV6_UNICAST_HOPS	4
#define FBSD_IPV6_MULTICAST_IF	9
#define FBSD_IPV6_MULTICAST_HOPS 10
#define FBSD_IPV6_MULTICAST_LOOP 11
#define FBSD_IPV6_JOIN_GROUP	12
#define FBSD_IPV6_LEAVE_GROUP	13
#define FBSD_IPV6_CHECKSUM	26
#define FBSD_IPV6_V6ONLY	27
#define FBSD_IPV6_RECVPKTINFO	36
#define FBSD_IPV6_RECVHOPLIMIT	37
#define FBSD_IPV6_PKTINFO	46
#define FBSD_IPV6_HOPLIMIT	47
#define FBSD_IPV6_RECVTCLASS	57
#define FBSD_IPV6_TCLASS	61
#define FBSD_IPV6_DONTFRAG	62
#define FBSD_IPV6_BINDANY	64

/* IPPROTO_TCP options */
#define FBSD_TCP_NODELAY	0x01
#define FBSD_TCP_MAXSEG		0x02
#define FBSD_TCP_NOPUSH		0x04
#define FBSD_TCP_NOOPT		0x08
#define FBSD_TCP_MD5SIG		0x10
#define FBSD_TCP_INFO		0x20
#define FBSD_TCP_CONGESTION	0x40
#define FBSD_TCP_KEEPINIT	0x80
#define FBSD_TCP_KEEPIDLE	0x100
#define FBSD_TCP_KEEPINTVL	0x200
#define FBSD_TCP_KEEPCNT	0x400
#define FBSD_TCP_FASTOPEN	0x401
/* tcp_var.h t_flags bits: TCP_NODELAY and TCP_NOPUSH read back as these */
#define FBSD_TF_NODELAY		0x0004
#define FBSD_TF_NOPUSH		0x1000

/* send/recv flags */
#define FBSD_MSG_OOB		0x00000001
#define FBSD_MSG_PEEK		0x00000002
#define FBSD_MSG_DONTROUTE	0x00000004
#define FBSD_MSG_EOR		0x00000008
#define FBSD_MSG_TRUNC		0x00000010
#define FBSD_MSG_CTRUNC		0x00000020
#define FBSD_MSG_WAITALL	0x00000040
#define FBSD_MSG_DONTWAIT	0x00000080
#define FBSD_MSG_EOF		0x00000100
#define FBSD_MSG_NOTIFICATION	0x00002000
#define FBSD_MSG_NBIO		0x00004000
#define FBSD_MSG_COMPAT		0x00008000
#define FBSD_MSG_NOSIGNAL	0x00020000
#define FBSD_MSG_CMSG_CLOEXEC	0x00040000
#define FBSD_MSG_WAITFORONE	0x00080000

/* SOL_SOCKET control message types */
#define FBSD_SCM_RIGHTS		0x01
#define FBSD_SCM_TIMESTAMP	0x02
#define FBSD_SCM_CREDS		0x03
#define FBSD_SCM_BINTIME	0x04
#define FBSD_SCM_REALTIME	0x05
#define FBSD_SCM_MONOTONIC	0x06
#define FBSD_SCM_TIME_INFO	0x07
#define FBSD_SCM_CREDS2		0x08

#define FBSD_UIO_MAXIOV		1024
#define FBSD_MCLBYTES		2048	/* the most control data sendmsg takes */

struct fbsd_sockaddr {
	uint8_t sa_len;
	uint8_t sa_family;
	char sa_data[14];
};

struct fbsd_sockaddr_in {
	uint8_t sin_len;
	uint8_t sin_family;
	uint16_t sin_port;
	uint32_t sin_addr;
	uint8_t sin_zero[8];
};
_Static_assert(sizeof(struct fbsd_sockaddr_in) == 16, "FreeBSD sockaddr_in");

struct fbsd_sockaddr_in6 {
	uint8_t sin6_len;
	uint8_t sin6_family;
	uint16_t sin6_port;
	uint32_t sin6_flowinfo;
	uint8_t sin6_addr[16];
	uint32_t sin6_scope_id;
};
_Static_assert(sizeof(struct fbsd_sockaddr_in6) == 28, "FreeBSD sockaddr_in6");

struct fbsd_sockaddr_un {
	uint8_t sun_len;
	uint8_t sun_family;
	char sun_path[104];
};
_Static_assert(sizeof(struct fbsd_sockaddr_un) == 106, "FreeBSD sockaddr_un");

struct fbsd_msghdr {
	uint64_t msg_name;
	uint32_t msg_namelen;
	uint32_t pad0;
	uint64_t msg_iov;
	int32_t msg_iovlen;
	uint32_t pad1;
	uint64_t msg_control;
	uint32_t msg_controllen;
	int32_t msg_flags;
};
_Static_assert(sizeof(struct fbsd_msghdr) == 48, "FreeBSD struct msghdr");
_Static_assert(offsetof(struct fbsd_msghdr, msg_controllen) == 40, "msg_controllen");

/* Linux's header has a size_t cmsg_len; the data starts at 16 on both. */
struct fbsd_cmsghdr {
	uint32_t cmsg_len;
	int32_t cmsg_level;
	int32_t cmsg_type;
};
_Static_assert(sizeof(struct fbsd_cmsghdr) == 12, "FreeBSD struct cmsghdr");
/* _ALIGN on amd64 rounds to sizeof(long). */
#define FBSD_CMSG_ALIGN(n)	(((size_t)(n) + 7) & ~(size_t)7)
#define FBSD_CMSG_HDRSZ		FBSD_CMSG_ALIGN(sizeof(struct fbsd_cmsghdr))
#define FBSD_CMSG_LEN(n)	(FBSD_CMSG_HDRSZ + (n))
#define FBSD_CMSG_SPACE(n)	(FBSD_CMSG_HDRSZ + FBSD_CMSG_ALIGN(n))

#define FBSD_CMGROUP_MAX	16
/* SCM_CREDS: the sender passes one (its contents ignored), the kernel
 * fills it in.  cmcred_groups[0] is the effective gid. */
struct fbsd_cmsgcred {
	int32_t cmcred_pid;
	uint32_t cmcred_uid;		/* real */
	uint32_t cmcred_euid;
	uint32_t cmcred_gid;		/* real */
	int16_t cmcred_ngroups;
	int16_t pad;
	uint32_t cmcred_groups[FBSD_CMGROUP_MAX];
};
_Static_assert(sizeof(struct fbsd_cmsgcred) == 84, "FreeBSD struct cmsgcred");

/* LOCAL_PEERCRED */
#define FBSD_XUCRED_VERSION	0
struct fbsd_xucred {
	uint32_t cr_version;
	uint32_t cr_uid;		/* effective */
	int16_t cr_ngroups;
	int16_t pad0;
	uint32_t cr_groups[16];
	uint32_t pad1;
	int32_t cr_pid;			/* a union with a pointer in the header */
	uint32_t pad2;
};
_Static_assert(sizeof(struct fbsd_xucred) == 88, "FreeBSD struct xucred");
_Static_assert(offsetof(struct fbsd_xucred, cr_pid) == 80, "xucred cr_pid");

struct fbsd_linger {
	int32_t l_onoff;
	int32_t l_linger;
};

/* Linux puts the interface before the source. */
struct fbsd_ip_mreq_source {
	uint32_t imr_multiaddr;
	uint32_t imr_sourceaddr;
	uint32_t imr_interface;
};

/* sys_socket.c */
extern const struct bsd_sockaddr_abi fbsd_sockaddr_abi;
/* A new descriptor the guest may not see (in uxrun's band) is closed: EMFILE. */
long fbsd_sock_newfd(long fd);

/* sys_sockopt.c: SO_NOSIGPIPE, which Linux lacks, kept per descriptor
 * (checked against the socket's inode, so a reused number does not
 * inherit it); sends add MSG_NOSIGNAL for it. */
int fbsd_sock_nosigpipe(int fd);
void fbsd_sock_nosigpipe_inherit(int from, int to);

/* sys_msg.c: send/recv flags; unknown guest bits are reported once. */
int fbsd_to_linux_msgflags(int flags);
int linux_to_fbsd_msgflags(int flags);

#endif
