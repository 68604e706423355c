/*
 * Signal masks.  A FreeBSD sigset_t is 128 bits (signal n is bit n-1),
 * Linux's kernel sigset 64.  Signals the host cannot block for the guest,
 * because uxrun needs them or because Linux lacks them, are kept in a
 * shadow mask so the guest reads back exactly what it set.
 */
#include "config.h"

#include <signal.h>
#include <stddef.h>
#include <ucontext.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_convert.h"
#include "syscalls/thread.h"

#define LINUX_NSIG	64

/*
 * SIGSYS carries the system-call trap; SIGSEGV and SIGBUS turn a bad
 * guest pointer in ux_copyin/ux_copyout into EFAULT.  A blocked
 * synchronous fault kills the process on Linux, so none of the three may
 * ever be blocked on the host.
 */
#define HOST_RESERVED ((1ULL << (SIGSYS - 1)) | (1ULL << (SIGSEGV - 1)) | \
	(1ULL << (SIGBUS - 1)))

/* Built on first use: guest signal n -> Linux signal (0: none) and back;
 * the guest signals whose state only the shadow holds; the host signals the
 * guest cannot name (glibc's 32 and 33), which keep their state. */
static int8_t to_linux[FBSD_NSIG + 1];
static uint8_t to_fbsd[LINUX_NSIG + 1];
static struct fbsd_sigset shadow_only;
static uint64_t host_keep;
static int maps_ready;

static void
build_maps(void)
{
	if (__atomic_load_n(&maps_ready, __ATOMIC_ACQUIRE))
		return;
	/* Racing threads compute the same bytes. */
	for (int g = 1; g <= FBSD_NSIG; g++) {
		int l = fbsd_to_linux_signo(g);
		to_linux[g] = (int8_t)(l > 0 && l <= LINUX_NSIG ? l : 0);
	}
	for (int l = 1; l <= LINUX_NSIG; l++) {
		int g = linux_to_fbsd_signo(l);
		to_fbsd[l] = (uint8_t)(g > 0 && g <= FBSD_NSIG ? g : 0);
		if (to_fbsd[l] == 0 && !(HOST_RESERVED & (1ULL << (l - 1))))
			host_keep |= 1ULL << (l - 1);
	}
	for (int g = 1; g <= FBSD_NSIG; g++) {
		int l = to_linux[g];
		if (l == 0 || (HOST_RESERVED & (1ULL << (l - 1))))
			shadow_only.bits[(g - 1) / 32] |= 1U << ((g - 1) % 32);
	}
	__atomic_store_n(&maps_ready, 1, __ATOMIC_RELEASE);
}

/* Prototypes belong in fbsd_consts.h with the other converters. */

/* Guest signals without a Linux twin are dropped. */
uint64_t
fbsd_to_linux_sigset(const struct fbsd_sigset *g)
{
	uint64_t h = 0;

	build_maps();
	for (int w = 0; w < 4; w++)
		for (uint32_t b = g->bits[w]; b; b &= b - 1) {
			int sig = w * 32 + __builtin_ctz(b) + 1;
			if (to_linux[sig])
				h |= 1ULL << (to_linux[sig] - 1);
		}
	return h;
}

void
linux_to_fbsd_sigset(uint64_t h, struct fbsd_sigset *g)
{
	build_maps();
	memset(g, 0, sizeof(*g));
	for (; h; h &= h - 1) {
		int l = __builtin_ctzll(h) + 1;
		int sig = to_fbsd[l];
		if (sig)
			g->bits[(sig - 1) / 32] |= 1U << ((sig - 1) % 32);
	}
}

/* XXX one per process: per-thread masks come with thread support. */
static struct fbsd_sigset shadow;

long
fbsd_sys_sigprocmask(struct uxcall *c, int how, const struct fbsd_sigset *set,
    struct fbsd_sigset *oset)
{
	struct fbsd_sigset gset, old;
	uint64_t hhow = SIG_BLOCK, hset = 0, hold = 0;
	uint64_t *fmask;
	long r;

	build_maps();
	if (set != NULL) {
		r = ux_copyin(&gset, set, sizeof(gset));
		if (r < 0)
			return r;
		if (ux_enum_to_host(&fbsd_sighow_tab, (uint64_t)(uint32_t)how, &hhow) != 0)
			return -EINVAL;
		hset = fbsd_to_linux_sigset(&gset) & ~HOST_RESERVED;
	}

	/* Inside the SIGSYS handler a mask set with rt_sigprocmask would be
	 * undone by sigreturn: change the one the guest resumes with. */
	fmask = c->sigmask;
	if (fmask != NULL) {
		hold = *fmask;
		/* The reserved signals end up unblocked whatever the mask. */
		if (set != NULL) {
			uint64_t m = hold & ~HOST_RESERVED;
			if (hhow == SIG_BLOCK)
				m |= hset;
			else if (hhow == SIG_UNBLOCK)
				m &= ~hset;
			else
				m = (m & host_keep) | hset;
			*fmask = m;
		}
	} else {
		r = ux_sys(SYS_rt_sigprocmask, hhow, set != NULL ? &hset : NULL, &hold,
		    LINUX_NSIG / 8);
		if (r < 0)
			return r;
	}

	linux_to_fbsd_sigset(hold & ~HOST_RESERVED, &old);
	for (int w = 0; w < 4; w++) {
		old.bits[w] |= shadow.bits[w] & shadow_only.bits[w];
		if (set == NULL)
			continue;
		uint32_t s = gset.bits[w] & shadow_only.bits[w];
		switch (how) {
		case FBSD_SIG_BLOCK:
			shadow.bits[w] |= s;
			break;
		case FBSD_SIG_UNBLOCK:
			shadow.bits[w] &= ~s;
			break;
		default:
			shadow.bits[w] = s;
			break;
		}
	}
	/* SIGKILL and SIGSTOP are never blocked, on either system: Linux
	 * drops them from any mask it installs. */
	if (oset != NULL)
		return ux_copyout(oset, &old, sizeof(old));
	return 0;
}
