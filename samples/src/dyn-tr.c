/*
 * tr over libc.so.7: getchar()/putchar() and FreeBSD's ctype macros for
 * the [:class:] sets, which read the C locale's rune table inline.
 *   dyn-tr [-d] [-s] SET1 [SET2]
 * Sets take ranges (a-z), escapes (\n \t \\) and [:alpha:] [:digit:]
 * [:lower:] [:upper:] [:space:] [:punct:] [:alnum:] [:xdigit:] [:cntrl:]
 * [:print:] [:graph:] [:blank:].
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* A set spelled out, in order, at most 256 characters plus repeats. */
static int
expand(const char *s, unsigned char *out, size_t max)
{
	static const char *const classes[] = {
		"alpha", "digit", "lower", "upper", "space", "punct", "alnum", "xdigit",
		"cntrl", "print", "graph", "blank",
	};
	size_t n = 0;

	while (*s && n < max) {
		if (s[0] == '[' && s[1] == ':') {
			const char *end = strstr(s + 2, ":]");
			size_t len = end ? (size_t)(end - s - 2) : 0;
			int k = -1;

			for (int i = 0; end && i < (int)(sizeof(classes) / sizeof(classes[0])); i++)
				if (strlen(classes[i]) == len && strncmp(s + 2, classes[i], len) == 0)
					k = i;
			if (k < 0)
				errx(1, "bad class in %s", s);
			for (int c = 0; c < 256 && n < max; c++) {
				int in;

				switch (k) {
				case 0: in = isalpha(c); break;
				case 1: in = isdigit(c); break;
				case 2: in = islower(c); break;
				case 3: in = isupper(c); break;
				case 4: in = isspace(c); break;
				case 5: in = ispunct(c); break;
				case 6: in = isalnum(c); break;
				case 7: in = isxdigit(c); break;
				case 8: in = iscntrl(c); break;
				case 9: in = isprint(c); break;
				case 10: in = isgraph(c); break;
				default: in = isblank(c); break;
				}
				if (in)
					out[n++] = (unsigned char)c;
			}
			s = end + 2;
			continue;
		}
		int c = (unsigned char)*s++;

		if (c == '\\' && *s) {
			c = (unsigned char)*s++;
			c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
		}
		if (s[0] == '-' && s[1]) {
			int hi = (unsigned char)s[1];

			s += 2;
			for (int x = c; x <= hi && n < max; x++)
				out[n++] = (unsigned char)x;
			continue;
		}
		out[n++] = (unsigned char)c;
	}
	return (int)n;
}

int
main(int argc, char **argv)
{
	unsigned char s1[1024], s2[1024];
	int map[256], in1[256] = { 0 }, in2[256] = { 0 };
	int dflag = 0, sflag = 0, c, n1, n2 = 0, last = -1;

	while ((c = getopt(argc, argv, "ds")) != -1) {
		switch (c) {
		case 'd': dflag = 1; break;
		case 's': sflag = 1; break;
		default: return 1;
		}
	}
	if (optind >= argc)
		errx(1, "usage: dyn-tr [-ds] set1 [set2]");
	n1 = expand(argv[optind], s1, sizeof(s1));
	if (optind + 1 < argc)
		n2 = expand(argv[optind + 1], s2, sizeof(s2));
	for (int i = 0; i < 256; i++)
		map[i] = i;
	for (int i = 0; i < n1; i++) {
		in1[s1[i]] = 1;
		if (!dflag && n2 > 0)
			map[s1[i]] = s2[i < n2 ? i : n2 - 1];
	}
	for (int i = 0; i < n2; i++)
		in2[s2[i]] = 1;
	while ((c = getchar()) != EOF) {
		if (dflag && in1[c])
			continue;
		c = map[c];
		/* squeeze: repeats of a character of the last set named */
		if (sflag && c == last && ((n2 > 0 && !dflag) ? in2[c] : in1[c]))
			continue;
		last = c;
		putchar(c);
	}
	return 0;
}
