/* Counts lines, words and bytes of files or standard input, like wc(1). */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "errname.h"

struct counts {
	long lines, words, bytes;
};

static int
count(FILE *f, struct counts *c)
{
	char buf[512];
	size_t n, i;
	int in_word = 0;

	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		c->bytes += (long)n;
		for (i = 0; i < n; i++) {
			unsigned char ch = (unsigned char)buf[i];

			if (ch == '\n')
				c->lines++;
			if (isspace(ch)) {
				in_word = 0;
			} else if (!in_word) {
				in_word = 1;
				c->words++;
			}
		}
	}
	return ferror(f) ? -1 : 0;
}

static void
show(const struct counts *c, const char *name)
{
	printf("%7ld %7ld %7ld", c->lines, c->words, c->bytes);
	if (name != NULL)
		printf(" %s", name);
	putchar('\n');
}

int
main(int argc, char **argv)
{
	struct counts total = { 0, 0, 0 };
	int status = 0, i, shown = 0;

	if (argc < 2) {
		struct counts c = { 0, 0, 0 };

		if (count(stdin, &c) != 0) {
			fprintf(stderr, "wc: stdin: %s\n", errname(errno));
			return 1;
		}
		show(&c, NULL);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		struct counts c = { 0, 0, 0 };
		FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");

		if (f == NULL) {
			fprintf(stderr, "wc: %s: %s\n", argv[i], errname(errno));
			status = 1;
			continue;
		}
		if (count(f, &c) != 0) {
			fprintf(stderr, "wc: %s: %s\n", argv[i], errname(errno));
			status = 1;
		}
		if (f != stdin)
			fclose(f);
		show(&c, argv[i]);
		shown++;
		total.lines += c.lines;
		total.words += c.words;
		total.bytes += c.bytes;
	}
	if (shown > 1)
		show(&total, "total");
	return status;
}
