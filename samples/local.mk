# Sample guest programs: each samples/src/NAME.c is built twice, as a static
# FreeBSD amd64 executable (clang + ld.lld against the project's own FreeBSD
# SDK in samples/sdk/freebsd) and natively for Linux with $(CC) and glibc.
#
# Included from the top-level Makefile.am, which provides FBSD_CC, FBSD_LD,
# CC, AR and WARN_CFLAGS from configure, defines CLEANFILES and EXTRA_DIST
# first, and builds $(SAMPLES_ALL) from all-local. Uses GNU make pattern
# rules (the project builds with -Wno-portability).

SAMPLES_NAMES = hello args cat wc ls cptree errno fileio clock sysinfo heap signals proc sock kq threads ifaddrs

SAMPLES_FBSD_BINS = \
	samples/bin/freebsd/hello \
	samples/bin/freebsd/args \
	samples/bin/freebsd/cat \
	samples/bin/freebsd/wc \
	samples/bin/freebsd/ls \
	samples/bin/freebsd/cptree \
	samples/bin/freebsd/errno \
	samples/bin/freebsd/fileio \
	samples/bin/freebsd/clock \
	samples/bin/freebsd/sysinfo \
	samples/bin/freebsd/heap \
	samples/bin/freebsd/signals \
	samples/bin/freebsd/proc \
	samples/bin/freebsd/sock \
	samples/bin/freebsd/kq \
	samples/bin/freebsd/threads \
	samples/bin/freebsd/ifaddrs \
	samples/bin/freebsd/hello-pie

# hello-pie's native twin is hello, built from the same source.
SAMPLES_LINUX_BINS = \
	samples/bin/linux/hello \
	samples/bin/linux/args \
	samples/bin/linux/cat \
	samples/bin/linux/wc \
	samples/bin/linux/ls \
	samples/bin/linux/cptree \
	samples/bin/linux/errno \
	samples/bin/linux/fileio \
	samples/bin/linux/clock \
	samples/bin/linux/sysinfo \
	samples/bin/linux/heap \
	samples/bin/linux/signals \
	samples/bin/linux/proc \
	samples/bin/linux/sock \
	samples/bin/linux/kq \
	samples/bin/linux/threads \
	samples/bin/linux/ifaddrs \
	samples/bin/linux/hello-pie

SAMPLES_ALL = $(SAMPLES_FBSD_BINS) $(SAMPLES_LINUX_BINS)

SAMPLES_SDK_HDRS = \
	samples/sdk/freebsd/include/ctype.h \
	samples/sdk/freebsd/include/dirent.h \
	samples/sdk/freebsd/include/errno.h \
	samples/sdk/freebsd/include/fcntl.h \
	samples/sdk/freebsd/include/limits.h \
	samples/sdk/freebsd/include/poll.h \
	samples/sdk/freebsd/include/signal.h \
	samples/sdk/freebsd/include/stdio.h \
	samples/sdk/freebsd/include/stdlib.h \
	samples/sdk/freebsd/include/string.h \
	samples/sdk/freebsd/include/strings.h \
	samples/sdk/freebsd/include/time.h \
	samples/sdk/freebsd/include/unistd.h \
	samples/sdk/freebsd/include/sys/_timespec.h \
	samples/sdk/freebsd/include/sys/ioctl.h \
	samples/sdk/freebsd/include/sys/mman.h \
	samples/sdk/freebsd/include/sys/random.h \
	samples/sdk/freebsd/include/sys/resource.h \
	samples/sdk/freebsd/include/sys/select.h \
	samples/sdk/freebsd/include/sys/stat.h \
	samples/sdk/freebsd/include/sys/sysctl.h \
	samples/sdk/freebsd/include/sys/time.h \
	samples/sdk/freebsd/include/sys/types.h \
	samples/sdk/freebsd/include/sys/procdesc.h \
	samples/sdk/freebsd/include/sys/wait.h \
	samples/sdk/freebsd/include/sys/uio.h \
	samples/sdk/freebsd/include/pthread.h \
	samples/sdk/freebsd/include/semaphore.h \
	samples/sdk/freebsd/include/sched.h \
	samples/sdk/freebsd/include/sys/thr.h \
	samples/sdk/freebsd/include/sys/umtx.h \
	samples/sdk/freebsd/include/sys/cpuset.h \
	samples/sdk/freebsd/include/sys/event.h \
	samples/sdk/freebsd/include/sys/socket.h \
	samples/sdk/freebsd/include/sys/un.h \
	samples/sdk/freebsd/include/sys/ucred.h \
	samples/sdk/freebsd/include/netinet/in.h \
	samples/sdk/freebsd/include/net/if.h \
	samples/sdk/freebsd/include/net/if_dl.h \
	samples/sdk/freebsd/include/net/if_types.h \
	samples/sdk/freebsd/include/net/route.h \
	samples/sdk/freebsd/include/netinet/tcp.h

SAMPLES_RT_HDRS = \
	samples/sdk/freebsd/lib/stdio_impl.h \
	samples/sdk/freebsd/lib/sysnum.h \
	samples/sdk/freebsd/lib/uxrt.h

SAMPLES_RT_NAMES = \
	ctype dirent errno exit malloc printf reloc start stdio stdlib string \
	sys_file sys_fs sys_mem sys_proc sys_time sysctl signal \
	sys_process sys_socket sys_event \
	thr pthread

SAMPLES_RT_SRCS = \
	samples/sdk/freebsd/lib/crt1.S \
	samples/sdk/freebsd/lib/syscall.S \
	$(SAMPLES_RT_NAMES:%=samples/sdk/freebsd/lib/%.c)

SAMPLES_RT_OBJS = \
	samples/obj/freebsd/lib/syscall.o \
	$(SAMPLES_RT_NAMES:%=samples/obj/freebsd/lib/%.o)

SAMPLES_RT_LIB = samples/sdk/freebsd/lib/libuxrt.a
SAMPLES_CRT1 = samples/sdk/freebsd/lib/crt1.o
SAMPLES_RCRT1 = samples/sdk/freebsd/lib/rcrt1.o

SAMPLES_SRCS = \
	samples/src/errname.h \
	$(SAMPLES_NAMES:%=samples/src/%.c)

# FreeBSD 14.0 target; no host headers or libraries, only the SDK's.
SAMPLES_FBSD_COPTS = --target=x86_64-unknown-freebsd14.0 \
	-nostdlibinc -isystem $(srcdir)/samples/sdk/freebsd/include \
	-fno-stack-protector -O2 -Wall -Wextra $(WARN_CFLAGS)
# The runtime implements memcpy and friends itself, so the compiler must not
# turn its loops back into calls to them; -fPIE lets static PIEs use it too.
SAMPLES_RT_COPTS = $(SAMPLES_FBSD_COPTS) -ffreestanding -fPIE
SAMPLES_FBSD_LINK = -static --fatal-warnings
SAMPLES_FBSD_PIE_LINK = -static -pie --no-dynamic-linker --fatal-warnings
SAMPLES_NATIVE_COPTS = -O2 -Wall -Wextra $(WARN_CFLAGS)

samples/obj/freebsd/lib/%.o: $(srcdir)/samples/sdk/freebsd/lib/%.c \
		$(SAMPLES_SDK_HDRS:%=$(srcdir)/%) $(SAMPLES_RT_HDRS:%=$(srcdir)/%)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_RT_COPTS) -c -o $@ $<

samples/obj/freebsd/lib/syscall.o: $(srcdir)/samples/sdk/freebsd/lib/syscall.S
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_RT_COPTS) -c -o $@ $<

$(SAMPLES_CRT1): $(srcdir)/samples/sdk/freebsd/lib/crt1.S
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_RT_COPTS) -c -o $@ $<

$(SAMPLES_RCRT1): $(srcdir)/samples/sdk/freebsd/lib/crt1.S
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_RT_COPTS) -DUXRT_PIE -c -o $@ $<

$(SAMPLES_RT_LIB): $(SAMPLES_RT_OBJS)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && rm -f $@ && $(AR) rcs $@ $(SAMPLES_RT_OBJS)

samples/obj/freebsd/%.o: $(srcdir)/samples/src/%.c $(srcdir)/samples/src/errname.h \
		$(SAMPLES_SDK_HDRS:%=$(srcdir)/%)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_FBSD_COPTS) -c -o $@ $<

samples/obj/freebsd-pie/%.o: $(srcdir)/samples/src/%.c $(srcdir)/samples/src/errname.h \
		$(SAMPLES_SDK_HDRS:%=$(srcdir)/%)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_FBSD_COPTS) -fPIE -c -o $@ $<

samples/bin/freebsd/hello-pie: samples/obj/freebsd-pie/hello.o $(SAMPLES_RCRT1) $(SAMPLES_RT_LIB)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) $(SAMPLES_FBSD_PIE_LINK) -o $@ $(SAMPLES_RCRT1) $< $(SAMPLES_RT_LIB)

samples/bin/freebsd/%: samples/obj/freebsd/%.o $(SAMPLES_CRT1) $(SAMPLES_RT_LIB)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) $(SAMPLES_FBSD_LINK) -o $@ $(SAMPLES_CRT1) $< $(SAMPLES_RT_LIB)

samples/bin/linux/hello-pie: $(srcdir)/samples/src/hello.c
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(CC) $(SAMPLES_NATIVE_COPTS) -o $@ $<

samples/bin/linux/%: $(srcdir)/samples/src/%.c $(srcdir)/samples/src/errname.h
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(CC) $(SAMPLES_NATIVE_COPTS) -o $@ $<

# The native twin of the threads sample uses glibc's pthreads.
samples/bin/linux/threads: SAMPLES_NATIVE_COPTS += -pthread

# Named so that make keeps them instead of deleting them as intermediates.
SAMPLES_FBSD_OBJS = $(SAMPLES_NAMES:%=samples/obj/freebsd/%.o) samples/obj/freebsd-pie/hello.o
.SECONDARY: $(SAMPLES_FBSD_OBJS)

CLEANFILES += $(SAMPLES_ALL) $(SAMPLES_RT_OBJS) $(SAMPLES_RT_LIB) \
	$(SAMPLES_CRT1) $(SAMPLES_RCRT1) $(SAMPLES_FBSD_OBJS)

EXTRA_DIST += $(SAMPLES_SDK_HDRS) $(SAMPLES_RT_HDRS) $(SAMPLES_RT_SRCS) \
	$(SAMPLES_SRCS) samples/README

# --- dynamically linked FreeBSD samples (doc/dynamic.md) -------------------
# Linked as FreeBSD's clang driver links them: the SDK's crt objects for
# dynamic programs (samples/sdk/freebsd/lib/{crt1_dyn,crti,crtn}.S),
# PT_INTERP /libexec/ld-elf.so.1, libshim's stub libc.so.7; uxrun's own
# runtime linker loads them.  libdemo.so.1 is a FreeBSD library of the
# project's own (built natively too, for the Linux twin) in
# bin/{freebsd,linux}/lib, found through DT_RUNPATH: $ORIGIN/lib, then the
# build tree (the differential runner copies only the program).  Programs
# linked with it need --allow-shlib-undefined: libdemo calls
# __tls_get_addr, which ld-elf.so.1 provides, not any library in the link.
# dyn-unbound, dyn-unbound-data and dyn-missing (tests/cli/run.sh) are
# linked against stand-ins with symbols, or a soname, found nowhere at run
# time; they export demo_main_value for the real libdemo.so.1 themselves.
SAMPLES_DYN_LIBC = samples/sdk/freebsd/lib/dyn/libc.so.7
SAMPLES_DYN_CSU = samples/obj/freebsd/csu
SAMPLES_DYN_HEAD = $(SAMPLES_DYN_CSU)/crt1.o $(SAMPLES_DYN_CSU)/crti.o
SAMPLES_DYN_TAIL = $(SAMPLES_DYN_CSU)/crtn.o
SAMPLES_DYN_LINK = --dynamic-linker /libexec/ld-elf.so.1 --hash-style=both \
	--enable-new-dtags --eh-frame-hdr --fatal-warnings
SAMPLES_DYN_RPATH = -rpath '$$ORIGIN/lib:$(abs_top_builddir)/samples/bin/freebsd/lib'
SAMPLES_DYN_STANDIN_LINK = $(SAMPLES_DYN_LINK) $(SAMPLES_DYN_RPATH) --export-dynamic-symbol=demo_main_value
SAMPLES_DYN_FBSD_LIBDEMO = samples/bin/freebsd/lib/libdemo.so.1
SAMPLES_DYN_STANDIN = samples/obj/freebsd/standin
SAMPLES_DYN_FBSD_BINS = samples/bin/freebsd/dyn-hello samples/bin/freebsd/dyn-demo \
	$(SAMPLES_DYN_FBSD_LIBDEMO) samples/bin/freebsd/dyn-unbound \
	samples/bin/freebsd/dyn-unbound-data samples/bin/freebsd/dyn-missing
SAMPLES_DYN_LINUX_BINS = samples/bin/linux/dyn-hello samples/bin/linux/dyn-demo \
	samples/bin/linux/lib/libdemo.so.1
SAMPLES_ALL += $(SAMPLES_DYN_FBSD_BINS) $(SAMPLES_DYN_LINUX_BINS)

$(SAMPLES_DYN_CSU)/crt1.o: $(srcdir)/samples/sdk/freebsd/lib/crt1_dyn.S
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_RT_COPTS) -c -o $@ $<
$(SAMPLES_DYN_CSU)/crti.o: $(srcdir)/samples/sdk/freebsd/lib/crti.S
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_RT_COPTS) -c -o $@ $<
$(SAMPLES_DYN_CSU)/crtn.o: $(srcdir)/samples/sdk/freebsd/lib/crtn.S
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_RT_COPTS) -c -o $@ $<

samples/obj/freebsd/dyn-demo.o: $(srcdir)/samples/src/libdemo.h
samples/obj/freebsd-pic/libdemo.o: $(srcdir)/samples/src/libdemo.c $(srcdir)/samples/src/libdemo.h \
		$(SAMPLES_SDK_HDRS:%=$(srcdir)/%)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_FBSD_COPTS) -fPIC -c -o $@ $<
samples/obj/freebsd-pic/standin.o: $(srcdir)/samples/src/dyn-unbound.c
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_FBSD_COPTS) -fPIC -DUX_STANDIN -c -o $@ $<
samples/obj/freebsd/dyn-unbound-data.o: $(srcdir)/samples/src/dyn-unbound.c $(SAMPLES_SDK_HDRS:%=$(srcdir)/%)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_FBSD_COPTS) -DUX_WANT_DATA -c -o $@ $<

$(SAMPLES_DYN_FBSD_LIBDEMO): samples/obj/freebsd-pic/libdemo.o $(srcdir)/samples/src/libdemo.map \
		$(SAMPLES_DYN_CSU)/crti.o $(SAMPLES_DYN_TAIL) $(SAMPLES_DYN_LIBC)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) -shared -soname libdemo.so.1 --hash-style=both --enable-new-dtags --eh-frame-hdr \
	    --fatal-warnings --version-script $(srcdir)/samples/src/libdemo.map -o $@ \
	    $(SAMPLES_DYN_CSU)/crti.o $< $(SAMPLES_DYN_LIBC) $(SAMPLES_DYN_TAIL)

$(SAMPLES_DYN_STANDIN)/libdemo.so.1: samples/obj/freebsd-pic/standin.o
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	printf 'DEMO_1.1 { global: demo_gone; demo_gone_data; local: *; };\n' >$@.map && \
	$(FBSD_LD) -shared -soname libdemo.so.1 --fatal-warnings --version-script $@.map -o $@ $<
$(SAMPLES_DYN_STANDIN)/libuxrun-nowhere.so.1: samples/obj/freebsd-pic/standin.o
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) -shared -soname libuxrun-nowhere.so.1 --fatal-warnings -o $@ $<

samples/bin/freebsd/dyn-hello: samples/obj/freebsd-pie/dyn-hello.o $(SAMPLES_DYN_HEAD) $(SAMPLES_DYN_TAIL) \
		$(SAMPLES_DYN_LIBC)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) -pie $(SAMPLES_DYN_LINK) -o $@ $(SAMPLES_DYN_HEAD) $< $(SAMPLES_DYN_LIBC) $(SAMPLES_DYN_TAIL)
samples/bin/freebsd/dyn-demo: samples/obj/freebsd/dyn-demo.o $(SAMPLES_DYN_FBSD_LIBDEMO) $(SAMPLES_DYN_HEAD) \
		$(SAMPLES_DYN_TAIL) $(SAMPLES_DYN_LIBC)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) $(SAMPLES_DYN_LINK) --allow-shlib-undefined $(SAMPLES_DYN_RPATH) -o $@ $(SAMPLES_DYN_HEAD) $< \
	    $(SAMPLES_DYN_FBSD_LIBDEMO) $(SAMPLES_DYN_LIBC) $(SAMPLES_DYN_TAIL)
samples/bin/freebsd/dyn-unbound: samples/obj/freebsd/dyn-unbound.o $(SAMPLES_DYN_STANDIN)/libdemo.so.1 \
		$(SAMPLES_DYN_HEAD) $(SAMPLES_DYN_TAIL) $(SAMPLES_DYN_LIBC)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) $(SAMPLES_DYN_STANDIN_LINK) -o $@ $(SAMPLES_DYN_HEAD) $< \
	    $(SAMPLES_DYN_STANDIN)/libdemo.so.1 $(SAMPLES_DYN_LIBC) $(SAMPLES_DYN_TAIL)
samples/bin/freebsd/dyn-unbound-data: samples/obj/freebsd/dyn-unbound-data.o $(SAMPLES_DYN_STANDIN)/libdemo.so.1 \
		$(SAMPLES_DYN_HEAD) $(SAMPLES_DYN_TAIL) $(SAMPLES_DYN_LIBC)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) $(SAMPLES_DYN_STANDIN_LINK) -o $@ $(SAMPLES_DYN_HEAD) $< \
	    $(SAMPLES_DYN_STANDIN)/libdemo.so.1 $(SAMPLES_DYN_LIBC) $(SAMPLES_DYN_TAIL)
samples/bin/freebsd/dyn-missing: samples/obj/freebsd/dyn-unbound.o $(SAMPLES_DYN_STANDIN)/libuxrun-nowhere.so.1 \
		$(SAMPLES_DYN_HEAD) $(SAMPLES_DYN_TAIL) $(SAMPLES_DYN_LIBC)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) $(SAMPLES_DYN_STANDIN_LINK) -o $@ $(SAMPLES_DYN_HEAD) $< \
	    $(SAMPLES_DYN_STANDIN)/libuxrun-nowhere.so.1 $(SAMPLES_DYN_LIBC) $(SAMPLES_DYN_TAIL)

samples/bin/linux/lib/libdemo.so.1: $(srcdir)/samples/src/libdemo.c $(srcdir)/samples/src/libdemo.h \
		$(srcdir)/samples/src/libdemo.map
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(CC) $(SAMPLES_NATIVE_COPTS) -fPIC -shared -Wl,-soname,libdemo.so.1 \
	    -Wl,--version-script=$(srcdir)/samples/src/libdemo.map -o $@ $<
samples/bin/linux/dyn-demo: $(srcdir)/samples/src/dyn-demo.c $(srcdir)/samples/src/libdemo.h \
		samples/bin/linux/lib/libdemo.so.1
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(CC) $(SAMPLES_NATIVE_COPTS) \
	    -Wl,-rpath,'$$ORIGIN/lib:$(abs_top_builddir)/samples/bin/linux/lib' -o $@ $< \
	    samples/bin/linux/lib/libdemo.so.1

SAMPLES_DYN_OBJS = $(SAMPLES_DYN_HEAD) $(SAMPLES_DYN_TAIL) samples/obj/freebsd-pie/dyn-hello.o \
	samples/obj/freebsd/dyn-demo.o samples/obj/freebsd/dyn-unbound.o samples/obj/freebsd/dyn-unbound-data.o \
	samples/obj/freebsd-pic/libdemo.o samples/obj/freebsd-pic/standin.o \
	$(SAMPLES_DYN_STANDIN)/libdemo.so.1 $(SAMPLES_DYN_STANDIN)/libuxrun-nowhere.so.1
.SECONDARY: $(SAMPLES_DYN_OBJS)
CLEANFILES += $(SAMPLES_DYN_OBJS) $(SAMPLES_DYN_STANDIN)/libdemo.so.1.map
EXTRA_DIST += samples/sdk/freebsd/lib/crt1_dyn.S samples/sdk/freebsd/lib/crti.S \
	samples/sdk/freebsd/lib/crtn.S samples/src/dyn-hello.c samples/src/dyn-demo.c \
	samples/src/dyn-unbound.c samples/src/libdemo.c samples/src/libdemo.h samples/src/libdemo.map

# --- libc.so.7 samples: files, stdio, getopt, ctype/locale, time, misc -----
# Dynamically linked like dyn-hello, compiled with -D_UXRT_DYNAMIC so the
# SDK's <ctype.h> has FreeBSD's inline macros over the rune table.  Non-PIE
# (libc's data objects are COPY-relocated: optind, tzname, _CurrentRuneLocale),
# with -pie twins of two of them (the same objects through the GOT).
SAMPLES_LIBC_NAMES = dyn-cat dyn-wc dyn-sort dyn-uniq dyn-grep dyn-sed dyn-tr dyn-walk \
	dyn-fmt dyn-ctype dyn-bsearch dyn-getopt dyn-time dyn-env dyn-err dyn-cp dyn-fileops dyn-stdio \
	dyn-strings dyn-numbers dyn-alloc dyn-stream dyn-atexit dyn-poll
SAMPLES_LIBC_PIE = dyn-getopt-pie dyn-ctype-pie
# FreeBSD's own answers, without a native twin (tests/cli/run.sh checks them).
SAMPLES_LIBC_BSD = dyn-bsd
SAMPLES_LIBC_HDRS = \
	samples/sdk/freebsd/include/err.h samples/sdk/freebsd/include/fnmatch.h \
	samples/sdk/freebsd/include/fts.h samples/sdk/freebsd/include/ftw.h \
	samples/sdk/freebsd/include/getopt.h samples/sdk/freebsd/include/langinfo.h \
	samples/sdk/freebsd/include/libgen.h samples/sdk/freebsd/include/locale.h \
	samples/sdk/freebsd/include/regex.h samples/sdk/freebsd/include/runetype.h \
	samples/sdk/freebsd/include/wchar.h samples/sdk/freebsd/include/wctype.h \
	samples/sdk/freebsd/include/sys/utsname.h
SAMPLES_LIBC_FBSD_BINS = $(SAMPLES_LIBC_NAMES:%=samples/bin/freebsd/%) \
	$(SAMPLES_LIBC_PIE:%=samples/bin/freebsd/%) $(SAMPLES_LIBC_BSD:%=samples/bin/freebsd/%)
SAMPLES_LIBC_LINUX_BINS = $(SAMPLES_LIBC_NAMES:%=samples/bin/linux/%) \
	$(SAMPLES_LIBC_PIE:%=samples/bin/linux/%)
SAMPLES_LIBC_OBJS = $(SAMPLES_LIBC_NAMES:%=samples/obj/freebsd-libc/%.o) \
	$(SAMPLES_LIBC_PIE:%=samples/obj/freebsd-libc/%.o) $(SAMPLES_LIBC_BSD:%=samples/obj/freebsd-libc/%.o)
SAMPLES_ALL += $(SAMPLES_LIBC_FBSD_BINS) $(SAMPLES_LIBC_LINUX_BINS)

samples/obj/freebsd-libc/%.o: $(srcdir)/samples/src/%.c $(srcdir)/samples/src/errname.h \
		$(SAMPLES_SDK_HDRS:%=$(srcdir)/%) $(SAMPLES_LIBC_HDRS:%=$(srcdir)/%)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_FBSD_COPTS) -D_UXRT_DYNAMIC -c -o $@ $<
samples/obj/freebsd-libc/%-pie.o: $(srcdir)/samples/src/%.c $(srcdir)/samples/src/errname.h \
		$(SAMPLES_SDK_HDRS:%=$(srcdir)/%) $(SAMPLES_LIBC_HDRS:%=$(srcdir)/%)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_FBSD_COPTS) -D_UXRT_DYNAMIC -fPIE -c -o $@ $<
$(SAMPLES_LIBC_NAMES:%=samples/bin/freebsd/%) $(SAMPLES_LIBC_BSD:%=samples/bin/freebsd/%): \
		samples/bin/freebsd/%: samples/obj/freebsd-libc/%.o \
		$(SAMPLES_DYN_HEAD) $(SAMPLES_DYN_TAIL) $(SAMPLES_DYN_LIBC)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) $(SAMPLES_DYN_LINK) -o $@ $(SAMPLES_DYN_HEAD) $< $(SAMPLES_DYN_LIBC) $(SAMPLES_DYN_TAIL)
$(SAMPLES_LIBC_PIE:%=samples/bin/freebsd/%): samples/bin/freebsd/%: samples/obj/freebsd-libc/%.o \
		$(SAMPLES_DYN_HEAD) $(SAMPLES_DYN_TAIL) $(SAMPLES_DYN_LIBC)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) -pie $(SAMPLES_DYN_LINK) -o $@ $(SAMPLES_DYN_HEAD) $< $(SAMPLES_DYN_LIBC) $(SAMPLES_DYN_TAIL)
$(SAMPLES_LIBC_PIE:%=samples/bin/linux/%): samples/bin/linux/%-pie: $(srcdir)/samples/src/%.c \
		$(srcdir)/samples/src/errname.h
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(CC) $(SAMPLES_NATIVE_COPTS) -o $@ $<
.SECONDARY: $(SAMPLES_LIBC_OBJS)
CLEANFILES += $(SAMPLES_LIBC_OBJS)
EXTRA_DIST += $(SAMPLES_LIBC_HDRS) $(SAMPLES_LIBC_NAMES:%=samples/src/%.c) \
	$(SAMPLES_LIBC_BSD:%=samples/src/%.c)

# --- dlopen, libm.so.5 and libgcc_s.so.1 (doc/dynamic.md) ------------------
# libplugin.so.1 is loaded at run time only (dyn-dlopen, dyn-unwind dlopen
# it by name through DT_RUNPATH): nothing links against it.  It needs
# libm.so.5, which the programs do not, and a variable each program
# exports.  dyn-unwind is built with -fexceptions on both sides.
SAMPLES_DL_FBSD_LIBPLUGIN = samples/bin/freebsd/lib/libplugin.so.1
SAMPLES_DL_LIBM = samples/sdk/freebsd/lib/dyn/libm.so.5
SAMPLES_DL_LIBGCC_S = samples/sdk/freebsd/lib/dyn/libgcc_s.so.1
SAMPLES_DL_EXPORTS = --export-dynamic-symbol=plugin_host_value --export-dynamic-symbol=host_twice
SAMPLES_DL_FBSD_BINS = $(SAMPLES_DL_FBSD_LIBPLUGIN) samples/bin/freebsd/dyn-dlopen \
	samples/bin/freebsd/dyn-math samples/bin/freebsd/dyn-unwind samples/bin/freebsd/dyn-vm \
	samples/bin/freebsd/dyn-pwd
SAMPLES_DL_LINUX_BINS = samples/bin/linux/lib/libplugin.so.1 samples/bin/linux/dyn-dlopen \
	samples/bin/linux/dyn-math samples/bin/linux/dyn-unwind samples/bin/linux/dyn-vm \
	samples/bin/linux/dyn-pwd
SAMPLES_ALL += $(SAMPLES_DL_FBSD_BINS) $(SAMPLES_DL_LINUX_BINS)

samples/obj/freebsd-pic/libplugin.o: $(srcdir)/samples/src/libplugin.c $(SAMPLES_SDK_HDRS:%=$(srcdir)/%) \
		$(srcdir)/samples/sdk/freebsd/include/math.h
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_FBSD_COPTS) -fPIC -c -o $@ $<
samples/obj/freebsd/dyn-dlopen.o: $(srcdir)/samples/sdk/freebsd/include/dlfcn.h \
	$(srcdir)/samples/sdk/freebsd/include/link.h
samples/obj/freebsd/dyn-math.o: $(srcdir)/samples/src/dyn-math.c $(SAMPLES_SDK_HDRS:%=$(srcdir)/%) \
		$(srcdir)/samples/sdk/freebsd/include/math.h $(srcdir)/samples/sdk/freebsd/include/fenv.h \
		$(srcdir)/samples/sdk/freebsd/include/complex.h
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_FBSD_COPTS) -frounding-math -c -o $@ $<
samples/obj/freebsd/dyn-unwind.o: $(srcdir)/samples/src/dyn-unwind.c $(SAMPLES_SDK_HDRS:%=$(srcdir)/%) \
		$(srcdir)/samples/sdk/freebsd/include/dlfcn.h
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_FBSD_COPTS) -fexceptions -c -o $@ $<

$(SAMPLES_DL_FBSD_LIBPLUGIN): samples/obj/freebsd-pic/libplugin.o $(srcdir)/samples/src/libplugin.map \
		$(SAMPLES_DYN_CSU)/crti.o $(SAMPLES_DYN_TAIL) $(SAMPLES_DYN_LIBC) $(SAMPLES_DL_LIBM)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) -shared -soname libplugin.so.1 --hash-style=both --enable-new-dtags --eh-frame-hdr \
	    --fatal-warnings --version-script $(srcdir)/samples/src/libplugin.map -o $@ \
	    $(SAMPLES_DYN_CSU)/crti.o $< $(SAMPLES_DYN_LIBC) $(SAMPLES_DL_LIBM) $(SAMPLES_DYN_TAIL)
samples/bin/freebsd/dyn-dlopen: samples/obj/freebsd/dyn-dlopen.o $(SAMPLES_DYN_HEAD) $(SAMPLES_DYN_TAIL) \
		$(SAMPLES_DYN_LIBC) | $(SAMPLES_DL_FBSD_LIBPLUGIN)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) $(SAMPLES_DYN_LINK) $(SAMPLES_DYN_RPATH) $(SAMPLES_DL_EXPORTS) -o $@ $(SAMPLES_DYN_HEAD) $< \
	    $(SAMPLES_DYN_LIBC) $(SAMPLES_DYN_TAIL)
samples/bin/freebsd/dyn-math: samples/obj/freebsd/dyn-math.o $(SAMPLES_DYN_HEAD) $(SAMPLES_DYN_TAIL) \
		$(SAMPLES_DYN_LIBC) $(SAMPLES_DL_LIBM) $(SAMPLES_DL_LIBGCC_S)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) $(SAMPLES_DYN_LINK) -o $@ $(SAMPLES_DYN_HEAD) $< $(SAMPLES_DYN_LIBC) $(SAMPLES_DL_LIBM) \
	    $(SAMPLES_DL_LIBGCC_S) $(SAMPLES_DYN_TAIL)
samples/bin/freebsd/dyn-unwind: samples/obj/freebsd/dyn-unwind.o $(SAMPLES_DYN_HEAD) $(SAMPLES_DYN_TAIL) \
		$(SAMPLES_DYN_LIBC) $(SAMPLES_DL_LIBGCC_S) | $(SAMPLES_DL_FBSD_LIBPLUGIN)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) $(SAMPLES_DYN_LINK) $(SAMPLES_DYN_RPATH) $(SAMPLES_DL_EXPORTS) -o $@ $(SAMPLES_DYN_HEAD) $< \
	    $(SAMPLES_DYN_LIBC) $(SAMPLES_DL_LIBGCC_S) $(SAMPLES_DYN_TAIL)

samples/bin/freebsd/dyn-vm samples/bin/freebsd/dyn-pwd: samples/bin/freebsd/%: samples/obj/freebsd/%.o \
		$(SAMPLES_DYN_HEAD) $(SAMPLES_DYN_TAIL) $(SAMPLES_DYN_LIBC)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) $(SAMPLES_DYN_LINK) -o $@ $(SAMPLES_DYN_HEAD) $< $(SAMPLES_DYN_LIBC) $(SAMPLES_DYN_TAIL)
samples/obj/freebsd/dyn-pwd.o: $(srcdir)/samples/sdk/freebsd/include/pwd.h

samples/bin/linux/lib/libplugin.so.1: $(srcdir)/samples/src/libplugin.c $(srcdir)/samples/src/libplugin.map
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(CC) $(SAMPLES_NATIVE_COPTS) -fPIC -shared -Wl,-soname,libplugin.so.1 \
	    -Wl,--version-script=$(srcdir)/samples/src/libplugin.map -o $@ $< -lm
SAMPLES_DL_NATIVE_LINK = -Wl,-rpath,'$$ORIGIN/lib:$(abs_top_builddir)/samples/bin/linux/lib' \
	-Wl,--export-dynamic-symbol=plugin_host_value -Wl,--export-dynamic-symbol=host_twice
samples/bin/linux/dyn-dlopen: $(srcdir)/samples/src/dyn-dlopen.c | samples/bin/linux/lib/libplugin.so.1
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(CC) $(SAMPLES_NATIVE_COPTS) $(SAMPLES_DL_NATIVE_LINK) -o $@ $<
samples/bin/linux/dyn-math: $(srcdir)/samples/src/dyn-math.c
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(CC) $(SAMPLES_NATIVE_COPTS) -frounding-math -o $@ $< -lm
samples/bin/linux/dyn-unwind: $(srcdir)/samples/src/dyn-unwind.c | samples/bin/linux/lib/libplugin.so.1
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(CC) $(SAMPLES_NATIVE_COPTS) -fexceptions $(SAMPLES_DL_NATIVE_LINK) \
	    -o $@ $<

SAMPLES_DL_OBJS = samples/obj/freebsd-pic/libplugin.o samples/obj/freebsd/dyn-dlopen.o \
	samples/obj/freebsd/dyn-math.o samples/obj/freebsd/dyn-unwind.o samples/obj/freebsd/dyn-vm.o \
	samples/obj/freebsd/dyn-pwd.o
.SECONDARY: $(SAMPLES_DL_OBJS)
CLEANFILES += $(SAMPLES_DL_OBJS)
EXTRA_DIST += samples/src/libplugin.c samples/src/libplugin.map samples/src/dyn-dlopen.c \
	samples/src/dyn-math.c samples/src/dyn-unwind.c samples/src/dyn-vm.c samples/src/dyn-pwd.c \
	samples/sdk/freebsd/include/pwd.h samples/sdk/freebsd/include/dlfcn.h \
	samples/sdk/freebsd/include/link.h samples/sdk/freebsd/include/math.h \
	samples/sdk/freebsd/include/fenv.h samples/sdk/freebsd/include/complex.h

# --- libthr.so.3 and libc's signals, processes and sockets ----------------
# Dynamically linked with -D_UXRT_DYNAMIC (FreeBSD's libthr ABI in the
# SDK's <pthread.h>) against libthr.so.3 and libc.so.7, as clang -pthread
# links on FreeBSD; the native twins are built with -pthread.
SAMPLES_THR_NAMES = dyn-pthread dyn-tls dyn-signal dyn-jmp dyn-proc dyn-spawn dyn-tcp dyn-gai \
	dyn-callback dyn-xlocale dyn-clocks dyn-namedsem dyn-ioctl
SAMPLES_THR_HDRS = \
	samples/sdk/freebsd/include/xlocale.h samples/sdk/freebsd/include/locale.h \
	samples/sdk/freebsd/include/glob.h samples/sdk/freebsd/include/fts.h \
	samples/sdk/freebsd/include/ftw.h \
	samples/sdk/freebsd/include/sys/_pthreadtypes.h \
	samples/sdk/freebsd/include/sys/_pthread_libthr.h \
	samples/sdk/freebsd/include/pthread_np.h samples/sdk/freebsd/include/setjmp.h \
	samples/sdk/freebsd/include/spawn.h samples/sdk/freebsd/include/netdb.h \
	samples/sdk/freebsd/include/arpa/inet.h
SAMPLES_THR_LIBS = samples/sdk/freebsd/lib/dyn/libthr.so.3 $(SAMPLES_DYN_LIBC)
SAMPLES_THR_FBSD_BINS = $(SAMPLES_THR_NAMES:%=samples/bin/freebsd/%)
SAMPLES_THR_LINUX_BINS = $(SAMPLES_THR_NAMES:%=samples/bin/linux/%)
SAMPLES_THR_OBJS = $(SAMPLES_THR_NAMES:%=samples/obj/freebsd-thr/%.o)
SAMPLES_ALL += $(SAMPLES_THR_FBSD_BINS) $(SAMPLES_THR_LINUX_BINS)

samples/obj/freebsd-thr/%.o: $(srcdir)/samples/src/%.c $(srcdir)/samples/src/errname.h \
		$(SAMPLES_SDK_HDRS:%=$(srcdir)/%) $(SAMPLES_THR_HDRS:%=$(srcdir)/%)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_FBSD_COPTS) -D_UXRT_DYNAMIC -c -o $@ $<
$(SAMPLES_THR_FBSD_BINS): samples/bin/freebsd/%: samples/obj/freebsd-thr/%.o \
		$(SAMPLES_DYN_HEAD) $(SAMPLES_DYN_TAIL) $(SAMPLES_THR_LIBS)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) $(SAMPLES_DYN_LINK) -o $@ $(SAMPLES_DYN_HEAD) $< $(SAMPLES_THR_LIBS) $(SAMPLES_DYN_TAIL)
$(SAMPLES_THR_LINUX_BINS): SAMPLES_NATIVE_COPTS += -pthread
.SECONDARY: $(SAMPLES_THR_OBJS)
CLEANFILES += $(SAMPLES_THR_OBJS)
EXTRA_DIST += $(SAMPLES_THR_HDRS) $(SAMPLES_THR_NAMES:%=samples/src/%.c)

# libunbound.so.1: a FreeBSD library with an import nothing defines, for
# the LD_PRELOAD shim's dlopen failure (tests/preload/run.sh).
SAMPLES_UNBOUND_LIB = samples/bin/freebsd/lib/libunbound.so.1
SAMPLES_ALL += $(SAMPLES_UNBOUND_LIB)
EXTRA_DIST += samples/src/libunbound.c
CLEANFILES += samples/obj/freebsd-pic/libunbound.o
samples/obj/freebsd-pic/libunbound.o: $(srcdir)/samples/src/libunbound.c
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(FBSD_CC) $(SAMPLES_FBSD_COPTS) -fPIC -c -o $@ $<
$(SAMPLES_UNBOUND_LIB): samples/obj/freebsd-pic/libunbound.o $(SAMPLES_DYN_CSU)/crti.o $(SAMPLES_DYN_TAIL) \
		$(SAMPLES_DYN_LIBC)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_LD) -shared -soname libunbound.so.1 --hash-style=both --eh-frame-hdr -o $@ \
	    $(SAMPLES_DYN_CSU)/crti.o $< $(SAMPLES_DYN_LIBC) $(SAMPLES_DYN_TAIL)
