/* uxrun FreeBSD SDK: complex arithmetic (libm.so.5; FreeBSD's <complex.h>). */
#ifndef _UXRT_COMPLEX_H
#define _UXRT_COMPLEX_H

#define complex		_Complex
#define _Complex_I	((float _Complex)1.0i)
#define I		_Complex_I

#define creal(z)	__real__(z)
#define cimag(z)	__imag__(z)

double cabs(double complex);
double carg(double complex);
double complex cexp(double complex);
double complex clog(double complex);
double complex cpow(double complex, double complex);
double complex csqrt(double complex);
double complex csin(double complex);
double complex ccos(double complex);
double complex conj(double complex);

#endif
