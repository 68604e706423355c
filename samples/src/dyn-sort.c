/*
 * sort over libc.so.7: getline() into a growing array, qsort() with a
 * comparator chosen by the options, strcasecmp() and strtol().
 *   dyn-sort [-r] [-n] [-f] [-u] [FILE...]
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int rflag, nflag, fflag, uflag;
static char **lines;
static size_t nlines, cap;

static void
slurp(FILE *f)
{
	char *line = NULL;
	size_t lcap = 0;
	ssize_t n;

	while ((n = getline(&line, &lcap, f)) != -1) {
		if (n > 0 && line[n - 1] == '\n')
			line[n - 1] = '\0';
		if (nlines == cap) {
			cap = cap ? cap * 2 : 16;
			if (!(lines = reallocarray(lines, cap, sizeof(*lines))))
				err(2, "reallocarray");
		}
		if (!(lines[nlines++] = strdup(line)))
			err(2, "strdup");
	}
	free(line);
}

static int
keycmp(const char *a, const char *b)
{
	int r = 0;

	if (nflag) {
		long x = strtol(a, NULL, 10), y = strtol(b, NULL, 10);

		r = (x > y) - (x < y);
	} else if (fflag) {
		r = strcasecmp(a, b);
	} else {
		r = strcmp(a, b);
	}
	return r;
}

static int
cmp(const void *pa, const void *pb)
{
	const char *a = *(char *const *)pa, *b = *(char *const *)pb;
	int r = keycmp(a, b);

	if (r == 0 && !uflag)
		r = strcmp(a, b);	/* a total order: the output is the same everywhere */
	return rflag ? -r : r;
}

int
main(int argc, char **argv)
{
	int c;

	while ((c = getopt(argc, argv, "rnfu")) != -1) {
		switch (c) {
		case 'r': rflag = 1; break;
		case 'n': nflag = 1; break;
		case 'f': fflag = 1; break;
		case 'u': uflag = 1; break;
		default: return 2;
		}
	}
	if (optind == argc)
		slurp(stdin);
	for (int i = optind; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");

		if (!f)
			err(2, "%s", argv[i]);
		slurp(f);
		fclose(f);
	}
	qsort(lines, nlines, sizeof(*lines), cmp);
	for (size_t i = 0; i < nlines; i++) {
		if (uflag && i > 0 && keycmp(lines[i - 1], lines[i]) == 0)
			continue;
		puts(lines[i]);
	}
	printf("-- %zu lines\n", nlines);
	return 0;
}
