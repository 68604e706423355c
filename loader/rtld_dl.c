/*
 * The runtime linker's services for the guest: dlopen, dlclose, dlsym,
 * dlvsym, dlfunc, dladdr, dlinfo, dlerror, dl_iterate_phdr and the rest
 * of what FreeBSD's ld-elf.so.1 exports (libexec/rtld-elf/rtld.c), with
 * FreeBSD's constants, structures and messages.  A guest reaches them
 * whatever soname its import names: libc.so.7 has only stand-ins that
 * these override (rtld_lookup_default), as rtld's definitions beat libc's
 * weak stubs on FreeBSD.
 *
 * They are bound directly, not through a libshim trampoline, so
 * __builtin_return_address(0) is the guest's call site (RTLD_NEXT and
 * RTLD_DEFAULT depend on the caller's object); each clears the thread's
 * Syscall User Dispatch selector itself while it runs, and guest code it
 * calls (initialisers, finalisers, dl_iterate_phdr callbacks) runs with
 * the selector set again.
 *
 * dlopen loads what the object needs breadth-first (rtld_load.c), gives
 * modules with TLS a module id (dynamic TLS unless linked DF_STATIC_TLS),
 * relocates the new objects in the scope FreeBSD gives them (the global
 * objects, then the object's own DAG), tells the trap and the unwinder
 * about their code, and runs their initialisers.  Reference counts are
 * FreeBSD's: each dlopen references every member of the root's DAG and
 * each dlclose drops those references; members left unreferenced are
 * finalised and unmapped.  Objects loaded at start, and NODELETE ones,
 * stay.  One recursive lock serialises all of it, held while guest
 * initialisers run (so an initialiser may dlopen, as glibc allows).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "loader/rtld.h"
#include "loader/rtld_obj.h"
#include "syscalls/log.h"
#include "syscalls/trap.h"

/* FreeBSD's <dlfcn.h>. */
#define FBSD_RTLD_MODEMASK	0x3
#define FBSD_RTLD_NOW		2
#define FBSD_RTLD_GLOBAL	0x100
#define FBSD_RTLD_TRACE		0x200
#define FBSD_RTLD_NODELETE	0x1000
#define FBSD_RTLD_NOLOAD	0x2000
#define FBSD_RTLD_NEXT		((void *)-1)
#define FBSD_RTLD_DEFAULT	((void *)-2)
#define FBSD_RTLD_SELF		((void *)-3)
#define FBSD_RTLD_DI_LINKMAP	2
#define FBSD_RTLD_DI_SERINFO	4
#define FBSD_RTLD_DI_SERINFOSIZE 5
#define FBSD_RTLD_DI_ORIGIN	6
/* <sys/link_elf.h> */
#define FBSD_LA_SER_LIBPATH	0x02
#define FBSD_LA_SER_RUNPATH	0x04
#define FBSD_LA_SER_DEFAULT	0x40

struct fbsd_dl_info {
	const char *dli_fname;
	void *dli_fbase;
	const char *dli_sname;
	void *dli_saddr;
};
_Static_assert(sizeof(struct fbsd_dl_info) == 32, "FreeBSD's Dl_info is 32 bytes");

struct fbsd_dl_phdr_info {
	uint64_t dlpi_addr;
	const char *dlpi_name;
	const Elf64_Phdr *dlpi_phdr;
	uint16_t dlpi_phnum;
	unsigned long long dlpi_adds;
	unsigned long long dlpi_subs;
	size_t dlpi_tls_modid;
	void *dlpi_tls_data;
};
_Static_assert(sizeof(struct fbsd_dl_phdr_info) == 64, "FreeBSD's struct dl_phdr_info is 64 bytes");
_Static_assert(sizeof(GElf_Phdr) == sizeof(Elf64_Phdr), "GElf_Phdr is Elf64_Phdr's layout");

struct fbsd_dl_serpath {
	char *dls_name;
	unsigned dls_flags;
};

struct fbsd_dl_serinfo {
	size_t dls_size;
	unsigned dls_cnt;
	struct fbsd_dl_serpath dls_serpath[1];
};
_Static_assert(sizeof(struct fbsd_dl_serinfo) == 32, "FreeBSD's Dl_serinfo is 32 bytes");

static pthread_mutex_t dl_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
/* dl_iterate_phdr's dlpi_adds and dlpi_subs: objects ever loaded, unloaded. */
static unsigned long long dl_adds, dl_subs;
static int dl_counted;

/* dlerror(): this thread's last message, until it is read. */
static __thread char dl_msg[512] UX_TLS_MODEL;
static __thread int dl_msg_set UX_TLS_MODEL;

static void __attribute__((format(printf, 1, 2)))
dl_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dl_msg, sizeof(dl_msg), fmt, ap);
	va_end(ap);
	dl_msg_set = 1;
}

/* Host code from here on: the selector lets its system calls through. */
static uint8_t
dl_enter(void)
{
	uint8_t s = *ux_guest_sel;

	*ux_guest_sel = 0;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	pthread_mutex_lock(&dl_lock);
	if (!dl_counted) {
		for (struct rtld_obj *o = rtld_objs; o; o = o->next)
			dl_adds++;
		dl_counted = 1;
	}
	return s;
}

static void
dl_leave(uint8_t s)
{
	pthread_mutex_unlock(&dl_lock);
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	*ux_guest_sel = s;
}

static const char *
base_name(const char *p)
{
	const char *s = p ? strrchr(p, '/') : NULL;

	return s ? s + 1 : p ? p : "?";
}

/* A handle dlopen gave out and dlclose has not taken back. */
static struct rtld_obj *
dlcheck(void *handle)
{
	for (struct rtld_obj *o = rtld_objs; o; o = o->next)
		if (o == handle && o->dl_refcount > 0)
			return o;
	dl_error("Invalid shared object handle %p", handle);
	return NULL;
}

/* The guest object whose mapping holds addr. */
static struct rtld_obj *
obj_from_addr(const void *addr)
{
	uint64_t a = (uint64_t)addr;

	for (struct rtld_obj *o = rtld_objs; o; o = o->next)
		if (o->kind == RTLD_FILE && a >= o->lo && a < o->hi)
			return o;
	return NULL;
}

/* A libshim symbol whose address (or trampoline) is addr. */
static struct rtld_obj *
shim_from_addr(const void *addr, const struct ux_shim_sym **sym)
{
	for (struct rtld_obj *o = rtld_objs; o; o = o->next) {
		if (o->kind != RTLD_SHIM)
			continue;
		for (size_t i = 0; i < o->shim->nsyms; i++)
			if ((o->tramp && o->tramp[i] == addr) || o->shim->syms[i].addr == addr) {
				*sym = &o->shim->syms[i];
				return o;
			}
	}
	return NULL;
}

static int
add_ptr(struct rtld_obj ***v, size_t *n, struct rtld_obj *o)
{
	for (size_t i = 0; i < *n; i++)
		if ((*v)[i] == o)
			return 0;
	struct rtld_obj **p = realloc(*v, (*n + 1) * sizeof(**v));
	if (!p)
		return -1;
	p[(*n)++] = o;
	*v = p;
	return 0;
}

static void
del_ptr(struct rtld_obj **v, size_t *n, struct rtld_obj *o)
{
	for (size_t i = 0; i < *n; i++)
		if (v[i] == o) {
			memmove(&v[i], &v[i + 1], (*n - i - 1) * sizeof(*v));
			(*n)--;
			return;
		}
}

/* root and everything it needs, breadth-first (FreeBSD's init_dag). */
static int
init_dag(struct rtld_obj *root)
{
	if (root->dag)
		return 0;
	if (add_ptr(&root->dag, &root->ndag, root) != 0)
		return -1;
	for (size_t k = 0; k < root->ndag; k++) {
		struct rtld_obj *o = root->dag[k];
		for (size_t i = 0; i < o->nneeded; i++)
			if (o->needed[i] && add_ptr(&root->dag, &root->ndag, o->needed[i]) != 0)
				return -1;
	}
	for (size_t k = 0; k < root->ndag; k++)
		if (add_ptr(&root->dag[k]->dldags, &root->dag[k]->ndldags, root) != 0)
			return -1;
	return 0;
}

static void
ref_dag(struct rtld_obj *root, int by)
{
	for (size_t k = 0; k < root->ndag; k++)
		root->dag[k]->refcount += by;
}

/* Forgets the unbound-symbol records of an object going away. */
static void
drop_unbound(const struct rtld_obj *o)
{
	size_t j = 0;

	for (size_t i = 0; i < rtld_nunbound; i++)
		if (rtld_unbound[i].ref != o)
			rtld_unbound[j++] = rtld_unbound[i];
	rtld_nunbound = j;
}

/* Unloads o: it is referenced by nothing and its finalisers have run (or
 * it was never initialised). */
static void
unload(struct rtld_obj *o)
{
	for (struct rtld_obj *p = rtld_objs; p; p = p->next)
		del_ptr(p->dldags, &p->ndldags, o);
	if (o->tls_index)
		rtld_dltls_remove(o);
	drop_unbound(o);
	if (ux_trace_on)
		ux_logf("rtld: dlclose: unloading %s", o->path ? o->path : o->name);
	rtld_unload_object(o);
	dl_subs++;
}

/* Everything after *last (the load list's end before a dlopen) is new. */
static struct rtld_obj *
first_after(struct rtld_obj *last)
{
	return last ? last->next : rtld_objs;
}

static void
undo_load(struct rtld_obj *last, struct rtld_obj *root, int referenced)
{
	if (root && root->dag && referenced)
		ref_dag(root, -1);
	/* A root loaded before keeps its DAG: all of it was there before. */
	while (first_after(last))
		unload(first_after(last));
}

static void
add_code(struct rtld_obj *o)
{
	struct ux_range r[UX_TRAP_MAX_RANGES];
	int n = rtld_obj_code_ranges(o, r, UX_TRAP_MAX_RANGES);
	int e;

	/* XXX Under seccomp the new filter covers this thread and threads it
	 * starts later, not threads already running. */
	if (n > 0 && (e = ux_trap_add_ranges(r, n)) != 0)
		ux_logf("rtld: %s: cannot trap its system calls (seccomp filter: %s)", o->path, strerror(-e));
}

static struct rtld_obj *
dlopen_locked(const char *name, int mode)
{
	struct ux_err err = { 0, "" };
	struct rtld_obj *last = NULL, *o = NULL;

	if (mode & FBSD_RTLD_TRACE) {
		dl_error("RTLD_TRACE is not supported by uxrun");
		return NULL;
	}
	if (!name) {
		rtld_main->dl_refcount++;
		return rtld_main;
	}
	for (struct rtld_obj *p = rtld_objs; p; p = p->next)
		last = p;
	int r = rtld_load_object(name, rtld_main, (mode & FBSD_RTLD_NOLOAD) != 0, &o, &err);
	if (r <= 0) {
		struct stat st;
		if (r < 0)
			dl_error("%s", err.msg);
		else if (mode & FBSD_RTLD_NOLOAD)
			dl_error("Shared object \"%s\" is not loaded", name);
		else if (!strchr(name, '/'))
			dl_error("Shared object \"%s\" not found, required by \"%s\"", name,
			    base_name(rtld_main->path));
		else if (stat(name, &st) != 0)
			dl_error("Cannot open \"%s\"", name);
		else
			dl_error("%s: not a FreeBSD x86-64 shared object", name);
		undo_load(last, NULL, 0);
		return NULL;
	}
	struct rtld_obj *first = first_after(last);
	if (first && rtld_load_needed(first, 0, &err) != 0) {
		dl_error("%s", err.msg);
		undo_load(last, NULL, 0);
		return NULL;
	}
	for (struct rtld_obj *p = first; p; p = p->next) {
		p->dlopened = 1;
		p->dl_local = 1;
		dl_adds++;
	}
	if (init_dag(o) != 0) {
		dl_error("out of memory");
		undo_load(last, o, 0);
		return NULL;
	}
	ref_dag(o, 1);
	/* TLS first: relocations against it need the module ids. */
	for (struct rtld_obj *p = first; p; p = p->next) {
		if (p->kind != RTLD_FILE || !p->tls_memsz)
			continue;
		if ((p->static_tls ? rtld_tls_place_static(p, &err) : rtld_dltls_add(p, &err)) != 0) {
			dl_error("%s", err.msg);
			undo_load(last, o, 1);
			return NULL;
		}
	}
	size_t unbound_before = rtld_nunbound;
	if (rtld_relocate_all(0, &err) != 0) {
		dl_error("%s", err.msg);
		undo_load(last, o, 1);
		return NULL;
	}
	/* RTLD_NOW: every function bound now, as FreeBSD checks each PLT slot. */
	if ((mode & FBSD_RTLD_MODEMASK) == FBSD_RTLD_NOW && rtld_nunbound > unbound_before) {
		const struct rtld_unbound *u = &rtld_unbound[unbound_before];
		dl_error("%s: Undefined symbol \"%s%s%s\"", u->ref->path, u->name, u->version ? "@" : "",
		    u->version ? u->version : "");
		undo_load(last, o, 1);
		return NULL;
	}
	for (struct rtld_obj *p = first; p; p = p->next) {
		add_code(p);
		if (ux_trace_on)
			ux_logf("rtld: dlopen: %s => %s", p->name, p->kind == RTLD_SHIM ? "libshim" : p->path);
	}
	if (mode & FBSD_RTLD_GLOBAL)
		for (size_t k = 0; k < o->ndag; k++)
			o->dag[k]->dl_local = 0;
	if ((mode & FBSD_RTLD_NODELETE) || o->nodelete)
		for (size_t k = 0; k < o->ndag; k++)
			o->dag[k]->pinned = 1;
	o->dl_refcount++;
	if (first)
		rtld_unwind_update();
	rtld_init_objects(o);
	return o;
}

void *
rtld_dlopen(const char *name, int mode)
{
	uint8_t s = dl_enter();
	struct rtld_obj *o = dlopen_locked(name, mode);

	dl_leave(s);
	return o;
}

void *
rtld_fdlopen(int fd, int mode)
{
	char link[64], path[PATH_MAX];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if ((n = readlink(link, path, sizeof(path) - 1)) < 0) {
		uint8_t s = dl_enter();
		dl_error("Cannot fstat \"#%d\"", fd);
		dl_leave(s);
		return NULL;
	}
	path[n] = '\0';
	return rtld_dlopen(path, mode);
}

int
rtld_dlclose(void *handle)
{
	uint8_t s = dl_enter();
	struct rtld_obj *root = dlcheck(handle);

	if (!root) {
		dl_leave(s);
		return -1;
	}
	root->dl_refcount--;
	if (root->mainprog) {
		dl_leave(s);
		return 0;
	}
	ref_dag(root, -1);
	int any = 0;
	for (size_t k = 0; k < root->ndag; k++) {
		struct rtld_obj *o = root->dag[k];
		if (!o->refcount && !o->pinned && !o->dl_refcount) {
			o->fini_due = 1;
			any = 1;
		}
	}
	if (any) {
		rtld_fini_objects();
		/* Gather first: unloading the root frees its DAG. */
		size_t n = 0;
		for (struct rtld_obj *o = rtld_objs; o; o = o->next)
			n += o->fini_due;
		struct rtld_obj **doomed = calloc(n ? n : 1, sizeof(*doomed));
		n = 0;
		for (struct rtld_obj *o = rtld_objs; o && doomed; o = o->next)
			if (o->fini_due)
				doomed[n++] = o;
		for (size_t i = 0; i < n; i++)
			unload(doomed[i]);
		free(doomed);
		rtld_unwind_update();
	}
	dl_leave(s);
	return 0;
}

char *
rtld_dlerror(void)
{
	if (!dl_msg_set)
		return NULL;
	dl_msg_set = 0;
	return dl_msg;
}

static void *
def_address(struct rtld_def *d)
{
	if (d->obj && d->obj->kind == RTLD_FILE && d->sym && ELF64_ST_TYPE(d->sym->st_info) == STT_TLS) {
		uint64_t ti[2] = { d->obj->tls_index, d->sym->st_value };
		return rtld_tls_get_addr(ti);
	}
	return (void *)rtld_def_value(d);
}

static void *
do_dlsym(void *handle, const char *name, const char *version, void *retaddr)
{
	struct rtld_ver v = { version, version ? rtld_elf_hash(version) : 0, NULL };
	const struct rtld_ver *ver = version ? &v : NULL;
	int flags = RTLD_LK_IN_PLT | RTLD_LK_DLSYM, found = -1;
	struct rtld_def def;
	struct rtld_obj *o;

	if (handle == NULL || handle == FBSD_RTLD_NEXT || handle == FBSD_RTLD_DEFAULT ||
	    handle == FBSD_RTLD_SELF) {
		/* Host code asking (libshim) counts as the executable. */
		if (!(o = obj_from_addr(retaddr)))
			o = rtld_main;
		if (handle == NULL) {
			found = rtld_lookup_in(o, name, ver, flags, &def);
		} else if (handle == FBSD_RTLD_DEFAULT) {
			found = rtld_lookup_default(o, name, ver, flags, &def);
		} else {
			size_t n = 0;
			struct rtld_obj *p = handle == FBSD_RTLD_NEXT ? o->next : o;
			for (struct rtld_obj *q = p; q; q = q->next)
				n++;
			struct rtld_obj **list = calloc(n + 1, sizeof(*list));
			if (!list) {
				dl_error("out of memory");
				return NULL;
			}
			n = 0;
			for (struct rtld_obj *q = p; q; q = q->next)
				list[n++] = q;
			list[n++] = &rtld_builtin;
			found = rtld_lookup_list(list, n, name, ver, flags, &def);
			free(list);
		}
	} else {
		if (!(o = dlcheck(handle)))
			return NULL;
		if (o->mainprog)	/* dlopen(NULL): the global scope */
			found = rtld_lookup_default(NULL, name, ver, flags, &def);
		else
			found = rtld_lookup_list(o->dag, o->ndag, name, ver, flags, &def);
	}
	if (found == 0 && def.obj)
		return def_address(&def);
	dl_error("Undefined symbol \"%s%s%s\"", name, version ? "@" : "", version ? version : "");
	return NULL;
}

void *
rtld_dlsym(void *handle, const char *name)
{
	void *ret = __builtin_return_address(0);
	uint8_t s = dl_enter();
	void *p = do_dlsym(handle, name, NULL, ret);

	dl_leave(s);
	return p;
}

void *
rtld_dlvsym(void *handle, const char *name, const char *version)
{
	void *ret = __builtin_return_address(0);
	uint8_t s = dl_enter();
	void *p = do_dlsym(handle, name, version, ret);

	dl_leave(s);
	return p;
}

size_t
rtld_dynsym_count(const struct rtld_obj *o)
{
	if (o->sysv_hash)
		return o->sysv_hash[1];
	const uint32_t *h = o->gnu_hash;
	uint32_t nbuckets = h[0], symoffset = h[1], bloom_size = h[2];
	const uint32_t *buckets = (const uint32_t *)((const uint64_t *)(h + 4) + bloom_size);
	const uint32_t *chain = buckets + nbuckets;
	uint32_t max = 0;

	for (uint32_t i = 0; i < nbuckets; i++)
		if (buckets[i] > max)
			max = buckets[i];
	if (max < symoffset)
		return symoffset;
	while (!(chain[max - symoffset] & 1))
		max++;
	return (size_t)max + 1;
}

int
rtld_dladdr(const void *addr, struct fbsd_dl_info *info)
{
	uint8_t s = dl_enter();
	const struct ux_shim_sym *sym;
	struct rtld_obj *o = obj_from_addr(addr);

	if (!o && (o = shim_from_addr(addr, &sym)) != NULL) {
		/* Where FreeBSD keeps that library; its "base" is uxrun's table. */
		static __thread char path[128] UX_TLS_MODEL;
		snprintf(path, sizeof(path), "/lib/%s", o->shim->soname);
		info->dli_fname = path;
		info->dli_fbase = (void *)o->shim;
		info->dli_sname = sym->name;
		info->dli_saddr = (void *)addr;
		dl_leave(s);
		return 1;
	}
	if (!o) {
		dl_error("No shared object contains address");
		dl_leave(s);
		return 0;
	}
	info->dli_fname = o->path;
	info->dli_fbase = (void *)o->lo;
	info->dli_sname = NULL;
	info->dli_saddr = NULL;
	for (size_t i = 0, n = rtld_dynsym_count(o); i < n; i++) {
		const Elf64_Sym *d = &o->symtab[i];
		if (d->st_shndx == SHN_UNDEF || d->st_shndx == SHN_COMMON || d->st_name >= o->strsz)
			continue;
		void *a = (void *)(o->bias + d->st_value);
		if (a > addr || a < info->dli_saddr)
			continue;
		info->dli_sname = o->strtab + d->st_name;
		info->dli_saddr = a;
		if (a == addr)
			break;
	}
	dl_leave(s);
	return 1;
}

/* Lists one search path for RTLD_DI_SERINFO(SIZE). */
static int
serinfo_path(const char *list, unsigned flags, struct fbsd_dl_serinfo *info, int fill, size_t *cnt,
    size_t *size, char **strs)
{
	while (list && *list) {
		size_t n = strcspn(list, ":;");
		if (n) {
			if (fill) {
				struct fbsd_dl_serpath *p = &info->dls_serpath[*cnt];
				p->dls_name = *strs;
				p->dls_flags = flags;
				memcpy(*strs, list, n);
				(*strs)[n] = '\0';
				*strs += n + 1;
			}
			(*cnt)++;
			*size += sizeof(struct fbsd_dl_serpath) + n + 1;
		}
		list += n;
		if (*list)
			list++;
	}
	return 0;
}

static int
serinfo(const struct rtld_obj *o, int request, struct fbsd_dl_serinfo *info)
{
	const char *root = getenv("UXRUN_ROOT");
	char def[2 * PATH_MAX + 16];
	size_t cnt = 0, size = offsetof(struct fbsd_dl_serinfo, dls_serpath);

	if (!root || !*root)
		root = "/compat/freebsd";
	if (strcmp(root, "/") == 0)
		root = "";
	snprintf(def, sizeof(def), "%s/lib:%s/usr/lib", root, root);
	const char *lists[4] = { o->rpath, getenv("LD_LIBRARY_PATH"), o->runpath, def };
	const unsigned flags[4] = { FBSD_LA_SER_RUNPATH, FBSD_LA_SER_LIBPATH, FBSD_LA_SER_RUNPATH,
	    FBSD_LA_SER_DEFAULT };
	for (int i = 0; i < 4; i++)
		serinfo_path(lists[i], flags[i], NULL, 0, &cnt, &size, NULL);
	if (request == FBSD_RTLD_DI_SERINFOSIZE) {
		info->dls_size = size;
		info->dls_cnt = (unsigned)cnt;
		return 0;
	}
	if (info->dls_cnt != cnt || info->dls_size != size) {
		dl_error("Uninitialized Dl_serinfo struct passed to dlinfo()");
		return -1;
	}
	char *strs = (char *)&info->dls_serpath[cnt];
	cnt = 0;
	size = 0;
	for (int i = 0; i < 4; i++)
		serinfo_path(lists[i], flags[i], info, 1, &cnt, &size, &strs);
	return 0;
}

int
rtld_dlinfo(void *handle, int request, void *p)
{
	void *ret = __builtin_return_address(0);
	uint8_t s = dl_enter();
	struct rtld_obj *o;
	int r = 0;

	if (handle == NULL || handle == FBSD_RTLD_SELF) {
		if (!(o = obj_from_addr(ret)))
			dl_error("Cannot determine caller's shared object");
	} else {
		o = dlcheck(handle);
	}
	if (!o) {
		dl_leave(s);
		return -1;
	}
	switch (request) {
	case FBSD_RTLD_DI_LINKMAP:
		if (o->kind == RTLD_SHIM && !o->linkmap.l_name) {
			static __thread char path[128] UX_TLS_MODEL;
			snprintf(path, sizeof(path), "/lib/%s", o->shim->soname);
			o->linkmap.l_name = strdup(path);
		}
		*(struct fbsd_link_map **)p = &o->linkmap;
		break;
	case FBSD_RTLD_DI_ORIGIN:
		snprintf(p, PATH_MAX, "%s", o->kind == RTLD_FILE ? o->origin : "/lib");
		break;
	case FBSD_RTLD_DI_SERINFOSIZE:
	case FBSD_RTLD_DI_SERINFO:
		r = serinfo(o, request, p);
		break;
	default:
		dl_error("Invalid request %d passed to dlinfo()", request);
		r = -1;
	}
	dl_leave(s);
	return r;
}

static void
fill_phdr_info(const struct rtld_obj *o, struct fbsd_dl_phdr_info *pi)
{
	memset(pi, 0, sizeof(*pi));
	pi->dlpi_addr = o->bias;
	pi->dlpi_name = o->path;
	pi->dlpi_phdr = (const Elf64_Phdr *)o->ph;
	pi->dlpi_phnum = (uint16_t)o->phnum;
	pi->dlpi_adds = dl_adds;
	pi->dlpi_subs = dl_subs;
	pi->dlpi_tls_modid = o->tls_index;
	if (o->tls_index) {
		uint64_t ti[2] = { o->tls_index, 0 };
		pi->dlpi_tls_data = rtld_tls_get_addr(ti);
	}
}

int
rtld_dl_iterate_phdr(int (*cb)(struct fbsd_dl_phdr_info *, size_t, void *), void *arg)
{
	uint8_t s = dl_enter();
	struct fbsd_dl_phdr_info pi;
	int r = 0;

	for (struct rtld_obj *o = rtld_objs; o && r == 0; o = o->next) {
		if (o->kind != RTLD_FILE)
			continue;
		fill_phdr_info(o, &pi);
		r = (int)rtld_call_guest_ret((uint64_t)cb, (uint64_t)&pi, sizeof(pi), (uint64_t)arg, 0);
	}
	dl_leave(s);
	return r;
}

int
rtld_addr_phdr(const void *addr, struct fbsd_dl_phdr_info *info)
{
	uint8_t s = dl_enter();
	struct rtld_obj *o = obj_from_addr(addr);

	if (o)
		fill_phdr_info(o, info);
	else
		dl_error("No shared object contains address");
	dl_leave(s);
	return o != NULL;
}

int
rtld_get_stack_prot(void)
{
	int prot = PROT_READ | PROT_WRITE | PROT_EXEC;

	for (size_t i = 0; rtld_main && i < rtld_main->phnum; i++)
		if (rtld_main->ph[i].p_type == PT_GNU_STACK) {
			prot = PROT_READ | PROT_WRITE | ((rtld_main->ph[i].p_flags & PF_X) ? PROT_EXEC : 0);
			break;
		}
	return prot;
}

int
rtld_is_dlopened(void *handle)
{
	uint8_t s = dl_enter();
	struct rtld_obj *o = dlcheck(handle);
	int r;

	if (!o && !(o = obj_from_addr(handle)))
		dl_error("No shared object contains address");
	r = o ? o->dlopened : -1;
	dl_leave(s);
	return r;
}

int
rtld_dl_is_handle(void *handle)
{
	int r = 0;

	pthread_mutex_lock(&dl_lock);
	for (struct rtld_obj *o = rtld_objs; o && !r; o = o->next)
		r = o == handle && o->dl_refcount > 0;
	pthread_mutex_unlock(&dl_lock);
	return r;
}

int
rtld_dl_in_file(const void *addr)
{
	pthread_mutex_lock(&dl_lock);
	int r = obj_from_addr(addr) != NULL;
	pthread_mutex_unlock(&dl_lock);
	return r;
}

void
rtld_dllockinit(void *ctx, void *a, void *b, void *c, void *d, void *e, void (*ctx_destroy)(void *))
{
	static void *cur;
	static void (*cur_destroy)(void *);

	(void)a; (void)b; (void)c; (void)d; (void)e;
	/* Deprecated on FreeBSD: it only destroys the previous context. */
	if (cur_destroy)
		rtld_call_guest((uint64_t)cur_destroy, (uint64_t)cur, 0, 0);
	cur = ctx;
	cur_destroy = ctx_destroy;
}

void
rtld_error_export(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dl_msg, sizeof(dl_msg), fmt, ap);
	va_end(ap);
	dl_msg_set = 1;
}

void
rtld_nop(void)
{
}
