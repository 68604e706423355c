#!/bin/sh
# Real acceptance for the LD_PRELOAD shim's dlopen (issue 5): a native
# Linux node with libuxshim.so preloaded loads the FreeBSD build of
# rollup's native addon, and its parse(), parseAsync() and
# xxhashBase64Url() results over a corpus (lodash-es's sources) equal
# those of the Linux build of the same release loaded without the shim
# (tests/npm/rollup-native.js prints them); so do its results on source
# with a syntax error.
# Packages are installed into PKGDIR (default tests/npm/rollup in the
# build tree); nothing is committed.
#   rollup-native.sh SHIM [PKGDIR]
set -u
SHIM=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PKGS=${2:-tests/npm/rollup}
SRC=$(cd "$(dirname "$0")" && pwd)
# Pinned, the two builds of one release (rollup 4 needs node 18 or later).
ROLLUP_VERSION=${ROLLUP_VERSION:-4.67.4}
LODASH_VERSION=${LODASH_VERSION:-4.17.21}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /'; }
skip() { echo "SKIP: $1"; echo "0 passed, 0 failed, 1 skipped"; exit 0; }

command -v node >/dev/null 2>&1 || skip "rollup's native addon: no node"
M=$PKGS/node_modules
FBSD=$M/@rollup/rollup-freebsd-x64/rollup.freebsd-x64.node
LINUX=$M/@rollup/rollup-linux-x64-gnu/rollup.linux-x64-gnu.node
if ! grep -qs "\"version\": \"$ROLLUP_VERSION\"" "$M/@rollup/rollup-freebsd-x64/package.json" ||
   ! grep -qs "\"version\": \"$ROLLUP_VERSION\"" "$M/@rollup/rollup-linux-x64-gnu/package.json" ||
   [ ! -f "$M/lodash-es/lodash.js" ]; then
	mkdir -p "$PKGS"
	# --force: the FreeBSD package declares os "freebsd"; only its file is wanted.
	if ! npm install --prefix "$PKGS" --no-save --no-audit --no-fund --force --loglevel=error \
	    "@rollup/rollup-freebsd-x64@$ROLLUP_VERSION" "@rollup/rollup-linux-x64-gnu@$ROLLUP_VERSION" \
	    "lodash-es@$LODASH_VERSION" >"$tmp/npm.log" 2>&1; then
		echo "npm install failed:"
		sed 's/^/    /' "$tmp/npm.log" | head -5
		skip "rollup's native addon: npm install failed"
	fi
fi
FBSD=$(cd "$(dirname "$FBSD")" && pwd)/$(basename "$FBSD")
LINUX=$(cd "$(dirname "$LINUX")" && pwd)/$(basename "$LINUX")

ls "$M"/lodash-es/*.js >"$tmp/corpus"
n=$(wc -l <"$tmp/corpus")

# shellcheck disable=SC2046
node "$SRC/rollup-native.js" "$LINUX" $(cat "$tmp/corpus") >"$tmp/linux.out" 2>"$tmp/linux.err"
ls=$?
# shellcheck disable=SC2046
LD_PRELOAD=$SHIM node "$SRC/rollup-native.js" "$FBSD" $(cat "$tmp/corpus") >"$tmp/fbsd.out" 2>"$tmp/fbsd.err"
fs=$?
if [ "$ls" -ne 0 ] || [ "$(grep -c . "$tmp/linux.out")" -ne $((n + 1)) ]; then
	bad "the Linux addon, natively: status $ls" "$(head -5 "$tmp/linux.err" "$tmp/linux.out")"
elif [ "$fs" -ne 0 ] || ! cmp -s "$tmp/linux.out" "$tmp/fbsd.out"; then
	bad "the FreeBSD addon under the shim: status $fs, results differ from the Linux addon's" \
	    "$(diff "$tmp/linux.out" "$tmp/fbsd.out" | head -8; head -5 "$tmp/fbsd.err")"
else
	ok "rollup $ROLLUP_VERSION's FreeBSD addon in a native node (LD_PRELOAD=libuxshim.so): parse, parseAsync, xxhashBase64Url of $n files and a worker thread's parse equal the Linux addon's"
fi

# A syntax error: the addon's error path captures a Rust backtrace, so the
# host's unwinder walks the foreign frames (and once looped for ever in the
# shim's _dl_find_object).  Both with Rust's backtraces off and on.
printf 'export const broken = (1 + ;\n' >"$tmp/syntax-error.js"
for bt in unset 1; do
	if [ "$bt" = unset ]; then set -- env -u RUST_BACKTRACE; else set -- env RUST_BACKTRACE=1; fi
	"$@" node "$SRC/rollup-native.js" "$LINUX" "$tmp/syntax-error.js" >"$tmp/linux.out" 2>&1
	"$@" LD_PRELOAD="$SHIM" timeout 60 node "$SRC/rollup-native.js" "$FBSD" "$tmp/syntax-error.js" >"$tmp/fbsd.out" 2>/dev/null
	fs=$?
	if [ "$fs" -eq 0 ] && cmp -s "$tmp/linux.out" "$tmp/fbsd.out"; then
		ok "... and on source with a syntax error (RUST_BACKTRACE $bt)"
	else
		bad "... on source with a syntax error (RUST_BACKTRACE $bt): status $fs" \
		    "$(diff "$tmp/linux.out" "$tmp/fbsd.out" | head -5)"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
