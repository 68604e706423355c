# binfmt_misc for the test suites (sourced): a test-only registration of
# the build tree's uxrun, never one of the system's, removed whatever
# happens.  Callers name their entries PREFIX-PID (uxrun-test-$$,
# uxrun-gostd-$$) so that entries of a run that was killed can be told
# apart and reaped.
BINFMT_DIR=/proc/sys/fs/binfmt_misc
# Set while binfmt_misc is mounted only for test runs: the last run out,
# whichever it is, unmounts it.
BINFMT_MARK=/run/uxrun-tests-mounted-binfmt_misc
binfmt_why=

# binfmt_up UXRUN NAME: mounts binfmt_misc if need be and registers
# NAME-freebsd, NAME-netbsd, NAME-openbsd for UXRUN.  Else returns 1 and
# says why in $binfmt_why.
binfmt_up() {
	if [ "$(id -u)" -ne 0 ]; then
		binfmt_why="not root"
		return 1
	fi
	if [ ! -e "$BINFMT_DIR/register" ]; then
		if ! mount -t binfmt_misc binfmt_misc "$BINFMT_DIR" 2>/dev/null; then
			binfmt_why="binfmt_misc is not mounted on $BINFMT_DIR and cannot be mounted"
			return 1
		fi
		: >"$BINFMT_MARK" 2>/dev/null || : >"/tmp/${BINFMT_MARK##*/}"
	fi
	binfmt_reap
	if ! binfmt_out=$("$1" --install-binfmt="$2" 2>&1); then
		binfmt_why="uxrun --install-binfmt=$2 failed: $binfmt_out"
		binfmt_down "$2"
		return 1
	fi
	return 0
}

# binfmt_down NAME: removes NAME's entries (by hand, so that this works
# even with a broken uxrun), and unmounts binfmt_misc if a test run
# mounted it and nothing is registered any more.
binfmt_down() {
	[ -e "$BINFMT_DIR/register" ] || return 0
	for f in "$BINFMT_DIR/$1"-*; do
		[ -e "$f" ] && echo -1 >"$f"
	done
	for m in "$BINFMT_MARK" "/tmp/${BINFMT_MARK##*/}"; do
		[ -e "$m" ] || continue
		if [ "$(ls "$BINFMT_DIR" | grep -cvx -e register -e status)" -eq 0 ] &&
		    umount "$BINFMT_DIR"; then
			rm -f "$m"
		fi
	done
	return 0
}

# Entries of test runs whose process is gone.
binfmt_reap() {
	for f in "$BINFMT_DIR"/uxrun-test-* "$BINFMT_DIR"/uxrun-gostd-*; do
		[ -e "$f" ] || continue
		pid=$(basename "$f" | sed -nE 's/^uxrun-(test|gostd)-([0-9]+)-.*/\2/p')
		[ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null && echo -1 >"$f"
	done
	return 0
}
