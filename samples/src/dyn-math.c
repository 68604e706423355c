/*
 * libm.so.5 and libgcc_s.so.1 from a dynamically linked FreeBSD program:
 * double, float and long double (x87) functions, signgam as the program
 * sees it, the floating-point environment (rounding, exception flags,
 * FE_DFL_ENV), complex functions and complex multiplication (__muldc3),
 * 128-bit integer division (__divti3, __udivti3, __modti3), all bound
 * to glibc's libm and the host's libgcc.  FreeBSD 14's cospi,
 * sinpi and tanpi at their exact points (glibc 2.36 has none: the native
 * twin computes those few values itself).
 */
#include <complex.h>
#include <fenv.h>
#include <math.h>
#include <stdio.h>

#ifndef __FreeBSD__
/* The values FreeBSD's give at these points. */
static double cospi(double x) { double r = fmod(fabs(x), 2); return r == 0.5 || r == 1.5 ? 0 : cos(M_PI * r); }
static double sinpi(double x) { double r = fmod(fabs(x), 2); double s = r == 1 || r == 0 ? 0 : r == 0.5 ? 1 : r == 1.5 ? -1 : sin(M_PI * r); return x < 0 ? -s : s; }
static double tanpi(double x) { return sinpi(x) / cospi(x); }
#endif

static volatile double zero = 0.0, one = 1.0;

static void
flags(const char *what)
{
	printf("%s: %s%s%s%s%s\n", what, fetestexcept(FE_INVALID) ? " invalid" : "",
	    fetestexcept(FE_DIVBYZERO) ? " divbyzero" : "", fetestexcept(FE_OVERFLOW) ? " overflow" : "",
	    fetestexcept(FE_UNDERFLOW) ? " underflow" : "", fetestexcept(FE_INEXACT) ? " inexact" : "");
}

/* Arguments the compilers cannot fold: the library computes every value. */
static volatile double v05 = 0.5, v1 = 1.0, v2 = 2.0, v25 = 2.5, v3 = 3.0, v4 = 4.0, v5 = 5.0,
    v75 = 7.5, v10 = 10.0, v27 = 27.0, v1024 = 1024.0, vm25 = -2.5, v01 = 0.1;
static volatile float f1 = 1.0f, f2 = 2.0f, f10 = 10.0f;
static volatile long double l05 = 0.5L, l1 = 1.0L, l2 = 2.0L;

int
main(void)
{
	printf("double: sin(1) %.17g cos(1) %.17g tan(1) %.17g\n", sin(v1), cos(v1), tan(v1));
	printf("  exp(1) %.17g log(10) %.17g log2(1024) %.17g pow(2, 0.5) %.17g\n", exp(v1), log(v10),
	    log2(v1024), pow(v2, v05));
	printf("  sqrt(2) %.17g cbrt(-27) %.17g hypot(3, 4) %.17g atan2(1, -1) %.17g\n", sqrt(v2),
	    cbrt(-v27), hypot(v3, v4), atan2(v1, -v1));
	printf("  erf(0.5) %.17g tgamma(5) %.17g j0(1) %.17g fmod(7.5, 2) %.17g remainder(7.5, 2) %.17g\n",
	    erf(v05), tgamma(v5), j0(v1), fmod(v75, v2), remainder(v75, v2));
	printf("  floor/ceil/round/trunc(-2.5): %g %g %g %g, lround(2.5) %ld, fma %.17g\n", floor(vm25),
	    ceil(vm25), round(vm25), trunc(vm25), lround(v25), fma(v01, v10, -v1));
	printf("  nextafter(1, 2) - 1 = %.17g, copysign(3, -0.0) %g, nan(\"\") is NaN %d\n",
	    nextafter(v1, v2) - 1.0, copysign(v3, -0.0 * v1), isnan(nan("")));
	printf("  classification: %d %d %d %d %d\n", fpclassify(v1) == FP_NORMAL, fpclassify(v1 - v1) == FP_ZERO,
	    fpclassify(v1 / 0.0) == FP_INFINITE, fpclassify(NAN) == FP_NAN, fpclassify(1e-310 * v1) == FP_SUBNORMAL);

	double lg = lgamma(vm25);
	int s1 = signgam;
	double lg2 = lgamma(v25);
	printf("lgamma(-2.5) %.17g signgam %d, lgamma(2.5) %.17g signgam %d\n", lg, s1, lg2, signgam);

	printf("float: sinf(1) %.9g expf(1) %.9g powf(2, 10) %.9g sqrtf(2) %.9g\n", (double)sinf(f1),
	    (double)expf(f1), (double)powf(f2, f10), (double)sqrtf(f2));
	printf("long double: sqrtl(2) %.21Lg expl(1) %.21Lg powl(2, 0.5) %.21Lg\n", sqrtl(l2), expl(l1),
	    powl(l2, l05));

	fesetround(FE_UPWARD);
	volatile double up = rint(v25), upd = v1 / v3;
	fesetround(FE_DOWNWARD);
	volatile double down = rint(v25), downd = v1 / v3;
	int dn = fegetround() == FE_DOWNWARD;
	fesetenv(FE_DFL_ENV);
	printf("rounding: upward rint(2.5) %g, downward %g, 1/3 differs %d, fegetround was downward %d\n", up,
	    down, upd != downd, dn);
	printf("  after FE_DFL_ENV: to nearest %d, rint(2.5) %g\n", fegetround() == FE_TONEAREST, rint(v25));
	feclearexcept(FE_ALL_EXCEPT);
	flags("flags after clearing");
	volatile double q = one / zero;
	(void)q;
	flags("after 1/0");
	feraiseexcept(FE_OVERFLOW);
	flags("after feraiseexcept(FE_OVERFLOW)");
	fexcept_t saved;
	fegetexceptflag(&saved, FE_ALL_EXCEPT);
	feclearexcept(FE_ALL_EXCEPT);
	fesetexceptflag(&saved, FE_DIVBYZERO);
	flags("divbyzero put back");
	fenv_t env;
	feholdexcept(&env);
	flags("held");
	volatile double inv = sqrt(-one);
	(void)inv;
	feupdateenv(&env);
	flags("updated with sqrt(-1)'s invalid");
	feclearexcept(FE_ALL_EXCEPT);

	double complex z = v1 + v2 * I, w = v3 - v1 * I;
	volatile double complex vz = z, vw = w;
	double complex p = vz * vw, e = cexp(I * M_PI * v1);
	printf("complex: (1+2i)(3-i) = %g%+gi, |3+4i| %g, cexp(i pi) real %.17g\n", creal(p), cimag(p),
	    cabs(v3 + v4 * I), creal(e));

	volatile __int128 a = (__int128)123456789012345678LL * 1000000007, b = 987654321;
	volatile unsigned __int128 ua = (unsigned __int128)a;
	printf("__int128: a / b = %lld, a %% b = %lld, unsigned a / b = %llu\n", (long long)(a / b),
	    (long long)(a % b), (unsigned long long)(ua / (unsigned __int128)b));

	printf("pi functions: cospi(0.5) %g cospi(1) %g sinpi(0.5) %g sinpi(-2) %g tanpi(0) %g\n", cospi(v05),
	    cospi(v1), sinpi(v05), sinpi(-v2), tanpi(v1 - v1));
	return 0;
}
