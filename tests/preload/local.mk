# The LD_PRELOAD shim's tests (tests/preload/run.sh): small native
# drivers that start programs in each way the shim covers, or dlopen a
# library (dlo), a probe that prints the shim's verdict on a file, and a
# maker of NetBSD-marked copies.
# Included from the top-level Makefile.am.
check_PROGRAMS += tests/preload/drive tests/preload/probe tests/preload/mkforeign tests/preload/dlo
tests_preload_probe_SOURCES = tests/preload/probe.c libshim/preload/foreign.c libshim/preload/foreign.h
tests_preload_drive_SOURCES = tests/preload/drive.c
tests_preload_mkforeign_SOURCES = tests/preload/mkforeign.c
EXTRA_DIST += tests/preload/run.sh
tests_preload_dlo_SOURCES = tests/preload/dlo.c
# plugin_host_value is looked up by the library it loads.
tests_preload_dlo_LDFLAGS = -rdynamic
tests_preload_dlo_LDADD = -ldl -lpthread
