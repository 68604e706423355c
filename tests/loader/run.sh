#!/bin/sh
# run.sh UXRUN_BINARY CORPUS_DIR: runs uxrun on every case of a corpus that
# tests/loader/mkcorpus wrote, as described by CORPUS_DIR/MANIFEST.
#
# A case uxrun must refuse passes when uxrun exits with the expected status
# (126, or 127 for a missing file) within 10 seconds, was not killed by a
# signal, printed nothing on standard output and exactly one line on
# standard error that starts with "uxrun: ", names the file and contains the
# expected message.  The positive controls must run and exit with their own
# status, silently.  Every file that is valid ELF is also given to
# `uxrun --info`, which must exit 0 and name the expected OS.
#
# Prints PASS/FAIL/SKIP per case and ends with "N passed, N failed[, N skipped]".
# Exit status: 0 when nothing failed, 1 otherwise, 2 on bad usage.

set -u

if [ $# -ne 2 ]; then
	printf '%s\n' "usage: $0 UXRUN_BINARY CORPUS_DIR" >&2
	exit 2
fi
uxrun=$1
dir=${2%/}
if [ ! -x "$uxrun" ]; then
	printf '%s\n' "$0: $uxrun: not an executable" >&2
	exit 2
fi
if [ ! -f "$dir/MANIFEST" ]; then
	printf '%s\n' "$0: $dir/MANIFEST not found (run tests/loader/mkcorpus $dir first)" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uxrun-loader.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
out=$tmp/out
err=$tmp/err
is_root=0
[ "$(id -u)" = 0 ] && is_root=1
passed=0
failed=0
skipped=0

# why STATUS: a reason the last run failed, or nothing.
describe_status() {
	local st=$1
	if [ "$st" = 124 ]; then
		printf '%s\n' "timed out after 10 s"
	elif [ "$st" -ge 128 ]; then
		printf '%s\n' "killed by signal $((st - 128))"
	fi
}

check_refusal() {	# path expected_status message
	local path=$1 want=$2 msg=$3 st why lines first
	timeout 10 "$uxrun" "$path" </dev/null >"$out" 2>"$err"
	st=$?
	why=$(describe_status "$st")
	[ -n "$why" ] && { printf '%s\n' "$why"; return; }
	[ "$st" = "$want" ] || { printf '%s\n' "exit status $st, expected $want"; return; }
	[ -s "$out" ] && { printf '%s\n' "wrote to standard output: $(head -c 200 "$out")"; return; }
	lines=$(wc -l <"$err")
	if [ "$lines" != 1 ] || [ -n "$(tail -c 1 "$err" | tr -d '\n')" ]; then
		printf '%s\n' "standard error is not exactly one line: $(head -c 300 "$err" | tr '\n' '|')"
		return
	fi
	first=$(cat "$err")
	case $first in
	"uxrun: "*) ;;
	*) printf '%s\n' "message does not start with 'uxrun: ': $first"; return ;;
	esac
	case $first in
	*"$path"*) ;;
	*) printf '%s\n' "message does not name $path: $first"; return ;;
	esac
	if [ "$msg" != - ]; then
		case $first in
		*"$msg"*) ;;
		*) printf '%s\n' "message lacks '$msg': $first"; return ;;
		esac
	fi
}

check_runs() {		# path expected_status
	local path=$1 want=$2 st why
	timeout 10 "$uxrun" "$path" </dev/null >"$out" 2>"$err"
	st=$?
	if [ "$st" != "$want" ]; then
		why=$(describe_status "$st")
		printf '%s\n' "${why:-exit status $st}, expected $want: $(head -c 300 "$err" | tr '\n' '|')"
		return
	fi
	[ -s "$err" ] && printf '%s\n' "wrote to standard error: $(head -c 300 "$err" | tr '\n' '|')"
}

check_info() {		# path os
	local path=$1 os=$2 st why line
	timeout 10 "$uxrun" --info "$path" </dev/null >"$out" 2>"$err"
	st=$?
	if [ "$st" != 0 ]; then
		why=$(describe_status "$st")
		printf '%s\n' "--info: ${why:-exit status $st}: $(head -c 300 "$err" | tr '\n' '|')"
		return
	fi
	line=$(grep -m1 '^os:' "$out")
	line=${line#os:}
	line=${line#"${line%%[! ]*}"}
	case $line in
	"$os"*) ;;
	*) printf '%s\n' "--info says os '$line', expected '$os'" ;;
	esac
}

tab=$(printf '\t')
while IFS=$tab read -r name rel status os protect msg; do
	[ -n "$name" ] || continue
	path=$dir/$rel
	locked=
	case $protect in
	1) locked=$path ;;
	2) locked=$(dirname "$path") ;;
	esac
	if [ -n "$locked" ]; then
		if [ "$is_root" = 1 ]; then
			printf '%s\n' "SKIP: $name (running as root: file permissions do not apply)"
			skipped=$((skipped + 1))
			continue
		fi
		chmod 000 "$locked"
	fi
	if [ "$status" = 126 ] || [ "$status" = 127 ]; then
		why=$(check_refusal "$path" "$status" "$msg")
	else
		why=$(check_runs "$path" "$status")
	fi
	[ -n "$locked" ] && chmod 755 "$locked"
	if [ -z "$why" ] && [ "$os" != - ]; then
		why=$(check_info "$path" "$os")
	fi
	if [ -z "$why" ]; then
		printf '%s\n' "PASS: $name"
		passed=$((passed + 1))
	else
		printf '%s\n' "FAIL: $name ($why)"
		failed=$((failed + 1))
	fi
done <"$dir/MANIFEST"

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
printf '%s\n' "$summary"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
