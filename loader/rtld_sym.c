/*
 * Symbol lookup with versions, as FreeBSD's rtld binds: the global
 * objects (those loaded at start, then the DAGs of RTLD_GLOBAL dlopens)
 * in load order, then the dlopen DAGs the referencing object belongs to;
 * a strong definition ends the search and a weak one is kept unless a
 * strong one follows; then the runtime linker's own exports, which also
 * override libshim's stand-ins for them (FreeBSD's libc has weak dlopen
 * stubs that rtld's definitions beat).  Version rules follow rtld's
 * matched_symbol(): a reference with a version takes a definition of that
 * version or an unversioned (global) one; a reference without takes the
 * global or the one visible version; dlsym and dlvsym are stricter.
 * Local and protected symbols, and objects linked -Bsymbolic, bind to
 * themselves.
 */
#include "config.h"

#include <cpuid.h>
#include <string.h>

#include "loader/rtld.h"
#include "loader/rtld_obj.h"

#define VER_NDX(v)	((v) & 0x7fff)
#define VER_HIDDEN	0x8000
#define VER_NDX_GIVEN	2

uint32_t
rtld_elf_hash(const char *name)
{
	uint32_t h = 0, g;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		h = (h << 4) + *p;
		g = h & 0xf0000000;
		if (g)
			h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

static uint32_t
gnu_hash(const char *name)
{
	uint32_t h = 5381;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = h * 33 + *p;
	return h;
}

const struct rtld_ver *
rtld_sym_version(const struct rtld_obj *ref, unsigned long symnum)
{
	if (!ref->versym || !ref->vertab)
		return NULL;
	unsigned n = VER_NDX(ref->versym[symnum]);
	if (n >= ref->nver || !ref->vertab[n].name)
		return NULL;
	return &ref->vertab[n];
}

struct match {
	const Elf64_Sym *sym, *vsym;
	unsigned long symnum, vsymnum;
	int vcount;
};

/* One candidate symbol of a file object against a request. */
static int
matched(const struct rtld_obj *o, unsigned long i, const char *name, const struct rtld_ver *ver,
    int flags, struct match *m)
{
	const Elf64_Sym *s = &o->symtab[i];

	switch (ELF64_ST_TYPE(s->st_info)) {
	case STT_FUNC: case STT_NOTYPE: case STT_OBJECT: case STT_COMMON: case STT_GNU_IFUNC:
		if (s->st_value == 0)
			return 0;
		/* fallthrough */
	case STT_TLS:
		if (s->st_shndx != SHN_UNDEF)
			break;
		/* An undefined function with a value is the executable's
		 * canonical PLT entry: its address, for anything but calls. */
		if (!(flags & RTLD_LK_IN_PLT) && ELF64_ST_TYPE(s->st_info) == STT_FUNC)
			break;
		return 0;
	default:
		return 0;
	}
	if (ELF64_ST_BIND(s->st_info) == STB_LOCAL || s->st_name >= o->strsz ||
	    strcmp(o->strtab + s->st_name, name) != 0)
		return 0;
	if (!ver) {
		if (o->versym) {
			unsigned n = VER_NDX(o->versym[i]);
			if (n >= VER_NDX_GIVEN) {
				if (n == VER_NDX_GIVEN && !(flags & RTLD_LK_DLSYM)) {
					m->sym = s;
					m->symnum = i;
					return 1;
				}
				if (!(o->versym[i] & VER_HIDDEN)) {
					if (!m->vsym) {
						m->vsym = s;
						m->vsymnum = i;
					}
					m->vcount++;
				}
				return 0;
			}
		}
		m->sym = s;
		m->symnum = i;
		return 1;
	}
	if (o->versym) {
		unsigned n = VER_NDX(o->versym[i]);
		if (n >= o->nver)
			return 0;
		const struct rtld_ver *v = &o->vertab[n];
		if (!v->name || v->hash != ver->hash || strcmp(v->name, ver->name) != 0) {
			if ((flags & RTLD_LK_DLSYM) || n >= VER_NDX_GIVEN || (o->versym[i] & VER_HIDDEN))
				return 0;
		}
	}
	m->sym = s;
	m->symnum = i;
	return 1;
}

static const Elf64_Sym *
lookup_file(const struct rtld_obj *o, const char *name, const struct rtld_ver *ver, int flags)
{
	struct match m = { 0 };

	if (o->gnu_hash) {
		const uint32_t *h = o->gnu_hash;
		uint32_t nbuckets = h[0], symoffset = h[1], bloom_size = h[2], shift = h[3];
		const uint64_t *bloom = (const uint64_t *)(h + 4);
		const uint32_t *buckets = (const uint32_t *)(bloom + bloom_size);
		const uint32_t *chain = buckets + nbuckets;
		uint32_t hv = gnu_hash(name);

		if (nbuckets == 0 || bloom_size == 0)
			return NULL;
		uint64_t word = bloom[(hv / 64) % bloom_size];
		if (!((word >> (hv % 64)) & (word >> ((hv >> shift) % 64)) & 1))
			return NULL;
		uint32_t i = buckets[hv % nbuckets];
		if (i < symoffset)
			return NULL;
		for (;; i++) {
			uint32_t ch = chain[i - symoffset];
			if ((ch | 1) == (hv | 1) && matched(o, i, name, ver, flags, &m))
				return m.sym;
			if (ch & 1)
				break;
		}
	} else {
		const uint32_t *h = o->sysv_hash;
		uint32_t nbucket = h[0], nchain = h[1];
		const uint32_t *bucket = h + 2, *chain = bucket + nbucket;

		if (nbucket == 0)
			return NULL;
		for (uint32_t i = bucket[rtld_elf_hash(name) % nbucket]; i != STN_UNDEF && i < nchain; i = chain[i])
			if (matched(o, i, name, ver, flags, &m))
				return m.sym;
	}
	return m.vcount == 1 ? m.vsym : NULL;
}

struct rtld_obj rtld_builtin = { .kind = RTLD_BUILTIN, .name = (char *)"ld-elf.so.1" };
struct rtld_obj rtld_host = { .kind = RTLD_HOST, .name = (char *)"(host process)" };
void *(*rtld_host_lookup)(const char *name);

/* The runtime linker's own exports, as ld-elf.so.1 has them
 * (libexec/rtld-elf/Symbol.map); _rtld_thread_init and the atfork hooks
 * serve FreeBSD's libthr, which libshim replaces: they do nothing. */
static const struct {
	const char *name;
	void *addr;
} builtins[] = {
	{ "__tls_get_addr", (void *)rtld_tls_get_addr },
	{ "_r_debug_postinit", (void *)rtld_nop },
	{ "_rtld_addr_phdr", (void *)rtld_addr_phdr },
	{ "_rtld_atfork_post", (void *)rtld_nop },
	{ "_rtld_atfork_pre", (void *)rtld_nop },
	{ "_rtld_error", (void *)rtld_error_export },
	{ "_rtld_get_stack_prot", (void *)rtld_get_stack_prot },
	{ "_rtld_is_dlopened", (void *)rtld_is_dlopened },
	{ "_rtld_thread_init", (void *)rtld_nop },
	{ "dl_iterate_phdr", (void *)rtld_dl_iterate_phdr },
	{ "dladdr", (void *)rtld_dladdr },
	{ "dlclose", (void *)rtld_dlclose },
	{ "dlerror", (void *)rtld_dlerror },
	{ "dlfunc", (void *)rtld_dlsym },
	{ "dlinfo", (void *)rtld_dlinfo },
	{ "dllockinit", (void *)rtld_dllockinit },
	{ "dlopen", (void *)rtld_dlopen },
	{ "dlsym", (void *)rtld_dlsym },
	{ "dlvsym", (void *)rtld_dlvsym },
	{ "fdlopen", (void *)rtld_fdlopen },
	{ "r_debug_state", (void *)rtld_nop },
};

int
rtld_lookup_in(struct rtld_obj *o, const char *name, const struct rtld_ver *ver, int flags,
    struct rtld_def *def)
{
	memset(def, 0, sizeof(*def));
	switch (o->kind) {
	case RTLD_FILE: {
		const Elf64_Sym *s = lookup_file(o, name, ver, flags);
		if (!s)
			return -1;
		def->obj = o;
		def->sym = s;
		return 0;
	}
	case RTLD_SHIM: {
		const struct ux_shim_sym *s;
		/* A version required from another object is not ours to give. */
		if (ver && ver->file && strcmp(ver->file, o->name) != 0 &&
		    !(o->soname && strcmp(ver->file, o->soname) == 0))
			s = NULL;
		else
			s = ux_shim_lookup(o->shim, name, ver ? ver->name : NULL);
		if (!s)
			return -1;
		def->obj = o;
		def->shim = s;
		return 0;
	}
	case RTLD_BUILTIN:
		for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
			if (strcmp(builtins[i].name, name) == 0) {
				def->obj = o;
				def->addr = (uint64_t)builtins[i].addr;
				return 0;
			}
		return -1;
	case RTLD_HOST: {
		/* A FreeBSD version is libshim's to satisfy, never glibc's. */
		void *p = !ver && rtld_host_lookup ? rtld_host_lookup(name) : NULL;
		if (!p)
			return -1;
		def->obj = o;
		def->addr = (uint64_t)p;
		return 0;
	}
	}
	return -1;
}

static int
def_is_weak(const struct rtld_def *d)
{
	return d->sym && ELF64_ST_BIND(d->sym->st_info) == STB_WEAK;
}

/* One candidate: 1 when the search may stop (a strong definition). */
static int
consider(struct rtld_obj *o, const char *name, const struct rtld_ver *ver, int flags,
    struct rtld_def *def, int *have)
{
	struct rtld_def d;

	if (rtld_lookup_in(o, name, ver, flags, &d) != 0)
		return 0;
	if (!def_is_weak(&d)) {
		*def = d;
		*have = 2;
		return 1;
	}
	if (!*have) {
		*def = d;
		*have = 1;
	}
	return 0;
}

int
rtld_lookup_list(struct rtld_obj **list, size_t n, const char *name, const struct rtld_ver *ver,
    int flags, struct rtld_def *def)
{
	int have = 0;

	memset(def, 0, sizeof(*def));
	for (size_t i = 0; i < n; i++)
		if (consider(list[i], name, ver, flags, def, &have))
			break;
	return have ? 0 : -1;
}

int
rtld_lookup_default(struct rtld_obj *ref, const char *name, const struct rtld_ver *ver, int flags,
    struct rtld_def *def)
{
	struct rtld_def d;
	int have = 0, done = 0;

	memset(def, 0, sizeof(*def));
	for (struct rtld_obj *o = rtld_objs; o && !done; o = o->next)
		if (!o->dl_local)
			done = consider(o, name, ver, flags, def, &have);
	for (size_t k = 0; ref && k < ref->ndldags && !done; k++) {
		struct rtld_obj *root = ref->dldags[k];
		for (size_t i = 0; i < root->ndag && !done; i++)
			if (root->dag[i]->dl_local)
				done = consider(root->dag[i], name, ver, flags, def, &have);
	}
	/* A strong definition in a file object beats the runtime linker's;
	 * anything else (weak, or a libshim stand-in) does not. */
	if (have == 2 && def->obj->kind == RTLD_FILE)
		return 0;
	if (rtld_lookup_in(&rtld_builtin, name, ver, flags, &d) == 0) {
		*def = d;
		return 0;
	}
	/* Last, as a native library's undefined symbols end in the process's
	 * global scope: what the host defines (N-API for a Node addon). */
	if (!have && rtld_host_lookup && rtld_lookup_in(&rtld_host, name, ver, flags, &d) == 0) {
		*def = d;
		return 0;
	}
	return have ? 0 : -1;
}

int
rtld_resolve(struct rtld_obj *ref, unsigned long symnum, int in_plt, struct rtld_def *def)
{
	const Elf64_Sym *rs = &ref->symtab[symnum];
	struct rtld_def d;

	memset(def, 0, sizeof(*def));
	if (symnum == 0 || ELF64_ST_BIND(rs->st_info) == STB_LOCAL) {
		def->obj = ref;
		def->sym = rs;
		return 0;
	}
	if (rs->st_name >= ref->strsz)
		return -1;
	const char *name = ref->strtab + rs->st_name;
	const struct rtld_ver *ver = rtld_sym_version(ref, symnum);

	/* Protected definitions and -Bsymbolic objects bind to themselves. */
	if (rs->st_shndx != SHN_UNDEF &&
	    (ELF64_ST_VISIBILITY(rs->st_other) == STV_PROTECTED || ref->symbolic) &&
	    rtld_lookup_in(ref, name, ver, in_plt, &d) == 0) {
		*def = d;
		return 0;
	}
	if (rtld_lookup_default(ref, name, ver, in_plt, def) == 0)
		return 0;
	if (ELF64_ST_BIND(rs->st_info) == STB_WEAK)
		return 0;	/* obj NULL: the value 0 */
	return -1;
}

/* FreeBSD passes an IFUNC resolver CPUID leaf 1 edx and ecx, then leaf 7
 * ebx and ecx (rtld_machdep.h, call_ifunc_resolver). */
static uint64_t
call_ifunc(uint64_t resolver)
{
	unsigned a, b, c, d, f1 = 0, f2 = 0, s1 = 0, s2 = 0;

	if (__get_cpuid(1, &a, &b, &c, &d)) {
		f1 = d;
		f2 = c;
	}
	if (__get_cpuid_max(0, NULL) >= 7) {
		__cpuid_count(7, 0, a, b, c, d);
		s1 = b;
		s2 = c;
	}
	return rtld_call_guest_ret(resolver, f1, f2, s1, s2);
}

int
rtld_def_is_ifunc(const struct rtld_def *def)
{
	return def->obj && def->sym && ELF64_ST_TYPE(def->sym->st_info) == STT_GNU_IFUNC &&
	    def->sym->st_shndx != SHN_UNDEF;
}

uint64_t
rtld_def_value(struct rtld_def *def)
{
	if (!def->obj)
		return 0;
	switch (def->obj->kind) {
	case RTLD_FILE:
		if (rtld_def_is_ifunc(def))
			return call_ifunc(def->obj->bias + def->sym->st_value);
		return def->obj->bias + def->sym->st_value;
	case RTLD_SHIM:
		if (def->shim->kind == UX_SHIM_FUNC)
			return (uint64_t)rtld_shim_tramp(def->obj, def->shim);
		return (uint64_t)def->shim->addr;
	case RTLD_BUILTIN:
	case RTLD_HOST:
		return def->addr;
	}
	return 0;
}

uint64_t
rtld_irelative(uint64_t resolver)
{
	return call_ifunc(resolver);
}

void *
ux_rtld_sym_default(const char *name)
{
	struct rtld_def d;

	for (struct rtld_obj *o = rtld_objs; o; o = o->next)
		if (!o->dl_local && rtld_lookup_in(o, name, NULL, 0, &d) == 0)
			return (void *)rtld_def_value(&d);
	return NULL;
}
