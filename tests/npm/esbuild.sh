#!/bin/sh
# Real FreeBSD Go program: the npm package @esbuild/freebsd-x64 under uxrun
# against @esbuild/linux-x64 of the same version, natively.
#   esbuild.sh UXRUN [PKGDIR]
set -u
UX=$1
PKGS=${2:-tests/npm/pkgs}
SRC=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -20 | sed 's/^/    /'; }

if ! sh "$SRC/setup.sh" "$PKGS" >/dev/null 2>"$tmp/npm.log"; then
	echo "SKIP: esbuild tests: npm install failed:"
	sed 's/^/    /' "$tmp/npm.log" | head -5
	echo "0 passed, 0 failed, 4 skipped"
	exit 0
fi
M="$PKGS/node_modules"
FB="$M/@esbuild/freebsd-x64/bin/esbuild"
LX="$M/@esbuild/linux-x64/bin/esbuild"
LODASH="$M/lodash-es/lodash.js"

# compare NAME ARGS...: same stdout and exit status natively and under uxrun
compare() {
	name=$1; shift
	"$LX" "$@" >"$tmp/n.out" 2>"$tmp/n.err"; ns=$?
	UXRUN_LOG="$tmp/ux.log" timeout 120 "$UX" "$FB" "$@" >"$tmp/u.out" 2>"$tmp/u.err"; us=$?
	if [ "$ns" -eq "$us" ] && cmp -s "$tmp/n.out" "$tmp/u.out" && [ -s "$tmp/n.out" ]; then
		ok "$name"
	else
		bad "$name" "status native $ns, uxrun $us; $(wc -c <"$tmp/n.out") vs $(wc -c <"$tmp/u.out") bytes; stderr: $(cat "$tmp/u.err") $(cat "$tmp/ux.log" 2>/dev/null)"
	fi
}

compare "esbuild --version" --version
compare "bundle + minify lodash-es is byte-identical" "$LODASH" --bundle --minify
compare "bundle lodash-es as CJS with an inline source map" "$LODASH" --bundle --format=cjs --sourcemap=inline
printf 'export const f = (x: number): string => `v${x * 2}`;\nconsole.log(f(21));\n' >"$tmp/in.ts"
compare "transform TypeScript from a file" "$tmp/in.ts" --loader:.ts=ts --format=esm

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
