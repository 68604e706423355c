# Hand-written FreeBSD guests (no libc) for edge cases the C samples cannot
# reach: unimplemented calls, bad pointers, uxrun's private descriptors.
TEST_GUESTS = tests/guests/bin/unimpl tests/guests/bin/badptr \
	tests/guests/bin/hostfd tests/guests/bin/segv tests/guests/bin/execpath
CLEANFILES += $(TEST_GUESTS)
EXTRA_DIST += tests/guests/fbsd_asm.h tests/guests/unimpl.S tests/guests/badptr.S \
	tests/guests/hostfd.S tests/guests/segv.S tests/guests/execpath.S

tests/guests/bin/%: $(srcdir)/tests/guests/%.S $(srcdir)/tests/guests/fbsd_asm.h
	$(AM_V_GEN)mkdir -p tests/guests/bin && \
	$(FBSD_CC) --target=x86_64-unknown-freebsd14.0 -I$(srcdir)/tests/guests -c $< -o $@.o && \
	$(FBSD_LD) -static -o $@ $@.o && rm -f $@.o
