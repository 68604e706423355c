/* Socket system calls. */
#include <sys/socket.h>
#include <netinet/in.h>
#include "uxrt.h"

const struct in6_addr in6addr_loopback = IN6ADDR_LOOPBACK_INIT;

int
socket(int domain, int type, int protocol)
{
	return (int)uxrt_call(SYS_socket, domain, type, protocol);
}

int
socketpair(int domain, int type, int protocol, int sv[2])
{
	return (int)uxrt_call(SYS_socketpair, domain, type, protocol, sv);
}

int
bind(int s, const struct sockaddr *addr, socklen_t len)
{
	return (int)uxrt_call(SYS_bind, s, addr, len);
}

int
bindat(int fd, int s, const struct sockaddr *addr, socklen_t len)
{
	return (int)uxrt_call(SYS_bindat, fd, s, addr, len);
}

int
connect(int s, const struct sockaddr *addr, socklen_t len)
{
	return (int)uxrt_call(SYS_connect, s, addr, len);
}

int
connectat(int fd, int s, const struct sockaddr *addr, socklen_t len)
{
	return (int)uxrt_call(SYS_connectat, fd, s, addr, len);
}

int
listen(int s, int backlog)
{
	return (int)uxrt_call(SYS_listen, s, backlog);
}

int
accept(int s, struct sockaddr *addr, socklen_t *len)
{
	return (int)uxrt_call(SYS_accept, s, addr, len);
}

int
accept4(int s, struct sockaddr *addr, socklen_t *len, int flags)
{
	return (int)uxrt_call(SYS_accept4, s, addr, len, flags);
}

int
getsockname(int s, struct sockaddr *addr, socklen_t *len)
{
	return (int)uxrt_call(SYS_getsockname, s, addr, len);
}

int
getpeername(int s, struct sockaddr *addr, socklen_t *len)
{
	return (int)uxrt_call(SYS_getpeername, s, addr, len);
}

int
getsockopt(int s, int level, int name, void *val, socklen_t *len)
{
	return (int)uxrt_call(SYS_getsockopt, s, level, name, val, len);
}

int
setsockopt(int s, int level, int name, const void *val, socklen_t len)
{
	return (int)uxrt_call(SYS_setsockopt, s, level, name, val, len);
}

/* Like FreeBSD's libc, send and recv are sendto and recvfrom. */
ssize_t
send(int s, const void *buf, size_t len, int flags)
{
	return uxrt_call(SYS_sendto, s, buf, len, flags, 0, 0);
}

ssize_t
sendto(int s, const void *buf, size_t len, int flags, const struct sockaddr *to,
    socklen_t tolen)
{
	return uxrt_call(SYS_sendto, s, buf, len, flags, to, tolen);
}

ssize_t
sendmsg(int s, const struct msghdr *msg, int flags)
{
	return uxrt_call(SYS_sendmsg, s, msg, flags);
}

ssize_t
recv(int s, void *buf, size_t len, int flags)
{
	return uxrt_call(SYS_recvfrom, s, buf, len, flags, 0, 0);
}

ssize_t
recvfrom(int s, void *buf, size_t len, int flags, struct sockaddr *from,
    socklen_t *fromlen)
{
	return uxrt_call(SYS_recvfrom, s, buf, len, flags, from, fromlen);
}

ssize_t
recvmsg(int s, struct msghdr *msg, int flags)
{
	return uxrt_call(SYS_recvmsg, s, msg, flags);
}

int
shutdown(int s, int how)
{
	return (int)uxrt_call(SYS_shutdown, s, how);
}
