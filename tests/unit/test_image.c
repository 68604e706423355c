/*
 * ux_image_open on the loader corpus (tests/loader/elfgen.c), in-process:
 * what it accepts, the OS it detects, and the one-line message and status
 * for everything it refuses.  Under ASan/UBSan this is also the check that
 * no malformed header makes the loader read or write out of bounds.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "tests/unit/unit.h"
#include "tests/loader/elfgen.h"
#include "loader/image.h"

static char dir[512];

static int
suite_init(void)
{
	snprintf(dir, sizeof(dir), "%s/corpus", unit_tmpdir);
	if (mkdir(dir, 0755) != 0)
		return 1;
	for (size_t i = 0; i < eg_ncases; i++)
		if (eg_create(&eg_cases[i], dir) != 0) {
			fprintf(stderr, "image: cannot create %s in %s\n", eg_cases[i].name, dir);
			return 1;
		}
	return 0;
}

static int
suite_clean(void)
{
	for (size_t i = 0; i < eg_ncases; i++)
		eg_unprotect(&eg_cases[i], dir);
	return 0;
}

static const struct eg_case *
find_case(const char *name)
{
	for (size_t i = 0; i < eg_ncases; i++)
		if (strcmp(eg_cases[i].name, name) == 0)
			return &eg_cases[i];
	return NULL;
}

static void
test_corpus(void)
{
	int root = geteuid() == 0;
	unsigned checked = 0;

	for (size_t i = 0; i < eg_ncases; i++) {
		const struct eg_case *c = &eg_cases[i];
		struct ux_image im;
		struct ux_err err = { 0, "" };
		char path[1024];

		if (c->root_skip && root)
			continue;
		eg_path(c, dir, path, sizeof(path));
		int rc = ux_image_open(&im, path, &err);
		if (c->opens) {
			UX_CHECK(rc == 0, "%s: refused: %s", c->name, err.msg);
			if (rc == 0) {
				UX_CHECK(strcmp(ux_os_name(im.os), c->os) == 0, "%s: OS %s, expected %s", c->name,
				    ux_os_name(im.os), c->os);
				UX_CHECK(im.os_version == c->os_version, "%s: OS version %u, expected %u", c->name,
				    im.os_version, c->os_version);
				UX_CHECK((im.interp == NULL) == (c->interp == NULL) &&
				    (!im.interp || strcmp(im.interp, c->interp) == 0),
				    "%s: interpreter %s, expected %s", c->name, im.interp ? im.interp : "none",
				    c->interp ? c->interp : "none");
			}
		} else {
			UX_CHECK(rc == -1, "%s: accepted, but must be refused with \"%s\"", c->name, c->msg);
			if (rc == -1) {
				UX_CHECK(err.status == c->status, "%s: status %d, expected %d (%s)", c->name,
				    err.status, c->status, err.msg);
				UX_CHECK(strstr(err.msg, c->msg) != NULL, "%s: message \"%s\" lacks \"%s\"", c->name,
				    err.msg, c->msg);
				UX_CHECK(strstr(err.msg, path) != NULL, "%s: message \"%s\" does not name the file",
				    c->name, err.msg);
				UX_CHECK(strchr(err.msg, '\n') == NULL, "%s: message has a newline", c->name);
			}
		}
		ux_image_close(&im);
		checked++;
	}
	UX_CHECK(checked + 2 >= eg_ncases, "only %u of %zu cases checked", checked, eg_ncases);
}

/* Facts about a valid image beyond the OS. */
static void
test_valid_image(void)
{
	const struct eg_case *c = find_case("ok-freebsd-static");
	struct ux_image im;
	struct ux_err err = { 0, "" };
	char path[1024], *info = NULL;
	size_t info_len = 0;

	CU_ASSERT_FATAL(c != NULL);
	eg_path(c, dir, path, sizeof(path));
	CU_ASSERT_FATAL(ux_image_open(&im, path, &err) == 0);
	CU_ASSERT_EQUAL(im.eh.e_type, ET_EXEC);
	CU_ASSERT_EQUAL(im.lo, 0x400000);
	CU_ASSERT_EQUAL(im.hi, 0x401000);
	CU_ASSERT_EQUAL(im.max_align, 0x1000);
	CU_ASSERT_EQUAL(im.exec_stack, 0);
	CU_ASSERT_EQUAL(im.file_size, 0x1000);
	CU_ASSERT_PTR_NOT_NULL(im.os_how);

	FILE *out = open_memstream(&info, &info_len);
	CU_ASSERT_FATAL(out != NULL);
	ux_image_print_info(&im, out);
	fclose(out);
	UX_CHECK(strstr(info, "os:          FreeBSD 14.0 (__FreeBSD_version 1400097)") != NULL,
	    "--info output: %s", info);
	UX_CHECK(strstr(info, "static executable (ET_EXEC)") != NULL, "--info output: %s", info);
	free(info);
	ux_image_close(&im);
	CU_ASSERT_EQUAL(im.fd, -1);
	ux_image_close(&im);	/* twice is harmless */
}

/* Maps the static PIE (anywhere, so it cannot collide) and looks at it. */
static void
test_map_pie(void)
{
	static const unsigned char exit42[] = { 0xb8, 0x01, 0x00, 0x00, 0x00, 0xbf, 0x2a };
	const struct eg_case *c = find_case("ok-freebsd-static-pie");
	struct ux_image im;
	struct ux_err err = { 0, "" };
	char path[1024];

	CU_ASSERT_FATAL(c != NULL);
	eg_path(c, dir, path, sizeof(path));
	CU_ASSERT_FATAL(ux_image_open(&im, path, &err) == 0);
	CU_ASSERT_EQUAL(im.eh.e_type, ET_DYN);
	CU_ASSERT_EQUAL(im.lo, 0);
	UX_CHECK(ux_image_map(&im, &err) == 0, "mapping the static PIE: %s", err.msg);
	UX_CHECK(im.bias != 0 && im.bias % im.max_align == 0, "bias %#llx", (unsigned long long)im.bias);
	if (im.bias) {
		const unsigned char *entry = (const unsigned char *)(uintptr_t)(im.bias + im.eh.e_entry);
		UX_CHECK(memcmp(entry, exit42, sizeof(exit42)) == 0, "the code is not at the entry point");
		munmap((void *)(uintptr_t)(im.bias + im.lo), im.hi - im.lo);
	}
	ux_image_close(&im);
}

int
unit_register_image(void)
{
	CU_pSuite s = CU_add_suite("loader image and OS detection", suite_init, suite_clean);

	if (!s)
		return CU_get_error();
	UX_ADD_TEST(s, test_corpus);
	UX_ADD_TEST(s, test_valid_image);
	UX_ADD_TEST(s, test_map_pie);
	return CUE_SUCCESS;
}
