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

# Call-site patching (syscalls/patch.h): a system call site that keeps
# trapping is rewritten into a direct call; the program cannot tell.
(cd "$tmp" && "$UX" --trace --patch=1 "$S/freebsd/fileio") >"$tmp/p1" 2>"$tmp/o"; st=$?
check "--patch=1: a call site is patched at its first trap" 0 'call site 0x[0-9a-f]+ \([a-z_0-9]+\) patched' "$tmp/o"
(cd "$tmp" && "$UX" --trace --patch=off "$S/freebsd/fileio") >"$tmp/p2" 2>"$tmp/o"; st=$?
if [ "$st" -eq 0 ] && ! grep -q 'call site' "$tmp/o" && cmp -s "$tmp/p1" "$tmp/p2"; then
	ok "--patch=off: nothing is patched, and the output is the same"
else
	bad "--patch=off: nothing is patched, and the output is the same" "status $st: $(grep 'call site' "$tmp/o")"
fi
"$UX" --patch=sometimes "$S/freebsd/hello" >"$tmp/o" 2>&1; st=$?
check "--patch takes off or a number" 2 'patch takes off or a number' "$tmp/o"

# Processes (samples/src/proc.c has the differential part): FreeBSD's exec
# limits, what uxrun refuses, and what a FreeBSD program started by a
# guest's execve inherits.
# Under Syscall User Dispatch (the default) a native program may sit where
# the guest's code was: nothing of the trap survives execve.
(cd "$tmp" && "$UX" --trap=sud "$S/freebsd/proc" --bsd-only) >"$tmp/out" 2>"$tmp/o"; st=$?
if [ "$st" -eq 0 ] && grep -q '^rfork(RFPROC|RFMEM)' "$tmp/out" && ! grep -q 'over guest code' "$tmp/out" "$tmp/o"; then
	ok "sud: a native program placed over the guest's code runs"
else
	bad "sud: a native program placed over the guest's code runs" "status $st: $(cat "$tmp/out" "$tmp/o")"
fi
# The seccomp backend's filter survives execve: such a program would trap
# with no handler, so uxrun --native starts it and makes its trapped calls.
ran_native() {	# ran_native NAME: the clash program ran (exit 0, no refusal)
	if [ "$st" -eq 0 ] && grep -q '^rfork(RFPROC|RFMEM)' "$tmp/out" &&
	    ! grep -q 'over guest code' "$tmp/out" "$tmp/o"; then
		ok "$1"
	else
		bad "$1" "status $st: $(cat "$tmp/out" "$tmp/o")"
	fi
}
export UXRUN_TRAP=seccomp
(cd "$tmp" && "$UX" "$S/freebsd/proc" --bsd-only) >"$tmp/out" 2>"$tmp/o"; st=$?
check "execve beyond FreeBSD's ARG_MAX fails with E2BIG" 0 '^execve with 600 KiB of arguments: E2BIG$' "$tmp/out"
check "execve with an empty argv fails with EINVAL" 0 '^execve with no argv\[0\]: EINVAL$' "$tmp/out"
check "rfork(RFMEM) fails with EINVAL" 0 '^rfork\(RFPROC\|RFMEM\): EINVAL$' "$tmp/out"
check "rfork(RFMEM) is reported" 0 'rfork\(RFMEM\).*not supported' "$tmp/o"
ran_native "seccomp: a native program placed over the guest's code runs (uxrun --native)"
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
ran_native "seccomp: so does one over a range an earlier filter traps"
(cd "$tmp" && "$UX" --trap-ranges=40000000-40001000 "$S/freebsd/proc" --reexec --bsd-only 40000000) >"$tmp/out" 2>"$tmp/o"; st=$?
ran_native "seccomp: and after the guest executed a FreeBSD program"
# A Go program (threads, signals, its own sigaltstacks) at 0x400000, where
# the FreeBSD Go sample sits too.
if command -v gofmt >/dev/null; then
	"$UX" "$S/freebsd/go-exec" >"$tmp/out" 2>"$tmp/o"; st=$?
	check "seccomp: native gofmt over a Go guest's code runs" 0 '^native gofmt: "package p.*<nil>$' "$tmp/out"
fi
unset UXRUN_TRAP
"$UX" --argv0 renamed --trap-ranges=10000-20000,30000-40000 "$S/freebsd/args" one >"$tmp/o" 2>&1; st=$?
check "--argv0 sets the guest's argv[0]" 0 'argv\[0\] *[:=] *"?renamed' "$tmp/o"
"$UX" --trap-ranges=10000 "$S/freebsd/args" >"$tmp/o" 2>&1; st=$?
check "a malformed --trap-ranges is a usage error" 2 'bad --trap-ranges' "$tmp/o"
mkdir "$tmp/proc" && cp -R "$(dirname "$0")/../diff/fixtures/." "$tmp/proc/"
(cd "$tmp/proc" && "$UX" --trace-file="$tmp/t2" "$S/freebsd/proc") >"$tmp/out" 2>"$tmp/o"; st=$?
check "a FreeBSD program exec'd by a guest runs under uxrun" 0 '^  child: argc 4, argv\[0\] renamed, args: \[--child\] \[a b\] \[c\]$' "$tmp/out"
check "and is traced into the same --trace-file" 0 '^\[uxrun [0-9]+\] write\(1, "  child: argc 4, argv\[0\] renamed' "$tmp/t2"

# Threads (samples/src/threads.c has the differential part): FreeBSD's own
# answers from thr_*, _umtx_op, cpuset_* and sched_*.
"$UX" "$S/freebsd/threads" --bsd-only >"$tmp/out" 2>"$tmp/o"; st=$?
check "thr_self gives an id above PID_MAX" 0 '^thr_self: above PID_MAX$' "$tmp/out"
check "thr_kill of an unknown thread fails with ESRCH" 0 '^thr_kill\(unknown, 0\): ESRCH$' "$tmp/out"
check "thr_kill(-1) with no other thread fails with ESRCH" 0 '^thr_kill\(-1, 0\) alone: ESRCH$' "$tmp/out"
check "thr_new refuses a param_size larger than thr_param" 0 '^thr_new with a larger param_size: EINVAL$' "$tmp/out"
check "thr_suspend returns at once after thr_wake of itself" 0 '^thr_suspend after thr_wake: 0$' "$tmp/out"
check "thr_suspend times out with ETIMEDOUT" 0 '^thr_suspend\(10 ms\): ETIMEDOUT$' "$tmp/out"
check "thr_set_name of an unknown thread fails with ESRCH" 0 '^thr_set_name\(unknown\): ESRCH$' "$tmp/out"
check "_umtx_op with an unknown operation fails with EINVAL" 0 '^_umtx_op\(99\): EINVAL$' "$tmp/out"
check "_umtx_op reports the unknown operation" 0 'unsupported FreeBSD _umtx_op operation' "$tmp/o"
check "UMTX_OP_WAIT compares all 64 bits" 0 '^WAIT, high half differs: 0$' "$tmp/out"
check "UMTX_OP_WAIT with a passed absolute deadline times out" 0 '^WAIT, absolute monotonic deadline passed: ETIMEDOUT$' "$tmp/out"
check "UMTX_OP_WAIT_UINT_PRIVATE is woken by another thread" 0 '^WAIT_UINT_PRIVATE woken by another thread: 0, word 1$' "$tmp/out"
check "UMTX_OP_MUTEX_LOCK stores the FreeBSD thread id" 0 '^MUTEX_LOCK: 0, owner is self: yes$' "$tmp/out"
check "UMTX_OP_MUTEX_UNLOCK of a mutex not held fails with EPERM" 0 '^MUTEX_UNLOCK, not owned: EPERM$' "$tmp/out"
check "UMTX_OP_MUTEX_LOCK on a bad pointer fails with EFAULT" 0 '^MUTEX_LOCK on NULL: EFAULT$' "$tmp/out"
check "UMTX_OP_RW_WRLOCK sets URWLOCK_WRITE_OWNER" 0 '^RW_WRLOCK: 0, state 0x80000000$' "$tmp/out"
check "cpuset_getaffinity with too small a set fails with ERANGE" 0 '^cpuset_getaffinity, size 0: ERANGE$' "$tmp/out"
check "cpuset_getaffinity zeroes a larger set's tail" 0 '^cpuset_getaffinity, 256 bytes: 0, tail zeroed: yes$' "$tmp/out"
check "cpuset_setaffinity with an empty mask fails with EDEADLK" 0 '^cpuset_setaffinity, empty mask: EDEADLK$' "$tmp/out"
check "FreeBSD's priority ranges" 0 '^sched_get_priority_max: FIFO 31, RR 31, OTHER 135$' "$tmp/out"
check "sched_getscheduler gives FreeBSD's SCHED_OTHER (2)" 0 '^sched_getscheduler\(0\): 2$' "$tmp/out"
check "thr_exit of the last thread returns" 0 '^thr_exit of the only thread: returned$' "$tmp/out"

# AT_TIMEKEEP: Go reads the clocks from the page, not with clock_gettime,
# when Linux keeps time with an invariant TSC (else the page stays off).
# go-clock reads them some million times and makes 24 calls of its own.
if [ "$(cat /sys/devices/system/clocksource/clocksource0/current_clocksource 2>/dev/null)" = tsc ] &&
    grep -qw constant_tsc /proc/cpuinfo && grep -qw nonstop_tsc /proc/cpuinfo; then
	(cd "$tmp" && "$UX" --trace-file="$tmp/tk" "$S/freebsd/go-clock") >"$tmp/out" 2>"$tmp/o"; st=$?
	n=$(grep -c '\] clock_gettime(' "$tmp/tk")
	if [ "$st" -eq 0 ] && [ "$n" -lt 100 ]; then
		ok "Go reads the clocks from AT_TIMEKEEP ($n clock_gettime calls)"
	else
		bad "Go reads the clocks from AT_TIMEKEEP" "status $st, $n clock_gettime calls: $(cat "$tmp/o")"
	fi
else
	ok "Go reads the clocks from AT_TIMEKEEP (skipped: Linux does not keep time with an invariant TSC)"
fi

# Dynamically linked FreeBSD programs: uxrun's runtime linker (loader/rtld*.c).
# dyn-demo needs libdemo.so.1 (DT_RUNPATH $ORIGIN/lib, then the build tree).
"$UX" --ldd "$S/freebsd/dyn-demo" >"$tmp/out" 2>"$tmp/o"; st=$?
check "--ldd names a library found on disk" 0 "^	libdemo\.so\.1 => $S/freebsd/lib/libdemo\.so\.1\$" "$tmp/out"
check "--ldd names a libshim library" 0 '^	libc\.so\.7 => libshim libc\.so\.7 \(built into uxrun\)$' "$tmp/out"
mkdir -p "$tmp/origin/lib" "$tmp/llp"
cp "$S/freebsd/dyn-demo" "$tmp/origin/" && cp "$S/freebsd/lib/libdemo.so.1" "$tmp/origin/lib/" &&
    cp "$S/freebsd/lib/libdemo.so.1" "$tmp/llp/"
"$UX" --ldd "$tmp/origin/dyn-demo" >"$tmp/out" 2>"$tmp/o"; st=$?
check "DT_RUNPATH \$ORIGIN/lib is searched" 0 "^	libdemo\.so\.1 => $(cd "$tmp" && pwd -P)/origin/lib/libdemo\.so\.1\$" "$tmp/out"
"$UX" "$tmp/origin/dyn-demo" >"$tmp/out" 2>"$tmp/o"; st=$?
check "a program runs with its library from \$ORIGIN" 0 '^TLS: the library counted 10 11, the program sees 12' "$tmp/out"
LD_LIBRARY_PATH="$tmp/llp" "$UX" --ldd "$S/freebsd/dyn-demo" >"$tmp/out" 2>"$tmp/o"; st=$?
check "LD_LIBRARY_PATH comes before DT_RUNPATH" 0 "^	libdemo\.so\.1 => $(cd "$tmp" && pwd -P)/llp/libdemo\.so\.1\$" "$tmp/out"
"$UX" "$S/freebsd/dyn-missing" >"$tmp/out" 2>"$tmp/o"; st=$?
check "a missing library: status 127 and its name" 127 '^uxrun: Shared object "libuxrun-nowhere\.so\.1" not found, required by "dyn-missing"$' "$tmp/o"
"$UX" --ldd "$S/freebsd/dyn-missing" >"$tmp/out" 2>"$tmp/o"; st=$?
check "--ldd shows a missing library (status 1)" 1 '^	libuxrun-nowhere\.so\.1 => not found \(required by dyn-missing\)$' "$tmp/out"
"$UX" "$S/freebsd/dyn-unbound" >"$tmp/out" 2>"$tmp/o"; st=$?
check "an unbound function nobody calls does not stop the program" 0 '^dyn-unbound: running$' "$tmp/out"
"$UX" "$S/freebsd/dyn-unbound" call >"$tmp/out" 2>"$tmp/o"; st=$?
check "calling an unbound function: status 127, name and version" 127 '^uxrun: dyn-unbound: undefined symbol "demo_gone@DEMO_1\.1" \(function, called\)$' "$tmp/o"
check "what the program printed before the call is kept" 127 '^dyn-unbound: running$' "$tmp/out"
"$UX" "$S/freebsd/dyn-unbound-data" >"$tmp/out" 2>"$tmp/o"; st=$?
check "an unbound data symbol is refused at load (127)" 127 '^uxrun: dyn-unbound-data: undefined symbol "demo_gone_data@DEMO_1\.1" \(data, needed at load\)$' "$tmp/o"
if [ -s "$tmp/out" ]; then bad "nothing of the program runs when data is unbound" "$(cat "$tmp/out")"; else ok "nothing of the program runs when data is unbound"; fi
"$UX" --ldd "$S/freebsd/dyn-unbound-data" >"$tmp/out" 2>"$tmp/o"; st=$?
check "--ldd lists an unbound function (status 1)" 1 '^	demo_gone@DEMO_1\.1 \(function, required by dyn-unbound-data from libdemo\.so\.1\)$' "$tmp/out"
check "--ldd lists unbound data" 1 '^	demo_gone_data@DEMO_1\.1 \(data, required by dyn-unbound-data from libdemo\.so\.1\)$' "$tmp/out"
"$UX" --ldd "$S/freebsd/hello" >"$tmp/out" 2>"$tmp/o"; st=$?
check "--ldd on a static program" 1 'not a dynamic executable$' "$tmp/out"
"$UX" --trace "$S/freebsd/dyn-demo" >"$tmp/out" 2>"$tmp/o"; st=$?
check "--trace shows what each needed object resolved to" 0 "^\[uxrun [0-9]+\] rtld: libdemo\.so\.1 => $S/freebsd/lib/libdemo\.so\.1 at 0x[0-9a-f]+\$" "$tmp/o"

# dlopen (samples/src/dyn-dlopen.c): a name found through LD_LIBRARY_PATH,
# libplugin.so.1 through the program's $ORIGIN, and --ldd on a library.
mkdir -p "$tmp/llp2" "$tmp/dlorigin/lib" &&
cp "$S/freebsd/lib/libplugin.so.1" "$tmp/llp2/libplugin-alt.so.1" &&
cp "$S/freebsd/dyn-dlopen" "$tmp/dlorigin/" && cp "$S/freebsd/lib/libplugin.so.1" "$tmp/dlorigin/lib/"
LD_LIBRARY_PATH="$tmp/llp2" "$UX" "$S/freebsd/dyn-dlopen" libplugin-alt.so.1 >"$tmp/out" 2>"$tmp/o"; st=$?
check "dlopen finds a name along LD_LIBRARY_PATH" 0 '^libplugin-alt\.so\.1: loaded, plugin_add\(20, 22\) = 42$' "$tmp/out"
"$UX" --trace "$tmp/dlorigin/dyn-dlopen" >"$tmp/out" 2>"$tmp/o"; st=$?
check "dlopen finds a name through the program's \$ORIGIN" 0 "rtld: dlopen: libplugin\.so\.1 => $tmp/dlorigin/lib/libplugin\.so\.1\$" "$tmp/o"
check "dlopen loads the library's own needs (libm.so.5) at run time" 0 'rtld: dlopen: libm\.so\.5 => libshim$' "$tmp/o"
check "dlclose unloads it" 0 "rtld: dlclose: unloading $tmp/dlorigin/lib/libplugin\.so\.1\$" "$tmp/o"
"$UX" --ldd "$S/freebsd/lib/libplugin.so.1" >"$tmp/out" 2>"$tmp/o"; st=$?
check "--ldd on a shared object" 1 '^.*libplugin\.so\.1 \(shared object\):$' "$tmp/out"
check "--ldd on a shared object: what it needs" 1 '^	libm\.so\.5 => libshim libm\.so\.5 \(built into uxrun\)$' "$tmp/out"
check "--ldd on a shared object: what the loading program must define" 1 '^	plugin_host_value \(data, required by libplugin\.so\.1\)$' "$tmp/out"

# libc.so.7's FreeBSD-only answers (samples/src/dyn-bsd.c): no native twin
# says these.
"$UX" "$S/freebsd/dyn-bsd" >"$tmp/out" 2>"$tmp/o"; st=$?
check "uname through __xuname(256): FreeBSD's sysname" 7 '^sysname FreeBSD$' "$tmp/out"
check "uname: release and machine" 7 '^machine amd64$' "$tmp/out"
check "uname: the version's newlines become spaces" 7 '^version has no newline: yes$' "$tmp/out"
check "sysconf(_SC_CLK_TCK) and CLOCKS_PER_SEC are 128" 7 '^CLK_TCK 128 CLOCKS_PER_SEC 128 pagesize 4096$' "$tmp/out"
check "an unknown sysconf name is -1" 7 '^sysconf\(9999\) -1$' "$tmp/out"
check "nl_langinfo(CODESET) in C is US-ASCII" 7 '^CODESET in C: US-ASCII$' "$tmp/out"
check "a mixed LC_ALL reads collate/ctype/monetary/numeric/time/messages" 7 '^mixed LC_ALL: C/C/C/C\.UTF-8/C/C$' "$tmp/out"
check "setlocale takes the mixed form; MB_CUR_MAX 4 in UTF-8" 7 '^LC_CTYPE from a mixed name: C\.UTF-8, MB_CUR_MAX 4$' "$tmp/out"
check "strftime's %+ and %v" 7 '^strftime %\+\|%v: Tue Nov 14 22:13:20 [A-Z]+ 2023\|14-Nov-2023$' "$tmp/out"
check "regerror in FreeBSD's words" 7 '^regerror [0-9]+: (invalid regular expression|brackets \(\[ \]\) not balanced)$' "$tmp/out"
check "regerror REG_ITOA" 7 '^REG_ITOA: REG_NOMATCH$' "$tmp/out"
check "errc: the code it is given, and the exit status" 7 '^dyn-bsd: errc with code 2: No such file or directory$' "$tmp/o"
"$UX" "$S/freebsd/dyn-bsd" getopt -x --alp --need >"$tmp/out" 2>"$tmp/o"; st=$?
check "getopt_long: FreeBSD's message for a bad short option" 0 '^dyn-bsd: invalid option -- x$' "$tmp/o"
check "getopt_long: an ambiguous abbreviation" 0 "^dyn-bsd: option \`--alp' is ambiguous\$" "$tmp/o"
check "getopt_long: a missing argument" 0 "^dyn-bsd: option \`--need' requires an argument\$" "$tmp/o"
check "getopt (BSD): illegal option, and no permuting" 0 '^dyn-bsd: illegal option -- x$' "$tmp/o"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
