/*
 * lgamma and its relatives set signgam, a libm data object.  A FreeBSD
 * program that reads it has its own copy (a COPY relocation): glibc's
 * lgamma writes glibc's signgam, so these write the sign to libshim's
 * and to the guest's copy, which the runtime linker names
 * (ux_shim_data_moved).  Also the classification helpers FreeBSD's
 * <math.h> macros call and glibc has under no such name.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "libshim/freebsd/libm_shim.h"

int shim_signgam;
static int *guest_signgam;

void
shim_libm_guest_data(const char *name, void *addr)
{
	if (strcmp(name, "signgam") == 0)
		guest_signgam = addr;
}

static void
set_signgam(int s)
{
	shim_signgam = s;
	if (guest_signgam)
		*guest_signgam = s;
}

double
shim_lgamma(double x)
{
	int s;
	double r = lgamma_r(x, &s);

	set_signgam(s);
	return r;
}

float
shim_lgammaf(float x)
{
	int s;
	float r = lgammaf_r(x, &s);

	set_signgam(s);
	return r;
}

long double
shim_lgammal(long double x)
{
	int s;
	long double r = lgammal_r(x, &s);

	set_signgam(s);
	return r;
}

/* FreeBSD's gamma is lgamma, as glibc's is. */
double
shim_gamma(double x)
{
	return shim_lgamma(x);
}

float
shim_gammaf(float x)
{
	return shim_lgammaf(x);
}

int shim___isnormal(double x) { return isnormal(x); }
int shim___isnormalf(float x) { return isnormal(x); }
int shim___isnormall(long double x) { return isnormal(x); }
