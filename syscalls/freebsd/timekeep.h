/*
 * FreeBSD's AT_TIMEKEEP page: the kernel's struct vdso_timekeep and its
 * ring of struct vdso_timehands (sys/sys/vdso.h, sys/x86/include/vdso.h),
 * from which libc (__vdso_gettimeofday.c) and Go's runtime
 * (vdso_freebsd.go) read CLOCK_MONOTONIC and CLOCK_REALTIME with rdtsc
 * instead of a system call:
 *
 *   uptime = th_offset + th_scale * (((tsc >> th_x86_shift) - th_offset_count) & mask)
 *   realtime = uptime + th_boottime
 *
 * in bintime units (seconds and 2^-64 fractions).  uxrun fills the page
 * from Linux's clocks and winds it up (kern_tc.c's tc_windup) from the
 * trap path; see timekeep.c.
 */
#ifndef FBSD_TIMEKEEP_H
#define FBSD_TIMEKEEP_H

#include <stddef.h>
#include <stdint.h>

struct uxcall;

/* <sys/time.h> struct bintime */
struct fbsd_bintime {
	int64_t sec;
	uint64_t frac;
};

/* <sys/vdso.h> struct vdso_timehands with amd64's VDSO_TIMEHANDS_MD */
struct fbsd_vdso_timehands {
	uint32_t th_algo;
	uint32_t th_gen;		/* 0 while being written */
	uint64_t th_scale;		/* bintime fraction per counter tick */
	uint32_t th_offset_count;
	uint32_t th_counter_mask;
	struct fbsd_bintime th_offset;	/* uptime at th_offset_count */
	struct fbsd_bintime th_boottime;	/* realtime - uptime */
	uint32_t th_x86_shift;		/* the counter is rdtsc >> this */
	uint32_t th_x86_hpet_idx;
	uint64_t th_x86_pvc_last_systime;
	uint8_t th_x86_pvc_stable_mask;
	uint8_t th_res[15];
};

/* <sys/vdso.h> struct vdso_timekeep; tk_th[] is 8-aligned, after a pad */
struct fbsd_vdso_timekeep {
	uint32_t tk_ver;
	uint32_t tk_enabled;
	uint32_t tk_current;		/* index of the timehands to read */
	uint32_t tk_pad;
	struct fbsd_vdso_timehands tk_th[];
};

#define FBSD_VDSO_TK_VER_CURR	1
#define FBSD_VDSO_TH_ALGO_X86_TSC 1
#define FBSD_VDSO_TH_NUM	4	/* kernel-only in vdso.h; Go's _VDSO_TH_NUM */

/* Go's vdsoTimehandsSize and vdsoTimekeepSize (defs_freebsd_amd64.go). */
_Static_assert(sizeof(struct fbsd_vdso_timehands) == 0x58, "struct vdso_timehands");
_Static_assert(sizeof(struct fbsd_vdso_timekeep) == 0x10, "struct vdso_timekeep");
_Static_assert(offsetof(struct fbsd_vdso_timehands, th_offset) == 24, "th_offset");
_Static_assert(offsetof(struct fbsd_vdso_timehands, th_x86_shift) == 56, "th_x86_shift");

/*
 * Maps the page (read-only for the guest) and takes the first clock
 * sample.  Returns the address for AT_TIMEKEEP, or 0 when no page could be
 * mapped.  The page starts with tk_enabled 0 (readers make the system
 * call) and is enabled by a later wind-up once the TSC rate is known, and
 * only when Linux itself keeps time with an invariant TSC.
 */
uint64_t fbsd_timekeep_setup(void);

/* A forked child (one thread, the caller's) starts its own winder. */
void fbsd_timekeep_fork_child(void);

/* After every trapped call: winds the page up when it is getting old. */
void fbsd_timekeep_tick(struct uxcall *c);

/* The bintime arithmetic, shared with the unit tests. */
void fbsd_bintime_from_ns(int64_t ns, struct fbsd_bintime *bt);
int64_t fbsd_bintime_to_ns(const struct fbsd_bintime *bt);
void fbsd_bintime_add(struct fbsd_bintime *bt, const struct fbsd_bintime *x);
/* bt += scale * n, without losing the part above one second. */
void fbsd_bintime_addmul(struct fbsd_bintime *bt, uint64_t scale, uint64_t n);
/* th_scale for a counter that advanced dtsc >> shift ticks in dns nanoseconds. */
uint64_t fbsd_tk_scale(uint64_t dns, uint64_t dtsc, unsigned shift);
/* The smallest shift that brings a TSC of freq Hz to at most 2^28 Hz. */
unsigned fbsd_tk_shift(uint64_t freq);
/*
 * What a FreeBSD reader computes from th at TSC value tsc: libc's
 * binuptime() (abs: plus th_boottime).  Go's runtime does the same but
 * adds only the low 64 bits of th_scale * delta, so its deltas must stay
 * under a second.
 */
void fbsd_tk_read(const struct fbsd_vdso_timehands *th, uint64_t tsc, int abs,
    struct fbsd_bintime *bt);

/* The page, and the wind-up's clock: for the unit tests. */
struct fbsd_vdso_timekeep *fbsd_timekeep_page(void);
uint64_t fbsd_tk_rdtsc(void);

#endif
