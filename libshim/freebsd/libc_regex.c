/*
 * POSIX regular expressions with FreeBSD's regex_t (32 bytes: the guts
 * behind re_g are ours, a glibc regex_t) and regmatch_t (64-bit offsets,
 * glibc's are int), FreeBSD's flag bits and messages.  Matching is
 * glibc's engine: the same POSIX BRE and ERE.
 */
#include "config.h"

#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bsd/string.h>

#include "libshim/freebsd/libc_shim.h"

struct fbsd_regex {
	int re_magic;
	size_t re_nsub;
	const char *re_endp;
	struct guts *re_g;
};

struct guts {
	regex_t g;
	int nosub;
};
_Static_assert(sizeof(struct fbsd_regex) == 32, "FreeBSD regex_t");

struct fbsd_regmatch {
	int64_t rm_so;
	int64_t rm_eo;
};

#define FBSD_RE_MAGIC	0xf265		/* FreeBSD's is 0xf265 too */

/* FreeBSD's regcomp flags. */
#define F_EXTENDED	0001
#define F_ICASE		0002
#define F_NOSUB		0004
#define F_NEWLINE	0010
#define F_NOSPEC	0020
#define F_PEND		0040
/* regexec */
#define F_NOTBOL	0001
#define F_NOTEOL	0002
#define F_STARTEND	0004
/* errors */
#define F_ESPACE	12
#define F_INVARG	16

/* glibc's error codes are FreeBSD's up to REG_BADRPT (13); past it the
 * names part ways. */
static int
fbsd_code(int h)
{
	switch (h) {
	case REG_EEND: return 2;	/* REG_BADPAT */
	case REG_ESIZE: return F_ESPACE;
	case REG_ERPAREN: return 8;	/* REG_EPAREN */
	}
	return h;
}

int
shim_regcomp(struct fbsd_regex *re, const char *pattern, int flags)
{
	struct guts *g;
	char *pat = NULL;
	size_t len;
	int hflags = 0, r;

	if ((flags & F_EXTENDED) && (flags & F_NOSPEC))
		return F_INVARG;
	if (flags & F_PEND) {
		if (re->re_endp < pattern)
			return F_INVARG;
		len = (size_t)(re->re_endp - pattern);
	} else {
		len = strlen(pattern);
	}
	/* A literal (NOSPEC) is a basic expression with every special escaped. */
	if (!(pat = malloc(len * 2 + 1)))
		return F_ESPACE;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if ((flags & F_NOSPEC) && strchr("\\.[]*^$", pattern[i]))
			pat[o++] = '\\';
		pat[o++] = pattern[i];
	}
	pat[o] = '\0';
	if (flags & F_EXTENDED)
		hflags |= REG_EXTENDED;
	if (flags & F_ICASE)
		hflags |= REG_ICASE;
	if (flags & F_NOSUB)
		hflags |= REG_NOSUB;
	if (flags & F_NEWLINE)
		hflags |= REG_NEWLINE;
	if (!(g = malloc(sizeof(*g)))) {
		free(pat);
		return F_ESPACE;
	}
	r = regcomp(&g->g, pat, hflags);
	free(pat);
	if (r != 0) {
		free(g);
		return fbsd_code(r);
	}
	g->nosub = (flags & F_NOSUB) != 0;
	re->re_magic = FBSD_RE_MAGIC;
	re->re_nsub = g->g.re_nsub;
	re->re_g = g;
	return 0;
}

int
shim_regexec(const struct fbsd_regex *re, const char *s, size_t n, struct fbsd_regmatch *m,
    int flags)
{
	regmatch_t local[16], *hm = local;
	int hflags = 0, r;

	if (re->re_magic != FBSD_RE_MAGIC || !re->re_g)
		return F_INVARG;
	if (re->re_g->nosub)
		n = 0;
	if (n > sizeof(local) / sizeof(local[0]) && !(hm = calloc(n, sizeof(*hm))))
		return F_ESPACE;
	if (flags & F_NOTBOL)
		hflags |= REG_NOTBOL;
	if (flags & F_NOTEOL)
		hflags |= REG_NOTEOL;
	if (flags & F_STARTEND) {
		hflags |= REG_STARTEND;
		if (n == 0)
			hm = local;
		hm[0].rm_so = (regoff_t)m[0].rm_so;
		hm[0].rm_eo = (regoff_t)m[0].rm_eo;
	}
	r = regexec(&re->re_g->g, s, n ? n : (flags & F_STARTEND) ? 1 : 0, hm, hflags);
	if (r == 0)
		for (size_t i = 0; i < n; i++) {
			m[i].rm_so = hm[i].rm_so;
			m[i].rm_eo = hm[i].rm_eo;
		}
	if (hm != local)
		free(hm);
	return r == 0 ? 0 : r == REG_NOMATCH ? 1 : fbsd_code(r);
}

void
shim_regfree(struct fbsd_regex *re)
{
	if (re->re_magic != FBSD_RE_MAGIC || !re->re_g)
		return;
	regfree(&re->re_g->g);
	free(re->re_g);
	re->re_g = NULL;
	re->re_magic = 0;
}

/* FreeBSD's wording (lib/libc/regex/regerror.c), by its code. */
static const struct {
	const char *name, *text;
} messages[] = {
	[0] = { "REG_0x0", "*** unknown regexp error code ***" },
	[1] = { "REG_NOMATCH", "regexec() failed to match" },
	[2] = { "REG_BADPAT", "invalid regular expression" },
	[3] = { "REG_ECOLLATE", "invalid collating element" },
	[4] = { "REG_ECTYPE", "invalid character class" },
	[5] = { "REG_EESCAPE", "trailing backslash (\\)" },
	[6] = { "REG_ESUBREG", "invalid backreference number" },
	[7] = { "REG_EBRACK", "brackets ([ ]) not balanced" },
	[8] = { "REG_EPAREN", "parentheses not balanced" },
	[9] = { "REG_EBRACE", "braces not balanced" },
	[10] = { "REG_BADBR", "invalid repetition count(s)" },
	[11] = { "REG_ERANGE", "invalid character range" },
	[12] = { "REG_ESPACE", "out of memory" },
	[13] = { "REG_BADRPT", "repetition-operator operand invalid" },
	[14] = { "REG_EMPTY", "empty (sub)expression" },
	[15] = { "REG_ASSERT", "\"can't happen\" -- you found a bug" },
	[16] = { "REG_INVARG", "invalid argument to regex routine" },
	[17] = { "REG_ILLSEQ", "illegal byte sequence" },
};
#define NMSG ((int)(sizeof(messages) / sizeof(messages[0])))

size_t
shim_regerror(int code, const struct fbsd_regex *re, char *buf, size_t size)
{
	char tmp[64];
	const char *s;
	int c = code & ~0400;	/* REG_ITOA */

	if (code == 255) {	/* REG_ATOI: the number of the name in re_endp */
		int k = 0;

		for (int i = 1; i < NMSG; i++)
			if (re && re->re_endp && strcmp(messages[i].name, re->re_endp) == 0)
				k = i;
		snprintf(tmp, sizeof(tmp), "%d", k);
		s = tmp;
	} else if (c < 0 || c >= NMSG || c == 0) {
		if (code & 0400)
			snprintf(tmp, sizeof(tmp), "REG_0x%x", c);
		s = (code & 0400) ? tmp : messages[0].text;
	} else {
		s = (code & 0400) ? messages[c].name : messages[c].text;
	}
	if (size > 0)
		strlcpy(buf, s, size);
	return strlen(s) + 1;
}
