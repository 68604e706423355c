/* fcntl(2): descriptor flags, status flags, duplication, record locks, seals. */
#include "config.h"

#include <fcntl.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_convert.h"

#define FBSD_F_SEAL_ALL	0xf	/* SEAL, SHRINK, GROW, WRITE: Linux's values */

/* The 24-byte struct flock of FreeBSD 8 and older (F_OGETLK ...): the
 * current one without l_sysid. */
#define FBSD_OFLOCK_SIZE offsetof(struct fbsd_flock, l_sysid)

long
fbsd_to_linux_flock(const struct fbsd_flock *g, struct flock *l)
{
	short type;

	switch (g->l_type) {
	case FBSD_F_RDLCK: type = F_RDLCK; break;
	case FBSD_F_WRLCK: type = F_WRLCK; break;
	case FBSD_F_UNLCK: type = F_UNLCK; break;
	default: return -EINVAL;
	}
	/* SEEK_SET, SEEK_CUR and SEEK_END have the same values; FreeBSD's
	 * lock code takes no other whence. */
	if (g->l_whence != SEEK_SET && g->l_whence != SEEK_CUR && g->l_whence != SEEK_END)
		return -EINVAL;
	*l = (struct flock){ .l_type = type, .l_whence = g->l_whence,
	    .l_start = g->l_start, .l_len = g->l_len, .l_pid = g->l_pid };
	return 0;
}

void
linux_to_fbsd_flock(const struct flock *l, struct fbsd_flock *g)
{
	g->l_type = l->l_type == F_RDLCK ? FBSD_F_RDLCK :
	    l->l_type == F_WRLCK ? FBSD_F_WRLCK : FBSD_F_UNLCK;
	g->l_whence = l->l_whence;
	g->l_start = l->l_start;
	g->l_len = l->l_len;
	g->l_pid = l->l_pid;
	g->l_sysid = 0;		/* a local lock */
}

static long
do_lock(int fd, int lcmd, long arg, size_t gsize)
{
	struct fbsd_flock g = { 0 };
	struct flock l;
	long r;

	if ((r = ux_copyin(&g, arg, gsize)) < 0)
		return r;
	if ((r = fbsd_to_linux_flock(&g, &l)) < 0)
		return r;
	r = ux_sys(SYS_fcntl, fd, lcmd, &l);
	if (r < 0 || lcmd != F_GETLK)
		return r;
	linux_to_fbsd_flock(&l, &g);
	return ux_copyout(arg, &g, gsize);
}

/* A new descriptor must stay below uxrun's band, as if the table ended there. */
static long
dup_below_band(int fd, int lcmd, int minfd)
{
	long r;

	if (minfd < 0 || minfd >= ux_hostfd_lo)
		return -EINVAL;
	r = ux_sys(SYS_fcntl, fd, lcmd, minfd);
	if (r >= 0 && ux_fd_is_host(r)) {
		ux_sys(SYS_close, r);
		return -EMFILE;
	}
	return r;
}

static long
dup_to(int fd, int to, int cloexec)
{
	long r;

	/* The guest's table ends where the band begins. */
	if (to < 0 || to >= ux_hostfd_lo)
		return -EBADF;
	if (fd == to) {
		/* dup3 refuses this; FreeBSD checks fd and sets the flag. */
		r = ux_sys(SYS_fcntl, fd, F_GETFD);
		if (r >= 0 && cloexec)
			r = ux_sys(SYS_fcntl, fd, F_SETFD, r | FD_CLOEXEC);
		return r < 0 ? r : to;
	}
	return cloexec ? ux_sys(SYS_dup3, fd, to, O_CLOEXEC) : ux_sys(SYS_dup2, fd, to);
}

long
fbsd_sys_fcntl(struct uxcall *c, int fd, int cmd, long arg)
{
	static uint8_t reported[FBSD_F_KINFO + 2];
	long r;

	switch (cmd) {
	case FBSD_F_DUPFD:
		return dup_below_band(fd, F_DUPFD, (int)arg);
	case FBSD_F_DUPFD_CLOEXEC:
		return dup_below_band(fd, F_DUPFD_CLOEXEC, (int)arg);
	case FBSD_F_DUP2FD:
		return dup_to(fd, (int)arg, 0);
	case FBSD_F_DUP2FD_CLOEXEC:
		return dup_to(fd, (int)arg, 1);
	case FBSD_F_GETFD:
		return ux_sys(SYS_fcntl, fd, F_GETFD);
	case FBSD_F_SETFD:
		return ux_sys(SYS_fcntl, fd, F_SETFD, arg & FD_CLOEXEC);
	case FBSD_F_GETFL:
		r = ux_sys(SYS_fcntl, fd, F_GETFL);
		return r < 0 ? r : linux_to_fbsd_oflags((int)r);
	case FBSD_F_SETFL:
		/* Linux, like FreeBSD, ignores the access mode and creation bits. */
		return ux_sys(SYS_fcntl, fd, F_SETFL, fbsd_to_linux_oflags((int)arg));
	case FBSD_F_GETOWN: {
		/* F_GETOWN_EX: a plain F_GETOWN's negative process group would
		 * read as an error.  XXX a group below 4096 still will, once
		 * returned as -pgid. */
		struct f_owner_ex o;
		r = ux_sys(SYS_fcntl, fd, F_GETOWN_EX, &o);
		if (r < 0)
			return r;
		return o.type == F_OWNER_PGRP ? -(long)o.pid : o.pid;
	}
	case FBSD_F_SETOWN:
		return ux_sys(SYS_fcntl, fd, F_SETOWN, (int)arg);
	case FBSD_F_GETLK:
		return do_lock(fd, F_GETLK, arg, sizeof(struct fbsd_flock));
	case FBSD_F_SETLK:
		return do_lock(fd, F_SETLK, arg, sizeof(struct fbsd_flock));
	case FBSD_F_SETLKW:
		return do_lock(fd, F_SETLKW, arg, sizeof(struct fbsd_flock));
	case FBSD_F_OGETLK:
		return do_lock(fd, F_GETLK, arg, FBSD_OFLOCK_SIZE);
	case FBSD_F_OSETLK:
		return do_lock(fd, F_SETLK, arg, FBSD_OFLOCK_SIZE);
	case FBSD_F_OSETLKW:
		return do_lock(fd, F_SETLKW, arg, FBSD_OFLOCK_SIZE);
	case FBSD_F_ADD_SEALS:
		/* Linux's FUTURE_WRITE and EXEC seals have no FreeBSD name. */
		if (arg & ~(long)FBSD_F_SEAL_ALL)
			return -EINVAL;
		return ux_sys(SYS_fcntl, fd, F_ADD_SEALS, arg);
	case FBSD_F_GET_SEALS:
		r = ux_sys(SYS_fcntl, fd, F_GET_SEALS);
		return r < 0 ? r : (r & FBSD_F_SEAL_ALL);
	}
	unsigned slot = (unsigned)cmd <= FBSD_F_KINFO ? (unsigned)cmd : FBSD_F_KINFO + 1;
	const char *name = ux_sym_name(&fbsd_fcntl_tab, (uint64_t)(uint32_t)cmd);
	if (name)
		ux_report_once(&reported[slot], "fcntl %s (%d) is not translated: returning EINVAL",
		    name, cmd);
	else
		ux_report_once(&reported[slot], "unknown fcntl command %d: returning EINVAL", cmd);
	return -EINVAL;
}
