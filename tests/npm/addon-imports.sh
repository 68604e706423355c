#!/bin/sh
# Coverage of real FreeBSD Node addons (issue 4): every import of the
# FreeBSD builds of Rust Node addons on npm must bind to a real
# implementation, at the version it asks for.  `uxrun --ldd ADDON.node`
# loads each addon as the root object (nothing runs) and lists what it
# needs, the imports nothing defines and the imports bound to libshim
# entries that are not implemented; this prints each of those as
# name@version and fails on any not listed, with its reason, in
# tests/npm/addon-imports.known (the known gaps, counted, not hidden).
# Imports of N-API (napi_*, node_api_*), unversioned, come from the node
# executable that loads the addon, not from a FreeBSD library: they are
# counted apart.  Addons are installed into PKGDIR (default
# tests/npm/addons in the build tree); nothing is committed.
#   addon-imports.sh UXRUN [PKGDIR]
set -u
UX=$1
PKGS=${2:-tests/npm/addons}
SRC=$(cd "$(dirname "$0")" && pwd)
KNOWN=$SRC/addon-imports.known
# Pinned: the imports are the test's subject.
ADDONS="@rollup/rollup-freebsd-x64@4.67.4 lightningcss-freebsd-x64@1.33.0 @tailwindcss/oxide-freebsd-x64@4.3.3"
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /'; }

pkgdir() { echo "$PKGS/node_modules/${1%@*}"; }

need=0
for a in $ADDONS; do
	d=$(pkgdir "$a")
	[ -f "$d/package.json" ] && grep -q "\"version\": \"${a##*@}\"" "$d/package.json" || need=1
done
if [ "$need" = 1 ]; then
	mkdir -p "$PKGS"
	# --force: the packages declare os "freebsd"; only their files are wanted.
	# shellcheck disable=SC2086
	if ! npm install --prefix "$PKGS" --no-save --no-audit --no-fund --force --loglevel=error \
	    $ADDONS >"$tmp/npm.log" 2>&1; then
		echo "SKIP: Node addon imports: npm install failed:"
		sed 's/^/    /' "$tmp/npm.log" | head -5
		echo "0 passed, 0 failed, $(echo $ADDONS | wc -w) skipped"
		exit 0
	fi
fi

# The known gaps: the first word of each line that is not a comment.
sed -e 's/#.*//' "$KNOWN" | awk 'NF { print $1 }' | sort -u >"$tmp/known"
: >"$tmp/all-missing"

for a in $ADDONS; do
	name=${a%@*}
	node=$(find "$(pkgdir "$a")" -name '*.node' -type f | head -n 1)
	if [ -z "$node" ]; then
		bad "$name: no .node file in the package"
		continue
	fi
	"$UX" --ldd "$node" >"$tmp/ldd" 2>"$tmp/ldd.err"; st=$?
	if [ "$st" -gt 1 ] || ! grep -q '(shared object):$' "$tmp/ldd"; then
		bad "$name: uxrun --ldd $(basename "$node") failed (status $st)" "$(cat "$tmp/ldd.err" "$tmp/ldd" | head -10)"
		continue
	fi
	# name[@version] of every import that does not bind to a real
	# implementation, and every library not found.
	awk '
		/^undefined symbols:$/ { sec = "u"; next }
		/^unimplemented in libshim/ { sec = "i"; next }
		/^[^\t]/ { sec = ""; next }
		/ => not found/ { sub(/^\t/, ""); print $1 " (library)"; next }
		sec != "" { sub(/^\t/, ""); print $1 }
	' "$tmp/ldd" | sort -u >"$tmp/missing.raw"
	grep -E '^(napi_|node_api_)[A-Za-z0-9_]*$' "$tmp/missing.raw" >"$tmp/from-node"
	grep -vE '^(napi_|node_api_)[A-Za-z0-9_]*$' "$tmp/missing.raw" >"$tmp/missing"
	cat "$tmp/missing" >>"$tmp/all-missing"
	comm -23 "$tmp/missing" "$tmp/known" >"$tmp/unexpected"
	imports=$(readelf --dyn-syms -W "$node" 2>/dev/null | awk '$7 == "UND" && $8 != "" { n++ } END { print n + 0 }')
	k=$(comm -12 "$tmp/missing" "$tmp/known" | wc -l)
	msg="$name ($(basename "$node")): $imports imports, $(wc -l <"$tmp/from-node") of N-API from node, $k known gaps"
	comm -12 "$tmp/missing" "$tmp/known" | while read -r s; do
		echo "    known gap: $s: $(awk -v s="$s" '$1 == s { sub(/^[^#]*#[ \t]*/, ""); print; exit }' "$KNOWN")"
	done
	if [ -s "$tmp/unexpected" ]; then
		bad "$msg; not bound:" "$(cat "$tmp/unexpected")"
	else
		ok "$msg; every other import binds"
	fi
done

sort -u "$tmp/all-missing" | comm -13 - "$tmp/known" | while read -r s; do
	echo "    listed in addon-imports.known but bound now: $s (remove it from $KNOWN)"
done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
