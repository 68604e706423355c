#!/bin/sh
# Go's own standard-library tests, built for FreeBSD and run under uxrun,
# against the same package's tests built for Linux and run natively.  Every
# test that passes natively and that the FreeBSD build runs (Linux-only
# tests are not compiled for FreeBSD; a test that skips itself on FreeBSD
# says why in the log) must pass under uxrun.  Each runs from the package's
# source folder with -test.short, as `go test` would.  Known failures are
# listed with their reason in tests/gostd/known-failures: they are counted
# and shown, not hidden, and one that starts passing is reported.
#   run.sh UXRUN WORKDIR [PKG...]
set -u
# Some tests (os/exec TestExtraFiles) only run when nothing but stdin,
# stdout and stderr is open at start; close whatever the caller leaked so
# that a developer's shell runs the same tests as CI.
if [ -z "${GOSTD_CLEAN_FDS:-}" ]; then
	GOSTD_CLEAN_FDS=1 exec perl -MPOSIX -e 'POSIX::close($_) for 3 .. 1023; exec @ARGV or die "exec: $!"' \
	    sh "$0" "$@"
fi
UX=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
WORK=$2
shift 2
[ $# -gt 0 ] || set -- sync time os os/signal os/exec net
GOROOT=$(go env GOROOT)
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
export GOCACHE="$WORK/.cache" GOPATH="$WORK/.gopath" CGO_ENABLED=0 GOARCH=amd64 GOFLAGS=-trimpath
pass=0 fail=0 known=0
KNOWN=$(cd "$(dirname "$0")" && pwd)/known-failures
KNOWN_SRC=$KNOWN
# Some tests start the FreeBSD test binary again from a native program (a
# shell, nohup): the kernel must hand it to uxrun.  As root, a binfmt_misc
# entry for this uxrun is registered for the run only and removed whatever
# happens (tests/binfmt/lib.sh); without one those tests are known
# failures, saying why.
. "$(cd "$(dirname "$0")/../binfmt" && pwd)/lib.sh"
BINFMT_NAME=uxrun-gostd-$$
if binfmt_up "$UX" "$BINFMT_NAME"; then
	trap 'binfmt_down "$BINFMT_NAME"' EXIT
	trap 'exit 130' INT TERM HUP
	echo "(this uxrun is registered with binfmt_misc for the run, as $BINFMT_NAME-*)"
else
	KNOWN=$WORK/known-failures
	awk -v why="$binfmt_why" '{ print $0 "; needs uxrun registered with binfmt_misc, and here: " why }' >"$KNOWN.binfmt" <<'EOF'
os TestStatStdin  # a native shell runs the FreeBSD test binary directly
os/signal TestNohup  # native nohup runs the FreeBSD test binary
os/signal TestDetectNohup  # as TestNohup, through /usr/bin/nohup
EOF
	cat "$KNOWN_SRC" "$KNOWN.binfmt" >"$KNOWN"
fi
# The seccomp backend has known failures of its own (known-failures.seccomp).
if [ "${UXRUN_TRAP:-}" = seccomp ]; then
	cat "$KNOWN" "$KNOWN_SRC.seccomp" >"$WORK/known-failures.all"
	KNOWN=$WORK/known-failures.all
fi

for pkg in "$@"; do
	name=$(echo "$pkg" | tr / _)
	src="$GOROOT/src/$pkg"
	for os in freebsd linux; do
		bin="$WORK/$name.$os.test"
		[ -x "$bin" ] || (cd "$src" && GOOS=$os go test -c -tags timetzdata -o "$bin" .) ||
		    { echo "FAIL: $pkg: cannot build the $os test binary"; fail=$((fail + 1)); continue 2; }
	done
	(cd "$src" && timeout 900 "$WORK/$name.linux.test" -test.short -test.v -test.timeout=10m \
	    >"$WORK/$name.linux.out" 2>&1)
	# What the FreeBSD build contains (Linux-only tests are not compiled in),
	# minus the known failures, which run on their own so that one that
	# crashes the binary cannot take the others down with it.
	(cd "$src" && "$UX" "$WORK/$name.freebsd.test" -test.list '.*' 2>/dev/null) |
	    grep -E '^(Test|Example)' | sort -u >"$WORK/$name.freebsd.list"
	grep -E "^$pkg " "$KNOWN" 2>/dev/null | awk '{print $2}' | sort -u >"$WORK/$name.known"
	comm -23 "$WORK/$name.freebsd.list" "$WORK/$name.known" >"$WORK/$name.torun"
	run_freebsd() {	# run_freebsd LISTFILE OUTFILE
		if [ ! -s "$1" ]; then : >"$2"; return 0; fi
		(cd "$src" && UXRUN_LOG="$WORK/$name.uxrun.log" timeout 900 "$UX" "$WORK/$name.freebsd.test" \
		    -test.short -test.v -test.timeout=10m -test.run "^($(paste -sd'|' "$1"))\$" >"$2" 2>&1)
	}
	run_freebsd "$WORK/$name.torun" "$WORK/$name.freebsd.out"
	st=$?
	run_freebsd "$WORK/$name.known" "$WORK/$name.freebsd.known.out"
	# Top-level test names: passed natively; passed or skipped under uxrun.
	grep -E '^--- PASS: ' "$WORK/$name.linux.out" | awk '{print $3}' | sort -u >"$WORK/$name.linux.pass"
	cat "$WORK/$name.freebsd.out" "$WORK/$name.freebsd.known.out" | grep -E '^--- PASS: ' |
	    awk '{print $3}' | sort -u >"$WORK/$name.freebsd.pass"
	grep -E '^--- SKIP: ' "$WORK/$name.freebsd.out" | awk '{print $3}' | sort -u >"$WORK/$name.freebsd.skip"
	comm -12 "$WORK/$name.linux.pass" "$WORK/$name.freebsd.list" |
	    comm -23 - "$WORK/$name.freebsd.skip" >"$WORK/$name.expected"
	comm -23 "$WORK/$name.expected" "$WORK/$name.freebsd.pass" >"$WORK/$name.missing"
	comm -23 "$WORK/$name.missing" "$WORK/$name.known" >"$WORK/$name.unexpected"
	# Some of Go's tests are timing-sensitive (deadlines of a few ms on a
	# loaded 2-core machine): a test that failed runs once more on its own,
	# and passing then is reported as such, never silently.
	if [ -s "$WORK/$name.unexpected" ]; then
		run_freebsd "$WORK/$name.unexpected" "$WORK/$name.freebsd.retry.out"
		grep -E '^--- PASS: ' "$WORK/$name.freebsd.retry.out" | awk '{print $3}' | sort -u >"$WORK/$name.retry.pass"
		comm -12 "$WORK/$name.unexpected" "$WORK/$name.retry.pass" | sed "s/^/    flaky: passed only on a second run: /"
		comm -23 "$WORK/$name.unexpected" "$WORK/$name.retry.pass" >"$WORK/$name.still"
		mv "$WORK/$name.still" "$WORK/$name.unexpected"
	fi
	n=$(wc -l <"$WORK/$name.expected")
	u=$(comm -12 "$WORK/$name.expected" "$WORK/$name.freebsd.pass" | wc -l)
	k=$(comm -12 "$WORK/$name.missing" "$WORK/$name.known" | wc -l)
	echo "$pkg: $(wc -l <"$WORK/$name.linux.pass") tests pass natively, $n of them are in the FreeBSD build and not skipped there; $u pass under uxrun, $k known failures (exit status $st)"
	comm -12 "$WORK/$name.missing" "$WORK/$name.known" | while read -r t; do
		echo "    known failure: $t: $(grep -E "^$pkg $t " "$KNOWN" | sed -E 's/^[^ ]+ [^ ]+ +#? *//')"
	done
	comm -12 "$WORK/$name.known" "$WORK/$name.freebsd.pass" | while read -r t; do
		grep -qE "^$pkg $t +# *flaky" "$KNOWN" || ! grep -qE "^$pkg $t " "$KNOWN_SRC" ||
		    echo "    listed as a known failure but passes now: $t (remove it from $KNOWN_SRC)"
	done
	known=$((known + k))
	if [ "$n" -gt 0 ] && [ ! -s "$WORK/$name.unexpected" ]; then
		echo "PASS: go test $pkg"
		pass=$((pass + 1))
	else
		echo "FAIL: go test $pkg"
		sed 's/^/    not passing under uxrun: /' "$WORK/$name.unexpected" | head -20
		grep -E '^(panic|fatal error)' "$WORK/$name.freebsd.out" | head -5 | sed 's/^/    /'
		tail -3 "$WORK/$name.freebsd.out" | sed 's/^/    /'
		fail=$((fail + 1))
	fi
done
echo "($known known failures, listed above with their reasons)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
