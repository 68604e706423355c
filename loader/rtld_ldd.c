/*
 * uxrun --ldd PROGRAM: each object the program needs, breadth-first as
 * they load, and what it resolves to (a libshim soname built into uxrun,
 * a file, or nothing); then every symbol no loaded object defines, by
 * name and version, and every import bound to a libshim entry that is
 * not implemented (a stub that fails when called).  Nothing is relocated
 * or run.  PROGRAM may also be a shared object (a Node addon, a plugin):
 * it is then the root, as an executable would be.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "loader/rtld.h"
#include "loader/rtld_obj.h"

static const char *
base_name(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

static int
printed_before(const struct rtld_obj *upto, size_t idx, const char *name)
{
	for (const struct rtld_obj *o = rtld_objs; o; o = o->next)
		for (size_t i = 0; i < o->nneeded; i++) {
			if (o == upto && i == idx)
				return 0;
			if (strcmp(o->needed_name[i], name) == 0)
				return 1;
		}
	return 0;
}

/* A shared library (no interpreter, no entry point, a dynamic section). */
static int
is_shared_object(const struct ux_image *im)
{
	if (im->interp || im->eh.e_type != ET_DYN || im->eh.e_entry != 0)
		return 0;
	for (size_t i = 0; i < im->phnum; i++)
		if (im->ph[i].p_type == PT_DYNAMIC)
			return 1;
	return 0;
}

/* Imports libshim binds to an unimplemented entry. */
static void
print_unimplemented(FILE *out)
{
	int header = 0;

	for (struct rtld_obj *o = rtld_objs; o; o = o->next) {
		if (o->kind != RTLD_FILE)
			continue;
		for (size_t i = 1, n = rtld_dynsym_count(o); i < n; i++) {
			const Elf64_Sym *s = &o->symtab[i];
			struct rtld_def d;
			if (s->st_shndx != SHN_UNDEF || s->st_name == 0 || s->st_name >= o->strsz ||
			    ELF64_ST_BIND(s->st_info) == STB_LOCAL)
				continue;
			if (rtld_resolve(o, i, 1, &d) != 0 || !d.obj || d.obj->kind != RTLD_SHIM ||
			    d.shim->status != UX_SHIM_UNIMPL)
				continue;
			if (!header)
				fprintf(out, "unimplemented in libshim (calls fail):\n");
			header = 1;
			fprintf(out, "\t%s@%s (%s, required by %s)\n", d.shim->name, d.shim->version,
			    d.obj->shim->soname, base_name(o->path));
		}
	}
}

int
ux_rtld_ldd(struct ux_image *im, const char *execpath, FILE *out)
{
	struct ux_err err = { 0, "" };
	int missing = 0, shared = is_shared_object(im);

	if (!im->interp && !shared) {
		fprintf(out, "%s: not a dynamic executable\n", im->path);
		return 1;
	}
	if (!shared && !ux_rtld_handles(im->interp)) {
		fprintf(stderr, "uxrun: %s: interpreter %s is not FreeBSD's runtime linker\n", im->path, im->interp);
		return 126;
	}
	char real[PATH_MAX];
	if (!realpath(execpath, real))
		snprintf(real, sizeof(real), "%s", execpath);
	if (ux_image_map(im, &err) != 0 || rtld_load_all(im, real, 1, &err) != 0 ||
	    rtld_relocate_all(1, &err) != 0) {
		fprintf(stderr, "uxrun: %s\n", err.msg);
		return err.status ? err.status : 126;
	}
	fprintf(out, shared ? "%s (shared object):\n" : "%s:\n", im->path);
	for (struct rtld_obj *o = rtld_objs; o; o = o->next) {
		for (size_t i = 0; i < o->nneeded; i++) {
			const char *nm = o->needed_name[i];
			const struct rtld_obj *d = o->needed[i];
			if (printed_before(o, i, nm))
				continue;
			if (!d) {
				fprintf(out, "\t%s => not found (required by %s)\n", nm, base_name(o->path));
				missing = 1;
			} else if (d->kind == RTLD_SHIM) {
				fprintf(out, "\t%s => libshim %s (built into uxrun)\n", nm, d->shim->soname);
			} else {
				fprintf(out, "\t%s => %s\n", nm, d->path);
			}
		}
	}
	if (rtld_nunbound) {
		missing = 1;
		fprintf(out, "undefined symbols:\n");
		for (size_t i = 0; i < rtld_nunbound; i++) {
			const struct rtld_unbound *u = &rtld_unbound[i];
			fprintf(out, "\t%s%s%s (%s, required by %s", u->name, u->version ? "@" : "",
			    u->version ? u->version : "", u->is_func ? "function" : "data", base_name(u->ref->path));
			if (u->file)
				fprintf(out, " from %s", u->file);
			fprintf(out, ")\n");
		}
	}
	print_unimplemented(out);
	return missing;
}
