/*
 * Credentials and sessions.  Linux keeps credentials per thread and glibc
 * makes set*id() process-wide by signalling every thread; FreeBSD's are
 * per process.  So these go through glibc's wrappers, not raw calls: every
 * guest thread is a glibc thread and takes part.
 */
#include "config.h"

#include <grp.h>
#include <unistd.h>

#include "syscalls/freebsd/fbsd_handlers.h"

static long
neg_errno(int r)
{
	return r == 0 ? 0 : -errno;
}

long
fbsd_sys_setuid(struct uxcall *c, uint32_t uid)
{
	return neg_errno(setuid(uid));
}

long
fbsd_sys_setgid(struct uxcall *c, uint32_t gid)
{
	return neg_errno(setgid(gid));
}

long
fbsd_sys_seteuid(struct uxcall *c, uint32_t euid)
{
	return neg_errno(seteuid(euid));
}

long
fbsd_sys_setegid(struct uxcall *c, uint32_t egid)
{
	return neg_errno(setegid(egid));
}

long
fbsd_sys_setreuid(struct uxcall *c, int ruid, int euid)
{
	return neg_errno(setreuid((uid_t)ruid, (uid_t)euid));
}

long
fbsd_sys_setregid(struct uxcall *c, int rgid, int egid)
{
	return neg_errno(setregid((gid_t)rgid, (gid_t)egid));
}

long
fbsd_sys_setresuid(struct uxcall *c, uint32_t ruid, uint32_t euid, uint32_t suid)
{
	return neg_errno(setresuid(ruid, euid, suid));
}

long
fbsd_sys_setresgid(struct uxcall *c, uint32_t rgid, uint32_t egid, uint32_t sgid)
{
	return neg_errno(setresgid(rgid, egid, sgid));
}

long
fbsd_sys_getresuid(struct uxcall *c, uint32_t *ruid, uint32_t *euid, uint32_t *suid)
{
	uid_t v[3];
	long r = ux_sys(SYS_getresuid, &v[0], &v[1], &v[2]);

	if (r < 0)
		return r;
	if ((ruid && ux_copyout(ruid, &v[0], 4)) || (euid && ux_copyout(euid, &v[1], 4)) ||
	    (suid && ux_copyout(suid, &v[2], 4)))
		return -EFAULT;
	return 0;
}

long
fbsd_sys_getresgid(struct uxcall *c, uint32_t *rgid, uint32_t *egid, uint32_t *sgid)
{
	gid_t v[3];
	long r = ux_sys(SYS_getresgid, &v[0], &v[1], &v[2]);

	if (r < 0)
		return r;
	if ((rgid && ux_copyout(rgid, &v[0], 4)) || (egid && ux_copyout(egid, &v[1], 4)) ||
	    (sgid && ux_copyout(sgid, &v[2], 4)))
		return -EFAULT;
	return 0;
}

long
fbsd_sys_setgroups(struct uxcall *c, unsigned gidsetsize, const uint32_t *gidset)
{
	gid_t g[1024];

	if (gidsetsize > 1023)	/* FreeBSD's ngroups_max */
		return -EINVAL;
	if (gidsetsize && ux_copyin(g, gidset, gidsetsize * sizeof(gid_t)) != 0)
		return -EFAULT;
	return neg_errno(setgroups(gidsetsize, g));
}

long
fbsd_sys_setsid(struct uxcall *c)
{
	return ux_sys(SYS_setsid);
}

long
fbsd_sys_setpgid(struct uxcall *c, int pid, int pgid)
{
	return ux_sys(SYS_setpgid, pid, pgid);
}

long
fbsd_sys_getpgid(struct uxcall *c, int pid)
{
	return ux_sys(SYS_getpgid, pid);
}

long
fbsd_sys_getsid(struct uxcall *c, int pid)
{
	return ux_sys(SYS_getsid, pid);
}
