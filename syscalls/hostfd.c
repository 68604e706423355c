#include "config.h"

#include <fcntl.h>
#include <unistd.h>
#include <sys/resource.h>

#include "syscalls/hostfd.h"

int ux_hostfd_lo = -1, ux_hostfd_hi = -1;

int
ux_hostfd_init(void)
{
	struct rlimit rl;

	if (ux_hostfd_lo >= 0)
		return 0;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur < 64)
		return -1;
	if (rl.rlim_cur > (1u << 20))
		rl.rlim_cur = 1u << 20;
	ux_hostfd_hi = (int)rl.rlim_cur;
	ux_hostfd_lo = ux_hostfd_hi - UX_HOSTFD_RESERVE;
	return 0;
}

int
ux_hostfd_take(int fd)
{
	if (ux_hostfd_init() != 0)
		return fd;
	if (ux_fd_is_host(fd))
		return fd;
	int nfd = fcntl(fd, F_DUPFD_CLOEXEC, ux_hostfd_lo);
	if (nfd < 0 || nfd >= ux_hostfd_hi) {
		if (nfd >= 0)
			close(nfd);
		return fd;
	}
	close(fd);
	return nfd;
}
