/*
 * FreeBSD/amd64 ABI: constants and structures as a FreeBSD 14 guest sees
 * them.  Values come from Go's golang.org/x/sys/unix tables for
 * freebsd/amd64 (generated from FreeBSD's headers) and FreeBSD's sources;
 * tests/unit/test_fbsd_consts.c checks them against Go's files.
 */
#ifndef FBSD_ABI_H
#define FBSD_ABI_H

#include <stdint.h>
#include <stddef.h>

#define FBSD_OSRELDATE		1400097		/* 14.0-RELEASE */
#define FBSD_OSRELEASE		"14.0-RELEASE"

/* errno: X(name, FreeBSD value) */
#define FBSD_ERRNO_LIST(X) \
	X(EPERM, 1) \
	X(ENOENT, 2) \
	X(ESRCH, 3) \
	X(EINTR, 4) \
	X(EIO, 5) \
	X(ENXIO, 6) \
	X(E2BIG, 7) \
	X(ENOEXEC, 8) \
	X(EBADF, 9) \
	X(ECHILD, 10) \
	X(EDEADLK, 11) \
	X(ENOMEM, 12) \
	X(EACCES, 13) \
	X(EFAULT, 14) \
	X(ENOTBLK, 15) \
	X(EBUSY, 16) \
	X(EEXIST, 17) \
	X(EXDEV, 18) \
	X(ENODEV, 19) \
	X(ENOTDIR, 20) \
	X(EISDIR, 21) \
	X(EINVAL, 22) \
	X(ENFILE, 23) \
	X(EMFILE, 24) \
	X(ENOTTY, 25) \
	X(ETXTBSY, 26) \
	X(EFBIG, 27) \
	X(ENOSPC, 28) \
	X(ESPIPE, 29) \
	X(EROFS, 30) \
	X(EMLINK, 31) \
	X(EPIPE, 32) \
	X(EDOM, 33) \
	X(ERANGE, 34) \
	X(EAGAIN, 35) \
	X(EINPROGRESS, 36) \
	X(EALREADY, 37) \
	X(ENOTSOCK, 38) \
	X(EDESTADDRREQ, 39) \
	X(EMSGSIZE, 40) \
	X(EPROTOTYPE, 41) \
	X(ENOPROTOOPT, 42) \
	X(EPROTONOSUPPORT, 43) \
	X(ESOCKTNOSUPPORT, 44) \
	X(ENOTSUP, 45) \
	X(EPFNOSUPPORT, 46) \
	X(EAFNOSUPPORT, 47) \
	X(EADDRINUSE, 48) \
	X(EADDRNOTAVAIL, 49) \
	X(ENETDOWN, 50) \
	X(ENETUNREACH, 51) \
	X(ENETRESET, 52) \
	X(ECONNABORTED, 53) \
	X(ECONNRESET, 54) \
	X(ENOBUFS, 55) \
	X(EISCONN, 56) \
	X(ENOTCONN, 57) \
	X(ESHUTDOWN, 58) \
	X(ETOOMANYREFS, 59) \
	X(ETIMEDOUT, 60) \
	X(ECONNREFUSED, 61) \
	X(ELOOP, 62) \
	X(ENAMETOOLONG, 63) \
	X(EHOSTDOWN, 64) \
	X(EHOSTUNREACH, 65) \
	X(ENOTEMPTY, 66) \
	X(EPROCLIM, 67) \
	X(EUSERS, 68) \
	X(EDQUOT, 69) \
	X(ESTALE, 70) \
	X(EREMOTE, 71) \
	X(EBADRPC, 72) \
	X(ERPCMISMATCH, 73) \
	X(EPROGUNAVAIL, 74) \
	X(EPROGMISMATCH, 75) \
	X(EPROCUNAVAIL, 76) \
	X(ENOLCK, 77) \
	X(ENOSYS, 78) \
	X(EFTYPE, 79) \
	X(EAUTH, 80) \
	X(ENEEDAUTH, 81) \
	X(EIDRM, 82) \
	X(ENOMSG, 83) \
	X(EOVERFLOW, 84) \
	X(ECANCELED, 85) \
	X(EILSEQ, 86) \
	X(ENOATTR, 87) \
	X(EDOOFUS, 88) \
	X(EBADMSG, 89) \
	X(EMULTIHOP, 90) \
	X(ENOLINK, 91) \
	X(EPROTO, 92) \
	X(ENOTCAPABLE, 93) \
	X(ECAPMODE, 94) \
	X(ENOTRECOVERABLE, 95) \
	X(EOWNERDEAD, 96) \
	X(EINTEGRITY, 97) \

/* signals: X(name, FreeBSD value) */
#define FBSD_SIGNAL_LIST(X) \
	X(SIGHUP, 1) \
	X(SIGINT, 2) \
	X(SIGQUIT, 3) \
	X(SIGILL, 4) \
	X(SIGTRAP, 5) \
	X(SIGABRT, 6) \
	X(SIGEMT, 7) \
	X(SIGFPE, 8) \
	X(SIGKILL, 9) \
	X(SIGBUS, 10) \
	X(SIGSEGV, 11) \
	X(SIGSYS, 12) \
	X(SIGPIPE, 13) \
	X(SIGALRM, 14) \
	X(SIGTERM, 15) \
	X(SIGURG, 16) \
	X(SIGSTOP, 17) \
	X(SIGTSTP, 18) \
	X(SIGCONT, 19) \
	X(SIGCHLD, 20) \
	X(SIGTTIN, 21) \
	X(SIGTTOU, 22) \
	X(SIGIO, 23) \
	X(SIGXCPU, 24) \
	X(SIGXFSZ, 25) \
	X(SIGVTALRM, 26) \
	X(SIGPROF, 27) \
	X(SIGWINCH, 28) \
	X(SIGINFO, 29) \
	X(SIGUSR1, 30) \
	X(SIGUSR2, 31) \
	X(SIGTHR, 32) \
	X(SIGLIBRT, 33) \

#define X_(n, v) FBSD_##n = v,
enum { FBSD_ERRNO_LIST(X_) FBSD_ELAST = 97 };
enum { FBSD_SIGNAL_LIST(X_) };
#undef X_
#define FBSD_EWOULDBLOCK	FBSD_EAGAIN
#define FBSD_EOPNOTSUPP		FBSD_ENOTSUP
#define FBSD_SIGRTMIN		65
#define FBSD_SIGRTMAX		126
#define FBSD_NSIG		128

/* <fcntl.h> */
#define FBSD_O_RDONLY		0x0000
#define FBSD_O_WRONLY		0x0001
#define FBSD_O_RDWR		0x0002
#define FBSD_O_ACCMODE		0x0003
#define FBSD_O_NONBLOCK		0x0004
#define FBSD_O_APPEND		0x0008
#define FBSD_O_SHLOCK		0x0010
#define FBSD_O_EXLOCK		0x0020
#define FBSD_O_ASYNC		0x0040
#define FBSD_O_SYNC		0x0080
#define FBSD_O_NOFOLLOW		0x0100
#define FBSD_O_CREAT		0x0200
#define FBSD_O_TRUNC		0x0400
#define FBSD_O_EXCL		0x0800
#define FBSD_O_NOCTTY		0x8000
#define FBSD_O_DIRECT		0x00010000
#define FBSD_O_DIRECTORY	0x00020000
#define FBSD_O_EXEC		0x00040000
#define FBSD_O_TTY_INIT		0x00080000
#define FBSD_O_CLOEXEC		0x00100000
#define FBSD_O_VERIFY		0x00200000
#define FBSD_O_PATH		0x00400000
#define FBSD_O_RESOLVE_BENEATH	0x00800000
#define FBSD_O_DSYNC		0x01000000
#define FBSD_O_EMPTY_PATH	0x02000000

#define FBSD_AT_FDCWD		(-100)
#define FBSD_AT_EACCESS		0x0100
#define FBSD_AT_SYMLINK_NOFOLLOW 0x0200
#define FBSD_AT_SYMLINK_FOLLOW	0x0400
#define FBSD_AT_REMOVEDIR	0x0800
#define FBSD_AT_RESOLVE_BENEATH	0x2000
#define FBSD_AT_EMPTY_PATH	0x4000

#define FBSD_F_DUPFD		0
#define FBSD_F_GETFD		1
#define FBSD_F_SETFD		2
#define FBSD_F_GETFL		3
#define FBSD_F_SETFL		4
#define FBSD_F_GETOWN		5
#define FBSD_F_SETOWN		6
#define FBSD_F_OGETLK		7
#define FBSD_F_OSETLK		8
#define FBSD_F_OSETLKW		9
#define FBSD_F_DUP2FD		10
#define FBSD_F_GETLK		11
#define FBSD_F_SETLK		12
#define FBSD_F_SETLKW		13
#define FBSD_F_SETLK_REMOTE	14
#define FBSD_F_READAHEAD	15
#define FBSD_F_RDAHEAD		16
#define FBSD_F_DUPFD_CLOEXEC	17
#define FBSD_F_DUP2FD_CLOEXEC	18
#define FBSD_F_ADD_SEALS	19
#define FBSD_F_GET_SEALS	20
#define FBSD_F_ISUNIONSTACK	21
#define FBSD_F_KINFO		22
#define FBSD_FD_CLOEXEC		1
#define FBSD_F_RDLCK		1
#define FBSD_F_UNLCK		2
#define FBSD_F_WRLCK		3

#define FBSD_SEEK_SET		0
#define FBSD_SEEK_CUR		1
#define FBSD_SEEK_END		2
#define FBSD_SEEK_DATA		3
#define FBSD_SEEK_HOLE		4

#define FBSD_UTIME_NOW		(-1L)
#define FBSD_UTIME_OMIT		(-2L)

/* <sys/mman.h> */
#define FBSD_PROT_NONE		0x00
#define FBSD_PROT_READ		0x01
#define FBSD_PROT_WRITE		0x02
#define FBSD_PROT_EXEC		0x04
#define FBSD_MAP_SHARED		0x0001
#define FBSD_MAP_PRIVATE	0x0002
#define FBSD_MAP_FIXED		0x0010
#define FBSD_MAP_HASSEMAPHORE	0x0200
#define FBSD_MAP_STACK		0x0400
#define FBSD_MAP_NOSYNC		0x0800
#define FBSD_MAP_ANON		0x1000
#define FBSD_MAP_GUARD		0x2000
#define FBSD_MAP_EXCL		0x4000
#define FBSD_MAP_NOCORE		0x00020000
#define FBSD_MAP_PREFAULT_READ	0x00040000
#define FBSD_MAP_32BIT		0x00080000
#define FBSD_MAP_ALIGNMENT_SHIFT 24
#define FBSD_MAP_ALIGNMENT_MASK	(0xffUL << FBSD_MAP_ALIGNMENT_SHIFT)
#define FBSD_MAP_ALIGNED_SUPER	(1UL << FBSD_MAP_ALIGNMENT_SHIFT)
#define FBSD_MADV_NORMAL	0
#define FBSD_MADV_RANDOM	1
#define FBSD_MADV_SEQUENTIAL	2
#define FBSD_MADV_WILLNEED	3
#define FBSD_MADV_DONTNEED	4
#define FBSD_MADV_FREE		5
#define FBSD_MADV_NOSYNC	6
#define FBSD_MADV_AUTOSYNC	7
#define FBSD_MADV_NOCORE	8
#define FBSD_MADV_CORE		9
#define FBSD_MADV_PROTECT	10

/* <time.h> clock ids */
#define FBSD_CLOCK_REALTIME		0
#define FBSD_CLOCK_VIRTUAL		1
#define FBSD_CLOCK_PROF			2
#define FBSD_CLOCK_MONOTONIC		4
#define FBSD_CLOCK_UPTIME		5
#define FBSD_CLOCK_UPTIME_PRECISE	7
#define FBSD_CLOCK_UPTIME_FAST		8
#define FBSD_CLOCK_REALTIME_PRECISE	9
#define FBSD_CLOCK_REALTIME_FAST	10
#define FBSD_CLOCK_MONOTONIC_PRECISE	11
#define FBSD_CLOCK_MONOTONIC_FAST	12
#define FBSD_CLOCK_SECOND		13
#define FBSD_CLOCK_THREAD_CPUTIME_ID	14
#define FBSD_CLOCK_PROCESS_CPUTIME_ID	15

/* <sys/resource.h> */
#define FBSD_RLIMIT_CPU		0
#define FBSD_RLIMIT_FSIZE	1
#define FBSD_RLIMIT_DATA	2
#define FBSD_RLIMIT_STACK	3
#define FBSD_RLIMIT_CORE	4
#define FBSD_RLIMIT_RSS		5
#define FBSD_RLIMIT_MEMLOCK	6
#define FBSD_RLIMIT_NPROC	7
#define FBSD_RLIMIT_NOFILE	8
#define FBSD_RLIMIT_SBSIZE	9
#define FBSD_RLIMIT_AS		10
#define FBSD_RLIMIT_NPTS	11
#define FBSD_RLIMIT_SWAP	12
#define FBSD_RLIMIT_KQUEUES	13
#define FBSD_RLIMIT_UMTXP	14
#define FBSD_RLIMIT_PIPEBUF	15
#define FBSD_RLIM_NLIMITS	16
#define FBSD_RLIM_INFINITY	0x7fffffffffffffffLL
#define FBSD_RUSAGE_SELF	0
#define FBSD_RUSAGE_CHILDREN	(-1)
#define FBSD_RUSAGE_THREAD	1

/* <signal.h> */
#define FBSD_SIG_BLOCK		1
#define FBSD_SIG_UNBLOCK	2
#define FBSD_SIG_SETMASK	3

/* sysarch(2) */
#define FBSD_AMD64_GET_FSBASE	128
#define FBSD_AMD64_SET_FSBASE	129
#define FBSD_AMD64_GET_GSBASE	130
#define FBSD_AMD64_SET_GSBASE	131
#define FBSD_AMD64_GET_XFPUSTATE 132
#define FBSD_AMD64_SET_PKRU	133
#define FBSD_AMD64_CLEAR_PKRU	134

/* ioctls: _IOC(inout, group, num, len) as in FreeBSD's <sys/ioccom.h> */
#define FBSD_IOC_VOID		0x20000000UL
#define FBSD_IOC_OUT		0x40000000UL
#define FBSD_IOC_IN		0x80000000UL
#define FBSD_IOC(io, g, n, l)	((io) | (((l) & 0x1fffUL) << 16) | ((unsigned long)(g) << 8) | (n))
#define FBSD_TIOCGETA		FBSD_IOC(FBSD_IOC_OUT, 't', 19, 44)
#define FBSD_TIOCSETA		FBSD_IOC(FBSD_IOC_IN, 't', 20, 44)
#define FBSD_TIOCSETAW		FBSD_IOC(FBSD_IOC_IN, 't', 21, 44)
#define FBSD_TIOCSETAF		FBSD_IOC(FBSD_IOC_IN, 't', 22, 44)
#define FBSD_TIOCGWINSZ		FBSD_IOC(FBSD_IOC_OUT, 't', 104, 8)
#define FBSD_TIOCSWINSZ		FBSD_IOC(FBSD_IOC_IN, 't', 103, 8)
#define FBSD_TIOCGPGRP		FBSD_IOC(FBSD_IOC_OUT, 't', 119, 4)
#define FBSD_TIOCSPGRP		FBSD_IOC(FBSD_IOC_IN, 't', 118, 4)
#define FBSD_TIOCSCTTY		FBSD_IOC(FBSD_IOC_VOID, 't', 97, 0)
#define FBSD_TIOCNOTTY		FBSD_IOC(FBSD_IOC_VOID, 't', 113, 0)
#define FBSD_TIOCGSID		FBSD_IOC(FBSD_IOC_OUT, 't', 99, 4)
#define FBSD_TIOCOUTQ		FBSD_IOC(FBSD_IOC_OUT, 't', 115, 4)
#define FBSD_TIOCEXCL		FBSD_IOC(FBSD_IOC_VOID, 't', 13, 0)
#define FBSD_TIOCNXCL		FBSD_IOC(FBSD_IOC_VOID, 't', 14, 0)
#define FBSD_TIOCFLUSH		FBSD_IOC(FBSD_IOC_IN, 't', 16, 4)
#define FBSD_TIOCDRAIN		FBSD_IOC(FBSD_IOC_VOID, 't', 94, 0)
#define FBSD_FIOCLEX		FBSD_IOC(FBSD_IOC_VOID, 'f', 1, 0)
#define FBSD_FIONCLEX		FBSD_IOC(FBSD_IOC_VOID, 'f', 2, 0)
#define FBSD_FIOASYNC		FBSD_IOC(FBSD_IOC_IN, 'f', 125, 4)
#define FBSD_FIONBIO		FBSD_IOC(FBSD_IOC_IN, 'f', 126, 4)
#define FBSD_FIONREAD		FBSD_IOC(FBSD_IOC_OUT, 'f', 127, 4)
#define FBSD_FIONWRITE		FBSD_IOC(FBSD_IOC_OUT, 'f', 119, 4)
#define FBSD_FIONSPACE		FBSD_IOC(FBSD_IOC_OUT, 'f', 118, 4)

/* Structures, field by field with explicit widths. */
struct fbsd_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

struct fbsd_timeval {
	int64_t tv_sec;
	int64_t tv_usec;
};

struct fbsd_stat {		/* FreeBSD 12+ (ino64) struct stat */
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint16_t st_mode;
	int16_t st_padding0;
	uint32_t st_uid;
	uint32_t st_gid;
	int32_t st_padding1;
	uint64_t st_rdev;
	struct fbsd_timespec st_atim;
	struct fbsd_timespec st_mtim;
	struct fbsd_timespec st_ctim;
	struct fbsd_timespec st_birthtim;
	int64_t st_size;
	int64_t st_blocks;
	int32_t st_blksize;
	uint32_t st_flags;
	uint64_t st_gen;
	uint64_t st_spare[10];
};
_Static_assert(sizeof(struct fbsd_stat) == 224, "FreeBSD struct stat is 224 bytes");
_Static_assert(offsetof(struct fbsd_stat, st_size) == 112, "st_size offset");

struct fbsd_dirent {		/* FreeBSD 12+ struct dirent; d_name is variable */
	uint64_t d_fileno;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	uint8_t d_pad0;
	uint16_t d_namlen;
	uint16_t d_pad1;
	char d_name[256];
};
_Static_assert(offsetof(struct fbsd_dirent, d_name) == 24, "d_name offset");
/* Record length for a name of n bytes: header, name, NUL, 8-byte aligned. */
#define FBSD_DIRENT_RECLEN(n)	((offsetof(struct fbsd_dirent, d_name) + (n) + 1 + 7) & ~(size_t)7)

struct fbsd_rlimit {
	int64_t rlim_cur;
	int64_t rlim_max;
};

struct fbsd_rusage {
	struct fbsd_timeval ru_utime;
	struct fbsd_timeval ru_stime;
	int64_t ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt;
	int64_t ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv;
	int64_t ru_nsignals, ru_nvcsw, ru_nivcsw;
};
_Static_assert(sizeof(struct fbsd_rusage) == 144, "FreeBSD struct rusage");

#define FBSD_NCCS 20
struct fbsd_termios {
	uint32_t c_iflag;
	uint32_t c_oflag;
	uint32_t c_cflag;
	uint32_t c_lflag;
	uint8_t c_cc[FBSD_NCCS];
	uint32_t c_ispeed;
	uint32_t c_ospeed;
};
_Static_assert(sizeof(struct fbsd_termios) == 44, "FreeBSD struct termios");

struct fbsd_winsize {
	uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};

struct fbsd_flock {
	int64_t l_start;
	int64_t l_len;
	int32_t l_pid;
	int16_t l_type;
	int16_t l_whence;
	int32_t l_sysid;
	int32_t l_pad;
};
_Static_assert(sizeof(struct fbsd_flock) == 32, "FreeBSD struct flock");

struct fbsd_iovec {
	uint64_t iov_base;
	uint64_t iov_len;
};

struct fbsd_sigset {
	uint32_t bits[4];
};

struct fbsd_siginfo {
	int32_t fsi_signo;
	int32_t fsi_errno;
	int32_t fsi_code;
	int32_t fsi_pid;
	uint32_t fsi_uid;
	int32_t fsi_status;
	uint64_t fsi_addr;
	uint64_t fsi_value;
	union {
		int32_t trapno;
		struct { int32_t timerid, overrun; } timer;
		int64_t band;
		uint8_t pad[40];
	} reason;
};
_Static_assert(sizeof(struct fbsd_siginfo) == 80, "FreeBSD siginfo_t");

struct fbsd_pollfd {
	int32_t fd;
	int16_t events;
	int16_t revents;
};

#endif
