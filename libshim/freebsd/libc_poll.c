/*
 * poll, select and ioctl: the same handlers as the system calls (struct pollfd's
 * POLLWRNORM and POLLWRBAND differ from Linux's; fd_set and timeval do
 * not), called with a struct uxcall so a dynamic guest gets the answers a
 * static one gets, uxrun's own descriptors refused, and a queued guest
 * signal interrupting the wait.
 */
#include "config.h"

#include <stdarg.h>

#include "libshim/freebsd/libc_shim.h"
#include "syscalls/freebsd/fbsd_sysent.h"

#define POLLCALL(name, ...) ({ \
	struct uxcall c_; \
	shim_uxcall_init(&c_, FBSD_SYS_##name); \
	shim_sysret(fbsd_sys_##name(&c_, __VA_ARGS__)); \
})

int
shim_poll(struct fbsd_pollfd *fds, unsigned nfds, int timeout)
{
	return (int)POLLCALL(poll, fds, nfds, timeout);
}

int
shim_select(int nd, void *in, void *ou, void *ex, struct fbsd_timeval *tv)
{
	return (int)POLLCALL(select, nd, in, ou, ex, tv);
}

/* The system-call layer's ioctl translation (requests, termios and the
 * like), whatever the request's argument is: FreeBSD's ioctl takes one
 * pointer-sized word after the request, or none. */
int
shim_ioctl(int fd, unsigned long com, ...)
{
	va_list ap;
	char *data;

	va_start(ap, com);
	data = va_arg(ap, char *);
	va_end(ap);
	return (int)POLLCALL(ioctl, fd, com, data);
}
