/*
 * execve and fexecve.
 *
 * A native program, or a script whose interpreter is native, goes to
 * Linux's execve as it is.  A FreeBSD program (or a script whose
 * interpreter is one) is started under uxrun again:
 *
 *   /proc/self/exe [--trace...] --trap-ranges=... --argv0 ARGV0 -- PATH ARGS...
 *
 * so the new guest sees the argv[0] its caller chose, and the new uxrun
 * knows which addresses the filters it inherits still trap.  Seccomp
 * filters outlive execve: a native program whose code would lie where a
 * filter traps guest calls would die on its first system call, so it is
 * started by uxrun --native instead, which catches those calls and makes
 * them (loader/native.c, syscalls/trap_native.c).  Under Syscall User
 * Dispatch nothing survives execve and native programs go straight to
 * Linux.
 *
 * The trap handler interrupts guest code only, so glibc is in a consistent
 * state on this thread and the loader's ELF reader can be used here.
 */
#include "config.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "loader/image.h"
#include "syscalls/trace.h"
#include "syscalls/trap.h"
#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_proc.h"

#ifndef SYS_faccessat2
#define SYS_faccessat2 439
#endif
#ifndef SYS_execveat
#define SYS_execveat 322
#endif

#define FBSD_ARG_MAX	(512 * 1024)	/* kern.argmax on amd64 (1300068 and later) */
#define FBSD_PATH_MAX	1024
#define FBSD_MAXSHELLCMDLEN 4096	/* one page of a "#!" line */
#define LINUX_NSIG	64
#define PAGE		4096

const char *fbsd_exec_trace_file;

/* uxrun's own words in front of the guest's argv when it is re-run. */
#define PREFIX_SLOTS	16
#define OPT_SPACE	8192

/*
 * Everything an exec builds, in one anonymous mapping (ARG_MAX does not fit
 * on the signal stack): the pointer vector is
 * [PREFIX_SLOTS][argv..., NULL][envp..., NULL], then the strings.
 */
struct exec_buf {
	char path[FBSD_PATH_MAX];
	char interp[FBSD_MAXSHELLCMDLEN];	/* "#!" interpreter, then its argument */
	char opts[OPT_SPACE];			/* our options' text */
	char head[FBSD_MAXSHELLCMDLEN];		/* the file's first page */
	size_t used;				/* bytes of strings[] in use */
	int script;				/* head is a "#!" line */
	int argc, envc;
	char **argv, **envp;			/* into vec[] */
	char *vec[];				/* then the strings */
};

/* Every string takes at least its NUL out of ARG_MAX. */
#define VEC_MAX		(FBSD_ARG_MAX + PREFIX_SLOTS + 2)
#define BUF_SIZE	(sizeof(struct exec_buf) + VEC_MAX * sizeof(char *) + FBSD_ARG_MAX)

static char *
strings_of(struct exec_buf *b)
{
	return (char *)&b->vec[VEC_MAX];
}

/*
 * Copies a NUL-terminated guest string into dst, which has room for max
 * bytes: its size with the NUL, -EFAULT, or -E2BIG when it does not fit.
 * Reads page by page so a string ending just before unmapped memory is fine.
 */
static long
copyin_str(char *dst, uint64_t src, size_t max)
{
	size_t n = 0;

	while (n < max) {
		size_t chunk = PAGE - ((src + n) & (PAGE - 1));
		if (chunk > max - n)
			chunk = max - n;
		if (ux_copyin(dst + n, src + n, chunk) != 0)
			return -EFAULT;
		char *z = memchr(dst + n, '\0', chunk);
		if (z)
			return z - dst + 1;
		n += chunk;
	}
	return -E2BIG;
}

/* Appends the guest's NULL-terminated string vector at gvec; its count or
 * -errno.  Strings share FreeBSD's ARG_MAX, as the kernel counts them. */
static long
copyin_vec(struct exec_buf *b, uint64_t gvec, int *slot)
{
	char *strs = strings_of(b);
	long n = 0;

	for (;; n++) {
		uint64_t p;
		if (ux_copyin(&p, gvec + 8 * (uint64_t)n, sizeof(p)) != 0)
			return -EFAULT;
		if (p == 0)
			break;
		if (*slot >= (int)VEC_MAX - 1)
			return -E2BIG;
		long len = copyin_str(strs + b->used, p, FBSD_ARG_MAX - b->used);
		if (len < 0)
			return len;
		b->vec[(*slot)++] = strs + b->used;
		b->used += (size_t)len;
	}
	b->vec[(*slot)++] = NULL;
	return n;
}

static long
copyin_args(struct exec_buf *b, uint64_t argv, uint64_t envv)
{
	int slot = PREFIX_SLOTS;
	long n;

	b->argv = &b->vec[slot];
	n = copyin_vec(b, argv, &slot);
	if (n < 0)
		return n;
	b->argc = (int)n;
	b->envp = &b->vec[slot];
	if (envv == 0) {
		b->vec[slot] = NULL;
		b->envc = 0;
		return 0;
	}
	n = copyin_vec(b, envv, &slot);
	if (n < 0)
		return n;
	b->envc = (int)n;
	return 0;
}

/* FreeBSD's exec_check_permissions for a file about to run under uxrun:
 * a regular file, executable by the caller. */
static long
check_exec(const char *path)
{
	struct stat st;
	long r = ux_sys(SYS_stat, path, &st);

	if (r < 0)
		return r;
	if (!S_ISREG(st.st_mode) || !(st.st_mode & 0111))
		return -EACCES;
	if (st.st_size == 0)
		return -ENOEXEC;
	r = ux_sys(SYS_faccessat2, AT_FDCWD, path, X_OK, AT_EACCESS);
	if (r == -ENOSYS)
		r = ux_sys(SYS_faccessat, AT_FDCWD, path, X_OK);
	return r;
}

/* Reads the first page of path into b->head; its length, or -errno. */
static long
read_head(struct exec_buf *b, const char *path)
{
	long fd = ux_sys(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	long n;

	if (fd < 0)
		return fd;
	n = ux_sys(SYS_pread64, fd, b->head, sizeof(b->head), 0);
	ux_sys(SYS_close, fd);
	return n;
}

/* Each refusal is reported (as every report, unless UXRUN_LOG=none). */
#define report(...) do { uint8_t once_ = 0; ux_report_once(&once_, __VA_ARGS__); } while (0)

enum exec_kind {
	EXEC_NATIVE,		/* Linux's execve decides, and reports errors */
	EXEC_FREEBSD,		/* a FreeBSD program: run uxrun again */
	EXEC_FREEBSD_SCRIPT,	/* a script for a FreeBSD interpreter */
};

/* Is path a FreeBSD program?  1 yes, 0 no; -ENOEXEC (reported) for one
 * built for another system uxrun does not run. */
static long
foreign_kind(const char *path, const char *what)
{
	struct ux_image im;
	struct ux_err err;
	long r = 0;

	if (ux_image_open(&im, path, &err) != 0) {
		ux_image_close(&im);
		return 0;	/* not for uxrun: Linux's execve says why */
	}
	switch (im.os) {
	case UX_OS_FREEBSD:
		r = 1;
		break;
	case UX_OS_NETBSD:
	case UX_OS_OPENBSD:
	case UX_OS_ILLUMOS:
	case UX_OS_OTHER:
		report("execve %s: %s is built for %s, which uxrun cannot run from a FreeBSD "
		    "program; returning ENOEXEC", path, what,
		    im.os == UX_OS_OTHER && im.osabi_name ? im.osabi_name : ux_os_name(im.os));
		r = -ENOEXEC;
		break;
	default:
		break;
	}
	ux_image_close(&im);
	return r;
}

/*
 * Does a native program have code where a filter traps?  Its calls would
 * be trapped, and SIGSYS would kill it: 1 if so.  Position-independent
 * ones are put at 0x55... and 0x7f... by Linux, away from every guest (see
 * loader/map.c), so only fixed-address segments are checked.  A script
 * whose interpreter is such a program is refused (-ENOEXEC, reported).
 */
static long
check_native_layout(const char *path, int script)
{
	struct ux_range tr[128];
	struct ux_image im;
	struct ux_err err;
	long r = 0;
	int n = ux_trap_ranges(tr, 128);

	if (n > 128)
		n = 128;
	if (n == 0 || ux_image_open(&im, path, &err) != 0) {
		if (n != 0)
			ux_image_close(&im);
		return 0;
	}
	if (im.eh.e_type == ET_EXEC) {
		for (size_t i = 0; i < im.phnum && r == 0; i++) {
			GElf_Phdr *p = &im.ph[i];
			if (p->p_type != PT_LOAD || p->p_memsz == 0)
				continue;
			uint64_t lo = p->p_vaddr & ~4095ull;
			uint64_t hi = (p->p_vaddr + p->p_memsz + 4095) & ~4095ull;
			for (int j = 0; j < n; j++) {
				if (lo < tr[j].hi && tr[j].lo < hi) {
					r = 1;
					if (!script)
						break;
					report("execve: the script interpreter %s has a segment at "
					    "%#lx-%#lx over guest code at %#lx-%#lx, where uxrun's "
					    "seccomp filter (which survives execve) traps system calls; "
					    "returning ENOEXEC", path, (unsigned long)lo, (unsigned long)hi,
					    (unsigned long)tr[j].lo, (unsigned long)tr[j].hi);
					r = -ENOEXEC;
					break;
				}
			}
		}
	}
	ux_image_close(&im);
	return r;
}

/*
 * Splits a "#!" line as FreeBSD's imgact_shell does: the interpreter, then
 * everything after it (blanks trimmed) as one argument.  0, or -ENOEXEC for
 * a line FreeBSD refuses.  b->interp receives "INTERP\0ARG\0"; *arg is NULL
 * when there is no argument.
 */
static long
parse_shebang(struct exec_buf *b, size_t len, char **arg)
{
	const char *p = b->head + 2, *end = b->head + len, *ib, *ie, *ob, *oe;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	ib = p;
	while (p < end && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\0')
		p++;
	ie = p;
	if (ib == ie)
		return -ENOEXEC;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	ob = p;
	while (p < end && *p != '\n' && *p != '\0')
		p++;
	if (p == end)
		return -ENOEXEC;
	oe = p;
	while (oe > ob && (oe[-1] == ' ' || oe[-1] == '\t'))
		oe--;
	memcpy(b->interp, ib, (size_t)(ie - ib));
	b->interp[ie - ib] = '\0';
	*arg = NULL;
	if (oe > ob) {
		*arg = b->interp + (ie - ib) + 1;
		memcpy(*arg, ob, (size_t)(oe - ob));
		(*arg)[oe - ob] = '\0';
	}
	return 0;
}

/* What path is, as far as uxrun cares; -errno when uxrun must refuse it. */
static long
classify(struct exec_buf *b, const char *path, char **script_arg)
{
	long n = read_head(b, path), r;

	if (n < 4)
		return EXEC_NATIVE;	/* unreadable, empty or tiny: Linux decides */
	if (b->head[0] == '#' && b->head[1] == '!') {
		if (parse_shebang(b, (size_t)n, script_arg) != 0)
			return EXEC_NATIVE;
		b->script = 1;
		/* FreeBSD does not let a script be another script's
		 * interpreter, so one ELF check is enough. */
		r = foreign_kind(b->interp, "its interpreter");
		if (r < 0)
			return r;
		return r ? EXEC_FREEBSD_SCRIPT : EXEC_NATIVE;
	}
	if (memcmp(b->head, "\177ELF", 4) != 0)
		return EXEC_NATIVE;
	r = foreign_kind(path, "it");
	if (r < 0)
		return r;
	return r ? EXEC_FREEBSD : EXEC_NATIVE;
}

/* The guest's signal mask is the one the new program must start with, not
 * the handler's (which blocks SIGSYS); restored if the exec fails. */
static long
exec_with_guest_mask(struct uxcall *c, long nr, long a1, long a2, long a3, long a4, long a5)
{
	uint64_t old, want;
	long r;

	/* Shown before the call, which does not return when it works. */
	if (ux_trace_on)
		ux_trace_noreturn(&fbsd_personality, c);
	if (c->sigmask == NULL)
		return ux_sys6(nr, a1, a2, a3, a4, a5, 0);
	want = *c->sigmask;
	ux_sys(SYS_rt_sigprocmask, SIG_SETMASK, &want, &old, LINUX_NSIG / 8);
	r = ux_sys6(nr, a1, a2, a3, a4, a5, 0);
	ux_sys(SYS_rt_sigprocmask, SIG_SETMASK, &old, NULL, LINUX_NSIG / 8);
	return r;
}

/*
 * Runs uxrun again on path, the guest argv being argv0 followed by args
 * (NULL-terminated, inside b->vec with at least PREFIX_SLOTS - 1 free
 * slots before it).
 */
static long
reexec_uxrun(struct uxcall *c, struct exec_buf *b, const char *path, const char *argv0, char **args,
    int native)
{
	struct ux_range tr[128];
	char **v = args;
	char *o = b->opts, *oend = b->opts + sizeof(b->opts);
	int n = ux_trap_ranges(tr, 128);

	*--v = (char *)path;
	*--v = "--";
	*--v = (char *)argv0;
	*--v = "--argv0";
	if (n > 0) {
		char *start = o;
		o += snprintf(o, (size_t)(oend - o), "--trap-ranges=");
		for (int i = 0; i < n && i < 128 && o < oend - 40; i++)
			o += snprintf(o, (size_t)(oend - o), "%s%lx-%lx", i ? "," : "",
			    (unsigned long)tr[i].lo, (unsigned long)tr[i].hi);
		*--v = start;
		o++;
	}
	if (ux_trace_on && fbsd_exec_trace_file && o < oend - 16) {
		char *start = o;
		int k = snprintf(o, (size_t)(oend - o), "--trace-file=%s", fbsd_exec_trace_file);
		if (k < oend - o)
			*--v = start;
	} else if (ux_trace_on) {
		*--v = "--trace";
	}
	if (native)
		*--v = "--native";
	*--v = "uxrun";
	return exec_with_guest_mask(c, SYS_execve, (long)"/proc/self/exe", (long)v, (long)b->envp, 0, 0);
}

/*
 * The common part: path names the file (for fexecve, /proc/self/fd/N);
 * fd is -1 for execve.
 */
static long
do_exec(struct uxcall *c, struct exec_buf *b, const char *path, int fd)
{
	char *script_arg = NULL;
	long kind, r;

	if (b->argc == 0)
		return -EINVAL;	/* FreeBSD 14 refuses an empty argv */
	kind = classify(b, path, &script_arg);
	if (kind < 0) {
		r = check_exec(path);
		return r < 0 ? r : kind;
	}

	if (kind == EXEC_NATIVE) {
		r = check_native_layout(b->script ? b->interp : path, b->script);
		if (r < 0) {
			long a = check_exec(path);
			return a < 0 ? a : r;
		}
		if (r > 0 && fd < 0) {
			/* In the way of a filter: uxrun --native runs it. */
			r = check_exec(path);
			if (r < 0)
				return r;
			return reexec_uxrun(c, b, path, b->argv[0], b->argv + 1, 1);
		}
		if (fd >= 0)
			return exec_with_guest_mask(c, SYS_execveat, fd, (long)"", (long)b->argv,
			    (long)b->envp, AT_EMPTY_PATH);
		return exec_with_guest_mask(c, SYS_execve, (long)path, (long)b->argv, (long)b->envp, 0, 0);
	}

	r = check_exec(path);
	if (r < 0)
		return r;

	if (kind == EXEC_FREEBSD_SCRIPT) {
		/* argv becomes INTERP [ARG] SCRIPT argv[1]...: argv[0] makes
		 * way for the script's path, the rest go before it.  fexecve
		 * names the script /dev/fd/N, as FreeBSD does. */
		char **v = b->argv;
		r = check_exec(b->interp);
		if (r < 0)
			return r;
		if (fd >= 0) {
			snprintf(b->path, sizeof(b->path), "/dev/fd/%d", fd);
			path = b->path;
		}
		*v = (char *)path;
		if (script_arg)
			*--v = script_arg;
		return reexec_uxrun(c, b, b->interp, b->interp, v, 0);
	}

	/* A FreeBSD program by descriptor: the new uxrun opens it through
	 * /proc/self/fd, which a close-on-exec descriptor would not survive.
	 * A copy in uxrun's band lives on unseen by the new guest. */
	long keep = -1;
	if (fd >= 0) {
		long fl = ux_sys(SYS_fcntl, fd, F_GETFD);
		if (fl > 0 && (fl & FD_CLOEXEC)) {
			keep = ux_sys(SYS_fcntl, fd, F_DUPFD, ux_hostfd_lo);
			if (keep >= 0 && !ux_fd_is_host(keep)) {
				ux_sys(SYS_close, keep);
				keep = -EMFILE;
			}
			if (keep < 0)
				return keep;
			snprintf(b->path, sizeof(b->path), "/proc/self/fd/%ld", keep);
			path = b->path;
		}
	}
	char *argv0 = b->argv[0];
	r = reexec_uxrun(c, b, path, argv0, b->argv + 1, 0);
	if (keep >= 0)
		ux_sys(SYS_close, keep);
	return r;
}

static struct exec_buf *
buf_get(void)
{
	long m = ux_sys(SYS_mmap, 0, BUF_SIZE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	return ux_is_err(m) ? NULL : (struct exec_buf *)m;
}

static void
buf_put(struct exec_buf *b)
{
	ux_sys(SYS_munmap, b, BUF_SIZE);
}

long
fbsd_sys_execve(struct uxcall *c, const char *fname, char **argv, char **envv)
{
	struct exec_buf *b = buf_get();
	long r;

	if (b == NULL)
		return -ENOMEM;
	/* A path longer than PATH_MAX is E2BIG on FreeBSD, not ENAMETOOLONG. */
	r = copyin_str(b->path, (uint64_t)fname, sizeof(b->path));
	if (r >= 0)
		r = copyin_args(b, (uint64_t)argv, (uint64_t)envv);
	if (r >= 0)
		r = do_exec(c, b, b->path, -1);
	buf_put(b);
	return r;
}

long
fbsd_sys_fexecve(struct uxcall *c, int fd, char **argv, char **envv)
{
	struct exec_buf *b = buf_get();
	char path[64];
	long r;

	if (b == NULL)
		return -ENOMEM;
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	r = ux_sys(SYS_fcntl, fd, F_GETFD);
	if (r >= 0)
		r = copyin_args(b, (uint64_t)argv, (uint64_t)envv);
	if (r >= 0)
		r = do_exec(c, b, path, fd);
	buf_put(b);
	return r;
}
