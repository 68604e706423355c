/*
 * getopt_long over libc.so.7, whose optarg, optind, opterr and optopt are
 * libc's data objects (COPY-relocated into a non-PIE executable): long
 * options with and without arguments, abbreviations, a flag pointer,
 * clustered short options, permutation of operands, "--", then a second
 * scan of a built-in vector with plain getopt() after a reset.
 * Errors are reported by the program itself (opterr = 0): FreeBSD's and
 * glibc's messages differ in their quoting.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int verbose_flag;

static void
report(int c, int idx, const struct option *lo)
{
	switch (c) {
	case '?':
		if (optopt)
			printf("error: bad option -%c\n", optopt);
		else
			printf("error: bad long option\n");
		break;
	case ':':
		printf("error: -%c needs an argument\n", optopt);
		break;
	case 0:
		printf("long --%s set a flag (%d)\n", lo[idx].name, verbose_flag);
		break;
	default:
		if (idx >= 0)
			printf("--%s (%c)%s%s\n", lo[idx].name, c, optarg ? " = " : "",
			    optarg ? optarg : "");
		else
			printf("-%c%s%s\n", c, optarg ? " = " : "", optarg ? optarg : "");
	}
}

int
main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "block-size", required_argument, NULL, 'B' },
		{ "color", optional_argument, NULL, 'C' },
		{ "verbose", no_argument, &verbose_flag, 1 },
		{ "output", required_argument, NULL, 'o' },
		{ "output-dir", required_argument, NULL, 'O' },
		{ NULL, 0, NULL, 0 },
	};
	char *vec[] = { "prog", "-xy", "-z", "value", "operand", NULL };
	int c, idx;

	opterr = 0;
	for (;;) {
		idx = -1;
		c = getopt_long(argc, argv, ":ab:B:c::o:qv", lo, &idx);
		if (c == -1)
			break;
		report(c, idx, lo);
	}
	printf("optind %d of %d, verbose %d\n", optind, argc, verbose_flag);
	for (int i = optind; i < argc; i++)
		printf("operand [%s]\n", argv[i]);
	printf("argv now:");
	for (int i = 1; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\n");

	/* A second scan, with BSD getopt(), over a vector of our own. */
#ifdef __FreeBSD__
	optreset = 1;
	optind = 1;
#else
	optind = 0;
#endif
	while ((c = getopt(5, vec, "xyz:")) != -1)
		printf("getopt: -%c%s%s\n", c, optarg ? " " : "", c == 'z' ? optarg : "");
	printf("getopt stopped at %d [%s]\n", optind, vec[optind] ? vec[optind] : "(end)");
	return 0;
}
