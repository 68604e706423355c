# The SDK's struct layouts against Go's ztypes_freebsd_amd64.go: a FreeBSD
# program built with the SDK's headers prints them (run under uxrun), and
# golayout checks them against Go's (tests/run-all.sh).
check_PROGRAMS += tests/sdk/golayout
tests_sdk_golayout_SOURCES = tests/sdk/golayout.c tests/unit/gofile.c tests/unit/gofile.h
TEST_SDK_LAYOUT = tests/sdk/bin/layout
CLEANFILES += $(TEST_SDK_LAYOUT)
EXTRA_DIST += tests/sdk/layout.c

$(TEST_SDK_LAYOUT): $(srcdir)/tests/sdk/layout.c $(SAMPLES_SDK_HDRS:%=$(srcdir)/%) \
		$(SAMPLES_CRT1) $(SAMPLES_RT_LIB)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(FBSD_CC) $(SAMPLES_FBSD_COPTS) -D_UXRT_DYNAMIC -c -o $@.o $< && \
	$(FBSD_LD) $(SAMPLES_FBSD_LINK) -o $@ $(SAMPLES_CRT1) $@.o $(SAMPLES_RT_LIB) && rm -f $@.o
