/*
 * binfmt_misc: letting the kernel hand foreign programs to uxrun, so that
 * `./freebsd-prog` works from a shell or any native program's execve.
 * Each function below is a whole command-line action: it prints its own
 * messages and returns uxrun's exit status.
 */
#ifndef UX_BINFMT_H
#define UX_BINFMT_H

#include <stdio.h>

#define UX_BINFMT_DIR		"/proc/sys/fs/binfmt_misc"
#define UX_BINFMT_PREFIX	"uxrun"	/* entries are PREFIX-freebsd, -netbsd, -openbsd */

/* uxrun --install-binfmt[=PREFIX]: registers this uxrun (root). */
int ux_binfmt_install(const char *prefix);
/* uxrun --uninstall-binfmt[=PREFIX]: removes those entries (root). */
int ux_binfmt_uninstall(const char *prefix);
/* uxrun --binfmt-status: the entries whose interpreter is a uxrun. */
int ux_binfmt_status(FILE *out);
/* uxrun --binfmt-rules[=PREFIX]: the registration lines for this uxrun,
 * in the form /proc/sys/fs/binfmt_misc/register and binfmt.d(5) take. */
int ux_binfmt_rules(FILE *out, const char *prefix);

/*
 * The program's path when binfmt_misc started uxrun with the P flag: the
 * kernel then passes [uxrun, PATH, ARGV0, ARGS...] and says so in AT_FLAGS.
 * NULL when uxrun was started any other way.
 */
const char *ux_binfmt_invoked_path(int argc, char **argv);

#endif
