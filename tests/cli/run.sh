#!/bin/sh
# Command-line behaviour: --help, --version, --info, --trace, UXRUN_TRACE,
# and what the guest sees of its own path.
#   run.sh UXRUN SAMPLES_BIN_DIR [GUESTS_BIN_DIR]
set -u
abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename "$1")"); }
UX=$(abs "$1")
S=$(cd "$2" && pwd)
G=$(cd "${3:-$(dirname "$UX")/tests/guests/bin}" && pwd)
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /'; }
check() {	# check NAME STATUS-WANTED PATTERN FILE: status and grep -E pattern
	name=$1 want=$2 pat=$3 file=$4
	if [ "$st" -ne "$want" ]; then bad "$name" "exit status $st, wanted $want"; return; fi
	if ! grep -Eq -- "$pat" "$file"; then bad "$name" "no line matching /$pat/ in: $(head -c 600 "$file")"; return; fi
	ok "$name"
}

"$UX" --help >"$tmp/o" 2>&1; st=$?
check "--help prints usage" 0 '^usage: uxrun' "$tmp/o"
"$UX" --version >"$tmp/o" 2>&1; st=$?
check "--version" 0 '^uxrun [0-9]+\.[0-9]+' "$tmp/o"
"$UX" >"$tmp/o" 2>&1; st=$?
check "no program is a usage error" 2 '^usage:' "$tmp/o"
"$UX" --bogus-option x >"$tmp/o" 2>&1; st=$?
check "unknown option is a usage error" 2 'usage:' "$tmp/o"

"$UX" --info "$S/freebsd/hello" >"$tmp/o" 2>&1; st=$?
check "--info names the OS and version" 0 '^os: +FreeBSD 14\.[0-9]+ \(__FreeBSD_version 14[0-9]{5}\)' "$tmp/o"
check "--info names the type" 0 '^type: +static executable \(ET_EXEC\)' "$tmp/o"
check "--info shows the entry" 0 '^entry: +0x[0-9a-f]+' "$tmp/o"
check "--info shows no interpreter" 0 '^interpreter: +none' "$tmp/o"
check "--info lists a text segment" 0 'LOAD +r-x' "$tmp/o"
"$UX" --info "$S/freebsd/hello-pie" >"$tmp/o" 2>&1; st=$?
check "--info on a static PIE" 0 'static position-independent executable' "$tmp/o"

# --trace: decoded calls, errno names, and the exit.
"$UX" --trace "$S/freebsd/hello" >"$tmp/out" 2>"$tmp/o"; st=$?
check "--trace shows a decoded write" 0 '^\[uxrun [0-9]+\] write\(1, "[^"]*\\n", [0-9]+\) = [0-9]+' "$tmp/o"
check "--trace shows exit" 0 '^\[uxrun [0-9]+\] exit\(0\) = \?' "$tmp/o"
if [ -s "$tmp/out" ] && ! grep -q '\[uxrun' "$tmp/out"; then ok "--trace keeps the guest's stdout clean"; else bad "--trace keeps the guest's stdout clean"; fi
"$UX" --trace "$S/freebsd/cat" /nonexistent/file >/dev/null 2>"$tmp/o"; st=$?
check "--trace shows a FreeBSD errno name" 1 'open(at)?\((AT_FDCWD, )?"/nonexistent/file", O_RDONLY[^)]*\) = -1 ENOENT \(2\)' "$tmp/o"
UXRUN_TRACE=1 "$UX" "$S/freebsd/hello" >/dev/null 2>"$tmp/o"; st=$?
check "UXRUN_TRACE=1 turns tracing on" 0 'exit\(0\)' "$tmp/o"
"$UX" --trace-file="$tmp/t" "$S/freebsd/hello" >/dev/null 2>"$tmp/o"; st=$?
check "--trace-file writes the trace to a file" 0 'write\(1,' "$tmp/t"

# The guest sees its own path: argv[0] as given, AT_EXECPATH absolute.
cp "$S/freebsd/args" "$tmp/args"
(cd "$tmp" && "$UX" ./args one two) >"$tmp/o" 2>&1; st=$?
check "argv[0] is the guest's path" 0 'argv\[0\] *[:=] *"?\./args' "$tmp/o"

cp "$G/execpath" "$tmp/execpath"
(cd "$tmp" && "$UX" ./execpath) >"$tmp/o" 2>&1; st=$?
check "AT_EXECPATH is the guest's absolute path" 0 "^$(cd "$tmp" && pwd -P)/execpath\$" "$tmp/o"

# Edge cases from the hand-written guests (tests/guests).
"$UX" "$G/unimpl" >"$tmp/out" 2>"$tmp/o"; st=$?
check "unimplemented call fails with FreeBSD ENOSYS (78)" 78 'unsupported FreeBSD system call kldload \(304\)' "$tmp/o"
if [ "$(grep -c kldload "$tmp/o")" -eq 1 ]; then ok "unimplemented call reported once"; else bad "unimplemented call reported once" "$(cat "$tmp/o")"; fi
"$UX" "$G/badptr" >"$tmp/out" 2>"$tmp/o"; st=$?
if [ "$st" -eq 14 ] && [ ! -s "$tmp/o" ]; then ok "bad guest pointer gives EFAULT, not a crash"; else bad "bad guest pointer gives EFAULT, not a crash" "status $st: $(cat "$tmp/o")"; fi
"$UX" --trace "$G/hostfd" >"$tmp/out" 2>"$tmp/o"; st=$?
check "uxrun's own descriptors are closed to the guest (EBADF)" 9 'close\([0-9]+\) = -1 EBADF' "$tmp/o"
check "uxrun's log survives the guest's attempt" 9 'write\(1, "still here\\n", 11\)' "$tmp/o"
"$UX" "$G/segv" >"$tmp/out" 2>"$tmp/o"; st=$?
if [ "$st" -eq 139 ] && ! grep -q "internal error" "$tmp/o"; then ok "a guest crash kills it with SIGSEGV, as natively"; else bad "a guest crash kills it with SIGSEGV, as natively" "status $st: $(cat "$tmp/o")"; fi

# Processes (samples/src/proc.c has the differential part): FreeBSD's exec
# limits, what uxrun refuses, and what a FreeBSD program started by a
# guest's execve inherits.
(cd "$tmp" && "$UX" "$S/freebsd/proc" --bsd-only) >"$tmp/out" 2>"$tmp/o"; st=$?
check "execve beyond FreeBSD's ARG_MAX fails with E2BIG" 0 '^execve with 600 KiB of arguments: E2BIG$' "$tmp/out"
check "execve with an empty argv fails with EINVAL" 0 '^execve with no argv\[0\]: EINVAL$' "$tmp/out"
check "rfork(RFMEM) fails with EINVAL" 0 '^rfork\(RFPROC\|RFMEM\): EINVAL$' "$tmp/out"
check "rfork(RFMEM) is reported" 0 'rfork\(RFMEM\).*not supported' "$tmp/o"
check "execve of a native program over guest code fails with ENOEXEC" 0 '^execve of a program over guest code: ENOEXEC$' "$tmp/out"
check "the overlap with trapped guest code is reported" 0 'proc\.tmp\.clash: its segment .* overlaps guest code' "$tmp/o"
# A native program at a fixed address only clashes with code some filter
# traps: this uxrun's, or one it inherited (--trap-ranges), also one
# generation of re-execution later.
(cd "$tmp" && "$UX" "$S/freebsd/proc" --bsd-only 40000000) >"$tmp/out" 2>"$tmp/o"; st=$?
if [ "$st" -eq 0 ] && grep -q '^rfork(RFPROC|RFMEM)' "$tmp/out" && ! grep -q 'over guest code' "$tmp/out"; then
	ok "a native program away from guest code runs"
else
	bad "a native program away from guest code runs" "status $st: $(cat "$tmp/out" "$tmp/o")"
fi
(cd "$tmp" && "$UX" --trap-ranges=40000000-40001000 "$S/freebsd/proc" --bsd-only 40000000) >"$tmp/out" 2>"$tmp/o"; st=$?
check "one over a range an earlier filter traps fails with ENOEXEC" 0 '^execve of a program over guest code: ENOEXEC$' "$tmp/out"
(cd "$tmp" && "$UX" --trap-ranges=40000000-40001000 "$S/freebsd/proc" --reexec --bsd-only 40000000) >"$tmp/out" 2>"$tmp/o"; st=$?
check "and so it does after the guest executed a FreeBSD program" 0 '^execve of a program over guest code: ENOEXEC$' "$tmp/out"
"$UX" --argv0 renamed --trap-ranges=10000-20000,30000-40000 "$S/freebsd/args" one >"$tmp/o" 2>&1; st=$?
check "--argv0 sets the guest's argv[0]" 0 'argv\[0\] *[:=] *"?renamed' "$tmp/o"
"$UX" --trap-ranges=10000 "$S/freebsd/args" >"$tmp/o" 2>&1; st=$?
check "a malformed --trap-ranges is a usage error" 2 'bad --trap-ranges' "$tmp/o"
mkdir "$tmp/proc" && cp -R "$(dirname "$0")/../diff/fixtures/." "$tmp/proc/"
(cd "$tmp/proc" && "$UX" --trace-file="$tmp/t2" "$S/freebsd/proc") >"$tmp/out" 2>"$tmp/o"; st=$?
check "a FreeBSD program exec'd by a guest runs under uxrun" 0 '^  child: argc 4, argv\[0\] renamed, args: \[--child\] \[a b\] \[c\]$' "$tmp/out"
check "and is traced into the same --trace-file" 0 '^\[uxrun [0-9]+\] write\(1, "  child: argc 4, argv\[0\] renamed' "$tmp/t2"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
