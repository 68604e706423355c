/*
 * How C++ exceptions and Rust panics in guest code find their way.
 *
 * A guest's _Unwind_* imports (libgcc_s.so.1) are bound to the host's
 * libgcc_s, whose unwinder must find the FDE of every guest frame it
 * walks.  It looks in frames registered with __register_frame_info, then
 * asks glibc's _dl_find_object (libgcc 12 with glibc 2.35 and later;
 * older pairs used dl_iterate_phdr), and glibc knows only the objects
 * its own ld.so loaded, not those uxrun mapped for the guest.
 *
 * Registering each guest object's .eh_frame would need that section's
 * end, with a zero terminator that ld.lld does not write, and it costs a
 * sort of every FDE on first use.  Instead uxrun, the executable, defines
 * _dl_find_object itself: libgcc_s's reference binds to it (the
 * executable comes first in glibc's lookup scope), it answers for guest
 * objects from their PT_GNU_EH_FRAME (the binary-search table the linker
 * made), and passes every other address to glibc's.  Unwinders may run in
 * signal handlers and race with dlopen, so the table they read is an
 * immutable snapshot replaced as a whole (old snapshots are kept).
 */
#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "loader/rtld.h"
#include "loader/rtld_obj.h"

struct unw_range {
	uint64_t lo, hi, eh_frame_hdr;
};

struct unw_table {
	size_t n;
	struct unw_range r[];
};

static struct unw_table *unw_cur;

void
rtld_unwind_update(void)
{
	size_t n = 0;

	for (struct rtld_obj *o = rtld_objs; o; o = o->next)
		if (o->kind == RTLD_FILE && o->eh_frame_hdr)
			n++;
	struct unw_table *t = malloc(sizeof(*t) + n * sizeof(t->r[0]));
	if (!t)
		return;
	t->n = 0;
	for (struct rtld_obj *o = rtld_objs; o; o = o->next)
		if (o->kind == RTLD_FILE && o->eh_frame_hdr && t->n < n)
			t->r[t->n++] = (struct unw_range){ o->lo, o->hi, o->eh_frame_hdr };
	__atomic_store_n(&unw_cur, t, __ATOMIC_RELEASE);
}

static int (*glibc_find_object)(void *, struct dl_find_object *);

int
rtld_find_object(void *pc, struct dl_find_object *res)
{
	const struct unw_table *t = __atomic_load_n(&unw_cur, __ATOMIC_ACQUIRE);
	uint64_t a = (uint64_t)pc;

	for (size_t i = 0; t && i < t->n; i++)
		if (a >= t->r[i].lo && a < t->r[i].hi) {
			memset(res, 0, sizeof(*res));
			res->dlfo_map_start = (void *)t->r[i].lo;
			res->dlfo_map_end = (void *)t->r[i].hi;
			res->dlfo_eh_frame = (void *)t->r[i].eh_frame_hdr;
			return 0;
		}
	return -1;
}

int
_dl_find_object(void *pc, struct dl_find_object *res)
{
	if (rtld_find_object(pc, res) == 0)
		return 0;
	int (*f)(void *, struct dl_find_object *) = __atomic_load_n(&glibc_find_object, __ATOMIC_ACQUIRE);
	if (!f) {
		f = (int (*)(void *, struct dl_find_object *))dlsym(RTLD_NEXT, "_dl_find_object");
		if (!f)
			return -1;
		__atomic_store_n(&glibc_find_object, f, __ATOMIC_RELEASE);
	}
	return f(pc, res);
}
