/*
 * The table-driven converters: flag and enumeration tables in both
 * directions, open flags, signal numbers (real-time ones included), clock
 * ids and the errno map.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>

#include "tests/unit/unit.h"
#include "syscalls/convert.h"
#include "syscalls/dispatch.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/freebsd/fbsd_personality.h"

/* Every table: fbsd_all_symtabs and the ones it leaves out. */
static const struct fbsd_named_symtab *
table(size_t i)
{
	static const struct fbsd_named_symtab extra[] = {
		{ "access bits", &fbsd_accmode_tab }, { "sysarch", &fbsd_sysarch_tab },
	};
	static size_t nall;

	if (!nall)
		while (fbsd_all_symtabs[nall].name)
			nall++;
	if (i < nall)
		return &fbsd_all_symtabs[i];
	if (i - nall < sizeof(extra) / sizeof(extra[0]))
		return &extra[i - nall];
	return NULL;
}

/*
 * Guest values whose host twin cannot say which of them it came from, and
 * is not merely a duplicate of an earlier entry's (those resolve to the
 * earlier entry): checked for consistency only.
 */
static const char *const lossy[] = {
	"MAP_GUARD",	/* MAP_ANONYMOUS|MAP_NORESERVE comes back as MAP_ANON */
	"O_EXEC",	/* O_PATH comes back as O_PATH */
};

static int
is_lossy(const char *name)
{
	for (size_t i = 0; i < sizeof(lossy) / sizeof(lossy[0]); i++)
		if (strcmp(lossy[i], name) == 0)
			return 1;
	return 0;
}

/* The earlier entry of t with the same host value as entry j, or NULL. */
static const struct ux_sym *
earlier_twin(const struct ux_symtab *t, unsigned j)
{
	for (unsigned k = 0; k < j; k++)
		if (t->syms[k].host == t->syms[j].host)
			return &t->syms[k];
	return NULL;
}

static void
test_table_shape(void)
{
	const struct fbsd_named_symtab *nt;

	for (size_t i = 0; (nt = table(i)) != NULL; i++) {
		const struct ux_symtab *t = nt->tab;
		UX_CHECK(t->n > 0 && t->syms != NULL, "table %s is empty", nt->name);
		for (unsigned j = 0; j < t->n; j++) {
			const struct ux_sym *a = &t->syms[j];
			UX_CHECK(a->name && a->name[0], "table %s entry %u has no name", nt->name, j);
			if (!a->name)
				continue;
			if (t->is_flags)
				UX_CHECK(a->guest != 0, "flag %s (%s) has no bits", a->name, nt->name);
			for (unsigned k = j + 1; k < t->n; k++) {
				const struct ux_sym *b = &t->syms[k];
				if (!b->name)
					continue;
				UX_CHECK(strcmp(a->name, b->name) != 0, "table %s lists %s twice", nt->name, a->name);
				if (t->is_flags)
					UX_CHECK((a->guest & b->guest) == 0, "flags %s and %s (%s) share bits %#llx",
					    a->name, b->name, nt->name, (unsigned long long)(a->guest & b->guest));
				else
					UX_CHECK(a->guest != b->guest, "%s and %s (%s) are both %llu", a->name,
					    b->name, nt->name, (unsigned long long)a->guest);
			}
		}
	}
}

static void
test_flags_round_trip(void)
{
	const struct fbsd_named_symtab *nt;
	unsigned checked = 0;

	for (size_t i = 0; (nt = table(i)) != NULL; i++) {
		const struct ux_symtab *t = nt->tab;
		uint64_t all_g = 0, all_h = 0;

		if (!t->is_flags)
			continue;
		for (unsigned j = 0; j < t->n; j++) {
			const struct ux_sym *s = &t->syms[j];
			uint64_t h = ux_flags_to_host(t, s->guest, nt->name);
			UX_CHECK(h == s->host, "%s: %s (%#llx) becomes host %#llx, table says %#llx", nt->name,
			    s->name, (unsigned long long)s->guest, (unsigned long long)h,
			    (unsigned long long)s->host);
			if (s->host == 0)
				continue;	/* dropped on purpose: nothing comes back */
			all_g |= s->guest;
			all_h |= s->host;
			uint64_t g = ux_flags_to_guest(t, s->host);
			const struct ux_sym *twin = earlier_twin(t, j);
			if (is_lossy(s->name)) {
				UX_CHECK((ux_flags_to_host(t, g, nt->name) & s->host) != 0,
				    "%s: host %#llx of %s comes back as %#llx, which means nothing like it",
				    nt->name, (unsigned long long)s->host, s->name, (unsigned long long)g);
			} else if (twin) {
				UX_CHECK(g == twin->guest, "%s: host %#llx (shared by %s and %s) comes back as %#llx",
				    nt->name, (unsigned long long)s->host, twin->name, s->name,
				    (unsigned long long)g);
			} else {
				UX_CHECK(g == s->guest, "%s: %s: guest %#llx -> host %#llx -> guest %#llx", nt->name,
				    s->name, (unsigned long long)s->guest, (unsigned long long)s->host,
				    (unsigned long long)g);
			}
			checked++;
		}
		uint64_t h = ux_flags_to_host(t, all_g, nt->name);
		UX_CHECK(h == all_h, "%s: all translatable bits together give %#llx, expected %#llx",
		    nt->name, (unsigned long long)h, (unsigned long long)all_h);
	}
	UX_CHECK(checked > 30, "only %u flags round-tripped", checked);
}

static void
test_enum_round_trip(void)
{
	const struct fbsd_named_symtab *nt;
	unsigned checked = 0;

	for (size_t i = 0; (nt = table(i)) != NULL; i++) {
		const struct ux_symtab *t = nt->tab;

		if (t->is_flags || t == &fbsd_errno_tab)
			continue;	/* errno has its own map below */
		for (unsigned j = 0; j < t->n; j++) {
			const struct ux_sym *s = &t->syms[j];
			uint64_t h = 0, g = 0;

			UX_CHECK(ux_enum_to_host(t, s->guest, &h) == 0 && h == s->host,
			    "%s: %s does not convert to its table value", nt->name, s->name);
			UX_CHECK(ux_sym_name(t, s->guest) && strcmp(ux_sym_name(t, s->guest), s->name) == 0,
			    "%s: ux_sym_name(%llu) is not %s", nt->name, (unsigned long long)s->guest, s->name);
			if ((int64_t)s->host < 0 || t == &fbsd_sysarch_tab)
				continue;	/* no host twin: the handler refuses or emulates it */
			const struct ux_sym *twin = earlier_twin(t, j);
			UX_CHECK(ux_enum_to_guest(t, s->host, &g) == 0, "%s: host value of %s has no guest twin",
			    nt->name, s->name);
			if (twin)
				UX_CHECK(g == twin->guest, "%s: host %llu (shared by %s and %s) comes back as %llu",
				    nt->name, (unsigned long long)s->host, twin->name, s->name,
				    (unsigned long long)g);
			else
				UX_CHECK(g == s->guest, "%s: %s: guest %llu -> host %llu -> guest %llu", nt->name,
				    s->name, (unsigned long long)s->guest, (unsigned long long)s->host,
				    (unsigned long long)g);
			checked++;
		}
	}
	UX_CHECK(checked > 60, "only %u enumeration values round-tripped", checked);
	uint64_t out = 12345;
	UX_CHECK(ux_enum_to_host(&fbsd_whence_tab, 99, &out) == -1 && out == 12345,
	    "an unknown value must fail and leave *out alone");
	UX_CHECK(ux_sym_name(&fbsd_whence_tab, 99) == NULL, "ux_sym_name of an unknown value");
}

static void
test_unknown_bits_reported_once(void)
{
	uint64_t h1 = ux_flags_to_host(&fbsd_prot_tab, FBSD_PROT_READ | 0x100, "unit-test prot");
	uint64_t h2 = ux_flags_to_host(&fbsd_prot_tab, FBSD_PROT_WRITE | 0x200, "unit-test prot");

	CU_ASSERT_EQUAL(h1, PROT_READ);
	CU_ASSERT_EQUAL(h2, PROT_WRITE);
	UX_CHECK(unit_count_in_log("untranslated unit-test prot bits 0x100 dropped") == 1,
	    "unknown bits must be reported once, by name (log %s)", unit_logpath);
	UX_CHECK(unit_count_in_log("unit-test prot bits 0x200") == 0, "a second unknown bit is not reported again");
}

static void
test_open_flags(void)
{
	static const struct {
		int fbsd, lnx;
	} both[] = {
		{ FBSD_O_CREAT | FBSD_O_WRONLY | FBSD_O_CLOEXEC, O_CREAT | O_WRONLY | O_CLOEXEC },
		{ FBSD_O_RDWR | FBSD_O_TRUNC | FBSD_O_APPEND | FBSD_O_NONBLOCK, O_RDWR | O_TRUNC | O_APPEND | O_NONBLOCK },
		{ FBSD_O_RDONLY | FBSD_O_DIRECTORY | FBSD_O_NOFOLLOW, O_RDONLY | O_DIRECTORY | O_NOFOLLOW },
		{ FBSD_O_WRONLY | FBSD_O_CREAT | FBSD_O_EXCL | FBSD_O_NOCTTY, O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY },
		{ FBSD_O_RDWR | FBSD_O_SYNC, O_RDWR | O_SYNC },
		{ FBSD_O_WRONLY | FBSD_O_DSYNC, O_WRONLY | O_DSYNC },
		{ FBSD_O_RDONLY | FBSD_O_ASYNC | FBSD_O_DIRECT, O_RDONLY | O_ASYNC | O_DIRECT },
		{ FBSD_O_PATH | FBSD_O_CLOEXEC, O_PATH | O_CLOEXEC },
		{ 0, 0 },
	};

	for (size_t i = 0; i < sizeof(both) / sizeof(both[0]); i++) {
		int l = fbsd_to_linux_oflags(both[i].fbsd), f = linux_to_fbsd_oflags(both[i].lnx);
		UX_CHECK(l == both[i].lnx, "fbsd_to_linux_oflags(%#x) = %#x, expected %#x", both[i].fbsd, l,
		    both[i].lnx);
		UX_CHECK(f == both[i].fbsd, "linux_to_fbsd_oflags(%#x) = %#x, expected %#x", both[i].lnx, f,
		    both[i].fbsd);
	}
	/* One way only. */
	UX_CHECK(fbsd_to_linux_oflags(FBSD_O_EXEC) == O_PATH, "O_EXEC opens as O_PATH");
	UX_CHECK(fbsd_to_linux_oflags(FBSD_O_RDWR | FBSD_O_EXLOCK | FBSD_O_SHLOCK) == O_RDWR,
	    "O_EXLOCK/O_SHLOCK are the open handler's business, not flags for Linux");
	UX_CHECK(linux_to_fbsd_oflags(O_RDWR | O_LARGEFILE) == FBSD_O_RDWR, "O_LARGEFILE is implied on FreeBSD");
	UX_CHECK(fbsd_to_linux_atflags(FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_EMPTY_PATH) ==
	    (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH), "AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH");
	UX_CHECK(fbsd_to_linux_atflags(FBSD_AT_REMOVEDIR) == AT_REMOVEDIR, "AT_REMOVEDIR");
	UX_CHECK(fbsd_to_linux_atflags(FBSD_AT_EACCESS) == AT_EACCESS, "AT_EACCESS");
}

static void
test_signals(void)
{
	int named = 0;

	UX_CHECK(fbsd_to_linux_signo(0) == 0 && linux_to_fbsd_signo(0) == 0, "signal 0 is signal 0");
	/* Classic signals: same name on both sides, or -1 where one side lacks it. */
	for (int l = 1; l < SIGRTMIN; l++) {
		const char *abbrev = sigabbrev_np(l);
		int f = linux_to_fbsd_signo(l);
		char want[32];

		if (!abbrev) {	/* glibc's reserved 32, 33 */
			UX_CHECK(f == -1, "Linux signal %d (reserved) maps to FreeBSD %d", l, f);
			continue;
		}
		/* glibc names 29 POLL; FreeBSD has only its other name, IO. */
		snprintf(want, sizeof(want), "SIG%s", l == SIGIO ? "IO" : abbrev);
		if (l == SIGSTKFLT || l == SIGPWR) {
			UX_CHECK(f == -1, "Linux %s has no FreeBSD twin, got %d", want, f);
			continue;
		}
		const char *fname = f > 0 ? ux_sym_name(&fbsd_signal_tab, (uint64_t)f) : NULL;
		UX_CHECK(fname && strcmp(fname, want) == 0, "Linux %s (%d) maps to FreeBSD %d (%s)", want, l, f,
		    fname ? fname : "nothing");
		UX_CHECK(fbsd_to_linux_signo(f) == l, "FreeBSD %s (%d) maps back to Linux %d, not %d", want, f,
		    fbsd_to_linux_signo(f), l);
		named++;
	}
	UX_CHECK(named == 29, "%d classic signals matched by name, expected 29", named);
	static const int fbsd_only[] = { FBSD_SIGEMT, FBSD_SIGINFO, FBSD_SIGTHR, FBSD_SIGLIBRT };
	for (size_t i = 0; i < sizeof(fbsd_only) / sizeof(fbsd_only[0]); i++)
		UX_CHECK(fbsd_to_linux_signo(fbsd_only[i]) == -1, "FreeBSD signal %d has no Linux twin", fbsd_only[i]);

	/* Real-time signals, in order from each side's SIGRTMIN. */
	int nrt = SIGRTMAX - SIGRTMIN + 1;
	for (int l = SIGRTMIN; l <= SIGRTMAX; l++) {
		int f = linux_to_fbsd_signo(l);
		UX_CHECK(f == FBSD_SIGRTMIN + (l - SIGRTMIN), "Linux SIGRTMIN+%d maps to FreeBSD %d", l - SIGRTMIN, f);
		UX_CHECK(fbsd_to_linux_signo(f) == l, "FreeBSD %d maps back to %d, not %d", f, fbsd_to_linux_signo(f), l);
	}
	for (int f = FBSD_SIGRTMIN + nrt; f <= FBSD_SIGRTMAX; f++)
		UX_CHECK(fbsd_to_linux_signo(f) == -1, "FreeBSD real-time signal %d is beyond Linux's SIGRTMAX", f);
	/* Between the classic and real-time ranges, and past the end. */
	for (int f = FBSD_SIGLIBRT + 1; f < FBSD_SIGRTMIN; f++)
		UX_CHECK(fbsd_to_linux_signo(f) == -1, "FreeBSD has no signal %d", f);
	static const int fjunk[] = { -1, FBSD_SIGRTMAX + 1, FBSD_NSIG, 1000, INT_MAX, INT_MIN };
	for (size_t i = 0; i < sizeof(fjunk) / sizeof(fjunk[0]); i++)
		UX_CHECK(fbsd_to_linux_signo(fjunk[i]) == -1, "FreeBSD signal %d must not map", fjunk[i]);
	static const int ljunk[] = { -1, 65, 1000, INT_MAX, INT_MIN };
	for (size_t i = 0; i < sizeof(ljunk) / sizeof(ljunk[0]); i++)
		UX_CHECK(linux_to_fbsd_signo(ljunk[i]) == -1, "Linux signal %d must not map", ljunk[i]);
}

static void
test_clock_ids(void)
{
	static const struct {
		int fbsd;
		long lnx;
	} clk[] = {
		{ FBSD_CLOCK_REALTIME, CLOCK_REALTIME }, { FBSD_CLOCK_MONOTONIC, CLOCK_MONOTONIC },
		{ FBSD_CLOCK_UPTIME, CLOCK_MONOTONIC }, { FBSD_CLOCK_UPTIME_PRECISE, CLOCK_MONOTONIC },
		{ FBSD_CLOCK_UPTIME_FAST, CLOCK_MONOTONIC_COARSE },
		{ FBSD_CLOCK_REALTIME_PRECISE, CLOCK_REALTIME }, { FBSD_CLOCK_REALTIME_FAST, CLOCK_REALTIME_COARSE },
		{ FBSD_CLOCK_MONOTONIC_PRECISE, CLOCK_MONOTONIC },
		{ FBSD_CLOCK_MONOTONIC_FAST, CLOCK_MONOTONIC_COARSE },
		{ FBSD_CLOCK_SECOND, CLOCK_REALTIME_COARSE },
		{ FBSD_CLOCK_THREAD_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID },
		{ FBSD_CLOCK_PROCESS_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID },
		{ FBSD_CLOCK_VIRTUAL, -EINVAL }, { FBSD_CLOCK_PROF, -EINVAL },
		{ 3, -EINVAL }, { 6, -EINVAL }, { 16, -EINVAL }, { 99, -EINVAL }, { -1, -EINVAL },
		{ INT_MIN, -EINVAL }, { INT_MAX, -EINVAL },
	};
	struct timespec ts;

	for (size_t i = 0; i < sizeof(clk) / sizeof(clk[0]); i++) {
		long l = fbsd_to_linux_clockid(clk[i].fbsd);
		UX_CHECK(l == clk[i].lnx, "FreeBSD clock %d becomes %ld, expected %ld", clk[i].fbsd, l, clk[i].lnx);
		if (l >= 0)
			UX_CHECK(clock_gettime((clockid_t)l, &ts) == 0, "Linux clock %ld (from FreeBSD %d) works",
			    l, clk[i].fbsd);
	}
}

static void
test_errno_map(void)
{
	unsigned by_name = 0;

	UX_CHECK(fbsd_errno_from_linux[0] == 0, "errno 0 maps to 0");
	for (int e = 1; e < FBSD_HOST_ERRNO_MAX; e++) {
		const char *lname = strerrorname_np(e);
		int f = fbsd_errno_from_linux[e];

		if (!lname)
			continue;	/* 41 and 58 are not errnos on Linux */
		UX_CHECK(f > 0 && f <= FBSD_ELAST && fbsd_errno_names[f] != NULL,
		    "Linux %s (%d) maps to %d, which is no FreeBSD errno", lname, e, f);
		UX_CHECK(ux_errno_to_guest(&fbsd_personality, -e) == f, "ux_errno_to_guest(-%s)", lname);
		for (int g = 1; g <= FBSD_ELAST; g++)
			if (fbsd_errno_names[g] && strcmp(fbsd_errno_names[g], lname) == 0) {
				UX_CHECK(f == g, "Linux %s (%d) maps to FreeBSD %d (%s), not FreeBSD's %s (%d)", lname,
				    e, f, f > 0 && f <= FBSD_ELAST && fbsd_errno_names[f] ? fbsd_errno_names[f] : "?",
				    lname, g);
				by_name++;
			}
	}
	UX_CHECK(by_name > 80, "only %u errnos matched by name", by_name);
	/* Aliases strerrorname_np does not print. */
	UX_CHECK(fbsd_errno_from_linux[EWOULDBLOCK] == FBSD_EWOULDBLOCK, "EWOULDBLOCK");
	UX_CHECK(fbsd_errno_from_linux[EOPNOTSUPP] == FBSD_EOPNOTSUPP, "EOPNOTSUPP");
	UX_CHECK(fbsd_errno_from_linux[ENOTSUP] == FBSD_ENOTSUP, "ENOTSUP");
	UX_CHECK(fbsd_errno_from_linux[EDEADLOCK] == FBSD_EDEADLK, "EDEADLOCK");
	/* Out of range: EINVAL, never an index past the map. */
	UX_CHECK(ux_errno_to_guest(&fbsd_personality, -FBSD_HOST_ERRNO_MAX) == FBSD_EINVAL, "errno past the map");
	UX_CHECK(ux_errno_to_guest(&fbsd_personality, -4095) == FBSD_EINVAL, "-4095");
	UX_CHECK(ux_errno_to_guest(&fbsd_personality, 0) == FBSD_EINVAL, "0 is not an error");
}

int
unit_register_convert(void)
{
	CU_pSuite s = CU_add_suite("converters", NULL, NULL);

	if (!s)
		return CU_get_error();
	UX_ADD_TEST(s, test_table_shape);
	UX_ADD_TEST(s, test_flags_round_trip);
	UX_ADD_TEST(s, test_enum_round_trip);
	UX_ADD_TEST(s, test_unknown_bits_reported_once);
	UX_ADD_TEST(s, test_open_flags);
	UX_ADD_TEST(s, test_signals);
	UX_ADD_TEST(s, test_clock_ids);
	UX_ADD_TEST(s, test_errno_map);
	return CUE_SUCCESS;
}
