/*
 * Objects and search paths: the executable's DT_NEEDED objects, loaded
 * breadth-first as FreeBSD's rtld does.  A soname libshim provides
 * becomes a virtual object; any other is looked for along DT_RPATH (of
 * the referencing object and of the executable, unless the referencing
 * object has DT_RUNPATH), LD_LIBRARY_PATH, DT_RUNPATH, then the emulation
 * root's /lib and /usr/lib ($UXRUN_ROOT, default /compat/freebsd), and
 * mapped like the executable (ux_image_map).  A name with a slash is used
 * as it is.  Dynamic sections are read from memory, as mapped.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "loader/rtld.h"
#include "loader/rtld_obj.h"
#include "syscalls/fault.h"
#include "syscalls/log.h"
#include "syscalls/trap.h"

#define FBSD_INTERP		"/libexec/ld-elf.so.1"
#define DEFAULT_ROOT		"/compat/freebsd"
#define NT_FREEBSD_NOINIT_TAG	2

struct rtld_obj *rtld_objs, *rtld_main;
static struct rtld_obj **rtld_tail = &rtld_objs;
static struct fbsd_link_map *linkmap_tail;

int
ux_rtld_handles(const char *interp)
{
	return interp && strcmp(interp, FBSD_INTERP) == 0;
}

static struct rtld_obj *
obj_new(enum rtld_kind kind, const char *name)
{
	struct rtld_obj *o = calloc(1, sizeof(*o));

	if (!o || !(o->name = strdup(name))) {
		free(o);
		return NULL;
	}
	o->kind = kind;
	*rtld_tail = o;
	rtld_tail = &o->next;
	return o;
}

/* FreeBSD keeps its link_map list in load order; file objects only. */
static void
linkmap_add(struct rtld_obj *o)
{
	struct fbsd_link_map *l = &o->linkmap;

	l->l_base = o->lo;
	l->l_name = o->path;
	l->l_ld = o->dyn;
	l->l_addr = o->bias;
	l->l_prev = linkmap_tail;
	if (linkmap_tail)
		linkmap_tail->l_next = l;
	linkmap_tail = l;
}

void
rtld_unload_object(struct rtld_obj *o)
{
	for (struct rtld_obj **pp = &rtld_objs; *pp; pp = &(*pp)->next)
		if (*pp == o) {
			*pp = o->next;
			if (rtld_tail == &o->next)
				rtld_tail = pp;
			break;
		}
	if (o->kind == RTLD_FILE) {
		struct fbsd_link_map *l = &o->linkmap;
		if (l->l_prev)
			l->l_prev->l_next = l->l_next;
		if (l->l_next)
			l->l_next->l_prev = l->l_prev;
		if (linkmap_tail == l)
			linkmap_tail = l->l_prev;
		if (o->hi > o->lo)
			munmap((void *)o->lo, o->hi - o->lo);
	}
	free(o->name);
	free(o->path);
	free(o->origin);
	free(o->ph);
	free(o->needed);
	free(o->needed_name);
	free(o->vertab);
	free(o->tramp);
	free(o->shim_tls_offset);
	free(o->shim_tls_index);
	free(o->dag);
	free(o->dldags);
	free(o);
}

static const char *
base_name(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

/* Whether [addr, addr+len) lies in o's mapped span. */
static int
in_image(const struct rtld_obj *o, uint64_t addr, uint64_t len)
{
	return addr >= o->lo && addr <= o->hi && len <= o->hi - addr;
}

static void
read_notes(struct rtld_obj *o, const GElf_Phdr *p)
{
	uint64_t a = p->p_vaddr + o->bias, end = a + p->p_filesz;

	if (!in_image(o, a, p->p_filesz))
		return;
	while (a + 12 <= end) {
		const uint32_t *n = (const uint32_t *)a;
		uint64_t namesz = n[0], descsz = n[1], next;

		next = a + 12 + ((namesz + 3) & ~3ull) + ((descsz + 3) & ~3ull);
		if (next > end || next <= a)
			return;
		if (n[2] == NT_FREEBSD_NOINIT_TAG && namesz == 8 &&
		    memcmp((const char *)(n + 3), "FreeBSD", 8) == 0)
			o->crt_no_init = 1;
		a = next;
	}
}

#define DYN_PTR(o, v) ((v) + (o)->bias)

static int
parse_dynamic(struct rtld_obj *o, struct ux_err *err)
{
	uint64_t needed_off[256];
	size_t nneeded = 0;
	uint64_t rpath = UINT64_MAX, runpath = UINT64_MAX, soname = UINT64_MAX;
	uint64_t initsz = 0, finisz = 0, preinitsz = 0, syment = sizeof(Elf64_Sym);
	uint64_t relaent = sizeof(Elf64_Rela), pltrel = DT_RELA;
	int has_rel = 0;

	for (const Elf64_Dyn *d = o->dyn; d->d_tag != DT_NULL; d++) {
		uint64_t v = d->d_un.d_val;

		switch (d->d_tag) {
		case DT_NEEDED:
			if (nneeded == sizeof(needed_off) / sizeof(needed_off[0]))
				return ux_err_set(err, 126, "%s: too many DT_NEEDED entries", o->path);
			needed_off[nneeded++] = v;
			break;
		case DT_PLTRELSZ: o->pltrelsz = v; break;
		case DT_PLTREL: pltrel = v; break;
		case DT_HASH: o->sysv_hash = (const uint32_t *)DYN_PTR(o, v); break;
		case DT_GNU_HASH: o->gnu_hash = (const uint32_t *)DYN_PTR(o, v); break;
		case DT_STRTAB: o->strtab = (const char *)DYN_PTR(o, v); break;
		case DT_SYMTAB: o->symtab = (const Elf64_Sym *)DYN_PTR(o, v); break;
		case DT_STRSZ: o->strsz = v; break;
		case DT_SYMENT: syment = v; break;
		case DT_RELA: o->rela = (const Elf64_Rela *)DYN_PTR(o, v); break;
		case DT_RELASZ: o->relasz = v; break;
		case DT_RELAENT: relaent = v; break;
		case DT_REL: case DT_RELSZ: has_rel = 1; break;
		case DT_JMPREL: o->jmprel = (const Elf64_Rela *)DYN_PTR(o, v); break;
		case DT_RELR: o->relr = (const uint64_t *)DYN_PTR(o, v); break;
		case DT_RELRSZ: o->relrsz = v; break;
		case DT_INIT: o->init = DYN_PTR(o, v); break;
		case DT_FINI: o->fini = DYN_PTR(o, v); break;
		case DT_INIT_ARRAY: o->init_array = (const uint64_t *)DYN_PTR(o, v); break;
		case DT_INIT_ARRAYSZ: initsz = v; break;
		case DT_FINI_ARRAY: o->fini_array = (const uint64_t *)DYN_PTR(o, v); break;
		case DT_FINI_ARRAYSZ: finisz = v; break;
		case DT_PREINIT_ARRAY: o->preinit_array = (const uint64_t *)DYN_PTR(o, v); break;
		case DT_PREINIT_ARRAYSZ: preinitsz = v; break;
		case DT_SONAME: soname = v; break;
		case DT_RPATH: rpath = v; break;
		case DT_RUNPATH: runpath = v; break;
		case DT_SYMBOLIC: o->symbolic = 1; break;
		case DT_TEXTREL: o->textrel = 1; break;
		case DT_FLAGS:
			if (v & DF_SYMBOLIC)
				o->symbolic = 1;
			if (v & DF_TEXTREL)
				o->textrel = 1;
			if (v & DF_STATIC_TLS)
				o->static_tls = 1;
			break;
		case DT_FLAGS_1:
			if (v & DF_1_NODELETE)
				o->nodelete = 1;
			break;
		case DT_VERSYM: o->versym = (const uint16_t *)DYN_PTR(o, v); break;
		case DT_VERNEED: o->verneed = (const Elf64_Verneed *)DYN_PTR(o, v); break;
		case DT_VERNEEDNUM: o->verneednum = v; break;
		case DT_VERDEF: o->verdef = (const Elf64_Verdef *)DYN_PTR(o, v); break;
		case DT_VERDEFNUM: o->verdefnum = v; break;
		default: break;
		}
	}
	if (!o->symtab || !o->strtab || !in_image(o, (uint64_t)o->strtab, o->strsz) ||
	    !in_image(o, (uint64_t)o->symtab, sizeof(Elf64_Sym)))
		return ux_err_set(err, 126, "%s: no usable dynamic symbol table", o->path);
	if (syment != sizeof(Elf64_Sym) || relaent != sizeof(Elf64_Rela) || pltrel != DT_RELA || has_rel)
		return ux_err_set(err, 126, "%s: unsupported relocation table format", o->path);
	if ((o->rela && !in_image(o, (uint64_t)o->rela, o->relasz)) ||
	    (o->jmprel && !in_image(o, (uint64_t)o->jmprel, o->pltrelsz)) ||
	    (o->relr && !in_image(o, (uint64_t)o->relr, o->relrsz)) ||
	    (o->init_array && !in_image(o, (uint64_t)o->init_array, initsz)) ||
	    (o->fini_array && !in_image(o, (uint64_t)o->fini_array, finisz)) ||
	    (o->preinit_array && !in_image(o, (uint64_t)o->preinit_array, preinitsz)))
		return ux_err_set(err, 126, "%s: dynamic section points outside the image", o->path);
	if (!o->sysv_hash && !o->gnu_hash)
		return ux_err_set(err, 126, "%s: no symbol hash table", o->path);
	o->n_init_array = o->init_array ? initsz / 8 : 0;
	o->n_fini_array = o->fini_array ? finisz / 8 : 0;
	o->n_preinit_array = o->preinit_array ? preinitsz / 8 : 0;
	if (!o->jmprel)
		o->pltrelsz = 0;
	if (!o->rela)
		o->relasz = 0;
	if (!o->relr)
		o->relrsz = 0;

#define STR(off) ((off) < o->strsz ? o->strtab + (off) : NULL)
	if (soname != UINT64_MAX)
		o->soname = STR(soname);
	if (rpath != UINT64_MAX)
		o->rpath = STR(rpath);
	if (runpath != UINT64_MAX)
		o->runpath = STR(runpath);
	o->needed = calloc(nneeded ? nneeded : 1, sizeof(*o->needed));
	o->needed_name = calloc(nneeded ? nneeded : 1, sizeof(*o->needed_name));
	if (!o->needed || !o->needed_name)
		return ux_err_set(err, 126, "out of memory");
	o->nneeded = nneeded;
	for (size_t i = 0; i < nneeded; i++)
		if (!(o->needed_name[i] = STR(needed_off[i])))
			return ux_err_set(err, 126, "%s: bad DT_NEEDED string", o->path);
#undef STR
	return 0;
}

/* Builds vertab[] from DT_VERNEED and DT_VERDEF. */
static int
build_versions(struct rtld_obj *o, struct ux_err *err)
{
	size_t max = 1;

	if (!o->versym)
		return 0;
	const char *vn = (const char *)o->verneed;
	for (uint64_t i = 0; vn && i < o->verneednum; i++) {
		const Elf64_Verneed *n = (const Elf64_Verneed *)vn;
		if (!in_image(o, (uint64_t)n, sizeof(*n)))
			return ux_err_set(err, 126, "%s: bad version needs", o->path);
		const char *va = vn + n->vn_aux;
		for (unsigned j = 0; j < n->vn_cnt; j++) {
			const Elf64_Vernaux *a = (const Elf64_Vernaux *)va;
			if (!in_image(o, (uint64_t)a, sizeof(*a)))
				return ux_err_set(err, 126, "%s: bad version needs", o->path);
			if ((a->vna_other & 0x7fff) + 1u > max)
				max = (a->vna_other & 0x7fff) + 1u;
			va += a->vna_next;
		}
		vn += n->vn_next;
	}
	const char *vd = (const char *)o->verdef;
	for (uint64_t i = 0; vd && i < o->verdefnum; i++) {
		const Elf64_Verdef *d = (const Elf64_Verdef *)vd;
		if (!in_image(o, (uint64_t)d, sizeof(*d)))
			return ux_err_set(err, 126, "%s: bad version definitions", o->path);
		if ((d->vd_ndx & 0x7fff) + 1u > max)
			max = (d->vd_ndx & 0x7fff) + 1u;
		vd += d->vd_next;
	}
	o->vertab = calloc(max, sizeof(*o->vertab));
	if (!o->vertab)
		return ux_err_set(err, 126, "out of memory");
	o->nver = max;
	vn = (const char *)o->verneed;
	for (uint64_t i = 0; vn && i < o->verneednum; i++) {
		const Elf64_Verneed *n = (const Elf64_Verneed *)vn;
		const char *va = vn + n->vn_aux;
		for (unsigned j = 0; j < n->vn_cnt; j++) {
			const Elf64_Vernaux *a = (const Elf64_Vernaux *)va;
			struct rtld_ver *v = &o->vertab[a->vna_other & 0x7fff];
			if (a->vna_name < o->strsz && n->vn_file < o->strsz) {
				v->name = o->strtab + a->vna_name;
				v->hash = a->vna_hash;
				v->file = o->strtab + n->vn_file;
			}
			va += a->vna_next;
		}
		vn += n->vn_next;
	}
	vd = (const char *)o->verdef;
	for (uint64_t i = 0; vd && i < o->verdefnum; i++) {
		const Elf64_Verdef *d = (const Elf64_Verdef *)vd;
		const Elf64_Verdaux *a = (const Elf64_Verdaux *)(vd + d->vd_aux);
		/* The base definition names the object itself, not a version. */
		if (!(d->vd_flags & VER_FLG_BASE) && in_image(o, (uint64_t)a, sizeof(*a)) &&
		    a->vda_name < o->strsz) {
			struct rtld_ver *v = &o->vertab[d->vd_ndx & 0x7fff];
			v->name = o->strtab + a->vda_name;
			v->hash = d->vd_hash;
			v->file = NULL;
		}
		vd += d->vd_next;
	}
	return 0;
}

/* Takes what the runtime linker needs from a mapped image. */
static int
obj_from_image(struct rtld_obj *o, struct ux_image *im, const char *path, struct ux_err *err)
{
	o->path = strdup(path);
	o->ph = malloc(im->phnum * sizeof(GElf_Phdr));
	if (!o->path || !o->ph)
		return ux_err_set(err, 126, "out of memory");
	memcpy(o->ph, im->ph, im->phnum * sizeof(GElf_Phdr));
	o->phnum = im->phnum;
	o->bias = im->bias;
	o->lo = im->lo + im->bias;
	o->hi = im->hi + im->bias;
	char *slash = strrchr(o->path, '/');
	o->origin = slash ? strndup(o->path, (size_t)(slash - o->path)) : strdup(".");
	if (o->origin && !*o->origin) {
		free(o->origin);
		o->origin = strdup("/");
	}
	if (!o->origin)
		return ux_err_set(err, 126, "out of memory");

	for (size_t i = 0; i < o->phnum; i++) {
		const GElf_Phdr *p = &o->ph[i];
		switch (p->p_type) {
		case PT_DYNAMIC:
			o->dyn = (const Elf64_Dyn *)(p->p_vaddr + o->bias);
			if (!in_image(o, (uint64_t)o->dyn, p->p_memsz) || p->p_memsz < sizeof(Elf64_Dyn))
				return ux_err_set(err, 126, "%s: bad dynamic segment", path);
			break;
		case PT_TLS:
			if (p->p_memsz == 0)
				break;
			if (p->p_filesz > p->p_memsz || !in_image(o, p->p_vaddr + o->bias, p->p_filesz))
				return ux_err_set(err, 126, "%s: bad TLS segment", path);
			o->tls_image = p->p_vaddr + o->bias;
			o->tls_vaddr = p->p_vaddr;
			o->tls_filesz = p->p_filesz;
			o->tls_memsz = p->p_memsz;
			o->tls_align = p->p_align ? p->p_align : 1;
			break;
		case PT_GNU_RELRO:
			o->relro_lo = (p->p_vaddr + o->bias) & ~4095ull;
			o->relro_hi = (p->p_vaddr + o->bias + p->p_memsz) & ~4095ull;
			break;
		case PT_NOTE:
			read_notes(o, p);
			break;
		case PT_GNU_EH_FRAME:
			if (in_image(o, p->p_vaddr + o->bias, p->p_memsz))
				o->eh_frame_hdr = p->p_vaddr + o->bias;
			break;
		default:
			break;
		}
	}
	if (!o->dyn)
		return ux_err_set(err, 126, "%s: no dynamic segment", path);
	/* The dynamic array must end inside the image. */
	const Elf64_Dyn *d = o->dyn;
	while (in_image(o, (uint64_t)d, sizeof(*d)) && d->d_tag != DT_NULL)
		d++;
	if (!in_image(o, (uint64_t)d, sizeof(*d)))
		return ux_err_set(err, 126, "%s: unterminated dynamic section", path);
	if (parse_dynamic(o, err) != 0 || build_versions(o, err) != 0)
		return -1;
	linkmap_add(o);
	return 0;
}

/* Tries one candidate file; 1 loaded, 0 not there (or not a FreeBSD
 * x86-64 library: keep looking), -1 error. */
static int
try_file(struct rtld_obj **out, const char *name, const char *path, struct ux_err *err)
{
	struct ux_image im;
	struct ux_err e2;
	char real[PATH_MAX];
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	if (!realpath(path, real))
		snprintf(real, sizeof(real), "%s", path);
	/* The same file under another name. */
	for (struct rtld_obj *o = rtld_objs; o; o = o->next)
		if (o->kind == RTLD_FILE && o->path && strcmp(o->path, real) == 0) {
			*out = o;
			return 1;
		}
	if (ux_image_open_lib(&im, real, &e2) != 0) {
		ux_image_close(&im);
		return 0;
	}
	if (im.os != UX_OS_FREEBSD && im.os != UX_OS_UNKNOWN) {
		ux_image_close(&im);
		return 0;
	}
	if (ux_image_map(&im, err) != 0) {
		ux_image_close(&im);
		return -1;
	}
	struct rtld_obj *o = obj_new(RTLD_FILE, name);
	if (!o) {
		ux_image_close(&im);
		return ux_err_set(err, 126, "out of memory");
	}
	int r = obj_from_image(o, &im, real, err);
	ux_image_close(&im);
	if (r != 0)
		return -1;
	*out = o;
	return 1;
}

/* Searches a colon- (or semicolon-) separated list, $ORIGIN expanded. */
static int
search_list(struct rtld_obj **out, const char *name, const char *list, const struct rtld_obj *ref,
    struct ux_err *err)
{
	char dir[PATH_MAX], path[PATH_MAX];

	if (!list)
		return 0;
	while (*list) {
		size_t n = strcspn(list, ":;");
		size_t k = 0;
		for (size_t i = 0; i < n && k + 1 < sizeof(dir);) {
			const char *s = list + i;
			size_t tok = 0;
			if (strncmp(s, "$ORIGIN", 7) == 0 && (i + 7 >= n || !(s[7] == '_' ||
			    (s[7] >= 'A' && s[7] <= 'Z') || (s[7] >= 'a' && s[7] <= 'z') || (s[7] >= '0' && s[7] <= '9'))))
				tok = 7;
			else if (strncmp(s, "${ORIGIN}", 9) == 0)
				tok = 9;
			if (tok && i + tok <= n) {
				const char *org = ref && ref->origin ? ref->origin : ".";
				k += (size_t)snprintf(dir + k, sizeof(dir) - k, "%s", org);
				if (k >= sizeof(dir))
					k = sizeof(dir) - 1;
				i += tok;
			} else {
				dir[k++] = *s;
				i++;
			}
		}
		dir[k] = '\0';
		if (k > 0 && snprintf(path, sizeof(path), "%s/%s", dir, name) < (int)sizeof(path)) {
			int r = try_file(out, name, path, err);
			if (r != 0)
				return r;
		}
		list += n;
		if (*list)
			list++;
	}
	return 0;
}

static int
find_library(struct rtld_obj **out, const char *name, struct rtld_obj *ref, struct ux_err *err)
{
	int r;

	if (strchr(name, '/'))
		return try_file(out, name, name, err);
	if (!ref->runpath) {
		if ((r = search_list(out, name, ref->rpath, ref, err)) != 0)
			return r;
		if (ref != rtld_main && !rtld_main->runpath &&
		    (r = search_list(out, name, rtld_main->rpath, rtld_main, err)) != 0)
			return r;
	}
	if ((r = search_list(out, name, getenv("LD_LIBRARY_PATH"), NULL, err)) != 0)
		return r;
	if ((r = search_list(out, name, ref->runpath, ref, err)) != 0)
		return r;
	const char *root = getenv("UXRUN_ROOT");
	char list[2 * PATH_MAX + 16];
	if (!root || !*root)
		root = DEFAULT_ROOT;
	snprintf(list, sizeof(list), "%s/lib:%s/usr/lib", strcmp(root, "/") == 0 ? "" : root,
	    strcmp(root, "/") == 0 ? "" : root);
	return search_list(out, name, list, NULL, err);
}

static struct rtld_obj *
already_loaded(const char *name)
{
	for (struct rtld_obj *o = rtld_objs; o; o = o->next)
		if (strcmp(o->name, name) == 0 || (o->soname && strcmp(o->soname, name) == 0))
			return o;
	return NULL;
}

int
rtld_load_object(const char *name, struct rtld_obj *ref, int noload, struct rtld_obj **out,
    struct ux_err *err)
{
	struct rtld_obj *dep = already_loaded(name);
	const struct ux_shim_lib *lib;

	if (dep) {
		*out = dep;
		return 1;
	}
	if ((lib = ux_shim_find(name)) != NULL) {
		if (noload)
			return 0;
		if (!(dep = obj_new(RTLD_SHIM, name)))
			return ux_err_set(err, 126, "out of memory");
		dep->shim = lib;
		dep->soname = lib->soname;
		*out = dep;
		return 1;
	}
	if (noload) {
		/* The same file under another name or path. */
		char real[PATH_MAX];
		if (!strchr(name, '/') || !realpath(name, real))
			return 0;
		for (struct rtld_obj *o = rtld_objs; o; o = o->next)
			if (o->kind == RTLD_FILE && o->path && strcmp(o->path, real) == 0) {
				*out = o;
				return 1;
			}
		return 0;
	}
	return find_library(out, name, ref, err);
}

int
rtld_load_needed(struct rtld_obj *first, int keep_going, struct ux_err *err)
{
	for (struct rtld_obj *o = first; o; o = o->next) {
		if (o->kind != RTLD_FILE)
			continue;
		for (size_t i = 0; i < o->nneeded; i++) {
			const char *nm = o->needed_name[i];
			struct rtld_obj *dep = NULL;
			int r = rtld_load_object(nm, o, 0, &dep, err);

			if (r < 0)
				return -1;
			if (r == 0) {
				dep = NULL;
				if (!keep_going)
					return ux_err_set(err, 127, "Shared object \"%s\" not found, required by \"%s\"",
					    nm, base_name(o->path));
			}
			o->needed[i] = dep;
		}
	}
	return 0;
}

int
rtld_load_all(struct ux_image *im, const char *execpath, int keep_going, struct ux_err *err)
{
	struct rtld_obj *m = obj_new(RTLD_FILE, execpath);

	if (!m)
		return ux_err_set(err, 126, "out of memory");
	m->mainprog = 1;
	rtld_main = m;
	if (obj_from_image(m, im, execpath, err) != 0)
		return -1;
	if (rtld_load_needed(m, keep_going, err) != 0)
		return -1;
	for (struct rtld_obj *o = rtld_objs; o; o = o->next)
		o->pinned = 1;
	return 0;
}

int
rtld_obj_code_ranges(const struct rtld_obj *o, struct ux_range *r, int max)
{
	int n = 0;

	for (size_t i = 0; o->kind == RTLD_FILE && i < o->phnum; i++) {
		const GElf_Phdr *p = &o->ph[i];
		if (p->p_type != PT_LOAD || !(p->p_flags & PF_X) || !p->p_memsz)
			continue;
		uint64_t lo = (p->p_vaddr + o->bias) & ~4095ull;
		uint64_t hi = (p->p_vaddr + o->bias + p->p_memsz + 4095) & ~4095ull;
		/* The trap path tells guest calls from uxrun's by these. */
		ux_fault_add_guest_range(lo, hi);
		if (n < max) {
			r[n].lo = lo;
			r[n].hi = hi;
			n++;
		} else {
			ux_logf("rtld: %s: more code ranges than the seccomp filter takes; its system "
			    "calls are not trapped under UXRUN_TRAP=seccomp", o->path);
		}
	}
	return n;
}

int
ux_rtld_add_code_ranges(struct ux_range *ranges, int nr, int max)
{
	for (struct rtld_obj *o = rtld_objs; o; o = o->next)
		if (o->kind == RTLD_FILE && !o->mainprog)
			nr += rtld_obj_code_ranges(o, ranges + nr, nr < max ? max - nr : 0);
	return nr;
}
