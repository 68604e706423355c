/* Process identity and exit. */
#include "config.h"

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/trace.h"

long
fbsd_sys_exit(struct uxcall *c, int rval)
{
	ux_trace_noreturn(&fbsd_personality, c);
	/* The guest's stdio already flushed; nothing of uxrun's is buffered. */
	ux_sys(SYS_exit_group, rval);
	__builtin_unreachable();
}

long
fbsd_sys_getpid(struct uxcall *c)
{
	return ux_sys(SYS_getpid);
}

long
fbsd_sys_getppid(struct uxcall *c)
{
	return ux_sys(SYS_getppid);
}

long
fbsd_sys_getuid(struct uxcall *c)
{
	return ux_sys(SYS_getuid);
}

long
fbsd_sys_geteuid(struct uxcall *c)
{
	return ux_sys(SYS_geteuid);
}

long
fbsd_sys_getgid(struct uxcall *c)
{
	return ux_sys(SYS_getgid);
}

long
fbsd_sys_getegid(struct uxcall *c)
{
	return ux_sys(SYS_getegid);
}

long
fbsd_sys_getpgrp(struct uxcall *c)
{
	return ux_sys(SYS_getpgid, 0);
}

long
fbsd_sys_getgroups(struct uxcall *c, int gidsetsize, uint32_t *gidset)
{
	/* gid_t is 32 bits on both sides. */
	return ux_sys(SYS_getgroups, gidsetsize, gidset);
}

long
fbsd_sys_issetugid(struct uxcall *c)
{
	/* uxrun never runs set-id: seccomp's no_new_privs forbids it. */
	return 0;
}

long
fbsd_sys_kill(struct uxcall *c, int pid, int signum)
{
	int sig = fbsd_to_linux_signo(signum);

	if (sig < 0)
		return -EINVAL;
	/* XXX SIGSYS is the trap's; guest-visible SIGSYS comes with the
	 * signal virtualisation work. */
	return ux_sys(SYS_kill, pid, sig);
}
