# Benchmarks: `make bench` prints per-call costs and ratios (never a test).
noinst_PROGRAMS += tests/bench/trap_floor
tests_bench_trap_floor_SOURCES = tests/bench/trap_floor.c
tests_bench_trap_floor_LDADD = libuxrun.la

BENCH_BIN = tests/bench/bin/getpid_fbsd tests/bench/bin/getpid_linux
CLEANFILES += $(BENCH_BIN) tests/bench/bin/*.o
EXTRA_DIST += tests/bench/getpid_loop.S tests/bench/bench-trap.sh tests/bench/bench-esbuild.sh \
	tests/npm/setup.sh tests/npm/esbuild.sh tests/gostd/run.sh tests/gostd/known-failures

tests/bench/bin/getpid_fbsd: $(srcdir)/tests/bench/getpid_loop.S
	$(AM_V_GEN)mkdir -p tests/bench/bin && \
	$(FBSD_CC) --target=x86_64-unknown-freebsd14.0 -DFREEBSD -c $< -o $@.o && \
	$(FBSD_LD) -static -o $@ $@.o && rm -f $@.o
tests/bench/bin/getpid_linux: $(srcdir)/tests/bench/getpid_loop.S
	$(AM_V_GEN)mkdir -p tests/bench/bin && \
	$(CC) -nostdlib -static -o $@ $<

bench: uxrun tests/bench/trap_floor $(BENCH_BIN)
	$(SHELL) $(srcdir)/tests/bench/bench-trap.sh .
	$(SHELL) $(srcdir)/tests/bench/bench-esbuild.sh .
.PHONY: bench

