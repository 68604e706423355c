/*
 * The generated FreeBSD syscall table: its shape, its agreement with
 * syscalls.master, and that every call marked impl or partial really has
 * its handler linked in.  The thunks test the weak handler symbol and
 * return ENOSYS when it is missing, so a forgotten sys_*.c file would not
 * break the build; ux_fbsd_handler_addrs (generated from fbsd_sysent.h)
 * takes the address of each weak handler exactly as the thunk does.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/unit.h"
#include "syscalls/freebsd/fbsd_personality.h"
#include "syscalls/freebsd/fbsd_sysent.h"

static int
is_indirect(unsigned nr)
{
	return nr == fbsd_personality.indirect_nr[0] || nr == fbsd_personality.indirect_nr[1];
}

static const struct ux_handler_addr *
handler(const char *name)
{
	for (const struct ux_handler_addr *h = ux_fbsd_handler_addrs; h->name; h++)
		if (strcmp(h->name, name) == 0)
			return h;
	return NULL;
}

static void
test_personality(void)
{
	CU_ASSERT_PTR_EQUAL(fbsd_personality.sysent, fbsd_sysent);
	CU_ASSERT_EQUAL(fbsd_personality.nsysent, FBSD_SYS_MAXNR);
	CU_ASSERT_EQUAL(fbsd_personality.indirect_nr[0], FBSD_SYS_syscall);
	CU_ASSERT_EQUAL(fbsd_personality.indirect_nr[1], FBSD_SYS___syscall);
	CU_ASSERT_EQUAL(FBSD_SYS_syscall, 0);
	CU_ASSERT_EQUAL(FBSD_SYS___syscall, 198);
	CU_ASSERT_EQUAL(fbsd_personality.at_fdcwd, FBSD_AT_FDCWD);
	CU_ASSERT_PTR_NOT_NULL(fbsd_personality.reported);
	CU_ASSERT_EQUAL(fbsd_personality.nerrno_guest, FBSD_ELAST + 1);
}

static void
test_table_shape(void)
{
	unsigned named = 0, impl = 0, partial = 0;

	for (unsigned nr = 0; nr < FBSD_SYS_MAXNR; nr++) {
		const struct ux_sysent *e = &fbsd_sysent[nr];

		if (!e->name) {
			UX_CHECK(e->call == NULL && e->nargs == 0, "unnamed slot %u has a handler or arguments", nr);
			continue;
		}
		named++;
		UX_CHECK(e->status <= UX_UNIMPL, "%s (%u): bad status %u", e->name, nr, e->status);
		if (e->status == UX_IMPL || e->status == UX_PARTIAL)
			UX_CHECK(e->call != NULL, "%s (%u) is implemented but has no thunk", e->name, nr);
		else
			UX_CHECK(e->call == NULL, "%s (%u) is unimplemented but has a thunk", e->name, nr);
		impl += e->status == UX_IMPL;
		partial += e->status == UX_PARTIAL;
		if (e->status == UX_PARTIAL)
			UX_CHECK(e->note && e->note[0], "%s (%u) is partial but its note does not say what is missing",
			    e->name, nr);
		UX_CHECK(e->nargs <= UX_MAXARGS, "%s (%u) has %u arguments", e->name, nr, e->nargs);
		for (unsigned j = 0; j < UX_MAXARGS; j++) {
			if (j < e->nargs) {
				UX_CHECK(e->argfmt[j] != UXA_NONE && e->argfmt[j] < UXA_COUNT,
				    "%s (%u): argument %u has format %u", e->name, nr, j, e->argfmt[j]);
				UX_CHECK(e->argname[j] && e->argname[j][0], "%s (%u): argument %u has no name",
				    e->name, nr, j);
				if (e->argfmt[j] >= UXA_OFLAGS && e->argfmt[j] < UXA_COUNT)
					UX_CHECK(fbsd_personality.symtab[e->argfmt[j]] != NULL,
					    "%s (%u): argument %s is symbolic (format %u) but the personality "
					    "has no table for it", e->name, nr, e->argname[j], e->argfmt[j]);
			} else {
				UX_CHECK(e->argfmt[j] == UXA_NONE, "%s (%u): format set past its %u arguments",
				    e->name, nr, e->nargs);
			}
		}
		for (unsigned k = nr + 1; k < FBSD_SYS_MAXNR; k++)
			if (fbsd_sysent[k].name)
				UX_CHECK(strcmp(e->name, fbsd_sysent[k].name) != 0, "%s is both %u and %u", e->name, nr, k);
	}
	printf("\n    %u calls named: %u implemented, %u partial ", named, impl, partial);
	UX_CHECK(named > 300, "only %u named entries", named);
}

/* Every implemented call's handler must be linked into this binary. */
static void
test_handlers_linked(void)
{
	unsigned linked = 0;

	for (unsigned nr = 0; nr < FBSD_SYS_MAXNR; nr++) {
		const struct ux_sysent *e = &fbsd_sysent[nr];
		const struct ux_handler_addr *h;

		if (!e->name || e->status == UX_UNIMPL || is_indirect(nr))
			continue;	/* the dispatcher itself handles syscall(2)/__syscall(2) */
		h = handler(e->name);
		UX_CHECK(h != NULL, "%s (%u) is implemented but fbsd_sysent.h declares no fbsd_sys_%s",
		    e->name, nr, e->name);
		if (!h)
			continue;
		UX_CHECK(h->fn != NULL, "fbsd_sys_%s is not linked: %s (%u) is %s in syscalls.master "
		    "but would return ENOSYS", e->name, e->name, nr, e->status == UX_IMPL ? "impl" : "partial");
		linked += h->fn != NULL;
	}
	printf("\n    %u handlers linked ", linked);
}

/*
 * The reverse: a handler written for a call the table still calls unimpl
 * is dead code.  Needs the binary's symbols visible to dlsym.
 */
static void
test_no_orphan_handlers(void)
{
	if (!dlsym(RTLD_DEFAULT, "fbsd_sys_getpid")) {
		printf("\n    skipped: handler symbols are not exported to dlsym ");
		return;
	}
	for (unsigned nr = 0; nr < FBSD_SYS_MAXNR; nr++) {
		const struct ux_sysent *e = &fbsd_sysent[nr];
		char sym[96];

		if (!e->name || e->status != UX_UNIMPL)
			continue;
		snprintf(sym, sizeof(sym), "fbsd_sys_%s", e->name);
		UX_CHECK(dlsym(RTLD_DEFAULT, sym) == NULL,
		    "%s is defined but %s (%u) is unimpl in syscalls.master", sym, e->name, nr);
	}
}

/* The generated table against syscalls.master itself (is the build current?). */
static void
test_table_matches_master(void)
{
	char path[1024];
	char *text;
	unsigned lines = 0, named = 0;

	snprintf(path, sizeof(path), "%s/syscalls/freebsd/syscalls.master", unit_srcdir());
	text = unit_slurp(path, NULL);
	UX_CHECK(text != NULL, "cannot read %s (set UXRUN_SRCDIR)", path);
	if (!text)
		return;
	for (char *line = text, *next; line && *line; line = next) {
		char name[80], status[16];
		unsigned nr;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		const char *p = line + strspn(line, " \t");
		if (*p == '#' || *p == '\0')
			continue;
		if (sscanf(p, "%u %79s %15s", &nr, name, status) != 3) {
			UX_CHECK(0, "syscalls.master: cannot read line: %s", line);
			continue;
		}
		lines++;
		const char *lp = strchr(p, '('), *rp = lp ? strchr(lp, ')') : NULL;
		const char *bar = strchr(p, '|');
		unsigned nargs = 0;
		if (lp && rp) {
			const char *a = lp + 1 + strspn(lp + 1, " \t");
			const char *z = rp;
			while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
				z--;
			if (a < z && !(z - a == 4 && strncmp(a, "void", 4) == 0)) {
				nargs = 1;
				for (const char *q = a; q < rp; q++)
					nargs += *q == ',';
			}
		}
		if (nr >= FBSD_SYS_MAXNR || !fbsd_sysent[nr].name) {
			UX_CHECK(0, "syscalls.master has %s (%u); the generated table does not (rebuild?)", name, nr);
			continue;
		}
		const struct ux_sysent *e = &fbsd_sysent[nr];
		/* ",frame": the call needs the trap's register frame. */
		char *flag = strchr(status, ',');
		int frame = flag && strcmp(flag, ",frame") == 0;
		if (flag)
			*flag = '\0';
		UX_CHECK(frame == !!(e->flags & UX_SY_FRAME), "%s: frame flag differs from syscalls.master", name);
		int st = strcmp(status, "impl") == 0 ? UX_IMPL : strcmp(status, "partial") == 0 ? UX_PARTIAL : UX_UNIMPL;
		UX_CHECK(strcmp(e->name, name) == 0, "entry %u is %s in the table, %s in syscalls.master", nr, e->name, name);
		UX_CHECK(e->status == st, "%s: status %u in the table, %s in syscalls.master", name, e->status, status);
		UX_CHECK(e->nargs == nargs, "%s: %u arguments in the table, %u in syscalls.master", name, e->nargs, nargs);
		UX_CHECK((e->note != NULL) == (bar != NULL), "%s: note in only one of table and syscalls.master", name);
	}
	free(text);
	for (unsigned nr = 0; nr < FBSD_SYS_MAXNR; nr++)
		named += fbsd_sysent[nr].name != NULL;
	UX_CHECK(lines == named, "syscalls.master has %u calls, the generated table %u (rebuild?)", lines, named);
}

int
unit_register_sysent(void)
{
	CU_pSuite s = CU_add_suite("FreeBSD syscall table", NULL, NULL);

	if (!s)
		return CU_get_error();
	UX_ADD_TEST(s, test_personality);
	UX_ADD_TEST(s, test_table_shape);
	UX_ADD_TEST(s, test_table_matches_master);
	UX_ADD_TEST(s, test_handlers_linked);
	UX_ADD_TEST(s, test_no_orphan_handlers);
	return CUE_SUCCESS;
}
