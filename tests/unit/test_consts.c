/*
 * FreeBSD constants against Go's golang.org/x/sys/unix tables for
 * freebsd/amd64, which are generated from FreeBSD's own headers.  Every
 * name uxrun uses must either match Go or be listed below as absent from
 * Go (with its value from FreeBSD's headers), so a misspelt name cannot
 * slip through as "not in Go".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tests/unit/unit.h"
#include "tests/unit/gofile.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/freebsd/fbsd_sysent.h"

static struct go_consts *go;

/* Names Go's freebsd/amd64 tables (x/sys 0.3.0) lack, with FreeBSD 14's values. */
static const struct {
	const char *name;
	int64_t value;
} not_in_go[] = {
	{ "O_PATH", 0x00400000 }, { "O_DSYNC", 0x01000000 }, { "O_EMPTY_PATH", 0x02000000 },
	{ "AT_RESOLVE_BENEATH", 0x2000 }, { "AT_EMPTY_PATH", 0x4000 },
	{ "F_ADD_SEALS", 19 }, { "F_GET_SEALS", 20 }, { "F_ISUNIONSTACK", 21 }, { "F_KINFO", 22 },
	/* <sys/filio.h>: _IO('f', 1), _IO('f', 2), _IOW('f', 125..126, int), _IOR('f', 127/119/118, int) */
	{ "FIOCLEX", 0x20006601 }, { "FIONCLEX", 0x20006602 }, { "FIOASYNC", 0x8004667d },
	{ "FIONBIO", 0x8004667e }, { "FIONREAD", 0x4004667f }, { "FIONWRITE", 0x40046677 },
	{ "FIONSPACE", 0x40046676 },
	{ "SIG_BLOCK", 1 }, { "SIG_UNBLOCK", 2 }, { "SIG_SETMASK", 3 },
	{ "R_OK", 4 }, { "W_OK", 2 }, { "X_OK", 1 },
	{ "RLIMIT_SBSIZE", 9 }, { "RLIMIT_NPTS", 11 }, { "RLIMIT_SWAP", 12 },
	{ "RLIMIT_KQUEUES", 13 }, { "RLIMIT_UMTXP", 14 }, { "RLIMIT_PIPEBUF", 15 },
	{ "AMD64_GET_FSBASE", 128 }, { "AMD64_SET_FSBASE", 129 }, { "AMD64_GET_GSBASE", 130 },
	{ "AMD64_SET_GSBASE", 131 }, { "AMD64_GET_XFPUSTATE", 132 }, { "AMD64_SET_PKRU", 133 },
	{ "AMD64_CLEAR_PKRU", 134 },
	{ "SIGRTMIN", 65 }, { "SIGRTMAX", 126 }, { "NSIG", 128 }, { "NCCS", 20 },
	{ "RLIM_NLIMITS", 16 }, { "IOC_VOID", 0x20000000 }, { "IOC_OUT", 0x40000000 },
	{ "IOC_IN", 0x80000000 },
};
static uint8_t not_in_go_used[sizeof(not_in_go) / sizeof(not_in_go[0])];

/* FBSD_ macros outside the tables. */
#define M(n) { #n, (int64_t)(FBSD_##n) }
static const struct {
	const char *name;
	int64_t value;
} macros[] = {
	M(AT_FDCWD), M(UTIME_NOW), M(UTIME_OMIT), M(O_ACCMODE), M(FD_CLOEXEC),
	M(F_RDLCK), M(F_UNLCK), M(F_WRLCK), M(PROT_NONE), M(MAP_ALIGNMENT_SHIFT),
	M(MAP_ALIGNMENT_MASK), M(MAP_ALIGNED_SUPER), M(RLIM_INFINITY), M(RUSAGE_SELF),
	M(RUSAGE_CHILDREN), M(RUSAGE_THREAD), M(ELAST), M(EWOULDBLOCK), M(EOPNOTSUPP),
	M(SIGRTMIN), M(SIGRTMAX), M(NSIG), M(NCCS), M(RLIM_NLIMITS),
	M(IOC_VOID), M(IOC_OUT), M(IOC_IN),
	M(TIOCGETA), M(TIOCSETA), M(TIOCSETAW), M(TIOCSETAF), M(TIOCGWINSZ), M(TIOCSWINSZ),
	M(TIOCGPGRP), M(TIOCSPGRP), M(TIOCSCTTY), M(TIOCNOTTY), M(TIOCGSID), M(TIOCOUTQ),
	M(TIOCEXCL), M(TIOCNXCL), M(TIOCFLUSH), M(TIOCDRAIN), M(FIOCLEX), M(FIONCLEX),
	M(FIOASYNC), M(FIONBIO), M(FIONREAD), M(FIONWRITE), M(FIONSPACE),
};
#undef M

static int
suite_init(void)
{
	static const char *const files[] = {
		"zerrors_freebsd_amd64.go", "ztypes_freebsd_amd64.go", "zsysnum_freebsd_amd64.go",
	};
	char path[1024];

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", unit_go_dir(), files[i]);
		if (go_consts_load(&go, path) != 0) {
			fprintf(stderr, "constants: cannot read %s (set GO_XSYS_DIR)\n", path);
			return 1;
		}
	}
	return 0;
}

static int
suite_clean(void)
{
	go_consts_free(go);
	go = NULL;
	return 0;
}

/* C macros of type int that Go prints as negative numbers: compare 32 bits. */
static int
same_value(int64_t ours, int64_t gov)
{
	if (ours == gov)
		return 1;
	return gov < 0 && gov >= INT32_MIN && (uint32_t)ours == (uint32_t)gov && (uint64_t)ours <= UINT32_MAX;
}

/* Compares one name; returns 1 when Go had it. */
static int
check_name(const char *where, const char *name, int64_t value)
{
	int64_t gov;

	if (go_const(go, name, &gov)) {
		UX_CHECK(same_value(value, gov), "%s %s: uxrun has %#llx, Go has %#llx", where, name,
		    (unsigned long long)value, (unsigned long long)gov);
		return 1;
	}
	for (size_t i = 0; i < sizeof(not_in_go) / sizeof(not_in_go[0]); i++)
		if (strcmp(not_in_go[i].name, name) == 0) {
			not_in_go_used[i] = 1;
			UX_CHECK(not_in_go[i].value == value, "%s %s: uxrun has %#llx, FreeBSD's header %#llx",
			    where, name, (unsigned long long)value, (unsigned long long)not_in_go[i].value);
			return 0;
		}
	UX_CHECK(0, "%s %s: not in Go's tables and not listed as absent from them (misspelt?)", where, name);
	return 0;
}

static void
test_go_tables_read(void)
{
	int64_t v;

	UX_CHECK(go_consts_count(go) > 1000, "only %zu constants read from Go's files", go_consts_count(go));
	/* Each value syntax the reader must understand. */
	UX_CHECK(go_const(go, "O_CREAT", &v) && v == 0x200, "O_CREAT = 0x200");
	UX_CHECK(go_const(go, "EAGAIN", &v) && v == 35, "EAGAIN = syscall.Errno(0x23)");
	UX_CHECK(go_const(go, "SIGINT", &v) && v == 2, "SIGINT = syscall.Signal(0x2)");
	UX_CHECK(go_const(go, "AT_FDCWD", &v) && v == -100, "AT_FDCWD = -0x64 (ztypes const block)");
	UX_CHECK(go_const(go, "SYS_GETPID", &v) && v == 20, "SYS_GETPID = 20 (zsysnum)");
	UX_CHECK(go_const(go, "SizeofClockinfo", &v) && v == 0x14, "const SizeofClockinfo = 0x14");
}

static void
test_tables_vs_go(void)
{
	static const struct fbsd_named_symtab extra[] = {
		/* Tables the personality uses that fbsd_all_symtabs does not list. */
		{ "access bits", &fbsd_accmode_tab }, { "sysarch", &fbsd_sysarch_tab },
	};
	unsigned checked = 0, total = 0;

	for (int pass = 0; pass < 2; pass++) {
		const struct fbsd_named_symtab *t = pass == 0 ? fbsd_all_symtabs : extra;
		size_t nt = pass == 0 ? SIZE_MAX : sizeof(extra) / sizeof(extra[0]);
		for (size_t i = 0; i < nt && t[i].name; i++)
			for (unsigned j = 0; j < t[i].tab->n; j++) {
				const struct ux_sym *s = &t[i].tab->syms[j];
				UX_CHECK(s->name != NULL, "%s entry %u has no name", t[i].name, j);
				if (!s->name)
					continue;
				checked += (unsigned)check_name(t[i].name, s->name, (int64_t)s->guest);
				total++;
			}
	}
	printf("\n    %u of %u table entries checked against Go ", checked, total);
	UX_CHECK(checked > 150, "only %u table entries could be checked against Go", checked);
}

static void
test_macros_vs_go(void)
{
	unsigned checked = 0;

	for (size_t i = 0; i < sizeof(macros) / sizeof(macros[0]); i++)
		checked += (unsigned)check_name("macro", macros[i].name, macros[i].value);
	UX_CHECK(checked >= 25, "only %u macros could be checked against Go", checked);
}

/* Each signal and errno of the X-macro lists, not only the table copies. */
static void
test_lists_vs_go(void)
{
#define X_(n, v) check_name("FBSD_ERRNO_LIST", #n, v);
	FBSD_ERRNO_LIST(X_)
#undef X_
#define X_(n, v) check_name("FBSD_SIGNAL_LIST", #n, v);
	FBSD_SIGNAL_LIST(X_)
#undef X_
	for (int e = 1; e <= FBSD_ELAST; e++)
		UX_CHECK(fbsd_errno_names[e] != NULL, "fbsd_errno_names[%d] is empty", e);
}

/*
 * Calls Go's zsysnum (x/sys 0.3.0) lacks or names differently, with their
 * numbers from FreeBSD 14's sys/kern/syscalls.master: the indirect ones,
 * the renamed swapoff, the FreeBSD 11 kevent Go's runtime still calls, and
 * those added since 13.0.
 */
static const struct {
	const char *name;
	unsigned nr;
} sysnum_not_in_go[] = {
	{ "syscall", 0 }, { "__syscall", 198 }, { "freebsd11_kevent", 363 },
	{ "freebsd13_swapoff", 424 },
	{ "shm_open2", 571 }, { "shm_rename", 572 }, { "sigfastblock", 573 }, { "__realpathat", 574 },
	{ "close_range", 575 }, { "rpctls_syscall", 576 }, { "__specialfd", 577 }, { "aio_writev", 578 },
	{ "aio_readv", 579 }, { "fspacectl", 580 }, { "sched_getcpu", 581 }, { "swapoff", 582 },
	{ "kqueuex", 583 }, { "membarrier", 584 }, { "timerfd_create", 585 }, { "timerfd_gettime", 586 },
	{ "timerfd_settime", 587 },
};

/* syscalls.master numbers against Go's zsysnum (SYS_ + upper-case name). */
static void
test_sysnum_vs_go(void)
{
	unsigned checked = 0, named = 0;

	for (unsigned nr = 0; nr < FBSD_SYS_MAXNR; nr++) {
		const char *name = fbsd_sysent[nr].name;
		char up[80] = "SYS_";
		int64_t gov;
		size_t i;

		if (!name)
			continue;
		named++;
		for (size_t k = 0; name[k] && k + 5 < sizeof(up); k++)
			up[4 + k] = (char)(name[k] >= 'a' && name[k] <= 'z' ? name[k] - 32 : name[k]);
		/* The list first: FreeBSD 14 renamed 424 to freebsd13_swapoff. */
		for (i = 0; i < sizeof(sysnum_not_in_go) / sizeof(sysnum_not_in_go[0]); i++)
			if (strcmp(sysnum_not_in_go[i].name, name) == 0)
				break;
		if (i < sizeof(sysnum_not_in_go) / sizeof(sysnum_not_in_go[0])) {
			UX_CHECK(sysnum_not_in_go[i].nr == nr, "%s is %u in syscalls.master, %u in FreeBSD's",
			    name, nr, sysnum_not_in_go[i].nr);
			continue;
		}
		if (go_const(go, up, &gov)) {
			UX_CHECK(gov == nr, "%s is %u in syscalls.master, %lld in Go's zsysnum",
			    name, nr, (long long)gov);
			checked++;
			continue;
		}
		UX_CHECK(0, "%s (%u): not in Go's zsysnum and not listed as absent from it (misspelt?)", name, nr);
	}
	printf("\n    %u of %u syscall numbers checked against Go ", checked, named);
	UX_CHECK(checked > 200, "only %u syscall numbers could be checked against Go", checked);
}

/* Runs last: every "absent from Go" entry must still be needed. */
static void
test_not_in_go_list_is_current(void)
{
	for (size_t i = 0; i < sizeof(not_in_go) / sizeof(not_in_go[0]); i++) {
		int64_t gov;
		UX_CHECK(not_in_go_used[i], "not_in_go lists %s, which uxrun does not use", not_in_go[i].name);
		if (go_const(go, not_in_go[i].name, &gov))
			printf("\n    note: Go now defines %s; drop it from not_in_go ", not_in_go[i].name);
	}
}

int
unit_register_consts(void)
{
	CU_pSuite s = CU_add_suite("constants vs Go x/sys/unix", suite_init, suite_clean);

	if (!s)
		return CU_get_error();
	UX_ADD_TEST(s, test_go_tables_read);
	UX_ADD_TEST(s, test_tables_vs_go);
	UX_ADD_TEST(s, test_macros_vs_go);
	UX_ADD_TEST(s, test_lists_vs_go);
	UX_ADD_TEST(s, test_sysnum_vs_go);
	UX_ADD_TEST(s, test_not_in_go_list_is_current);
	return CUE_SUCCESS;
}
