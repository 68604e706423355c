/*
 * Creating, naming and connecting sockets.  Addresses go through the
 * shared BSD sockaddr converter with FreeBSD's family numbers.
 */
#include "config.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/thread.h"
#include "syscalls/freebsd/fbsd_convert.h"
#include "syscalls/freebsd/fbsd_socket.h"

const struct bsd_sockaddr_abi fbsd_sockaddr_abi = {
	.af_unspec = FBSD_AF_UNSPEC, .af_unix = FBSD_AF_UNIX,
	.af_inet = FBSD_AF_INET, .af_inet6 = FBSD_AF_INET6,
	.sun_path_max = sizeof(((struct fbsd_sockaddr_un *)0)->sun_path),
	.maxaddrlen = FBSD_SOCK_MAXADDRLEN,
};

/* accept, getsockname and getpeername tell the guest how much they copied
 * on 14.x; 15.0 reports the full length instead (sockaddr_storage rework). */
#define FBSD_NAMELEN_REPORT_FULL 0

long
fbsd_to_linux_sockaddr(const void *g, size_t glen, struct sockaddr_storage *l, uint32_t *llen)
{
	return bsd_to_linux_sockaddr(&fbsd_sockaddr_abi, g, glen, l, llen);
}

size_t
linux_to_fbsd_sockaddr(const struct sockaddr *l, uint32_t llen, void *g)
{
	return linux_to_bsd_sockaddr(&fbsd_sockaddr_abi, l, llen, g);
}

long
fbsd_sock_newfd(long fd)
{
	if (fd >= 0 && ux_fd_is_host(fd)) {
		ux_sys(SYS_close, fd);
		return -EMFILE;
	}
	return fd;
}

/* socket(2) domain: -1 (reported once) for one Linux cannot create. */
static int
domain_to_linux(int domain)
{
	static uint8_t reported[64];
	int ld = bsd_to_linux_af(&fbsd_sockaddr_abi, domain);

	if (ld > 0)
		return ld;
	if (domain > 0 && domain < 64)
		ux_report_once(&reported[domain],
		    "FreeBSD socket domain %d (AF_ROUTE 17, AF_LINK 18, AF_NETLINK 38 ...) "
		    "is not translated: EAFNOSUPPORT", domain);
	return -1;
}

static int
type_to_linux(int type)
{
	int lt = type & ~(FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK);

	/* The base types (STREAM 1 ... SEQPACKET 5) have the same numbers. */
	if (type & FBSD_SOCK_CLOEXEC)
		lt |= SOCK_CLOEXEC;
	if (type & FBSD_SOCK_NONBLOCK)
		lt |= SOCK_NONBLOCK;
	return lt;
}

long
fbsd_sys_socket(struct uxcall *c, int domain, int type, int protocol)
{
	int ld = domain_to_linux(domain);
	long fd;

	if (ld < 0)
		return -EAFNOSUPPORT;
	fd = fbsd_sock_newfd(ux_sys(SYS_socket, ld, type_to_linux(type), protocol));
	if (fd >= 0 && ld == AF_INET6) {
		/* net.inet6.ip6.v6only defaults to 1 on FreeBSD: an AF_INET6
		 * socket does not take IPv4-mapped traffic unless asked to,
		 * and FreeBSD programs (Go's net package too) open a separate
		 * AF_INET socket for that.  Linux's default is 0. */
		int one = 1;
		ux_sys(SYS_setsockopt, fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	}
	return fd;
}

long
fbsd_sys_socketpair(struct uxcall *c, int domain, int type, int protocol, int *rsv)
{
	int ld = domain_to_linux(domain), sv[2];
	long r;

	if (ld < 0)
		return -EAFNOSUPPORT;
	r = ux_sys(SYS_socketpair, ld, type_to_linux(type), protocol, sv);
	if (r < 0)
		return r;
	if (ux_fd_is_host(sv[0]) || ux_fd_is_host(sv[1]))
		r = -EMFILE;
	else
		r = ux_copyout(rsv, sv, sizeof(sv));
	if (r < 0) {
		ux_sys(SYS_close, sv[0]);
		ux_sys(SYS_close, sv[1]);
	}
	return r;
}

/* bind/connect and their *at forms. */
static long
name_call(long nr, int dirfd, int s, const void *name, int namelen)
{
	struct sockaddr_storage ss;
	uint32_t len;
	long r;

	r = bsd_sockaddr_copyin(&fbsd_sockaddr_abi, (uintptr_t)name, (uint32_t)namelen, &ss, &len);
	if (r < 0)
		return r;
	if (dirfd != FBSD_AT_FDCWD) {
		/* Only AF_UNIX names are paths; other protocols have no
		 * bindat/connectat. */
		if (ss.ss_family != AF_UNIX)
			return -EOPNOTSUPP;
		if ((r = bsd_sockaddr_at(dirfd, &ss, &len)) < 0)
			return r;
	}
	return ux_sys(nr, s, &ss, len);
}

long
fbsd_sys_bind(struct uxcall *c, int s, const void *name, int namelen)
{
	return name_call(SYS_bind, FBSD_AT_FDCWD, s, name, namelen);
}

long
fbsd_sys_connect(struct uxcall *c, int s, const void *name, int namelen)
{
	return name_call(SYS_connect, FBSD_AT_FDCWD, s, name, namelen);
}

long
fbsd_sys_bindat(struct uxcall *c, int fd, int s, const void *name, int namelen)
{
	return name_call(SYS_bind, fd, s, name, namelen);
}

long
fbsd_sys_connectat(struct uxcall *c, int fd, int s, const void *name, int namelen)
{
	return name_call(SYS_connect, fd, s, name, namelen);
}

long
fbsd_sys_listen(struct uxcall *c, int s, int backlog)
{
	return ux_sys(SYS_listen, s, backlog);
}

long
fbsd_sys_shutdown(struct uxcall *c, int s, int how)
{
	/* SHUT_RD, SHUT_WR, SHUT_RDWR are 0, 1, 2 on both. */
	if (how < FBSD_SHUT_RD || how > FBSD_SHUT_RDWR)
		return -EINVAL;
	return ux_sys(SYS_shutdown, s, how);
}

/* Writes a name the host returned to the guest's (name, *anamelen) pair,
 * room being the *anamelen read before the call. */
static long
name_out(const struct sockaddr_storage *ss, uint32_t sl, void *name, uint32_t *anamelen,
    uint32_t room)
{
	uint32_t reported;
	long r;

	r = bsd_sockaddr_copyout(&fbsd_sockaddr_abi, (const struct sockaddr *)ss, sl,
	    (uintptr_t)name, room, FBSD_NAMELEN_REPORT_FULL, &reported);
	if (r == 0)
		r = ux_copyout(anamelen, &reported, sizeof(reported));
	return r;
}

static long
do_accept(struct uxcall *c, int s, void *name, uint32_t *anamelen, int flags, int inherit)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	uint32_t room = 0;
	int lflags = 0;
	long fd, r;

	/* The length is read before anything is dequeued, as FreeBSD does. */
	if (name && (r = ux_copyin(&room, anamelen, sizeof(room))) < 0)
		return r;
	if (flags & FBSD_SOCK_CLOEXEC)
		lflags |= SOCK_CLOEXEC;
	if (flags & FBSD_SOCK_NONBLOCK)
		lflags |= SOCK_NONBLOCK;
	fd = ux_block(c->td, SYS_accept4, s, name ? &ss : NULL, name ? &sl : NULL, lflags);
	if ((fd = fbsd_sock_newfd(fd)) < 0)
		return fd;
	if (inherit) {
		/* accept(2) on FreeBSD gives the new socket the listener's
		 * O_NONBLOCK and O_ASYNC; Linux's starts blocking.
		 * XXX the SIGIO owner is not carried over. */
		long fl = ux_sys(SYS_fcntl, s, F_GETFL);
		if (fl > 0 && (fl & (O_NONBLOCK | O_ASYNC)))
			ux_sys(SYS_fcntl, fd, F_SETFL, fl & (O_NONBLOCK | O_ASYNC));
	}
	/* Options are copied from the listener, SO_NOSIGPIPE included. */
	fbsd_sock_nosigpipe_inherit(s, (int)fd);
	if (name && (r = name_out(&ss, sl, name, anamelen, room)) < 0) {
		ux_sys(SYS_close, fd);
		return r;
	}
	return fd;
}

long
fbsd_sys_accept(struct uxcall *c, int s, void *name, uint32_t *anamelen)
{
	return do_accept(c, s, name, anamelen, 0, 1);
}

long
fbsd_sys_accept4(struct uxcall *c, int s, void *name, uint32_t *anamelen, int flags)
{
	if (flags & ~(FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK))
		return -EINVAL;
	return do_accept(c, s, name, anamelen, flags, 0);
}

static long
get_name(long nr, int s, void *asa, uint32_t *alen)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	uint32_t room;
	long r;

	if ((r = ux_copyin(&room, alen, sizeof(room))) < 0)
		return r;
	if ((r = ux_sys(nr, s, &ss, &sl)) < 0)
		return r;
	return name_out(&ss, sl, asa, alen, room);
}

long
fbsd_sys_getsockname(struct uxcall *c, int fdes, void *asa, uint32_t *alen)
{
	return get_name(SYS_getsockname, fdes, asa, alen);
}

long
fbsd_sys_getpeername(struct uxcall *c, int fdes, void *asa, uint32_t *alen)
{
	return get_name(SYS_getpeername, fdes, asa, alen);
}
