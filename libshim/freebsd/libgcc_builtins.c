/*
 * compiler-rt builtins FreeBSD's libgcc_s.so.1 exports that x86-64's
 * libgcc does not have: the 64-bit ("di") integer and conversion
 * routines, which GCC only needs on 32-bit targets but compiler-rt builds
 * everywhere, the 32-bit bit counts, and __cmptf2.  Semantics are
 * compiler-rt's (its lib/builtins); each is a plain C operation here,
 * where the instruction exists.
 */
#include "config.h"

#include "libshim/freebsd/libgcc_shim.h"

long shim___ashldi3(long a, int b) { return (long)((unsigned long)a << b); }
long shim___ashrdi3(long a, int b) { return a >> b; }
long shim___lshrdi3(long a, int b) { return (long)((unsigned long)a >> b); }
long shim___divdi3(long a, long b) { return a / b; }
long shim___moddi3(long a, long b) { return a % b; }
long shim___muldi3(long a, long b) { return (long)((unsigned long)a * (unsigned long)b); }
long shim___negdi2(long a) { return (long)(0 - (unsigned long)a); }
unsigned long shim___udivdi3(unsigned long a, unsigned long b) { return a / b; }
unsigned long shim___umoddi3(unsigned long a, unsigned long b) { return a % b; }

/* Less, equal, greater: 0, 1, 2. */
int shim___cmpdi2(long a, long b) { return a < b ? 0 : a > b ? 2 : 1; }
int shim___ucmpdi2(unsigned long a, unsigned long b) { return a < b ? 0 : a > b ? 2 : 1; }

unsigned long
shim___udivmoddi4(unsigned long a, unsigned long b, unsigned long *rem)
{
	if (rem)
		*rem = a % b;
	return a / b;
}

long shim___fixdfdi(double a) { return (long)a; }
long shim___fixsfdi(float a) { return (long)a; }
long shim___fixxfdi(long double a) { return (long)a; }
unsigned shim___fixunsdfsi(double a) { return (unsigned)a; }
unsigned shim___fixunssfsi(float a) { return (unsigned)a; }
unsigned shim___fixunsxfsi(long double a) { return (unsigned)a; }
double shim___floatdidf(long a) { return (double)a; }
float shim___floatdisf(long a) { return (float)a; }
long double shim___floatdixf(long a) { return (long double)a; }
double shim___floatundidf(unsigned long a) { return (double)a; }
float shim___floatundisf(unsigned long a) { return (float)a; }
long double shim___floatundixf(unsigned long a) { return (long double)a; }

int shim___clzsi2(unsigned a) { return __builtin_clz(a); }
int shim___ctzsi2(unsigned a) { return __builtin_ctz(a); }
int shim___paritysi2(unsigned a) { return __builtin_parity(a); }
int shim___popcountsi2(unsigned a) { return __builtin_popcount(a); }

/* compiler-rt's __cmptf2 is __letf2: -1, 0, 1, and 1 when unordered. */

int
shim___cmptf2(__float128 a, __float128 b)
{
	return __letf2(a, b);
}
