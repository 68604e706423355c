/*
 * FreeBSD 14's cospi, sinpi and tanpi (C23), which glibc 2.36 lacks.  The
 * argument is reduced exactly (fmod by 2 is exact), split into a
 * quarter-turn count and a rest below 1/2, and the rest goes to glibc's
 * sin or cos of pi times it: exact at the integers and half-integers,
 * within a couple of ulps elsewhere, where msun's own kernels may differ
 * in the last place.  Special values as FreeBSD's manual pages give them:
 * sinpi(±n) = ±0, cospi(n + 1/2) = +0, tanpi(n + 1/2) = ±Inf with
 * divide-by-zero, and NaN with invalid for infinities.
 */
#include "config.h"

#include <math.h>

#include "libshim/freebsd/libm_shim.h"

/* sin(pi x) and cos(pi x) of |x| reduced: q is the number of half-units. */
#define DEFINE_PI(T, SUF, PI)							\
static void									\
sincospi##SUF(T x, T *s, T *c)							\
{										\
	T r = fmod##SUF(fabs##SUF(x), 2);					\
	int q = (int)(r * 2);							\
	T f = r - (T)q / 2, sf = sin##SUF(PI * f), cf = cos##SUF(PI * f);	\
										\
	if (f == 0) {								\
		sf = 0;								\
		cf = 1;								\
	}									\
	switch (q) {								\
	case 0: *s = sf; *c = cf; break;					\
	case 1: *s = cf; *c = -sf; break;					\
	case 2: *s = -sf; *c = -cf; break;					\
	default: *s = -cf; *c = sf; break;					\
	}									\
	if (x < 0)								\
		*s = -*s;							\
}										\
										\
T										\
shim_sinpi##SUF(T x)								\
{										\
	T s, c;									\
										\
	if (isnan(x) || isinf(x))						\
		return (x - x) / (x - x);					\
	sincospi##SUF(x, &s, &c);						\
	return s == 0 ? copysign##SUF(0, x) : s;				\
}										\
										\
T										\
shim_cospi##SUF(T x)								\
{										\
	T s, c;									\
										\
	if (isnan(x) || isinf(x))						\
		return (x - x) / (x - x);					\
	sincospi##SUF(x, &s, &c);						\
	return c == 0 ? 0 : c;							\
}										\
										\
T										\
shim_tanpi##SUF(T x)								\
{										\
	T s, c;									\
										\
	if (isnan(x) || isinf(x))						\
		return (x - x) / (x - x);					\
	sincospi##SUF(x, &s, &c);						\
	if (c == 0)								\
		return s / (T)0.0;	/* ±Inf, divide-by-zero */		\
	if (s == 0)								\
		return copysign##SUF(0, x) / c;					\
	return s / c;								\
}

DEFINE_PI(double, , M_PI)
DEFINE_PI(float, f, (float)M_PI)
DEFINE_PI(long double, l, M_PIl)
