/*
 * Socket addresses of the BSD family (FreeBSD, NetBSD, OpenBSD): every
 * sockaddr starts with a one-byte sa_len and a one-byte sa_family, where
 * Linux has a two-byte sa_family.  The address bodies of AF_INET,
 * AF_INET6 and AF_UNIX are laid out the same after those two bytes; the
 * family numbers differ per system, so each personality passes a small
 * table of its own.
 */
#ifndef UX_BSD_SOCKADDR_H
#define UX_BSD_SOCKADDR_H

#include <stddef.h>
#include <stdint.h>

struct sockaddr;
struct sockaddr_storage;

struct bsd_sockaddr_abi {
	uint8_t af_unspec, af_unix, af_inet, af_inet6;	/* the guest's numbers */
	uint8_t sun_path_max;	/* sizeof sun_path: 104 on all three BSDs */
	uint8_t maxaddrlen;	/* SOCK_MAXADDRLEN: longer names fail ENAMETOOLONG */
};

/* The longest guest sockaddr the converters produce or accept. */
#define BSD_SOCKADDR_MAX 256

/*
 * Guest bytes (glen of them, already copied in) to a Linux address.  The
 * guest's sa_len is ignored, as the BSD kernels overwrite it with the
 * length argument.  -EAFNOSUPPORT for a family Linux cannot take, -EINVAL
 * for a body shorter than the family needs, and for AF_UNIX -EINVAL
 * without a path and -ENOENT for an empty one (no abstract namespace).
 */
long bsd_to_linux_sockaddr(const struct bsd_sockaddr_abi *abi, const uint8_t *g,
    size_t glen, struct sockaddr_storage *l, uint32_t *llen);

/*
 * A Linux address (llen bytes) to guest bytes in g (BSD_SOCKADDR_MAX
 * long); returns the guest length, sa_len included.  llen 0 gives 0.
 * Unnamed and abstract AF_UNIX names both read as the BSD's unnamed
 * address (a bare 16-byte sockaddr with only len and family set).
 */
size_t linux_to_bsd_sockaddr(const struct bsd_sockaddr_abi *abi,
    const struct sockaddr *l, uint32_t llen, uint8_t *g);

/* bind/connect/sendto argument: length checks, copyin, conversion. */
long bsd_sockaddr_copyin(const struct bsd_sockaddr_abi *abi, uint64_t gaddr,
    uint64_t glen, struct sockaddr_storage *l, uint32_t *llen);

/*
 * Result of accept/getsockname/getpeername/recvfrom: copies
 * min(room, converted length) bytes to gaddr and sets *reported to the
 * length the guest is told: that same minimum, or the untruncated length
 * when report_full (FreeBSD 15 does that for accept and the get*name
 * calls; 14 and recvfrom report the copied length).  0 or -EFAULT.
 */
long bsd_sockaddr_copyout(const struct bsd_sockaddr_abi *abi, const struct sockaddr *l,
    uint32_t llen, uint64_t gaddr, uint32_t room, int report_full, uint32_t *reported);

/*
 * bindat/connectat: makes a relative AF_UNIX path in *l relative to the
 * directory dirfd (a host descriptor) by way of /proc/self/fd/DIRFD/,
 * since Linux binds and connects only relative to the working directory,
 * and a chdir would move every thread.  Absolute paths stay as they are.
 * -EBADF for a bad dirfd, -ENAMETOOLONG when the longer path does not fit.
 * Names read back (getsockname ...) lose the prefix again, which leaves
 * the relative path the guest passed, as a BSD kernel keeps it.
 */
long bsd_sockaddr_at(int dirfd, struct sockaddr_storage *l, uint32_t *llen);

/* The host family for a guest AF_ number, or -1. */
int bsd_to_linux_af(const struct bsd_sockaddr_abi *abi, int af);
int linux_to_bsd_af(const struct bsd_sockaddr_abi *abi, int af);

#endif
