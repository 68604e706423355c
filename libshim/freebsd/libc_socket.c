/*
 * Sockets and name resolution through libc.  The socket calls go to the
 * system-call emulation (sys_socket.c, sys_sockopt.c, sys_msg.c) with a
 * struct uxcall, which converts addresses (sa_len, FreeBSD's AF_INET6),
 * options, message flags and control messages.  getaddrinfo and friends
 * are glibc's resolver with FreeBSD's struct addrinfo (ai_canonname before
 * ai_addr), flag bits and EAI_* numbers.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "libshim/freebsd/libc_shim.h"
#include "syscalls/bsd_sockaddr.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/freebsd/fbsd_convert.h"
#include "syscalls/freebsd/fbsd_socket.h"
#include "syscalls/freebsd/fbsd_sysent.h"

#define SOCKCALL(name, ...) ({ \
	struct uxcall c_; \
	shim_uxcall_init(&c_, FBSD_SYS_##name); \
	shim_sysret(fbsd_sys_##name(&c_, __VA_ARGS__)); \
})

int
shim_socket(int domain, int type, int protocol)
{
	return (int)SOCKCALL(socket, domain, type, protocol);
}

int
shim_socketpair(int domain, int type, int protocol, int *sv)
{
	return (int)SOCKCALL(socketpair, domain, type, protocol, sv);
}

int
shim_bind(int s, const void *addr, uint32_t len)
{
	return (int)SOCKCALL(bind, s, addr, (int)len);
}

int
shim_connect(int s, const void *addr, uint32_t len)
{
	return (int)SOCKCALL(connect, s, addr, (int)len);
}

int
shim_listen(int s, int backlog)
{
	return (int)SOCKCALL(listen, s, backlog);
}

int
shim_accept(int s, void *addr, uint32_t *len)
{
	return (int)SOCKCALL(accept, s, addr, len);
}

int
shim_accept4(int s, void *addr, uint32_t *len, int flags)
{
	return (int)SOCKCALL(accept4, s, addr, len, flags);
}

int
shim_getsockname(int s, void *addr, uint32_t *len)
{
	return (int)SOCKCALL(getsockname, s, addr, len);
}

int
shim_getpeername(int s, void *addr, uint32_t *len)
{
	return (int)SOCKCALL(getpeername, s, addr, len);
}

int
shim_setsockopt(int s, int level, int name, const void *val, uint32_t len)
{
	return (int)SOCKCALL(setsockopt, s, level, name, val, (int)len);
}

int
shim_getsockopt(int s, int level, int name, void *val, uint32_t *len)
{
	return (int)SOCKCALL(getsockopt, s, level, name, val, (int *)len);
}

ssize_t
shim_sendto(int s, const void *buf, size_t len, int flags, const void *to, uint32_t tolen)
{
	return SOCKCALL(sendto, s, buf, len, flags, to, (int)tolen);
}

ssize_t
shim_send(int s, const void *buf, size_t len, int flags)
{
	return shim_sendto(s, buf, len, flags, NULL, 0);
}

ssize_t
shim_recvfrom(int s, void *buf, size_t len, int flags, void *from, uint32_t *fromlen)
{
	return SOCKCALL(recvfrom, s, buf, len, flags, from, fromlen);
}

ssize_t
shim_recv(int s, void *buf, size_t len, int flags)
{
	return shim_recvfrom(s, buf, len, flags, NULL, NULL);
}

ssize_t
shim_sendmsg(int s, const void *msg, int flags)
{
	return SOCKCALL(sendmsg, s, msg, flags);
}

ssize_t
shim_recvmsg(int s, void *msg, int flags)
{
	return SOCKCALL(recvmsg, s, msg, flags);
}

int
shim_shutdown(int s, int how)
{
	return (int)SOCKCALL(shutdown, s, how);
}

/* --- addresses ---------------------------------------------------------------- */

static int
af_to_host(int af)
{
	return af == FBSD_AF_INET6 ? AF_INET6 : af == FBSD_AF_INET ? AF_INET :
	    af == FBSD_AF_UNSPEC ? AF_UNSPEC : -1;
}

static int
af_to_fbsd(int af)
{
	return af == AF_INET6 ? FBSD_AF_INET6 : af == AF_INET ? FBSD_AF_INET :
	    af == AF_UNIX ? FBSD_AF_UNIX : af;
}

int
shim_inet_pton(int af, const char *src, void *dst)
{
	int h = af_to_host(af);

	if (h != AF_INET && h != AF_INET6) {
		shim_errno = FBSD_EAFNOSUPPORT;
		return -1;
	}
	return inet_pton(h, src, dst);
}

const char *
shim_inet_ntop(int af, const void *src, char *dst, uint32_t size)
{
	int h = af_to_host(af);

	if (h != AF_INET && h != AF_INET6) {
		shim_errno = FBSD_EAFNOSUPPORT;
		return NULL;
	}
	return shim_retp((void *)inet_ntop(h, src, dst, size));
}

/* --- getaddrinfo ------------------------------------------------------------------ */

#define FBSD_AI_PASSIVE		0x001
#define FBSD_AI_CANONNAME	0x002
#define FBSD_AI_NUMERICHOST	0x004
#define FBSD_AI_NUMERICSERV	0x008
#define FBSD_AI_ALL		0x100
#define FBSD_AI_V4MAPPED_CFG	0x200
#define FBSD_AI_ADDRCONFIG	0x400
#define FBSD_AI_V4MAPPED	0x800

#define FBSD_EAI_AGAIN		2
#define FBSD_EAI_BADFLAGS	3
#define FBSD_EAI_FAIL		4
#define FBSD_EAI_FAMILY		5
#define FBSD_EAI_MEMORY		6
#define FBSD_EAI_NONAME		8
#define FBSD_EAI_SERVICE	9
#define FBSD_EAI_SOCKTYPE	10
#define FBSD_EAI_SYSTEM		11
#define FBSD_EAI_BADHINTS	12
#define FBSD_EAI_PROTOCOL	13
#define FBSD_EAI_OVERFLOW	14

#define FBSD_NI_NOFQDN		0x01
#define FBSD_NI_NUMERICHOST	0x02
#define FBSD_NI_NAMEREQD	0x04
#define FBSD_NI_NUMERICSERV	0x08
#define FBSD_NI_DGRAM		0x10
#define FBSD_NI_NUMERICSCOPE	0x20

/* struct addrinfo as FreeBSD lays it out: the name before the address. */
struct fbsd_addrinfo {
	int32_t ai_flags, ai_family, ai_socktype, ai_protocol;
	uint32_t ai_addrlen;
	char *ai_canonname;
	void *ai_addr;
	struct fbsd_addrinfo *ai_next;
};
_Static_assert(sizeof(struct fbsd_addrinfo) == 48, "FreeBSD struct addrinfo");
_Static_assert(offsetof(struct fbsd_addrinfo, ai_canonname) == 24, "ai_canonname offset");

static const struct { int fbsd, host; } eai_map[] = {
	{ FBSD_EAI_AGAIN, EAI_AGAIN }, { FBSD_EAI_BADFLAGS, EAI_BADFLAGS },
	{ FBSD_EAI_FAIL, EAI_FAIL }, { FBSD_EAI_FAMILY, EAI_FAMILY },
	{ FBSD_EAI_MEMORY, EAI_MEMORY }, { FBSD_EAI_NONAME, EAI_NONAME },
	{ FBSD_EAI_SERVICE, EAI_SERVICE }, { FBSD_EAI_SOCKTYPE, EAI_SOCKTYPE },
	{ FBSD_EAI_SYSTEM, EAI_SYSTEM }, { FBSD_EAI_OVERFLOW, EAI_OVERFLOW },
	/* The two FreeBSD dropped read as "does not resolve". */
	{ FBSD_EAI_NONAME, EAI_NODATA }, { FBSD_EAI_NONAME, EAI_ADDRFAMILY },
};

static int
eai_to_fbsd(int e)
{
	if (e == 0)
		return 0;
	if (e == EAI_SYSTEM)
		shim_errno_sync();
	for (size_t i = 0; i < sizeof(eai_map) / sizeof(eai_map[0]); i++)
		if (eai_map[i].host == e)
			return eai_map[i].fbsd;
	return FBSD_EAI_FAIL;
}

/* glibc's wording where glibc has the code (as strerror does), FreeBSD's
 * for its own. */
const char *
shim_gai_strerror(int e)
{
	if (e == 0)
		return "Success";
	for (size_t i = 0; i < sizeof(eai_map) / sizeof(eai_map[0]); i++)
		if (eai_map[i].fbsd == e)
			return gai_strerror(eai_map[i].host);
	switch (e) {
	case 1: return "Address family for hostname not supported";
	case 7: return "No address associated with hostname";
	case FBSD_EAI_BADHINTS: return "Invalid value for hints";
	case FBSD_EAI_PROTOCOL: return "Resolved protocol is unknown";
	}
	return "Unknown error";
}

static int
ai_flags_to_host(int f, int *out)
{
	static const struct { int fbsd, host; } m[] = {
		{ FBSD_AI_PASSIVE, AI_PASSIVE }, { FBSD_AI_CANONNAME, AI_CANONNAME },
		{ FBSD_AI_NUMERICHOST, AI_NUMERICHOST }, { FBSD_AI_NUMERICSERV, AI_NUMERICSERV },
		{ FBSD_AI_ALL, AI_ALL }, { FBSD_AI_ADDRCONFIG, AI_ADDRCONFIG },
		{ FBSD_AI_V4MAPPED, AI_V4MAPPED }, { FBSD_AI_V4MAPPED_CFG, 0 },
	};
	int h = 0;

	for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (f & m[i].fbsd) {
			h |= m[i].host;
			f &= ~m[i].fbsd;
		}
	*out = h;
	return f ? -1 : 0;
}

void
shim_freeaddrinfo(struct fbsd_addrinfo *ai)
{
	while (ai) {
		struct fbsd_addrinfo *next = ai->ai_next;
		free(ai);	/* the address and name live in the same block */
		ai = next;
	}
}

int
shim_getaddrinfo(const char *node, const char *service, const struct fbsd_addrinfo *hints,
    struct fbsd_addrinfo **res)
{
	struct addrinfo h, *hp = NULL, *list, *a;
	struct fbsd_addrinfo *head = NULL, **tail = &head;
	int r;

	if (hints) {
		memset(&h, 0, sizeof(h));
		if (hints->ai_addrlen || hints->ai_canonname || hints->ai_addr || hints->ai_next)
			return FBSD_EAI_BADHINTS;
		if (ai_flags_to_host(hints->ai_flags, &h.ai_flags) != 0)
			return FBSD_EAI_BADFLAGS;
		h.ai_family = af_to_host(hints->ai_family);
		if (h.ai_family < 0)
			return FBSD_EAI_FAMILY;
		h.ai_socktype = hints->ai_socktype;	/* SOCK_* and IPPROTO_* agree */
		h.ai_protocol = hints->ai_protocol;
		hp = &h;
	}
	r = getaddrinfo(node, service, hp, &list);
	if (r != 0)
		return eai_to_fbsd(r);
	for (a = list; a; a = a->ai_next) {
		uint8_t sa[BSD_SOCKADDR_MAX];
		size_t salen = a->ai_addr ? linux_to_fbsd_sockaddr(a->ai_addr, a->ai_addrlen, sa) : 0;
		size_t nlen = a->ai_canonname ? strlen(a->ai_canonname) + 1 : 0;
		struct fbsd_addrinfo *f = calloc(1, sizeof(*f) + salen + nlen);

		if (!f) {
			freeaddrinfo(list);
			shim_freeaddrinfo(head);
			return FBSD_EAI_MEMORY;
		}
		f->ai_flags = hints ? hints->ai_flags : 0;
		f->ai_family = af_to_fbsd(a->ai_family);
		f->ai_socktype = a->ai_socktype;
		f->ai_protocol = a->ai_protocol;
		f->ai_addrlen = (uint32_t)salen;
		if (salen) {
			f->ai_addr = f + 1;
			memcpy(f->ai_addr, sa, salen);
		}
		if (nlen) {
			f->ai_canonname = (char *)(f + 1) + salen;
			memcpy(f->ai_canonname, a->ai_canonname, nlen);
		}
		*tail = f;
		tail = &f->ai_next;
	}
	freeaddrinfo(list);
	*res = head;
	return 0;
}

int
shim_getnameinfo(const void *sa, uint32_t salen, char *host, size_t hostlen, char *serv,
    size_t servlen, int flags)
{
	static const struct { int fbsd, host; } m[] = {
		{ FBSD_NI_NOFQDN, NI_NOFQDN }, { FBSD_NI_NUMERICHOST, NI_NUMERICHOST },
		{ FBSD_NI_NAMEREQD, NI_NAMEREQD }, { FBSD_NI_NUMERICSERV, NI_NUMERICSERV },
		{ FBSD_NI_DGRAM, NI_DGRAM }, { FBSD_NI_NUMERICSCOPE, 0 },
	};
	struct sockaddr_storage ss;
	uint32_t len;
	int hf = 0;

	if (!sa || salen < 2 || salen > BSD_SOCKADDR_MAX)
		return FBSD_EAI_FAIL;
	for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (flags & m[i].fbsd) {
			hf |= m[i].host;
			flags &= ~m[i].fbsd;
		}
	if (flags)
		return FBSD_EAI_BADFLAGS;
	if (fbsd_to_linux_sockaddr(sa, salen, &ss, &len) < 0)
		return FBSD_EAI_FAMILY;
	return eai_to_fbsd(getnameinfo((struct sockaddr *)&ss, len, host, (socklen_t)hostlen,
	    serv, (socklen_t)servlen, hf));
}

/* --- the old host database ------------------------------------------------------- */

static __thread int fbsd_h_errno;

int *
shim___h_errno(void)
{
	return &fbsd_h_errno;
}

/* A glibc hostent as FreeBSD's (the same layout; only the family number
 * differs), in storage of the calling thread's, as FreeBSD's is. */
static struct hostent *
host_result(struct hostent *he)
{
	static __thread struct hostent copy;

	/* HOST_NOT_FOUND ... NO_DATA have the same numbers on both. */
	fbsd_h_errno = h_errno;
	if (!he)
		return NULL;
	copy = *he;
	copy.h_addrtype = af_to_fbsd(he->h_addrtype);
	return &copy;
}

struct hostent *
shim_gethostbyname(const char *name)
{
	return host_result(gethostbyname(name));
}

struct hostent *
shim_gethostbyname2(const char *name, int af)
{
	int h = af_to_host(af);

	if (h != AF_INET && h != AF_INET6) {
		fbsd_h_errno = NETDB_INTERNAL;
		shim_errno = FBSD_EAFNOSUPPORT;
		return NULL;
	}
	return host_result(gethostbyname2(name, h));
}

struct hostent *
shim_gethostbyaddr(const void *addr, uint32_t len, int af)
{
	int h = af_to_host(af);

	if (h != AF_INET && h != AF_INET6) {
		fbsd_h_errno = NETDB_INTERNAL;
		shim_errno = FBSD_EAFNOSUPPORT;
		return NULL;
	}
	return host_result(gethostbyaddr(addr, len, h));
}

const char *
shim_hstrerror(int e)
{
	return hstrerror(e);
}
