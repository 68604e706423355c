/*
 * The AT_TIMEKEEP page (syscalls/freebsd/timekeep.c): its bintime and
 * scale arithmetic, its layout against Go's runtime, and the page itself
 * read the way Go's runtime and FreeBSD's libc read it, against Linux's
 * clock_gettime.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tests/unit/unit.h"
#include "tests/unit/gofile.h"
#include "syscalls/freebsd/timekeep.h"

#define NS 1000000000ll

static void
test_bintime_ns(void)
{
	static const int64_t v[] = {
		0, 1, 999999999, 1000000000, 1500000000, 123456789012345678,
		-1, -999999999, -1000000000, -1500000001,
	};
	struct fbsd_bintime bt;

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		fbsd_bintime_from_ns(v[i], &bt);
		UX_CHECK(fbsd_bintime_to_ns(&bt) == v[i], "%lld ns -> {%lld, %#llx} -> %lld",
		    (long long)v[i], (long long)bt.sec, (unsigned long long)bt.frac,
		    (long long)fbsd_bintime_to_ns(&bt));
		UX_CHECK(bt.sec * NS <= v[i] && v[i] - bt.sec * NS < NS, "%lld ns: sec %lld",
		    (long long)v[i], (long long)bt.sec);
	}
	fbsd_bintime_from_ns(1500000000, &bt);
	UX_CHECK(bt.sec == 1 && bt.frac == 1ull << 63, "1.5 s is {1, 2^63}, got {%lld, %#llx}",
	    (long long)bt.sec, (unsigned long long)bt.frac);

	struct fbsd_bintime a = { 1, 3ull << 62 }, b = { 2, 1ull << 62 };
	fbsd_bintime_add(&a, &b);
	UX_CHECK(a.sec == 4 && a.frac == 0, "0.75 + 0.25 carries: {%lld, %#llx}",
	    (long long)a.sec, (unsigned long long)a.frac);
}

static void
test_scale_shift(void)
{
	UX_CHECK(fbsd_tk_shift(100000000) == 0, "100 MHz needs no shift");
	UX_CHECK(fbsd_tk_shift(1ull << 28) == 0, "2^28 Hz needs no shift");
	UX_CHECK(fbsd_tk_shift((1ull << 28) + 1) == 1, "just above 2^28 Hz: shift 1");
	UX_CHECK(fbsd_tk_shift(2600000000ull) == 4, "2.6 GHz: shift 4, got %u", fbsd_tk_shift(2600000000ull));

	/* A 1 GHz counter: 2^64 / 10^9 fractions per tick. */
	uint64_t s = fbsd_tk_scale(NS, NS, 0);
	UX_CHECK(s == 18446744073ull, "scale of 1 GHz is %llu", (unsigned long long)s);
	/* The same TSC read through a shift of 4 ticks 16 times slower. */
	UX_CHECK(fbsd_tk_scale(NS, NS, 4) == (uint64_t)(((unsigned __int128)16 << 64) / NS),
	    "scale of 1 GHz >> 4 is %llu", (unsigned long long)fbsd_tk_scale(NS, NS, 4));
	/* Long baselines keep their precision. */
	uint64_t s2 = fbsd_tk_scale(86400 * NS, 86400 * 2600000000ull, 4);
	uint64_t want = (uint64_t)(((unsigned __int128)16 << 64) / 2600000000ull);
	UX_CHECK(s2 + 1 >= want && s2 <= want + 1, "a day at 2.6 GHz: %llu, want %llu",
	    (unsigned long long)s2, (unsigned long long)want);

	/* 3 * 10^9 ticks of a 1 GHz counter: 3 s, the part above a second kept. */
	struct fbsd_bintime bt = { 0, 0 };
	fbsd_bintime_addmul(&bt, s, 3000000000ull);
	int64_t ns = fbsd_bintime_to_ns(&bt);
	UX_CHECK(ns >= 3 * NS - 2 && ns <= 3 * NS, "3e9 ticks at 1 GHz are %lld ns", (long long)ns);

	/* A reader: counter wrapped around 2^32 since th_offset_count. */
	struct fbsd_vdso_timehands th = {
		.th_algo = FBSD_VDSO_TH_ALGO_X86_TSC, .th_gen = 1, .th_scale = s,
		.th_offset_count = 0xfffffff0u, .th_counter_mask = 0xffffffff,
		.th_offset = { 10, 0 }, .th_boottime = { 1700000000, 1ull << 63 }, .th_x86_shift = 4,
	};
	uint64_t tsc = ((0x500000000ull | 0xfffffff0u) + 1000) << 4;
	fbsd_tk_read(&th, tsc, 0, &bt);
	ns = fbsd_bintime_to_ns(&bt);
	UX_CHECK(ns >= 10 * NS + 999 && ns <= 10 * NS + 1000, "uptime 1000 ticks on: %lld", (long long)ns);
	fbsd_tk_read(&th, tsc, 1, &bt);
	ns = fbsd_bintime_to_ns(&bt);
	UX_CHECK(ns >= 1700000010500000000ll + 999 && ns <= 1700000010500000000ll + 1000,
	    "realtime 1000 ticks on: %lld", (long long)ns);
}

/* Go's runtime/defs_freebsd_amd64.go, where a Go toolchain is installed. */
static char *
go_runtime_defs(void)
{
	const char *roots[] = { getenv("GOROOT"), "/usr/lib/go", "/usr/local/go" };
	char path[512];

	for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
		if (!roots[i] || !*roots[i])
			continue;
		snprintf(path, sizeof(path), "%s/src/runtime/defs_freebsd_amd64.go", roots[i]);
		char *src = unit_slurp(path, NULL);
		if (src)
			return src;
	}
	return NULL;
}

static void
test_layout_vs_go(void)
{
	static const struct { const char *go; size_t off; } th[] = {
		{ "algo", offsetof(struct fbsd_vdso_timehands, th_algo) },
		{ "gen", offsetof(struct fbsd_vdso_timehands, th_gen) },
		{ "scale", offsetof(struct fbsd_vdso_timehands, th_scale) },
		{ "offset_count", offsetof(struct fbsd_vdso_timehands, th_offset_count) },
		{ "counter_mask", offsetof(struct fbsd_vdso_timehands, th_counter_mask) },
		{ "offset", offsetof(struct fbsd_vdso_timehands, th_offset) },
		{ "boottime", offsetof(struct fbsd_vdso_timehands, th_boottime) },
		{ "x86_shift", offsetof(struct fbsd_vdso_timehands, th_x86_shift) },
		{ "x86_hpet_idx", offsetof(struct fbsd_vdso_timehands, th_x86_hpet_idx) },
		/* Go's res[6] covers th_x86_pvc_last_systime, _stable_mask, th_res. */
		{ "res", offsetof(struct fbsd_vdso_timehands, th_x86_pvc_last_systime) },
	};
	static const struct { const char *go; size_t off; } tk[] = {
		{ "ver", offsetof(struct fbsd_vdso_timekeep, tk_ver) },
		{ "enabled", offsetof(struct fbsd_vdso_timekeep, tk_enabled) },
		{ "current", offsetof(struct fbsd_vdso_timekeep, tk_current) },
	};
	char *src = go_runtime_defs();
	struct go_struct *g = malloc(sizeof(*g));

	CU_ASSERT_FATAL(g != NULL);
	if (!src) {
		/* Without a Go toolchain, the sizes Go's runtime hard-codes. */
		UX_CHECK(sizeof(struct fbsd_vdso_timehands) == 0x58, "vdsoTimehandsSize");
		UX_CHECK(sizeof(struct fbsd_vdso_timekeep) == 0x10, "vdsoTimekeepSize");
		free(g);
		return;
	}
	if (go_struct_layout(src, "vdsoTimehands", g) != 0) {
		UX_CHECK(0, "Go's vdsoTimehands not understood");
	} else {
		UX_CHECK(g->size == sizeof(struct fbsd_vdso_timehands), "vdsoTimehands is %llu bytes, ours %zu",
		    (unsigned long long)g->size, sizeof(struct fbsd_vdso_timehands));
		for (size_t i = 0; i < sizeof(th) / sizeof(th[0]); i++) {
			const struct go_field *f = go_field(g, th[i].go);
			UX_CHECK(f && f->off == th[i].off, "vdsoTimehands.%s at %llu, ours at %zu", th[i].go,
			    f ? (unsigned long long)f->off : 0ull, th[i].off);
		}
	}
	if (go_struct_layout(src, "vdsoTimekeep", g) != 0) {
		UX_CHECK(0, "Go's vdsoTimekeep not understood");
	} else {
		UX_CHECK(g->size == sizeof(struct fbsd_vdso_timekeep), "vdsoTimekeep is %llu bytes, ours %zu",
		    (unsigned long long)g->size, sizeof(struct fbsd_vdso_timekeep));
		for (size_t i = 0; i < sizeof(tk) / sizeof(tk[0]); i++) {
			const struct go_field *f = go_field(g, tk[i].go);
			UX_CHECK(f && f->off == tk[i].off, "vdsoTimekeep.%s at %llu, ours at %zu", tk[i].go,
			    f ? (unsigned long long)f->off : 0ull, tk[i].off);
		}
	}
	free(g);
	free(src);
}

static int64_t
clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (int64_t)ts.tv_sec * NS + ts.tv_nsec;
}

/*
 * binuptime() as Go's runtime has it: the current timehands under the
 * generation protocol, th_scale * delta taken modulo 2^64.  0 when the
 * page is disabled.
 */
static int
go_binuptime(const struct fbsd_vdso_timekeep *tk, int abs, int64_t *ns)
{
	const struct fbsd_vdso_timehands *ths = tk->tk_th;
	struct fbsd_bintime bt;

	for (;;) {
		if (__atomic_load_n(&tk->tk_enabled, __ATOMIC_ACQUIRE) == 0)
			return 0;
		uint32_t curr = __atomic_load_n(&tk->tk_current, __ATOMIC_ACQUIRE);
		const struct fbsd_vdso_timehands *th = &ths[curr];
		uint32_t gen = __atomic_load_n(&th->th_gen, __ATOMIC_ACQUIRE);
		if (th->th_algo != FBSD_VDSO_TH_ALGO_X86_TSC)
			return 0;
		uint32_t tc = (uint32_t)(fbsd_tk_rdtsc() >> th->th_x86_shift);
		bt = th->th_offset;
		uint64_t x = th->th_scale * (uint64_t)((tc - th->th_offset_count) & th->th_counter_mask);
		struct fbsd_bintime d = { 0, x };
		fbsd_bintime_add(&bt, &d);
		if (abs)
			fbsd_bintime_add(&bt, &th->th_boottime);
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (curr == __atomic_load_n(&tk->tk_current, __ATOMIC_RELAXED) && gen != 0 &&
		    gen == __atomic_load_n(&th->th_gen, __ATOMIC_RELAXED))
			break;
	}
	*ns = fbsd_bintime_to_ns(&bt);
	return 1;
}

static int
host_keeps_tsc_time(void)
{
	char *cs = unit_slurp("/sys/devices/system/clocksource/clocksource0/current_clocksource", NULL);
	int tsc = cs && strcmp(cs, "tsc\n") == 0;

	free(cs);
	return tsc;
}

/* Every reading bracketed by clock_gettime, within this much. */
#define TOL_NS 20000

static void
check_bracket(const struct fbsd_vdso_timekeep *tk, const char *when, int *bad)
{
	int64_t m0 = clock_ns(CLOCK_MONOTONIC), g, r;
	int ok = go_binuptime(tk, 0, &g);
	int64_t m1 = clock_ns(CLOCK_MONOTONIC);
	int64_t r0 = clock_ns(CLOCK_REALTIME);
	ok &= go_binuptime(tk, 1, &r);
	int64_t r1 = clock_ns(CLOCK_REALTIME);

	if (*bad < 5 && (!ok || g < m0 - TOL_NS || g > m1 + TOL_NS)) {
		(*bad)++;
		UX_CHECK(0, "%s: page uptime %lld, CLOCK_MONOTONIC %lld .. %lld (enabled %d)", when,
		    (long long)g, (long long)m0, (long long)m1, ok);
	}
	if (*bad < 5 && (!ok || r < r0 - TOL_NS || r > r1 + TOL_NS)) {
		(*bad)++;
		UX_CHECK(0, "%s: page realtime %lld, CLOCK_REALTIME %lld .. %lld", when,
		    (long long)r, (long long)r0, (long long)r1);
	}
}

static void
test_page_vs_linux(void)
{
	uint64_t at = fbsd_timekeep_setup();
	struct fbsd_vdso_timekeep *tk = (struct fbsd_vdso_timekeep *)at;
	int64_t start = clock_ns(CLOCK_MONOTONIC), g, prev = 0;
	int bad = 0, backwards = 0, windups = 0;
	uint32_t last_gen = 0;

	CU_ASSERT_FATAL(at != 0 && tk == fbsd_timekeep_page());
	UX_CHECK(tk->tk_ver == FBSD_VDSO_TK_VER_CURR, "tk_ver %u", tk->tk_ver);
	UX_CHECK(tk->tk_enabled == 0, "the page starts disabled");

	/* Trapped calls, as fast as they come: the first wind-ups enable it. */
	while (!tk->tk_enabled && clock_ns(CLOCK_MONOTONIC) - start < 100000000)
		fbsd_timekeep_tick(NULL);
	if (!host_keeps_tsc_time()) {
		UX_CHECK(tk->tk_enabled == 0, "Linux does not keep time with the TSC: the page stays disabled");
		return;
	}
	UX_CHECK(tk->tk_enabled == 1, "enabled within 100 ms");
	if (!tk->tk_enabled)
		return;

	/* 300 ms of calls: every reading agrees with Linux and none goes back. */
	while (clock_ns(CLOCK_MONOTONIC) - start < 300000000) {
		fbsd_timekeep_tick(NULL);
		uint32_t gen = tk->tk_th[tk->tk_current].th_gen;
		windups += gen != last_gen;
		last_gen = gen;
		check_bracket(tk, "while winding up", &bad);
		for (int i = 0; i < 100; i++) {
			go_binuptime(tk, 0, &g);
			backwards += g < prev;
			prev = g;
		}
	}
	UX_CHECK(backwards == 0, "uptime went backwards %d times", backwards);
	UX_CHECK(windups >= 10, "only %d wind-ups in 300 ms", windups);

	/* No call for 600 ms: readers extrapolate from the last wind-up. */
	usleep(600000);
	check_bracket(tk, "600 ms after the last wind-up", &bad);
	/* Past one second readers' th_scale * delta would wrap: uxrun's own
	 * winder thread keeps the page fresh with no call at all. */
	usleep(1400000);
	check_bracket(tk, "2 s without a trapped call", &bad);
	/* The guest may read the page, never write it. */
	char *maps = unit_slurp("/proc/self/maps", NULL), want[64];
	snprintf(want, sizeof(want), "\n%llx-%llx r--p ", (unsigned long long)at,
	    (unsigned long long)at + 4096);
	UX_CHECK(maps && strstr(maps, want), "the page is mapped read-only (%s)", want + 1);
	free(maps);
}

int unit_register_timekeep(void);

int
unit_register_timekeep(void)
{
	CU_pSuite s = CU_add_suite("AT_TIMEKEEP page", NULL, NULL);

	if (!s)
		return CU_get_error();
	UX_ADD_TEST(s, test_bintime_ns);
	UX_ADD_TEST(s, test_scale_shift);
	UX_ADD_TEST(s, test_layout_vs_go);
	UX_ADD_TEST(s, test_page_vs_linux);
	return CUE_SUCCESS;
}
