/*
 * libshim's FreeBSD libm.so.5 (libm.so.5.spec): what is written here
 * rather than bound to glibc's libm.
 */
#ifndef LIBSHIM_FBSD_LIBM_SHIM_H
#define LIBSHIM_FBSD_LIBM_SHIM_H

#include <stdint.h>

/* FreeBSD amd64's fenv_t: the x87 environment as fnstenv stores it, then
 * MXCSR (machine/fenv.h); fexcept_t is 16 bits. */
struct fbsd_fenv {
	struct {
		uint32_t control, status, tag;
		char other[16];
	} x87;
	uint32_t mxcsr;
};
_Static_assert(sizeof(struct fbsd_fenv) == 32, "FreeBSD's fenv_t is 32 bytes");

/* libm_fenv.c */
extern const struct fbsd_fenv shim_fe_dfl_env;
int shim_feclearexcept(int excepts);
int shim_fegetexceptflag(uint16_t *flagp, int excepts);
int shim_fesetexceptflag(const uint16_t *flagp, int excepts);
int shim_feraiseexcept(int excepts);
int shim_fetestexcept(int excepts);
int shim_fegetround(void);
int shim_fesetround(int round);
int shim_fegetenv(struct fbsd_fenv *envp);
int shim_fesetenv(const struct fbsd_fenv *envp);
int shim_feholdexcept(struct fbsd_fenv *envp);
int shim_feupdateenv(const struct fbsd_fenv *envp);
int shim_feenableexcept(int mask);
int shim_fedisableexcept(int mask);

/* libm_gamma.c: signgam, and where the guest's copy of it is. */
extern int shim_signgam;
void shim_libm_guest_data(const char *name, void *addr);
double shim_lgamma(double x);
float shim_lgammaf(float x);
long double shim_lgammal(long double x);
double shim_gamma(double x);
float shim_gammaf(float x);
int shim___isnormal(double x);
int shim___isnormalf(float x);
int shim___isnormall(long double x);

/* libm_pi.c */
double shim_cospi(double x);
float shim_cospif(float x);
long double shim_cospil(long double x);
double shim_sinpi(double x);
float shim_sinpif(float x);
long double shim_sinpil(long double x);
double shim_tanpi(double x);
float shim_tanpif(float x);
long double shim_tanpil(long double x);

#endif
