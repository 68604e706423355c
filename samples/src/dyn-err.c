/*
 * <err.h> over libc.so.7: messages start with the program's name
 * (__progname, from argv[0]), warn and err append strerror(errno).
 *   dyn-err MODE...   each MODE one of: warn warnx vwarn vwarnx null
 *                     err errx verr exit  (the err forms end the program)
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __linux__
#define getprogname() program_invocation_short_name
#endif

static void
vw(int x, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (x)
		vwarnx(fmt, ap);
	else
		vwarn(fmt, ap);
	va_end(ap);
}

static void __attribute__((noreturn))
ve(int eval, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(eval, fmt, ap);
}

int
main(int argc, char **argv)
{
	printf("program name: %s\n", getprogname());
	fflush(stdout);
	for (int i = 1; i < argc; i++) {
		const char *m = argv[i];

		errno = ENOENT;
		if (strcmp(m, "warn") == 0)
			warn("step %d: %s", i, "open");
		else if (strcmp(m, "warnx") == 0)
			warnx("step %d: plain message", i);
		else if (strcmp(m, "vwarn") == 0)
			vw(0, "step %d: through %s", i, "vwarn");
		else if (strcmp(m, "vwarnx") == 0)
			vw(1, "step %d: through %s", i, "vwarnx");
		else if (strcmp(m, "null") == 0) {
			errno = EACCES;
			warn(NULL);
			warnx(NULL);
		} else if (strcmp(m, "errno") == 0) {
			errno = EEXIST;
			warnx("errno kept: %s", errno == EEXIST ? "yes" : "no");
			printf("after warnx errno is %s\n", errno == EEXIST ? "EEXIST" : "changed");
			fflush(stdout);
		} else if (strcmp(m, "err") == 0) {
			errno = EISDIR;
			err(3, "step %d: fatal", i);
		} else if (strcmp(m, "errx") == 0)
			errx(4, "step %d: fatal without errno", i);
		else if (strcmp(m, "verr") == 0) {
			errno = ENOTDIR;
			ve(5, "step %d: %s", i, "through verr");
		} else if (strcmp(m, "exit") == 0)
			exit(6);
		else
			warnx("unknown mode %s", m);
	}
	return 0;
}
