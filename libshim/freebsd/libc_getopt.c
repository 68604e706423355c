/*
 * getopt, getopt_long and getopt_long_only with FreeBSD's behaviour and
 * messages: getopt never permutes (BSD getopt), the long forms do unless
 * POSIXLY_CORRECT is set or the option string starts with '+'; optreset
 * restarts a scan.  glibc's getopt differs in all of these, so this is an
 * implementation of its own.
 *
 * optarg, optind, opterr, optopt and optreset are data objects of
 * libc.so.7; an executable that reaches them directly has its own copies
 * (COPY relocations), which are then the real ones.  Which is which is
 * asked of the runtime linker once (ux_rtld_sym_default).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libshim/freebsd/libc_shim.h"
#include "loader/rtld.h"

int shim_opterr = 1;
int shim_optind = 1;
int shim_optopt;
int shim_optreset;
char *shim_optarg;

static struct {
	int *opterr, *optind, *optopt, *optreset;
	char **optarg;
} g;

#define OPTERR		(*g.opterr)
#define OPTIND		(*g.optind)
#define OPTOPT		(*g.optopt)
#define OPTRESET	(*g.optreset)
#define OPTARG		(*g.optarg)

static void *
guest_var(const char *name, void *own)
{
	void *p = ux_rtld_sym_default(name);

	return p ? p : own;
}

static void
bind_vars(void)
{
	if (g.optind)
		return;
	g.opterr = guest_var("opterr", &shim_opterr);
	g.optopt = guest_var("optopt", &shim_optopt);
	g.optreset = guest_var("optreset", &shim_optreset);
	g.optarg = guest_var("optarg", &shim_optarg);
	__atomic_store_n(&g.optind, (int *)guest_var("optind", &shim_optind), __ATOMIC_RELEASE);
}

/* --- getopt ------------------------------------------------------------------------ */

static char no_more[] = "";
static char *short_place = no_more;	/* the rest of a cluster like -abc */

int
shim_getopt(int argc, char *const *argv, const char *opts)
{
	const char *spec;
	int c;

	bind_vars();
	if (OPTRESET || *short_place == '\0') {
		OPTRESET = 0;
		if (OPTIND >= argc || argv[OPTIND][0] != '-') {
			short_place = no_more;
			return -1;
		}
		short_place = argv[OPTIND] + 1;
		c = *short_place++;
		if (c == '-' && *short_place == '\0') {
			/* "--" ends the options and is consumed */
			OPTIND++;
			short_place = no_more;
			return -1;
		}
		if (c == '\0') {
			/* A lone "-" is an operand unless '-' is an option. */
			short_place = no_more;
			if (!strchr(opts, '-'))
				return -1;
			c = '-';
		}
	} else {
		c = *short_place++;
	}
	OPTOPT = c;
	spec = c == ':' ? NULL : strchr(opts, c);
	if (!spec) {
		if (*short_place == '\0')
			OPTIND++;
		if (OPTERR && opts[0] != ':')
			fprintf(stderr, "%s: illegal option -- %c\n", shim_getprogname(), c);
		return '?';
	}
	if (spec[1] != ':') {
		OPTARG = NULL;
		if (*short_place == '\0')
			OPTIND++;
		return c;
	}
	if (*short_place != '\0') {
		OPTARG = short_place;
	} else if (spec[2] == ':') {
		OPTARG = NULL;		/* optional, and not attached */
	} else if (++OPTIND < argc) {
		OPTARG = argv[OPTIND];
	} else {
		short_place = no_more;
		if (opts[0] == ':')
			return ':';
		if (OPTERR)
			fprintf(stderr, "%s: option requires an argument -- %c\n", shim_getprogname(), c);
		return '?';
	}
	short_place = no_more;
	OPTIND++;
	return c;
}

/* --- getopt_long --------------------------------------------------------------------- */

struct fbsd_option {		/* struct option: the same on both systems */
	const char *name;
	int has_arg;		/* no_argument 0, required 1, optional 2 */
	int *flag;
	int val;
};

enum { PERMUTE = 1, ALLARGS = 2, LONGONLY = 4 };

static char *long_place = no_more;
static int skipped_lo = -1, skipped_hi = -1;	/* operands passed over */
static const char *dashes;			/* how the option was written */
static int posix_mode = -1;

static void
warn_opt(int print, const char *fmt, ...)
{
	va_list ap;

	if (!print)
		return;
	fprintf(stderr, "%s: ", shim_getprogname());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Moves the block [mid, hi) in front of [lo, mid), each keeping its order. */
static void
rotate(char *const *argv, int lo, int mid, int hi)
{
	char **a = (char **)argv;

	for (; lo < mid && mid < hi; mid++, lo++) {
		char *moved = a[mid];

		memmove(&a[lo + 1], &a[lo], (size_t)(mid - lo) * sizeof(*a));
		a[lo] = moved;
	}
}

static int
match_long(char *const *argv, const char *opts, const struct fbsd_option *lo, int *idx,
    int short_too, int flags)
{
	int print = OPTERR && opts[0] != ':';
	int bad_arg = opts[0] == ':' ? ':' : '?';
	char *word = long_place, *eq = strchr(word, '=');
	size_t len = eq ? (size_t)(eq - word) : strlen(word);
	int found = -1, ambiguous = 0;

	OPTIND++;
	for (int i = 0; lo[i].name; i++) {
		if (strncmp(word, lo[i].name, len) != 0)
			continue;
		if (strlen(lo[i].name) == len) {
			found = i;
			ambiguous = 0;
			break;
		}
		/* One letter that is also a short option never abbreviates. */
		if (short_too && len == 1)
			continue;
		if (found < 0)
			found = i;
		else if ((flags & LONGONLY) || lo[i].has_arg != lo[found].has_arg ||
		    lo[i].flag != lo[found].flag || lo[i].val != lo[found].val)
			ambiguous = 1;
	}
	if (ambiguous) {
		warn_opt(print, "option `%s%.*s' is ambiguous", dashes, (int)len, word);
		OPTOPT = 0;
		return '?';
	}
	if (found < 0) {
		if (short_too) {
			OPTIND--;
			return -1;
		}
		warn_opt(print, "unrecognized option `%s%s'", dashes, word);
		OPTOPT = 0;
		return '?';
	}
	const struct fbsd_option *o = &lo[found];
	if (o->has_arg == 0 && eq) {
		warn_opt(print, "option `%s%.*s' doesn't allow an argument", dashes, (int)len, word);
		OPTOPT = o->flag ? 0 : o->val;
		return '?';
	}
	if (o->has_arg == 1 || o->has_arg == 2) {
		if (eq)
			OPTARG = eq + 1;
		else if (o->has_arg == 1)
			OPTARG = argv[OPTIND++];	/* NULL past the end */
	}
	if (o->has_arg == 1 && OPTARG == NULL) {
		warn_opt(print, "option `%s%s' requires an argument", dashes, word);
		OPTOPT = o->flag ? 0 : o->val;
		OPTIND--;
		return bad_arg;
	}
	if (idx)
		*idx = found;
	if (o->flag) {
		*o->flag = o->val;
		return 0;
	}
	return o->val;
}

/* End of the options: operands passed over go back in front of the rest. */
static int
finish(char *const *argv)
{
	if (skipped_hi != -1) {
		rotate(argv, skipped_lo, skipped_hi, OPTIND);
		OPTIND -= skipped_hi - skipped_lo;
	} else if (skipped_lo != -1) {
		OPTIND = skipped_lo;
	}
	skipped_lo = skipped_hi = -1;
	return -1;
}

static int
scan(int argc, char *const *argv, const char *opts, const struct fbsd_option *lo, int *idx,
    int flags)
{
	const char *spec;
	int c;

	if (!opts)
		return -1;
	bind_vars();
	/* Some GNU programs restart with optind = 0 instead of optreset. */
	if (OPTIND == 0)
		OPTIND = OPTRESET = 1;
	if (posix_mode == -1 || OPTRESET)
		posix_mode = getenv("POSIXLY_CORRECT") != NULL;
	if (opts[0] == '-')
		flags |= ALLARGS;
	else if (posix_mode || opts[0] == '+')
		flags &= ~PERMUTE;
	if (opts[0] == '+' || opts[0] == '-')
		opts++;
	int print = OPTERR && opts[0] != ':';
	int bad_arg = opts[0] == ':' ? ':' : '?';

	OPTARG = NULL;
	if (OPTRESET)
		skipped_lo = skipped_hi = -1;
	while (OPTRESET || *long_place == '\0') {
		OPTRESET = 0;
		if (OPTIND >= argc) {
			long_place = no_more;
			return finish(argv);
		}
		long_place = argv[OPTIND];
		if (long_place[0] != '-' || long_place[1] == '\0') {
			/* an operand */
			long_place = no_more;
			if (flags & ALLARGS) {
				OPTARG = argv[OPTIND++];
				return 1;
			}
			if (!(flags & PERMUTE))
				return -1;
			if (skipped_lo == -1) {
				skipped_lo = OPTIND;
			} else if (skipped_hi != -1) {
				rotate(argv, skipped_lo, skipped_hi, OPTIND);
				skipped_lo = OPTIND - (skipped_hi - skipped_lo);
				skipped_hi = -1;
			}
			OPTIND++;
			continue;
		}
		if (skipped_lo != -1 && skipped_hi == -1)
			skipped_hi = OPTIND;
		long_place++;
		if (long_place[0] == '-' && long_place[1] == '\0') {
			/* "--" */
			OPTIND++;
			long_place = no_more;
			return finish(argv);
		}
		break;
	}

	if (lo && long_place != argv[OPTIND] && (*long_place == '-' || (flags & LONGONLY))) {
		int short_too = 0;

		dashes = "-";
		if (*long_place == '-') {
			long_place++;
			dashes = "--";
		} else if (*long_place != ':' && strchr(opts, *long_place)) {
			short_too = 1;
		}
		c = match_long(argv, opts, lo, idx, short_too, flags);
		if (c != -1) {
			long_place = no_more;
			return c;
		}
	}

	c = *long_place++;
	spec = (c == ':' || (c == '-' && *long_place != '\0')) ? NULL : strchr(opts, c);
	if (!spec) {
		if (c == '-' && *long_place == '\0')
			return -1;
		if (*long_place == '\0')
			OPTIND++;
		warn_opt(print, posix_mode ? "illegal option -- %c" : "invalid option -- %c", c);
		OPTOPT = c;
		return '?';
	}
	if (lo && c == 'W' && spec[1] == ';') {
		/* -W name: a long option */
		if (*long_place == '\0') {
			if (++OPTIND >= argc) {
				long_place = no_more;
				warn_opt(print, "option requires an argument -- %c", c);
				OPTOPT = c;
				return bad_arg;
			}
			long_place = argv[OPTIND];
		}
		dashes = "-W ";
		c = match_long(argv, opts, lo, idx, 0, flags);
		long_place = no_more;
		return c;
	}
	if (spec[1] != ':') {
		if (*long_place == '\0')
			OPTIND++;
		return c;
	}
	OPTARG = NULL;
	if (*long_place != '\0') {
		OPTARG = long_place;
	} else if (spec[2] != ':') {
		if (++OPTIND >= argc) {
			long_place = no_more;
			warn_opt(print, "option requires an argument -- %c", c);
			OPTOPT = c;
			return bad_arg;
		}
		OPTARG = argv[OPTIND];
	}
	long_place = no_more;
	OPTIND++;
	return c;
}

int
shim_getopt_long(int argc, char *const *argv, const char *opts, const struct fbsd_option *lo,
    int *idx)
{
	return scan(argc, argv, opts, lo, idx, PERMUTE);
}

int
shim_getopt_long_only(int argc, char *const *argv, const char *opts,
    const struct fbsd_option *lo, int *idx)
{
	return scan(argc, argv, opts, lo, idx, PERMUTE | LONGONLY);
}
