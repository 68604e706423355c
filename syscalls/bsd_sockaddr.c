/* BSD sockaddr (sa_len + one-byte family) <-> Linux sockaddr; see bsd_sockaddr.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>

#include "syscalls/bsd_sockaddr.h"
#include "syscalls/fault.h"
#include "syscalls/hostcall.h"

/* Where the bodies start: after sa_len + sa_family on the BSDs, after the
 * two-byte family on Linux.  The bodies themselves match. */
#define HDR 2
#define SIN_LEN		16	/* sizeof(struct sockaddr_in) on both */
#define SIN6_LEN	28	/* sizeof(struct sockaddr_in6) on both */
#define NONAME_LEN	16	/* the BSDs' unnamed AF_UNIX address: a bare sockaddr */

_Static_assert(sizeof(struct sockaddr_in) == SIN_LEN, "Linux sockaddr_in");
_Static_assert(sizeof(struct sockaddr_in6) == SIN6_LEN, "Linux sockaddr_in6");

#define AT_PREFIX	"/proc/self/fd/"
#define AT_PREFIX_LEN	(sizeof(AT_PREFIX) - 1)

/* Length of a leading "/proc/self/fd/N/" that bsd_sockaddr_at added, or 0. */
static size_t
at_prefix_len(const char *path, size_t n)
{
	size_t i = AT_PREFIX_LEN;

	if (n <= AT_PREFIX_LEN || memcmp(path, AT_PREFIX, AT_PREFIX_LEN) != 0)
		return 0;
	while (i < n && path[i] >= '0' && path[i] <= '9')
		i++;
	if (i == AT_PREFIX_LEN || i >= n - 1 || path[i] != '/')
		return 0;
	return i + 1;
}

long
bsd_sockaddr_at(int dirfd, struct sockaddr_storage *l, uint32_t *llen)
{
	struct sockaddr_un *sun = (struct sockaddr_un *)l;
	char path[sizeof(sun->sun_path)], digits[12];
	size_t n = strnlen(sun->sun_path, sizeof(sun->sun_path)), nd = 0, len;
	long r;

	if (l->ss_family != AF_UNIX || sun->sun_path[0] == '/')
		return 0;
	if ((r = ux_sys(SYS_fcntl, dirfd, F_GETFD)) < 0)
		return r;
	do
		digits[nd++] = (char)('0' + dirfd % 10);
	while ((dirfd /= 10) != 0);
	len = AT_PREFIX_LEN + nd + 1 + n;
	if (len >= sizeof(path))
		return -ENAMETOOLONG;
	memcpy(path, AT_PREFIX, AT_PREFIX_LEN);
	for (size_t i = 0; i < nd; i++)
		path[AT_PREFIX_LEN + i] = digits[nd - 1 - i];
	path[AT_PREFIX_LEN + nd] = '/';
	memcpy(path + AT_PREFIX_LEN + nd + 1, sun->sun_path, n);
	path[len] = 0;
	memcpy(sun->sun_path, path, len + 1);
	*llen = (uint32_t)(offsetof(struct sockaddr_un, sun_path) + len + 1);
	return 0;
}

int
bsd_to_linux_af(const struct bsd_sockaddr_abi *abi, int af)
{
	if (af == abi->af_unspec)
		return AF_UNSPEC;
	if (af == abi->af_unix)
		return AF_UNIX;
	if (af == abi->af_inet)
		return AF_INET;
	if (af == abi->af_inet6)
		return AF_INET6;
	return -1;
}

int
linux_to_bsd_af(const struct bsd_sockaddr_abi *abi, int af)
{
	switch (af) {
	case AF_UNSPEC: return abi->af_unspec;
	case AF_UNIX: return abi->af_unix;
	case AF_INET: return abi->af_inet;
	case AF_INET6: return abi->af_inet6;
	default: return -1;
	}
}

long
bsd_to_linux_sockaddr(const struct bsd_sockaddr_abi *abi, const uint8_t *g, size_t glen,
    struct sockaddr_storage *l, uint32_t *llen)
{
	uint8_t *out = (uint8_t *)l;
	int af;

	if (glen < HDR)
		return -EINVAL;
	memset(l, 0, sizeof(*l));
	af = bsd_to_linux_af(abi, g[1]);
	switch (af) {
	case AF_INET:
		/* The BSD protocols insist on the exact size; a longer name is
		 * accepted here as Linux does, a shorter one is not. */
		if (glen < SIN_LEN)
			return -EINVAL;
		memcpy(out + HDR, g + HDR, SIN_LEN - HDR);
		*llen = SIN_LEN;
		break;
	case AF_INET6:
		/* No RFC 2133 24-byte form: the BSDs never had it. */
		if (glen < SIN6_LEN)
			return -EINVAL;
		memcpy(out + HDR, g + HDR, SIN6_LEN - HDR);
		*llen = SIN6_LEN;
		break;
	case AF_UNIX: {
		struct sockaddr_un *sun = (struct sockaddr_un *)l;
		size_t n;

		/* The path is sa_len - 2 bytes, cut at the first NUL. */
		if (glen > (size_t)HDR + abi->sun_path_max || glen == HDR)
			return -EINVAL;
		n = strnlen((const char *)g + HDR, glen - HDR);
		/* An empty path is a lookup of "", not Linux's abstract
		 * namespace, which the BSDs do not have. */
		if (n == 0)
			return -ENOENT;
		if (n >= sizeof(sun->sun_path))
			return -ENAMETOOLONG;
		memcpy(sun->sun_path, g + HDR, n);
		*llen = (uint32_t)(offsetof(struct sockaddr_un, sun_path) + n + 1);
		break;
	}
	case AF_UNSPEC:
		/* connect(AF_UNSPEC) dissolves a datagram association. */
		memcpy(out + HDR, g + HDR, glen < sizeof(*l) ? glen - HDR : sizeof(*l) - HDR);
		*llen = (uint32_t)(glen < sizeof(*l) ? glen : sizeof(*l));
		break;
	default:
		return -EAFNOSUPPORT;
	}
	l->ss_family = (sa_family_t)af;
	return 0;
}

size_t
linux_to_bsd_sockaddr(const struct bsd_sockaddr_abi *abi, const struct sockaddr *l,
    uint32_t llen, uint8_t *g)
{
	const uint8_t *in = (const uint8_t *)l;
	size_t glen;

	if (llen < HDR)
		return 0;
	memset(g, 0, BSD_SOCKADDR_MAX);
	switch (l->sa_family) {
	case AF_INET:
		glen = SIN_LEN;
		memcpy(g + HDR, in + HDR, (llen < SIN_LEN ? llen : SIN_LEN) - HDR);
		break;
	case AF_INET6:
		glen = SIN6_LEN;
		memcpy(g + HDR, in + HDR, (llen < SIN6_LEN ? llen : SIN6_LEN) - HDR);
		break;
	case AF_UNIX: {
		const struct sockaddr_un *sun = (const struct sockaddr_un *)l;
		size_t room = llen - offsetof(struct sockaddr_un, sun_path), n, skip;

		if (room > sizeof(sun->sun_path))
			room = sizeof(sun->sun_path);
		n = strnlen(sun->sun_path, room);
		if (n == 0) {
			/* XXX unnamed, or an abstract name (SO_PASSCRED autobinds
			 * one) that a BSD cannot spell: both read as unnamed. */
			glen = NONAME_LEN;
			break;
		}
		skip = at_prefix_len(sun->sun_path, n);
		/* The BSDs hand back the length the binder passed; a Linux
		 * name carries its NUL, so that is counted too. */
		glen = HDR + (n - skip) + 1;
		memcpy(g + HDR, sun->sun_path + skip, n - skip);
		break;
	}
	default:
		/* No guest twin (netlink, packet ...): the bytes as they are,
		 * under AF_UNSPEC. */
		glen = llen < BSD_SOCKADDR_MAX - 1 ? llen : BSD_SOCKADDR_MAX - 1;
		memcpy(g + HDR, in + HDR, glen - HDR);
		g[1] = abi->af_unspec;
		g[0] = (uint8_t)glen;
		return glen;
	}
	g[0] = (uint8_t)glen;
	g[1] = (uint8_t)linux_to_bsd_af(abi, l->sa_family);
	return glen;
}

long
bsd_sockaddr_copyin(const struct bsd_sockaddr_abi *abi, uint64_t gaddr, uint64_t glen,
    struct sockaddr_storage *l, uint32_t *llen)
{
	uint8_t g[BSD_SOCKADDR_MAX];
	long r;

	if (glen > abi->maxaddrlen)
		return -ENAMETOOLONG;
	if (glen < HDR)
		return -EINVAL;
	if ((r = ux_copyin(g, gaddr, glen)) < 0)
		return r;
	return bsd_to_linux_sockaddr(abi, g, glen, l, llen);
}

long
bsd_sockaddr_copyout(const struct bsd_sockaddr_abi *abi, const struct sockaddr *l,
    uint32_t llen, uint64_t gaddr, uint32_t room, int report_full, uint32_t *reported)
{
	uint8_t g[BSD_SOCKADDR_MAX];
	size_t glen = linux_to_bsd_sockaddr(abi, l, llen, g);
	size_t n = glen < room ? glen : room;
	long r;

	if (n > 0 && (r = ux_copyout(gaddr, g, n)) < 0)
		return r;
	*reported = (uint32_t)(report_full ? glen : n);
	return 0;
}
