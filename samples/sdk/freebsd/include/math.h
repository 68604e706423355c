/*
 * uxrun FreeBSD SDK: libm.so.5 (FreeBSD's <math.h>).  Classification is
 * done by the compiler's builtins, with FreeBSD's FP_* values (not
 * glibc's); FreeBSD's libm reports errors by exceptions only.
 */
#ifndef _UXRT_MATH_H
#define _UXRT_MATH_H

#define HUGE_VAL	__builtin_huge_val()
#define HUGE_VALF	__builtin_huge_valf()
#define HUGE_VALL	__builtin_huge_vall()
#define INFINITY	__builtin_inff()
#define NAN		__builtin_nanf("")

#define FP_INFINITE	0x01
#define FP_NAN		0x02
#define FP_NORMAL	0x04
#define FP_SUBNORMAL	0x08
#define FP_ZERO		0x10

#define MATH_ERRNO	1
#define MATH_ERREXCEPT	2
#define math_errhandling MATH_ERREXCEPT

#define FP_ILOGB0	(-__INT_MAX__)
#define FP_ILOGBNAN	__INT_MAX__

#define fpclassify(x) \
	__builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO, x)
#define isfinite(x)	__builtin_isfinite(x)
#define isinf(x)	__builtin_isinf(x)
#define isnan(x)	__builtin_isnan(x)
#define isnormal(x)	__builtin_isnormal(x)
#define signbit(x)	__builtin_signbit(x)
#define isgreater(x, y)		__builtin_isgreater(x, y)
#define isgreaterequal(x, y)	__builtin_isgreaterequal(x, y)
#define isless(x, y)		__builtin_isless(x, y)
#define islessequal(x, y)	__builtin_islessequal(x, y)
#define islessgreater(x, y)	__builtin_islessgreater(x, y)
#define isunordered(x, y)	__builtin_isunordered(x, y)

#define M_E		2.7182818284590452354
#define M_LN2		0.69314718055994530942
#define M_LN10		2.30258509299404568402
#define M_PI		3.14159265358979323846
#define M_PI_2		1.57079632679489661923
#define M_SQRT2		1.41421356237309504880

extern int signgam;

double acos(double);
double asin(double);
double atan(double);
double atan2(double, double);
double cos(double);
double sin(double);
double tan(double);
double cosh(double);
double sinh(double);
double tanh(double);
double acosh(double);
double asinh(double);
double atanh(double);
double exp(double);
double exp2(double);
double expm1(double);
double frexp(double, int *);
int ilogb(double);
double ldexp(double, int);
double log(double);
double log10(double);
double log1p(double);
double log2(double);
double logb(double);
double modf(double, double *);
double scalbn(double, int);
double cbrt(double);
double fabs(double);
double hypot(double, double);
double pow(double, double);
double sqrt(double);
double erf(double);
double erfc(double);
double lgamma(double);
double lgamma_r(double, int *);
double tgamma(double);
double ceil(double);
double floor(double);
double nearbyint(double);
double rint(double);
long lrint(double);
long lround(double);
double round(double);
double trunc(double);
double fmod(double, double);
double remainder(double, double);
double remquo(double, double, int *);
double copysign(double, double);
double nan(const char *);
double nextafter(double, double);
double fdim(double, double);
double fmax(double, double);
double fmin(double, double);
double fma(double, double, double);
double j0(double);
double j1(double);
double y0(double);
double y1(double);
void sincos(double, double *, double *);
double cospi(double);
double sinpi(double);
double tanpi(double);

float cosf(float);
float sinf(float);
float tanf(float);
float expf(float);
float logf(float);
float powf(float, float);
float sqrtf(float);
float fabsf(float);
float floorf(float);
float ceilf(float);
float roundf(float);
float lgammaf(float);
float cbrtf(float);
float hypotf(float, float);
float fmodf(float, float);
float cospif(float);

long double cosl(long double);
long double sinl(long double);
long double tanl(long double);
long double expl(long double);
long double logl(long double);
long double powl(long double, long double);
long double sqrtl(long double);
long double fabsl(long double);
long double floorl(long double);
long double roundl(long double);
long double fmal(long double, long double, long double);
long double lgammal(long double);
long double cospil(long double);
long double sinpil(long double);

#endif
