# libuxshim.so, the LD_PRELOAD shim (libshim/preload/uxshim.c): a native
# process that preloads it starts foreign programs under uxrun, and
# dlopens foreign shared objects through uxrun's runtime linker
# (libshim/preload/dl.c).  Installed as $(pkglibdir)/libuxshim.so
# ($(libdir)/uxrun); it links against nothing of uxrun's, looks for the
# installed $(bindir)/uxrun (after $UXRUN_PRELOAD_UXRUN and an uxrun
# beside it), and dlopens libuxrun.so.0 when it first needs the runtime
# linker (beside it, one directory up, then $(libdir)'s).  In the build
# tree, ./libuxshim.so and ./libuxrun.so.0 (links to libtool's copies) sit
# beside ./uxrun.
# Included from the top-level Makefile.am, after libshim/local.mk.

pkglib_LTLIBRARIES = libshim/preload/libuxshim.la
libshim_preload_libuxshim_la_SOURCES = \
	libshim/preload/uxshim.h libshim/preload/uxshim.c \
	libshim/preload/foreign.h libshim/preload/foreign.c \
	libshim/preload/spawn.c libshim/preload/shell.c \
	libshim/preload/dl.c libshim/preload/dl_entry.S loader/rtld_hosted.h
libshim_preload_libuxshim_la_CPPFLAGS = $(AM_CPPFLAGS) -DUXSHIM_UXRUN='"$(bindir)/uxrun"' \
	-DUXSHIM_LIBUXRUN='"$(libdir)/libuxrun.so.0"'
# Only the entry points are exported; glibc's headers mark exec's
# arguments nonnull, but Linux takes a NULL argv or envp, and so must this.
libshim_preload_libuxshim_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden -fno-delete-null-pointer-checks
libshim_preload_libuxshim_la_LDFLAGS = -module -avoid-version -shared -no-undefined
libshim_preload_libuxshim_la_LIBADD = -ldl -lpthread

# libuxnative.so (libshim/preload/nativesig.c): preloaded by uxrun --native
# into a dynamically linked native program, beside uxrun in the build tree.
pkglib_LTLIBRARIES += libshim/preload/libuxnative.la
libshim_preload_libuxnative_la_SOURCES = libshim/preload/nativesig.c
libshim_preload_libuxnative_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
libshim_preload_libuxnative_la_LDFLAGS = -module -avoid-version -shared -no-undefined
libshim_preload_libuxnative_la_LIBADD = -ldl -lpthread

noinst_DATA += libuxshim.so libuxrun.so.0 libuxnative.so
CLEANFILES += libuxshim.so libuxshim.so.tmp libuxrun.so.0 libuxrun.so.0.tmp libuxnative.so libuxnative.so.tmp
libuxnative.so: libshim/preload/libuxnative.la
	$(AM_V_GEN)test "`readlink $@ 2>/dev/null`" = libshim/preload/.libs/libuxnative.so || \
	    { rm -f $@.tmp && ln -s libshim/preload/.libs/libuxnative.so $@.tmp && mv -f $@.tmp $@; }
# Made once and replaced atomically: processes of a running test suite
# may be loading them.
libuxshim.so: libshim/preload/libuxshim.la
	$(AM_V_GEN)test "`readlink $@ 2>/dev/null`" = libshim/preload/.libs/libuxshim.so || \
	    { rm -f $@.tmp && ln -s libshim/preload/.libs/libuxshim.so $@.tmp && mv -f $@.tmp $@; }
libuxrun.so.0: libuxrun.la
	$(AM_V_GEN)test "`readlink $@ 2>/dev/null`" = .libs/libuxrun.so.0 || \
	    { rm -f $@.tmp && ln -s .libs/libuxrun.so.0 $@.tmp && mv -f $@.tmp $@; }
