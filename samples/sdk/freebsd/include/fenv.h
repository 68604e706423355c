/* uxrun FreeBSD SDK: the floating-point environment (FreeBSD amd64's
 * <fenv.h>: x87 and SSE together). */
#ifndef _UXRT_FENV_H
#define _UXRT_FENV_H

#include <stdint.h>

typedef struct {
	struct {
		uint32_t __control;
		uint32_t __status;
		uint32_t __tag;
		char __other[16];
	} __x87;
	uint32_t __mxcsr;
} fenv_t;

typedef uint16_t fexcept_t;

#define FE_INVALID	0x01
#define FE_DENORMAL	0x02
#define FE_DIVBYZERO	0x04
#define FE_OVERFLOW	0x08
#define FE_UNDERFLOW	0x10
#define FE_INEXACT	0x20
#define FE_ALL_EXCEPT	(FE_DIVBYZERO | FE_DENORMAL | FE_INEXACT | FE_INVALID | FE_OVERFLOW | FE_UNDERFLOW)

#define FE_TONEAREST	0x0000
#define FE_DOWNWARD	0x0400
#define FE_UPWARD	0x0800
#define FE_TOWARDZERO	0x0c00

extern const fenv_t __fe_dfl_env;
#define FE_DFL_ENV	(&__fe_dfl_env)

int feclearexcept(int excepts);
int fegetexceptflag(fexcept_t *flagp, int excepts);
int fesetexceptflag(const fexcept_t *flagp, int excepts);
int feraiseexcept(int excepts);
int fetestexcept(int excepts);
int fegetround(void);
int fesetround(int round);
int fegetenv(fenv_t *envp);
int fesetenv(const fenv_t *envp);
int feholdexcept(fenv_t *envp);
int feupdateenv(const fenv_t *envp);
int feenableexcept(int mask);
int fedisableexcept(int mask);

#endif
