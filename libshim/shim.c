/*
 * libshim's registry of hook tables (one per soname, generated from
 * libshim/<personality>/<soname>.spec) and the lookup the runtime linker
 * binds guest imports with.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "libshim/shim.h"
#include "libshim/shim_gen.h"
#include "libshim/freebsd/libc_shim.h"
#include "libshim/freebsd/libm_shim.h"
#include "syscalls/log.h"

extern const struct ux_shim_lib ux_shim_freebsd_libc_so_7;
extern const struct ux_shim_lib ux_shim_freebsd_libm_so_5;
extern const struct ux_shim_lib ux_shim_freebsd_libgcc_s_so_1;
extern const struct ux_shim_lib ux_shim_freebsd_libthr_so_3;

static const struct ux_shim_lib *const libs[] = {
	&ux_shim_freebsd_libc_so_7,
	&ux_shim_freebsd_libm_so_5,
	&ux_shim_freebsd_libgcc_s_so_1,
	&ux_shim_freebsd_libthr_so_3,
};

const struct ux_shim_lib *
ux_shim_find(const char *soname)
{
	for (size_t i = 0; i < sizeof(libs) / sizeof(libs[0]); i++)
		if (strcmp(libs[i]->soname, soname) == 0)
			return libs[i];
	return NULL;
}

/*
 * Tables are sorted by name; the entries of one name start with its
 * default version (the generator puts it first), so a lookup without a
 * version takes the first of the run.
 */
const struct ux_shim_sym *
ux_shim_lookup(const struct ux_shim_lib *lib, const char *name, const char *version)
{
	size_t lo = 0, hi = lib->nsyms;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(lib->syms[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < lib->nsyms && strcmp(lib->syms[i].name, name) == 0; i++)
		if (version == NULL || strcmp(lib->syms[i].version, version) == 0)
			return &lib->syms[i];
	return NULL;
}

void
ux_shim_data_moved(const struct ux_shim_lib *lib, const struct ux_shim_sym *sym, void *addr)
{
	if (lib == &ux_shim_freebsd_libc_so_7)
		shim_fbsd_guest_data(sym->name, addr);
	else if (lib == &ux_shim_freebsd_libm_so_5)
		shim_libm_guest_data(sym->name, addr);
}

void
ux_shim_unimpl_report(uint8_t *latch, const char *lib, const char *name)
{
	ux_report_once(latch, "unsupported %s function %s called: failing with ENOSYS",
	    lib, name);
}

void
ux_shim_unimpl_exit(const char *lib, const char *name)
{
	/* What the program printed so far is kept, then the reason. */
	fflush(NULL);
	ux_logf("unsupported %s function %s called: it cannot fail gracefully, exiting",
	    lib, name);
	_exit(127);
}
