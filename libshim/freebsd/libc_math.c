/*
 * The numeric functions FreeBSD keeps in libc rather than libm
 * (lib/libc/gen, lib/libc/amd64): all glibc's own but the classifier,
 * whose FP_* values differ (FreeBSD's are bits: FP_INFINITE 0x01, FP_NAN
 * 0x02, FP_NORMAL 0x04, FP_SUBNORMAL 0x08, FP_ZERO 0x10).
 */
#include "config.h"

#include "libshim/freebsd/libc_shim.h"

#define FBSD_FP_INFINITE	0x01
#define FBSD_FP_NAN		0x02
#define FBSD_FP_NORMAL		0x04
#define FBSD_FP_SUBNORMAL	0x08
#define FBSD_FP_ZERO		0x10

#define FBSD_FPCLASSIFY(x) __builtin_fpclassify(FBSD_FP_NAN, FBSD_FP_INFINITE, FBSD_FP_NORMAL, \
	FBSD_FP_SUBNORMAL, FBSD_FP_ZERO, x)

int shim___fpclassifyd(double x) { return FBSD_FPCLASSIFY(x); }
int shim___fpclassifyf(float x) { return FBSD_FPCLASSIFY(x); }
int shim___fpclassifyl(long double x) { return FBSD_FPCLASSIFY(x); }
