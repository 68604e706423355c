#!/bin/sh
# Cost of one trapped FreeBSD system call against the mechanism's floor.
#   bench-trap.sh BUILDDIR [N] [REPEATS]
# Runs, in one go: a native Linux getpid loop, the bare SIGSYS trap round
# trip (tests/bench/trap_floor), and a FreeBSD getpid loop under uxrun with
# each trap backend and with its call site patched (syscalls/patch.h).
# Each is timed at N and at 0 iterations (start-up subtracted); the best
# of REPEATS runs counts.  Target: uxrun <= 1.1 x the bare trap.
set -eu
B=${1:-.}
N=${2:-200000}
R=${3:-5}

now() { date +%s%N; }
best_ns() {	# best_ns N EXTRA cmd...: best wall time in ns of "cmd N EXTRA"
	n=$1; extra=$2; shift 2
	best=
	i=0
	while [ $i -lt "$R" ]; do
		t0=$(now); "$@" "$n" $extra >/dev/null; t1=$(now)
		t=$((t1 - t0))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
		i=$((i + 1))
	done
	echo "$best"
}
per_call() {	# per_call EXTRA cmd...: ns per iteration, as a decimal
	extra=$1; shift
	a=$(best_ns "$N" "$extra" "$@"); z=$(best_ns 0 "$extra" "$@")
	awk -v a="$a" -v z="$z" -v n="$N" 'BEGIN { printf "%.1f", (a - z) / n }'
}

native=$(per_call "" "$B/tests/bench/bin/getpid_linux")
floor=$(per_call "" "$B/tests/bench/trap_floor")
floorcall=$(per_call --call "$B/tests/bench/trap_floor")
# UXRUN_* through env(1): per_call runs its command as given.
seccomp=$(per_call "" env UXRUN_TRAP=seccomp UXRUN_PATCH=off "$B/uxrun" "$B/tests/bench/bin/getpid_fbsd")
sud=$(per_call "" env UXRUN_TRAP=sud UXRUN_PATCH=off "$B/uxrun" "$B/tests/bench/bin/getpid_fbsd")
patched=$(per_call "" "$B/uxrun" "$B/tests/bench/bin/getpid_fbsd")

printf '%-52s %10s\n' "per call, best of $R, N=$N" "ns"
printf '%-52s %10s\n' "native Linux getpid" "$native"
printf '%-52s %10s\n' "bare SIGSYS trap round trip (seccomp floor)" "$floor"
printf '%-52s %10s\n' "bare trap + the real getpid in the handler" "$floorcall"
printf '%-52s %10s\n' "FreeBSD getpid under uxrun, seccomp trap" "$seccomp"
printf '%-52s %10s\n' "FreeBSD getpid under uxrun, Syscall User Dispatch" "$sud"
printf '%-52s %10s\n' "FreeBSD getpid under uxrun, patched call site" "$patched"
awk -v u="$seccomp" -v s="$sud" -v p="$patched" -v f="$floor" -v n="$native" -v fc="$floorcall" 'BEGIN {
	printf "ratio seccomp uxrun / floor:  %.3f  (target <= 1.10)\n", u / f
	printf "ratio seccomp uxrun / (floor + real call): %.3f  (uxrun'"'"'s own code on the path)\n", u / fc
	printf "ratio Syscall User Dispatch / seccomp: %.3f\n", s / u
	printf "ratio patched call site / native: %.1f  (trapped: %.1f)\n", p / n, s / n
}'
