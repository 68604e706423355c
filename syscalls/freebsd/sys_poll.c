/* poll, select and pipe2. */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/time.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/thread.h"
#include "syscalls/freebsd/fbsd_convert.h"

/* FreeBSD <sys/poll.h>; POLLWRNORM is POLLOUT there. */
#define FBSD_POLLIN		0x0001
#define FBSD_POLLPRI		0x0002
#define FBSD_POLLOUT		0x0004
#define FBSD_POLLERR		0x0008
#define FBSD_POLLHUP		0x0010
#define FBSD_POLLNVAL		0x0020
#define FBSD_POLLRDNORM		0x0040
#define FBSD_POLLRDBAND		0x0080
#define FBSD_POLLWRBAND		0x0100
#define FBSD_POLLINIGNEOF	0x2000
#define FBSD_POLLRDHUP		0x4000
#define FBSD_INFTIM		(-1)

#define S(name, host) { FBSD_##name, (uint64_t)(host), #name }

/*
 * Linux POLLWRNORM (0x100) comes back as FreeBSD POLLOUT, the same bit as
 * FreeBSD's POLLWRNORM.  POLLINIGNEOF asks for input but not for the
 * end-of-file wakeup of a FIFO without writers; Linux cannot leave EOF
 * out.  XXX it is polled as POLLIN.
 */
static const struct ux_sym pollev_syms[] = {
	S(POLLIN, POLLIN), S(POLLPRI, POLLPRI), S(POLLOUT, POLLOUT), S(POLLERR, POLLERR),
	S(POLLHUP, POLLHUP), S(POLLNVAL, POLLNVAL), S(POLLRDNORM, POLLRDNORM),
	S(POLLRDBAND, POLLRDBAND), S(POLLWRBAND, POLLWRBAND), S(POLLRDHUP, POLLRDHUP),
	S(POLLOUT, POLLWRNORM), S(POLLINIGNEOF, POLLIN),
};
static const struct ux_symtab pollev_tab = UX_SYMTAB(pollev_syms, 1);

short
fbsd_to_linux_pollev(int16_t ev)
{
	return (short)ux_flags_to_host(&pollev_tab, (uint16_t)ev, "poll event");
}

int16_t
linux_to_fbsd_pollev(short ev)
{
	return (int16_t)ux_flags_to_guest(&pollev_tab, (uint16_t)ev);
}

#define BAND_FD INT32_MIN	/* negative, so Linux skips it */
#define POLL_STACK_FDS 4096	/* 32 KB on the stack; more goes to a mapping */

long
fbsd_sys_poll(struct uxcall *c, struct fbsd_pollfd *fds, unsigned nfds, int timeout)
{
	struct pollfd stackbuf[POLL_STACK_FDS], *p = stackbuf;
	size_t maplen = 0;
	long r;

	if (timeout < 0 && timeout != FBSD_INFTIM)
		return -EINVAL;
	/* FreeBSD's limit: the descriptor table, or FD_SETSIZE if larger. */
	if (nfds > (unsigned)ux_hostfd_lo && nfds > 1024)
		return -EINVAL;
	if (nfds > POLL_STACK_FDS) {
		maplen = ((size_t)nfds * sizeof(*p) + 4095) & ~(size_t)4095;
		r = ux_sys(SYS_mmap, 0, maplen, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (r < 0)
			return r;
		p = (struct pollfd *)r;
	}
	for (unsigned i = 0; i < nfds; i++) {
		struct fbsd_pollfd g;
		if ((r = ux_copyin(&g, &fds[i], sizeof(g))) < 0)
			goto out;
		/* A negative fd is skipped by both systems; uxrun's own
		 * descriptors are skipped too, and reported as not open. */
		p[i].fd = ux_fd_is_host(g.fd) ? BAND_FD : g.fd;
		p[i].events = fbsd_to_linux_pollev(g.events);
		p[i].revents = 0;
	}
	r = ux_block(c->td, SYS_poll, p, nfds, timeout);
	if (r < 0)
		goto out;
	/* Like FreeBSD, only revents is written back. */
	for (unsigned i = 0; i < nfds; i++) {
		int16_t rev;
		long e;
		if (p[i].fd == BAND_FD) {
			rev = FBSD_POLLNVAL;
			r++;
		} else {
			rev = linux_to_fbsd_pollev(p[i].revents);
		}
		if ((e = ux_copyout(&fds[i].revents, &rev, sizeof(rev))) < 0) {
			r = e;
			goto out;
		}
	}
out:
	if (maplen)
		ux_sys(SYS_munmap, p, maplen);
	return r;
}

/*
 * The fd_set layout (an array of 64-bit words, fd n at bit n % 64 of word
 * n / 64) and struct timeval are the same on both systems.  The timeout is
 * copied so the guest's stays untouched, as FreeBSD leaves it.
 */
long
fbsd_sys_select(struct uxcall *c, int nd, void *in, void *ou, void *ex, struct fbsd_timeval *tv)
{
	struct timeval ltv;
	long r;

	if (nd < 0)
		return -EINVAL;
	/* Descriptors from uxrun's band up can only name uxrun's own (or
	 * none): any bit set there is a descriptor the guest does not have. */
	if (nd > ux_hostfd_lo) {
		void *sets[3] = { in, ou, ex };
		int top = nd < ux_hostfd_hi ? nd : ux_hostfd_hi;
		for (int s = 0; s < 3; s++) {
			if (!sets[s])
				continue;
			for (int fd = ux_hostfd_lo & ~63; fd < top; fd += 64) {
				uint64_t w;
				if ((r = ux_copyin(&w, (uint64_t *)sets[s] + fd / 64, sizeof(w))) < 0)
					return r;
				for (int b = 0; b < 64 && fd + b < top; b++)
					if ((w >> b & 1) && fd + b >= ux_hostfd_lo)
						return -EBADF;
			}
		}
		nd = ux_hostfd_lo;
	}
	if (tv) {
		struct fbsd_timeval g;
		if ((r = ux_copyin(&g, tv, sizeof(g))) < 0)
			return r;
		/* Linux would carry whole seconds out of tv_usec. */
		if (g.tv_sec < 0 || g.tv_usec < 0 || g.tv_usec >= 1000000)
			return -EINVAL;
		ltv.tv_sec = g.tv_sec;
		ltv.tv_usec = g.tv_usec;
	}
	return ux_block(c->td, SYS_select, nd, in, ou, ex, tv ? &ltv : NULL);
}

long
fbsd_sys_pipe2(struct uxcall *c, int *fildes, int flags)
{
	int fds[2];
	long r;

	if (flags & ~(FBSD_O_CLOEXEC | FBSD_O_NONBLOCK))
		return -EINVAL;
	r = ux_sys(SYS_pipe2, fds, fbsd_to_linux_oflags(flags));
	if (r < 0)
		return r;
	if (ux_fd_is_host(fds[0]) || ux_fd_is_host(fds[1]))
		r = -EMFILE;	/* the guest's table is full below the band */
	else
		r = ux_copyout(fildes, fds, sizeof(fds));
	if (r < 0) {
		ux_sys(SYS_close, fds[0]);
		ux_sys(SYS_close, fds[1]);
	}
	return r;
}
