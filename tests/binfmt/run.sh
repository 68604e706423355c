#!/bin/sh
# binfmt_misc: with uxrun registered, FreeBSD programs run directly, from a
# shell and from a native program's execve, seeing the argv[0] their
# caller chose, exactly as their native Linux twins do.  The registration
# is a test-only one (uxrun-test-PID-*) of this build tree's uxrun, so no
# system-wide installation is used or touched, and it is removed whatever
# happens.  Checks that need root and binfmt_misc are skipped without them.
#   run.sh UXRUN SAMPLES_BIN_DIR
set -u
abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd -P)" "$(basename "$1")"); }
UX=$(abs "$1")
S=$(cd "$2" && pwd)
B=$(dirname "$UX")
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
NAME=uxrun-test-$$
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'binfmt_down "$NAME"; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP

ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /'; }
# check NAME WANTED-STATUS PATTERN FILE: the status and a grep -E pattern
check() {
	if [ "$st" -ne "$2" ]; then bad "$1" "exit status $st, wanted $2: $(head -c 600 "$4")"; return; fi
	if ! grep -Eq -- "$3" "$4"; then bad "$1" "no line matching /$3/ in: $(head -c 600 "$4")"; return; fi
	ok "$1"
}
# same NAME FILE1 FILE2
same() {
	if cmp -s "$2" "$3"; then ok "$1"; else bad "$1" "$(diff "$2" "$3" | head -20)"; fi
}
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
# by_uxrun FILE: whether FILE, run directly, went through uxrun (it leaves a
# trace).  Linux ignores EI_OSABI, so a FreeBSD program no entry catches
# runs as a Linux one and dies: that runs as nobody, in a scratch
# directory, for a few seconds at most.
by_uxrun() {
	rm -rf "$tmp/scratch"
	mkdir "$tmp/scratch" && cp "$1" "$tmp/scratch/prog" && chown -R 65534 "$tmp/scratch"
	# ": " keeps the subshell waiting, so that it, not this shell, reports a
	# crash (to /dev/null).
	(cd "$tmp/scratch" && UXRUN_TRACE=1 UXRUN_LOG="$tmp/scratch/trace" timeout 5 \
	    setpriv --reuid=65534 --regid=65534 --clear-groups ./prog z; :) >/dev/null 2>&1
	[ -s "$tmp/scratch/trace" ]
}

# --- without root: the shipped rule files are the ones uxrun registers -----
"$UX" --help >"$tmp/o" 2>&1; st=$?
check "--help lists --install-binfmt" 0 '--install-binfmt' "$tmp/o"
"$UX" --binfmt-rules >"$tmp/rules" 2>&1; st=$?
check "--binfmt-rules prints the FreeBSD entry" 0 "^:uxrun-freebsd:M:0:.*:$UX:P\$" "$tmp/rules"
# The systemd-binfmt file: the same lines, naming the installed uxrun.
conf=$B/binfmt/uxrun.conf
if [ -f "$conf" ]; then
	inst=$(grep -v '^#' "$conf" | head -n 1 | awk -F: '{ print $7 }')
	grep -v '^#' "$tmp/rules" | awk -F: -v i="$inst" 'BEGIN { OFS = ":" } { $7 = i; print }' >"$tmp/want.conf"
	grep -v '^#' "$conf" >"$tmp/got.conf"
	same "binfmt/uxrun.conf holds the entries --install-binfmt registers" "$tmp/want.conf" "$tmp/got.conf"
	# binfmt-support's files: one per entry, the same fields.
	for os in freebsd netbsd openbsd; do
		f=$B/binfmt/uxrun-$os
		grep "^:uxrun-$os:" "$tmp/want.conf" | awk -F: '{ printf "package uxrun\ninterpreter %s\nmagic %s\nmask %s\noffset %s\ncredentials no\npreserve yes\nfix_binary no\n", $7, $5, $6, $4 }' >"$tmp/want.$os"
		same "binfmt/uxrun-$os (update-binfmts --import) matches" "$tmp/want.$os" "$f"
	done
	if grep -v '^#' "$conf" | awk -F: '$8 ~ /[CFO]/' | grep -q .; then
		bad "binfmt/uxrun.conf uses neither C nor O nor F" "$(cat "$conf")"
	else
		ok "binfmt/uxrun.conf uses neither C nor O nor F"
	fi
else
	bad "binfmt/uxrun.conf is built" "no $conf"
fi

# --- refusals ---------------------------------------------------------------
if [ "$(id -u)" -ne 0 ]; then
	"$UX" --install-binfmt="$NAME" >"$tmp/o" 2>&1; st=$?
	check "--install-binfmt refuses without root" 1 'needs root' "$tmp/o"
elif command -v setpriv >/dev/null 2>&1; then
	as_nobody "$UX" --install-binfmt="$NAME" >"$tmp/o" 2>&1; st=$?
	check "--install-binfmt refuses without root" 1 'needs root' "$tmp/o"
	as_nobody "$UX" --uninstall-binfmt="$NAME" >"$tmp/o" 2>&1; st=$?
	check "--uninstall-binfmt refuses without root" 1 'needs root' "$tmp/o"
fi
"$UX" --install-binfmt=bad/name >"$tmp/o" 2>&1; st=$?
check "--install-binfmt refuses a name with a slash" 1 'cannot name' "$tmp/o"
# Not mounted: an empty file system over binfmt_misc, in a mount namespace
# of its own.
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null 2>&1 &&
    unshare -m sh -c "mount -t tmpfs -o size=4k none '$BINFMT_DIR'" 2>/dev/null; then
	unshare -m sh -c "mount -t tmpfs -o size=4k none '$BINFMT_DIR' && exec '$UX' --binfmt-status" >"$tmp/o" 2>&1; st=$?
	check "--binfmt-status says when binfmt_misc is not mounted" 1 'binfmt_misc is not mounted' "$tmp/o"
	unshare -m sh -c "mount -t tmpfs -o size=4k none '$BINFMT_DIR' && exec '$UX' --install-binfmt='$NAME'" >"$tmp/o" 2>&1; st=$?
	check "--install-binfmt says when binfmt_misc is not mounted" 1 'binfmt_misc is not mounted' "$tmp/o"
fi

# --- with root and binfmt_misc ---------------------------------------------
others_before=$(ls "$BINFMT_DIR" 2>/dev/null | grep -vx -e register -e status | grep -v "^$NAME-" | grep -v '^uxrun-\(test\|gostd\)-' | sort)
if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: registration and direct runs: not root"
	skip=$((skip + 1))
elif ! binfmt_up "$UX" "$NAME"; then
	echo "SKIP: registration and direct runs: $binfmt_why"
	skip=$((skip + 1))
else
	echo "$binfmt_out" >"$tmp/o"; st=0
	check "--install-binfmt registers the FreeBSD entry" 0 "^registered $NAME-freebsd: FreeBSD" "$tmp/o"
	kernel_p=$(uname -r | awk -F. '{ print ($1 > 5 || ($1 == 5 && $2 >= 12)) ? "P" : "" }')
	for os in freebsd netbsd openbsd; do
		e=$BINFMT_DIR/$NAME-$os
		want=$(grep "^:uxrun-$os:" "$tmp/rules" | awk -F: '{ gsub(/\\x/, "", $5); gsub(/\\x/, "", $6); print "magic " $5 "\nmask " $6 }')
		if [ ! -f "$e" ]; then bad "$NAME-$os is registered" "no $e"; continue; fi
		if [ "$(grep -E '^(magic|mask) ' "$e")" = "$want" ] && grep -qx "interpreter $UX" "$e" &&
		    grep -qx enabled "$e"; then
			ok "$NAME-$os: enabled, this uxrun, the magic and mask of --binfmt-rules"
		else
			bad "$NAME-$os: enabled, this uxrun, the magic and mask of --binfmt-rules" "$(cat "$e")"
		fi
		cp "$e" "$tmp/entry.$os"
		if grep -qx "flags: $kernel_p" "$e"; then ok "$NAME-$os: flags '$kernel_p', never C"; else bad "$NAME-$os: flags '$kernel_p', never C" "$(cat "$e")"; fi
	done
	"$UX" --binfmt-status >"$tmp/o" 2>&1; st=$?
	check "--binfmt-status lists the entry" 0 "^$NAME-freebsd: enabled, FreeBSD ELF \\(EI_OSABI 9\\), interpreter $UX" "$tmp/o"

	mkdir "$tmp/fb" "$tmp/lx"
	cp "$S/freebsd/args" "$tmp/fb/args"
	cp "$S/linux/args" "$tmp/lx/args"
	# twin NAME CMD...: runs CMD in fb/ (FreeBSD) and lx/ (Linux); same
	# output and status.  Leaves the FreeBSD run in $tmp/out.fb, $st.
	twin() {
		n=$1; shift
		(cd "$tmp/lx" && "$@") >"$tmp/out.lx" 2>&1; stl=$?
		(cd "$tmp/fb" && "$@") >"$tmp/out.fb" 2>&1; st=$?
		if [ "$st" -ne "$stl" ]; then bad "$n" "status $st, natively $stl: $(head -c 400 "$tmp/out.fb")"; return; fi
		same "$n" "$tmp/out.lx" "$tmp/out.fb"
	}
	twin "./args from a shell: argv, status, as natively" sh -c './args one "two words" --exit 7'
	check "./args from a shell: argv[0] is ./args, status 7" 7 '^argv\[0\]=\./args$' "$tmp/out.fb"
	twin "args found on PATH by a shell" sh -c 'PATH=$(pwd):$PATH; args x'
	check "args on PATH: argv[0] is args" 0 '^argv\[0\]=args$' "$tmp/out.fb"
	twin "a native program's execve with its own argv[0]" perl -e 'exec { "./args" } "chosen-argv0", "x", "--exit", "3"'
	check "execve: argv[0] is the caller's, status 3" 3 '^argv\[0\]=chosen-argv0$' "$tmp/out.fb"
	twin "an argument that looks like a uxrun option reaches the program" sh -c './args --trace --help'
	(cd "$tmp/fb" && env -i UXRUN_TEST_B=set ./args) >"$tmp/out.fb" 2>&1; st=$?
	check "the environment reaches the program" 0 '^getenv\(UXRUN_TEST_B\)=set$' "$tmp/out.fb"
	if [ -x "$B/tests/guests/bin/execpath" ]; then
		cp "$B/tests/guests/bin/execpath" "$tmp/fb/execpath"
		(cd "$tmp/fb" && ./execpath) >"$tmp/o" 2>&1; st=$?
		check "AT_EXECPATH is absolute when started by the kernel" 0 "^$(cd "$tmp/fb" && pwd -P)/execpath\$" "$tmp/o"
	fi
	"$S/freebsd/go-goroutines" >"$tmp/o" 2>&1; st=$?
	"$S/linux/go-goroutines" >"$tmp/o.lx" 2>&1
	[ $st -eq 0 ] && same "a Go FreeBSD program runs directly" "$tmp/o.lx" "$tmp/o" ||
	    bad "a Go FreeBSD program runs directly" "status $st: $(head -c 400 "$tmp/o")"
	esb=$B/tests/npm/pkgs/node_modules/@esbuild
	if [ -x "$esb/freebsd-x64/bin/esbuild" ] && [ -x "$esb/linux-x64/bin/esbuild" ]; then
		"$esb/freebsd-x64/bin/esbuild" --version >"$tmp/o" 2>&1; st=$?
		"$esb/linux-x64/bin/esbuild" --version >"$tmp/o.lx" 2>&1
		[ $st -eq 0 ] && same "npm's FreeBSD esbuild runs directly" "$tmp/o.lx" "$tmp/o" ||
		    bad "npm's FreeBSD esbuild runs directly" "status $st: $(head -c 400 "$tmp/o")"
	fi

	# The NetBSD and OpenBSD entries hand EI_OSABI 2 and 12 to uxrun (which
	# goes by the FreeBSD note here); EI_OSABI 0 is nobody's.
	for x in netbsd:2 openbsd:12; do
		cp "$S/freebsd/args" "$tmp/fb/osabi"
		printf "\\$(printf %03o "${x#*:}")" | dd of="$tmp/fb/osabi" bs=1 seek=7 conv=notrunc 2>/dev/null
		(cd "$tmp/fb" && ./osabi z) >"$tmp/o" 2>&1; st=$?
		check "the ${x%:*} entry takes EI_OSABI ${x#*:}" 0 '^argv\[1\]=z$' "$tmp/o"
	done
	if command -v setpriv >/dev/null 2>&1; then
		chmod 755 "$tmp"
		printf '\000' | dd of="$tmp/fb/osabi" bs=1 seek=7 conv=notrunc 2>/dev/null
		by_uxrun "$tmp/fb/args" && ok "(control) a run through uxrun is seen as such" ||
		    bad "(control) a run through uxrun is seen as such"
		by_uxrun "$tmp/fb/osabi" && bad "EI_OSABI 0 is not handed to uxrun" || ok "EI_OSABI 0 is not handed to uxrun"
	fi

	# No C flag: a setuid-root FreeBSD program run by nobody runs as nobody.
	# The native twin shows that setuid works in this directory.
	if command -v setpriv >/dev/null 2>&1; then
		mkdir -p "$tmp/suid" "$tmp/w/src"
		echo data >"$tmp/w/src/f"
		cp "$S/linux/cptree" "$tmp/suid/native"
		cp "$S/freebsd/cptree" "$tmp/suid/fbsd"
		chmod 4755 "$tmp/suid/native" "$tmp/suid/fbsd"
		chown -R 65534 "$tmp/w"
		(cd "$tmp/w" && as_nobody "$tmp/suid/native" src copy.native) >"$tmp/o" 2>&1
		if [ "$(stat -c %u "$tmp/w/copy.native" 2>/dev/null)" != 0 ]; then
			echo "(setuid does not take effect in $tmp: the no-C check says nothing here)"
		else
			(cd "$tmp/w" && as_nobody "$tmp/suid/fbsd" src copy.fbsd) >"$tmp/o" 2>&1; st=$?
			u=$(stat -c %u "$tmp/w/copy.fbsd" 2>/dev/null)
			[ $st -eq 0 ] && [ "$u" = 65534 ] && ok "a setuid FreeBSD program runs with its caller's rights" ||
			    bad "a setuid FreeBSD program runs with its caller's rights" "status $st, copy owned by ${u:-nobody?}: $(cat "$tmp/o")"
		fi
	fi

	"$UX" --uninstall-binfmt="$NAME" >"$tmp/o" 2>&1; st=$?
	check "--uninstall-binfmt removes the entries" 0 "^removed $NAME-openbsd\$" "$tmp/o"
	if ls "$BINFMT_DIR" | grep -q "^$NAME-"; then bad "no entry is left" "$(ls "$BINFMT_DIR")"; else ok "no entry is left"; fi
	# Unless some other entry (a system-wide uxrun) takes FreeBSD programs.
	if grep -qs '^magic 7f454c4602010109' "$BINFMT_DIR"/*; then
		echo "(another binfmt_misc entry takes FreeBSD programs: not checking that they fail without ours)"
	elif command -v setpriv >/dev/null 2>&1; then
		by_uxrun "$tmp/fb/args" && bad "unregistered: ./args no longer goes to uxrun" ||
		    ok "unregistered: ./args no longer goes to uxrun"
	fi
	"$UX" --uninstall-binfmt="$NAME" >"$tmp/o" 2>&1; st=$?
	check "--uninstall-binfmt again: nothing to remove" 0 'nothing to remove' "$tmp/o"
	"$UX" --binfmt-status >"$tmp/o" 2>&1; st=$?
	if grep -q "^$NAME-" "$tmp/o"; then bad "--binfmt-status no longer lists it" "$(cat "$tmp/o")"; else ok "--binfmt-status no longer lists it"; fi
	# systemd-binfmt reads binfmt/uxrun.conf (names and interpreter made the
	# test's) into the same entries.
	sdb=/lib/systemd/systemd-binfmt
	if [ -x "$sdb" ] && [ -n "$kernel_p" ] && [ -f "$conf" ]; then
		awk -F: -v n="$NAME" -v i="$UX" 'BEGIN { OFS = ":" } /^:/ { sub(/^uxrun/, n, $2); $7 = i } { print }' "$conf" >"$tmp/test.conf"
		"$sdb" "$tmp/test.conf" >"$tmp/o" 2>&1; st=$?
		good=0
		for os in freebsd netbsd openbsd; do
			# (not cmp: binfmt_misc files have no size)
			[ "$(cat "$BINFMT_DIR/$NAME-$os" 2>&1)" = "$(cat "$tmp/entry.$os")" ] && good=$((good + 1))
		done
		[ $st -eq 0 ] && [ $good -eq 3 ] && ok "systemd-binfmt makes the same entries of binfmt/uxrun.conf" ||
		    bad "systemd-binfmt makes the same entries of binfmt/uxrun.conf" "status $st, $good of 3 the same: $(cat "$tmp/o")"
		"$UX" --uninstall-binfmt="$NAME" >/dev/null 2>&1
	fi
	others_after=$(ls "$BINFMT_DIR" 2>/dev/null | grep -vx -e register -e status | grep -v "^$NAME-" | grep -v '^uxrun-\(test\|gostd\)-' | sort)
	[ "$others_before" = "$others_after" ] && ok "other binfmt_misc entries untouched" ||
	    bad "other binfmt_misc entries untouched" "before: $others_before; after: $others_after"
fi

if [ "$skip" -gt 0 ]; then echo "$pass passed, $fail failed, $skip skipped"; else echo "$pass passed, $fail failed"; fi
[ "$fail" -eq 0 ]
