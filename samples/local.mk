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
