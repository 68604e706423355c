/*
 * The AT_TIMEKEEP page, after FreeBSD's sys/kern/kern_sharedpage.c
 * (timehands_update), sys/kern/kern_tc.c (tc_windup) and sys/x86/x86/tsc.c
 * (x86_tsc_vdso_timehands).
 *
 * FreeBSD's hardclock winds the timehands up every tick; uxrun has no tick
 * of its own, so the wind-up runs from the trap path: every trapped call
 * compares the TSC with the last wind-up, and past an interval (10 ms at
 * most) the thread that finds it stale takes a sample of Linux's clocks
 * and publishes a new timehands.  Go programs trap at least every 10 ms
 * while any goroutine runs (sysmon's usleep), and a thread that slept in a
 * call winds the page up on its way back, so readers do not extrapolate
 * far.  They must not: Go adds th_scale * delta modulo 2^64, which wraps
 * after one second, and the 32-bit counter wraps after 2^32 ticks.
 *
 * Linux's CLOCK_MONOTONIC is the reference.  Its rate against the TSC is
 * measured over a baseline of up to 32 s (so it follows NTP's frequency
 * corrections), and each wind-up compares the published line with a fresh
 * sample: a reader that is behind steps forward; one that is ahead is
 * slowed until Linux catches up, so CLOCK_MONOTONIC never goes backwards.
 * th_boottime is CLOCK_REALTIME - CLOCK_MONOTONIC, which only changes when
 * the real-time clock is stepped (settimeofday, ADJ_SETOFFSET); slewing
 * moves both clocks alike.
 *
 * The page starts disabled (tk_enabled 0: readers make the system call)
 * and is enabled by the first wind-up whose baseline measures the rate
 * well enough, about half a millisecond after the start.  It stays
 * disabled unless Linux itself reads time from an invariant TSC.
 *
 * The page is private and read-only to the guest; a wind-up lifts the
 * protection for the few stores.  A forked child gets its own copy, state
 * included, and goes on winding it up; exec builds a new one.
 *
 * XXX libc's CLOCK_*_FAST read th_offset alone: FreeBSD keeps it a tick
 * old at most, here it is as old as the last wind-up, which a thread
 * computing without calls does not bring about.
 */
#include "config.h"

#include <cpuid.h>
#include <sched.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include "syscalls/freebsd/timekeep.h"
#include "syscalls/hostcall.h"
#include "syscalls/thread.h"
#include "syscalls/ux_call.h"

#define PAGE		4096
#define NS		1000000000ll
#define MS		1000000ll

#define CAL_MIN_NS	(MS / 2)	/* shortest baseline that enables the page */
#define CAL_ERR		10000		/* ... and it is this many sample errors long */
#define CHECK_TICKS	(1ull << 20)	/* polling before the rate is known */
#define MIN_INTERVAL_NS	(MS / 10)
#define MAX_INTERVAL_NS	(10 * MS)
#define REF_SPAN_NS	(16 * NS)	/* the rate baseline spans 16 to 32 s */
#define STEP_NS		MS		/* a larger lead is stepped back, not slewed */
#define SLEW_NS		(50 * MS)	/* a lead is slewed away over this long */
#define SLEW_MAX_PPM	500
#define BOOT_HYST_NS	1000		/* sampling noise in realtime - uptime */
#define MAX_BRACKET_NS	2000		/* a sample interrupted for longer is retried */
#define RATE_JUMP_PPM	2000		/* a baseline this far off: TSC or clock jumped */
#define STALE_STEAL	16		/* intervals before a dead owner's lock is taken */
#define WINDER_NS	(250 * MS)	/* the winder thread's period */
#define WINDER_STACK	(64 * 1024)

typedef unsigned __int128 u128;

/* One reading of Linux's clocks against the TSC. */
struct sample {
	uint64_t tsc;		/* the middle of the bracket around the reading */
	uint64_t unc;		/* half the bracket, in TSC ticks */
	int64_t mono;		/* CLOCK_MONOTONIC, ns */
	int64_t boot;		/* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
};

/* The line the page publishes, at full counter width. */
struct line {
	uint64_t cnt;		/* counter value (tsc >> shift) at off */
	struct fbsd_bintime off;
	uint64_t scale;
	int64_t boot_ns;
	struct fbsd_bintime boot;
};

static struct {
	struct fbsd_vdso_timekeep *page;
	int usable;		/* Linux keeps time with an invariant TSC */
	int has_rdtscp;
	int enabled;		/* the page's tk_enabled */
	unsigned shift;
	uint64_t freq;		/* TSC ticks per second, measured */
	uint64_t last;		/* TSC at the last wind-up */
	uint64_t interval;	/* TSC ticks between wind-ups */
	struct sample ref[2];	/* rate baseline: ref[0] older */
	struct line cur;
	uint32_t gen, curr;
	int owner;		/* Linux tid winding up, 0 if none */
} tk;

uint64_t
fbsd_tk_rdtsc(void)
{
	uint32_t lo, hi;

	if (tk.has_rdtscp)
		__asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi) : : "rcx");
	else
		__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t
rdtsc_fast(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* --- bintime ---------------------------------------------------------- */

void
fbsd_bintime_from_ns(int64_t ns, struct fbsd_bintime *bt)
{
	int64_t sec = ns / NS, rem = ns % NS;

	if (rem < 0) {
		rem += NS;
		sec--;
	}
	bt->sec = sec;
	/* Rounded up, so that fbsd_bintime_to_ns() gives ns back. */
	bt->frac = (uint64_t)((((u128)rem << 64) + NS - 1) / NS);
}

int64_t
fbsd_bintime_to_ns(const struct fbsd_bintime *bt)
{
	return bt->sec * NS + (int64_t)(((u128)bt->frac * NS) >> 64);
}

void
fbsd_bintime_add(struct fbsd_bintime *bt, const struct fbsd_bintime *x)
{
	uint64_t u = bt->frac;

	bt->frac += x->frac;
	if (bt->frac < u)
		bt->sec++;
	bt->sec += x->sec;
}

void
fbsd_bintime_addmul(struct fbsd_bintime *bt, uint64_t scale, uint64_t n)
{
	u128 x = (u128)scale * n;
	struct fbsd_bintime d = { (int64_t)(uint64_t)(x >> 64), (uint64_t)x };

	fbsd_bintime_add(bt, &d);
}

static void
bintime_subfrac(struct fbsd_bintime *bt, uint64_t frac)
{
	if (bt->frac < frac)
		bt->sec--;
	bt->frac -= frac;
}

uint64_t
fbsd_tk_scale(uint64_t dns, uint64_t dtsc, unsigned shift)
{
	/* Keep dns << (64 + shift) inside 128 bits; the baseline is short. */
	while (dns >> (62 - shift) != 0) {
		dns >>= 1;
		dtsc >>= 1;
	}
	if (dtsc == 0)
		return 0;
	return (uint64_t)(((u128)dns << (64 + shift)) / ((u128)NS * dtsc));
}

unsigned
fbsd_tk_shift(uint64_t freq)
{
	unsigned s = 0;

	/* FreeBSD keeps the counter under 2^31 Hz; 2^28 lets a libc reader
	 * extrapolate 16 s or more before the 32-bit counter wraps, at a
	 * resolution still finer than 8 ns. */
	while ((freq >> s) > (1ull << 28))
		s++;
	return s;
}

void
fbsd_tk_read(const struct fbsd_vdso_timehands *th, uint64_t tsc, int abs, struct fbsd_bintime *bt)
{
	uint32_t tc = (uint32_t)(tsc >> th->th_x86_shift);
	uint32_t delta = (tc - th->th_offset_count) & th->th_counter_mask;

	*bt = th->th_offset;
	fbsd_bintime_addmul(bt, th->th_scale, delta);
	if (abs)
		fbsd_bintime_add(bt, &th->th_boottime);
}

/* --- the host side ---------------------------------------------------- */

static int64_t
ts_ns(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * NS + ts->tv_nsec;
}

/*
 * The tightest of three brackets of rdtsc around Linux's vDSO
 * clock_gettime (which reads the TSC itself in between).  -1 if every one
 * was stretched by an interrupt or a migration.
 */
static int
take_sample(struct sample *s, uint64_t max_bracket)
{
	uint64_t best = UINT64_MAX;

	for (int i = 0; i < 3; i++) {
		struct timespec m1, r, m2;
		uint64_t t0 = fbsd_tk_rdtsc();
		clock_gettime(CLOCK_MONOTONIC, &m1);
		uint64_t t1 = fbsd_tk_rdtsc();
		clock_gettime(CLOCK_REALTIME, &r);
		clock_gettime(CLOCK_MONOTONIC, &m2);
		if (t1 < t0 || t1 - t0 >= best)
			continue;
		best = t1 - t0;
		s->tsc = t0 + best / 2;
		s->unc = best / 2 + 1;
		s->mono = ts_ns(&m1);
		s->boot = ts_ns(&r) - (ts_ns(&m1) + ts_ns(&m2)) / 2;
	}
	return best <= max_bracket ? 0 : -1;
}

static int
read_small(const char *path, char *buf, size_t size)
{
	long fd = ux_sys(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	long n;

	if (fd < 0)
		return -1;
	n = ux_sys(SYS_read, fd, buf, size - 1);
	ux_sys(SYS_close, fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

/*
 * Linux's constant_tsc and nonstop_tsc both come from CPUID 0x80000007
 * EDX bit 8 (invariant TSC); the clock source says Linux trusts the TSC
 * across CPUs.  PR_GET_TSC: rdtsc may have been made to fault.
 */
static int
tsc_usable(void)
{
	unsigned a, b, c, d;
	char buf[64];
	int mode = 0;

	if (__get_cpuid(0x80000000, &a, &b, &c, &d) == 0 || a < 0x80000007)
		return 0;
	__cpuid(0x80000007, a, b, c, d);
	if ((d & (1u << 8)) == 0)
		return 0;
	__cpuid(0x80000001, a, b, c, d);
	tk.has_rdtscp = (d & (1u << 27)) != 0;
	if (ux_sys(SYS_prctl, PR_GET_TSC, &mode) != 0 || mode != PR_TSC_ENABLE)
		return 0;
	if (read_small("/sys/devices/system/clocksource/clocksource0/current_clocksource",
	    buf, sizeof(buf)) != 0)
		return 0;
	return strcmp(buf, "tsc\n") == 0;
}

/* Where the line must pass at the start of the counter tick holding s. */
static void
target(const struct sample *s, unsigned shift, uint64_t scale, struct fbsd_bintime *bt)
{
	uint64_t part = s->tsc & ((1ull << shift) - 1);

	fbsd_bintime_from_ns(s->mono, bt);
	bintime_subfrac(bt, (uint64_t)(((u128)scale * part) >> shift));
}

/*
 * timehands_update(): the next slot is written with th_gen 0, then given
 * the next generation, then made current; a reader of the slot being
 * replaced sees its generation change and reads again.
 */
static int
publish(const struct line *l, int enabled)
{
	struct fbsd_vdso_timekeep *p = tk.page;
	struct fbsd_vdso_timehands *th;
	uint32_t idx = (tk.curr + 1) % FBSD_VDSO_TH_NUM;

	if (ux_sys(SYS_mprotect, p, PAGE, PROT_READ | PROT_WRITE) != 0)
		return -1;
	if (++tk.gen == 0)
		tk.gen = 1;
	th = &p->tk_th[idx];
	__atomic_store_n(&th->th_gen, 0, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	if (enabled) {
		th->th_algo = FBSD_VDSO_TH_ALGO_X86_TSC;
		th->th_scale = l->scale;
		th->th_offset_count = (uint32_t)l->cnt;
		th->th_counter_mask = 0xffffffff;
		th->th_offset = l->off;
		th->th_boottime = l->boot;
		th->th_x86_shift = tk.shift;
		th->th_x86_hpet_idx = 0xffffffff;
		th->th_x86_pvc_last_systime = 0;
		th->th_x86_pvc_stable_mask = 0;
		memset(th->th_res, 0, sizeof(th->th_res));
	}
	__atomic_store_n(&th->th_gen, tk.gen, __ATOMIC_RELEASE);
	__atomic_store_n(&p->tk_current, idx, __ATOMIC_RELEASE);
	__atomic_store_n(&p->tk_enabled, (uint32_t)enabled, __ATOMIC_RELEASE);
	ux_sys(SYS_mprotect, p, PAGE, PROT_READ);
	tk.curr = idx;
	tk.cur = *l;
	tk.enabled = enabled;
	return 0;
}

/* Wind-ups come at most a quarter of the baseline apart: the rate error
 * then adds no more than a quarter of a sample's error between two. */
static void
set_interval(int64_t age_ns)
{
	int64_t ns = age_ns / 4;

	if (ns < MIN_INTERVAL_NS)
		ns = MIN_INTERVAL_NS;
	if (ns > MAX_INTERVAL_NS)
		ns = MAX_INTERVAL_NS;
	__atomic_store_n(&tk.interval, (uint64_t)((u128)ns * tk.freq / NS), __ATOMIC_RELAXED);
}

static void
restart(const struct sample *s)
{
	tk.ref[0] = tk.ref[1] = *s;
	tk.freq = 0;
	__atomic_store_n(&tk.interval, CHECK_TICKS, __ATOMIC_RELAXED);
	if (tk.enabled)
		publish(&tk.cur, 0);
}

/* The first line, once the baseline from the setup's sample is long enough. */
static void
calibrate(const struct sample *s)
{
	const struct sample *r = &tk.ref[0];
	int64_t dns = s->mono - r->mono;
	uint64_t dtsc = s->tsc - r->tsc;
	struct line l;

	if (dns <= 0 || s->tsc <= r->tsc) {
		restart(s);
		return;
	}
	uint64_t freq = (uint64_t)((u128)dtsc * NS / (uint64_t)dns);
	uint64_t unc_ns = (uint64_t)((u128)(r->unc + s->unc) * NS / (freq ? freq : 1));
	if (dns < CAL_MIN_NS || (u128)dns < (u128)unc_ns * CAL_ERR || freq == 0)
		return;
	tk.freq = freq;
	tk.shift = fbsd_tk_shift(freq);
	l.scale = fbsd_tk_scale((uint64_t)dns, dtsc, tk.shift);
	l.cnt = s->tsc >> tk.shift;
	target(s, tk.shift, l.scale, &l.off);
	l.boot_ns = s->boot;
	fbsd_bintime_from_ns(s->boot, &l.boot);
	if (publish(&l, 1) == 0) {
		tk.ref[1] = *s;
		set_interval(dns);
	}
}

/* tc_windup(): carry the published line over to a new sample. */
static void
windup_enabled(const struct sample *s)
{
	const struct line *o = &tk.cur;
	const struct sample *r = &tk.ref[0];
	struct line l;
	struct fbsd_bintime ext, tgt;

	if (s->mono <= r->mono || s->tsc <= r->tsc) {
		restart(s);
		return;
	}
	uint64_t dtsc = s->tsc - r->tsc;
	uint64_t base = fbsd_tk_scale((uint64_t)(s->mono - r->mono), dtsc, tk.shift);
	/* A baseline that disagrees this much with the line in use spans a
	 * suspend or a clock source change: measure afresh. */
	uint64_t dev = base > o->scale ? base - o->scale : o->scale - base;
	if ((u128)dev * 1000000 > (u128)o->scale * RATE_JUMP_PPM) {
		restart(s);
		return;
	}
	tk.freq = (uint64_t)((u128)dtsc * NS / (uint64_t)(s->mono - r->mono));

	l.cnt = s->tsc >> tk.shift;
	ext = o->off;
	fbsd_bintime_addmul(&ext, o->scale, l.cnt - o->cnt);
	target(s, tk.shift, base, &tgt);
	int64_t err = fbsd_bintime_to_ns(&tgt) - fbsd_bintime_to_ns(&ext);
	if (err >= 0 || err < -STEP_NS) {
		l.off = tgt;
		l.scale = base;
	} else {
		u128 slow = (u128)base * (uint64_t)-err / SLEW_NS;
		u128 cap = (u128)base * SLEW_MAX_PPM / 1000000;
		l.off = ext;
		l.scale = base - (uint64_t)(slow < cap ? slow : cap);
	}
	l.boot_ns = o->boot_ns;
	l.boot = o->boot;
	if (s->boot - o->boot_ns > BOOT_HYST_NS || o->boot_ns - s->boot > BOOT_HYST_NS) {
		l.boot_ns = s->boot;
		fbsd_bintime_from_ns(s->boot, &l.boot);
	}
	if (publish(&l, 1) != 0)
		return;
	if (s->mono - tk.ref[1].mono >= REF_SPAN_NS) {
		tk.ref[0] = tk.ref[1];
		tk.ref[1] = *s;
	}
	set_interval(s->mono - tk.ref[0].mono);
}

static void
windup(void)
{
	struct sample s;
	uint64_t max_bracket = tk.freq ? (uint64_t)((u128)tk.freq * MAX_BRACKET_NS / NS) : 8192;

	if (take_sample(&s, max_bracket) != 0) {
		__atomic_store_n(&tk.last, fbsd_tk_rdtsc(), __ATOMIC_RELAXED);
		return;
	}
	if (tk.enabled)
		windup_enabled(&s);
	else
		calibrate(&s);
	__atomic_store_n(&tk.last, s.tsc, __ATOMIC_RELAXED);
}

/*
 * One thread winds up at a time; the others go on.  A fork copies the
 * lock word of a thread the child does not have: when the page has been
 * stale for a long time and its owner is not a thread of this process,
 * the lock is taken over.
 */
static int
lock_windup(const struct uxcall *c, uint64_t now)
{
	int self = c && c->td && c->td->tid > 0 ? c->td->tid : (int)ux_sys(SYS_gettid), held = 0;

	if (__atomic_compare_exchange_n(&tk.owner, &held, self, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return 1;
	uint64_t last = __atomic_load_n(&tk.last, __ATOMIC_RELAXED);
	uint64_t interval = __atomic_load_n(&tk.interval, __ATOMIC_RELAXED);
	if ((int64_t)(now - last) < (int64_t)(interval * STALE_STEAL))
		return 0;
	if (ux_sys(SYS_tgkill, ux_sys(SYS_getpid), held, 0) != -ESRCH)
		return 0;
	return __atomic_compare_exchange_n(&tk.owner, &held, self, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

void
fbsd_timekeep_tick(struct uxcall *c)
{
	if (!tk.usable)
		return;
	uint64_t now = rdtsc_fast();
	uint64_t last = __atomic_load_n(&tk.last, __ATOMIC_RELAXED);
	if ((int64_t)(now - last) < (int64_t)__atomic_load_n(&tk.interval, __ATOMIC_RELAXED))
		return;
	if (!lock_windup(c, now))
		return;
	/* Another thread may have wound up between the test and the lock. */
	last = __atomic_load_n(&tk.last, __ATOMIC_RELAXED);
	if ((int64_t)(now - last) >= (int64_t)__atomic_load_n(&tk.interval, __ATOMIC_RELAXED))
		windup();
	__atomic_store_n(&tk.owner, 0, __ATOMIC_RELEASE);
}

/*
 * Readers add the low 64 bits of th_scale * delta (Go does; FreeBSD relies
 * on tc_windup running every tick), which wrap after one second of
 * counter.  A process whose threads make no system call for that long (a
 * compute loop timing itself) would read wrong times, so a thread of
 * uxrun's own winds the page up every WINDER_NS whatever the guest does.
 * It is a bare clone(2) thread: no glibc thread state of its own, all
 * signals blocked (no guest signal ever lands on it), and it only makes
 * raw calls and the wind-up's, which touch no thread-local state.
 */
static int
winder(void *arg)
{
	struct timespec ts = { 0, WINDER_NS };

	(void)arg;
	for (;;) {
		ux_sys(SYS_nanosleep, &ts, NULL);
		fbsd_timekeep_tick(NULL);
	}
	return 0;
}

static void
start_winder(void)
{
	static const uint64_t all = ~0ull;
	uint64_t old;
	char *stk;

	if (!tk.usable)
		return;
	stk = (char *)ux_sys(SYS_mmap, 0, WINDER_STACK, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (ux_is_err((long)stk))
		return;
	ux_sys(SYS_rt_sigprocmask, SIG_SETMASK, &all, &old, sizeof(old));
	if (clone(winder, stk + WINDER_STACK, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
	    CLONE_THREAD | CLONE_SYSVSEM, NULL) < 0)
		ux_sys(SYS_munmap, stk, WINDER_STACK);
	ux_sys(SYS_rt_sigprocmask, SIG_SETMASK, &old, NULL, sizeof(old));
}

void
fbsd_timekeep_fork_child(void)
{
	/* The lock word may name a thread the child does not have. */
	__atomic_store_n(&tk.owner, 0, __ATOMIC_RELEASE);
	start_winder();
}

uint64_t
fbsd_timekeep_setup(void)
{
	void *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return 0;
	memset(&tk, 0, sizeof(tk));
	tk.page = p;
	tk.page->tk_ver = FBSD_VDSO_TK_VER_CURR;
	mprotect(p, PAGE, PROT_READ);
	tk.interval = CHECK_TICKS;
	if (tsc_usable() && take_sample(&tk.ref[0], 8192) == 0) {
		tk.ref[1] = tk.ref[0];
		tk.last = tk.ref[0].tsc;
		tk.usable = 1;
		start_winder();
	}
	return (uint64_t)p;
}

struct fbsd_vdso_timekeep *
fbsd_timekeep_page(void)
{
	return tk.page;
}
