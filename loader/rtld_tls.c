/*
 * The guest's static TLS, inside uxrun's (doc/dynamic.md).  A dynamic
 * guest runs with glibc's thread pointer, so its modules' TLS blocks must
 * live at fixed offsets from it in every thread: uxrun reserves
 * ux_guest_tls (rtld_asm.S), the last object of its own TLS segment,
 * which therefore ends exactly at the thread pointer.  Modules are placed
 * downwards from there, FreeBSD amd64's variant II: the executable first,
 * where its link-time (local-exec) offsets expect it, then each library
 * with TLS in load order.  A module's block starts at tp - tls_offset,
 * with tls_offset the smallest value past the previous module that keeps
 * the block congruent to its p_vaddr modulo its alignment.
 *
 * General-dynamic accesses (__tls_get_addr, DTPMOD64/DTPOFF64) find the
 * same blocks through the module table.  A module dlopen loads later has
 * dynamic TLS (rtld_dltls.c, offset 0 here), unless it was linked for
 * initial-exec access (DF_STATIC_TLS): then it takes a place in what the
 * static block has left, as FreeBSD's rtld does with its spare room.
 */
#include "config.h"

#include <string.h>
#include <stdlib.h>

#include "loader/rtld.h"
#include "loader/rtld_obj.h"
#include "syscalls/thread.h"
#include "syscalls/trap.h"


/* Module id -> bytes below the thread pointer (index 0 unused; 0: the
 * module's TLS is dynamic).  Read by __tls_get_addr in any thread while a
 * dlopen may add a module: the array only grows into a new copy, and old
 * copies are kept. */
static int64_t *tls_mods;
static size_t tls_nmods, tls_cap;
static uint64_t tls_used;

static uint64_t
thread_pointer(void)
{
	uint64_t tp;

	__asm__("movq %%fs:0, %0" : "=r"(tp));
	return tp;
}

#ifdef PIC
/* libuxrun.so, dlopen'ed into a native process by the LD_PRELOAD shim,
 * has no guest block (rtld_asm.S): glibc gives a library loaded late no
 * static TLS to speak of, so modules there have dynamic TLS only. */
#define NO_BLOCK "initial-exec TLS, which uxrun cannot give inside a native process"
static int
guest_block_at_tp(void)
{
	return 0;
}
#else
#define NO_BLOCK "its TLS at a fixed place, but this uxrun was linked with its guest TLS block " \
	"away from the thread pointer"
extern __thread char ux_guest_tls[] __attribute__((tls_model("initial-exec")));

static int
guest_block_at_tp(void)
{
	return (uint64_t)(ux_guest_tls + UX_GUEST_TLS_MAX) == thread_pointer();
}
#endif

size_t
rtld_tls_new_module(int64_t off)
{
	if (tls_nmods + 2 > tls_cap) {
		size_t cap = tls_cap ? 2 * tls_cap : 16;
		int64_t *m = calloc(cap, sizeof(*m));
		if (!m)
			return 0;
		if (tls_nmods)
			memcpy(m, tls_mods, tls_nmods * sizeof(*m));
		__atomic_store_n(&tls_mods, m, __ATOMIC_RELEASE);
		tls_cap = cap;
	}
	if (tls_nmods == 0)
		tls_nmods = 1;
	tls_mods[tls_nmods] = off;
	__atomic_store_n(&tls_nmods, tls_nmods + 1, __ATOMIC_RELEASE);
	return tls_nmods - 1;
}

/* Where a block of memsz bytes, aligned like vaddr modulo align, goes. */
static int
place(uint64_t memsz, uint64_t align, uint64_t vaddr, int64_t *off, struct ux_err *err,
    const char *who)
{
	if (align & (align - 1))
		return ux_err_set(err, 126, "%s: TLS alignment %#lx is not a power of two", who,
		    (unsigned long)align);
	if (align > UX_GUEST_TLS_ALIGN)
		return ux_err_set(err, 126, "%s: TLS alignment %lu is more than uxrun provides (%d)", who,
		    (unsigned long)align, UX_GUEST_TLS_ALIGN);
	uint64_t want = (0 - vaddr) & (align - 1);
	uint64_t o = tls_used + memsz;
	o += (want - o) & (align - 1);
	if (o > UX_GUEST_TLS_MAX)
		return ux_err_set(err, 126, "%s: the program's static TLS needs more than the %d bytes uxrun "
		    "reserves for it", who, UX_GUEST_TLS_MAX);
	tls_used = o;
	*off = (int64_t)o;
	return 0;
}

int
rtld_tls_layout(struct ux_err *err)
{
	int any = 0;

	for (struct rtld_obj *o = rtld_objs; o; o = o->next)
		any |= o->kind == RTLD_FILE && o->tls_memsz;
	if (!any)
		return 0;
	/* What the executable's local-exec code relies on. */
	if (!guest_block_at_tp())
		return ux_err_set(err, 126, "%s: uses thread-local storage, which needs " NO_BLOCK, rtld_main->path);
	for (struct rtld_obj *o = rtld_objs; o; o = o->next) {
		if (o->kind != RTLD_FILE || !o->tls_memsz)
			continue;
		if (place(o->tls_memsz, o->tls_align, o->tls_vaddr, &o->tls_offset, err, o->path) != 0)
			return -1;
		if (!(o->tls_index = rtld_tls_new_module(o->tls_offset)))
			return ux_err_set(err, 126, "out of memory");
	}
	return 0;
}

int64_t
rtld_tls_shim_slot(struct rtld_obj *obj, size_t idx, struct ux_err *err)
{
	const struct ux_shim_sym *s = &obj->shim->syms[idx];

	if (!obj->shim_tls_offset) {
		obj->shim_tls_offset = calloc(obj->shim->nsyms, sizeof(int64_t));
		obj->shim_tls_index = calloc(obj->shim->nsyms, sizeof(size_t));
		if (!obj->shim_tls_offset || !obj->shim_tls_index) {
			ux_err_set(err, 126, "out of memory");
			return 0;
		}
	}
	if (obj->shim_tls_offset[idx])
		return obj->shim_tls_offset[idx];
	if (s->kind != UX_SHIM_DATA || s->size == 0) {
		ux_err_set(err, 126, "%s: TLS relocation against %s, which libshim does not provide as data",
		    obj->name, s->name);
		return 0;
	}
	if (!guest_block_at_tp()) {
		ux_err_set(err, 126, "%s: a TLS relocation against libshim's %s needs " NO_BLOCK, obj->name, s->name);
		return 0;
	}
	int64_t off;
	if (place(s->size, s->size >= 16 ? 16 : 8, 0, &off, err, s->name) != 0)
		return 0;
	if (!(obj->shim_tls_index[idx] = rtld_tls_new_module(off))) {
		ux_err_set(err, 126, "out of memory");
		return 0;
	}
	obj->shim_tls_offset[idx] = off;
	return off;
}

void *
ux_rtld_shim_tls(const char *soname, const char *name)
{
	for (struct rtld_obj *o = rtld_objs; o; o = o->next) {
		const struct ux_shim_sym *s;

		if (o->kind != RTLD_SHIM || !o->shim_tls_offset || strcmp(o->shim->soname, soname) != 0)
			continue;
		if (!(s = ux_shim_lookup(o->shim, name, NULL)) || !o->shim_tls_offset[s - o->shim->syms])
			return NULL;
		return (char *)thread_pointer() - o->shim_tls_offset[s - o->shim->syms];
	}
	return NULL;
}

extern uint8_t ux_rtld_dummy_sel;

void
ux_rtld_thread_attach(struct ux_thread *td)
{
	uint8_t *sel = td ? ux_trap_entry_selector(td) : NULL;
	char *tp = (char *)thread_pointer();

	ux_rtld_td = td;
	ux_guest_sel = sel ? sel : &ux_rtld_dummy_sel;
	for (struct rtld_obj *o = rtld_objs; o; o = o->next) {
		if (o->kind == RTLD_FILE && o->tls_index && o->tls_offset) {
			char *dst = tp - o->tls_offset;
			memcpy(dst, (const void *)o->tls_image, o->tls_filesz);
			memset(dst + o->tls_filesz, 0, o->tls_memsz - o->tls_filesz);
		} else if (o->kind == RTLD_SHIM && o->shim_tls_offset) {
			for (size_t i = 0; i < o->shim->nsyms; i++)
				if (o->shim_tls_offset[i])
					memcpy(tp - o->shim_tls_offset[i], o->shim->syms[i].addr, o->shim->syms[i].size);
		}
	}
}

int
rtld_tls_place_static(struct rtld_obj *o, struct ux_err *err)
{
	if (!guest_block_at_tp())
		return ux_err_set(err, 126, "%s: linked with DF_STATIC_TLS: it needs " NO_BLOCK, o->path);
	if (place(o->tls_memsz, o->tls_align, o->tls_vaddr, &o->tls_offset, err, o->path) != 0)
		return -1;
	if (!(o->tls_index = rtld_tls_new_module(o->tls_offset)))
		return ux_err_set(err, 126, "out of memory");
	/* XXX Only this thread and those attached later get the image;
	 * threads already running see zeroes (FreeBSD's rtld copies it into
	 * every thread through libthr). */
	char *dst = (char *)thread_pointer() - o->tls_offset;
	memcpy(dst, (const void *)o->tls_image, o->tls_filesz);
	memset(dst + o->tls_filesz, 0, o->tls_memsz - o->tls_filesz);
	return 0;
}

/* __tls_get_addr for the guest: {module, offset} -> address. */
void *
rtld_tls_get_addr(void *p)
{
	const uint64_t *ti = p;
	size_t n = __atomic_load_n(&tls_nmods, __ATOMIC_ACQUIRE);
	const int64_t *mods = __atomic_load_n(&tls_mods, __ATOMIC_ACQUIRE);

	if (ti[0] == 0 || ti[0] >= n)
		return NULL;
	if (mods[ti[0]] == 0)
		return rtld_dltls_get_addr(ti[0], ti[1]);
	return (char *)thread_pointer() - mods[ti[0]] + ti[1];
}
