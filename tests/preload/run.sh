#!/bin/sh
# The LD_PRELOAD shim: native programs (bash, sh, env, make, and the small
# C drivers here) with libuxshim.so preloaded start FreeBSD programs as if
# they were native.
#
#   tests/preload/run.sh UXRUN SAMPLES_BIN SHIM DRIVERS_DIR
#
# A "twin" case runs one bash command twice: natively with $T/bin pointing
# at the Linux samples, then with the shim preloaded and $T/bin pointing
# at the FreeBSD builds of the same sources; stdout, stderr and the exit
# status must be the expected ones and equal.  The other cases check the
# command line the shim gives uxrun (through a stand-in uxrun), the
# environment it passes on, errors, and that its ELF reader agrees with
# uxrun --info.  Ends with "N passed, N failed".
set -u
abs() { case $1 in /*) echo "$1" ;; *) echo "$(pwd)/$1" ;; esac; }
U=$(abs "$1") S=$(abs "$2") SHIM=$(abs "$3") D=$(abs "$4")
F=$S/freebsd L=$S/linux
unset LD_PRELOAD UXRUN_PRELOAD_UXRUN
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export T D
mkdir "$T/w"
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() {
	fail=$((fail + 1))
	echo "FAIL $1"
	shift
	for l in "$@"; do [ -n "$l" ] && printf '%s\n' "$l" | sed 's/^/     /'; done
}

# twin NAME STATUS COMMAND
twin() {
	ln -sfn "$L" "$T/bin"
	(cd "$T/w" && bash -c "$3") >"$T/n.out" 2>"$T/n.err" </dev/null
	ns=$?
	ln -sfn "$F" "$T/bin"
	(cd "$T/w" && LD_PRELOAD=$SHIM bash -c "$3") >"$T/g.out" 2>"$T/g.err" </dev/null
	gs=$?
	if [ "$ns" = "$2" ] && [ "$gs" = "$2" ] && [ -s "$T/n.out" -o -s "$T/n.err" ] &&
	    cmp -s "$T/n.out" "$T/g.out" && cmp -s "$T/n.err" "$T/g.err"; then
		ok "$1"
	else
		bad "$1" "status: expected $2, native $ns, preloaded $gs" \
		    "$(diff "$T/n.out" "$T/g.out" | head -n 12)" "$(diff "$T/n.err" "$T/g.err" | head -n 12)"
	fi
}

# check NAME EXPECTED ACTUAL
check() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		bad "$1" "expected: $2" "got:      $3"
	fi
}

# --- from a shell ------------------------------------------------------------
twin "bash runs a FreeBSD program: output and status" 3 'cd "$T/bin" && ./args a "b c" --exit 3'
twin "pipelines: ./hello | wc -l, ./hello | ./cat | ./wc; PIE and dynamic programs" 0 \
    'cd "$T/bin" && ./hello | wc -l && ./hello | ./cat | ./wc && ./hello-pie | ./dyn-wc -l'
twin "bash's PATH search" 0 'PATH="$T/bin:$PATH" args x y'
twin "exec -a: the argv[0] the caller chose" 4 'exec -a renamed "$T/bin/args" q --exit 4'
twin "env -i: bash, env, sh, then the program (the shim passed on)" 0 \
    'env -i PATH="$T/bin:/usr/bin:/bin" UXRUN_TEST_A=1 sh -c "args y; sh -c \"args z\""'
twin "a native shell with a custom environment runs one" 0 \
    'env -i UXRUN_TEST_B=b /bin/sh -c "exec \"\$0\" c" "$T/bin/args"'
printf '#!%s -x  y \n' "$T/bin/args" >"$T/w/script"
chmod 755 "$T/w/script"
twin "a script whose interpreter is a FreeBSD program" 0 './script a b'
twin "... found through PATH, and from sh" 0 'PATH="$T/w:$PATH" sh -c "script c"'
printf 'all:\n\t"$(T)/bin/args" made\n\tcd "$(T)/bin" && ./hello | ./wc\n' >"$T/Makefile"
if command -v make >/dev/null; then
	twin "make runs FreeBSD programs in recipes" 0 'make -s -f "$T/Makefile"'
fi

# --- from native C programs: every entry point --------------------------------
for m in execve execv execvp execvpe fexecve vfork spawn spawnp; do
	twin "$m" 0 '"$D/drive" -e UXRUN_TEST_A=1 '$m' "$T/bin/args" my0 one'
done
for m in execl execlp execle; do
	twin "$m" 0 '"$D/drive" -e UXRUN_TEST_A=1 '$m' "$T/bin/args" a0 a1 a2'
done
for m in execve execle execvpe spawn; do
	twin "$m with an environment without the shim, to a grandchild" 0 \
	    '"$D/drive" -i -e UXRUN_TEST_A=2 -e PATH=/usr/bin:/bin '$m' /bin/sh sh -c "\"$T/bin/args\" g"'
done
twin "large vectors (the shim's own go to an anonymous mapping)" 0 \
    'i=0; while [ $i -lt 1500 ]; do export UXRUN_BIG_$i=$i; i=$((i + 1)); done
    env -u LD_PRELOAD sh -c "\"\$T/bin/args\" \$(seq 1 1500) | wc -l"'
twin "execvp through PATH" 0 'PATH="$T/bin:$PATH" "$D/drive" execvp args args 1'
twin "execlp through PATH, past a directory and a non-executable file" 0 \
    'mkdir -p d1/args d2 && : >d2/args && PATH="$PWD/d1:$PWD/d2:$T/bin" "$D/drive" execlp args p0 p1'
printf 'echo plain script "$@"\n' >"$T/w/plain"
chmod 755 "$T/w/plain"
twin "execvp: a native file without #! goes to /bin/sh, as in glibc" 0 \
    '"$D/drive" execvp ./plain p0 a && PATH="$T/w" "$D/drive" execlp plain p0 b'
twin "posix_spawnp through PATH" 0 'PATH="$T/bin:$PATH" "$D/drive" spawnp args args 2'
twin "execveat relative to a directory" 0 '"$D/drive" execveat "$T/bin" args A0 x'
twin "fexecve and execveat without close-on-exec" 0 \
    '"$D/drive" -k fexecve "$T/bin/args" f0 && "$D/drive" -k execveat "$T/bin" args A0 y'
twin "fexecve and execveat of a script: /dev/fd/N, or ENOENT when close-on-exec, as Linux" 127 \
    '"$D/drive" -k fexecve script f0 a && "$D/drive" -k execveat . script A0 b && "$D/drive" fexecve script f0 c'
twin "posix_spawn after addchdir_np, relative path" 0 '"$D/drive" spawn-chdir "$T/bin" ./args A0 x'
twin "system()" 0 '"$D/drive" system "\"\$T/bin/hello\" | \"\$T/bin/wc\"; exit 5"'
twin "popen() for reading" 0 '"$D/drive" popen "\"\$T/bin/args\" r"'
twin "popen() for writing" 0 '"$D/drive" popen-w "\"\$T/bin/wc\""'
twin "system() after unsetenv(LD_PRELOAD)" 0 '"$D/drive" -u system "\"\$T/bin/args\" s"'
twin "popen() after unsetenv(LD_PRELOAD)" 0 '"$D/drive" -u popen "\"\$T/bin/hello\""'

# --- errors --------------------------------------------------------------------
twin "a missing program: 127, as natively" 127 'cd "$T/bin" && ./nonexistent'
twin "execve of a missing file: ENOENT" 127 '"$D/drive" execve ./nonexistent x'
twin "a program without execute permission: 126" 126 'cp "$T/bin/hello" noexec && chmod 644 noexec && ./noexec'
twin "execvp of a missing file: ENOENT" 127 '"$D/drive" execvp nonexistent-uxshim-test x'

"$D/mkforeign" "$F/hello" "$T/w/netbsd-hello" 2
out=$(cd "$T/w" && LD_PRELOAD=$SHIM bash -c './netbsd-hello' 2>&1)
st=$?
check "a NetBSD program: uxrun's status" 126 "$st"
case $out in
*netbsd-hello*NetBSD*) ok "... and uxrun's message" ;;
*) bad "... and uxrun's message" "$out" ;;
esac
out=$(cd "$T/w" && LD_PRELOAD=$SHIM "$D/drive" spawn ./netbsd-hello x 2>/dev/null)
check "... posix_spawn'd: the child's status is uxrun's" "spawn: exit 126" "$out"
out=$(UXRUN_PRELOAD_UXRUN=$T/none LD_PRELOAD=$SHIM "$D/drive" execve "$F/hello" x 2>&1)
st=$?
check "no uxrun: ENOEXEC and a message" "126|uxshim: cannot start $T/none for $F/hello: ENOENT|execve: ENOEXEC" \
    "$st|$(echo "$out" | paste -sd '|')"

out=$(UXRUN_PRELOAD_UXRUN=$T/none LD_PRELOAD=$SHIM "$D/drive" execvp "$F/hello" x 2>/dev/null)
st=$?
check "... and execvp does not give a foreign file to /bin/sh" "126|" "$st|$out"

# --- what uxrun is given, and what stays native ---------------------------------
printf '#!/bin/sh\necho "fake-uxrun $*"\n' >"$T/fake-uxrun"
chmod 755 "$T/fake-uxrun"
printf '#!%s -x  y \n' "$F/args" >"$T/w/fscript"
chmod 755 "$T/w/fscript"
out=$(cd "$F" && UXRUN_PRELOAD_UXRUN=$T/fake-uxrun LD_PRELOAD=$SHIM bash -c './args a "b c"; exec -a n0 "$0/hello"' "$F")
check "uxrun's command line: --argv0 ARGV0 -- PATH ARGS" \
    "fake-uxrun --argv0 ./args -- ./args a b c
fake-uxrun --argv0 n0 -- $F/hello" "$out"
out=$(cd "$T/w" && UXRUN_PRELOAD_UXRUN=$T/fake-uxrun LD_PRELOAD=$SHIM bash -c './fscript c')
check "... for a script: INTERP ARG SCRIPT ARGS, as Linux" "fake-uxrun --argv0 $F/args -- $F/args -x  y ./fscript c" "$out"
mkdir "$T/pbin" "$T/lib"
ln -s "$T/fake-uxrun" "$T/pbin/uxrun"
out=$(cd "$F" && PATH=$T/pbin:$PATH LD_PRELOAD=$SHIM bash -c './hello')
check "the uxrun beside the shim comes before PATH's" "hello, world" "$out"
cp "$SHIM" "$T/lib/libuxshim.so"
out=$(cd "$F" && PATH=$T/pbin:$PATH LD_PRELOAD=$T/lib/libuxshim.so bash -c './hello')
case $out in
"hello, world") ok "... then the installed uxrun (there is one here, so PATH's is not used)" ;;
*) check "... then the first on PATH" "fake-uxrun --argv0 ./hello -- ./hello" "$out" ;;
esac
want=$("$L/args" n; ls -d /; /bin/sh -c 'echo sh')
out=$(UXRUN_PRELOAD_UXRUN=$T/fake-uxrun LD_PRELOAD=$SHIM bash -c '"$0/args" n; ls -d /; /bin/sh -c "echo sh"' "$L")
check "native programs run natively (ls, sh, a Linux sample)" "$want" "$out"
out=$(cd "$(dirname "$SHIM")" && LD_PRELOAD=./$(basename "$SHIM") bash -c 'cd / && sh -c "\"$0\"/hello"' "$F" 2>&1)
check "a relative LD_PRELOAD still works from another directory" "hello, world" "$out"

# --- dlopen of foreign shared objects ------------------------------------------------
# tests/preload/dlo loads samples/src/libplugin.c's Linux build natively and
# its FreeBSD build with the shim: the same output, from the same calls.
"$D/dlo" "$L/lib/libplugin.so.1" >"$T/n.out" 2>&1
ns=$?
LD_PRELOAD=$SHIM "$D/dlo" "$F/lib/libplugin.so.1" >"$T/g.out" 2>&1
gs=$?
if [ "$ns:$gs" = 0:0 ] && grep -q '^done$' "$T/n.out" && cmp -s "$T/n.out" "$T/g.out"; then
	ok "dlopen of a FreeBSD library: dlsym, TLS, a new thread, a callback, dladdr, dlerror, dlclose"
else
	bad "dlopen of a FreeBSD library: dlsym, TLS, a new thread, a callback, dladdr, dlerror, dlclose" \
	    "status: native $ns, preloaded $gs" "$(diff "$T/n.out" "$T/g.out" | head -n 12)"
fi
LD_PRELOAD=$SHIM "$D/dlo" "$L/lib/libplugin.so.1" >"$T/g.out" 2>&1
check "... and of the Linux one with the shim preloaded, as without" "0|$(cat "$T/n.out")" "$?|$(cat "$T/g.out")"
out=$(LD_PRELOAD=$SHIM "$D/dlo" -bad "$F/lib/libunbound.so.1" 2>&1)
check "an unbindable FreeBSD library: dlopen fails, dlerror names the symbol once, the process goes on" \
    "0|dlopen: failed|dlerror: $(cd "$F/lib" && pwd -P)/libunbound.so.1: Undefined symbol \"uxrun_nowhere\"|dlerror again: (none)|a native dlopen after it: ok" \
    "$?|$(echo "$out" | paste -sd '|')"
out=$(LD_PRELOAD=$SHIM "$D/dlo" -bad "$T/w/netbsd-hello" 2>&1)
check "a NetBSD object: dlopen fails with a message" \
    "0|dlopen: failed|dlerror: $T/w/netbsd-hello: not a FreeBSD x86-64 shared object" \
    "$?|$(echo "$out" | sed -n 1,2p | paste -sd '|')"

# --- the environment passed on ------------------------------------------------------
check "LD_PRELOAD passed on unchanged (no duplicate)" "$SHIM" \
    "$(LD_PRELOAD=$SHIM bash -c 'sh -c "printenv LD_PRELOAD"')"
check "LD_PRELOAD put back into env -i's environment" "$SHIM" \
    "$(LD_PRELOAD=$SHIM env -i /usr/bin/printenv LD_PRELOAD)"
check "LD_PRELOAD: other libraries kept, other copies of the shim replaced" "libm.so.6:$SHIM" \
    "$(LD_PRELOAD=$SHIM env LD_PRELOAD='libm.so.6 elsewhere/libuxshim.so' /usr/bin/printenv LD_PRELOAD)"
check "UXRUN_PRELOAD_UXRUN passed on with the shim" "$U" \
    "$(UXRUN_PRELOAD_UXRUN=$U LD_PRELOAD=$SHIM env -i /usr/bin/printenv UXRUN_PRELOAD_UXRUN)"
check "... and not added when it was not set" "" \
    "$(LD_PRELOAD=$SHIM env -i /usr/bin/printenv UXRUN_PRELOAD_UXRUN)"

# --- the shim's ELF reader against uxrun's ---------------------------------------------
mism=""
for f in "$F"/* "$L"/* "$T/w/netbsd-hello"; do
	[ -f "$f" ] || continue
	want=$("$U" --info "$f" 2>/dev/null | sed -n 's/^os: *//p')
	got=$("$D/probe" "$f")
	got=${got#"$f: "}
	kind=${got##* }
	os=${got% *}
	case $want in
	"$os"*) ;;
	*) mism="$mism $f(uxrun: $want; shim: $os)" ;;
	esac
	case $f:$kind in
	"$F"/*:foreign | "$L"/*:native | */netbsd-hello:foreign) ;;
	*) mism="$mism $f($kind)" ;;
	esac
done
check "the shim's OS test agrees with uxrun --info on every sample" "" "$mism"
check "... and calls the script above a FreeBSD script" "$T/w/fscript: FreeBSD script" "$("$D/probe" "$T/w/fscript")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
