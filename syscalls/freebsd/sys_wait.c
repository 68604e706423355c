/*
 * wait4 and wait6, both over Linux's waitid: it takes every FreeBSD option
 * (wait4 does not take WNOWAIT or WEXITED) and tells how the child ended
 * in a siginfo, from which the FreeBSD status word is rebuilt.  The status
 * layout is the same on both systems except for the signal numbers inside
 * it and the "continued" value (FreeBSD 0x13, Linux 0xffff).
 */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_convert.h"

/* <sys/wait.h> */
#define FBSD_WNOHANG		0x01
#define FBSD_WUNTRACED		0x02
#define FBSD_WCONTINUED		0x04
#define FBSD_WNOWAIT		0x08
#define FBSD_WEXITED		0x10
#define FBSD_WTRAPPED		0x20
#define FBSD_WLINUXCLONE	0x80000000U
#define FBSD_WCOREFLAG		0x80
#define FBSD_WSTOPPED_CODE	0x7f

/* idtype_t: Solaris numbering */
enum {
	FBSD_P_PID, FBSD_P_PPID, FBSD_P_PGID, FBSD_P_SID, FBSD_P_CID, FBSD_P_UID,
	FBSD_P_GID, FBSD_P_ALL, FBSD_P_LWPID, FBSD_P_TASKID, FBSD_P_PROJID,
	FBSD_P_POOLID, FBSD_P_JAILID,
};

/* si_code for SIGCHLD: the same numbers on both systems (CLD_EXITED 1 ...
 * CLD_CONTINUED 6). */
_Static_assert(CLD_EXITED == 1 && CLD_KILLED == 2 && CLD_DUMPED == 3 && CLD_TRAPPED == 4 &&
    CLD_STOPPED == 5 && CLD_CONTINUED == 6, "CLD_* codes match FreeBSD's");

struct fbsd_wrusage {		/* struct __wrusage */
	struct fbsd_rusage wru_self;
	struct fbsd_rusage wru_children;
};

/* A signal inside a status word or si_status, Linux to FreeBSD.  One with
 * no FreeBSD twin (SIGSTKFLT, SIGPWR, glibc's 32 and 33) reads as SIGKILL:
 * the child was killed by something FreeBSD cannot name. */
static int
status_signo(int lsig)
{
	int g = linux_to_fbsd_signo(lsig);

	return g > 0 && g < 128 ? g : FBSD_SIGKILL;
}

static int
linux_to_fbsd_wstatus(const siginfo_t *si)
{
	switch (si->si_code) {
	case CLD_EXITED:
		return (si->si_status & 0xff) << 8;
	case CLD_KILLED:
		return status_signo(si->si_status);
	case CLD_DUMPED:
		return status_signo(si->si_status) | FBSD_WCOREFLAG;
	case CLD_STOPPED:
	case CLD_TRAPPED:
		return status_signo(si->si_status) << 8 | FBSD_WSTOPPED_CODE;
	case CLD_CONTINUED:
		return FBSD_SIGCONT;
	default:
		return 0;
	}
}

static void
linux_to_fbsd_waitinfo(const siginfo_t *si, struct fbsd_siginfo *g)
{
	memset(g, 0, sizeof(*g));
	if (si->si_pid == 0)
		return;		/* WNOHANG and nothing to report: all zero */
	g->fsi_signo = FBSD_SIGCHLD;
	g->fsi_code = si->si_code;
	g->fsi_pid = si->si_pid;
	g->fsi_uid = si->si_uid;
	/* XXX an exit value above 255 is FreeBSD's whole p_xexit; Linux keeps
	 * the low 8 bits only. */
	g->fsi_status = si->si_code == CLD_EXITED ? si->si_status : status_signo(si->si_status);
}

/*
 * kern_wait6 on top of waitid: the child's pid, 0 (WNOHANG, nothing yet)
 * or -errno; si and ru describe the child when the result is positive.
 */
static long
wait_common(int idtype, int64_t id, unsigned options, siginfo_t *si, struct rusage *ru)
{
	static uint8_t reported_id, reported_trapped;
	long hidtype, hopt = 0, r;

	if (options & ~(FBSD_WNOHANG | FBSD_WUNTRACED | FBSD_WCONTINUED | FBSD_WNOWAIT |
	    FBSD_WEXITED | FBSD_WTRAPPED | FBSD_WLINUXCLONE))
		return -EINVAL;
	if (!(options & (FBSD_WEXITED | FBSD_WUNTRACED | FBSD_WCONTINUED | FBSD_WTRAPPED)))
		return -EINVAL;
	/* WAIT_MYPGRP; Linux's waitid reads P_PGID 0 as the caller's group. */
	if (id == 0 && (idtype == FBSD_P_PID || idtype == FBSD_P_PGID))
		idtype = FBSD_P_PGID;

	switch (idtype) {
	case FBSD_P_ALL:
		hidtype = P_ALL;
		id = 0;
		break;
	case FBSD_P_PID:
		if (id < 0 || id > INT32_MAX)
			return -ECHILD;
		hidtype = P_PID;
		/* A pdfork child has no exit signal; FreeBSD still lets a
		 * wait for its pid find it. */
		if (!(options & FBSD_WLINUXCLONE))
			hopt |= __WALL;
		break;
	case FBSD_P_PGID:
		if (id < 0 || id > INT32_MAX)
			return -ECHILD;
		hidtype = P_PGID;
		break;
	case FBSD_P_SID:
	case FBSD_P_UID:
	case FBSD_P_GID:
	case FBSD_P_JAILID:
		ux_report_once(&reported_id, "wait6: idtype %d (session, user, group or jail) "
		    "is not supported; returning EINVAL", idtype);
		return -EINVAL;
	default:
		/* FreeBSD matches no process by these. */
		return -ECHILD;
	}

	if (options & FBSD_WNOHANG)
		hopt |= WNOHANG;
	if (options & FBSD_WUNTRACED)
		hopt |= WSTOPPED;
	if (options & FBSD_WCONTINUED)
		hopt |= WCONTINUED;
	if (options & FBSD_WNOWAIT)
		hopt |= WNOWAIT;
	if (options & FBSD_WEXITED)
		hopt |= WEXITED;
	if (options & FBSD_WLINUXCLONE)
		hopt |= __WCLONE;
	/* WTRAPPED is for ptrace(2) stops; no guest traces another under
	 * uxrun, so alone it can never be satisfied. */
	if (!(hopt & (WSTOPPED | WCONTINUED | WEXITED))) {
		ux_report_once(&reported_trapped, "wait: WTRAPPED alone (ptrace stops) is not "
		    "supported; returning EINVAL");
		return -EINVAL;
	}

	memset(si, 0, sizeof(*si));
	r = ux_sys(SYS_waitid, hidtype, id, si, hopt, ru);
	if (r < 0)
		return r;
	return si->si_pid;
}

long
fbsd_sys_wait4(struct uxcall *c, int pid, int *status, int options, struct fbsd_rusage *rusage)
{
	siginfo_t si;
	struct rusage ru;
	struct fbsd_rusage gru;
	int idtype, st;
	int64_t id;
	long r;

	if (pid == -1) {
		idtype = FBSD_P_ALL;
		id = 0;
	} else if (pid < 0) {
		idtype = FBSD_P_PGID;
		id = -(int64_t)pid;
	} else {
		idtype = FBSD_P_PID;
		id = pid;
	}
	/* As kern_wait does, for compatibility. */
	r = wait_common(idtype, id, (unsigned)options | FBSD_WEXITED | FBSD_WTRAPPED, &si, &ru);
	if (r <= 0)
		return r;
	/* XXX Linux's rusage also counts the child's own waited-for
	 * children; FreeBSD's wait4 reports the child alone. */
	st = linux_to_fbsd_wstatus(&si);
	if (status != NULL && ux_copyout(status, &st, sizeof(st)) != 0)
		return -EFAULT;
	if (rusage != NULL) {
		linux_to_fbsd_rusage(&ru, &gru);
		if (ux_copyout(rusage, &gru, sizeof(gru)) != 0)
			return -EFAULT;
	}
	return r;
}

long
fbsd_sys_wait6(struct uxcall *c, int idtype, int64_t id, int *status, int options,
    void *wrusage, void *info)
{
	siginfo_t si;
	struct rusage ru;
	struct fbsd_wrusage wru;
	struct fbsd_siginfo gsi;
	int st;
	long r;

	r = wait_common(idtype, id, (unsigned)options, &si, &ru);
	if (r < 0)
		return r;
	if (r > 0) {
		st = linux_to_fbsd_wstatus(&si);
		if (status != NULL && ux_copyout(status, &st, sizeof(st)) != 0)
			return -EFAULT;
		if (wrusage != NULL) {
			/* XXX wru_children (the child's own children) is not
			 * available from Linux: zero. */
			memset(&wru, 0, sizeof(wru));
			linux_to_fbsd_rusage(&ru, &wru.wru_self);
			if (ux_copyout(wrusage, &wru, sizeof(wru)) != 0)
				return -EFAULT;
		}
	}
	if (info != NULL) {
		linux_to_fbsd_waitinfo(&si, &gsi);
		if (ux_copyout(info, &gsi, sizeof(gsi)) != 0)
			return -EFAULT;
	}
	return r;
}
