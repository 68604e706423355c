/*
 * FreeBSD <-> Linux constant tables.  Each entry names the guest value,
 * its Linux twin and the FreeBSD name; the same entries drive the
 * converters, the --trace decoder and the test against Go's x/sys tables.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

#include "syscalls/convert.h"
#include "syscalls/freebsd/fbsd_consts.h"

#define S(name, host) { FBSD_##name, (uint64_t)(host), #name }

/* errno, indexed by Linux errno: designated initialisers by name */
const int fbsd_errno_from_linux[FBSD_HOST_ERRNO_MAX] = {
	/* FreeBSD-only errnos (EAUTH, EFTYPE, ...) have no Linux twin and
	 * never come from the host; listing them by name would not compile. */
	[EPERM] = FBSD_EPERM, [ENOENT] = FBSD_ENOENT, [ESRCH] = FBSD_ESRCH,
	[EINTR] = FBSD_EINTR, [EIO] = FBSD_EIO, [ENXIO] = FBSD_ENXIO,
	[E2BIG] = FBSD_E2BIG, [ENOEXEC] = FBSD_ENOEXEC, [EBADF] = FBSD_EBADF,
	[ECHILD] = FBSD_ECHILD, [EAGAIN] = FBSD_EAGAIN, [ENOMEM] = FBSD_ENOMEM,
	[EACCES] = FBSD_EACCES, [EFAULT] = FBSD_EFAULT, [ENOTBLK] = FBSD_ENOTBLK,
	[EBUSY] = FBSD_EBUSY, [EEXIST] = FBSD_EEXIST, [EXDEV] = FBSD_EXDEV,
	[ENODEV] = FBSD_ENODEV, [ENOTDIR] = FBSD_ENOTDIR, [EISDIR] = FBSD_EISDIR,
	[EINVAL] = FBSD_EINVAL, [ENFILE] = FBSD_ENFILE, [EMFILE] = FBSD_EMFILE,
	[ENOTTY] = FBSD_ENOTTY, [ETXTBSY] = FBSD_ETXTBSY, [EFBIG] = FBSD_EFBIG,
	[ENOSPC] = FBSD_ENOSPC, [ESPIPE] = FBSD_ESPIPE, [EROFS] = FBSD_EROFS,
	[EMLINK] = FBSD_EMLINK, [EPIPE] = FBSD_EPIPE, [EDOM] = FBSD_EDOM,
	[ERANGE] = FBSD_ERANGE, [EDEADLK] = FBSD_EDEADLK,
	[ENAMETOOLONG] = FBSD_ENAMETOOLONG, [ENOLCK] = FBSD_ENOLCK,
	[ENOSYS] = FBSD_ENOSYS, [ENOTEMPTY] = FBSD_ENOTEMPTY, [ELOOP] = FBSD_ELOOP,
	[ENOMSG] = FBSD_ENOMSG, [EIDRM] = FBSD_EIDRM, [ENOLINK] = FBSD_ENOLINK,
	[EPROTO] = FBSD_EPROTO, [EMULTIHOP] = FBSD_EMULTIHOP, [EBADMSG] = FBSD_EBADMSG,
	[EOVERFLOW] = FBSD_EOVERFLOW, [EILSEQ] = FBSD_EILSEQ, [EUSERS] = FBSD_EUSERS,
	[ENOTSOCK] = FBSD_ENOTSOCK, [EDESTADDRREQ] = FBSD_EDESTADDRREQ,
	[EMSGSIZE] = FBSD_EMSGSIZE, [EPROTOTYPE] = FBSD_EPROTOTYPE,
	[ENOPROTOOPT] = FBSD_ENOPROTOOPT, [EPROTONOSUPPORT] = FBSD_EPROTONOSUPPORT,
	[ESOCKTNOSUPPORT] = FBSD_ESOCKTNOSUPPORT, [EOPNOTSUPP] = FBSD_EOPNOTSUPP,
	[EPFNOSUPPORT] = FBSD_EPFNOSUPPORT, [EAFNOSUPPORT] = FBSD_EAFNOSUPPORT,
	[EADDRINUSE] = FBSD_EADDRINUSE, [EADDRNOTAVAIL] = FBSD_EADDRNOTAVAIL,
	[ENETDOWN] = FBSD_ENETDOWN, [ENETUNREACH] = FBSD_ENETUNREACH,
	[ENETRESET] = FBSD_ENETRESET, [ECONNABORTED] = FBSD_ECONNABORTED,
	[ECONNRESET] = FBSD_ECONNRESET, [ENOBUFS] = FBSD_ENOBUFS, [EISCONN] = FBSD_EISCONN,
	[ENOTCONN] = FBSD_ENOTCONN, [ESHUTDOWN] = FBSD_ESHUTDOWN,
	[ETOOMANYREFS] = FBSD_ETOOMANYREFS, [ETIMEDOUT] = FBSD_ETIMEDOUT,
	[ECONNREFUSED] = FBSD_ECONNREFUSED, [EHOSTDOWN] = FBSD_EHOSTDOWN,
	[EHOSTUNREACH] = FBSD_EHOSTUNREACH, [EALREADY] = FBSD_EALREADY,
	[EINPROGRESS] = FBSD_EINPROGRESS, [ESTALE] = FBSD_ESTALE, [EDQUOT] = FBSD_EDQUOT,
	[ECANCELED] = FBSD_ECANCELED, [EOWNERDEAD] = FBSD_EOWNERDEAD,
	[ENOTRECOVERABLE] = FBSD_ENOTRECOVERABLE, [EREMOTE] = FBSD_EREMOTE,
	/* Linux-only errnos, mapped to the nearest FreeBSD meaning.  XXX lossy. */
	[ENODATA] = FBSD_ENOATTR,	/* missing extended attribute */
	[ETIME] = FBSD_ETIMEDOUT,
	[ENOSR] = FBSD_ENOBUFS,
	[ENOSTR] = FBSD_EINVAL,
	[ECOMM] = FBSD_EIO,
	[EREMOTEIO] = FBSD_EIO,
	[ENOMEDIUM] = FBSD_ENXIO,
	[EMEDIUMTYPE] = FBSD_EFTYPE,
	[EBADFD] = FBSD_EBADF,
	[ENOTUNIQ] = FBSD_EINVAL,
	[ERFKILL] = FBSD_ENETDOWN,
	[EHWPOISON] = FBSD_EIO,
	[EKEYEXPIRED] = FBSD_EAUTH,
	[ENOKEY] = FBSD_EAUTH,
	[EKEYREJECTED] = FBSD_EAUTH,
	[EKEYREVOKED] = FBSD_EAUTH,
	[ESTRPIPE] = FBSD_EPIPE,
	[EUCLEAN] = FBSD_EINTEGRITY,
	[EL2HLT] = FBSD_EIO, [EL3HLT] = FBSD_EIO, [EL3RST] = FBSD_EIO,
	[ELNRNG] = FBSD_ERANGE, [EUNATCH] = FBSD_EIO, [ENOCSI] = FBSD_EIO,
	[EL2NSYNC] = FBSD_EIO, [EBADE] = FBSD_EINVAL, [EBADR] = FBSD_EINVAL,
	[EXFULL] = FBSD_ENOSPC, [ENOANO] = FBSD_EINVAL, [EBADRQC] = FBSD_EINVAL,
	[EBADSLT] = FBSD_EINVAL, [EBFONT] = FBSD_EFTYPE, [ENONET] = FBSD_ENETDOWN,
	[ENOPKG] = FBSD_ENOENT, [EADV] = FBSD_EIO, [ESRMNT] = FBSD_EIO,
	[EDOTDOT] = FBSD_EIO, [ELIBACC] = FBSD_ENOEXEC, [ELIBBAD] = FBSD_ENOEXEC,
	[ELIBSCN] = FBSD_ENOEXEC, [ELIBMAX] = FBSD_ENOEXEC, [ELIBEXEC] = FBSD_ENOEXEC,
	[ERESTART] = FBSD_EINTR, [ENOTNAM] = FBSD_EINVAL, [ENAVAIL] = FBSD_EINVAL,
	[EISNAM] = FBSD_EINVAL, [ECHRNG] = FBSD_ERANGE, [EREMCHG] = FBSD_EADDRNOTAVAIL,
};
_Static_assert(EHWPOISON < FBSD_HOST_ERRNO_MAX, "errno map covers every Linux errno");

#define X_(n, v) [v] = #n,
const char *const fbsd_errno_names[FBSD_ELAST + 1] = { FBSD_ERRNO_LIST(X_) };
#undef X_

#define X_(n, v) { v, 0, #n },
static const struct ux_sym errno_syms[] = { FBSD_ERRNO_LIST(X_) };
#undef X_
const struct ux_symtab fbsd_errno_tab = UX_SYMTAB(errno_syms, 0);

static const struct ux_sym accmode_syms[] = {
	S(O_RDONLY, O_RDONLY), S(O_WRONLY, O_WRONLY), S(O_RDWR, O_RDWR),
};
static const struct ux_symtab accmode_enum = UX_SYMTAB(accmode_syms, 0);

/* O_SHLOCK/O_EXLOCK need flock() after open: the open handler does it. */
static const struct ux_sym oflags_syms[] = {
	S(O_NONBLOCK, O_NONBLOCK), S(O_APPEND, O_APPEND), S(O_SHLOCK, 0), S(O_EXLOCK, 0),
	S(O_ASYNC, O_ASYNC), S(O_SYNC, O_SYNC), S(O_NOFOLLOW, O_NOFOLLOW),
	S(O_CREAT, O_CREAT), S(O_TRUNC, O_TRUNC), S(O_EXCL, O_EXCL),
	S(O_NOCTTY, O_NOCTTY), S(O_DIRECT, O_DIRECT), S(O_DIRECTORY, O_DIRECTORY),
	S(O_PATH, O_PATH), S(O_TTY_INIT, 0), S(O_CLOEXEC, O_CLOEXEC),
	S(O_VERIFY, 0), S(O_EXEC, O_PATH), S(O_DSYNC, O_DSYNC),
	S(O_RESOLVE_BENEATH, 0), S(O_EMPTY_PATH, 0),
};
const struct ux_symtab fbsd_oflags_tab = {
	oflags_syms, sizeof(oflags_syms) / sizeof(oflags_syms[0]), 1, FBSD_O_ACCMODE, &accmode_enum
};

static const struct ux_sym atflags_syms[] = {
	S(AT_EACCESS, AT_EACCESS), S(AT_SYMLINK_NOFOLLOW, AT_SYMLINK_NOFOLLOW),
	S(AT_SYMLINK_FOLLOW, AT_SYMLINK_FOLLOW), S(AT_REMOVEDIR, AT_REMOVEDIR),
	S(AT_RESOLVE_BENEATH, 0), S(AT_EMPTY_PATH, AT_EMPTY_PATH),
};
const struct ux_symtab fbsd_atflags_tab = UX_SYMTAB(atflags_syms, 1);

static const struct ux_sym accmode_bits[] = {
	{ 4, R_OK, "R_OK" }, { 2, W_OK, "W_OK" }, { 1, X_OK, "X_OK" },
};
const struct ux_symtab fbsd_accmode_tab = UX_SYMTAB(accmode_bits, 1);

static const struct ux_sym prot_syms[] = {
	S(PROT_READ, PROT_READ), S(PROT_WRITE, PROT_WRITE), S(PROT_EXEC, PROT_EXEC),
};
const struct ux_symtab fbsd_prot_tab = UX_SYMTAB(prot_syms, 1);

/* Dropped bits (host 0) are hints Linux has no use for; see syscalls.master.
 * MAP_PREFAULT_READ is a hint too: MAP_POPULATE would copy every page of a
 * private writable file mapping. */
static const struct ux_sym mflags_syms[] = {
	S(MAP_SHARED, MAP_SHARED), S(MAP_PRIVATE, MAP_PRIVATE), S(MAP_FIXED, MAP_FIXED),
	S(MAP_HASSEMAPHORE, 0), S(MAP_STACK, 0), S(MAP_NOSYNC, 0), S(MAP_ANON, MAP_ANONYMOUS),
	S(MAP_GUARD, MAP_ANONYMOUS | MAP_NORESERVE), S(MAP_EXCL, MAP_FIXED_NOREPLACE),
	S(MAP_NOCORE, 0), S(MAP_PREFAULT_READ, 0), S(MAP_32BIT, MAP_32BIT),
};
const struct ux_symtab fbsd_mflags_tab = UX_SYMTAB(mflags_syms, 1);

static const struct ux_sym madv_syms[] = {
	S(MADV_NORMAL, MADV_NORMAL), S(MADV_RANDOM, MADV_RANDOM),
	S(MADV_SEQUENTIAL, MADV_SEQUENTIAL), S(MADV_WILLNEED, MADV_WILLNEED),
	S(MADV_DONTNEED, MADV_DONTNEED), S(MADV_FREE, MADV_FREE),
	S(MADV_NOSYNC, -1), S(MADV_AUTOSYNC, -1), S(MADV_NOCORE, MADV_DONTDUMP),
	S(MADV_CORE, MADV_DODUMP), S(MADV_PROTECT, -1),
};
const struct ux_symtab fbsd_madv_tab = UX_SYMTAB(madv_syms, 0);

static const struct ux_sym whence_syms[] = {
	S(SEEK_SET, SEEK_SET), S(SEEK_CUR, SEEK_CUR), S(SEEK_END, SEEK_END),
	S(SEEK_DATA, SEEK_DATA), S(SEEK_HOLE, SEEK_HOLE),
};
const struct ux_symtab fbsd_whence_tab = UX_SYMTAB(whence_syms, 0);

/* Commands with host -1 need more than a renumbering; fcntl handles them. */
static const struct ux_sym fcntl_syms[] = {
	S(F_DUPFD, F_DUPFD), S(F_GETFD, F_GETFD), S(F_SETFD, F_SETFD),
	S(F_GETFL, F_GETFL), S(F_SETFL, F_SETFL), S(F_GETOWN, F_GETOWN),
	S(F_SETOWN, F_SETOWN), S(F_OGETLK, -1), S(F_OSETLK, -1), S(F_OSETLKW, -1),
	S(F_DUP2FD, -1), S(F_GETLK, F_GETLK), S(F_SETLK, F_SETLK), S(F_SETLKW, F_SETLKW),
	S(F_SETLK_REMOTE, -1), S(F_READAHEAD, -1), S(F_RDAHEAD, -1),
	S(F_DUPFD_CLOEXEC, F_DUPFD_CLOEXEC), S(F_DUP2FD_CLOEXEC, -1),
	S(F_ADD_SEALS, F_ADD_SEALS), S(F_GET_SEALS, F_GET_SEALS),
	S(F_ISUNIONSTACK, -1), S(F_KINFO, -1),
};
const struct ux_symtab fbsd_fcntl_tab = UX_SYMTAB(fcntl_syms, 0);

static const struct ux_sym ioctl_syms[] = {
	S(TIOCGETA, TCGETS), S(TIOCSETA, TCSETS), S(TIOCSETAW, TCSETSW),
	S(TIOCSETAF, TCSETSF), S(TIOCGWINSZ, TIOCGWINSZ), S(TIOCSWINSZ, TIOCSWINSZ),
	S(TIOCGPGRP, TIOCGPGRP), S(TIOCSPGRP, TIOCSPGRP), S(TIOCSCTTY, TIOCSCTTY),
	S(TIOCNOTTY, TIOCNOTTY), S(TIOCGSID, TIOCGSID), S(TIOCOUTQ, TIOCOUTQ),
	S(TIOCEXCL, TIOCEXCL), S(TIOCNXCL, TIOCNXCL), S(TIOCFLUSH, TCFLSH),
	S(TIOCDRAIN, TCSBRK), S(FIOCLEX, FIOCLEX), S(FIONCLEX, FIONCLEX),
	S(FIOASYNC, FIOASYNC), S(FIONBIO, FIONBIO), S(FIONREAD, FIONREAD),
	S(FIONWRITE, TIOCOUTQ), S(FIONSPACE, -1),
};
const struct ux_symtab fbsd_ioctl_tab = UX_SYMTAB(ioctl_syms, 0);

/* Linux lacks SIGEMT, SIGINFO, SIGTHR and SIGLIBRT: host -1. */
static const struct ux_sym signal_syms[] = {
	S(SIGHUP, SIGHUP), S(SIGINT, SIGINT), S(SIGQUIT, SIGQUIT), S(SIGILL, SIGILL),
	S(SIGTRAP, SIGTRAP), S(SIGABRT, SIGABRT), S(SIGEMT, -1), S(SIGFPE, SIGFPE),
	S(SIGKILL, SIGKILL), S(SIGBUS, SIGBUS), S(SIGSEGV, SIGSEGV), S(SIGSYS, SIGSYS),
	S(SIGPIPE, SIGPIPE), S(SIGALRM, SIGALRM), S(SIGTERM, SIGTERM), S(SIGURG, SIGURG),
	S(SIGSTOP, SIGSTOP), S(SIGTSTP, SIGTSTP), S(SIGCONT, SIGCONT), S(SIGCHLD, SIGCHLD),
	S(SIGTTIN, SIGTTIN), S(SIGTTOU, SIGTTOU), S(SIGIO, SIGIO), S(SIGXCPU, SIGXCPU),
	S(SIGXFSZ, SIGXFSZ), S(SIGVTALRM, SIGVTALRM), S(SIGPROF, SIGPROF),
	S(SIGWINCH, SIGWINCH), S(SIGINFO, -1), S(SIGUSR1, SIGUSR1), S(SIGUSR2, SIGUSR2),
	S(SIGTHR, -1), S(SIGLIBRT, -1),
};
const struct ux_symtab fbsd_signal_tab = UX_SYMTAB(signal_syms, 0);

static const struct ux_sym sighow_syms[] = {
	S(SIG_BLOCK, SIG_BLOCK), S(SIG_UNBLOCK, SIG_UNBLOCK), S(SIG_SETMASK, SIG_SETMASK),
};
const struct ux_symtab fbsd_sighow_tab = UX_SYMTAB(sighow_syms, 0);

/*
 * FreeBSD's _FAST and _PRECISE variants differ only in resolution; the
 * Linux _COARSE clocks are the cheap ones.  CLOCK_UPTIME counts time
 * since boot without suspend (Linux CLOCK_MONOTONIC); CLOCK_SECOND is a
 * whole-second realtime clock, rounded by the handler.
 */
static const struct ux_sym clock_syms[] = {
	S(CLOCK_REALTIME, CLOCK_REALTIME), S(CLOCK_VIRTUAL, -1), S(CLOCK_PROF, -1),
	S(CLOCK_MONOTONIC, CLOCK_MONOTONIC), S(CLOCK_UPTIME, CLOCK_MONOTONIC),
	S(CLOCK_UPTIME_PRECISE, CLOCK_MONOTONIC), S(CLOCK_UPTIME_FAST, CLOCK_MONOTONIC_COARSE),
	S(CLOCK_REALTIME_PRECISE, CLOCK_REALTIME), S(CLOCK_REALTIME_FAST, CLOCK_REALTIME_COARSE),
	S(CLOCK_MONOTONIC_PRECISE, CLOCK_MONOTONIC), S(CLOCK_MONOTONIC_FAST, CLOCK_MONOTONIC_COARSE),
	S(CLOCK_SECOND, CLOCK_REALTIME_COARSE), S(CLOCK_THREAD_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID),
	S(CLOCK_PROCESS_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID),
};
const struct ux_symtab fbsd_clock_tab = UX_SYMTAB(clock_syms, 0);

/* SBSIZE, NPTS, SWAP, KQUEUES, UMTXP, PIPEBUF: no Linux limit (host -1). */
static const struct ux_sym rlimit_syms[] = {
	S(RLIMIT_CPU, RLIMIT_CPU), S(RLIMIT_FSIZE, RLIMIT_FSIZE), S(RLIMIT_DATA, RLIMIT_DATA),
	S(RLIMIT_STACK, RLIMIT_STACK), S(RLIMIT_CORE, RLIMIT_CORE), S(RLIMIT_RSS, RLIMIT_RSS),
	S(RLIMIT_MEMLOCK, RLIMIT_MEMLOCK), S(RLIMIT_NPROC, RLIMIT_NPROC),
	S(RLIMIT_NOFILE, RLIMIT_NOFILE), S(RLIMIT_SBSIZE, -1), S(RLIMIT_AS, RLIMIT_AS),
	S(RLIMIT_NPTS, -1), S(RLIMIT_SWAP, -1), S(RLIMIT_KQUEUES, -1),
	S(RLIMIT_UMTXP, -1), S(RLIMIT_PIPEBUF, -1),
};
const struct ux_symtab fbsd_rlimit_tab = UX_SYMTAB(rlimit_syms, 0);

static const struct ux_sym sysarch_syms[] = {
	S(AMD64_GET_FSBASE, 0), S(AMD64_SET_FSBASE, 0), S(AMD64_GET_GSBASE, 0),
	S(AMD64_SET_GSBASE, 0), S(AMD64_GET_XFPUSTATE, 0), S(AMD64_SET_PKRU, 0),
	S(AMD64_CLEAR_PKRU, 0),
};
const struct ux_symtab fbsd_sysarch_tab = UX_SYMTAB(sysarch_syms, 0);

const struct fbsd_named_symtab fbsd_all_symtabs[] = {
	{ "errno", &fbsd_errno_tab }, { "open flags", &fbsd_oflags_tab },
	{ "access mode", &accmode_enum }, { "at flags", &fbsd_atflags_tab },
	{ "prot", &fbsd_prot_tab }, { "mmap flags", &fbsd_mflags_tab },
	{ "madvise", &fbsd_madv_tab }, { "whence", &fbsd_whence_tab },
	{ "fcntl", &fbsd_fcntl_tab }, { "ioctl", &fbsd_ioctl_tab },
	{ "signals", &fbsd_signal_tab }, { "sigprocmask how", &fbsd_sighow_tab },
	{ "clocks", &fbsd_clock_tab }, { "rlimits", &fbsd_rlimit_tab },
	{ "access bits", &fbsd_accmode_tab }, { "sysarch", &fbsd_sysarch_tab },
	{ NULL, NULL },
};

int
fbsd_to_linux_oflags(int flags)
{
	return (int)ux_flags_to_host(&fbsd_oflags_tab, (uint32_t)flags, "open flag");
}

int
linux_to_fbsd_oflags(int flags)
{
	/* O_LARGEFILE is implied on FreeBSD; O_PATH comes back as O_PATH. */
	return (int)ux_flags_to_guest(&fbsd_oflags_tab, (uint32_t)flags & ~(uint32_t)O_LARGEFILE);
}

int
fbsd_to_linux_atflags(int flags)
{
	return (int)ux_flags_to_host(&fbsd_atflags_tab, (uint32_t)flags, "AT_ flag");
}

/* Real-time signals: FreeBSD 65..126 <-> Linux SIGRTMIN.. (glibc keeps 32, 33). */
int
fbsd_to_linux_signo(int sig)
{
	uint64_t h;

	if (sig == 0)
		return 0;
	if (sig >= FBSD_SIGRTMIN && sig <= FBSD_SIGRTMAX) {
		int l = SIGRTMIN + (sig - FBSD_SIGRTMIN);
		return l <= SIGRTMAX ? l : -1;
	}
	if (ux_enum_to_host(&fbsd_signal_tab, (uint64_t)sig, &h) != 0 || (int64_t)h < 0)
		return -1;
	return (int)h;
}

int
linux_to_fbsd_signo(int sig)
{
	uint64_t g;

	if (sig == 0)
		return 0;
	if (sig < 0)
		return -1;
	if (sig >= SIGRTMIN && sig <= SIGRTMAX)
		return FBSD_SIGRTMIN + (sig - SIGRTMIN);
	if (ux_enum_to_guest(&fbsd_signal_tab, (uint64_t)sig, &g) != 0)
		return -1;
	return (int)g;
}

long
fbsd_to_linux_clockid(int clk)
{
	uint64_t h;

	if (ux_enum_to_host(&fbsd_clock_tab, (uint64_t)(uint32_t)clk, &h) != 0 || (int64_t)h < 0)
		return -EINVAL;
	return (long)h;
}
