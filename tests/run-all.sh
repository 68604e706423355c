#!/bin/sh
# Runs every test suite and prints one total: `N passed, N failed`.
#   tests/run-all.sh [BUILDDIR]
# Suites: CUnit unit tests (plain, then under ASan+UBSan), the loader's
# malformed-input corpus, the command line, and the differential runner
# (each FreeBSD sample under uxrun against its native Linux twin).
B=${1:-.}
SRC=$(cd "$(dirname "$0")/.." && pwd)
total_pass=0 total_fail=0 total_skip=0
log=$(mktemp)
trap 'rm -f "$log"; rm -rf "${corpus:-}"' EXIT

# add_counts LOG: takes the suite's own closing numbers.
add_counts() {
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
	if [ -z "$line" ]; then
		# CUnit: "tests  <total> <ran> <passed> <failed> <inactive>"
		line=$(awk '$1 == "tests" && NF >= 5 { printf "%d passed, %d failed\n", $4, $5 }' "$1" | tail -n 1)
	fi
	if [ -z "$line" ]; then
		echo "(suite printed no counts: counted as 1 failure)"
		total_fail=$((total_fail + 1))
		return
	fi
	p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	s=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	total_skip=$((total_skip + ${s:-0}))
}

suite() {	# suite NAME CMD...
	name=$1; shift
	echo "=== $name"
	"$@" >"$log" 2>&1
	st=$?
	cat "$log"
	add_counts "$log"
	if [ $st -ne 0 ] && ! grep -Eq '^[0-9]+ passed, [1-9][0-9]* failed' "$log" &&
	    ! awk '$1 == "tests" && $5 > 0 { found = 1 } END { exit !found }' "$log"; then
		echo "($name exited with status $st without reporting a failure: counted as 1 failure)"
		total_fail=$((total_fail + 1))
	fi
}

GO_XSYS_DIR=${GO_XSYS_DIR:-/usr/share/gocode/src/golang.org/x/sys/unix}
export GO_XSYS_DIR
suite "unit tests" "$B/tests/unit/unit_tests"
suite "unit tests (AddressSanitizer + UndefinedBehaviorSanitizer)" "$B/tests/unit/unit_tests_san"
corpus=$(mktemp -d)
suite "loader: malformed inputs" sh -c "'$B/tests/loader/mkcorpus' '$corpus' && sh '$SRC/tests/loader/run.sh' '$B/uxrun' '$corpus'"
suite "SDK struct layouts vs Go's ztypes_freebsd_amd64.go" sh -c "'$B/uxrun' '$B/tests/sdk/bin/layout' | '$B/tests/sdk/golayout' '$GO_XSYS_DIR/ztypes_freebsd_amd64.go'"
suite "command line" sh "$SRC/tests/cli/run.sh" "$B/uxrun" "$B/samples/bin"
suite "binfmt_misc: foreign programs run directly (root)" sh "$SRC/tests/binfmt/run.sh" "$B/uxrun" "$B/samples/bin"
suite "LD_PRELOAD shim: native programs start FreeBSD ones (libuxshim.so)" sh "$SRC/tests/preload/run.sh" "$B/uxrun" "$B/samples/bin" "$B/libuxshim.so" "$B/tests/preload"
suite "differential: FreeBSD samples under uxrun vs native Linux" sh "$SRC/tests/diff/run.sh" "$B/uxrun" "$B/samples/bin"
# Call-site patching (syscalls/patch.h): every site rewritten at its first
# trap, so nearly every call takes the direct path; and none, so every call
# traps.  (The other suites run with the default threshold.)
suite "differential with every call site patched at its first trap (UXRUN_PATCH=1)" env UXRUN_PATCH=1 \
    sh "$SRC/tests/diff/run.sh" "$B/uxrun" "$B/samples/bin"
suite "differential with call-site patching off (UXRUN_PATCH=off)" env UXRUN_PATCH=off \
    sh "$SRC/tests/diff/run.sh" "$B/uxrun" "$B/samples/bin"
# The seccomp backend (the fallback for kernels without Syscall User
# Dispatch, and what a process with threads already running must use) on
# the same samples and on the Go tests that exercise exec and signals most.
suite "differential under the seccomp trap backend (UXRUN_TRAP=seccomp)" env UXRUN_TRAP=seccomp \
    sh "$SRC/tests/diff/run.sh" "$B/uxrun" "$B/samples/bin"
suite "differential under seccomp, every call site patched at its first trap" env UXRUN_TRAP=seccomp UXRUN_PATCH=1 \
    sh "$SRC/tests/diff/run.sh" "$B/uxrun" "$B/samples/bin"
suite "real programs: esbuild for FreeBSD (npm) vs esbuild for Linux" sh "$SRC/tests/npm/esbuild.sh" "$B/uxrun" "$B/tests/npm/pkgs"
suite "Go standard-library tests built for FreeBSD under uxrun vs native" sh "$SRC/tests/gostd/run.sh" "$B/uxrun" "$B/tests/gostd/work"
suite "Node addons for FreeBSD (npm): every import binds (uxrun --ldd)" sh "$SRC/tests/npm/addon-imports.sh" "$B/uxrun" "$B/tests/npm/addons"
suite "LD_PRELOAD shim: a native node dlopens rollup's FreeBSD addon (npm) vs rollup's Linux addon" \
    sh "$SRC/tests/npm/rollup-native.sh" "$B/libuxshim.so" "$B/tests/npm/rollup"
suite "command line under the seccomp trap backend" env UXRUN_TRAP=seccomp \
    sh "$SRC/tests/cli/run.sh" "$B/uxrun" "$B/samples/bin"
suite "binfmt_misc under the seccomp trap backend" env UXRUN_TRAP=seccomp \
    sh "$SRC/tests/binfmt/run.sh" "$B/uxrun" "$B/samples/bin"
suite "LD_PRELOAD shim under the seccomp trap backend" env UXRUN_TRAP=seccomp \
    sh "$SRC/tests/preload/run.sh" "$B/uxrun" "$B/samples/bin" "$B/libuxshim.so" "$B/tests/preload"
suite "esbuild under the seccomp trap backend" env UXRUN_TRAP=seccomp \
    sh "$SRC/tests/npm/esbuild.sh" "$B/uxrun" "$B/tests/npm/pkgs"
suite "Go standard-library tests under the seccomp trap backend" env UXRUN_TRAP=seccomp \
    sh "$SRC/tests/gostd/run.sh" "$B/uxrun" "$B/tests/gostd/work"
suite "SDK struct layouts under the seccomp trap backend" env UXRUN_TRAP=seccomp \
    sh -c "'$B/uxrun' '$B/tests/sdk/bin/layout' | '$B/tests/sdk/golayout' '$GO_XSYS_DIR/ztypes_freebsd_amd64.go'"

echo "==="
if [ "$total_skip" -gt 0 ]; then
	echo "$total_pass passed, $total_fail failed, $total_skip skipped"
else
	echo "$total_pass passed, $total_fail failed"
fi
[ "$total_fail" -eq 0 ]
