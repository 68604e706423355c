# Go samples: each samples/go/NAME.go is cross-compiled for FreeBSD and
# built for Linux with Debian's golang-go, and compared by tests/diff as
# go-NAME.  The Go build cache lives in the build tree.
SAMPLES_GO_NAMES = goroutines files net signal exec clock
SAMPLES_GO_BINS = $(SAMPLES_GO_NAMES:%=samples/bin/freebsd/go-%) \
	$(SAMPLES_GO_NAMES:%=samples/bin/linux/go-%)
SAMPLES_ALL += $(SAMPLES_GO_BINS)
CLEANFILES += $(SAMPLES_GO_BINS)
EXTRA_DIST += $(SAMPLES_GO_NAMES:%=samples/go/%.go)

GO_ENV = GOCACHE=$(abs_builddir)/samples/go/.cache GOPATH=$(abs_builddir)/samples/go/.gopath \
	GO111MODULE=off CGO_ENABLED=0 GOARCH=amd64 GOFLAGS=-trimpath

samples/bin/freebsd/go-%: $(srcdir)/samples/go/%.go
	$(AM_V_GEN)mkdir -p samples/bin/freebsd && $(GO_ENV) GOOS=freebsd $(GO) build -o $@ $<
samples/bin/linux/go-%: $(srcdir)/samples/go/%.go
	$(AM_V_GEN)mkdir -p samples/bin/linux && $(GO_ENV) GOOS=linux $(GO) build -o $@ $<

clean-local: clean-go-cache
clean-go-cache:
	-chmod -R u+w samples/go/.cache samples/go/.gopath 2>/dev/null; rm -rf samples/go/.cache samples/go/.gopath
.PHONY: clean-go-cache
