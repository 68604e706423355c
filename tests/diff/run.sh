#!/bin/sh
# Differential runner: every case in the cases file runs twice, natively
# (SAMPLES_BIN_DIR/linux/NAME) and as the FreeBSD build under uxrun
# (SAMPLES_BIN_DIR/freebsd/NAME), each in its own fresh copy of the
# fixtures. The case passes when stdout, stderr, the exit status and the
# files left in the working directory are the same.
#
# usage: run.sh UXRUN_BINARY SAMPLES_BIN_DIR [CASES_FILE]
#
# Both runs see the same argv[0] ("../bin/NAME": the binary sits in a bin/
# directory next to the working directory) and the same environment:
# PATH, UXRUN_TEST_A=1 and UXRUN_TEST_B=two. uxrun's own reports (calls
# or flags it does not translate) go to a log beside the outputs, not into
# the guest's stderr, unless UXRUN_LOG says otherwise; UXRUN_ROOT, when
# set, is passed to uxrun too. Set DIFF_KEEP=1 to keep the work tree.

set -u

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
	echo "usage: $0 UXRUN_BINARY SAMPLES_BIN_DIR [CASES_FILE]" >&2
	exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
absolute() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s\n' "$PWD/$1" ;;
	esac
}
uxrun=$(absolute "$1")
bins=$(absolute "$2")
cases=$(absolute "${3:-$here/cases}")
fixtures=$here/fixtures

for f in "$uxrun" "$cases" "$fixtures"; do
	if [ ! -e "$f" ]; then
		echo "$0: $f: not found" >&2
		exit 2
	fi
done

umask 022
tmp=$(mktemp -d "${TMPDIR:-/tmp}/uxrun-diff.XXXXXX") || exit 2
cleanup() {
	if [ "${DIFF_KEEP:-0}" = 1 ]; then
		echo "work tree kept in $tmp" >&2
	else
		chmod -R u+rwx "$tmp" 2>/dev/null
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Copies the fixtures into $1 and adds what git does not keep: exact
# permission bits, an empty directory and symbolic links.
prepare() {
	cp -R "$fixtures/." "$1/" &&
	chmod -R u=rwX,go=rX "$1" &&
	chmod 0755 "$1/tree/bin/run.sh" &&
	chmod 0600 "$1/tree/secret.txt" &&
	chmod 0750 "$1/tree/bin" &&
	mkdir "$1/tree/empty" "$1/tree/links" &&
	ln -s ../README "$1/tree/links/readme" &&
	ln -s nowhere "$1/tree/links/dangling" &&
	ln -s ../data "$1/tree/links/data" &&
	chmod 0444 "$1/tree/ro/file.txt" &&
	chmod 0555 "$1/tree/ro"
}

# What a run left behind, independent of timestamps and inode numbers.
snapshot() {
	(cd "$1" && find . -print | LC_ALL=C sort | while IFS= read -r p; do
		if [ -L "$p" ]; then
			printf '%s l -> %s\n' "$p" "$(readlink "$p")"
		elif [ -d "$p" ]; then
			printf '%s d %s\n' "$p" "$(stat -c %a "$p")"
		elif [ -f "$p" ]; then
			printf '%s f %s %s\n' "$p" "$(stat -c %a "$p")" \
			    "$(cksum <"$p" | tr -s ' ' | cut -d' ' -f1-2)"
		else
			printf '%s other\n' "$p"
		fi
	done)
}

# run SIDE NAME STDIN ARGS...: runs one side of a case in $dir/SIDE.
run() {
	side=$1 prog=$2 stdin=$3
	shift 3
	if [ "$stdin" = - ]; then
		stdin=/dev/null
	else
		stdin=$dir/$side/work/$stdin
	fi
	(
		cd "$dir/$side/work" || exit 125
		if [ "$side" = fbsd ]; then
			exec env -i PATH="$PATH" UXRUN_TEST_A=1 UXRUN_TEST_B=two \
			    UXRUN_LOG="${UXRUN_LOG:-$dir/$side/uxrun.log}" ${UXRUN_ROOT+"UXRUN_ROOT=$UXRUN_ROOT"} \
			    timeout 20 "$uxrun" "../bin/$prog" "$@" \
			    <"$stdin" >"$dir/$side/stdout" 2>"$dir/$side/stderr"
		else
			exec env -i PATH="$PATH" UXRUN_TEST_A=1 UXRUN_TEST_B=two \
			    timeout 20 "../bin/$prog" "$@" \
			    <"$stdin" >"$dir/$side/stdout" 2>"$dir/$side/stderr"
		fi
	)
	echo $? >"$dir/$side/status"
}

show_diff() {
	diff -u --label "native $1" --label "uxrun $1" "$dir/native/$2" "$dir/fbsd/$2" |
	    sed 's/^/    /'
}

pass=0
fail=0
n=0
set -f
while IFS= read -r line || [ -n "$line" ]; do
	case $line in
	'' | '#'*) continue ;;
	esac
	# Fields are split on blanks on purpose (globbing is off).
	# shellcheck disable=SC2046
	set -- $(printf '%s\n' "$line" | cut -d'|' -f1)
	name=${1:-}
	args=$(printf '%s\n' "$line" | cut -s -d'|' -f2)
	# shellcheck disable=SC2046
	set -- $(printf '%s\n' "$line" | cut -s -d'|' -f3)
	input=${1:--}
	# shellcheck disable=SC2086
	set -- $args
	label="$name${*:+ $*}"
	n=$((n + 1))
	dir=$tmp/$n

	problem=
	for side in native fbsd; do
		mkdir -p "$dir/$side/bin" "$dir/$side/work"
		prepare "$dir/$side/work" || problem="cannot prepare fixtures"
	done
	if [ ! -f "$bins/linux/$name" ]; then
		problem="missing $bins/linux/$name"
	elif [ ! -f "$bins/freebsd/$name" ]; then
		problem="missing $bins/freebsd/$name"
	elif [ "$input" != - ] && [ ! -f "$dir/native/work/$input" ]; then
		problem="missing stdin fixture $input"
	fi
	if [ -n "$problem" ]; then
		echo "FAIL: $label"
		echo "    $problem"
		fail=$((fail + 1))
		continue
	fi
	cp "$bins/linux/$name" "$dir/native/bin/$name"
	cp "$bins/freebsd/$name" "$dir/fbsd/bin/$name"

	run native "$name" "$input" "$@"
	run fbsd "$name" "$input" "$@"
	snapshot "$dir/native/work" >"$dir/native/files"
	snapshot "$dir/fbsd/work" >"$dir/fbsd/files"

	same=1
	for f in stdout stderr status files; do
		cmp -s "$dir/native/$f" "$dir/fbsd/$f" || same=0
	done
	# Cases listed in tests/diff/flaky, each with its reason, get one more
	# run, reported as such (the list is empty today).
	retried=
	if [ $same = 0 ] && grep -qE "^$name( |$)" "$(dirname "$0")/flaky" 2>/dev/null; then
		rm -rf "$dir/fbsd"
		mkdir -p "$dir/fbsd/bin" "$dir/fbsd/work"
		prepare "$dir/fbsd/work"
		cp "$bins/freebsd/$name" "$dir/fbsd/bin/$name"
		run fbsd "$name" "$input" "$@"
		snapshot "$dir/fbsd/work" >"$dir/fbsd/files"
		same=1
		for f in stdout stderr status files; do
			cmp -s "$dir/native/$f" "$dir/fbsd/$f" || same=0
		done
		retried=" (flaky: passed only on a second run)"
	fi
	if [ $same = 1 ]; then
		echo "PASS: $label$retried"
		pass=$((pass + 1))
	else
		echo "FAIL: $label"
		show_diff stdout stdout
		show_diff stderr stderr
		show_diff "exit status" status
		show_diff "files left" files
		if [ -s "$dir/fbsd/uxrun.log" ]; then
			echo "    uxrun's reports:"
			sed 's/^/      /' "$dir/fbsd/uxrun.log"
		fi
		fail=$((fail + 1))
	fi
done <"$cases"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
