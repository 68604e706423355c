/* Resource limits, usage and randomness. */
#include "config.h"

#include <sys/resource.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_convert.h"

/* struct rlimit as the prlimit64 call takes it. */
struct host_rlimit {
	uint64_t cur, max;
};

/* FreeBSD's infinity is INT64_MAX and negative limits count as infinite
 * (kern_proc_setrlimit); Linux's is ~0. */
static uint64_t
rlim_to_host(int64_t v)
{
	return v < 0 || v == FBSD_RLIM_INFINITY ? RLIM_INFINITY : (uint64_t)v;
}

static int64_t
rlim_to_guest(uint64_t v)
{
	return v >= (uint64_t)FBSD_RLIM_INFINITY ? FBSD_RLIM_INFINITY : (int64_t)v;
}

/*
 * RLIMIT_NOFILE as the guest sees it ends below uxrun's descriptor band
 * (syscalls/hostfd.h), as FreeBSD clamps it to kern.maxfilesperproc.  The
 * guest's soft limit is the host's, so open() and dup2() enforce it; the
 * host's hard limit stays where the band needs it, and the guest's hard
 * limit is kept here.  XXX uxrun's own later descriptors (ux_hostfd_take)
 * need the soft limit raised around them while the guest has lowered it.
 */
static int nofile_init;
static int64_t nofile_max;

static int64_t
nofile_band(void)
{
	return ux_hostfd_lo > 0 ? ux_hostfd_lo : FBSD_RLIM_INFINITY;
}

static long
nofile_host(struct host_rlimit *rl)
{
	long r = ux_sys(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, rl);

	if (r < 0)
		return r;
	if (!__atomic_load_n(&nofile_init, __ATOMIC_ACQUIRE)) {
		nofile_max = rlim_to_guest(rl->max);
		if (nofile_max > nofile_band())
			nofile_max = nofile_band();
		__atomic_store_n(&nofile_init, 1, __ATOMIC_RELEASE);
	}
	return 0;
}

long
fbsd_sys_getrlimit(struct uxcall *c, unsigned which, struct fbsd_rlimit *rlp)
{
	struct fbsd_rlimit out;
	struct host_rlimit rl;
	uint64_t h;
	long r;

	if (ux_enum_to_host(&fbsd_rlimit_tab, which, &h) != 0)
		return -EINVAL;
	if (which == FBSD_RLIMIT_NOFILE) {
		r = nofile_host(&rl);
		if (r < 0)
			return r;
		out.rlim_max = nofile_max;
		out.rlim_cur = rlim_to_guest(rl.cur);
		if (out.rlim_cur > out.rlim_max)
			out.rlim_cur = out.rlim_max;
	} else if ((int64_t)h < 0) {
		/* SBSIZE, NPTS, SWAP, KQUEUES, UMTXP, PIPEBUF: Linux has no
		 * such limit, so the guest is told there is none. */
		out.rlim_cur = out.rlim_max = FBSD_RLIM_INFINITY;
	} else {
		r = ux_sys(SYS_prlimit64, 0, h, NULL, &rl);
		if (r < 0)
			return r;
		out.rlim_cur = rlim_to_guest(rl.cur);
		out.rlim_max = rlim_to_guest(rl.max);
	}
	return ux_copyout(rlp, &out, sizeof(out));
}

long
fbsd_sys_setrlimit(struct uxcall *c, unsigned which, struct fbsd_rlimit *rlp)
{
	struct fbsd_rlimit in;
	struct host_rlimit rl;
	uint64_t h;
	long r;

	r = ux_copyin(&in, rlp, sizeof(in));
	if (r < 0)
		return r;
	if (ux_enum_to_host(&fbsd_rlimit_tab, which, &h) != 0)
		return -EINVAL;
	if (in.rlim_cur < 0)
		in.rlim_cur = FBSD_RLIM_INFINITY;
	if (in.rlim_max < 0)
		in.rlim_max = FBSD_RLIM_INFINITY;

	if (which == FBSD_RLIMIT_NOFILE) {
		r = nofile_host(&rl);
		if (r < 0)
			return r;
		/* Going above the hard limit takes privilege, as on FreeBSD. */
		if ((in.rlim_cur > nofile_max || in.rlim_max > nofile_max) &&
		    ux_sys(SYS_geteuid) != 0)
			return -EPERM;
		if (in.rlim_cur > nofile_band())
			in.rlim_cur = nofile_band();
		if (in.rlim_max > nofile_band())
			in.rlim_max = nofile_band();
		if (in.rlim_cur > in.rlim_max)
			in.rlim_cur = in.rlim_max;
		rl.cur = rlim_to_host(in.rlim_cur);
		r = ux_sys(SYS_prlimit64, 0, RLIMIT_NOFILE, &rl, NULL);
		if (r < 0)
			return r;
		nofile_max = in.rlim_max;
		return 0;
	}
	/* A FreeBSD-only limit has nothing to bind on Linux: accepted and
	 * forgotten, so programs that tune it keep working. */
	if ((int64_t)h < 0)
		return 0;
	/* FreeBSD lowers a soft limit above the hard one; Linux refuses it. */
	if (in.rlim_cur > in.rlim_max)
		in.rlim_cur = in.rlim_max;
	rl.cur = rlim_to_host(in.rlim_cur);
	rl.max = rlim_to_host(in.rlim_max);
	return ux_sys(SYS_prlimit64, 0, h, &rl, NULL);
}

/* Same fields in the same order; ru_maxrss is in KiB on both. */
void
linux_to_fbsd_rusage(const struct rusage *ru, struct fbsd_rusage *g)
{
	*g = (struct fbsd_rusage){
		.ru_utime = { ru->ru_utime.tv_sec, ru->ru_utime.tv_usec },
		.ru_stime = { ru->ru_stime.tv_sec, ru->ru_stime.tv_usec },
		.ru_maxrss = ru->ru_maxrss,
		.ru_ixrss = ru->ru_ixrss,
		.ru_idrss = ru->ru_idrss,
		.ru_isrss = ru->ru_isrss,
		.ru_minflt = ru->ru_minflt,
		.ru_majflt = ru->ru_majflt,
		.ru_nswap = ru->ru_nswap,
		.ru_inblock = ru->ru_inblock,
		.ru_oublock = ru->ru_oublock,
		.ru_msgsnd = ru->ru_msgsnd,
		.ru_msgrcv = ru->ru_msgrcv,
		.ru_nsignals = ru->ru_nsignals,
		.ru_nvcsw = ru->ru_nvcsw,
		.ru_nivcsw = ru->ru_nivcsw,
	};
}

long
fbsd_sys_getrusage(struct uxcall *c, int who, struct fbsd_rusage *rusage)
{
	struct rusage ru;
	struct fbsd_rusage out;
	int hwho;
	long r;

	switch (who) {
	case FBSD_RUSAGE_SELF:
		hwho = RUSAGE_SELF;
		break;
	case FBSD_RUSAGE_CHILDREN:
		hwho = RUSAGE_CHILDREN;
		break;
	case FBSD_RUSAGE_THREAD:
		hwho = RUSAGE_THREAD;
		break;
	default:
		return -EINVAL;
	}
	r = ux_sys(SYS_getrusage, hwho, &ru);
	if (r < 0)
		return r;
	linux_to_fbsd_rusage(&ru, &out);
	return ux_copyout(rusage, &out, sizeof(out));
}

/* <sys/random.h>: the same bits as Linux's, but not the same meaning. */
#define FBSD_GRND_NONBLOCK	0x1
#define FBSD_GRND_RANDOM	0x2
#define FBSD_GRND_INSECURE	0x4
#define LINUX_GRND_NONBLOCK	0x1
#define LINUX_GRND_INSECURE	0x4

long
fbsd_sys_getrandom(struct uxcall *c, void *buf, size_t buflen, unsigned flags)
{
	unsigned hflags = 0;
	long r;

	if (flags & ~(unsigned)(FBSD_GRND_NONBLOCK | FBSD_GRND_RANDOM | FBSD_GRND_INSECURE))
		return -EINVAL;
	if (buflen == 0)
		return 0;
	/* FreeBSD has one pool: GRND_RANDOM changes nothing there, while on
	 * Linux it still selects different (and fussier) behaviour. */
	if (flags & FBSD_GRND_NONBLOCK)
		hflags |= LINUX_GRND_NONBLOCK;
	if (flags & FBSD_GRND_INSECURE)
		hflags |= LINUX_GRND_INSECURE;
	r = ux_sys(SYS_getrandom, buf, buflen, hflags);
	/* Kernels before 5.6 lack GRND_INSECURE; never blocking is its point. */
	if (r == -EINVAL && (hflags & LINUX_GRND_INSECURE))
		r = ux_sys(SYS_getrandom, buf, buflen,
		    (hflags & ~LINUX_GRND_INSECURE) | LINUX_GRND_NONBLOCK);
	return r;
}
