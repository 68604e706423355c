# libshim: the hook tables the runtime linker binds a foreign program's
# imports from its system libraries to, generated from one spec per soname
# (libshim/<personality>/<soname>.spec, read by libshim/gen_shim.awk), the
# implementations over glibc, and the stub libraries the FreeBSD SDK links
# dynamic programs against.  Included from the top-level Makefile.am, whose
# UXCORE_SOURCES and UXCORE_GEN take LIBSHIM_SOURCES and LIBSHIM_GEN_C.

LIBSHIM_SOURCES = \
	libshim/shim.h libshim/shim_gen.h libshim/shim.c \
	libshim/freebsd/libc_shim.h \
	libshim/freebsd/libc_errno.c \
	libshim/freebsd/libc_start.c \
	libshim/freebsd/libc_secure.c \
	libshim/freebsd/libc_stdio.c \
	libshim/freebsd/libc_stdlib.c \
	libshim/freebsd/libc_unistd.c \
	libshim/freebsd/libc_time.c

# FreeBSD libc.so.7: the table, the stub library's assembler and version
# script, and the compatibility document, all from one run.
LIBSHIM_FBSD_LIBC_STUB = samples/obj/freebsd/dyn/libc.so.7
LIBSHIM_FBSD_LIBC_GEN = libshim/freebsd/libc_so_7_table.c \
	$(LIBSHIM_FBSD_LIBC_STUB).S $(LIBSHIM_FBSD_LIBC_STUB).map doc/freebsd-libc.md
LIBSHIM_GEN_C = libshim/freebsd/libc_so_7_table.c
BUILT_SOURCES += libshim/freebsd/libc_so_7_table.c doc/freebsd-libc.md
CLEANFILES += $(LIBSHIM_FBSD_LIBC_GEN) libshim/freebsd/.libc-gen-stamp
EXTRA_DIST += libshim/gen_shim.awk libshim/freebsd/libc.so.7.spec

libshim/freebsd/.libc-gen-stamp: $(srcdir)/libshim/gen_shim.awk $(srcdir)/libshim/freebsd/libc.so.7.spec
	$(AM_V_GEN)mkdir -p libshim/freebsd samples/obj/freebsd/dyn doc && \
	LC_ALL=C $(AWK) -v soname=libc.so.7 -v table=ux_shim_freebsd_libc_so_7 -v os=FreeBSD \
	    -v spec_name=libshim/freebsd/libc.so.7.spec -v enosys=shim_enosys \
	    -v out_c=libshim/freebsd/libc_so_7_table.c -v out_s=$(LIBSHIM_FBSD_LIBC_STUB).S \
	    -v out_map=$(LIBSHIM_FBSD_LIBC_STUB).map -v out_md=doc/freebsd-libc.md \
	    -f $(srcdir)/libshim/gen_shim.awk $(srcdir)/libshim/freebsd/libc.so.7.spec && touch $@
$(LIBSHIM_FBSD_LIBC_GEN): libshim/freebsd/.libc-gen-stamp
	@test -f $@ || { rm -f libshim/freebsd/.libc-gen-stamp; $(MAKE) $(AM_MAKEFLAGS) libshim/freebsd/.libc-gen-stamp; }

# The SDK's stub libraries: what FreeBSD programs link against (names,
# versions, data sizes); uxrun never loads them.
LIBSHIM_SDK_LIBS = samples/sdk/freebsd/lib/dyn/libc.so.7
noinst_DATA = $(LIBSHIM_SDK_LIBS)
CLEANFILES += $(LIBSHIM_SDK_LIBS) $(LIBSHIM_FBSD_LIBC_STUB).o

$(LIBSHIM_FBSD_LIBC_STUB).o: $(LIBSHIM_FBSD_LIBC_STUB).S
	$(AM_V_GEN)$(FBSD_CC) --target=x86_64-unknown-freebsd14.0 -c -o $@ $(LIBSHIM_FBSD_LIBC_STUB).S

samples/sdk/freebsd/lib/dyn/libc.so.7: $(LIBSHIM_FBSD_LIBC_STUB).o $(LIBSHIM_FBSD_LIBC_STUB).map
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) -shared -soname libc.so.7 --version-script $(LIBSHIM_FBSD_LIBC_STUB).map \
	    --fatal-warnings -o $@ $(LIBSHIM_FBSD_LIBC_STUB).o
