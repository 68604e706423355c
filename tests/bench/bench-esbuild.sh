#!/bin/sh
# Bundling + minifying lodash-es with the FreeBSD esbuild under uxrun
# against the Linux esbuild of the same version, same input, same run.
# Prints the best and median wall time of REPEATS runs and the ratio
# (target: at most 1.15).
#   bench-esbuild.sh BUILDDIR [REPEATS]
set -eu
B=${1:-.}
R=${2:-9}
SRC=$(cd "$(dirname "$0")/.." && pwd)
PKGS=$(sh "$SRC/npm/setup.sh" "$B/tests/npm/pkgs")
M="$PKGS/node_modules"
now() { date +%s%N; }
once() {	# once CMD...: one run's wall time in microseconds
	t0=$(now); "$@" "$M/lodash-es/lodash.js" --bundle --minify >/dev/null; t1=$(now)
	echo $(((t1 - t0) / 1000))
}
# Native and uxrun runs alternate, so a change in the machine's load
# during the benchmark weighs on both sides alike.
: >"${TMPDIR:-/tmp}/bench-esbuild.$$.n"
: >"${TMPDIR:-/tmp}/bench-esbuild.$$.u"
i=0
while [ $i -lt "$R" ]; do
	once "$M/@esbuild/linux-x64/bin/esbuild" >>"${TMPDIR:-/tmp}/bench-esbuild.$$.n"
	once "$B/uxrun" "$M/@esbuild/freebsd-x64/bin/esbuild" >>"${TMPDIR:-/tmp}/bench-esbuild.$$.u"
	i=$((i + 1))
done
native=$(sort -n "${TMPDIR:-/tmp}/bench-esbuild.$$.n")
uxrun=$(sort -n "${TMPDIR:-/tmp}/bench-esbuild.$$.u")
rm -f "${TMPDIR:-/tmp}/bench-esbuild.$$.n" "${TMPDIR:-/tmp}/bench-esbuild.$$.u"
stat() { echo "$1" | awk -v n="$R" 'NR == 1 { b = $1 } NR == int((n + 1) / 2) { m = $1 } END { printf "%.1f %.1f", b / 1000, m / 1000 }'; }
set -- $(stat "$native"); nb=$1 nm=$2
set -- $(stat "$uxrun"); ub=$1 um=$2
printf '%-40s %10s %10s\n' "lodash-es bundle+minify, $R runs" "best ms" "median ms"
printf '%-40s %10s %10s\n' "native Linux esbuild" "$nb" "$nm"
printf '%-40s %10s %10s\n' "FreeBSD esbuild under uxrun" "$ub" "$um"
awk -v a="$um" -v b="$nm" -v c="$ub" -v d="$nb" 'BEGIN {
	printf "ratio (median): %.3f  ratio (best): %.3f  (target <= 1.15)\n", a / b, c / d }'
