/* Shared by the unit test files: suite registration and a few helpers. */
#ifndef UX_TEST_UNIT_H
#define UX_TEST_UNIT_H

#include <stdio.h>
#include <CUnit/CUnit.h>

/* One per area; each adds its suite to the registry.  0 or a CUnit error. */
int unit_register_consts(void);
int unit_register_layout(void);
int unit_register_convert(void);
int unit_register_sysent(void);
int unit_register_dispatch(void);
int unit_register_trap(void);
int unit_register_image(void);

/* A scratch directory for the whole run, removed at exit. */
extern char unit_tmpdir[];
/* uxrun's log (reports of unsupported calls and flags) goes here. */
extern char unit_logpath[];

/* Where Go's golang.org/x/sys/unix sources are: $GO_XSYS_DIR or configure's. */
const char *unit_go_dir(void);
/* The source tree: $UXRUN_SRCDIR or configure's. */
const char *unit_srcdir(void);
/* Reads a whole file (NUL-terminated, caller frees), or NULL. */
char *unit_slurp(const char *path, size_t *len);
/* How many times needle appears in uxrun's log (unit_logpath). */
int unit_count_in_log(const char *needle);

/* Handler addresses as the thunks see them (generated from fbsd_sysent.h). */
struct ux_handler_addr {
	const char *name;
	void (*fn)(void);
};
extern const struct ux_handler_addr ux_fbsd_handler_addrs[];

/*
 * An assertion whose failure message says what was checked: CUnit records
 * the formatted text (it copies it) instead of the bare expression.
 */
#define UX_CHECK(cond, ...) do { \
	if (cond) { \
		CU_assertImplementation(CU_TRUE, __LINE__, #cond, __FILE__, "", CU_FALSE); \
	} else { \
		char ux_msg_[2048]; \
		snprintf(ux_msg_, sizeof(ux_msg_), __VA_ARGS__); \
		CU_assertImplementation(CU_FALSE, __LINE__, ux_msg_, __FILE__, "", CU_FALSE); \
	} \
} while (0)

#define UX_ADD_TEST(s, fn) \
	do { if (!CU_add_test((s), #fn, (fn))) return CU_get_error(); } while (0)

#endif
