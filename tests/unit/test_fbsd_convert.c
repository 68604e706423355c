/*
 * The structure converter pairs of fbsd_convert.h: stat (from statx, and
 * stat to statx), flock, termios, poll event bits and signal sets.
 *
 * FreeBSD's values are written out here as numbers, from FreeBSD's headers
 * as Go's x/sys/unix records them (zerrors/ztypes_freebsd_amd64.go; one
 * test checks the copies against those files), so a slip in a converter's
 * own table shows up as a wrong bit.  Linux's come from its UAPI headers.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
/* struct termios2 and the kernel's flag values; <termios.h> would clash. */
#include <asm/termbits.h>

#include "tests/unit/unit.h"
#include "tests/unit/gofile.h"
#include "syscalls/freebsd/fbsd_convert.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* A FreeBSD value, its name in Go's files, and the Linux value it pairs with. */
struct pair {
	const char *name;
	int64_t fbsd;
	uint64_t lnx;
};

/* FreeBSD <sys/_termios.h> */
static const struct pair iflags[] = {
	{ "IGNBRK", 0x1, IGNBRK }, { "BRKINT", 0x2, BRKINT }, { "IGNPAR", 0x4, IGNPAR },
	{ "PARMRK", 0x8, PARMRK }, { "INPCK", 0x10, INPCK }, { "ISTRIP", 0x20, ISTRIP },
	{ "INLCR", 0x40, INLCR }, { "IGNCR", 0x80, IGNCR }, { "ICRNL", 0x100, ICRNL },
	{ "IXON", 0x200, IXON }, { "IXOFF", 0x400, IXOFF }, { "IXANY", 0x800, IXANY },
	{ "IMAXBEL", 0x2000, IMAXBEL }, { "IUTF8", 0x4000, IUTF8 },
};
static const struct pair oflags[] = {
	{ "OPOST", 0x1, OPOST }, { "ONLCR", 0x2, ONLCR }, { "OXTABS", 0x4, TAB3 },
	{ "OCRNL", 0x10, OCRNL }, { "ONOCR", 0x20, ONOCR }, { "ONLRET", 0x40, ONLRET },
};
#define FB_ONOEOT	0x8	/* no Linux twin */
static const struct pair cflags[] = {	/* CSIZE apart */
	{ "CSTOPB", 0x400, CSTOPB }, { "CREAD", 0x800, CREAD }, { "PARENB", 0x1000, PARENB },
	{ "PARODD", 0x2000, PARODD }, { "HUPCL", 0x4000, HUPCL }, { "CLOCAL", 0x8000, CLOCAL },
	{ "CRTSCTS", 0x30000, CRTSCTS },
};
static const struct pair csizes[] = {
	{ "CS5", 0x0, CS5 }, { "CS6", 0x100, CS6 }, { "CS7", 0x200, CS7 }, { "CS8", 0x300, CS8 },
};
#define FB_CSIZE	0x300
#define FB_CIGNORE	0x1
#define FB_CCTS_OFLOW	0x10000
#define FB_CRTS_IFLOW	0x20000
#define FB_MDMBUF	0x100000	/* no Linux twin */
static const struct pair lflags[] = {
	{ "ECHOKE", 0x1, ECHOKE }, { "ECHOE", 0x2, ECHOE }, { "ECHOK", 0x4, ECHOK },
	{ "ECHO", 0x8, ECHO }, { "ECHONL", 0x10, ECHONL }, { "ECHOPRT", 0x20, ECHOPRT },
	{ "ECHOCTL", 0x40, ECHOCTL }, { "ISIG", 0x80, ISIG }, { "ICANON", 0x100, ICANON },
	{ "IEXTEN", 0x400, IEXTEN }, { "EXTPROC", 0x800, EXTPROC }, { "TOSTOP", 0x400000, TOSTOP },
	{ "FLUSHO", 0x800000, FLUSHO }, { "PENDIN", 0x20000000, PENDIN },
	{ "NOFLSH", 0x80000000, NOFLSH },
};
#define FB_ALTWERASE	0x200		/* no Linux twin */
#define FB_NOKERNINFO	0x2000000	/* nothing to do on Linux */

/* c_cc: FreeBSD index, Linux index */
static const struct pair ccs[] = {
	{ "VEOF", 0, VEOF }, { "VEOL", 1, VEOL }, { "VEOL2", 2, VEOL2 }, { "VERASE", 3, VERASE },
	{ "VWERASE", 4, VWERASE }, { "VKILL", 5, VKILL }, { "VREPRINT", 6, VREPRINT },
	{ "VINTR", 8, VINTR }, { "VQUIT", 9, VQUIT }, { "VSUSP", 10, VSUSP },
	{ "VSTART", 12, VSTART }, { "VSTOP", 13, VSTOP }, { "VLNEXT", 14, VLNEXT },
	{ "VDISCARD", 15, VDISCARD }, { "VMIN", 16, VMIN }, { "VTIME", 17, VTIME },
};
/* VERASE2, VDSUSP, VSTATUS and the spare slot: FreeBSD only */
static const struct pair fbsd_only_ccs[] = {
	{ "VERASE2", 7, 0 }, { "VDSUSP", 11, 0 }, { "VSTATUS", 18, 0 }, { NULL, 19, 0 },
};
#define FB_VMIN		16
#define FB_VTIME	17
#define FB_VDISABLE	0xff	/* _POSIX_VDISABLE; Linux's is 0 */

/* FreeBSD <sys/poll.h>: each bit, Linux's bit for it, and what comes back. */
static const struct {
	const char *name;
	int16_t fbsd;
	short lnx;
	int16_t back;
} pollbits[] = {
	{ "POLLIN", 0x1, POLLIN, 0x1 }, { "POLLPRI", 0x2, POLLPRI, 0x2 },
	{ "POLLOUT", 0x4, POLLOUT, 0x4 }, { "POLLERR", 0x8, POLLERR, 0x8 },
	{ "POLLHUP", 0x10, POLLHUP, 0x10 }, { "POLLNVAL", 0x20, POLLNVAL, 0x20 },
	{ "POLLRDNORM", 0x40, POLLRDNORM, 0x40 }, { "POLLRDBAND", 0x80, POLLRDBAND, 0x80 },
	{ "POLLWRBAND", 0x100, POLLWRBAND, 0x100 },
	/* XXX in uxrun: asks for input, ends up as plain POLLIN */
	{ "POLLINIGNEOF", 0x2000, POLLIN, 0x1 },
	{ "POLLRDHUP", 0x4000, POLLRDHUP, 0x4000 },
};

/* FreeBSD signal n -> Linux signal (0: none), FreeBSD <sys/signal.h> */
static const struct {
	const char *name;
	int fbsd, lnx;
} sigs[] = {
	{ "SIGHUP", 1, 1 }, { "SIGINT", 2, 2 }, { "SIGQUIT", 3, 3 }, { "SIGILL", 4, 4 },
	{ "SIGTRAP", 5, 5 }, { "SIGABRT", 6, 6 }, { "SIGEMT", 7, 0 }, { "SIGFPE", 8, 8 },
	{ "SIGKILL", 9, 9 }, { "SIGBUS", 10, 7 }, { "SIGSEGV", 11, 11 }, { "SIGSYS", 12, 31 },
	{ "SIGPIPE", 13, 13 }, { "SIGALRM", 14, 14 }, { "SIGTERM", 15, 15 }, { "SIGURG", 16, 23 },
	{ "SIGSTOP", 17, 19 }, { "SIGTSTP", 18, 20 }, { "SIGCONT", 19, 18 }, { "SIGCHLD", 20, 17 },
	{ "SIGTTIN", 21, 21 }, { "SIGTTOU", 22, 22 }, { "SIGIO", 23, 29 }, { "SIGXCPU", 24, 24 },
	{ "SIGXFSZ", 25, 25 }, { "SIGVTALRM", 26, 26 }, { "SIGPROF", 27, 27 },
	{ "SIGWINCH", 28, 28 }, { "SIGINFO", 29, 0 }, { "SIGUSR1", 30, 10 }, { "SIGUSR2", 31, 12 },
	{ "SIGTHR", 32, 0 }, { "SIGLIBRT", 33, 0 },
};
#define FB_SIGRTMIN	65
#define FB_SIGRTMAX	126

/* FreeBSD <sys/fcntl.h> lock types */
#define FB_F_RDLCK	1
#define FB_F_UNLCK	2
#define FB_F_WRLCK	3

/* The copies above against Go's files, where Go has the name. */
static void
test_values_match_go(void)
{
	static const char *const files[] = { "zerrors_freebsd_amd64.go", "ztypes_freebsd_amd64.go" };
	struct go_consts *go = NULL;
	char path[1024];
	int checked = 0;
	int64_t v;

	for (size_t i = 0; i < NELEM(files); i++) {
		snprintf(path, sizeof(path), "%s/%s", unit_go_dir(), files[i]);
		UX_CHECK(go_consts_load(&go, path) == 0, "cannot read %s (set GO_XSYS_DIR)", path);
	}
	if (!go)
		return;
	static const struct {
		const struct pair *p;
		size_t n;
	} tabs[] = {
		{ iflags, NELEM(iflags) }, { oflags, NELEM(oflags) }, { cflags, NELEM(cflags) },
		{ csizes, NELEM(csizes) }, { lflags, NELEM(lflags) }, { ccs, NELEM(ccs) },
		{ fbsd_only_ccs, NELEM(fbsd_only_ccs) },
	};
	for (size_t t = 0; t < NELEM(tabs); t++)
		for (size_t i = 0; i < tabs[t].n; i++) {
			const struct pair *p = &tabs[t].p[i];
			if (p->name && go_const(go, p->name, &v)) {
				UX_CHECK(v == p->fbsd, "%s is %#llx in Go's files, %#llx here", p->name,
				    (long long)v, (long long)p->fbsd);
				checked++;
			}
		}
	for (size_t i = 0; i < NELEM(pollbits); i++)
		if (go_const(go, pollbits[i].name, &v)) {
			UX_CHECK(v == pollbits[i].fbsd, "%s is %#llx in Go's files", pollbits[i].name, (long long)v);
			checked++;
		}
	for (size_t i = 0; i < NELEM(sigs); i++)
		if (go_const(go, sigs[i].name, &v)) {
			UX_CHECK(v == sigs[i].fbsd, "%s is %lld in Go's files", sigs[i].name, (long long)v);
			checked++;
		}
	static const struct {
		const char *name;
		int64_t v;
	} more[] = {
		{ "ONOEOT", FB_ONOEOT }, { "CSIZE", FB_CSIZE }, { "ALTWERASE", FB_ALTWERASE },
		{ "NOKERNINFO", FB_NOKERNINFO }, { "F_RDLCK", FB_F_RDLCK }, { "F_UNLCK", FB_F_UNLCK },
		{ "F_WRLCK", FB_F_WRLCK }, { "POLLWRNORM", 0x4 }, { "TAB3", 0x4 },
		{ "B9600", 9600 }, { "B38400", 38400 }, { "B115200", 115200 }, { "B0", 0 },
	};
	for (size_t i = 0; i < NELEM(more); i++)
		if (go_const(go, more[i].name, &v)) {
			UX_CHECK(v == more[i].v, "%s is %#llx in Go's files", more[i].name, (long long)v);
			checked++;
		}
	/* IUTF8, POLLRDHUP, CIGNORE and the flow-control halves are newer than
	 * or absent from Go's copy; everything else must have been there. */
	UX_CHECK(checked >= 100, "only %d values found in Go's files", checked);
	go_consts_free(go);
}

/* --- stat ---------------------------------------------------------------- */

/* FreeBSD's makedev(), major() and minor() (<sys/types.h>), written out. */
static uint64_t
fb_makedev(uint32_t ma, uint32_t mi)
{
	return ((uint64_t)(ma & 0xffffff00) << 32) | ((ma & 0xff) << 8) |
	    ((uint64_t)(mi & 0xff00) << 24) | (mi & 0xffff00ff);
}

static uint32_t
fb_major(uint64_t d)
{
	return (uint32_t)(((d >> 32) & 0xffffff00) | ((d >> 8) & 0xff));
}

static uint32_t
fb_minor(uint64_t d)
{
	return (uint32_t)(((d >> 24) & 0xff00) | (d & 0xffff00ff));
}

/* A byte pattern for "not written by the converter" checks. */
static int
all_bytes(const void *p, size_t n, unsigned char b)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++)
		if (c[i] != b)
			return 0;
	return 1;
}

static void
test_makedev_encoding(void)
{
	/* Worked out by hand from the definition; the helpers must agree. */
	static const struct {
		uint32_t ma, mi;
		uint64_t dev;
	} d[] = {
		{ 0, 0, 0 }, { 8, 1, 0x801 }, { 0x1f, 0x2e3, 0x200001fe3 },
		{ 0x123, 0x45678, 0x15600042378 }, { 0x12345, 0x6789a, 0x000123780006459a },
		{ 0x12345678, 0x9abcdef0, 0x123456de9abc78f0 },
		{ 0xffffffff, 0xffffffff, 0xffffffffffffffff },
	};
	struct statx sx;
	struct fbsd_stat sb;

	for (size_t i = 0; i < NELEM(d); i++) {
		UX_CHECK(fb_makedev(d[i].ma, d[i].mi) == d[i].dev && fb_major(d[i].dev) == d[i].ma &&
		    fb_minor(d[i].dev) == d[i].mi, "test's makedev(%#x, %#x)", d[i].ma, d[i].mi);
		memset(&sx, 0, sizeof(sx));
		sx.stx_mask = STATX_BASIC_STATS;
		sx.stx_dev_major = d[i].ma;
		sx.stx_dev_minor = d[i].mi;
		sx.stx_rdev_major = d[i].mi;	/* the other way round: one field cannot mask the other */
		sx.stx_rdev_minor = d[i].ma;
		linux_to_fbsd_stat(&sx, &sb);
		UX_CHECK(sb.st_dev == d[i].dev, "st_dev for %#x,%#x is %#llx, expected %#llx", d[i].ma,
		    d[i].mi, (unsigned long long)sb.st_dev, (unsigned long long)d[i].dev);
		UX_CHECK(sb.st_rdev == fb_makedev(d[i].mi, d[i].ma), "st_rdev for %#x,%#x is %#llx", d[i].mi,
		    d[i].ma, (unsigned long long)sb.st_rdev);
	}
}

static void
fill_statx(struct statx *sx)
{
	memset(sx, 0, sizeof(*sx));
	sx->stx_mask = STATX_BASIC_STATS | STATX_BTIME;
	sx->stx_blksize = 65536;
	sx->stx_attributes = 0;
	sx->stx_nlink = 0x7fff0001;
	sx->stx_uid = 1001;
	sx->stx_gid = 0xfffe0002;
	sx->stx_mode = S_IFCHR | 04751;
	sx->stx_ino = 0x1122334455667788;
	sx->stx_size = 0x0123456789abcdef;
	sx->stx_blocks = 0x2468ace0;
	sx->stx_atime = (struct statx_timestamp){ .tv_sec = 1700000000, .tv_nsec = 111111111 };
	sx->stx_btime = (struct statx_timestamp){ .tv_sec = 1600000000, .tv_nsec = 444444444 };
	sx->stx_ctime = (struct statx_timestamp){ .tv_sec = -5, .tv_nsec = 333333333 };
	sx->stx_mtime = (struct statx_timestamp){ .tv_sec = 1700000001, .tv_nsec = 999999999 };
	sx->stx_rdev_major = 0x1f;
	sx->stx_rdev_minor = 0x2e3;
	sx->stx_dev_major = 0x12345678;
	sx->stx_dev_minor = 0x9abcdef0;
}

static void
test_stat_from_statx(void)
{
	struct statx sx;
	struct fbsd_stat sb;

	fill_statx(&sx);
	memset(&sb, 0xa5, sizeof(sb));
	linux_to_fbsd_stat(&sx, &sb);
	UX_CHECK(sb.st_dev == 0x123456de9abc78f0, "st_dev %#llx", (unsigned long long)sb.st_dev);
	UX_CHECK(sb.st_ino == 0x1122334455667788, "st_ino %#llx", (unsigned long long)sb.st_ino);
	UX_CHECK(sb.st_nlink == 0x7fff0001, "st_nlink %#llx", (unsigned long long)sb.st_nlink);
	UX_CHECK(sb.st_mode == (0020000 | 04751), "st_mode %#o", sb.st_mode);
	UX_CHECK(sb.st_uid == 1001 && sb.st_gid == 0xfffe0002, "st_uid %u st_gid %#x", sb.st_uid, sb.st_gid);
	UX_CHECK(sb.st_rdev == 0x200001fe3, "st_rdev %#llx", (unsigned long long)sb.st_rdev);
	UX_CHECK(sb.st_atim.tv_sec == 1700000000 && sb.st_atim.tv_nsec == 111111111, "st_atim %lld.%09lld",
	    (long long)sb.st_atim.tv_sec, (long long)sb.st_atim.tv_nsec);
	UX_CHECK(sb.st_mtim.tv_sec == 1700000001 && sb.st_mtim.tv_nsec == 999999999, "st_mtim %lld.%09lld",
	    (long long)sb.st_mtim.tv_sec, (long long)sb.st_mtim.tv_nsec);
	UX_CHECK(sb.st_ctim.tv_sec == -5 && sb.st_ctim.tv_nsec == 333333333, "st_ctim %lld.%09lld",
	    (long long)sb.st_ctim.tv_sec, (long long)sb.st_ctim.tv_nsec);
	UX_CHECK(sb.st_birthtim.tv_sec == 1600000000 && sb.st_birthtim.tv_nsec == 444444444,
	    "st_birthtim %lld.%09lld", (long long)sb.st_birthtim.tv_sec, (long long)sb.st_birthtim.tv_nsec);
	UX_CHECK(sb.st_size == 0x0123456789abcdef, "st_size %#llx", (long long)sb.st_size);
	UX_CHECK(sb.st_blocks == 0x2468ace0, "st_blocks %#llx (both count 512-byte units)",
	    (long long)sb.st_blocks);
	UX_CHECK(sb.st_blksize == 65536, "st_blksize %d", sb.st_blksize);
	UX_CHECK(sb.st_flags == 0, "st_flags %#x without attributes", sb.st_flags);
	/* What FreeBSD's vn_stat zeroes (st_gen for an unprivileged caller). */
	UX_CHECK(sb.st_padding0 == 0 && sb.st_padding1 == 0 && sb.st_gen == 0 &&
	    all_bytes(sb.st_spare, sizeof(sb.st_spare), 0), "padding, st_gen and st_spare are zero");

	/* Without STATX_BTIME, FreeBSD's "no birth time": vn_stat's default
	 * of tv_sec -1, tv_nsec 0, whatever stx_btime holds. */
	sx.stx_mask &= ~(unsigned)STATX_BTIME;
	linux_to_fbsd_stat(&sx, &sb);
	UX_CHECK(sb.st_birthtim.tv_sec == -1 && sb.st_birthtim.tv_nsec == 0,
	    "st_birthtim without STATX_BTIME is %lld.%lld, expected -1.0", (long long)sb.st_birthtim.tv_sec,
	    (long long)sb.st_birthtim.tv_nsec);
	UX_CHECK(sb.st_mtim.tv_sec == 1700000001, "the other times stay");

	/* File types: the S_IF* values of FreeBSD's <sys/stat.h>. */
	static const struct {
		unsigned lnx, fbsd;
	} types[] = {
		{ S_IFIFO, 0010000 }, { S_IFCHR, 0020000 }, { S_IFDIR, 0040000 }, { S_IFBLK, 0060000 },
		{ S_IFREG, 0100000 }, { S_IFLNK, 0120000 }, { S_IFSOCK, 0140000 },
	};
	for (size_t i = 0; i < NELEM(types); i++) {
		sx.stx_mode = (uint16_t)(types[i].lnx | 07777);
		linux_to_fbsd_stat(&sx, &sb);
		UX_CHECK(sb.st_mode == (types[i].fbsd | 07777), "Linux mode %#o becomes %#o, expected %#o",
		    types[i].lnx | 07777, sb.st_mode, types[i].fbsd | 07777);
	}

	/* Inode attributes with a FreeBSD st_flags twin (UF_NODUMP 0x1,
	 * SF_IMMUTABLE 0x20000, SF_APPEND 0x40000); the others have none. */
	static const struct {
		uint64_t attr;
		uint32_t flags;
	} attrs[] = {
		{ STATX_ATTR_IMMUTABLE, 0x20000 }, { STATX_ATTR_APPEND, 0x40000 },
		{ STATX_ATTR_NODUMP, 0x1 }, { STATX_ATTR_COMPRESSED, 0 }, { STATX_ATTR_ENCRYPTED, 0 },
		{ STATX_ATTR_AUTOMOUNT, 0 },
		{ STATX_ATTR_IMMUTABLE | STATX_ATTR_APPEND | STATX_ATTR_NODUMP, 0x60001 },
	};
	for (size_t i = 0; i < NELEM(attrs); i++) {
		sx.stx_attributes = attrs[i].attr;
		linux_to_fbsd_stat(&sx, &sb);
		UX_CHECK(sb.st_flags == attrs[i].flags, "stx_attributes %#llx give st_flags %#x, expected %#x",
		    (unsigned long long)attrs[i].attr, sb.st_flags, attrs[i].flags);
	}
}

static void
test_stat_to_statx(void)
{
	struct stat st;
	struct statx sx;
	struct fbsd_stat sb;

	memset(&st, 0, sizeof(st));
	/* glibc's dev_t: major 0x12345, minor 0x6789a (a 64-bit one) and the
	 * kernel's 32-bit encoding of major 0x123, minor 0x45678. */
	st.st_dev = 0x000120006783459a;
	st.st_rdev = 0x45612378;
	UX_CHECK(st.st_dev == makedev(0x12345, 0x6789a) && st.st_rdev == makedev(0x123, 0x45678),
	    "the test's dev_t values");
	st.st_ino = 0x8877665544332211;
	st.st_nlink = 42;
	st.st_mode = S_IFSOCK | 0640;
	st.st_uid = 4000000000u;
	st.st_gid = 77;
	st.st_size = 0x7edcba9876543210;
	st.st_blocks = 8;
	st.st_blksize = 4096;
	st.st_atim = (struct timespec){ 1234567890, 1 };
	st.st_mtim = (struct timespec){ 1234567891, 999999999 };
	st.st_ctim = (struct timespec){ -1234, 500000000 };
	memset(&sx, 0x5a, sizeof(sx));
	linux_stat_to_statx(&st, &sx);
	UX_CHECK(sx.stx_mask == 0x7ff, "stx_mask %#x: STATX_BASIC_STATS (0x7ff), no STATX_BTIME", sx.stx_mask);
	UX_CHECK(sx.stx_dev_major == 0x12345 && sx.stx_dev_minor == 0x6789a, "stx_dev %#x:%#x",
	    sx.stx_dev_major, sx.stx_dev_minor);
	UX_CHECK(sx.stx_rdev_major == 0x123 && sx.stx_rdev_minor == 0x45678, "stx_rdev %#x:%#x",
	    sx.stx_rdev_major, sx.stx_rdev_minor);
	UX_CHECK(sx.stx_ino == 0x8877665544332211, "stx_ino %#llx", (unsigned long long)sx.stx_ino);
	UX_CHECK(sx.stx_nlink == 42, "stx_nlink %u", sx.stx_nlink);
	UX_CHECK(sx.stx_mode == (S_IFSOCK | 0640), "stx_mode %#o", sx.stx_mode);
	UX_CHECK(sx.stx_uid == 4000000000u && sx.stx_gid == 77, "stx_uid %u stx_gid %u", sx.stx_uid, sx.stx_gid);
	UX_CHECK(sx.stx_size == 0x7edcba9876543210, "stx_size %#llx", (unsigned long long)sx.stx_size);
	UX_CHECK(sx.stx_blocks == 8 && sx.stx_blksize == 4096, "stx_blocks %llu stx_blksize %u",
	    (unsigned long long)sx.stx_blocks, sx.stx_blksize);
	UX_CHECK(sx.stx_atime.tv_sec == 1234567890 && sx.stx_atime.tv_nsec == 1, "stx_atime");
	UX_CHECK(sx.stx_mtime.tv_sec == 1234567891 && sx.stx_mtime.tv_nsec == 999999999, "stx_mtime");
	UX_CHECK(sx.stx_ctime.tv_sec == -1234 && sx.stx_ctime.tv_nsec == 500000000, "stx_ctime");
	UX_CHECK(sx.stx_btime.tv_sec == 0 && sx.stx_btime.tv_nsec == 0 && sx.stx_attributes == 0 &&
	    sx.stx_attributes_mask == 0, "stx_btime and the attributes are cleared");

	/* On to FreeBSD: no birth time, and FreeBSD's dev_t encoding. */
	linux_to_fbsd_stat(&sx, &sb);
	UX_CHECK(sb.st_birthtim.tv_sec == -1 && sb.st_birthtim.tv_nsec == 0, "st_birthtim %lld.%lld",
	    (long long)sb.st_birthtim.tv_sec, (long long)sb.st_birthtim.tv_nsec);
	UX_CHECK(sb.st_dev == 0x000123780006459a, "st_dev %#llx", (unsigned long long)sb.st_dev);
	UX_CHECK(sb.st_rdev == 0x15600042378, "st_rdev %#llx", (unsigned long long)sb.st_rdev);
	UX_CHECK(sb.st_mode == (0140000 | 0640) && sb.st_uid == 4000000000u && sb.st_size == 0x7edcba9876543210 &&
	    sb.st_ctim.tv_sec == -1234 && sb.st_ctim.tv_nsec == 500000000 && sb.st_flags == 0,
	    "the rest carries through");
}

/* --- flock --------------------------------------------------------------- */

/* Linux's lock types (x86-64 <asm-generic/fcntl.h>) */
#define LX_F_RDLCK	0
#define LX_F_WRLCK	1
#define LX_F_UNLCK	2

static const struct {
	int16_t fbsd;
	short lnx;
} locktypes[] = {
	{ FB_F_RDLCK, LX_F_RDLCK }, { FB_F_UNLCK, LX_F_UNLCK }, { FB_F_WRLCK, LX_F_WRLCK },
};

static void
test_flock_to_linux(void)
{
	struct fbsd_flock g;
	struct flock l;
	long r;

	for (size_t i = 0; i < NELEM(locktypes); i++)
		for (int16_t w = 0; w <= 2; w++) {	/* SEEK_SET, SEEK_CUR, SEEK_END on both */
			g = (struct fbsd_flock){ .l_start = 0x123456789 + w, .l_len = -7 - w,
			    .l_pid = 4242 + (int)i, .l_type = locktypes[i].fbsd, .l_whence = w,
			    .l_sysid = 99 };
			memset(&l, 0x5a, sizeof(l));
			r = fbsd_to_linux_flock(&g, &l);
			UX_CHECK(r == 0, "FreeBSD l_type %d whence %d: %ld", g.l_type, w, r);
			UX_CHECK(l.l_type == locktypes[i].lnx, "FreeBSD l_type %d becomes Linux %d, expected %d",
			    g.l_type, l.l_type, locktypes[i].lnx);
			UX_CHECK(l.l_whence == w && l.l_start == 0x123456789 + w && l.l_len == -7 - w &&
			    l.l_pid == 4242 + (int)i, "whence %d start %lld len %lld pid %d", l.l_whence,
			    (long long)l.l_start, (long long)l.l_len, l.l_pid);
		}
	/* F_UNLCKSYS (4) and F_CANCEL (5) are FreeBSD's kernel-internal ones. */
	static const int16_t bad_type[] = { 0, 4, 5, -1, 0x7fff, INT16_MIN };
	for (size_t i = 0; i < NELEM(bad_type); i++) {
		g = (struct fbsd_flock){ .l_type = bad_type[i] };
		UX_CHECK(fbsd_to_linux_flock(&g, &l) == -EINVAL, "l_type %d is EINVAL", bad_type[i]);
	}
	/* SEEK_DATA and SEEK_HOLE (3, 4 on both) are no whence for a lock. */
	static const int16_t bad_whence[] = { 3, 4, -1, 0x7fff };
	for (size_t i = 0; i < NELEM(bad_whence); i++) {
		g = (struct fbsd_flock){ .l_type = FB_F_RDLCK, .l_whence = bad_whence[i] };
		UX_CHECK(fbsd_to_linux_flock(&g, &l) == -EINVAL, "l_whence %d is EINVAL", bad_whence[i]);
	}
}

static void
test_flock_to_fbsd(void)
{
	struct fbsd_flock g, back;
	struct flock l;

	for (size_t i = 0; i < NELEM(locktypes); i++)
		for (short w = 0; w <= 2; w++) {
			memset(&l, 0, sizeof(l));
			l.l_type = locktypes[i].lnx;
			l.l_whence = w;
			l.l_start = INT64_MAX - w;
			l.l_len = 0x10000 + w;
			l.l_pid = 31337;
			memset(&g, 0x5a, sizeof(g));
			linux_to_fbsd_flock(&l, &g);
			UX_CHECK(g.l_type == locktypes[i].fbsd, "Linux l_type %d becomes FreeBSD %d, expected %d",
			    l.l_type, g.l_type, locktypes[i].fbsd);
			UX_CHECK(g.l_whence == w && g.l_start == INT64_MAX - w && g.l_len == 0x10000 + w &&
			    g.l_pid == 31337, "whence %d start %lld len %lld pid %d", g.l_whence,
			    (long long)g.l_start, (long long)g.l_len, g.l_pid);
			UX_CHECK(g.l_sysid == 0, "l_sysid %d: a local lock is 0", g.l_sysid);
			/* and back */
			back = g;
			UX_CHECK(fbsd_to_linux_flock(&back, &l) == 0 && l.l_type == locktypes[i].lnx &&
			    l.l_whence == w && l.l_start == INT64_MAX - w, "Linux l_type %d round trip",
			    locktypes[i].lnx);
		}
}

/* --- termios ------------------------------------------------------------- */

static void
test_termios_flag_bits(void)
{
	static const struct {
		const char *word;
		const struct pair *p;
		size_t n;
		size_t off;	/* the same in both structs: 0, 4, 8, 12 */
	} words[] = {
		{ "c_iflag", iflags, NELEM(iflags), offsetof(struct fbsd_termios, c_iflag) },
		{ "c_oflag", oflags, NELEM(oflags), offsetof(struct fbsd_termios, c_oflag) },
		{ "c_cflag", cflags, NELEM(cflags), offsetof(struct fbsd_termios, c_cflag) },
		{ "c_lflag", lflags, NELEM(lflags), offsetof(struct fbsd_termios, c_lflag) },
	};
	_Static_assert(offsetof(struct termios2, c_lflag) == offsetof(struct fbsd_termios, c_lflag),
	    "flag words line up");

	for (size_t w = 0; w < NELEM(words); w++)
		for (size_t i = 0; i < words[w].n; i++) {
			const struct pair *p = &words[w].p[i];
			struct fbsd_termios g = { 0 }, back;
			struct termios2 l;
			uint32_t lw[4], gw[4];

			memcpy((char *)&g + words[w].off, &(uint32_t){ (uint32_t)p->fbsd }, 4);
			memset(&l, 0, sizeof(l));
			fbsd_to_linux_termios(&g, &l);
			memcpy(lw, &l, sizeof(lw));
			for (size_t k = 0; k < 4; k++) {
				/* CS5 and B0 are 0, so an empty c_cflag stays 0 */
				uint32_t want = k == w ? (uint32_t)p->lnx : 0;
				UX_CHECK(lw[k] == want, "FreeBSD %s %s (%#llx): Linux %s is %#x, expected %#x",
				    words[w].word, p->name, (long long)p->fbsd, words[k].word, lw[k], want);
			}
			linux_to_fbsd_termios(&l, &back);
			memcpy(gw, &back, sizeof(gw));
			for (size_t k = 0; k < 4; k++) {
				uint32_t want = k == w ? (uint32_t)p->fbsd : 0;
				UX_CHECK(gw[k] == want, "%s %s back: FreeBSD %s is %#x, expected %#x",
				    words[w].word, p->name, words[k].word, gw[k], want);
			}
		}
}

static void
test_termios_csize(void)
{
	for (size_t i = 0; i < NELEM(csizes); i++) {
		struct fbsd_termios g = { .c_cflag = (uint32_t)csizes[i].fbsd | 0x800 /* CREAD */ }, back;
		struct termios2 l;

		memset(&l, 0, sizeof(l));
		l.c_cflag = CS8;	/* the terminal's old size must not leak through */
		fbsd_to_linux_termios(&g, &l);
		UX_CHECK((l.c_cflag & CSIZE) == csizes[i].lnx && (l.c_cflag & CREAD),
		    "FreeBSD %s: Linux c_cflag %#x, expected size %#llx", csizes[i].name, l.c_cflag,
		    (unsigned long long)csizes[i].lnx);
		linux_to_fbsd_termios(&l, &back);
		UX_CHECK((back.c_cflag & FB_CSIZE) == csizes[i].fbsd && back.c_cflag == ((uint32_t)csizes[i].fbsd | 0x800),
		    "%s back: FreeBSD c_cflag %#x", csizes[i].name, back.c_cflag);
	}
}

/* What the converters do with bits one side lacks, and with CIGNORE. */
static void
test_termios_lossy_bits(void)
{
	struct fbsd_termios g, back;
	struct termios2 l;

	/* Either half of FreeBSD's flow control is Linux's one CRTSCTS bit. */
	static const uint32_t halves[] = { FB_CCTS_OFLOW, FB_CRTS_IFLOW };
	for (size_t i = 0; i < NELEM(halves); i++) {
		g = (struct fbsd_termios){ .c_cflag = halves[i] };
		memset(&l, 0, sizeof(l));
		fbsd_to_linux_termios(&g, &l);
		UX_CHECK(l.c_cflag == CRTSCTS, "FreeBSD c_cflag %#x becomes Linux %#x, expected CRTSCTS",
		    halves[i], l.c_cflag);
		linux_to_fbsd_termios(&l, &back);
		UX_CHECK(back.c_cflag == 0x30000, "and comes back as both halves, not %#x", back.c_cflag);
	}

	/* NOKERNINFO: nothing to do on Linux, and nothing to report. */
	int before = unit_count_in_log("termios c_lflag");
	g = (struct fbsd_termios){ .c_lflag = FB_NOKERNINFO | 0x8 /* ECHO */ };
	memset(&l, 0, sizeof(l));
	fbsd_to_linux_termios(&g, &l);
	UX_CHECK(l.c_lflag == ECHO, "NOKERNINFO|ECHO becomes Linux c_lflag %#x", l.c_lflag);
	UX_CHECK(unit_count_in_log("termios c_lflag") == before, "NOKERNINFO is not reported");

	/* No twin: dropped, and reported (once per word). */
	static const struct {
		size_t off;
		uint32_t bit;
		const char *msg;
	} orphans[] = {
		{ offsetof(struct fbsd_termios, c_oflag), FB_ONOEOT, "untranslated termios c_oflag bits 0x8 dropped" },
		{ offsetof(struct fbsd_termios, c_lflag), FB_ALTWERASE, "untranslated termios c_lflag bits 0x200 dropped" },
		{ offsetof(struct fbsd_termios, c_cflag), FB_MDMBUF, "untranslated termios c_cflag bits 0x100000 dropped" },
	};
	for (size_t i = 0; i < NELEM(orphans); i++) {
		uint32_t lw[4];
		for (int twice = 0; twice < 2; twice++) {
			g = (struct fbsd_termios){ 0 };
			memcpy((char *)&g + orphans[i].off, &orphans[i].bit, 4);
			memset(&l, 0, sizeof(l));
			fbsd_to_linux_termios(&g, &l);
		}
		memcpy(lw, &l, sizeof(lw));
		UX_CHECK(lw[0] == 0 && lw[1] == 0 && lw[2] == 0 && lw[3] == 0, "FreeBSD bit %#x is dropped",
		    orphans[i].bit);
		UX_CHECK(unit_count_in_log(orphans[i].msg) == 1, "\"%s\" is logged once, not %d times",
		    orphans[i].msg, unit_count_in_log(orphans[i].msg));
	}

	/* CIGNORE: the control flags and speeds stay as the terminal has them. */
	g = (struct fbsd_termios){ .c_iflag = 0x100 /* ICRNL */, .c_cflag = FB_CIGNORE | 0x300 | 0x8000,
	    .c_ispeed = 115200, .c_ospeed = 115200 };
	memset(&l, 0, sizeof(l));
	l.c_cflag = CS7 | PARENB | B9600;
	l.c_ispeed = l.c_ospeed = 9600;
	fbsd_to_linux_termios(&g, &l);
	UX_CHECK(l.c_cflag == (CS7 | PARENB | B9600) && l.c_ispeed == 9600 && l.c_ospeed == 9600,
	    "CIGNORE: Linux c_cflag %#x speeds %u/%u unchanged", l.c_cflag, l.c_ispeed, l.c_ospeed);
	UX_CHECK(l.c_iflag == ICRNL, "CIGNORE leaves the other words to be converted");

	/* Linux's own bits, which FreeBSD cannot name, survive a set; the
	 * ones FreeBSD speaks for are replaced. */
	memset(&l, 0, sizeof(l));
	l.c_iflag = IUCLC | ICRNL;
	l.c_oflag = OLCUC | NL1 | ONLCR;
	l.c_lflag = XCASE | ECHO;
	l.c_cflag = CMSPAR | CSTOPB | B38400;
	l.c_line = 5;
	l.c_cc[VSWTC] = 0x1a;
	g = (struct fbsd_termios){ .c_iflag = 0x200 /* IXON */, .c_oflag = 0x1, .c_lflag = 0x80,
	    .c_cflag = 0x300, .c_ispeed = 9600, .c_ospeed = 9600 };
	fbsd_to_linux_termios(&g, &l);
	UX_CHECK(l.c_iflag == (IUCLC | IXON), "c_iflag %#x: IUCLC kept, ICRNL gone, IXON set", l.c_iflag);
	UX_CHECK(l.c_oflag == (OLCUC | NL1 | OPOST), "c_oflag %#x: OLCUC and NL1 kept", l.c_oflag);
	UX_CHECK(l.c_lflag == (XCASE | ISIG), "c_lflag %#x: XCASE kept", l.c_lflag);
	UX_CHECK(l.c_cflag == (CMSPAR | CS8 | B9600), "c_cflag %#x: CMSPAR kept", l.c_cflag);
	UX_CHECK(l.c_line == 5 && l.c_cc[VSWTC] == 0x1a, "line discipline and VSWTC kept");
	/* ... and do not show through to FreeBSD. */
	linux_to_fbsd_termios(&l, &back);
	UX_CHECK(back.c_iflag == 0x200 && back.c_oflag == 0x1 && back.c_lflag == 0x80 && back.c_cflag == 0x300,
	    "back: %#x %#x %#x %#x", back.c_iflag, back.c_oflag, back.c_lflag, back.c_cflag);
}

static void
test_termios_cc(void)
{
	struct fbsd_termios g = { 0 }, back;
	struct termios2 l;

	/* Distinct values, none of them a "disabled" one. */
	for (int i = 0; i < FBSD_NCCS; i++)
		g.c_cc[i] = (uint8_t)(0x40 + i);
	memset(&l, 0xee, sizeof(l));
	fbsd_to_linux_termios(&g, &l);
	for (size_t i = 0; i < NELEM(ccs); i++)
		UX_CHECK(l.c_cc[ccs[i].lnx] == 0x40 + ccs[i].fbsd, "FreeBSD %s (c_cc[%lld]) is Linux c_cc[%llu] %#x",
		    ccs[i].name, (long long)ccs[i].fbsd, (unsigned long long)ccs[i].lnx, l.c_cc[ccs[i].lnx]);
	UX_CHECK(l.c_cc[VSWTC] == 0xee, "Linux-only VSWTC untouched, %#x", l.c_cc[VSWTC]);
	linux_to_fbsd_termios(&l, &back);
	for (size_t i = 0; i < NELEM(ccs); i++)
		UX_CHECK(back.c_cc[ccs[i].fbsd] == 0x40 + ccs[i].fbsd, "%s round trip: %#x", ccs[i].name,
		    back.c_cc[ccs[i].fbsd]);
	for (size_t i = 0; i < NELEM(fbsd_only_ccs); i++)
		UX_CHECK(back.c_cc[fbsd_only_ccs[i].fbsd] == FB_VDISABLE, "FreeBSD-only c_cc[%lld] reads %#x",
		    (long long)fbsd_only_ccs[i].fbsd, back.c_cc[fbsd_only_ccs[i].fbsd]);

	/* "Disabled" is 0xff on FreeBSD and 0 on Linux; VMIN and VTIME are
	 * counts, not characters, and keep their value. */
	memset(g.c_cc, FB_VDISABLE, sizeof(g.c_cc));
	memset(&l, 0xee, sizeof(l));
	fbsd_to_linux_termios(&g, &l);
	for (size_t i = 0; i < NELEM(ccs); i++) {
		int count = ccs[i].fbsd == FB_VMIN || ccs[i].fbsd == FB_VTIME;
		UX_CHECK(l.c_cc[ccs[i].lnx] == (count ? 0xff : 0), "disabled FreeBSD %s is Linux %#x",
		    ccs[i].name, l.c_cc[ccs[i].lnx]);
	}
	memset(&l, 0, sizeof(l));
	linux_to_fbsd_termios(&l, &back);
	for (size_t i = 0; i < NELEM(ccs); i++) {
		int count = ccs[i].fbsd == FB_VMIN || ccs[i].fbsd == FB_VTIME;
		UX_CHECK(back.c_cc[ccs[i].fbsd] == (count ? 0 : FB_VDISABLE), "Linux 0 in %s is FreeBSD %#x",
		    ccs[i].name, back.c_cc[ccs[i].fbsd]);
	}
}

static void
test_termios_speeds(void)
{
	/* FreeBSD speeds are the baud rate itself; Linux codes the usual ones
	 * (CBAUD) and takes BOTHER plus c_ospeed for the rest. */
	static const struct {
		uint32_t baud, code;
	} sp[] = {
		{ 9600, B9600 }, { 38400, B38400 }, { 115200, B115200 }, { 0, B0 }, { 12345, BOTHER },
		{ 57600, B57600 }, { 4000000, B4000000 },
	};
	struct fbsd_termios g, back;
	struct termios2 l;

	for (size_t i = 0; i < NELEM(sp); i++) {
		g = (struct fbsd_termios){ .c_cflag = 0x300, .c_ispeed = sp[i].baud, .c_ospeed = sp[i].baud };
		memset(&l, 0, sizeof(l));
		fbsd_to_linux_termios(&g, &l);
		UX_CHECK((l.c_cflag & CBAUD) == sp[i].code && (l.c_cflag & CIBAUD) == 0,
		    "%u baud: Linux c_cflag %#x, expected code %#x and CIBAUD 0", sp[i].baud, l.c_cflag, sp[i].code);
		UX_CHECK(l.c_ospeed == sp[i].baud && l.c_ispeed == sp[i].baud, "%u baud: Linux speeds %u/%u",
		    sp[i].baud, l.c_ispeed, l.c_ospeed);
		linux_to_fbsd_termios(&l, &back);
		UX_CHECK(back.c_ospeed == sp[i].baud && back.c_ispeed == sp[i].baud && back.c_cflag == 0x300,
		    "%u baud back: %u/%u, c_cflag %#x", sp[i].baud, back.c_ispeed, back.c_ospeed, back.c_cflag);

		/* From Linux, a code wins over a stale c_ospeed field. */
		if (sp[i].code != BOTHER) {
			memset(&l, 0, sizeof(l));
			l.c_cflag = CS8 | sp[i].code;
			l.c_ispeed = l.c_ospeed = 1;
			linux_to_fbsd_termios(&l, &back);
			UX_CHECK(back.c_ospeed == sp[i].baud && back.c_ispeed == sp[i].baud,
			    "Linux code %#x reads as %u/%u baud, expected %u", sp[i].code, back.c_ispeed,
			    back.c_ospeed, sp[i].baud);
		}
	}

	/* Split speeds: CIBAUD holds the input code. */
	g = (struct fbsd_termios){ .c_cflag = 0x300, .c_ispeed = 115200, .c_ospeed = 9600 };
	memset(&l, 0, sizeof(l));
	fbsd_to_linux_termios(&g, &l);
	UX_CHECK((l.c_cflag & CBAUD) == B9600 && (l.c_cflag & CIBAUD) == (tcflag_t)B115200 << IBSHIFT &&
	    l.c_ispeed == 115200 && l.c_ospeed == 9600, "9600 out, 115200 in: c_cflag %#x", l.c_cflag);
	linux_to_fbsd_termios(&l, &back);
	UX_CHECK(back.c_ospeed == 9600 && back.c_ispeed == 115200, "back: %u out, %u in", back.c_ospeed,
	    back.c_ispeed);

	g = (struct fbsd_termios){ .c_cflag = 0x300, .c_ispeed = 31337, .c_ospeed = 115200 };
	memset(&l, 0, sizeof(l));
	fbsd_to_linux_termios(&g, &l);
	UX_CHECK((l.c_cflag & CBAUD) == B115200 && (l.c_cflag & CIBAUD) == (tcflag_t)BOTHER << IBSHIFT &&
	    l.c_ispeed == 31337, "31337 in: c_cflag %#x c_ispeed %u", l.c_cflag, l.c_ispeed);
	linux_to_fbsd_termios(&l, &back);
	UX_CHECK(back.c_ospeed == 115200 && back.c_ispeed == 31337, "back: %u out, %u in", back.c_ospeed,
	    back.c_ispeed);

	/* FreeBSD input speed 0: "the same as the output speed". */
	g = (struct fbsd_termios){ .c_cflag = 0x300, .c_ispeed = 0, .c_ospeed = 38400 };
	memset(&l, 0, sizeof(l));
	fbsd_to_linux_termios(&g, &l);
	UX_CHECK((l.c_cflag & CIBAUD) == 0 && l.c_ispeed == 38400, "ispeed 0: CIBAUD %#x c_ispeed %u",
	    l.c_cflag & CIBAUD, l.c_ispeed);
	linux_to_fbsd_termios(&l, &back);
	UX_CHECK(back.c_ispeed == 38400 && back.c_ospeed == 38400, "back: %u/%u", back.c_ispeed, back.c_ospeed);
}

/* --- poll ---------------------------------------------------------------- */

static void
test_poll_events(void)
{
	int16_t all = 0;
	short lall = 0;

	for (size_t i = 0; i < NELEM(pollbits); i++) {
		short l = fbsd_to_linux_pollev(pollbits[i].fbsd);
		UX_CHECK(l == pollbits[i].lnx, "FreeBSD %s (%#x) becomes Linux %#x, expected %#x", pollbits[i].name,
		    pollbits[i].fbsd, l, pollbits[i].lnx);
		int16_t g = linux_to_fbsd_pollev(l);
		UX_CHECK(g == pollbits[i].back, "%s back: FreeBSD %#x, expected %#x", pollbits[i].name, g,
		    pollbits[i].back);
		all |= pollbits[i].fbsd;
		lall |= pollbits[i].lnx;
	}
	UX_CHECK(lall == 0x22ff, "the Linux bits expected: %#x", lall);
	UX_CHECK(fbsd_to_linux_pollev(all) == 0x22ff, "all FreeBSD bits: Linux %#x", fbsd_to_linux_pollev(all));
	UX_CHECK(linux_to_fbsd_pollev(0x22ff) == 0x41ff, "all back: FreeBSD %#x", linux_to_fbsd_pollev(0x22ff));

	/* Linux-only bits: POLLWRNORM is FreeBSD's POLLOUT (its POLLWRNORM);
	 * POLLMSG (0x400) and POLLREMOVE (0x1000) have no FreeBSD twin. */
	UX_CHECK(linux_to_fbsd_pollev(POLLWRNORM) == 0x4, "Linux POLLWRNORM is FreeBSD %#x",
	    linux_to_fbsd_pollev(POLLWRNORM));
	UX_CHECK(linux_to_fbsd_pollev(POLLOUT | POLLWRNORM) == 0x4, "Linux POLLOUT|POLLWRNORM");
	UX_CHECK(linux_to_fbsd_pollev(POLLIN | POLLRDNORM) == 0x41, "Linux POLLIN|POLLRDNORM");
	UX_CHECK(linux_to_fbsd_pollev(0x400) == 0 && linux_to_fbsd_pollev(0x1000) == 0,
	    "Linux POLLMSG and POLLREMOVE are dropped");
	/* Bits FreeBSD does not define ask for nothing on Linux. */
	static const uint16_t undefined[] = { 0x200, 0x400, 0x800, 0x1000, 0x8000 };
	for (size_t i = 0; i < NELEM(undefined); i++)
		UX_CHECK(fbsd_to_linux_pollev((int16_t)undefined[i]) == 0, "FreeBSD bit %#x asks for %#x",
		    undefined[i], fbsd_to_linux_pollev((int16_t)undefined[i]));
}

/* --- sigset -------------------------------------------------------------- */

static int
fb_has(const struct fbsd_sigset *g, int sig)
{
	return (g->bits[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1;
}

static void
fb_add(struct fbsd_sigset *g, int sig)
{
	g->bits[(sig - 1) / 32] |= 1U << ((sig - 1) % 32);
}

static int
fb_count(const struct fbsd_sigset *g)
{
	int n = 0;

	for (int w = 0; w < 4; w++)
		n += __builtin_popcount(g->bits[w]);
	return n;
}

static void
test_sigset_classic(void)
{
	struct fbsd_sigset g, back;

	for (size_t i = 0; i < NELEM(sigs); i++) {
		memset(&g, 0, sizeof(g));
		fb_add(&g, sigs[i].fbsd);
		uint64_t h = fbsd_to_linux_sigset(&g);
		uint64_t want = sigs[i].lnx ? 1ULL << (sigs[i].lnx - 1) : 0;
		UX_CHECK(h == want, "FreeBSD %s (%d) is Linux mask %#llx, expected %#llx", sigs[i].name, sigs[i].fbsd,
		    (unsigned long long)h, (unsigned long long)want);
		if (!sigs[i].lnx)
			continue;
		memset(&back, 0xff, sizeof(back));
		linux_to_fbsd_sigset(h, &back);
		UX_CHECK(fb_count(&back) == 1 && fb_has(&back, sigs[i].fbsd), "Linux %d comes back as FreeBSD %s",
		    sigs[i].lnx, sigs[i].name);
	}
	/* Linux's signals without a FreeBSD twin: SIGSTKFLT 16, SIGPWR 30, and
	 * 32 and 33, which glibc keeps for itself. */
	static const int lonly[] = { 16, 30, 32, 33 };
	for (size_t i = 0; i < NELEM(lonly); i++) {
		memset(&back, 0xff, sizeof(back));
		linux_to_fbsd_sigset(1ULL << (lonly[i] - 1), &back);
		UX_CHECK(fb_count(&back) == 0, "Linux signal %d has no FreeBSD twin", lonly[i]);
	}
}

static void
test_sigset_realtime(void)
{
	struct fbsd_sigset g, back;

	/* glibc's SIGRTMIN is the kernel's 32 plus the two it keeps. */
	UX_CHECK(SIGRTMIN == 34 && SIGRTMAX == 64, "SIGRTMIN %d SIGRTMAX %d", SIGRTMIN, SIGRTMAX);
	for (int f = FB_SIGRTMIN; f <= FB_SIGRTMAX; f++) {
		int l = f - FB_SIGRTMIN + 34;	/* FreeBSD SIGRTMIN+k is Linux SIGRTMIN+k */
		memset(&g, 0, sizeof(g));
		fb_add(&g, f);
		uint64_t h = fbsd_to_linux_sigset(&g);
		uint64_t want = l <= 64 ? 1ULL << (l - 1) : 0;
		UX_CHECK(h == want, "FreeBSD signal %d is Linux mask %#llx, expected %#llx", f, (unsigned long long)h,
		    (unsigned long long)want);
		if (!want)
			continue;
		linux_to_fbsd_sigset(h, &back);
		UX_CHECK(fb_count(&back) == 1 && fb_has(&back, f), "Linux %d comes back as FreeBSD %d", l, f);
	}
	/* 34..64 and 127, 128: nothing on FreeBSD, nothing on Linux. */
	memset(&g, 0, sizeof(g));
	for (int f = 34; f < FB_SIGRTMIN; f++)
		fb_add(&g, f);
	fb_add(&g, 127);
	fb_add(&g, 128);
	UX_CHECK(fbsd_to_linux_sigset(&g) == 0, "FreeBSD's unused signal numbers give %#llx",
	    (unsigned long long)fbsd_to_linux_sigset(&g));
}

static void
test_sigset_whole(void)
{
	struct fbsd_sigset g, back;

	/* Every FreeBSD bit: every Linux signal but 16, 30, 32 and 33. */
	memset(&g, 0xff, sizeof(g));
	uint64_t h = fbsd_to_linux_sigset(&g);
	UX_CHECK(h == 0xfffffffe5fff7fff, "full FreeBSD set is Linux %#llx", (unsigned long long)h);

	/* Every Linux bit: FreeBSD 1..31 but SIGEMT (7) and SIGINFO (29),
	 * and 65..95 (Linux SIGRTMIN..SIGRTMAX). */
	memset(&back, 0xa5, sizeof(back));
	linux_to_fbsd_sigset(~0ULL, &back);
	UX_CHECK(back.bits[0] == 0x6fffffbf && back.bits[1] == 0 && back.bits[2] == 0x7fffffff && back.bits[3] == 0,
	    "full Linux set is FreeBSD %#x %#x %#x %#x", back.bits[0], back.bits[1], back.bits[2], back.bits[3]);

	/* Round trip of everything both sides have. */
	linux_to_fbsd_sigset(fbsd_to_linux_sigset(&back), &g);
	UX_CHECK(memcmp(&g, &back, sizeof(g)) == 0, "a set of shared signals survives the round trip");
	UX_CHECK(fbsd_to_linux_sigset(&back) == h, "and gives the same Linux mask");
	memset(&g, 0, sizeof(g));
	UX_CHECK(fbsd_to_linux_sigset(&g) == 0, "the empty set");
}

/* Called from main.c; unit.h lists the other suites. */
int unit_register_fbsd_convert(void);

int
unit_register_fbsd_convert(void)
{
	CU_pSuite s = CU_add_suite("structs", NULL, NULL);

	if (!s)
		return CU_get_error();
	UX_ADD_TEST(s, test_values_match_go);
	UX_ADD_TEST(s, test_makedev_encoding);
	UX_ADD_TEST(s, test_stat_from_statx);
	UX_ADD_TEST(s, test_stat_to_statx);
	UX_ADD_TEST(s, test_flock_to_linux);
	UX_ADD_TEST(s, test_flock_to_fbsd);
	UX_ADD_TEST(s, test_termios_flag_bits);
	UX_ADD_TEST(s, test_termios_csize);
	UX_ADD_TEST(s, test_termios_lossy_bits);
	UX_ADD_TEST(s, test_termios_cc);
	UX_ADD_TEST(s, test_termios_speeds);
	UX_ADD_TEST(s, test_poll_events);
	UX_ADD_TEST(s, test_sigset_classic);
	UX_ADD_TEST(s, test_sigset_realtime);
	UX_ADD_TEST(s, test_sigset_whole);
	return CUE_SUCCESS;
}
