/*
 * Guest struct layouts against Go's ztypes_freebsd_amd64.go.  Go lays its
 * structs out like the C compiler on amd64 (natural alignment), and cgo
 * generated those from FreeBSD's headers, so sizes and every field offset
 * must agree.  Each of our fields is mapped to Go's by name, and every Go
 * field must be mapped: a field missing on our side fails too.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/unit.h"
#include "tests/unit/gofile.h"
#include "syscalls/freebsd/fbsd_abi.h"

static char *ztypes;

struct fmap {
	const char *c;		/* our field */
	size_t off, size;
	const char *go;		/* Go's field */
};

#define F(st, field, goname) \
	{ #field, offsetof(struct st, field), sizeof(((struct st *)0)->field), goname }

static const struct fmap timespec_map[] = {
	F(fbsd_timespec, tv_sec, "Sec"), F(fbsd_timespec, tv_nsec, "Nsec"),
};
static const struct fmap timeval_map[] = {
	F(fbsd_timeval, tv_sec, "Sec"), F(fbsd_timeval, tv_usec, "Usec"),
};
static const struct fmap stat_map[] = {
	F(fbsd_stat, st_dev, "Dev"), F(fbsd_stat, st_ino, "Ino"), F(fbsd_stat, st_nlink, "Nlink"),
	F(fbsd_stat, st_mode, "Mode"), F(fbsd_stat, st_padding0, "_0"), F(fbsd_stat, st_uid, "Uid"),
	F(fbsd_stat, st_gid, "Gid"), F(fbsd_stat, st_padding1, "_1"), F(fbsd_stat, st_rdev, "Rdev"),
	F(fbsd_stat, st_atim, "Atim"), F(fbsd_stat, st_mtim, "Mtim"), F(fbsd_stat, st_ctim, "Ctim"),
	F(fbsd_stat, st_birthtim, "Btim"), F(fbsd_stat, st_size, "Size"),
	F(fbsd_stat, st_blocks, "Blocks"), F(fbsd_stat, st_blksize, "Blksize"),
	F(fbsd_stat, st_flags, "Flags"), F(fbsd_stat, st_gen, "Gen"), F(fbsd_stat, st_spare, "Spare"),
};
static const struct fmap dirent_map[] = {
	F(fbsd_dirent, d_fileno, "Fileno"), F(fbsd_dirent, d_off, "Off"),
	F(fbsd_dirent, d_reclen, "Reclen"), F(fbsd_dirent, d_type, "Type"),
	F(fbsd_dirent, d_pad0, "Pad0"), F(fbsd_dirent, d_namlen, "Namlen"),
	F(fbsd_dirent, d_pad1, "Pad1"), F(fbsd_dirent, d_name, "Name"),
};
static const struct fmap rusage_map[] = {
	F(fbsd_rusage, ru_utime, "Utime"), F(fbsd_rusage, ru_stime, "Stime"),
	F(fbsd_rusage, ru_maxrss, "Maxrss"), F(fbsd_rusage, ru_ixrss, "Ixrss"),
	F(fbsd_rusage, ru_idrss, "Idrss"), F(fbsd_rusage, ru_isrss, "Isrss"),
	F(fbsd_rusage, ru_minflt, "Minflt"), F(fbsd_rusage, ru_majflt, "Majflt"),
	F(fbsd_rusage, ru_nswap, "Nswap"), F(fbsd_rusage, ru_inblock, "Inblock"),
	F(fbsd_rusage, ru_oublock, "Oublock"), F(fbsd_rusage, ru_msgsnd, "Msgsnd"),
	F(fbsd_rusage, ru_msgrcv, "Msgrcv"), F(fbsd_rusage, ru_nsignals, "Nsignals"),
	F(fbsd_rusage, ru_nvcsw, "Nvcsw"), F(fbsd_rusage, ru_nivcsw, "Nivcsw"),
};
static const struct fmap rlimit_map[] = {
	F(fbsd_rlimit, rlim_cur, "Cur"), F(fbsd_rlimit, rlim_max, "Max"),
};
static const struct fmap termios_map[] = {
	F(fbsd_termios, c_iflag, "Iflag"), F(fbsd_termios, c_oflag, "Oflag"),
	F(fbsd_termios, c_cflag, "Cflag"), F(fbsd_termios, c_lflag, "Lflag"),
	F(fbsd_termios, c_cc, "Cc"), F(fbsd_termios, c_ispeed, "Ispeed"),
	F(fbsd_termios, c_ospeed, "Ospeed"),
};
static const struct fmap winsize_map[] = {
	F(fbsd_winsize, ws_row, "Row"), F(fbsd_winsize, ws_col, "Col"),
	F(fbsd_winsize, ws_xpixel, "Xpixel"), F(fbsd_winsize, ws_ypixel, "Ypixel"),
};
static const struct fmap flock_map[] = {
	F(fbsd_flock, l_start, "Start"), F(fbsd_flock, l_len, "Len"), F(fbsd_flock, l_pid, "Pid"),
	F(fbsd_flock, l_type, "Type"), F(fbsd_flock, l_whence, "Whence"),
	F(fbsd_flock, l_sysid, "Sysid"), F(fbsd_flock, l_pad, "_"),
};
static const struct fmap iovec_map[] = {
	F(fbsd_iovec, iov_base, "Base"), F(fbsd_iovec, iov_len, "Len"),
};
static const struct fmap sigset_map[] = {
	F(fbsd_sigset, bits, "Val"),
};
static const struct fmap pollfd_map[] = {
	F(fbsd_pollfd, fd, "Fd"), F(fbsd_pollfd, events, "Events"), F(fbsd_pollfd, revents, "Revents"),
};
#undef F

#define S(st, goname, map) { #st, sizeof(struct st), goname, map, sizeof(map) / sizeof(map[0]) }
static const struct {
	const char *c;
	size_t size;
	const char *go;
	const struct fmap *f;
	size_t nf;
} structs[] = {
	S(fbsd_timespec, "Timespec", timespec_map), S(fbsd_timeval, "Timeval", timeval_map),
	S(fbsd_stat, "Stat_t", stat_map), S(fbsd_dirent, "Dirent", dirent_map),
	S(fbsd_rusage, "Rusage", rusage_map), S(fbsd_rlimit, "Rlimit", rlimit_map),
	S(fbsd_termios, "Termios", termios_map), S(fbsd_winsize, "Winsize", winsize_map),
	S(fbsd_flock, "Flock_t", flock_map), S(fbsd_iovec, "Iovec", iovec_map),
	S(fbsd_sigset, "Sigset_t", sigset_map), S(fbsd_pollfd, "PollFd", pollfd_map),
};
#undef S

static int
suite_init(void)
{
	char path[1024];

	snprintf(path, sizeof(path), "%s/ztypes_freebsd_amd64.go", unit_go_dir());
	ztypes = unit_slurp(path, NULL);
	if (!ztypes) {
		fprintf(stderr, "layouts: cannot read %s (set GO_XSYS_DIR)\n", path);
		return 1;
	}
	return 0;
}

static int
suite_clean(void)
{
	free(ztypes);
	ztypes = NULL;
	return 0;
}

static uint64_t
off_of(const struct go_struct *s, const char *name)
{
	const struct go_field *f = go_field(s, name);

	return f ? f->off : UINT64_MAX;
}

static uint64_t
size_of(const struct go_struct *s, const char *name)
{
	const struct go_field *f = go_field(s, name);

	return f ? f->size : UINT64_MAX;
}

/* The reader itself, on a struct with every kind of field it handles. */
static void
test_go_reader(void)
{
	static const char src[] =
	    "package unix\n"
	    "type (\n\t_C_int int32\n)\n"
	    "type Inner struct {\n\tA int8\n\tB int64\n}\n"
	    "type Outer struct {\n"
	    "\tX  byte\n"
	    "\tIn Inner\n"
	    "\tY  uint16\n"
	    "\t_  [3]byte\n"
	    "\tZ  _C_int\n"
	    "\tP  *byte\n"
	    "\tA  [2]Inner\n"
	    "\tC  uint8\n"
	    "}\n";
	struct go_struct *s = malloc(sizeof(*s));

	CU_ASSERT_FATAL(s != NULL);
	CU_ASSERT_FATAL(go_struct_layout(src, "Outer", s) == 0);
	CU_ASSERT_EQUAL(s->nf, 8);
	CU_ASSERT_EQUAL(off_of(s, "In"), 8);
	CU_ASSERT_EQUAL(size_of(s, "In"), 16);
	CU_ASSERT_EQUAL(off_of(s, "Y"), 24);
	CU_ASSERT_EQUAL(off_of(s, "_"), 26);
	CU_ASSERT_EQUAL(off_of(s, "Z"), 32);
	CU_ASSERT_EQUAL(off_of(s, "P"), 40);
	CU_ASSERT_EQUAL(off_of(s, "A"), 48);
	CU_ASSERT_EQUAL(size_of(s, "A"), 32);
	CU_ASSERT_EQUAL(off_of(s, "C"), 80);
	CU_ASSERT_EQUAL(s->size, 88);
	CU_ASSERT_EQUAL(s->align, 8);
	CU_ASSERT(go_struct_layout(src, "Missing", s) != 0);
	free(s);
}

/* The reader against Go's own SizeofX constants for every struct it can lay out. */
static void
test_go_reader_vs_sizeof(void)
{
	struct go_consts *c = NULL;
	struct go_struct *s = malloc(sizeof(*s));
	char path[1024];
	const char *name;
	int64_t v;
	unsigned checked = 0;

	CU_ASSERT_FATAL(s != NULL);
	snprintf(path, sizeof(path), "%s/ztypes_freebsd_amd64.go", unit_go_dir());
	CU_ASSERT_FATAL(go_consts_load(&c, path) == 0);
	for (size_t i = 0; (name = go_const_at(c, i, &v)) != NULL; i++) {
		char sname[80];
		if (strncmp(name, "Sizeof", 6) != 0)
			continue;
		snprintf(sname, sizeof(sname), "%s", name + 6);
		if (go_struct_layout(ztypes, sname, s) != 0) {
			snprintf(sname, sizeof(sname), "Raw%s", name + 6);
			if (go_struct_layout(ztypes, sname, s) != 0)
				continue;
		}
		UX_CHECK(s->size == (uint64_t)v, "Go reader lays out %s in %llu bytes, Go's %s is %lld",
		    sname, (unsigned long long)s->size, name, (long long)v);
		checked++;
	}
	printf("\n    %u Go structs laid out and checked against Go's Sizeof constants ", checked);
	UX_CHECK(checked >= 20, "only %u Sizeof constants matched a struct", checked);
	go_consts_free(c);
	free(s);
}

static void
test_structs_vs_go(void)
{
	struct go_struct *g = malloc(sizeof(*g));

	CU_ASSERT_FATAL(g != NULL);
	for (size_t i = 0; i < sizeof(structs) / sizeof(structs[0]); i++) {
		if (go_struct_layout(ztypes, structs[i].go, g) != 0) {
			UX_CHECK(0, "struct %s: Go's %s not found or not understood", structs[i].c, structs[i].go);
			continue;
		}
		UX_CHECK(g->size == structs[i].size, "sizeof(struct %s) is %zu, Go's %s is %llu",
		    structs[i].c, structs[i].size, structs[i].go, (unsigned long long)g->size);
		UX_CHECK((size_t)g->nf == structs[i].nf, "struct %s maps %zu fields, Go's %s has %d",
		    structs[i].c, structs[i].nf, structs[i].go, g->nf);
		for (size_t j = 0; j < structs[i].nf; j++) {
			const struct fmap *m = &structs[i].f[j];
			const struct go_field *gf = go_field(g, m->go);
			if (!gf) {
				UX_CHECK(0, "%s.%s: Go's %s has no field %s", structs[i].c, m->c, structs[i].go, m->go);
				continue;
			}
			UX_CHECK(gf->off == m->off, "%s.%s at offset %zu, Go's %s.%s at %llu", structs[i].c,
			    m->c, m->off, structs[i].go, m->go, (unsigned long long)gf->off);
			UX_CHECK(gf->size == m->size, "%s.%s is %zu bytes, Go's %s.%s (%s) is %llu", structs[i].c,
			    m->c, m->size, structs[i].go, m->go, gf->type, (unsigned long long)gf->size);
		}
	}
	free(g);
}

int
unit_register_layout(void)
{
	CU_pSuite s = CU_add_suite("struct layouts vs Go ztypes", suite_init, suite_clean);

	if (!s)
		return CU_get_error();
	UX_ADD_TEST(s, test_go_reader);
	UX_ADD_TEST(s, test_go_reader_vs_sizeof);
	UX_ADD_TEST(s, test_structs_vs_go);
	return CUE_SUCCESS;
}
