# Differential tests: each sample runs natively and as its FreeBSD build
# under uxrun; see tests/diff/run.sh and tests/diff/cases.
# `make check-diff` runs them (DIFF_UXRUN overrides the uxrun to test).

DIFF_UXRUN = ./uxrun

DIFF_FIXTURES = \
	tests/diff/fixtures/text/big.txt \
	tests/diff/fixtures/text/empty.txt \
	tests/diff/fixtures/text/nonl.txt \
	tests/diff/fixtures/text/poem.txt \
	tests/diff/fixtures/text/short.txt \
	tests/diff/fixtures/tree/README \
	tests/diff/fixtures/tree/bin/run.sh \
	tests/diff/fixtures/tree/data/.hidden \
	tests/diff/fixtures/tree/data/big.txt \
	tests/diff/fixtures/tree/data/small.txt \
	tests/diff/fixtures/tree/ro/file.txt \
	tests/diff/fixtures/tree/secret.txt \
	tests/diff/fixtures/libc/words.txt \
	tests/diff/fixtures/libc/prices.txt \
	tests/diff/fixtures/libc/log.txt

EXTRA_DIST += tests/diff/run.sh tests/diff/cases $(DIFF_FIXTURES)

check-diff: $(SAMPLES_ALL)
	$(SHELL) $(srcdir)/tests/diff/run.sh $(DIFF_UXRUN) samples/bin $(srcdir)/tests/diff/cases
.PHONY: check-diff
