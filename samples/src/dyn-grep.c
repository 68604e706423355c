/*
 * grep over libc.so.7's POSIX regular expressions (FreeBSD's regex_t and
 * 64-bit regmatch_t offsets) and getline().
 *   dyn-grep [-E] [-i] [-v] [-n] [-c] [-o] PATTERN [FILE...]
 * -o prints each match and its offsets.  Exit status 0 when something
 * matched, 1 when nothing did, 2 on an error.
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <err.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int vflag, nflag, cflag, oflag, many;
static regex_t re;

static const char *
code_name(int code)
{
	static const char *const names[] = {
		"0", "REG_NOMATCH", "REG_BADPAT", "REG_ECOLLATE", "REG_ECTYPE", "REG_EESCAPE",
		"REG_ESUBREG", "REG_EBRACK", "REG_EPAREN", "REG_EBRACE", "REG_BADBR",
		"REG_ERANGE", "REG_ESPACE", "REG_BADRPT",
	};

	return code > 0 && code < (int)(sizeof(names) / sizeof(names[0])) ? names[code] : "other";
}

static long
search(FILE *f, const char *name)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0, hits = 0;

	while ((len = getline(&line, &cap, f)) != -1) {
		regmatch_t m[4];
		int r;

		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		r = regexec(&re, line, 4, m, 0);
		if ((r == 0) == vflag)
			continue;
		hits++;
		if (cflag)
			continue;
		if (many)
			printf("%s:", name);
		if (nflag)
			printf("%ld:", lineno);
		if (oflag && !vflag) {
			/* every match on the line, with the first group's span */
			const char *p = line;
			int first = 1;

			while (regexec(&re, p, 4, m, first ? 0 : REG_NOTBOL) == 0) {
				long off = (long)(p - line);

				printf("%s[%ld,%ld)%.*s", first ? "" : " ", off + (long)m[0].rm_so,
				    off + (long)m[0].rm_eo, (int)(m[0].rm_eo - m[0].rm_so), p + m[0].rm_so);
				if (re.re_nsub > 0 && m[1].rm_so != -1)
					printf("{%.*s}", (int)(m[1].rm_eo - m[1].rm_so), p + m[1].rm_so);
				first = 0;
				p += m[0].rm_eo > m[0].rm_so ? m[0].rm_eo : m[0].rm_eo + 1;
				if (p > line + len)
					break;
			}
			putchar('\n');
		} else {
			puts(line);
		}
	}
	free(line);
	if (cflag) {
		if (many)
			printf("%s:", name);
		printf("%ld\n", hits);
	}
	return hits;
}

int
main(int argc, char **argv)
{
	int c, flags = 0, r;
	long hits = 0;
	int status = 0;

	while ((c = getopt(argc, argv, "Eivnco")) != -1) {
		switch (c) {
		case 'E': flags |= REG_EXTENDED; break;
		case 'i': flags |= REG_ICASE; break;
		case 'v': vflag = 1; break;
		case 'n': nflag = 1; break;
		case 'c': cflag = 1; break;
		case 'o': oflag = 1; break;
		default: return 2;
		}
	}
	if (optind >= argc)
		errx(2, "usage: dyn-grep [-Eivnco] pattern [file ...]");
	if ((r = regcomp(&re, argv[optind], flags)) != 0)
		errx(2, "bad pattern '%s': %s", argv[optind], code_name(r));
	printf("# %zu subexpression%s\n", re.re_nsub, re.re_nsub == 1 ? "" : "s");
	optind++;
	many = argc - optind > 1;
	if (optind == argc)
		hits = search(stdin, "(standard input)");
	for (int i = optind; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");

		if (!f) {
			fflush(stdout);
			warn("%s", argv[i]);
			status = 2;
			continue;
		}
		hits += search(f, argv[i]);
		fclose(f);
	}
	regfree(&re);
	return status ? status : hits ? 0 : 1;
}
