/*
 * A one-command sed over libc.so.7's regular expressions:
 *   dyn-sed [-E] [-n] s/RE/REPLACEMENT/[g][p] [FILE...]
 * The replacement may use & and \1 to \9; any delimiter works.  -n prints
 * only lines a p flag asks for.
 */
#include <err.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static regex_t re;
static char *repl;
static int gflag, pflag, nflag;

/* Splits s/RE/REPL/FLAGS in place; returns the RE. */
static char *
parse(char *cmd)
{
	char delim, *p, *pat, *flags;

	if (cmd[0] != 's' || cmd[1] == '\0' || cmd[1] == '\\' || cmd[1] == '\n')
		errx(1, "only s/// commands: %s", cmd);
	delim = cmd[1];
	pat = p = cmd + 2;
	for (int field = 0; field < 2; field++) {
		for (; *p && *p != delim; p++)
			if (*p == '\\' && p[1])
				p++;
		if (!*p)
			errx(1, "unterminated s command");
		*p++ = '\0';
		if (field == 0)
			repl = p;
	}
	for (flags = p; *flags; flags++) {
		if (*flags == 'g')
			gflag = 1;
		else if (*flags == 'p')
			pflag = 1;
		else
			errx(1, "unknown flag '%c'", *flags);
	}
	return pat;
}

static void
put_replacement(const char *s, const regmatch_t *m)
{
	for (const char *r = repl; *r; r++) {
		int g = -1;

		if (*r == '&')
			g = 0;
		else if (*r == '\\' && r[1] >= '0' && r[1] <= '9')
			g = *++r - '0';
		else if (*r == '\\' && r[1])
			r++;
		if (g < 0) {
			putchar(*r);
			continue;
		}
		if ((size_t)g > re.re_nsub || m[g].rm_so < 0)
			continue;
		fwrite(s + m[g].rm_so, 1, (size_t)(m[g].rm_eo - m[g].rm_so), stdout);
	}
}

static void
edit(FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	while ((len = getline(&line, &cap, f)) != -1) {
		regmatch_t m[10];
		const char *p = line;
		int done = 0, eflags = 0, nl = len > 0 && line[len - 1] == '\n';

		if (nl)
			line[--len] = '\0';
		if (nflag && !pflag)
			continue;
		if (nflag) {
			/* print only changed lines: find out first */
			if (regexec(&re, line, 10, m, 0) != 0)
				continue;
		}
		while (*p || !done) {
			if (regexec(&re, p, 10, m, eflags) != 0 || (done && !gflag)) {
				fputs(p, stdout);
				break;
			}
			fwrite(p, 1, (size_t)m[0].rm_so, stdout);
			put_replacement(p, m);
			done = 1;
			eflags = REG_NOTBOL;
			if (m[0].rm_eo == m[0].rm_so) {
				/* an empty match: keep one character and go on */
				if (!p[m[0].rm_eo])
					break;
				putchar(p[m[0].rm_eo]);
				p += m[0].rm_eo + 1;
			} else {
				p += m[0].rm_eo;
			}
			if (!*p)
				break;
		}
		putchar('\n');
	}
	free(line);
}

int
main(int argc, char **argv)
{
	int c, flags = 0, r;

	while ((c = getopt(argc, argv, "En")) != -1) {
		switch (c) {
		case 'E': flags |= REG_EXTENDED; break;
		case 'n': nflag = 1; break;
		default: return 1;
		}
	}
	if (optind >= argc)
		errx(1, "usage: dyn-sed [-E] [-n] s/re/replacement/[gp] [file ...]");
	if ((r = regcomp(&re, parse(argv[optind]), flags)) != 0)
		errx(1, "bad regular expression (%d)", r);
	if (++optind == argc)
		edit(stdin);
	for (; optind < argc; optind++) {
		FILE *f = fopen(argv[optind], "r");

		if (!f)
			err(1, "%s", argv[optind]);
		edit(f);
		fclose(f);
	}
	regfree(&re);
	return 0;
}
