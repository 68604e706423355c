/*
 * FreeBSD amd64's floating-point environment (lib/msun/amd64/fenv.c and
 * machine/fenv.h): every function acts on the x87 unit and on SSE's
 * MXCSR together.  The values are the hardware's, as glibc's are, but
 * FreeBSD's FE_ALL_EXCEPT includes FE_DENORMAL (0x02), which glibc masks
 * off, and FreeBSD's FE_DFL_ENV is &__fe_dfl_env, not glibc's (fenv_t *)-1:
 * hence these, written from the instructions up.
 */
#include "config.h"

#include "libshim/freebsd/libm_shim.h"

#define FE_ALL_EXCEPT	0x3f	/* invalid, denormal, divbyzero, overflow, underflow, inexact */
#define FE_ROUND_MASK	0xc00
#define SSE_ROUND_SHIFT	3
#define SSE_EMASK_SHIFT	7

/* FreeBSD's __INITIAL_FPUCW__ and __INITIAL_MXCSR__, all else cleared. */
const struct fbsd_fenv shim_fe_dfl_env = {
	{ 0xffff0000u | 0x037f, 0xffff0000u, 0xffffffffu,
	  { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (char)0xff, (char)0xff } },
	0x1f80,
};

static inline uint32_t
get_mxcsr(void)
{
	uint32_t m;

	__asm__ volatile("stmxcsr %0" : "=m"(m));
	return m;
}

static inline void
set_mxcsr(uint32_t m)
{
	__asm__ volatile("ldmxcsr %0" : : "m"(m));
}

static inline uint16_t
get_sw(void)
{
	uint16_t sw;

	__asm__ volatile("fnstsw %0" : "=am"(sw));
	return sw;
}

static inline uint16_t
get_cw(void)
{
	uint16_t cw;

	__asm__ volatile("fnstcw %0" : "=m"(cw));
	return cw;
}

static inline void
set_cw(uint16_t cw)
{
	__asm__ volatile("fldcw %0" : : "m"(cw));
}

static inline void
get_x87(struct fbsd_fenv *e)
{
	__asm__ volatile("fnstenv %0" : "=m"(e->x87));
}

static inline void
set_x87(const struct fbsd_fenv *e)
{
	__asm__ volatile("fldenv %0" : : "m"(e->x87) : "st", "st(1)", "st(2)", "st(3)", "st(4)",
	    "st(5)", "st(6)", "st(7)");
}

int
shim_feclearexcept(int excepts)
{
	struct fbsd_fenv e;

	excepts &= FE_ALL_EXCEPT;
	get_x87(&e);
	e.x87.status &= ~(uint32_t)excepts;
	set_x87(&e);
	set_mxcsr(get_mxcsr() & ~(uint32_t)excepts);
	return 0;
}

int
shim_fegetexceptflag(uint16_t *flagp, int excepts)
{
	*flagp = (uint16_t)((get_mxcsr() | get_sw()) & (uint32_t)excepts & FE_ALL_EXCEPT);
	return 0;
}

int
shim_fesetexceptflag(const uint16_t *flagp, int excepts)
{
	struct fbsd_fenv e;
	uint32_t m;

	excepts &= FE_ALL_EXCEPT;
	get_x87(&e);
	e.x87.status = (e.x87.status & ~(uint32_t)excepts) | (*flagp & (uint32_t)excepts);
	set_x87(&e);
	m = get_mxcsr();
	set_mxcsr((m & ~(uint32_t)excepts) | (*flagp & (uint32_t)excepts));
	return 0;
}

int
shim_feraiseexcept(int excepts)
{
	uint16_t f = (uint16_t)excepts;

	shim_fesetexceptflag(&f, excepts);
	/* Traps enabled for them fire now, as on FreeBSD. */
	__asm__ volatile("fwait");
	return 0;
}

int
shim_fetestexcept(int excepts)
{
	return (int)((get_sw() | get_mxcsr()) & (uint32_t)excepts & FE_ALL_EXCEPT);
}

int
shim_fegetround(void)
{
	return get_cw() & FE_ROUND_MASK;
}

int
shim_fesetround(int round)
{
	if (round & ~FE_ROUND_MASK)
		return -1;
	set_cw((uint16_t)((get_cw() & ~FE_ROUND_MASK) | round));
	set_mxcsr((get_mxcsr() & ~(FE_ROUND_MASK << SSE_ROUND_SHIFT)) | ((uint32_t)round << SSE_ROUND_SHIFT));
	return 0;
}

int
shim_fegetenv(struct fbsd_fenv *envp)
{
	get_x87(envp);
	envp->mxcsr = get_mxcsr();
	/* fnstenv masks every exception; put the control word back. */
	set_cw((uint16_t)envp->x87.control);
	return 0;
}

int
shim_fesetenv(const struct fbsd_fenv *envp)
{
	set_x87(envp);
	set_mxcsr(envp->mxcsr);
	return 0;
}

int
shim_feholdexcept(struct fbsd_fenv *envp)
{
	uint32_t m;

	get_x87(envp);
	__asm__ volatile("fnclex");
	m = get_mxcsr();
	envp->mxcsr = m;
	m &= ~(uint32_t)FE_ALL_EXCEPT;
	m |= FE_ALL_EXCEPT << SSE_EMASK_SHIFT;
	set_mxcsr(m);
	return 0;
}

int
shim_feupdateenv(const struct fbsd_fenv *envp)
{
	uint32_t raised = (get_sw() | get_mxcsr()) & FE_ALL_EXCEPT;

	shim_fesetenv(envp);
	shim_feraiseexcept((int)raised);
	return 0;
}

/* Both return the exceptions enabled before: masked in neither unit. */
int
shim_feenableexcept(int mask)
{
	uint32_t m = get_mxcsr();
	uint16_t cw = get_cw();
	int old = (int)(~(cw | (m >> SSE_EMASK_SHIFT)) & FE_ALL_EXCEPT);

	mask &= FE_ALL_EXCEPT;
	set_cw((uint16_t)(cw & ~mask));
	set_mxcsr(m & ~((uint32_t)mask << SSE_EMASK_SHIFT));
	return old;
}

int
shim_fedisableexcept(int mask)
{
	uint32_t m = get_mxcsr();
	uint16_t cw = get_cw();
	int old = (int)(~(cw | (m >> SSE_EMASK_SHIFT)) & FE_ALL_EXCEPT);

	mask &= FE_ALL_EXCEPT;
	set_cw((uint16_t)(cw | mask));
	set_mxcsr(m | ((uint32_t)mask << SSE_EMASK_SHIFT));
	return old;
}
