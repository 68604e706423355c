/*
 * libshim: the generated libc.so.7 table against its spec, symbol lookup
 * with versions, the stubs of unimplemented entries, FreeBSD errno through
 * __error(), and __libc_start1 with a fake main.
 *
 * FreeBSD's errno values are written out as numbers (FreeBSD's
 * <sys/errno.h>), so a slip in a table shows up as a wrong number.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/unit/unit.h"
#include "libshim/shim.h"
#include "libshim/freebsd/libc_shim.h"
#include "syscalls/hostfd.h"

#define FB_EBADF	9
#define FB_ENOENT	2
#define FB_EEXIST	17
#define FB_EINVAL	22
#define FB_ERANGE	34
#define FB_EAGAIN	35
#define FB_ENOTSUP	45
#define FB_ETIMEDOUT	60
#define FB_ENOSYS	78
#define FB_EDOOFUS	88
#define FB_ELAST	97

static const struct ux_shim_lib *
libc7(void)
{
	return ux_shim_find("libc.so.7");
}

/* One line of the spec, as the table should have it. */
struct spec_line {
	char name[64], version[32], impl[64], status[32];
	int compat;
};

static int
parse_spec_line(char *line, struct spec_line *l)
{
	char *bar = strchr(line, '|');

	if (bar)
		*bar = '\0';
	if (line[0] == '#' || line[0] == '@' ||
	    sscanf(line, "%63s %31s %63s %31s", l->name, l->version, l->impl, l->status) != 4)
		return 0;
	l->compat = l->version[0] == '@';
	if (l->compat)
		memmove(l->version, l->version + 1, strlen(l->version));
	return 1;
}

static void
test_table_matches_spec(void)
{
	const struct ux_shim_lib *lib = libc7();
	char path[512], *spec, *save = NULL;
	size_t lines = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(lib);
	CU_ASSERT_STRING_EQUAL(lib->soname, "libc.so.7");
	snprintf(path, sizeof(path), "%s/libshim/freebsd/libc.so.7.spec", unit_srcdir());
	spec = unit_slurp(path, NULL);
	UX_CHECK(spec != NULL, "cannot read %s", path);
	if (!spec)
		return;
	for (char *line = strtok_r(spec, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct spec_line l;
		const struct ux_shim_sym *s;

		if (!parse_spec_line(line, &l))
			continue;
		lines++;
		s = ux_shim_lookup(lib, l.name, l.version);
		UX_CHECK(s != NULL, "%s@%s of the spec is not in the table", l.name, l.version);
		if (!s)
			continue;
		UX_CHECK(strcmp(s->name, l.name) == 0 && strcmp(s->version, l.version) == 0,
		    "lookup of %s@%s found %s@%s", l.name, l.version, s->name, s->version);
		if (strncmp(l.status, "data:", 5) == 0 || strncmp(l.status, "tls:", 4) == 0) {
			const char *size = strchr(l.status, ':') + 1;

			UX_CHECK(s->kind == UX_SHIM_DATA && s->status == UX_SHIM_IMPL &&
			    s->size == (size_t)atoi(size),
			    "%s: data of %s bytes, table says kind %d size %zu", l.name,
			    size, s->kind, s->size);
		} else {
			int want = strcmp(l.status, "impl") == 0 ? UX_SHIM_IMPL :
			    strcmp(l.status, "partial") == 0 ? UX_SHIM_PARTIAL : UX_SHIM_UNIMPL;
			UX_CHECK(s->kind == UX_SHIM_FUNC && s->status == want,
			    "%s: %s function, table says kind %d status %d", l.name, l.status,
			    s->kind, s->status);
		}
		/* The default version is what an unversioned import binds to. */
		if (!l.compat)
			UX_CHECK(ux_shim_lookup(lib, l.name, NULL) == s,
			    "%s without a version does not find its default %s", l.name, l.version);
	}
	free(spec);
	UX_CHECK(lines == lib->nsyms, "spec has %zu symbols, table %zu", lines, lib->nsyms);
}

static void
test_table_sorted(void)
{
	const struct ux_shim_lib *lib = libc7();

	CU_ASSERT_PTR_NOT_NULL_FATAL(lib);
	CU_ASSERT_FATAL(lib->nsyms > 100);
	for (size_t i = 1; i < lib->nsyms; i++) {
		int c = strcmp(lib->syms[i - 1].name, lib->syms[i].name);
		UX_CHECK(c < 0 || (c == 0 && strcmp(lib->syms[i - 1].version, lib->syms[i].version) != 0),
		    "entries %zu (%s@%s) and %zu (%s@%s) out of order", i - 1, lib->syms[i - 1].name,
		    lib->syms[i - 1].version, i, lib->syms[i].name, lib->syms[i].version);
	}
}

/* impl and partial entries have an implementation, partial ones a note. */
static void
test_entries_bound(void)
{
	const struct ux_shim_lib *lib = libc7();

	CU_ASSERT_PTR_NOT_NULL_FATAL(lib);
	for (size_t i = 0; i < lib->nsyms; i++) {
		const struct ux_shim_sym *s = &lib->syms[i];

		UX_CHECK(s->addr != NULL, "%s@%s has no address", s->name, s->version);
		UX_CHECK(strncmp(s->version, "FBSD", 4) == 0, "%s: version %s", s->name, s->version);
		if (s->status == UX_SHIM_PARTIAL)
			UX_CHECK(s->note != NULL, "partial %s has no note", s->name);
		if (s->kind == UX_SHIM_DATA)
			UX_CHECK(s->size > 0, "data %s has no size", s->name);
		else
			UX_CHECK(s->size == 0, "function %s has a size", s->name);
	}
}

/* Comparators that sort by *dir (-1: descending), the argument in either place. */
static int
cmp_posix(const void *a, const void *b, void *dir)
{
	return (*(const int *)a - *(const int *)b) * *(int *)dir;
}

static int
cmp_old(void *dir, const void *a, const void *b)
{
	return cmp_posix(a, b, dir);
}

static void
test_lookup_versions(void)
{
	const struct ux_shim_lib *lib = libc7();
	const struct ux_shim_sym *s, *old;

	CU_ASSERT_PTR_NOT_NULL_FATAL(lib);
	CU_ASSERT_PTR_NULL(ux_shim_find("libnosuch.so.1"));
	s = ux_shim_lookup(lib, "puts", "FBSD_1.0");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT(s->addr == (void *)shim_puts);
	CU_ASSERT(ux_shim_lookup(lib, "puts", NULL) == s);
	CU_ASSERT_PTR_NULL(ux_shim_lookup(lib, "puts", "FBSD_1.1"));
	CU_ASSERT_PTR_NULL(ux_shim_lookup(lib, "no_such_function", NULL));
	CU_ASSERT_PTR_NULL(ux_shim_lookup(lib, "", NULL));
	s = ux_shim_lookup(lib, "__libc_start1", "FBSD_1.7");
	CU_ASSERT(s && s->addr == (void *)shim___libc_start1);
	CU_ASSERT_PTR_NULL(ux_shim_lookup(lib, "__libc_start1", "FBSD_1.0"));
	/* stat: FreeBSD 12's layout by default, FreeBSD 11's by request. */
	s = ux_shim_lookup(lib, "stat", NULL);
	old = ux_shim_lookup(lib, "stat", "FBSD_1.0");
	CU_ASSERT(s && strcmp(s->version, "FBSD_1.5") == 0);
	CU_ASSERT(old && strcmp(old->version, "FBSD_1.0") == 0 && old != s);
	/* qsort_r: the POSIX order by default, the old one by request. */
	{
		int v[4] = { 3, 1, 4, 2 }, w[4] = { 3, 1, 4, 2 }, dir = -1;
		typedef void (*posix_qsort_r)(void *, size_t, size_t,
		    int (*)(const void *, const void *, void *), void *);
		typedef void (*old_qsort_r)(void *, size_t, size_t, void *,
		    int (*)(void *, const void *, const void *));

		s = ux_shim_lookup(lib, "qsort_r", NULL);
		old = ux_shim_lookup(lib, "qsort_r", "FBSD_1.0");
		CU_ASSERT_FATAL(s && old && strcmp(s->version, "FBSD_1.7") == 0 && old != s);
		((posix_qsort_r)s->addr)(v, 4, sizeof(int), cmp_posix, &dir);
		((old_qsort_r)old->addr)(w, 4, sizeof(int), &dir, cmp_old);
		CU_ASSERT(v[0] == 4 && v[1] == 3 && v[2] == 2 && v[3] == 1);
		CU_ASSERT(w[0] == 4 && w[1] == 3 && w[2] == 2 && w[3] == 1);
	}
	/* The first and last names, at the edges of the search. */
	CU_ASSERT(ux_shim_lookup(lib, lib->syms[0].name, NULL) == &lib->syms[0]);
	CU_ASSERT(ux_shim_lookup(lib, lib->syms[lib->nsyms - 1].name,
	    lib->syms[lib->nsyms - 1].version) == &lib->syms[lib->nsyms - 1]);
}

/* The guest's FILE * variables are glibc's own. */
static void
test_data_objects(void)
{
	const struct ux_shim_lib *lib = libc7();
	const struct ux_shim_sym *s;

	CU_ASSERT_PTR_NOT_NULL_FATAL(lib);
	s = ux_shim_lookup(lib, "__stdoutp", "FBSD_1.0");
	CU_ASSERT(s && s->addr == (void *)&stdout && *(FILE **)s->addr == stdout && s->size == 8);
	s = ux_shim_lookup(lib, "__stderrp", NULL);
	CU_ASSERT(s && *(FILE **)s->addr == stderr);
	s = ux_shim_lookup(lib, "__stdinp", NULL);
	CU_ASSERT(s && *(FILE **)s->addr == stdin);
	s = ux_shim_lookup(lib, "__isthreaded", NULL);
	CU_ASSERT(s && s->size == 4 && *(int *)s->addr == 1);
	s = ux_shim_lookup(lib, "__stack_chk_guard", NULL);
	CU_ASSERT(s && s->size == 64 && ((long *)s->addr)[0] != 0);
	s = ux_shim_lookup(lib, "environ", NULL);
	CU_ASSERT(s && s->addr == (void *)&environ);
}

/*
 * The SDK's stub libc.so.7 exports exactly the table's symbols, each at its
 * version (default or old), data objects at their size: what a FreeBSD
 * program links against is what uxrun binds.
 */
static void
test_stub_library(void)
{
	static const char rel[] = "samples/sdk/freebsd/lib/dyn/libc.so.7";
	const struct ux_shim_lib *lib = libc7();
	char path[512], vername[16][32] = { { 0 } };
	Elf_Scn *scn = NULL, *dynsym = NULL, *versym = NULL, *verdef = NULL;
	size_t nsyms = 0, strndx = 0, seen = 0;
	Elf_Data *syms, *vers;
	Elf *e;
	int fd;

	CU_ASSERT_PTR_NOT_NULL_FATAL(lib);
	/* Built in the build tree; the unit tests run from it. */
	fd = open(rel, O_RDONLY);
	if (fd < 0) {
		snprintf(path, sizeof(path), "%s/%s", unit_srcdir(), rel);
		fd = open(path, O_RDONLY);
	}
	UX_CHECK(fd >= 0, "cannot open %s (make builds it)", rel);
	if (fd < 0)
		return;
	elf_version(EV_CURRENT);
	e = elf_begin(fd, ELF_C_READ, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	while ((scn = elf_nextscn(e, scn)) != NULL) {
		GElf_Shdr sh;

		gelf_getshdr(scn, &sh);
		if (sh.sh_type == SHT_DYNSYM) {
			dynsym = scn;
			nsyms = sh.sh_size / sh.sh_entsize;
			strndx = sh.sh_link;
		} else if (sh.sh_type == SHT_GNU_versym) {
			versym = scn;
		} else if (sh.sh_type == SHT_GNU_verdef) {
			verdef = scn;
		}
	}
	CU_ASSERT_FATAL(dynsym && versym && verdef);
	/* Version index -> name, from the definitions. */
	{
		Elf_Data *d = elf_getdata(verdef, NULL);
		size_t off = 0;
		GElf_Verdef vd;
		GElf_Verdaux va;
		GElf_Shdr sh;

		gelf_getshdr(verdef, &sh);
		for (size_t i = 0; i < sh.sh_info && gelf_getverdef(d, (int)off, &vd); i++) {
			if (gelf_getverdaux(d, (int)(off + vd.vd_aux), &va) && vd.vd_ndx < 16)
				snprintf(vername[vd.vd_ndx], sizeof(vername[0]), "%s",
				    elf_strptr(e, sh.sh_link, va.vda_name));
			off += vd.vd_next;
		}
		CU_ASSERT_STRING_EQUAL(vername[1], "libc.so.7");
		CU_ASSERT_STRING_EQUAL(vername[2], "FBSD_1.0");
	}
	syms = elf_getdata(dynsym, NULL);
	vers = elf_getdata(versym, NULL);
	for (size_t i = 1; i < nsyms; i++) {
		GElf_Sym sym;
		GElf_Versym vs;
		const struct ux_shim_sym *s;
		const char *name, *ver;
		int hidden;

		if (!gelf_getsym(syms, (int)i, &sym) || !gelf_getversym(vers, (int)i, &vs) ||
		    sym.st_shndx == SHN_UNDEF)
			continue;
		name = elf_strptr(e, strndx, sym.st_name);
		hidden = (vs & 0x8000) != 0;
		ver = (vs & 0x7fff) < 16 ? vername[vs & 0x7fff] : "";
		s = ux_shim_lookup(lib, name, ver);
		UX_CHECK(s != NULL, "stub exports %s@%s, which the table lacks", name, ver);
		if (!s)
			continue;
		seen++;
		UX_CHECK(hidden == (ux_shim_lookup(lib, name, NULL) != s),
		    "%s@%s: %s version in the stub", name, ver, hidden ? "old" : "default");
		if (s->kind == UX_SHIM_DATA)
			UX_CHECK((GELF_ST_TYPE(sym.st_info) == STT_OBJECT ||
			    GELF_ST_TYPE(sym.st_info) == STT_TLS) && sym.st_size == s->size,
			    "%s: data of %zu bytes, stub has type %d size %lu", name, s->size,
			    GELF_ST_TYPE(sym.st_info), (unsigned long)sym.st_size);
		else
			UX_CHECK(GELF_ST_TYPE(sym.st_info) == STT_FUNC, "%s is not a function", name);
	}
	UX_CHECK(seen == lib->nsyms, "stub defines %zu of the table's %zu symbols", seen, lib->nsyms);
	{
		GElf_Ehdr eh;
		gelf_getehdr(e, &eh);
		CU_ASSERT_EQUAL(eh.e_ident[EI_OSABI], ELFOSABI_FREEBSD);
	}
	elf_end(e);
	close(fd);
}

/* Unimplemented entries report once and fail as the spec says. */
static void
test_unimpl_stubs(void)
{
	const struct ux_shim_lib *lib = libc7();
	const struct ux_shim_sym *s;
	long (*fn)(void);
	pid_t pid;
	int st;

	CU_ASSERT_PTR_NOT_NULL_FATAL(lib);
	s = ux_shim_lookup(lib, "scandir", "FBSD_1.0");
	CU_ASSERT_FATAL(s && s->status == UX_SHIM_UNIMPL);
	fn = (long (*)(void))s->addr;
	shim_errno = 0;
	CU_ASSERT_EQUAL((int)fn(), -1);
	CU_ASSERT_EQUAL(*shim___error(), FB_ENOSYS);
	CU_ASSERT_EQUAL((int)fn(), -1);
	CU_ASSERT_EQUAL(unit_count_in_log("libc.so.7 function scandir called"), 1);

	s = ux_shim_lookup(lib, "funopen", NULL);
	CU_ASSERT_FATAL(s && s->status == UX_SHIM_UNIMPL);
	CU_ASSERT_EQUAL(((long (*)(void))s->addr)(), 0);

	/* One that cannot fail gracefully ends the program with status 127. */
	s = ux_shim_lookup(lib, "alphasort", "FBSD_1.0");
	CU_ASSERT_FATAL(s && s->status == UX_SHIM_UNIMPL);
	fflush(NULL);
	pid = fork();
	CU_ASSERT_FATAL(pid >= 0);
	if (pid == 0) {
		((long (*)(void))s->addr)();
		_exit(0);
	}
	CU_ASSERT(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 127);
	CU_ASSERT(unit_count_in_log("libc.so.7 function alphasort called") >= 1);
}

static void
test_errno_numbers(void)
{
	CU_ASSERT_EQUAL(shim_errno_from_host(0), 0);
	CU_ASSERT_EQUAL(shim_errno_from_host(ENOENT), FB_ENOENT);
	CU_ASSERT_EQUAL(shim_errno_from_host(EAGAIN), FB_EAGAIN);
	CU_ASSERT_EQUAL(shim_errno_from_host(ENOSYS), FB_ENOSYS);
	CU_ASSERT_EQUAL(shim_errno_from_host(ETIME), FB_ETIMEDOUT);
	CU_ASSERT_EQUAL(shim_errno_from_host(EOPNOTSUPP), FB_ENOTSUP);
	CU_ASSERT_EQUAL(shim_errno_from_host(4000), FB_EINVAL);
	CU_ASSERT_EQUAL(shim_errno_to_host(FB_EAGAIN), EAGAIN);
	CU_ASSERT_EQUAL(shim_errno_to_host(FB_ETIMEDOUT), ETIMEDOUT);
	CU_ASSERT_EQUAL(shim_errno_to_host(FB_ENOTSUP), EOPNOTSUPP);
	CU_ASSERT_EQUAL(shim_errno_to_host(FB_EDOOFUS), 0);
	CU_ASSERT_EQUAL(shim_errno_to_host(0), 0);
	CU_ASSERT_EQUAL(shim_errno_to_host(FB_ELAST + 1), 0);
	/* Every twin goes there and back; every errno has words. */
	for (int e = 1; e <= FB_ELAST; e++) {
		int h = shim_errno_to_host(e);
		const char *m;

		if (h)
			UX_CHECK(shim_errno_from_host(h) == e, "FreeBSD errno %d -> %d -> %d", e, h,
			    shim_errno_from_host(h));
		m = shim_strerror(e);
		UX_CHECK(strncmp(m, "Unknown error", 13) != 0, "FreeBSD errno %d has no message", e);
	}
	CU_ASSERT_STRING_EQUAL(shim_strerror(FB_EAGAIN), strerror(EAGAIN));
	CU_ASSERT_STRING_EQUAL(shim_strerror(FB_ENOTSUP), strerror(EOPNOTSUPP));
	CU_ASSERT_STRING_EQUAL(shim_strerror(FB_EDOOFUS), "Programming error");
	shim_errno = 0;
	CU_ASSERT_STRING_EQUAL(shim_strerror(1000), "Unknown error 1000");
	CU_ASSERT_EQUAL(shim_errno, FB_EINVAL);
}

static void
test_strerror_r_and_m(void)
{
	char buf[64], small[4];

	CU_ASSERT_EQUAL(shim_strerror_r(FB_ENOENT, buf, sizeof(buf)), 0);
	CU_ASSERT_STRING_EQUAL(buf, strerror(ENOENT));
	CU_ASSERT_EQUAL(shim_strerror_r(FB_ENOENT, small, sizeof(small)), FB_ERANGE);
	CU_ASSERT_EQUAL(strlen(small), 3);
	CU_ASSERT_EQUAL(shim_strerror_r(5000, buf, sizeof(buf)), FB_EINVAL);
	/* %m prints the guest's errno, in its words. */
	shim_errno = FB_EAGAIN;
	shim_snprintf(buf, sizeof(buf), "<%m>");
	{
		char want[80];
		snprintf(want, sizeof(want), "<%s>", strerror(EAGAIN));
		CU_ASSERT_STRING_EQUAL(buf, want);
	}
}

/* Failing calls leave FreeBSD's numbers behind __error(). */
static void
test_errno_after_calls(void)
{
	char path[400], buf[8];
	int fd, p[2];
	char *end;

	shim_errno = 0;
	CU_ASSERT_EQUAL(shim_open("/nonexistent/uxrun-shim", 0), -1);
	CU_ASSERT_EQUAL(*shim___error(), FB_ENOENT);

	snprintf(path, sizeof(path), "%s/shim-open", unit_tmpdir);
	/* FreeBSD O_WRONLY|O_CREAT|O_EXCL|O_CLOEXEC */
	fd = shim_open(path, 0x1 | 0x200 | 0x800 | 0x100000, 0640);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	CU_ASSERT_EQUAL(shim_write(fd, "abc", 3), 3);
	CU_ASSERT_EQUAL(shim_lseek(fd, 0, 2 /* SEEK_END */), 3);
	CU_ASSERT_EQUAL(shim_lseek(fd, 0, 77), -1);
	CU_ASSERT_EQUAL(shim_errno, FB_EINVAL);
	CU_ASSERT_EQUAL(shim_close(fd), 0);
	CU_ASSERT_EQUAL(shim_open(path, 0x1 | 0x200 | 0x800, 0640), -1);
	CU_ASSERT_EQUAL(shim_errno, FB_EEXIST);
	CU_ASSERT_EQUAL(shim_unlink(path), 0);

	/* EAGAIN is 11 on Linux, 35 on FreeBSD. */
	CU_ASSERT_FATAL(pipe2(p, O_NONBLOCK) == 0);
	CU_ASSERT_EQUAL(shim_read(p[0], buf, sizeof(buf)), -1);
	CU_ASSERT_EQUAL(shim_errno, FB_EAGAIN);
	close(p[0]);
	close(p[1]);

	/* uxrun's own descriptors are not the guest's. */
	shim_errno = 0;
	CU_ASSERT_EQUAL(shim_close(ux_hostfd_lo), -1);
	CU_ASSERT_EQUAL(shim_errno, FB_EBADF);
	CU_ASSERT_EQUAL(shim_isatty(ux_hostfd_lo), 0);
	CU_ASSERT_EQUAL(shim_read(-1, buf, 1), -1);
	CU_ASSERT_EQUAL(shim_errno, FB_EBADF);

	/* FreeBSD's strtol: ERANGE on overflow, EINVAL without digits. */
	shim_errno = 0;
	CU_ASSERT_EQUAL(shim_strtol("12x", &end, 10), 12);
	CU_ASSERT_EQUAL(*end, 'x');
	CU_ASSERT_EQUAL(shim_errno, 0);
	shim_strtol("999999999999999999999999", NULL, 10);
	CU_ASSERT_EQUAL(shim_errno, FB_ERANGE);
	shim_errno = 0;
	CU_ASSERT_EQUAL(shim_strtol("  zz", &end, 10), 0);
	CU_ASSERT_EQUAL(shim_errno, FB_EINVAL);
	CU_ASSERT_STRING_EQUAL(end, "  zz");
	shim_errno = 0;
	CU_ASSERT_EQUAL(shim_atoi("-42"), -42);
	CU_ASSERT_EQUAL(shim_errno, 0);

	/* Clock ids are FreeBSD's: CLOCK_MONOTONIC is 4, CLOCK_SECOND 13. */
	{
		struct fbsd_timespec ts;
		CU_ASSERT_EQUAL(shim_clock_gettime(4, &ts), 0);
		CU_ASSERT_EQUAL(shim_clock_gettime(13, &ts), 0);
		CU_ASSERT_EQUAL(ts.tv_nsec, 0);
		CU_ASSERT_EQUAL(shim_clock_gettime(2 /* CLOCK_PROF */, &ts), 0);
		CU_ASSERT_EQUAL(shim_clock_gettime(3, &ts), -1);
		CU_ASSERT_EQUAL(shim_errno, FB_EINVAL);
	}

	/* jemalloc's realloc(p, 0) allocates. */
	{
		void *q = shim_realloc(shim_malloc(8), 0);
		CU_ASSERT_PTR_NOT_NULL(q);
		free(q);
	}
	CU_ASSERT_PTR_NULL(shim_getenv("A=B"));
	CU_ASSERT_EQUAL(shim_errno, FB_EINVAL);
	CU_ASSERT_EQUAL(shim_putenv((char *)"NOEQUALS"), -1);
}

/* __libc_start1 and its fake main run in a child: they end in exit(). */
static int start_pipe = -1;
static char **start_env;
/* The executable's own environ and __progname, as FreeBSD's crt1 has them. */
static char **exe_environ;
static const char *exe_progname;

static void
start_cleanup(void)
{
	(void)!write(start_pipe, "C", 1);
}

static void
main_atexit(void)
{
	(void)!write(start_pipe, "B", 1);
}

static int
fake_main(int argc, char **argv, char **env)
{
	const char *v = shim_getenv("UXSHIM_TEST");
	int ok = argc == 2 && strcmp(argv[1], "arg") == 0 && env == start_env &&
	    environ == start_env && shim_errno == 0 && v && strcmp(v, "yes") == 0 &&
	    strcmp(shim_getprogname(), "prog") == 0 &&
	    strcmp(program_invocation_short_name, "prog") == 0;

	(void)!write(start_pipe, ok ? "M" : "m", 1);
	/* The executable's copies are filled in and follow setenv; a
	 * replaced environ is what getenv reads. */
	ok = exe_environ == start_env && exe_progname && strcmp(exe_progname, "prog") == 0;
	ok = ok && shim_setenv("UXSHIM_NEW", "1", 1) == 0 && exe_environ == environ;
	{
		static char *mine[] = { (char *)"ONLY=here", NULL };
		exe_environ = mine;
		v = shim_getenv("ONLY");
		ok = ok && v && strcmp(v, "here") == 0 && !shim_getenv("UXSHIM_TEST");
	}
	(void)!write(start_pipe, ok ? "E" : "e", 1);
	shim_atexit(main_atexit);
	/* Left in the buffer: exit() must flush it. */
	shim_printf("out of main");
	return 42;
}

static void
test_libc_start1(void)
{
	int events[2], out[2], st;
	char got[16] = "", text[32] = "";
	pid_t pid;
	ssize_t n;

	CU_ASSERT_FATAL(pipe(events) == 0 && pipe(out) == 0);
	fflush(NULL);
	pid = fork();
	CU_ASSERT_FATAL(pid >= 0);
	if (pid == 0) {
		static char *argv[] = { (char *)"/some/dir/prog", (char *)"arg", NULL };
		static char *env[] = { (char *)"UXSHIM_TEST=yes", NULL };

		/* The parent's scratch directory is not this child's to remove. */
		unit_tmpdir[0] = '\0';
		dup2(out[1], 1);
		start_pipe = events[1];
		start_env = env;
		ux_shim_data_moved(libc7(), ux_shim_lookup(libc7(), "environ", NULL), &exe_environ);
		ux_shim_data_moved(libc7(), ux_shim_lookup(libc7(), "__progname", NULL), &exe_progname);
		shim_errno = 5;
		shim_env_changed = 0;	/* as in a fresh process */
		shim___libc_start1(2, argv, env, start_cleanup, fake_main);
	}
	close(events[1]);
	close(out[1]);
	CU_ASSERT(waitpid(pid, &st, 0) == pid);
	UX_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42, "child status %#x", st);
	n = read(events[0], got, sizeof(got) - 1);
	got[n > 0 ? n : 0] = '\0';
	/* main ran with its environment, the executable's copies were kept
	 * current, then exit ran main's handler before the runtime linker's
	 * cleanup (registered first). */
	CU_ASSERT_STRING_EQUAL(got, "MEBC");
	n = read(out[0], text, sizeof(text) - 1);
	text[n > 0 ? n : 0] = '\0';
	CU_ASSERT_STRING_EQUAL(text, "out of main");
	close(events[0]);
	close(out[0]);
}

int unit_register_shim(void);

int
unit_register_shim(void)
{
	CU_pSuite s = CU_add_suite("libshim", NULL, NULL);

	if (!s)
		return CU_get_error();
	UX_ADD_TEST(s, test_table_matches_spec);
	UX_ADD_TEST(s, test_table_sorted);
	UX_ADD_TEST(s, test_entries_bound);
	UX_ADD_TEST(s, test_lookup_versions);
	UX_ADD_TEST(s, test_data_objects);
	UX_ADD_TEST(s, test_stub_library);
	UX_ADD_TEST(s, test_unimpl_stubs);
	UX_ADD_TEST(s, test_errno_numbers);
	UX_ADD_TEST(s, test_strerror_r_and_m);
	UX_ADD_TEST(s, test_errno_after_calls);
	UX_ADD_TEST(s, test_libc_start1);
	return CUE_SUCCESS;
}
