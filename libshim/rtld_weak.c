/*
 * Stand-ins for the runtime linker's per-thread state (loader/rtld.h),
 * which libshim uses around guest callbacks and in the threads it starts.
 * The runtime linker is linked into the uxrun command only; libuxrun.so and
 * the unit tests, which carry libshim without it, link against these, and
 * in uxrun the real definitions (loader/rtld_tramp.c, rtld_tls.c) win.
 */
#include "config.h"

#include <stdint.h>

#include "loader/rtld.h"

static uint8_t dummy_sel;

__attribute__((weak)) __thread uint8_t *ux_guest_sel UX_TLS_MODEL = &dummy_sel;
__attribute__((weak)) __thread struct ux_thread *ux_rtld_td UX_TLS_MODEL;

__attribute__((weak)) void *
ux_rtld_shim_tls(const char *soname, const char *name)
{
	return NULL;
}

__attribute__((weak)) void
ux_rtld_thread_attach(struct ux_thread *td)
{
	ux_rtld_td = td;
}
