/*
 * Descriptors uxrun keeps for itself (the log, later epoll sets behind
 * kqueues) live in a reserved band at the top of the descriptor table.  The
 * guest is told its RLIMIT_NOFILE ends below the band, and every guest call
 * that names a descriptor in it fails with EBADF, so the guest can neither
 * see nor close them.
 */
#ifndef UX_HOSTFD_H
#define UX_HOSTFD_H

/* Each kqueue takes two, plus timer, signal and process descriptors. */
#define UX_HOSTFD_RESERVE 64

extern int ux_hostfd_lo, ux_hostfd_hi;	/* band [lo, hi) */

int ux_hostfd_init(void);
/* Moves fd into the band (close-on-exec); returns the new number or -1. */
int ux_hostfd_take(int fd);

static inline int
ux_fd_is_host(long fd)
{
	return fd >= ux_hostfd_lo && fd < ux_hostfd_hi;
}

#endif
