# Tests: CUnit unit tests (plain and under ASan+UBSan), the loader's
# malformed-input corpus, the differential runner and the benchmarks.
#
#   tests/unit/unit_tests [SUITE...]       unit tests against libuxrun
#   tests/unit/unit_tests_san [SUITE...]   the same, with the library sources
#                                          compiled in under ASan+UBSan
#   tests/loader/mkcorpus DIR              writes the loader corpus into DIR
#   tests/loader/run.sh ./uxrun DIR        runs uxrun on it
#
# Included from the top-level Makefile.am.

check_PROGRAMS += tests/unit/unit_tests tests/unit/unit_tests_san tests/loader/mkcorpus
EXTRA_DIST += tests/loader/run.sh

UNIT_SOURCES = \
	tests/unit/main.c tests/unit/unit.h \
	tests/unit/gofile.c tests/unit/gofile.h \
	tests/unit/test_consts.c tests/unit/test_layout.c tests/unit/test_convert.c \
	tests/unit/test_sysent.c tests/unit/test_dispatch.c tests/unit/test_trap.c \
	tests/unit/test_image.c tests/unit/test_fbsd_convert.c \
	tests/unit/test_timekeep.c tests/unit/test_shim.c \
	tests/loader/elfgen.c tests/loader/elfgen.h
UNIT_GEN = tests/unit/handlers_gen.c
UNIT_CPPFLAGS = $(AM_CPPFLAGS) \
	-DUX_GO_XSYS_DIR='"$(GO_XSYS_DIR)"' -DUX_SRCDIR='"$(abs_top_srcdir)"'

tests_unit_unit_tests_SOURCES = $(UNIT_SOURCES)
nodist_tests_unit_unit_tests_SOURCES = $(UNIT_GEN)
tests_unit_unit_tests_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_unit_tests_CFLAGS = $(AM_CFLAGS) $(LIBELF_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_unit_tests_LDADD = libuxrun.la $(CUNIT_LIBS) $(LIBELF_LIBS) -ldl
# A real executable that runs in place, not a libtool wrapper script.
tests_unit_unit_tests_LDFLAGS = -no-install

# The sanitized twin compiles the library's sources itself: libuxrun.la is
# built without sanitizers.  -export-dynamic lets the syscall-table test
# find handlers with dlsym, as it can in libuxrun.so.
UNIT_SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
tests_unit_unit_tests_san_SOURCES = $(UNIT_SOURCES) $(libuxrun_la_SOURCES)
nodist_tests_unit_unit_tests_san_SOURCES = $(UNIT_GEN) $(nodist_libuxrun_la_SOURCES)
tests_unit_unit_tests_san_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_unit_tests_san_CFLAGS = $(libuxrun_la_CFLAGS) $(CUNIT_CFLAGS) $(UNIT_SAN_FLAGS)
tests_unit_unit_tests_san_CCASFLAGS = $(AM_CCASFLAGS)
tests_unit_unit_tests_san_LDADD = $(libuxrun_la_LIBADD) $(CUNIT_LIBS) -ldl
tests_unit_unit_tests_san_LDFLAGS = $(UNIT_SAN_FLAGS) -export-dynamic

# The address of every weak fbsd_sys_* handler, taken the way the generated
# thunks test it, so the unit tests can tell which ones are linked.
tests/unit/handlers_gen.c: syscalls/freebsd/fbsd_sysent.h
	$(AM_V_GEN)mkdir -p tests/unit && { \
	  echo '/* Generated from fbsd_sysent.h by tests/local.mk. DO NOT EDIT. */'; \
	  echo '#include "config.h"'; \
	  echo '#include "tests/unit/unit.h"'; \
	  echo '#include "syscalls/freebsd/fbsd_sysent.h"'; \
	  echo 'const struct ux_handler_addr ux_fbsd_handler_addrs[] = {'; \
	  sed -n 's/^long fbsd_sys_\([A-Za-z0-9_]*\)(.*/	{ "\1", (void (*)(void))fbsd_sys_\1 },/p' \
	    syscalls/freebsd/fbsd_sysent.h; \
	  echo '	{ 0, 0 },'; \
	  echo '};'; \
	} >$@-t && mv $@-t $@
CLEANFILES += tests/unit/handlers_gen.c tests/unit/handlers_gen.c-t

tests_loader_mkcorpus_SOURCES = tests/loader/mkcorpus.c tests/loader/elfgen.c tests/loader/elfgen.h
