# libuxshim.so, the LD_PRELOAD shim (libshim/preload/uxshim.c): a native
# process that preloads it starts foreign programs under uxrun.  Installed
# as $(pkglibdir)/libuxshim.so ($(libdir)/uxrun); it links against nothing
# of uxrun's, and looks for the installed $(bindir)/uxrun (after
# $UXRUN_PRELOAD_UXRUN and an uxrun beside it).  In the build tree,
# ./libuxshim.so (a link to libtool's copy) sits beside ./uxrun.
# Included from the top-level Makefile.am, after libshim/local.mk.

pkglib_LTLIBRARIES = libshim/preload/libuxshim.la
libshim_preload_libuxshim_la_SOURCES = \
	libshim/preload/uxshim.h libshim/preload/uxshim.c \
	libshim/preload/foreign.h libshim/preload/foreign.c \
	libshim/preload/spawn.c libshim/preload/shell.c
libshim_preload_libuxshim_la_CPPFLAGS = $(AM_CPPFLAGS) -DUXSHIM_UXRUN='"$(bindir)/uxrun"'
# Only the entry points are exported; glibc's headers mark exec's
# arguments nonnull, but Linux takes a NULL argv or envp, and so must this.
libshim_preload_libuxshim_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden -fno-delete-null-pointer-checks
libshim_preload_libuxshim_la_LDFLAGS = -module -avoid-version -shared -no-undefined
libshim_preload_libuxshim_la_LIBADD = -ldl -lpthread

noinst_DATA += libuxshim.so
CLEANFILES += libuxshim.so libuxshim.so.tmp
# Made once and replaced atomically: processes of a running test suite
# may be loading it.
libuxshim.so: libshim/preload/libuxshim.la
	$(AM_V_GEN)test "`readlink $@ 2>/dev/null`" = libshim/preload/.libs/libuxshim.so || \
	    { rm -f $@.tmp && ln -s libshim/preload/.libs/libuxshim.so $@.tmp && mv -f $@.tmp $@; }
