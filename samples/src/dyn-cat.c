/*
 * cat over libc.so.7's stdio: getline(), fopen(), getopt() and warn().
 *   dyn-cat [-n | -b] [-s] [-E] [FILE...]   ("-" or nothing: stdin)
 * -n numbers every line, -b only non-blank ones, -s squeezes runs of
 * blank lines, -E marks line ends with '$'.  A file that cannot be opened
 * is reported and skipped; the exit status is then 1.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int nflag, bflag, sflag, Eflag;
static long lineno;

static void
cat_stream(FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int prev_blank = 0;

	while ((n = getline(&line, &cap, f)) != -1) {
		int blank = n == 1 && line[0] == '\n';
		int nl = n > 0 && line[n - 1] == '\n';

		if (sflag && blank && prev_blank)
			continue;
		prev_blank = blank;
		if (nflag || (bflag && !blank))
			printf("%6ld\t", ++lineno);
		fwrite(line, 1, (size_t)n - (size_t)nl, stdout);
		if (nl)
			fputs(Eflag ? "$\n" : "\n", stdout);
	}
	free(line);
}

int
main(int argc, char **argv)
{
	int c, status = 0;

	while ((c = getopt(argc, argv, "bnsE")) != -1) {
		switch (c) {
		case 'b': bflag = 1; nflag = 0; break;
		case 'n': if (!bflag) nflag = 1; break;
		case 's': sflag = 1; break;
		case 'E': Eflag = 1; break;
		default:
			fprintf(stderr, "usage: dyn-cat [-n | -b] [-s] [-E] [file ...]\n");
			return 2;
		}
	}
	argv += optind;
	argc -= optind;
	if (argc == 0) {
		cat_stream(stdin);
		return 0;
	}
	for (int i = 0; i < argc; i++) {
		FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");

		if (!f) {
			fflush(stdout);
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		cat_stream(f);
		if (f != stdin)
			fclose(f);
	}
	return status;
}
