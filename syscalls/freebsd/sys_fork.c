/*
 * Process creation: fork, vfork, rfork, pdfork (and pdkill, pdgetpid on
 * the descriptor pdfork returns).
 *
 * The handler runs on the calling thread's SIGSYS stack, inside the trap
 * frame.  The child is made with a raw clone that copies the address space:
 * it wakes up in its own copy of this frame and returns to the guest through
 * sigreturn, as the parent does.  glibc's fork() is not used because it runs
 * atfork handlers, which do not belong in signal context.  Nothing is ever
 * shared with CLONE_VM: parent and child would both run on the one signal
 * stack, so vfork gets copy semantics (with CLONE_VFORK's ordering) and
 * rfork(RFMEM) is refused.
 *
 * FreeBSD returns the pid in rax and 0 in rdx to the parent, 0 and 1 to the
 * child (x86_set_fork_retval); libc's rfork_thread() tests rdx.
 */
#include "config.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_proc.h"
#include "syscalls/freebsd/fbsd_event.h"
#include "syscalls/freebsd/fbsd_thread.h"
#include "syscalls/trap.h"
#include "syscalls/freebsd/timekeep.h"

#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif

/* <sys/unistd.h> rfork(2) flags */
#define FBSD_RFNAMEG		(1U << 0)
#define FBSD_RFENVG		(1U << 1)
#define FBSD_RFFDG		(1U << 2)
#define FBSD_RFNOTEG		(1U << 3)
#define FBSD_RFPROC		(1U << 4)
#define FBSD_RFMEM		(1U << 5)
#define FBSD_RFNOWAIT		(1U << 6)
#define FBSD_RFCNAMEG		(1U << 10)
#define FBSD_RFCENVG		(1U << 11)
#define FBSD_RFCFDG		(1U << 12)
#define FBSD_RFTHREAD		(1U << 13)
#define FBSD_RFSIGSHARE		(1U << 14)
#define FBSD_RFLINUXTHPN	(1U << 16)
#define FBSD_RFSTOPPED		(1U << 17)
#define FBSD_RFHIGHPID		(1U << 18)
#define FBSD_RFTSIGZMB		(1U << 19)
#define FBSD_RFTSIGSHIFT	20
#define FBSD_RFTSIGMASK		0xffU
#define FBSD_RFPROCDESC		(1U << 28)
#define FBSD_RFSPAWN		(1U << 31)
#define FBSD_RFFLAGS (FBSD_RFFDG | FBSD_RFPROC | FBSD_RFMEM | FBSD_RFNOWAIT | FBSD_RFCFDG | \
	FBSD_RFTHREAD | FBSD_RFSIGSHARE | FBSD_RFLINUXTHPN | FBSD_RFSTOPPED | FBSD_RFHIGHPID | \
	FBSD_RFTSIGZMB | FBSD_RFPROCDESC | FBSD_RFSPAWN)
#define FBSD_RFKERNELONLY	(FBSD_RFSTOPPED | FBSD_RFHIGHPID | FBSD_RFPROCDESC)

/* <sys/procdesc.h> pdfork(2) flags */
#define FBSD_PD_DAEMON		0x01
#define FBSD_PD_CLOEXEC		0x02

#define PAGE 4096

/* The child's half of a fork: it is a new process with one thread. */
static long
child_return(struct uxcall *c)
{
	long tid = ux_sys(SYS_gettid);

	/* Syscall User Dispatch is not inherited: without this the child's
	 * guest code would reach Linux directly.  The selector stays 0 until
	 * the trap handler returns to the guest.  Nothing can be reported if
	 * it fails, so the child dies rather than run untranslated. */
	if (ux_trap_thread_arm(c->td) != 0)
		ux_sys(SYS_exit_group, 127);
	c->td->tid = (int)tid;
	fbsd_td(c->td)->tid = tid + FBSD_TID_BASE;
	/* Signals that reached the parent during the call are the parent's;
	 * a new process starts with none pending. */
	fbsd_td(c->td)->npending = 0;
	c->td->sig_pending = 0;
	if (fbsd_thread_atfork_child)
		fbsd_thread_atfork_child(c->td);
	/* kqueues are not inherited across fork on FreeBSD. */
	fbsd_kqueue_fork_child();
	fbsd_timekeep_fork_child();
	c->rv[1] = 1;
	c->rv2_set = 1;
	return 0;
}

static long
parent_return(struct uxcall *c, long pid)
{
	c->rv[1] = 0;
	c->rv2_set = 1;
	return pid;
}

/* RFCFDG: the child starts with no descriptors (uxrun's own stay). */
static void
close_guest_fds(void)
{
	if (ux_hostfd_lo > 0)
		ux_sys(SYS_close_range, 0, ux_hostfd_lo - 1, 0);
}

/* clone(2) as fork: no new stack, so the child runs on its copy of ours. */
static long
raw_clone(unsigned long flags, int *pidfd)
{
	return ux_sys(SYS_clone, flags, 0, pidfd, 0, 0);
}

/*
 * RFNOWAIT: a middle process makes the child and exits at once, so the
 * child is handed to init (or the nearest subreaper) as FreeBSD does.  The
 * middle one has no exit signal, so the guest never sees a SIGCHLD for it.
 */
static long
fork_detached(struct uxcall *c, unsigned long flags, int cfdg)
{
	volatile long *box = (volatile long *)ux_sys(SYS_mmap, 0, PAGE, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long mid, r;

	if (ux_is_err((long)box))
		return (long)box;
	mid = raw_clone(flags & CLONE_FILES, NULL);
	if (mid == 0) {
		r = raw_clone(flags, NULL);
		if (r == 0) {
			ux_sys(SYS_munmap, box, PAGE);
			if (cfdg)
				close_guest_fds();
			return child_return(c);
		}
		*box = r;
		ux_sys(SYS_exit_group, 0);
	}
	if (mid < 0) {
		ux_sys(SYS_munmap, box, PAGE);
		return mid;
	}
	do
		r = ux_sys(SYS_wait4, mid, 0, __WALL, 0);
	while (r == -EINTR);
	r = *box;
	ux_sys(SYS_munmap, box, PAGE);
	return r;
}

/*
 * Makes the child.  flags: clone flags with the exit signal; cfdg: empty
 * the child's descriptor table; detach: RFNOWAIT.
 */
static long
do_fork(struct uxcall *c, unsigned long flags, int cfdg, int detach)
{
	long r;

	if (detach)
		r = fork_detached(c, flags, cfdg);
	else
		r = raw_clone(flags, NULL);
	if (r == 0) {
		/* fork_detached has already done the child's part. */
		if (detach)
			return 0;
		if (cfdg)
			close_guest_fds();
		return child_return(c);
	}
	if (r < 0)
		return r;
	return parent_return(c, r);
}

long
fbsd_sys_fork(struct uxcall *c)
{
	return do_fork(c, SIGCHLD, 0, 0);
}

/* Copy semantics (see the top of the file); CLONE_VFORK keeps the parent
 * asleep until the child execs or exits, as FreeBSD's RFPPWAIT does. */
long
fbsd_sys_vfork(struct uxcall *c)
{
	return do_fork(c, CLONE_VFORK | SIGCHLD, 0, 0);
}

long
fbsd_sys_rfork(struct uxcall *c, int flags)
{
	static uint8_t reported_mem, reported_thread, reported_sig;
	unsigned f = (unsigned)flags;
	unsigned long cl;
	int sig;

	if (f & FBSD_RFKERNELONLY)
		return -EINVAL;
	if ((f & FBSD_RFSPAWN) && f != FBSD_RFSPAWN)
		return -EINVAL;
	/* posix_spawn: vfork semantics.  XXX FreeBSD also resets caught
	 * signals to SIG_DFL in the child; the guest's handlers stay. */
	if (f == FBSD_RFSPAWN)
		return do_fork(c, CLONE_VFORK | SIGCHLD, 0, 0);

	if (f & ~(FBSD_RFFLAGS | (FBSD_RFTSIGMASK << FBSD_RFTSIGSHIFT)))
		return -EINVAL;
	if ((f & (FBSD_RFTSIGMASK << FBSD_RFTSIGSHIFT)) && !(f & FBSD_RFTSIGZMB))
		return -EINVAL;
	if ((f & (FBSD_RFFDG | FBSD_RFCFDG)) == (FBSD_RFFDG | FBSD_RFCFDG))
		return -EINVAL;
	sig = (int)((f >> FBSD_RFTSIGSHIFT) & FBSD_RFTSIGMASK);
	if ((f & FBSD_RFTSIGZMB) && sig > FBSD_NSIG)
		return -EINVAL;

	if (!(f & FBSD_RFPROC)) {
		/* Changes to the calling process.  Its address space and
		 * descriptor table are never shared with another process under
		 * uxrun, so only emptying the table has an effect. */
		if (f & FBSD_RFCFDG)
			close_guest_fds();
		return parent_return(c, 0);
	}

	if (f & FBSD_RFMEM) {
		ux_report_once(&reported_mem, "rfork(RFMEM): a child sharing the address space "
		    "is not supported; returning EINVAL");
		return -EINVAL;
	}
	if (f & FBSD_RFTHREAD) {
		ux_report_once(&reported_thread, "rfork(RFTHREAD) is not supported; returning EINVAL");
		return -EINVAL;
	}
	if (f & FBSD_RFSIGSHARE) {
		ux_report_once(&reported_sig, "rfork(RFSIGSHARE): shared signal handlers without "
		    "a shared address space are not supported; returning EINVAL");
		return -EINVAL;
	}

	/* The signal the parent gets at the child's exit.  Linux, like
	 * FreeBSD, only lets wait() see such children when asked for them
	 * (__WCLONE, FreeBSD's WLINUXCLONE). */
	if (f & FBSD_RFTSIGZMB) {
		cl = (unsigned long)fbsd_to_linux_signo(sig);
		if ((long)cl < 0)
			return -EINVAL;
	} else if (f & FBSD_RFLINUXTHPN) {
		cl = SIGUSR1;
	} else {
		cl = SIGCHLD;
	}
	if (!(f & (FBSD_RFFDG | FBSD_RFCFDG)))
		cl |= CLONE_FILES;
	return do_fork(c, cl, (f & FBSD_RFCFDG) != 0, (f & FBSD_RFNOWAIT) != 0);
}

/*
 * A process descriptor is a Linux pidfd.  The child gets no exit signal:
 * FreeBSD sends no SIGCHLD for a child that has a process descriptor, and
 * wait(-1) passes it over there as Linux does here.  sys_wait.c lets
 * waits for its pid find it.
 */
long
fbsd_sys_pdfork(struct uxcall *c, int *fdp, int flags)
{
	int pidfd = -1;
	long pid;

	if (flags & ~(FBSD_PD_DAEMON | FBSD_PD_CLOEXEC))
		return -EINVAL;
	/* XXX PD_DAEMON is all there is: closing the last descriptor does
	 * not kill the child, and the child does not inherit the descriptor. */
	pid = raw_clone(CLONE_PIDFD, &pidfd);
	if (pid == 0)
		return child_return(c);
	if (pid < 0)
		return pid;
	if (ux_fd_is_host(pidfd)) {
		/* The guest's descriptor table is full below uxrun's band. */
		ux_sys(SYS_close, pidfd);
		ux_sys(SYS_kill, pid, SIGKILL);
		ux_sys(SYS_wait4, pid, 0, __WALL, 0);
		return -EMFILE;
	}
	if (!(flags & FBSD_PD_CLOEXEC))
		ux_sys(SYS_fcntl, pidfd, F_SETFD, 0);
	long r = ux_copyout(fdp, &pidfd, sizeof(pidfd));
	if (r < 0)
		return r;
	return parent_return(c, pid);
}

long
fbsd_sys_pdkill(struct uxcall *c, int fd, int signum)
{
	int sig = fbsd_to_linux_signo(signum);

	if (signum < 0 || signum > FBSD_NSIG)
		return -EINVAL;
	if (sig < 0)
		return -EINVAL;
	return ux_sys(SYS_pidfd_send_signal, fd, sig, 0, 0);
}

/* The pid behind a pidfd, from its fdinfo: -EBADF when fd is not one. */
static long
pidfd_pid(int fd)
{
	char path[64], buf[1024];
	long n, pfd;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	pfd = ux_sys(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	if (pfd < 0)
		return pfd == -ENOENT ? -EBADF : pfd;
	n = ux_sys(SYS_read, pfd, buf, sizeof(buf) - 1);
	ux_sys(SYS_close, pfd);
	if (n < 0)
		return n;
	buf[n] = '\0';
	for (char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, "Pid:", 4) != 0)
			continue;
		long pid = strtol(p + 4, NULL, 10);
		/* XXX FreeBSD keeps the pid after the child is reaped; Linux
		 * forgets it (-1). */
		return pid > 0 ? pid : -ESRCH;
	}
	return -EBADF;
}

long
fbsd_sys_pdgetpid(struct uxcall *c, int fd, int32_t *pidp)
{
	long pid = pidfd_pid(fd);
	int32_t out = (int32_t)pid;

	if (pid < 0)
		return pid;
	return ux_copyout(pidp, &out, sizeof(out));
}
