# libshim: the hook tables the runtime linker binds a foreign program's
# imports from its system libraries to, generated from one spec per soname
# (libshim/<personality>/<soname>.spec, read by libshim/gen_shim.awk), the
# implementations over glibc, and the stub libraries the FreeBSD SDK links
# dynamic programs against.  Included from the top-level Makefile.am, whose
# UXCORE_SOURCES and UXCORE_GEN take LIBSHIM_SOURCES and LIBSHIM_GEN_C.

LIBSHIM_SOURCES = \
	libshim/shim.h libshim/shim_gen.h libshim/shim.c \
	libshim/callback.h libshim/callback.c \
	libshim/freebsd/libc_shim.h \
	libshim/freebsd/libc_errno.c \
	libshim/freebsd/libc_start.c \
	libshim/freebsd/libc_secure.c \
	libshim/freebsd/libc_stdio.c \
	libshim/freebsd/libc_stdlib.c \
	libshim/freebsd/libc_unistd.c \
	libshim/freebsd/libc_time.c \
	libshim/freebsd/libc_file.c \
	libshim/freebsd/libc_dir.c \
	libshim/freebsd/libc_fts.c \
	libshim/freebsd/libc_glob.c \
	libshim/freebsd/libc_stdio2.c \
	libshim/freebsd/libc_getopt.c \
	libshim/freebsd/libc_ctype.c \
	libshim/freebsd/libc_locale.c \
	libshim/freebsd/libc_xlocale.c \
	libshim/freebsd/libc_time2.c \
	libshim/freebsd/libc_misc.c \
	libshim/freebsd/libc_regex.c

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

# Every soname's stub library, from the assembler and version script the
# generator wrote for it: the library is named for its soname.
samples/obj/freebsd/dyn/%.o: samples/obj/freebsd/dyn/%.S
	$(AM_V_GEN)$(FBSD_CC) --target=x86_64-unknown-freebsd14.0 -c -o $@ $<

samples/sdk/freebsd/lib/dyn/%: samples/obj/freebsd/dyn/%.o samples/obj/freebsd/dyn/%.map
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) -shared -soname $* --version-script samples/obj/freebsd/dyn/$*.map \
	    --fatal-warnings -o $@ $<

# --- FreeBSD libm.so.5 and libgcc_s.so.1, and libc's runtime-linker
# stand-ins: tables, stub libraries and documents as for libc.so.7, over
# glibc's libm and the host's libgcc (LIBSHIM_LIBS, in UXCORE_LIBS).
LIBSHIM_SOURCES += \
	libshim/freebsd/libc_dlfcn.c libshim/freebsd/libc_math.c libshim/freebsd/libc_vm.c \
	libshim/freebsd/libc_pwd.c \
	libshim/freebsd/libm_shim.h libshim/freebsd/libm_fenv.c libshim/freebsd/libm_gamma.c \
	libshim/freebsd/libm_pi.c \
	libshim/freebsd/libgcc_shim.h libshim/freebsd/libgcc_builtins.c
# libffi: the closures guest callbacks are passed to glibc through
# (libshim/callback.c).
LIBSHIM_LIBS = -lm -lgcc_s $(LIBFFI_LIBS)
LIBSHIM_FBSD_LIBM_STUB = samples/obj/freebsd/dyn/libm.so.5
LIBSHIM_FBSD_LIBGCC_STUB = samples/obj/freebsd/dyn/libgcc_s.so.1
LIBSHIM_FBSD_LIBM_GEN = libshim/freebsd/libm_so_5_table.c \
	$(LIBSHIM_FBSD_LIBM_STUB).S $(LIBSHIM_FBSD_LIBM_STUB).map doc/freebsd-libm.md
LIBSHIM_FBSD_LIBGCC_GEN = libshim/freebsd/libgcc_s_so_1_table.c \
	$(LIBSHIM_FBSD_LIBGCC_STUB).S $(LIBSHIM_FBSD_LIBGCC_STUB).map doc/freebsd-libgcc_s.md
LIBSHIM_GEN_C += libshim/freebsd/libm_so_5_table.c libshim/freebsd/libgcc_s_so_1_table.c
BUILT_SOURCES += libshim/freebsd/libm_so_5_table.c libshim/freebsd/libgcc_s_so_1_table.c \
	doc/freebsd-libm.md doc/freebsd-libgcc_s.md
CLEANFILES += $(LIBSHIM_FBSD_LIBM_GEN) $(LIBSHIM_FBSD_LIBGCC_GEN) libshim/freebsd/.libm-gen-stamp \
	libshim/freebsd/.libgcc_s-gen-stamp $(LIBSHIM_FBSD_LIBM_STUB).o $(LIBSHIM_FBSD_LIBGCC_STUB).o
EXTRA_DIST += libshim/freebsd/libm.so.5.spec libshim/freebsd/libgcc_s.so.1.spec
LIBSHIM_SDK_LIBS += samples/sdk/freebsd/lib/dyn/libm.so.5 samples/sdk/freebsd/lib/dyn/libgcc_s.so.1

libshim/freebsd/.libm-gen-stamp: $(srcdir)/libshim/gen_shim.awk $(srcdir)/libshim/freebsd/libm.so.5.spec
	$(AM_V_GEN)mkdir -p libshim/freebsd samples/obj/freebsd/dyn doc && \
	LC_ALL=C $(AWK) -v soname=libm.so.5 -v table=ux_shim_freebsd_libm_so_5 -v os=FreeBSD \
	    -v spec_name=libshim/freebsd/libm.so.5.spec -v enosys=shim_enosys \
	    -v out_c=libshim/freebsd/libm_so_5_table.c -v out_s=$(LIBSHIM_FBSD_LIBM_STUB).S \
	    -v out_map=$(LIBSHIM_FBSD_LIBM_STUB).map -v out_md=doc/freebsd-libm.md \
	    -f $(srcdir)/libshim/gen_shim.awk $(srcdir)/libshim/freebsd/libm.so.5.spec && touch $@
$(LIBSHIM_FBSD_LIBM_GEN): libshim/freebsd/.libm-gen-stamp
	@test -f $@ || { rm -f libshim/freebsd/.libm-gen-stamp; $(MAKE) $(AM_MAKEFLAGS) libshim/freebsd/.libm-gen-stamp; }
libshim/freebsd/.libgcc_s-gen-stamp: $(srcdir)/libshim/gen_shim.awk $(srcdir)/libshim/freebsd/libgcc_s.so.1.spec
	$(AM_V_GEN)mkdir -p libshim/freebsd samples/obj/freebsd/dyn doc && \
	LC_ALL=C $(AWK) -v soname=libgcc_s.so.1 -v table=ux_shim_freebsd_libgcc_s_so_1 -v os=FreeBSD \
	    -v spec_name=libshim/freebsd/libgcc_s.so.1.spec -v enosys=shim_enosys \
	    -v out_c=libshim/freebsd/libgcc_s_so_1_table.c -v out_s=$(LIBSHIM_FBSD_LIBGCC_STUB).S \
	    -v out_map=$(LIBSHIM_FBSD_LIBGCC_STUB).map -v out_md=doc/freebsd-libgcc_s.md \
	    -f $(srcdir)/libshim/gen_shim.awk $(srcdir)/libshim/freebsd/libgcc_s.so.1.spec && touch $@
$(LIBSHIM_FBSD_LIBGCC_GEN): libshim/freebsd/.libgcc_s-gen-stamp
	@test -f $@ || { rm -f libshim/freebsd/.libgcc_s-gen-stamp; $(MAKE) $(AM_MAKEFLAGS) libshim/freebsd/.libgcc_s-gen-stamp; }


# --- FreeBSD libthr.so.3, and libc's signals, processes and sockets: the
# table, stub library and document as for libc.so.7; rtld_weak.c lets
# libuxrun.so and the unit tests link without the runtime linker.
LIBSHIM_SOURCES += \
	libshim/rtld_weak.c \
	libshim/freebsd/libthr_shim.h libshim/freebsd/libthr_thread.c libshim/freebsd/libthr_sync.c \
	libshim/freebsd/libc_signal.c libshim/freebsd/libc_setjmp.S libshim/freebsd/libc_proc.c \
	libshim/freebsd/libc_socket.c libshim/freebsd/libc_sem.c libshim/freebsd/libc_poll.c \
	libshim/freebsd/libc_sched.c
LIBSHIM_FBSD_LIBTHR_STUB = samples/obj/freebsd/dyn/libthr.so.3
LIBSHIM_FBSD_LIBTHR_GEN = libshim/freebsd/libthr_so_3_table.c \
	$(LIBSHIM_FBSD_LIBTHR_STUB).S $(LIBSHIM_FBSD_LIBTHR_STUB).map doc/freebsd-libthr.md
LIBSHIM_GEN_C += libshim/freebsd/libthr_so_3_table.c
BUILT_SOURCES += libshim/freebsd/libthr_so_3_table.c doc/freebsd-libthr.md
CLEANFILES += $(LIBSHIM_FBSD_LIBTHR_GEN) libshim/freebsd/.libthr-gen-stamp $(LIBSHIM_FBSD_LIBTHR_STUB).o
EXTRA_DIST += libshim/freebsd/libthr.so.3.spec
LIBSHIM_SDK_LIBS += samples/sdk/freebsd/lib/dyn/libthr.so.3

libshim/freebsd/.libthr-gen-stamp: $(srcdir)/libshim/gen_shim.awk $(srcdir)/libshim/freebsd/libthr.so.3.spec
	$(AM_V_GEN)mkdir -p libshim/freebsd samples/obj/freebsd/dyn doc && \
	LC_ALL=C $(AWK) -v soname=libthr.so.3 -v table=ux_shim_freebsd_libthr_so_3 -v os=FreeBSD \
	    -v spec_name=libshim/freebsd/libthr.so.3.spec -v enosys=shim_enosys \
	    -v out_c=libshim/freebsd/libthr_so_3_table.c -v out_s=$(LIBSHIM_FBSD_LIBTHR_STUB).S \
	    -v out_map=$(LIBSHIM_FBSD_LIBTHR_STUB).map -v out_md=doc/freebsd-libthr.md \
	    -f $(srcdir)/libshim/gen_shim.awk $(srcdir)/libshim/freebsd/libthr.so.3.spec && touch $@
$(LIBSHIM_FBSD_LIBTHR_GEN): libshim/freebsd/.libthr-gen-stamp
	@test -f $@ || { rm -f libshim/freebsd/.libthr-gen-stamp; $(MAKE) $(AM_MAKEFLAGS) libshim/freebsd/.libthr-gen-stamp; }
