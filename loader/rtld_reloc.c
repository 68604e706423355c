/*
 * Relocations, as FreeBSD's rtld does them on amd64 (amd64/reloc.c):
 * everything bound at load time (no lazy binding), in three passes over
 * each object: first all but COPY, IRELATIVE and references to IFUNCs;
 * then the executable's COPY relocations, from the now relocated
 * libraries; last the IFUNC resolvers, once what they may call is bound.
 *
 * A symbol nothing defines: a function is bound to a stub that names it
 * when called (a program that never calls it still runs); data is an
 * error at load, exit status 127.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "loader/rtld_obj.h"

#ifndef R_X86_64_RELATIVE64
#define R_X86_64_RELATIVE64 38
#endif

struct rtld_unbound *rtld_unbound;
size_t rtld_nunbound;
static size_t unbound_cap;

static const char *
base_name(const char *p)
{
	const char *s = p ? strrchr(p, '/') : NULL;

	return s ? s + 1 : p ? p : "?";
}

static struct rtld_unbound *
note_unbound(struct rtld_obj *ref, unsigned long symnum, int is_func)
{
	const char *name = ref->strtab + ref->symtab[symnum].st_name;
	const struct rtld_ver *v = rtld_sym_version(ref, symnum);

	for (size_t i = 0; i < rtld_nunbound; i++) {
		struct rtld_unbound *u = &rtld_unbound[i];
		if (u->ref == ref && strcmp(u->name, name) == 0 &&
		    (v ? u->version && strcmp(u->version, v->name) == 0 : !u->version)) {
			u->is_func |= is_func;
			return u;
		}
	}
	if (rtld_nunbound == unbound_cap) {
		size_t n = unbound_cap ? 2 * unbound_cap : 16;
		struct rtld_unbound *p = realloc(rtld_unbound, n * sizeof(*p));
		if (!p)
			return NULL;
		rtld_unbound = p;
		unbound_cap = n;
	}
	struct rtld_unbound *u = &rtld_unbound[rtld_nunbound++];
	u->name = name;
	u->version = v ? v->name : NULL;
	u->file = v ? v->file : NULL;
	u->ref = ref;
	u->is_func = is_func;
	u->stub = NULL;
	return u;
}

static int
in_image(const struct rtld_obj *o, uint64_t addr, uint64_t len)
{
	return addr >= o->lo && addr <= o->hi && len <= o->hi - addr;
}

static int
tls_offset_of(struct rtld_def *d, int64_t *off, const struct rtld_obj *ref, struct ux_err *err)
{
	if (d->obj && d->obj->kind == RTLD_SHIM) {
		*off = rtld_tls_shim_slot(d->obj, (size_t)(d->shim - d->obj->shim->syms), err);
		return *off ? 0 : -1;
	}
	if (!d->obj || d->obj->kind != RTLD_FILE || !d->obj->tls_index)
		return ux_err_set(err, 126, "%s: TLS relocation against an object without TLS", base_name(ref->path));
	*off = d->obj->tls_offset;
	return 0;
}

/* pass 0: ordinary; 1: COPY; 2: IFUNC and IRELATIVE. */
static int
reloc_one(struct rtld_obj *o, const Elf64_Rela *r, int pass, int check_only, struct ux_err *err)
{
	unsigned type = ELF64_R_TYPE(r->r_info);
	unsigned long symnum = ELF64_R_SYM(r->r_info);
	uint64_t where = o->bias + r->r_offset;
	struct rtld_def def;

	if (type == R_X86_64_NONE)
		return 0;
	if (!in_image(o, where, type == R_X86_64_PC32 || type == R_X86_64_DTPOFF32 ||
	    type == R_X86_64_TPOFF32 ? 4 : 8))
		return ux_err_set(err, 126, "%s: relocation outside the image", o->path);
	switch (type) {
	case R_X86_64_RELATIVE:
	case R_X86_64_RELATIVE64:
		if (pass == 0 && !check_only)
			*(uint64_t *)where = o->bias + (uint64_t)r->r_addend;
		return 0;
	case R_X86_64_IRELATIVE:
		o->has_ifunc = 1;
		if (pass == 2 && !check_only)
			*(uint64_t *)where = rtld_irelative(o->bias + (uint64_t)r->r_addend);
		return 0;
	case R_X86_64_COPY:
		if (!o->mainprog)
			return ux_err_set(err, 126, "%s: COPY relocation in a shared library", o->path);
		if (pass != 1)
			return 0;
		break;
	case R_X86_64_64: case R_X86_64_PC32: case R_X86_64_GLOB_DAT: case R_X86_64_JUMP_SLOT:
	case R_X86_64_TPOFF64: case R_X86_64_TPOFF32: case R_X86_64_DTPMOD64:
	case R_X86_64_DTPOFF64: case R_X86_64_DTPOFF32:
		if (pass == 1)
			return 0;
		break;
	default:
		return ux_err_set(err, 126, "%s: unsupported relocation type %u", o->path, type);
	}
	if (symnum >= UINT32_MAX || !in_image(o, (uint64_t)&o->symtab[symnum], sizeof(Elf64_Sym)))
		return ux_err_set(err, 126, "%s: relocation names a bad symbol", o->path);

	const Elf64_Sym *rs = &o->symtab[symnum];
	int is_func = type == R_X86_64_JUMP_SLOT || ELF64_ST_TYPE(rs->st_info) == STT_FUNC ||
	    ELF64_ST_TYPE(rs->st_info) == STT_GNU_IFUNC;

	if (type == R_X86_64_COPY) {
		/* From the first object after the executable that defines it. */
		const char *name = o->strtab + rs->st_name;
		const struct rtld_ver *ver = rtld_sym_version(o, symnum);
		for (struct rtld_obj *s = o->next; s; s = s->next) {
			if (rtld_lookup_in(s, name, ver, 0, &def) != 0)
				continue;
			if (check_only)
				return 0;
			const void *src;
			size_t n = rs->st_size;
			if (s->kind == RTLD_SHIM) {
				src = def.shim->addr;
				if (def.shim->size && def.shim->size < n)
					n = def.shim->size;
			} else {
				src = (const void *)(s->bias + def.sym->st_value);
			}
			memcpy((void *)where, src, n);
			return 0;
		}
		struct rtld_unbound *u = note_unbound(o, symnum, 0);
		if (!u)
			return ux_err_set(err, 126, "out of memory");
		if (check_only)
			return 0;
		return ux_err_set(err, 127, "%s: undefined symbol \"%s%s%s\" (data, needed at load)",
		    base_name(o->path), u->name, u->version ? "@" : "", u->version ? u->version : "");
	}

	if (rtld_resolve(o, symnum, type == R_X86_64_JUMP_SLOT, &def) != 0) {
		if (pass != 0)
			return 0;
		struct rtld_unbound *u = note_unbound(o, symnum, is_func);
		if (!u)
			return ux_err_set(err, 126, "out of memory");
		if (check_only)
			return 0;
		if (!is_func || type == R_X86_64_PC32 || type >= R_X86_64_DTPMOD64)
			return ux_err_set(err, 127, "%s: undefined symbol \"%s%s%s\" (data, needed at load)",
			    base_name(o->path), u->name, u->version ? "@" : "", u->version ? u->version : "");
		if (!u->stub && !(u->stub = rtld_unbound_stub(u->name, u->version, o)))
			return ux_err_set(err, 126, "out of memory");
		*(uint64_t *)where = (uint64_t)u->stub + (type == R_X86_64_64 ? (uint64_t)r->r_addend : 0);
		return 0;
	}
	if (check_only)
		return 0;
	/* IFUNC targets wait for pass 2; nothing else happens then. */
	if (rtld_def_is_ifunc(&def) != (pass == 2)) {
		if (pass == 0)
			o->has_ifunc = 1;
		return 0;
	}

	int64_t toff;
	switch (type) {
	case R_X86_64_64:
		*(uint64_t *)where = rtld_def_value(&def) + (uint64_t)r->r_addend;
		break;
	case R_X86_64_PC32:
		*(uint32_t *)where = (uint32_t)(rtld_def_value(&def) + (uint64_t)r->r_addend - where);
		break;
	case R_X86_64_GLOB_DAT:
		*(uint64_t *)where = rtld_def_value(&def);
		break;
	case R_X86_64_JUMP_SLOT:
		*(uint64_t *)where = rtld_def_value(&def) + (uint64_t)r->r_addend;
		break;
	case R_X86_64_TPOFF64:
	case R_X86_64_TPOFF32:
		if (tls_offset_of(&def, &toff, o, err) != 0)
			return -1;
		if (toff == 0)	/* a dlopen'ed module's TLS has no fixed place */
			return ux_err_set(err, 126, "%s: initial-exec TLS relocation against %s, whose TLS is "
			    "dynamic (not linked with DF_STATIC_TLS)", base_name(o->path), base_name(def.obj->path));
		toff = (def.sym && def.obj->kind == RTLD_FILE ? (int64_t)def.sym->st_value : 0) - toff + r->r_addend;
		if (type == R_X86_64_TPOFF64)
			*(int64_t *)where = toff;
		else
			*(int32_t *)where = (int32_t)toff;
		break;
	case R_X86_64_DTPMOD64:
		if (tls_offset_of(&def, &toff, o, err) != 0)
			return -1;
		if (def.obj->kind == RTLD_SHIM)
			*(uint64_t *)where = def.obj->shim_tls_index[def.shim - def.obj->shim->syms];
		else
			*(uint64_t *)where = def.obj->tls_index;
		break;
	case R_X86_64_DTPOFF64:
		*(uint64_t *)where = (def.sym && def.obj && def.obj->kind == RTLD_FILE ? def.sym->st_value : 0) +
		    (uint64_t)r->r_addend;
		break;
	case R_X86_64_DTPOFF32:
		*(uint32_t *)where = (uint32_t)((def.sym && def.obj && def.obj->kind == RTLD_FILE ?
		    def.sym->st_value : 0) + (uint64_t)r->r_addend);
		break;
	}
	return 0;
}

static void
apply_relr(struct rtld_obj *o)
{
	uint64_t *where = NULL;

	for (size_t i = 0; i < o->relrsz / 8; i++) {
		uint64_t e = o->relr[i];
		if (!(e & 1)) {
			where = (uint64_t *)(o->bias + e);
			*where++ += o->bias;
		} else if (where) {
			for (unsigned b = 0; (e >>= 1) != 0; b++)
				if (e & 1)
					where[b] += o->bias;
			where += 63;
		}
	}
}

static int
prot_of(uint32_t pf)
{
	return ((pf & PF_R) ? PROT_READ : 0) | ((pf & PF_W) ? PROT_WRITE : 0) | ((pf & PF_X) ? PROT_EXEC : 0);
}

/* DT_TEXTREL: every segment writable while relocating, then as it was. */
static void
textrel_protect(struct rtld_obj *o, int writable)
{
	for (size_t i = 0; i < o->phnum; i++) {
		const GElf_Phdr *p = &o->ph[i];
		if (p->p_type != PT_LOAD || !p->p_memsz)
			continue;
		uint64_t lo = (p->p_vaddr + o->bias) & ~4095ull;
		uint64_t hi = (p->p_vaddr + o->bias + p->p_memsz + 4095) & ~4095ull;
		mprotect((void *)lo, hi - lo, prot_of(p->p_flags) | (writable ? PROT_WRITE : 0));
	}
}

static int
reloc_table(struct rtld_obj *o, const Elf64_Rela *t, uint64_t size, int pass, int check_only,
    struct ux_err *err)
{
	for (uint64_t i = 0; t && i < size / sizeof(*t); i++)
		if (reloc_one(o, &t[i], pass, check_only, err) != 0)
			return -1;
	return 0;
}

int
rtld_relocate_all(int check_only, struct ux_err *err)
{
	struct rtld_obj *order[256];
	size_t n = 0;

	/* After start, only what a dlopen brought in is new. */
	for (struct rtld_obj *o = rtld_objs; o; o = o->next)
		if (o->kind == RTLD_FILE && !o->relocated) {
			if (n == sizeof(order) / sizeof(order[0]))
				return ux_err_set(err, 126, "too many shared objects");
			order[n++] = o;
		}
	for (size_t i = 0; i < n; i++) {
		struct rtld_obj *o = order[i];
		if (o->textrel && !check_only)
			textrel_protect(o, 1);
		if (!check_only)
			apply_relr(o);
		if (reloc_table(o, o->rela, o->relasz, 0, check_only, err) != 0 ||
		    reloc_table(o, o->jmprel, o->pltrelsz, 0, check_only, err) != 0)
			return -1;
	}
	if (!rtld_main->relocated &&
	    reloc_table(rtld_main, rtld_main->rela, rtld_main->relasz, 1, check_only, err) != 0)
		return -1;
	if (check_only)
		return 0;
	/* Resolvers of the libraries first: the executable's may use them. */
	for (size_t i = n; i-- > 0;) {
		struct rtld_obj *o = order[i];
		if (!o->has_ifunc)
			continue;
		if (reloc_table(o, o->rela, o->relasz, 2, 0, err) != 0 ||
		    reloc_table(o, o->jmprel, o->pltrelsz, 2, 0, err) != 0)
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		struct rtld_obj *o = order[i];
		if (o->textrel)
			textrel_protect(o, 0);
		if (o->relro_hi > o->relro_lo)
			mprotect((void *)o->relro_lo, o->relro_hi - o->relro_lo, PROT_READ);
		o->relocated = 1;
	}
	return 0;
}
