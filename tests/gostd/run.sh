#!/bin/sh
# Go's own standard-library tests, built for FreeBSD and run under uxrun,
# against the same package's tests built for Linux and run natively.  Every
# test that passes natively must pass under uxrun.  Each runs from the
# package's source folder with -test.short, as `go test` would.
#   run.sh UXRUN WORKDIR [PKG...]
set -u
UX=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
WORK=$2
shift 2
[ $# -gt 0 ] || set -- sync time os os/signal os/exec net
GOROOT=$(go env GOROOT)
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
export GOCACHE="$WORK/.cache" GOPATH="$WORK/.gopath" CGO_ENABLED=0 GOARCH=amd64 GOFLAGS=-trimpath
pass=0 fail=0

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
	(cd "$src" && UXRUN_LOG="$WORK/$name.uxrun.log" timeout 900 "$UX" "$WORK/$name.freebsd.test" \
	    -test.short -test.v -test.timeout=10m >"$WORK/$name.freebsd.out" 2>&1)
	st=$?
	# Top-level test names that passed on each side.
	grep -E '^--- PASS: ' "$WORK/$name.linux.out" | awk '{print $3}' | sort -u >"$WORK/$name.linux.pass"
	grep -E '^--- PASS: ' "$WORK/$name.freebsd.out" | awk '{print $3}' | sort -u >"$WORK/$name.freebsd.pass"
	comm -23 "$WORK/$name.linux.pass" "$WORK/$name.freebsd.pass" >"$WORK/$name.missing"
	n=$(wc -l <"$WORK/$name.linux.pass")
	u=$(comm -12 "$WORK/$name.linux.pass" "$WORK/$name.freebsd.pass" | wc -l)
	echo "$pkg: $n tests pass natively; $u of them pass under uxrun (exit status $st)"
	if [ "$n" -gt 0 ] && [ ! -s "$WORK/$name.missing" ]; then
		echo "PASS: go test $pkg"
		pass=$((pass + 1))
	else
		echo "FAIL: go test $pkg"
		sed 's/^/    not passing under uxrun: /' "$WORK/$name.missing" | head -20
		grep -E '^(--- FAIL|panic|fatal error)' "$WORK/$name.freebsd.out" | head -10 | sed 's/^/    /'
		tail -3 "$WORK/$name.freebsd.out" | sed 's/^/    /'
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
