/*
 * uxrun FreeBSD SDK: sockets, with FreeBSD 14 amd64 values
 * (zerrors/ztypes_freebsd_amd64.go, FreeBSD's sys/socket.h).
 */
#ifndef _UXRT_SYS_SOCKET_H
#define _UXRT_SYS_SOCKET_H

#include <sys/types.h>
#include <sys/uio.h>

#ifndef _UXRT_SOCKLEN_T
#define _UXRT_SOCKLEN_T
typedef uint32_t socklen_t;
typedef uint8_t sa_family_t;
#endif

#define SOCK_STREAM	1
#define SOCK_DGRAM	2
#define SOCK_RAW	3
#define SOCK_RDM	4
#define SOCK_SEQPACKET	5
#define SOCK_CLOEXEC	0x10000000
#define SOCK_NONBLOCK	0x20000000

#define SO_DEBUG	0x00000001
#define SO_ACCEPTCONN	0x00000002
#define SO_REUSEADDR	0x00000004
#define SO_KEEPALIVE	0x00000008
#define SO_DONTROUTE	0x00000010
#define SO_BROADCAST	0x00000020
#define SO_LINGER	0x00000080
#define SO_OOBINLINE	0x00000100
#define SO_REUSEPORT	0x00000200
#define SO_TIMESTAMP	0x00000400
#define SO_NOSIGPIPE	0x00000800
#define SO_REUSEPORT_LB	0x00010000
#define SO_SNDBUF	0x1001
#define SO_RCVBUF	0x1002
#define SO_SNDLOWAT	0x1003
#define SO_RCVLOWAT	0x1004
#define SO_SNDTIMEO	0x1005
#define SO_RCVTIMEO	0x1006
#define SO_ERROR	0x1007
#define SO_TYPE		0x1008
#define SO_PROTOCOL	0x1016
#define SO_DOMAIN	0x1019

#define SOL_SOCKET	0xffff

#define AF_UNSPEC	0
#define AF_LOCAL	1
#define AF_UNIX		AF_LOCAL
#define AF_INET		2
#define AF_ROUTE	17
#define AF_LINK		18
#define AF_INET6	28
#define PF_UNSPEC	AF_UNSPEC
#define PF_LOCAL	AF_LOCAL
#define PF_UNIX		AF_UNIX
#define PF_INET		AF_INET
#define PF_INET6	AF_INET6
#define PF_ROUTE	AF_ROUTE
#define PF_LINK		AF_LINK

#define SOMAXCONN	128

struct linger {
	int l_onoff;
	int l_linger;
};

struct sockaddr {
	unsigned char sa_len;
	sa_family_t sa_family;
	char sa_data[14];
};

struct sockaddr_storage {
	unsigned char ss_len;
	sa_family_t ss_family;
	char __ss_pad1[6];
	int64_t __ss_align;
	char __ss_pad2[112];
};

struct msghdr {
	void *msg_name;
	socklen_t msg_namelen;
	struct iovec *msg_iov;
	int msg_iovlen;
	void *msg_control;
	socklen_t msg_controllen;
	int msg_flags;
};

#define MSG_OOB		0x00000001
#define MSG_PEEK	0x00000002
#define MSG_DONTROUTE	0x00000004
#define MSG_EOR		0x00000008
#define MSG_TRUNC	0x00000010
#define MSG_CTRUNC	0x00000020
#define MSG_WAITALL	0x00000040
#define MSG_DONTWAIT	0x00000080
#define MSG_EOF		0x00000100
#define MSG_NOSIGNAL	0x00020000
#define MSG_CMSG_CLOEXEC 0x00040000
#define MSG_WAITFORONE	0x00080000

struct cmsghdr {
	socklen_t cmsg_len;
	int cmsg_level;
	int cmsg_type;
};

#define CMGROUP_MAX	16
struct cmsgcred {
	pid_t cmcred_pid;
	uid_t cmcred_uid;
	uid_t cmcred_euid;
	gid_t cmcred_gid;
	short cmcred_ngroups;
	gid_t cmcred_groups[CMGROUP_MAX];
};

/* _ALIGN: sizeof(long) on amd64 */
#define _UXRT_CMSG_ALIGN(n)	(((unsigned long)(n) + 7) & ~7UL)
#define CMSG_DATA(c)		((unsigned char *)(c) + _UXRT_CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_FIRSTHDR(m)	((m)->msg_controllen >= sizeof(struct cmsghdr) ? \
				 (struct cmsghdr *)(m)->msg_control : (struct cmsghdr *)0)
#define CMSG_NXTHDR(m, c)	((char *)(c) == (char *)0 ? CMSG_FIRSTHDR(m) : \
	((char *)(c) + _UXRT_CMSG_ALIGN((c)->cmsg_len) + \
	 _UXRT_CMSG_ALIGN(sizeof(struct cmsghdr)) > \
	 (char *)(m)->msg_control + (m)->msg_controllen) ? (struct cmsghdr *)0 : \
	(struct cmsghdr *)(void *)((char *)(c) + _UXRT_CMSG_ALIGN((c)->cmsg_len)))
#define CMSG_SPACE(l)		(_UXRT_CMSG_ALIGN(sizeof(struct cmsghdr)) + _UXRT_CMSG_ALIGN(l))
#define CMSG_LEN(l)		(_UXRT_CMSG_ALIGN(sizeof(struct cmsghdr)) + (l))

#define SCM_RIGHTS	0x01
#define SCM_TIMESTAMP	0x02
#define SCM_CREDS	0x03

#define SHUT_RD		0
#define SHUT_WR		1
#define SHUT_RDWR	2

int socket(int domain, int type, int protocol);
int socketpair(int domain, int type, int protocol, int sv[2]);
int bind(int s, const struct sockaddr *addr, socklen_t len);
int bindat(int fd, int s, const struct sockaddr *addr, socklen_t len);
int connect(int s, const struct sockaddr *addr, socklen_t len);
int connectat(int fd, int s, const struct sockaddr *addr, socklen_t len);
int listen(int s, int backlog);
int accept(int s, struct sockaddr *addr, socklen_t *len);
int accept4(int s, struct sockaddr *addr, socklen_t *len, int flags);
int getsockname(int s, struct sockaddr *addr, socklen_t *len);
int getpeername(int s, struct sockaddr *addr, socklen_t *len);
int getsockopt(int s, int level, int name, void *val, socklen_t *len);
int setsockopt(int s, int level, int name, const void *val, socklen_t len);
ssize_t send(int s, const void *buf, size_t len, int flags);
ssize_t sendto(int s, const void *buf, size_t len, int flags,
    const struct sockaddr *to, socklen_t tolen);
ssize_t sendmsg(int s, const struct msghdr *msg, int flags);
ssize_t recv(int s, void *buf, size_t len, int flags);
ssize_t recvfrom(int s, void *buf, size_t len, int flags,
    struct sockaddr *from, socklen_t *fromlen);
ssize_t recvmsg(int s, struct msghdr *msg, int flags);
int shutdown(int s, int how);

/* sendfile(2): headers and trailers around a file's bytes. */
struct sf_hdtr {
	struct iovec *headers;
	int hdr_cnt;
	struct iovec *trailers;
	int trl_cnt;
};
int sendfile(int fd, int s, off_t offset, size_t nbytes, struct sf_hdtr *hdtr,
    off_t *sbytes, int flags);

#endif
