/*
 * libshim's hook tables: what the runtime linker binds a guest's imports
 * from a foreign system library to.  One table per soname, generated from
 * libshim/<personality>/<soname>.spec (see doc/dynamic.md).
 */
#ifndef UX_SHIM_H
#define UX_SHIM_H

#include <stddef.h>
#include <stdint.h>

enum ux_shim_status { UX_SHIM_IMPL, UX_SHIM_PARTIAL, UX_SHIM_UNIMPL };
enum ux_shim_kind { UX_SHIM_FUNC, UX_SHIM_DATA };

struct ux_shim_sym {
	const char *name;
	const char *version;	/* FreeBSD version node, e.g. "FBSD_1.0" */
	void *addr;		/* function or data object; for an unimpl
				 * entry, a stub that reports and fails */
	size_t size;		/* data objects: for COPY relocations */
	uint8_t kind;		/* enum ux_shim_kind */
	uint8_t status;		/* enum ux_shim_status */
	const char *note;	/* what a partial entry leaves out */
};

struct ux_shim_lib {
	const char *soname;	/* "libc.so.7" */
	const struct ux_shim_sym *syms;
	size_t nsyms;
};

/* The table for soname, or NULL when libshim does not provide it. */
const struct ux_shim_lib *ux_shim_find(const char *soname);
/* A symbol by name and version (version NULL: any; the default version
 * when there are several), or NULL. */
const struct ux_shim_sym *ux_shim_lookup(const struct ux_shim_lib *lib, const char *name,
    const char *version);
/*
 * For the runtime linker: data object sym of lib lives at addr for the
 * guest, not at sym->addr (a COPY relocation's destination, or the
 * executable's own definition, which wins: FreeBSD's crt1 defines environ
 * and __progname).  libshim then keeps that copy current.  Call it before
 * the guest runs; objects libshim need not follow are ignored.
 */
void ux_shim_data_moved(const struct ux_shim_lib *lib, const struct ux_shim_sym *sym, void *addr);

#endif
