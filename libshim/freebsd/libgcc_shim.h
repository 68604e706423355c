/*
 * libshim's FreeBSD libgcc_s.so.1 (libgcc_s.so.1.spec): the host libgcc's
 * functions the table binds to, and the few written here
 * (libgcc_builtins.c).  The table only takes their addresses, so the
 * compiler-rt builtins, whose C prototypes no header gives, are declared
 * without their arguments; the guest calls them with the ABI the compiler
 * that built it expects, which is the host libgcc's.
 */
#ifndef LIBSHIM_FBSD_LIBGCC_SHIM_H
#define LIBSHIM_FBSD_LIBGCC_SHIM_H

#include <stdint.h>
#include <unwind.h>

/* The unwinder (libgcc_s.so.1); the rest of it is in <unwind.h>. */
const void *_Unwind_Find_FDE(void *pc, void *bases);
_Unwind_Reason_Code __gcc_personality_v0(int version, _Unwind_Action actions,
    _Unwind_Exception_Class cls, struct _Unwind_Exception *exc, struct _Unwind_Context *ctx);

/* Frame registration (libgcc_s.so.1). */
void __register_frame(void *begin);
void __register_frame_info(const void *begin, void *ob);
void __register_frame_info_bases(const void *begin, void *ob, void *tbase, void *dbase);
void __register_frame_info_table(void *begin, void *ob);
void __register_frame_info_table_bases(void *begin, void *ob, void *tbase, void *dbase);
void __register_frame_table(void *begin);
void __deregister_frame(void *begin);
void *__deregister_frame_info(const void *begin);
void *__deregister_frame_info_bases(const void *begin);

/* libgcc.a and libgcc_s.so.1: arithmetic, conversions, soft float. */
void __clear_cache(void *begin, void *end);
void __absvdi2(void);
void __absvsi2(void);
void __addvdi3(void);
void __addvsi3(void);
void __ashlti3(void);
void __ashrti3(void);
void __cmpti2(void);
void __divti3(void);
void __ffsdi2(void);
void __ffsti2(void);
void __fixdfti(void);
void __fixsfti(void);
void __fixunsdfdi(void);
void __fixunsdfti(void);
void __fixunssfdi(void);
void __fixunssfti(void);
void __fixunsxfdi(void);
void __fixunsxfti(void);
void __fixxfti(void);
void __floattidf(void);
void __floattisf(void);
void __floattixf(void);
void __lshrti3(void);
void __modti3(void);
void __multi3(void);
void __mulvdi3(void);
void __mulvsi3(void);
void __negti2(void);
void __negvdi2(void);
void __negvsi2(void);
void __subvdi3(void);
void __subvsi3(void);
void __ucmpti2(void);
void __udivmodti4(void);
void __udivti3(void);
void __umodti3(void);
void __clzdi2(void);
void __clzti2(void);
void __ctzdi2(void);
void __ctzti2(void);
void __paritydi2(void);
void __parityti2(void);
void __popcountdi2(void);
void __popcountti2(void);
void __enable_execute_stack(void);
void __absvti2(void);
void __addvti3(void);
void __mulvti3(void);
void __negvti2(void);
void __subvti3(void);
_Complex double __divdc3(double, double, double, double);
_Complex float __divsc3(float, float, float, float);
_Complex long double __divxc3(long double, long double, long double, long double);
_Complex double __muldc3(double, double, double, double);
_Complex float __mulsc3(float, float, float, float);
_Complex long double __mulxc3(long double, long double, long double, long double);
void __powidf2(void);
void __powisf2(void);
void __powixf2(void);
void __floatuntidf(void);
void __floatuntisf(void);
void __floatuntixf(void);
void __bswapdi2(void);
void __bswapsi2(void);
void __addtf3(void);
void __divtf3(void);
void __eqtf2(void);
void __extenddftf2(void);
void __extendsftf2(void);
void __fixtfdi(void);
void __fixtfsi(void);
void __fixtfti(void);
void __fixunstfdi(void);
void __fixunstfsi(void);
void __fixunstfti(void);
void __floatditf(void);
void __floatsitf(void);
void __floattitf(void);
void __floatunditf(void);
void __floatunsitf(void);
void __floatuntitf(void);
void __getf2(void);
void __gttf2(void);
int __letf2(__float128 a, __float128 b);
void __lttf2(void);
void __multf3(void);
void __netf2(void);
void __subtf3(void);
void __trunctfdf2(void);
void __trunctfsf2(void);
void __unordtf2(void);

/* libgcc_builtins.c: what x86-64's libgcc leaves out. */
long shim___ashldi3(long a, int b);
long shim___ashrdi3(long a, int b);
long shim___lshrdi3(long a, int b);
int shim___cmpdi2(long a, long b);
int shim___ucmpdi2(unsigned long a, unsigned long b);
long shim___divdi3(long a, long b);
long shim___moddi3(long a, long b);
long shim___muldi3(long a, long b);
long shim___negdi2(long a);
unsigned long shim___udivdi3(unsigned long a, unsigned long b);
unsigned long shim___umoddi3(unsigned long a, unsigned long b);
unsigned long shim___udivmoddi4(unsigned long a, unsigned long b, unsigned long *rem);
long shim___fixdfdi(double a);
long shim___fixsfdi(float a);
long shim___fixxfdi(long double a);
unsigned shim___fixunsdfsi(double a);
unsigned shim___fixunssfsi(float a);
unsigned shim___fixunsxfsi(long double a);
double shim___floatdidf(long a);
float shim___floatdisf(long a);
long double shim___floatdixf(long a);
double shim___floatundidf(unsigned long a);
float shim___floatundisf(unsigned long a);
long double shim___floatundixf(unsigned long a);
int shim___clzsi2(unsigned a);
int shim___ctzsi2(unsigned a);
int shim___paritysi2(unsigned a);
int shim___popcountsi2(unsigned a);
int shim___cmptf2(__float128 a, __float128 b);

#endif
