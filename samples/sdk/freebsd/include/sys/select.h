/* uxrun FreeBSD SDK: select(2) and fd_set (1024 bits, as uint64_t[16]). */
#ifndef _UXRT_SYS_SELECT_H
#define _UXRT_SYS_SELECT_H

#include <sys/types.h>

#define FD_SETSIZE	1024
#define _UXRT_NFDBITS	64

typedef struct fd_set {
	uint64_t fds_bits[FD_SETSIZE / _UXRT_NFDBITS];
} fd_set;

#define FD_ZERO(s)	__builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(fd, s)	((s)->fds_bits[(fd) / _UXRT_NFDBITS] |= (uint64_t)1 << ((fd) % _UXRT_NFDBITS))
#define FD_CLR(fd, s)	((s)->fds_bits[(fd) / _UXRT_NFDBITS] &= ~((uint64_t)1 << ((fd) % _UXRT_NFDBITS)))
#define FD_ISSET(fd, s)	(((s)->fds_bits[(fd) / _UXRT_NFDBITS] >> ((fd) % _UXRT_NFDBITS)) & 1)

struct timeval;
int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv);

#endif
