/*
 * The sysctl nodes uxrun answers: names, numbers, types, formats and
 * descriptions as FreeBSD's sys/kern/kern_mib.c and friends declare them,
 * each with a constant or a handler that reads the host's fact.
 */
#include "config.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/sysctl.h"
#include "syscalls/freebsd/sysctl_route.h"

static long
h_str(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	return sctl_str(r, n->str);
}

static long
h_int(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	return sctl_int(r, n->num);
}

static long
h_long(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	return sctl_long(r, (uint64_t)n->num);
}

/* --- host facts ----------------------------------------------------- */

static long
read_host_file(const char *path, char *buf, size_t size)
{
	long fd = ux_sys(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	size_t got = 0;

	if (fd < 0)
		return fd;
	while (got < size) {
		long n = ux_sys(SYS_read, fd, buf + got, size - got);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	ux_sys(SYS_close, fd);
	return (long)got;
}

static long
read_host_number(const char *path, long dflt)
{
	char buf[32];
	long n = read_host_file(path, buf, sizeof(buf) - 1);

	if (n <= 0)
		return dflt;
	buf[n] = '\0';
	return strtol(buf, NULL, 10);
}

static long
pid_max(void)
{
	return read_host_number("/proc/sys/kernel/pid_max", 99999);
}

static long
h_maxproc(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	/* Every task needs a pid. */
	return sctl_int(r, pid_max());
}

static long
h_maxfiles(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	return sctl_int(r, read_host_number("/proc/sys/fs/file-max", INT_MAX));
}

static long
h_maxfilesperproc(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	struct rlimit rl;
	long v = ux_hostfd_lo;

	/* The guest's descriptors end below uxrun's band. */
	if (ux_sys(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &rl) == 0 &&
	    (v <= 0 || rl.rlim_max < (rlim_t)v))
		v = rl.rlim_max > INT_MAX ? INT_MAX : (long)rl.rlim_max;
	return sctl_int(r, v);
}

static long
h_maxprocperuid(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	struct rlimit rl;

	if (ux_sys(SYS_prlimit64, 0, RLIMIT_NPROC, NULL, &rl) == 0 &&
	    rl.rlim_cur != RLIM_INFINITY)
		return sctl_int(r, rl.rlim_cur > INT_MAX ? INT_MAX : (long)rl.rlim_cur);
	return sctl_int(r, pid_max());
}

static long
h_argmax(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	/* What Linux's execve accepts: the guest's exec ends up there. */
	long v = sysconf(_SC_ARG_MAX);

	return sctl_int(r, v > 0 ? v : 262144);
}

static long
ncpu(void)
{
	long v = sysconf(_SC_NPROCESSORS_ONLN);

	return v > 0 ? v : 1;
}

static long
h_ncpu(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	return sctl_int(r, ncpu());
}

static long
h_usrstack(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	return sctl_long(r, fbsd_proc.stack_top);
}

static long
h_ps_strings(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	return sctl_long(r, fbsd_proc.ps_strings);
}

static long
h_arandom(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	/* sysctl_kern_arnd(): as many bytes as asked for, at most 256. */
	uint8_t buf[256];
	size_t len = r->oldlen < sizeof(buf) ? r->oldlen : sizeof(buf), got = 0;

	while (got < len) {
		long k = ux_sys(SYS_getrandom, buf + got, len - got, 0);
		if (k == -EINTR)
			continue;
		if (k < 0)
			return k;
		got += (size_t)k;
	}
	return sctl_out(r, buf, len);
}

static long
h_boottime(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	struct timespec rt, up;
	struct fbsd_timeval tv;
	int64_t ns;

	ux_sys(SYS_clock_gettime, CLOCK_REALTIME, &rt);
	ux_sys(SYS_clock_gettime, CLOCK_BOOTTIME, &up);
	ns = (rt.tv_sec - up.tv_sec) * 1000000000LL + (rt.tv_nsec - up.tv_nsec);
	tv.tv_sec = ns / 1000000000LL;
	tv.tv_usec = (ns % 1000000000LL) / 1000;
	if (tv.tv_usec < 0) {
		tv.tv_sec--;
		tv.tv_usec += 1000000;
	}
	return sctl_out(r, &tv, sizeof(tv));
}

/* Memory sizes: n->num picks physmem (0), usermem (1), realmem (2) or
 * availpages (3). */
static long
h_mem(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	struct sysinfo si;
	uint64_t unit, v;

	if (ux_sys(SYS_sysinfo, &si) < 0)
		memset(&si, 0, sizeof(si));
	unit = si.mem_unit ? si.mem_unit : 1;
	switch (n->num) {
	case 1:
		/* XXX "not wired" is approximated by free plus buffers. */
		v = ((uint64_t)si.freeram + si.bufferram) * unit;
		break;
	case 3:
		v = (uint64_t)si.totalram * unit / 4096;
		break;
	default:
		/* XXX Linux knows no firmware total: realmem = physmem. */
		v = (uint64_t)si.totalram * unit;
		break;
	}
	return sctl_long(r, v);
}

static long
h_pagesizes(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	/* As AT_PAGESIZES says; a short buffer gets a prefix, not ENOMEM. */
	static const uint64_t ps[3] = { 4096, 2ull << 20, 1ull << 30 };
	size_t len = sizeof(ps);

	if (r->old != 0 && len > r->oldlen)
		len = r->oldlen;
	return sctl_out(r, ps, len);
}

/* CPU brand string from /proc/cpuinfo, read once. */
static char cpu_model[128];
static int cpu_model_ready;

static long
h_model(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	if (!__atomic_load_n(&cpu_model_ready, __ATOMIC_ACQUIRE)) {
		char buf[4096];
		long len = read_host_file("/proc/cpuinfo", buf, sizeof(buf) - 1);
		const char *p = NULL;
		size_t k = 0;

		if (len > 0) {
			buf[len] = '\0';
			p = strstr(buf, "model name");
		}
		if (p && (p = strchr(p, ':')) != NULL) {
			for (p++; *p == ' ' || *p == '\t'; p++)
				;
			while (p[k] && p[k] != '\n' && k < sizeof(cpu_model) - 1)
				k++;
			memcpy(cpu_model, p, k);
			cpu_model[k] = '\0';
		} else {
			strcpy(cpu_model, "unknown");
		}
		__atomic_store_n(&cpu_model_ready, 1, __ATOMIC_RELEASE);
	}
	return sctl_str(r, cpu_model);
}

/* kern.hostname and kern.domainname: Linux's, settable by root. */
static long
h_utsname(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	struct utsname u;
	const char *v;
	char buf[FBSD_MAXHOSTNAMELEN];
	size_t len;
	long e;

	if (ux_sys(SYS_uname, &u) < 0)
		memset(&u, 0, sizeof(u));
	v = n->num ? u.domainname : u.nodename;
	if (n->num && strcmp(v, "(none)") == 0)
		v = "";		/* Linux's word for "not set" */
	e = sctl_out(r, v, strlen(v) + 1);
	if (e != 0 || r->new == 0)
		return e;
	/* sysctl_handle_string(): the new value must fit with its NUL. */
	len = r->newlen - r->newidx;
	if (len >= sizeof(buf))
		return -EINVAL;
	e = sctl_in(r, buf, len);
	if (e != 0)
		return e;
	len = strnlen(buf, len);
	return ux_sys(n->num ? SYS_setdomainname : SYS_sethostname, buf, len);
}

/* kern.ipc.somaxconn / soacceptqueue: the listen backlog cap is Linux's. */
static long
h_somaxconn(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	if (r->new != 0)
		return -EPERM;	/* XXX the host's net.core.somaxconn is not ours to set */
	return sctl_int(r, read_host_number("/proc/sys/net/core/somaxconn", 4096));
}

/* --- kern.proc.* (the name continues with a pid) -------------------- */

/* Streams a guest string, NUL included, without reading past it. */
static long
out_guest_string(struct sreq *r, uint64_t addr)
{
	char buf[256];

	for (;;) {
		size_t n = 4096 - (addr & 4095);
		const char *z;
		long e;

		if (n > sizeof(buf))
			n = sizeof(buf);
		if (ux_copyin(buf, addr, n) < 0)
			return -EFAULT;
		z = memchr(buf, '\0', n);
		if (z != NULL)
			return sctl_out(r, buf, (size_t)(z - buf) + 1);
		e = sctl_out(r, buf, n);
		if (e != 0)
			return e;
		addr += n;
	}
}

static long
out_host_file(struct sreq *r, const char *path)
{
	char buf[1024];
	long fd = ux_sys(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC), n, e = 0;

	if (fd < 0)
		return -ESRCH;
	while ((n = ux_sys(SYS_read, fd, buf, sizeof(buf))) > 0)
		if ((e = sctl_out(r, buf, (size_t)n)) != 0)
			break;
	ux_sys(SYS_close, fd);
	return n < 0 ? n : e;
}

static int
is_self(int pid)
{
	return pid == (int)ux_sys(SYS_getpid);
}

/* kern.proc.args set by setproctitle(); empty means "read argv". */
#define ARGS_CACHE_MAX	244	/* ps_arg_cache_limit - sizeof(struct pargs) */
static char args_cache[ARGS_CACHE_MAX];
static size_t args_cache_len;

static long
h_proc_args(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	long e = 0;
	size_t len;

	if (narg != 1)
		return -EINVAL;
	if (arg[0] == 0 || is_self(arg[0])) {
		if (args_cache_len) {
			e = sctl_out(r, args_cache, args_cache_len);
		} else {
			/* proc_getargv(): argv as ps_strings now describes it. */
			struct { uint64_t argv; uint32_t nargv; } ps;
			if (ux_copyin(&ps, fbsd_proc.ps_strings, sizeof(ps)) < 0)
				return -EFAULT;
			for (uint32_t i = 0; i < ps.nargv && e == 0; i++) {
				uint64_t p;
				if (ux_copyin(&p, ps.argv + 8 * i, sizeof(p)) < 0)
					return -EFAULT;
				e = out_guest_string(r, p);
			}
		}
	} else {
		/* The same NUL-separated list; XXX for another uxrun guest it
		 * starts with uxrun's own arguments. */
		char path[40];
		if (r->new != 0)
			return -EPERM;	/* XXX other processes' titles stay put */
		snprintf(path, sizeof(path), "/proc/%d/cmdline", arg[0]);
		e = out_host_file(r, path);
	}
	if (e != 0 || r->new == 0)
		return e;
	len = r->newlen - r->newidx;
	if (len > ARGS_CACHE_MAX)
		return -ENOMEM;
	e = sctl_in(r, args_cache, len);
	if (e == 0)
		args_cache_len = len;
	return e;
}

static long
h_proc_pathname(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	char path[40], buf[PATH_MAX];
	long k;

	if (narg != 1)
		return -EINVAL;
	if (arg[0] == -1 || is_self(arg[0]))
		return sctl_str(r, fbsd_proc.execpath ? fbsd_proc.execpath : "");
	snprintf(path, sizeof(path), "/proc/%d/exe", arg[0]);
	k = ux_sys(SYS_readlinkat, AT_FDCWD, path, buf, sizeof(buf) - 1);
	if (k < 0)
		return -ESRCH;
	buf[k] = '\0';
	return sctl_str(r, buf);
}

static long
h_proc_ps_strings(struct sreq *r, const struct sctl_node *n, const int *arg, unsigned narg)
{
	if (narg != 1)
		return -EINVAL;
	/* XXX other processes' layouts are unknown here. */
	if (!is_self(arg[0]))
		return -ESRCH;
	return sctl_long(r, fbsd_proc.ps_strings);
}

/* --- the table ------------------------------------------------------ */


#define OID1(a)		.oid = { a }, .len = 1
#define OID2(a, b)	.oid = { a, b }, .len = 2
#define OID3(a, b, c)	.oid = { a, b, c }, .len = 3
#define N(nm, o, k, f, d, ...) \
	{ .name = nm, o, .kind = k, .fmt = f, .descr = d, __VA_ARGS__ }
#define K(type, flags)	(CTLTYPE_##type | (flags) | CTLFLAG_MPSAFE)
#define RO		CTLFLAG_RD
#define ROC		(CTLFLAG_RD | CTLFLAG_CAPRD)
/* OID_AUTO numbers: the kernel hands them out from 0x100 per parent. */
#define AUTO0		0x100
#define AUTO1		0x101
#define AUTO2		0x102

/* kern.version in the shape a 14.0-RELEASE GENERIC kernel gives it (uname -v). */
#define FBSD_VERSION_STRING \
	"FreeBSD " FBSD_OSRELEASE " #0 releng/14.0-n265380-f9716eee8ab4: " \
	"Fri Nov 10 05:57:23 UTC 2023\n    root@releng1.nyi.freebsd.org:" \
	"/usr/obj/usr/src/amd64.amd64/sys/GENERIC\n"

/* The head of GENERIC's configuration as `sysctl kern.conftxt` prints it. */
#define FBSD_CONFTXT \
	"options\tCONFIG_AUTOGENERATED\nident\tGENERIC\nmachine\tamd64\n" \
	"cpu\tHAMMER\noptions\tINCLUDE_CONFIG_FILE\n"

const struct sctl_node fbsd_sysctl_nodes[] = {
	N("sysctl", OID1(0), K(NODE, CTLFLAG_RW), "N", "Sysctl internal magic"),
	N("sysctl.name", OID2(0, 1), K(NODE, ROC), "N", "", .fn = h_meta_name),
	N("sysctl.next", OID2(0, 2), K(NODE, ROC), "N", "", .fn = h_meta_next),
	N("sysctl.name2oid", OID2(0, 3),
	  K(INT, CTLFLAG_RW | CTLFLAG_ANYBODY | CTLFLAG_CAPRD | CTLFLAG_CAPWR), "I",
	  "", .fn = h_meta_name2oid),
	N("sysctl.oidfmt", OID2(0, 4), K(NODE, ROC), "N", "", .fn = h_meta_oidfmt),
	N("sysctl.oiddescr", OID2(0, 5), K(NODE, ROC), "N", "", .fn = h_meta_oiddescr),
	N("sysctl.oidlabel", OID2(0, 6), K(NODE, ROC), "N", "", .fn = h_meta_oidlabel),
	N("sysctl.nextnoskip", OID2(0, 7), K(NODE, ROC), "N", "", .fn = h_meta_next),

	N("kern", OID1(1), K(NODE, CTLFLAG_RW | CTLFLAG_CAPRD), "N",
	  "High kernel, proc, limits &c"),
	N("kern.ostype", OID2(1, 1), K(STRING, ROC), "A",
	  "Operating system type", .fn = h_str, .str = "FreeBSD"),
	N("kern.osrelease", OID2(1, 2), K(STRING, ROC), "A",
	  "Operating system release", .fn = h_str, .str = FBSD_OSRELEASE),
	N("kern.osrevision", OID2(1, 3), K(INT, ROC), "I",
	  "Operating system revision", .fn = h_int, .num = 199506),
	N("kern.version", OID2(1, 4), K(STRING, RO), "A",
	  "Kernel version", .fn = h_str, .str = FBSD_VERSION_STRING),
	N("kern.maxproc", OID2(1, 6), K(INT, CTLFLAG_RDTUN | CTLFLAG_NOFETCH), "I",
	  "Maximum number of processes", .fn = h_maxproc),
	N("kern.maxfiles", OID2(1, 7), K(INT, CTLFLAG_RWTUN), "I",
	  "Maximum number of files", .fn = h_maxfiles),
	N("kern.argmax", OID2(1, 8), K(INT, ROC), "I",
	  "Maximum bytes of argument to execve(2)", .fn = h_argmax),
	N("kern.securelevel", OID2(1, 9), K(INT, CTLFLAG_RW | CTLFLAG_PRISON), "I",
	  "Current secure level", .fn = h_int, .num = -1),
	N("kern.hostname", OID2(1, 10),
	  K(STRING, CTLFLAG_RW | CTLFLAG_PRISON | CTLFLAG_CAPRD), "A",
	  "Hostname", .fn = h_utsname, .num = 0),
	N("kern.proc", OID2(1, 14), K(NODE, RO), "N", "Process table"),
	N("kern.proc.args", OID3(1, 14, 7),
	  K(NODE, CTLFLAG_RW | CTLFLAG_CAPWR | CTLFLAG_ANYBODY), "N",
	  "Process argument list", .fn = h_proc_args),
	N("kern.proc.pathname", OID3(1, 14, 12), K(NODE, RO), "N",
	  "Process executable path", .fn = h_proc_pathname),
	N("kern.proc.ps_strings", OID3(1, 14, 38), K(NODE, ROC), "N",
	  "Process ps_strings location", .fn = h_proc_ps_strings),
	N("kern.posix1version", OID2(1, 17), K(INT, ROC), "I",
	  "Version of POSIX attempting to comply to", .fn = h_int, .num = 200809),
	N("kern.ngroups", OID2(1, 18),
	  K(INT, CTLFLAG_RDTUN | CTLFLAG_NOFETCH | CTLFLAG_CAPRD), "I",
	  "Maximum number of supplemental groups a user can belong to", .fn = h_int,
	  .num = 1023),
	N("kern.job_control", OID2(1, 19), K(INT, ROC), "I",
	  "Whether job control is available", .fn = h_int, .num = 1),
	N("kern.boottime", OID2(1, 21), K(OPAQUE, ROC), "S,timeval",
	  "System boottime", .fn = h_boottime),
	N("kern.domainname", OID2(1, 22),
	  K(STRING, CTLFLAG_RW | CTLFLAG_PRISON | CTLFLAG_CAPRD), "A",
	  "Name of the current YP/NIS domain", .fn = h_utsname, .num = 1),
	N("kern.osreldate", OID2(1, 24), K(INT, ROC), "I",
	  "Kernel release date", .fn = h_int, .num = FBSD_OSRELDATE),
	N("kern.bootfile", OID2(1, 26), K(STRING, CTLFLAG_RW), "A",
	  "Name of kernel file booted", .fn = h_str, .str = "/boot/kernel/kernel"),
	N("kern.maxfilesperproc", OID2(1, 27), K(INT, CTLFLAG_RW), "I",
	  "Maximum files allowed open per process", .fn = h_maxfilesperproc),
	N("kern.maxprocperuid", OID2(1, 28), K(INT, CTLFLAG_RW), "I",
	  "Maximum processes allowed per userid", .fn = h_maxprocperuid),
	N("kern.ps_strings", OID2(1, 32), K(ULONG, ROC), "LU",
	  "Location of process' ps_strings structure", .fn = h_ps_strings),
	N("kern.usrstack", OID2(1, 33), K(ULONG, ROC), "LU",
	  "Top of process stack", .fn = h_usrstack),
	N("kern.iov_max", OID2(1, 35), K(INT, ROC), "I",
	  "Maximum number of elements in an I/O vector; sysconf(_SC_IOV_MAX)",
	  .fn = h_int, .num = 1024),
	N("kern.arandom", OID2(1, 37), K(OPAQUE, ROC), "", "arc4rand", .fn = h_arandom),
	N("kern.maxphys", OID2(1, 38),
	  K(ULONG, CTLFLAG_RDTUN | CTLFLAG_NOFETCH | CTLFLAG_CAPRD), "LU",
	  "Maximum block I/O access size", .fn = h_long, .num = 1L << 20),
	N("kern.ipc", OID2(1, 30), K(NODE, CTLFLAG_RW), "N", "IPC"),
	N("kern.ipc.somaxconn", OID3(1, 30, 3), K(UINT, CTLFLAG_RW | CTLFLAG_SKIP), "I",
	  "Maximum listen socket pending connection accept queue size (compat)",
	  .fn = h_somaxconn),
	N("kern.ipc.soacceptqueue", OID3(1, 30, AUTO0), K(UINT, CTLFLAG_RW), "I",
	  "Maximum listen socket pending connection accept queue size",
	  .fn = h_somaxconn),
	/* GENERIC is built with INCLUDE_CONFIG_FILE; Go reads the machine line. */
	N("kern.conftxt", OID2(1, AUTO2), K(STRING, CTLFLAG_RW), "",
	  "Kernel configuration file", .fn = h_str, .str = FBSD_CONFTXT),
	N("kern.smp", OID2(1, AUTO0), K(NODE, ROC), "N", "Kernel SMP"),
	/* MAXCPU of an amd64 GENERIC kernel; Go sizes cpuset masks by it. */
	N("kern.smp.maxcpus", OID3(1, AUTO0, AUTO0), K(INT, ROC), "I",
	  "Max number of CPUs that the system was compiled for.", .fn = h_int,
	  .num = 1024),
	N("kern.smp.cpus", OID3(1, AUTO0, AUTO1), K(INT, ROC), "I",
	  "Number of CPUs online", .fn = h_ncpu),
	N("kern.sched", OID2(1, AUTO1), K(NODE, CTLFLAG_RW), "N", "Scheduler"),
	N("kern.sched.cpusetsize", OID3(1, AUTO1, AUTO0), K(INT, ROC), "I",
	  "sizeof(cpuset_t)", .fn = h_int, .num = 1024 / 8),

	N("vm", OID1(2), K(NODE, CTLFLAG_RW), "N", "Virtual memory"),
	N("vm.overcommit", OID2(2, AUTO0), K(INT, CTLFLAG_RW), "I",
	  "Configure virtual memory overcommit behavior. See tuning(7) for details.",
	  .fn = h_int, .num = 0),

	N("net", OID1(4), K(NODE, CTLFLAG_RW), "N", "Network, (see socket.h)"),
	/* sys/net/rtsock.c; the name continues {0, af, op, arg}. */
	N("net.routetable", OID2(4, 17), K(NODE, RO), "N",
	  "Return route tables and interface/address lists", .fn = h_net_routetable),

	N("hw", OID1(6), K(NODE, CTLFLAG_RW), "N", "hardware"),
	N("hw.machine", OID2(6, 1), K(STRING, ROC), "A",
	  "Machine class", .fn = h_str, .str = "amd64"),
	N("hw.model", OID2(6, 2), K(STRING, RO), "A", "Machine model", .fn = h_model),
	N("hw.ncpu", OID2(6, 3), K(INT, ROC), "I",
	  "Number of active CPUs", .fn = h_ncpu),
	N("hw.byteorder", OID2(6, 4), K(INT, ROC), "I",
	  "System byte order", .fn = h_int, .num = 1234),
	N("hw.physmem", OID2(6, 5), K(ULONG, RO), "LU",
	  "Amount of physical memory (in bytes)", .fn = h_mem, .num = 0),
	N("hw.usermem", OID2(6, 6), K(ULONG, RO), "LU",
	  "Amount of memory (in bytes) which is not wired", .fn = h_mem, .num = 1),
	N("hw.pagesize", OID2(6, 7), K(INT, ROC), "I",
	  "System memory page size", .fn = h_int, .num = 4096),
	N("hw.floatingpoint", OID2(6, 10), K(INT, RO), "I",
	  "Floating point instructions executed in hardware", .fn = h_int, .num = 1),
	N("hw.machine_arch", OID2(6, 11), K(STRING, ROC), "A",
	  "System architecture", .fn = h_str, .str = "amd64"),
	N("hw.realmem", OID2(6, 12), K(ULONG, RO), "LU",
	  "Amount of memory (in bytes) reported by the firmware", .fn = h_mem, .num = 2),
	N("hw.availpages", OID2(6, AUTO0), K(LONG, RO), "L",
	  "Amount of physical memory (in pages)", .fn = h_mem, .num = 3),
	N("hw.pagesizes", OID2(6, AUTO1), K(OPAQUE, RO), "S,pagesizes",
	  "Supported page sizes", .fn = h_pagesizes),

	/* libc answers user.* itself; the kernel's nodes are placeholders. */
	N("user", OID1(8), K(NODE, CTLFLAG_RW), "N", "user-level"),
	N("user.cs_path", OID2(8, 1), K(STRING, RO), "A",
	  "PATH that finds all the standard utilities", .fn = h_str, .str = ""),
	N("user.bc_base_max", OID2(8, 2), K(INT, RO), "I",
	  "Max ibase/obase values in bc(1)", .fn = h_int),
	N("user.bc_dim_max", OID2(8, 3), K(INT, RO), "I",
	  "Max array size in bc(1)", .fn = h_int),
	N("user.bc_scale_max", OID2(8, 4), K(INT, RO), "I",
	  "Max scale value in bc(1)", .fn = h_int),
	N("user.bc_string_max", OID2(8, 5), K(INT, RO), "I",
	  "Max string length in bc(1)", .fn = h_int),
	N("user.coll_weights_max", OID2(8, 6), K(INT, RO), "I",
	  "Maximum number of weights assigned to an LC_COLLATE locale entry",
	  .fn = h_int),
	N("user.expr_nest_max", OID2(8, 7), K(INT, RO), "I", "", .fn = h_int),
	N("user.line_max", OID2(8, 8), K(INT, RO), "I",
	  "Max length (bytes) of a text-processing utility's input line", .fn = h_int),
	N("user.re_dup_max", OID2(8, 9), K(INT, RO), "I",
	  "Maximum number of repeats of a regexp permitted", .fn = h_int),
	N("user.posix2_version", OID2(8, 10), K(INT, RO), "I",
	  "The version of POSIX 1003.2 with which the system attempts to comply",
	  .fn = h_int),
	N("user.posix2_c_bind", OID2(8, 11), K(INT, RO), "I",
	  "Whether C development supports the C bindings option", .fn = h_int),
	N("user.posix2_c_dev", OID2(8, 12), K(INT, RO), "I",
	  "Whether system supports the C development utilities option", .fn = h_int),
	N("user.posix2_char_term", OID2(8, 13), K(INT, RO), "I", "", .fn = h_int),
	N("user.posix2_fort_dev", OID2(8, 14), K(INT, RO), "I",
	  "Whether system supports FORTRAN development utilities", .fn = h_int),
	N("user.posix2_fort_run", OID2(8, 15), K(INT, RO), "I",
	  "Whether system supports FORTRAN runtime utilities", .fn = h_int),
	N("user.posix2_localedef", OID2(8, 16), K(INT, RO), "I",
	  "Whether system supports creation of locales", .fn = h_int),
	N("user.posix2_sw_dev", OID2(8, 17), K(INT, RO), "I",
	  "Whether system supports software development utilities", .fn = h_int),
	N("user.posix2_upe", OID2(8, 18), K(INT, RO), "I",
	  "Whether system supports the user portability utilities", .fn = h_int),
	N("user.stream_max", OID2(8, 19), K(INT, RO), "I",
	  "Min Maximum number of streams a process may have open at one time",
	  .fn = h_int),
	N("user.tzname_max", OID2(8, 20), K(INT, RO), "I",
	  "Min Maximum number of types supported for timezone names", .fn = h_int),
	/* XXX writable on FreeBSD; here a constant, so writes are EPERM. */
	N("user.localbase", OID2(8, 21), K(STRING, CTLFLAG_RWTUN), "A",
	  "Prefix used to install and locate add-on packages", .fn = h_str, .str = ""),
};
const size_t fbsd_sysctl_nnodes = sizeof(fbsd_sysctl_nodes) / sizeof(fbsd_sysctl_nodes[0]);

