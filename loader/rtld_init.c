/*
 * Load, initialisers and finalisers, and the jump into the guest.
 *
 * Order as FreeBSD's rtld (initlist_add_objects): the executable's
 * PREINIT_ARRAY first; then the load list from its end, each object after
 * the objects it needs (depth first), each with DT_INIT then INIT_ARRAY
 * (argc, argv, environ); the executable last.  Finalisers run in the
 * reverse order: FINI_ARRAY backwards, then DT_FINI.  An executable
 * without FreeBSD's NOINIT note has an old crt1 that runs its own _init,
 * so none of its initialisers or finalisers are ours to call.
 *
 * dlopen adds to the same list (rtld_init_objects), so at exit the
 * objects it loaded are finalised first; dlclose takes out what it
 * unloads (rtld_fini_objects).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "loader/rtld.h"
#include "loader/rtld_obj.h"
#include "syscalls/log.h"
#include "syscalls/thread.h"
#include "syscalls/trap.h"

static struct rtld_obj **init_list;
static size_t n_init, cap_init;
/* What initialisers get, as FreeBSD passes main_argc, main_argv, environ. */
static uint64_t main_argc, main_argv, main_env;

/*
 * libshim's data objects that the guest sees elsewhere: where a COPY
 * relocation put them, or an earlier object's own definition (FreeBSD's
 * crt1 once defined environ and __progname in the executable).  libshim
 * keeps those current (ux_shim_data_moved).
 */
static void
report_moved_data(void)
{
	for (struct rtld_obj *s = rtld_objs; s; s = s->next) {
		if (s->kind != RTLD_SHIM)
			continue;
		for (size_t i = 0; i < s->shim->nsyms; i++) {
			const struct ux_shim_sym *sym = &s->shim->syms[i];
			if (sym->kind != UX_SHIM_DATA)
				continue;
			struct rtld_ver v = { sym->version, sym->version ? rtld_elf_hash(sym->version) : 0, NULL };
			struct rtld_def d;
			for (struct rtld_obj *o = rtld_objs; o != s; o = o->next)
				if (o->kind == RTLD_FILE && rtld_lookup_in(o, sym->name, sym->version ? &v : NULL, 0, &d) == 0 &&
				    ELF64_ST_TYPE(d.sym->st_info) != STT_TLS) {
					ux_shim_data_moved(s->shim, sym, (void *)(o->bias + d.sym->st_value));
					break;
				}
		}
	}
}

int
ux_rtld_load(struct ux_image *im, const char *execpath, struct ux_err *err)
{
	if (rtld_load_all(im, execpath, 0, err) != 0 || rtld_tls_layout(err) != 0 ||
	    rtld_relocate_all(0, err) != 0)
		return -1;
	report_moved_data();
	rtld_unwind_update();
	if (ux_trace_on) {
		for (struct rtld_obj *o = rtld_objs->next; o; o = o->next)
			if (o->kind == RTLD_SHIM)
				ux_logf("rtld: %s => libshim %s", o->name, o->shim->soname);
			else
				ux_logf("rtld: %s => %s at %#lx", o->name, o->path, (unsigned long)o->bias);
	}
	if (ux_trace_on)
		for (size_t i = 0; i < rtld_nunbound; i++)
			ux_logf("rtld: %s: undefined function %s%s%s bound to a stub that exits when called",
			    rtld_unbound[i].ref->path, rtld_unbound[i].name,
			    rtld_unbound[i].version ? "@" : "", rtld_unbound[i].version ? rtld_unbound[i].version : "");
	if (!rtld_main->crt_no_init) {
		rtld_main->init = rtld_main->fini = 0;
		rtld_main->n_init_array = rtld_main->n_fini_array = rtld_main->n_preinit_array = 0;
	}
	return 0;
}

static int
add_init(struct rtld_obj *o)
{
	if (o->kind != RTLD_FILE || o->init_done)
		return 0;
	o->init_done = 1;	/* also breaks cycles */
	for (size_t i = 0; i < o->nneeded; i++)
		if (o->needed[i] && add_init(o->needed[i]) != 0)
			return -1;
	if (n_init == cap_init) {
		size_t cap = cap_init ? 2 * cap_init : 16;
		struct rtld_obj **l = realloc(init_list, cap * sizeof(*l));
		if (!l)
			return -1;
		init_list = l;
		cap_init = cap;
	}
	init_list[n_init++] = o;
	return 0;
}

static int
valid_fn(uint64_t f)
{
	return f != 0 && f != 1;
}

static void
run_init(struct rtld_obj *o)
{
	if (valid_fn(o->init))
		rtld_call_guest(o->init, 0, 0, 0);
	for (size_t i = 0; i < o->n_init_array; i++)
		if (valid_fn(o->init_array[i]))
			rtld_call_guest(o->init_array[i], main_argc, main_argv, main_env);
}

static void
run_fini(struct rtld_obj *o)
{
	if (o->fini_done)
		return;
	o->fini_done = 1;
	for (size_t i = o->n_fini_array; i-- > 0;)
		if (valid_fn(o->fini_array[i]))
			rtld_call_guest(o->fini_array[i], 0, 0, 0);
	if (valid_fn(o->fini))
		rtld_call_guest(o->fini, 0, 0, 0);
}

void
rtld_init_objects(struct rtld_obj *root)
{
	size_t first = n_init;

	if (add_init(root) != 0)
		ux_logf("rtld: out of memory: some initialisers of %s do not run", root->name);
	/* An initialiser may dlopen more: those are run by that call. */
	for (size_t k = first, n = n_init; k < n; k++)
		run_init(init_list[k]);
}

void
rtld_fini_objects(void)
{
	for (size_t k = n_init; k-- > 0;) {
		if (k >= n_init || !init_list[k]->fini_due)
			continue;
		struct rtld_obj *o = init_list[k];
		memmove(&init_list[k], &init_list[k + 1], (n_init - k - 1) * sizeof(*init_list));
		n_init--;
		run_fini(o);
	}
}
__attribute__((noreturn)) void
ux_rtld_start(const struct ux_start *st, struct ux_thread *td)
{
	uint64_t *ap = (uint64_t *)st->rdi;
	uint64_t argc = ap[0], argv = (uint64_t)(ap + 1), env = (uint64_t)(ap + 2 + argc);
	size_t cap = 0;

	main_argc = argc;
	main_argv = argv;
	main_env = env;
	for (struct rtld_obj *o = rtld_objs; o; o = o->next)
		cap++;
	struct rtld_obj **rev = calloc(cap ? cap : 1, sizeof(*rev));
	size_t n = 0;
	for (struct rtld_obj *o = rtld_objs; o && rev; o = o->next)
		rev[n++] = o;
	while (rev && n-- > 0)
		add_init(rev[n]);
	free(rev);
	for (size_t i = 0; i < rtld_main->n_preinit_array; i++)
		if (valid_fn(rtld_main->preinit_array[i]))
			rtld_call_guest(rtld_main->preinit_array[i], argc, argv, env);
	/* An initialiser that dlopens runs that object's initialisers itself. */
	for (size_t k = 0, n0 = n_init; k < n0; k++)
		run_init(init_list[k]);
	ux_enter_guest(st->entry, st->rsp, st->rdi, ux_trap_entry_selector(td), (uint64_t)ux_rtld_fini_all);
}

void
ux_rtld_fini_all(void)
{
	static int done;

	if (__atomic_exchange_n(&done, 1, __ATOMIC_SEQ_CST))
		return;
	/* A finaliser may dlclose, which shortens the list. */
	for (size_t k = n_init; k-- > 0;)
		if (k < n_init)
			run_fini(init_list[k]);
}
