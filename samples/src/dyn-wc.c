/*
 * wc over libc.so.7: getc() and isspace() (FreeBSD's inline ctype, which
 * reads the rune table libshim provides), getopt().
 *   dyn-wc [-lwc] [FILE...]
 * With no option it counts lines, words and bytes; a total follows when
 * there is more than one file.  Missing files: a warning, status 1.
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int lflag, wflag, cflag;
static long tl, tw, tc;

static void
show(long l, long w, long c, const char *name)
{
	if (lflag)
		printf(" %7ld", l);
	if (wflag)
		printf(" %7ld", w);
	if (cflag)
		printf(" %7ld", c);
	printf(name ? " %s\n" : "\n", name);
}

static void
count(FILE *f, const char *name)
{
	long l = 0, w = 0, c = 0;
	int ch, inword = 0;

	while ((ch = getc(f)) != EOF) {
		c++;
		if (ch == '\n')
			l++;
		if (isspace(ch)) {
			inword = 0;
		} else if (!inword) {
			inword = 1;
			w++;
		}
	}
	tl += l;
	tw += w;
	tc += c;
	show(l, w, c, name);
}

int
main(int argc, char **argv)
{
	int ch, status = 0;

	while ((ch = getopt(argc, argv, "lwc")) != -1) {
		switch (ch) {
		case 'l': lflag = 1; break;
		case 'w': wflag = 1; break;
		case 'c': cflag = 1; break;
		default: return 2;
		}
	}
	if (!lflag && !wflag && !cflag)
		lflag = wflag = cflag = 1;
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		count(stdin, NULL);
		return 0;
	}
	for (int i = 0; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");

		if (!f) {
			fflush(stdout);
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		count(f, argv[i]);
		fclose(f);
	}
	if (argc > 1)
		show(tl, tw, tc, "total");
	return status;
}
