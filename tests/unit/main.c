/*
 * uxrun's unit tests (CUnit, basic interface).
 *
 *   unit_tests [SUITE...]     run every suite, or only the named ones
 *
 * Exits 0 when every assertion passed, 1 when any failed, 2 when the
 * tests could not be set up.  Environment: GO_XSYS_DIR (Go's x/sys/unix
 * sources), UXRUN_SRCDIR (the source tree, for syscalls.master).
 */
#include "config.h"

#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <CUnit/Basic.h>

#include "tests/unit/unit.h"
#include "syscalls/hostfd.h"
#include "syscalls/log.h"

#ifndef UX_GO_XSYS_DIR
#define UX_GO_XSYS_DIR "/usr/share/gocode/src/golang.org/x/sys/unix"
#endif
#ifndef UX_SRCDIR
#define UX_SRCDIR "."
#endif

char unit_tmpdir[256];
char unit_logpath[300];

const char *
unit_go_dir(void)
{
	const char *d = getenv("GO_XSYS_DIR");

	return d && *d ? d : UX_GO_XSYS_DIR;
}

const char *
unit_srcdir(void)
{
	const char *d = getenv("UXRUN_SRCDIR");

	return d && *d ? d : UX_SRCDIR;
}

int
unit_count_in_log(const char *needle)
{
	char *log = unit_slurp(unit_logpath, NULL);
	int n = 0;

	for (const char *p = log; p && (p = strstr(p, needle)) != NULL; p++)
		n++;
	free(log);
	return n;
}

char *
unit_slurp(const char *path, size_t *lenp)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0;

	if (!f)
		return NULL;
	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 65536;
			char *nb = realloc(buf, cap + 1);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		if (n == 0)
			break;
		len += n;
	}
	fclose(f);
	buf[len] = '\0';
	if (lenp)
		*lenp = len;
	return buf;
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP || flag == FTW_D)
		return rmdir(path) != 0 && errno != ENOENT;
	return unlink(path) != 0 && errno != ENOENT;
}

static void
cleanup(void)
{
	if (unit_tmpdir[0])
		nftw(unit_tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* test_fbsd_convert.c */
int unit_register_fbsd_convert(void);
/* test_timekeep.c */
int unit_register_timekeep(void);
/* test_shim.c */
int unit_register_shim(void);

static const struct {
	const char *name;
	int (*reg)(void);
} areas[] = {
	{ "constants", unit_register_consts },
	{ "layouts", unit_register_layout },
	{ "converters", unit_register_convert },
	{ "structs", unit_register_fbsd_convert },
	{ "sysent", unit_register_sysent },
	{ "dispatch", unit_register_dispatch },
	{ "trap", unit_register_trap },
	{ "image", unit_register_image },
	{ "timekeep", unit_register_timekeep },
	{ "libshim", unit_register_shim },
};

int
main(int argc, char **argv)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(unit_tmpdir, sizeof(unit_tmpdir), "%s/uxrun-unit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(unit_tmpdir)) {
		fprintf(stderr, "unit_tests: cannot create %s: %s\n", unit_tmpdir, strerror(errno));
		return 2;
	}
	atexit(cleanup);
	/* Reports of unsupported calls go to a file the tests can read. */
	snprintf(unit_logpath, sizeof(unit_logpath), "%s/uxrun.log", unit_tmpdir);
	if (ux_hostfd_init() != 0 || ux_log_init(unit_logpath) != 0) {
		fprintf(stderr, "unit_tests: cannot set up uxrun's log\n");
		return 2;
	}

	if (CU_initialize_registry() != CUE_SUCCESS) {
		fprintf(stderr, "unit_tests: %s\n", CU_get_error_msg());
		return 2;
	}
	for (size_t i = 0; i < sizeof(areas) / sizeof(areas[0]); i++) {
		int want = argc < 2;
		for (int j = 1; j < argc; j++)
			if (strcmp(argv[j], areas[i].name) == 0)
				want = 1;
		if (want && areas[i].reg() != CUE_SUCCESS) {
			fprintf(stderr, "unit_tests: registering %s: %s\n", areas[i].name, CU_get_error_msg());
			CU_cleanup_registry();
			return 2;
		}
	}
	for (int j = 1; j < argc; j++) {
		int known = 0;
		for (size_t i = 0; i < sizeof(areas) / sizeof(areas[0]); i++)
			known |= strcmp(argv[j], areas[i].name) == 0;
		if (!known) {
			fprintf(stderr, "unit_tests: no suite %s; suites:", argv[j]);
			for (size_t i = 0; i < sizeof(areas) / sizeof(areas[0]); i++)
				fprintf(stderr, " %s", areas[i].name);
			fprintf(stderr, "\n");
			CU_cleanup_registry();
			return 2;
		}
	}

	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	unsigned failures = CU_get_number_of_failures();
	unsigned suites_failed = CU_get_number_of_suites_failed();
	unsigned tests_failed = CU_get_number_of_tests_failed();
	CU_ErrorCode cue = CU_get_error();
	CU_cleanup_registry();
	printf("\n");
	return failures || suites_failed || tests_failed || cue != CUE_SUCCESS ? 1 : 0;
}
