/*
 * Odds and ends of FreeBSD's libc: <err.h>, strtonum, basename and
 * dirname, uname, sysconf with FreeBSD's _SC_ numbers, host and terminal
 * names, fnmatch with FreeBSD's flag bits.
 */
#include "config.h"

#include <errno.h>
#include <fnmatch.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <bsd/stdlib.h>
#include <bsd/string.h>

#include "libshim/freebsd/libc_shim.h"
#include "loader/rtld.h"
#include "syscalls/freebsd/fbsd_sysent.h"
#include "syscalls/hostfd.h"

/*
 * The runtime linker lives in the uxrun command only: libuxrun.so and the
 * unit tests carry libshim without it, and have no guest whose copies of
 * libc's variables could be elsewhere.  uxrun's definition wins over this.
 */
__attribute__((weak)) void *
ux_rtld_sym_default(const char *name)
{
	(void)name;
	return NULL;
}

/* --- <err.h> ------------------------------------------------------------------------- */

static FILE *err_file;
static void (*err_exit)(int);

void
shim_err_set_file(void *fp)
{
	err_file = fp ? fp : stderr;
}

void
shim_err_set_exit(void (*fn)(int))
{
	err_exit = fn;
}

/* "prog: " fmt ": " strerror(code), as FreeBSD's; errno left as it was. */
void
shim_vwarnc(int code, const char *fmt, va_list ap)
{
	int saved = shim_errno;
	FILE *f = err_file ? err_file : stderr;

	fprintf(f, "%s: ", shim_getprogname());
	if (fmt) {
		shim_vfprintf(f, fmt, ap);
		fputs(": ", f);
	}
	fprintf(f, "%s\n", shim_strerror(code));
	shim_errno = saved;
}

void
shim_vwarnx(const char *fmt, va_list ap)
{
	int saved = shim_errno;
	FILE *f = err_file ? err_file : stderr;

	fprintf(f, "%s: ", shim_getprogname());
	if (fmt)
		shim_vfprintf(f, fmt, ap);
	fputc('\n', f);
	shim_errno = saved;
}

void
shim_vwarn(const char *fmt, va_list ap)
{
	shim_vwarnc(shim_errno, fmt, ap);
}

static void __attribute__((noreturn))
leave(int eval)
{
	if (err_exit) {
		uint8_t s = ux_rtld_guest_enter();

		err_exit(eval);
		ux_rtld_guest_leave(s);
	}
	exit(eval);
}

void
shim_verrc(int eval, int code, const char *fmt, va_list ap)
{
	shim_vwarnc(code, fmt, ap);
	leave(eval);
}

void
shim_verrx(int eval, const char *fmt, va_list ap)
{
	shim_vwarnx(fmt, ap);
	leave(eval);
}

void
shim_verr(int eval, const char *fmt, va_list ap)
{
	shim_verrc(eval, shim_errno, fmt, ap);
}

#define VA_WRAP(call) do { va_list ap; va_start(ap, fmt); call; va_end(ap); } while (0)

void shim_warn(const char *fmt, ...) { VA_WRAP(shim_vwarn(fmt, ap)); }
void shim_warnx(const char *fmt, ...) { VA_WRAP(shim_vwarnx(fmt, ap)); }
void shim_warnc(int code, const char *fmt, ...) { VA_WRAP(shim_vwarnc(code, fmt, ap)); }

void
shim_err(int eval, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	shim_verr(eval, fmt, ap);
}

void
shim_errx(int eval, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	shim_verrx(eval, fmt, ap);
}

void
shim_errc(int eval, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	shim_verrc(eval, code, fmt, ap);
}

/* --- numbers and names ------------------------------------------------------------- */

long long
shim_strtonum(const char *s, long long min, long long max, const char **errstr)
{
	long long r;

	errno = 0;
	r = strtonum(s, min, max, errstr);
	if (errno != 0)
		shim_errno_sync();
	return r;
}

/* FreeBSD 12's: may write into path (trailing slashes), as POSIX allows. */
char *
shim_basename(char *path)
{
	return __xpg_basename(path);
}

char *
shim_dirname(char *path)
{
	return dirname(path);
}

int
shim_gethostname(char *name, size_t len)
{
	return shim_ret(gethostname(name, len));
}

char *
shim_ttyname(int fd)
{
	if (shim_fd_refused(fd))
		return NULL;
	return shim_retp(ttyname(fd));
}

/* Returns an error number, FreeBSD's. */
int
shim_ttyname_r(int fd, char *buf, size_t len)
{
	int r;

	if (ux_fd_is_host(fd))
		return FBSD_EBADF;
	r = ttyname_r(fd, buf, len);
	return r ? shim_errno_from_host(r) : 0;
}

int
shim_getentropy(void *buf, size_t len)
{
	return shim_ret(getentropy(buf, len));
}

int
shim_getpagesize(void)
{
	return (int)sysconf(_SC_PAGESIZE);
}

int
shim_getosreldate(void)
{
	const char *e = getenv("OSVERSION");

	return e ? atoi(e) : FBSD_OSRELDATE;
}

/* --- uname ------------------------------------------------------------------------------ */

/* One sysctl string through the FreeBSD sysctl handler, as a static guest
 * would read it; cut to the field. */
static int
kern_string(int top, int leaf, char *q, int size)
{
	struct uxcall c = { 0 };
	int mib[2] = { top, leaf };
	size_t len = (size_t)size;
	long r = fbsd_sys___sysctl(&c, mib, 2, q, &len, NULL, 0);

	q[size - 1] = '\0';
	return r < 0 && r != -ENOMEM ? -1 : (int)len;
}

/* FreeBSD's uname() is an inline call of __xuname(256, buf) in its
 * <sys/utsname.h>; the uname symbol serves old binaries with 32-byte
 * fields.  UNAME_s, _r, _v and _m override what the system says. */
int
shim___xuname(int size, void *buf)
{
	static const struct { const char *env; int top, leaf; } f[] = {
		{ "UNAME_s", 1, 1 },	/* kern.ostype */
		{ NULL, 1, 10 },	/* kern.hostname */
		{ "UNAME_r", 1, 2 },	/* kern.osrelease */
		{ "UNAME_v", 1, 4 },	/* kern.version */
		{ "UNAME_m", 6, 1 },	/* hw.machine */
	};
	char *q = buf;
	int rval = 0;

	if (size <= 0) {
		shim_errno = FBSD_EINVAL;
		return -1;
	}
	for (int i = 0; i < 5; i++, q += size) {
		const char *e = f[i].env ? getenv(f[i].env) : NULL;
		int len;

		if (e) {
			strlcpy(q, e, (size_t)size);
			continue;
		}
		len = kern_string(f[i].top, f[i].leaf, q, size);
		if (len < 0) {
			rval = -1;
			shim_errno = FBSD_EINVAL;
			continue;
		}
		if (f[i].leaf == 4 && f[i].top == 1)	/* newlines to spaces, but the last */
			for (char *p = q; len-- > 0 && *p; p++)
				if (*p == '\n' || *p == '\t')
					*p = len > 1 ? ' ' : '\0';
	}
	return rval;
}

int
shim_uname(void *buf)
{
	return shim___xuname(32, buf);
}

/* --- sysconf ------------------------------------------------------------------------ */

/* FreeBSD's _SC_ numbers (unistd.h) with glibc's twin plus one (glibc's
 * _SC_ARG_MAX is 0), where the answer is the host's. */
#define H(x) ((x) + 1)
static const int sc_host[] = {
	[1] = H(_SC_ARG_MAX), [2] = H(_SC_CHILD_MAX), [6] = H(_SC_JOB_CONTROL), [7] = H(_SC_SAVED_IDS),
	[8] = H(_SC_VERSION), [9] = H(_SC_BC_BASE_MAX), [10] = H(_SC_BC_DIM_MAX),
	[11] = H(_SC_BC_SCALE_MAX), [12] = H(_SC_BC_STRING_MAX), [13] = H(_SC_COLL_WEIGHTS_MAX),
	[14] = H(_SC_EXPR_NEST_MAX), [15] = H(_SC_LINE_MAX), [16] = H(_SC_RE_DUP_MAX),
	[17] = H(_SC_2_VERSION), [18] = H(_SC_2_C_BIND), [19] = H(_SC_2_C_DEV),
	[20] = H(_SC_2_CHAR_TERM), [21] = H(_SC_2_FORT_DEV), [22] = H(_SC_2_FORT_RUN),
	[23] = H(_SC_2_LOCALEDEF), [24] = H(_SC_2_SW_DEV), [25] = H(_SC_2_UPE),
	[26] = H(_SC_STREAM_MAX), [27] = H(_SC_TZNAME_MAX), [28] = H(_SC_ASYNCHRONOUS_IO),
	[29] = H(_SC_MAPPED_FILES), [30] = H(_SC_MEMLOCK), [31] = H(_SC_MEMLOCK_RANGE),
	[32] = H(_SC_MEMORY_PROTECTION), [33] = H(_SC_MESSAGE_PASSING), [34] = H(_SC_PRIORITIZED_IO),
	[35] = H(_SC_PRIORITY_SCHEDULING), [36] = H(_SC_REALTIME_SIGNALS), [37] = H(_SC_SEMAPHORES),
	[38] = H(_SC_FSYNC), [39] = H(_SC_SHARED_MEMORY_OBJECTS), [40] = H(_SC_SYNCHRONIZED_IO),
	[41] = H(_SC_TIMERS), [42] = H(_SC_AIO_LISTIO_MAX), [43] = H(_SC_AIO_MAX),
	[44] = H(_SC_AIO_PRIO_DELTA_MAX), [45] = H(_SC_DELAYTIMER_MAX), [46] = H(_SC_MQ_OPEN_MAX),
	[47] = H(_SC_PAGESIZE), [48] = H(_SC_RTSIG_MAX), [49] = H(_SC_SEM_NSEMS_MAX),
	[50] = H(_SC_SEM_VALUE_MAX), [51] = H(_SC_SIGQUEUE_MAX), [52] = H(_SC_TIMER_MAX),
	[56] = H(_SC_IOV_MAX), [57] = H(_SC_NPROCESSORS_CONF), [58] = H(_SC_NPROCESSORS_ONLN),
	[59] = H(_SC_2_PBS), [60] = H(_SC_2_PBS_ACCOUNTING), [61] = H(_SC_2_PBS_CHECKPOINT),
	[62] = H(_SC_2_PBS_LOCATE), [63] = H(_SC_2_PBS_MESSAGE), [64] = H(_SC_2_PBS_TRACK),
	[65] = H(_SC_ADVISORY_INFO), [66] = H(_SC_BARRIERS), [67] = H(_SC_CLOCK_SELECTION),
	[68] = H(_SC_CPUTIME), [69] = H(_SC_FILE_LOCKING), [70] = H(_SC_GETGR_R_SIZE_MAX),
	[71] = H(_SC_GETPW_R_SIZE_MAX), [72] = H(_SC_HOST_NAME_MAX), [73] = H(_SC_LOGIN_NAME_MAX),
	[74] = H(_SC_MONOTONIC_CLOCK), [75] = H(_SC_MQ_PRIO_MAX), [76] = H(_SC_READER_WRITER_LOCKS),
	[77] = H(_SC_REGEXP), [78] = H(_SC_SHELL), [79] = H(_SC_SPAWN), [80] = H(_SC_SPIN_LOCKS),
	[81] = H(_SC_SPORADIC_SERVER), [82] = H(_SC_THREAD_ATTR_STACKADDR),
	[83] = H(_SC_THREAD_ATTR_STACKSIZE), [84] = H(_SC_THREAD_CPUTIME),
	[85] = H(_SC_THREAD_DESTRUCTOR_ITERATIONS), [86] = H(_SC_THREAD_KEYS_MAX),
	[87] = H(_SC_THREAD_PRIO_INHERIT), [88] = H(_SC_THREAD_PRIO_PROTECT),
	[89] = H(_SC_THREAD_PRIORITY_SCHEDULING), [90] = H(_SC_THREAD_PROCESS_SHARED),
	[91] = H(_SC_THREAD_SAFE_FUNCTIONS), [92] = H(_SC_THREAD_SPORADIC_SERVER),
	[93] = H(_SC_THREAD_STACK_MIN), [94] = H(_SC_THREAD_THREADS_MAX), [95] = H(_SC_TIMEOUTS),
	[96] = H(_SC_THREADS), [97] = H(_SC_TRACE), [98] = H(_SC_TRACE_EVENT_FILTER),
	[99] = H(_SC_TRACE_INHERIT), [100] = H(_SC_TRACE_LOG), [101] = H(_SC_TTY_NAME_MAX),
	[102] = H(_SC_TYPED_MEMORY_OBJECTS), [103] = H(_SC_V6_ILP32_OFF32),
	[104] = H(_SC_V6_ILP32_OFFBIG), [105] = H(_SC_V6_LP64_OFF64), [106] = H(_SC_V6_LPBIG_OFFBIG),
	[107] = H(_SC_ATEXIT_MAX), [108] = H(_SC_XOPEN_CRYPT), [109] = H(_SC_XOPEN_ENH_I18N),
	[110] = H(_SC_XOPEN_LEGACY), [111] = H(_SC_XOPEN_REALTIME),
	[112] = H(_SC_XOPEN_REALTIME_THREADS), [113] = H(_SC_XOPEN_SHM), [114] = H(_SC_XOPEN_STREAMS),
	[115] = H(_SC_XOPEN_UNIX), [116] = H(_SC_XOPEN_VERSION), [117] = H(_SC_XOPEN_XCU_VERSION),
	[118] = H(_SC_IPV6), [119] = H(_SC_RAW_SOCKETS), [120] = H(_SC_SYMLOOP_MAX),
	[121] = H(_SC_PHYS_PAGES),
};
#define SC_CLK_TCK	3
#define SC_NGROUPS_MAX	4
#define SC_OPEN_MAX	5
#define SC_CPUSET_SIZE	122

long
shim_sysconf(int name)
{
	struct rlimit rl;
	long r;

	switch (name) {
	case SC_CLK_TCK:
		return FBSD_CLK_TCK;
	case SC_NGROUPS_MAX:
		return 1023;	/* kern.ngroups */
	case SC_OPEN_MAX:
		/* The guest's table ends where uxrun's band begins. */
		if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
			return shim_retl(-1);
		if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > (rlim_t)ux_hostfd_lo)
			rl.rlim_cur = (rlim_t)ux_hostfd_lo;
		return (long)rl.rlim_cur;
	case SC_CPUSET_SIZE:
		return 128;	/* sizeof(cpuset_t), CPU_SETSIZE 1024 bits */
	}
	if (name <= 0 || name >= (int)(sizeof(sc_host) / sizeof(sc_host[0])) || sc_host[name] == 0) {
		shim_errno = FBSD_EINVAL;
		return -1;
	}
	errno = 0;
	r = sysconf(sc_host[name] - 1);
	if (r == -1 && errno != 0)
		shim_errno_sync();
	return r;
}

/* --- fnmatch ------------------------------------------------------------------------ */

int
shim_fnmatch(const char *pattern, const char *s, int flags)
{
	int h = 0, r;

	if (flags & 0x01)
		h |= FNM_NOESCAPE;
	if (flags & 0x02)
		h |= FNM_PATHNAME;
	if (flags & 0x04)
		h |= FNM_PERIOD;
	if (flags & 0x08)
		h |= FNM_LEADING_DIR;
	if (flags & 0x10)
		h |= FNM_CASEFOLD;
	r = fnmatch(pattern, s, h);
	return r == 0 ? 0 : 1;	/* FNM_NOMATCH */
}
