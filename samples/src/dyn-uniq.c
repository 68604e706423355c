/*
 * uniq over libc.so.7: fgetln() (FreeBSD's line reader, no terminating
 * NUL), strncasecmp(), getopt().
 *   dyn-uniq [-c] [-d | -u] [-i] [FILE]
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#ifdef __linux__
/* glibc has no fgetln: the same contract over getline. */
static char *
fgetln(FILE *f, size_t *len)
{
	static char *buf;
	static size_t cap;
	ssize_t n = getline(&buf, &cap, f);

	if (n <= 0)
		return NULL;
	*len = (size_t)n;
	return buf;
}
#endif

static int cflag, dflag, uflag, iflag;

static void
emit(const char *s, size_t len, long n)
{
	if ((dflag && n < 2) || (uflag && n > 1))
		return;
	if (cflag)
		printf("%4ld ", n);
	printf("%.*s\n", (int)len, s);
}

int
main(int argc, char **argv)
{
	char *prev = NULL, *line;
	size_t plen = 0, len;
	long n = 0;
	int c;
	FILE *f = stdin;

	while ((c = getopt(argc, argv, "cdui")) != -1) {
		switch (c) {
		case 'c': cflag = 1; break;
		case 'd': dflag = 1; break;
		case 'u': uflag = 1; break;
		case 'i': iflag = 1; break;
		default: return 2;
		}
	}
	if (optind < argc && !(f = fopen(argv[optind], "r")))
		err(1, "%s", argv[optind]);
	while ((line = fgetln(f, &len)) != NULL) {
		if (len > 0 && line[len - 1] == '\n')
			len--;
		if (prev && len == plen &&
		    (iflag ? strncasecmp(prev, line, len) : memcmp(prev, line, len)) == 0) {
			n++;
			continue;
		}
		if (prev)
			emit(prev, plen, n);
		free(prev);
		if (!(prev = malloc(len + 1)))
			err(1, "malloc");
		memcpy(prev, line, len);
		plen = len;
		n = 1;
	}
	if (prev)
		emit(prev, plen, n);
	free(prev);
	return 0;
}
