/*
 * Signal masks.  A FreeBSD sigset_t is 128 bits (signal n is bit n-1),
 * Linux's kernel sigset 64.  Each thread's FreeBSD mask (struct
 * fbsd_thread) is what the guest set and reads back; the host mask follows
 * it except for the signals uxrun needs and those Linux lacks.
 */
#include "config.h"

#include <signal.h>
#include <stddef.h>
#include <ucontext.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_convert.h"
#include "syscalls/thread.h"
#include "syscalls/freebsd/fbsd_thread.h"

#define LINUX_NSIG	64

/*
 * SIGSYS carries the system-call trap; SIGSEGV and SIGBUS turn a bad
 * guest pointer in ux_copyin/ux_copyout into EFAULT.  A blocked
 * synchronous fault kills the process on Linux, so none of the fault
 * signals may ever be blocked on the host; a guest that blocks one and
 * faults dies of it, as on FreeBSD (see sys_sigaction.c).
 */
#define HOST_RESERVED ((1ULL << (SIGSYS - 1)) | (1ULL << (SIGSEGV - 1)) | \
	(1ULL << (SIGBUS - 1)) | (1ULL << (SIGILL - 1)) | (1ULL << (SIGFPE - 1)) | \
	(1ULL << (SIGTRAP - 1)))

/* Built on first use: guest signal n -> Linux signal (0: none) and back;
 * the host signals the guest cannot name (glibc's 32 and 33), which keep
 * their state. */
static int8_t to_linux[FBSD_NSIG + 1];
static uint8_t to_fbsd[LINUX_NSIG + 1];
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
	__atomic_store_n(&maps_ready, 1, __ATOMIC_RELEASE);
}

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

/*
 * Installs a guest mask: the thread's FreeBSD mask becomes exactly mask
 * (SIGKILL and SIGSTOP dropped), and the host mask the thread resumes with
 * follows it, except for the reserved signals and the host-only ones
 * (glibc's 32 and 33), which keep their state.  hostmask: the mask a trap
 * frame will restore, or NULL to change the live one.
 */
void
fbsd_set_guest_mask(struct ux_thread *td, const struct fbsd_sigset *mask, uint64_t *hostmask)
{
	struct fbsd_sigset m = *mask;
	uint64_t cur = 0, h;

	build_maps();
	m.bits[(FBSD_SIGKILL - 1) / 32] &= ~(1U << ((FBSD_SIGKILL - 1) % 32));
	m.bits[(FBSD_SIGSTOP - 1) / 32] &= ~(1U << ((FBSD_SIGSTOP - 1) % 32));
	fbsd_td(td)->mask = m;
	if (hostmask)
		cur = *hostmask;
	else
		ux_sys(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &cur, LINUX_NSIG / 8);
	h = (fbsd_to_linux_sigset(&m) & ~HOST_RESERVED & ~host_keep) | (cur & host_keep);
	if (hostmask)
		*hostmask = h;
	else
		ux_sys(SYS_rt_sigprocmask, SIG_SETMASK, &h, NULL, LINUX_NSIG / 8);
}

/*
 * The thread's FreeBSD mask is the truth the guest reads back; the host
 * mask only follows it.  Inside the SIGSYS handler the change goes into
 * the mask the trap frame restores (c->sigmask), since sigreturn would
 * undo a change made with rt_sigprocmask there.
 */
long
fbsd_sys_sigprocmask(struct uxcall *c, int how, const struct fbsd_sigset *set,
    struct fbsd_sigset *oset)
{
	struct fbsd_sigset old = fbsd_td(c->td)->mask, gset, m;
	long r;

	if (set != NULL) {
		r = ux_copyin(&gset, set, sizeof(gset));
		if (r < 0)
			return r;
		m = old;
		for (int w = 0; w < 4; w++) {
			switch (how) {
			case FBSD_SIG_BLOCK:
				m.bits[w] |= gset.bits[w];
				break;
			case FBSD_SIG_UNBLOCK:
				m.bits[w] &= ~gset.bits[w];
				break;
			case FBSD_SIG_SETMASK:
				m.bits[w] = gset.bits[w];
				break;
			default:
				return -EINVAL;
			}
		}
		fbsd_set_guest_mask(c->td, &m, c->sigmask);
	}
	if (oset != NULL)
		return ux_copyout(oset, &old, sizeof(old));
	return 0;
}
