/*
 * What only FreeBSD's libc says, checked by tests/cli/run.sh rather than
 * against a native twin: uname, sysconf and CLOCKS_PER_SEC values,
 * getopt's own error messages, the C locale's codeset, a mixed LC_ALL
 * name, MB_CUR_MAX in UTF-8, strftime's %+ and %v, regerror's wording,
 * errc() and getosreldate().
 *   dyn-bsd [getopt ARGS...]
 */
#include <err.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "alpha", no_argument, NULL, 'a' },
		{ "alps", no_argument, NULL, 'p' },
		{ "need", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct utsname u;
	char buf[128];
	regex_t re;
	struct tm tm;
	time_t t = 1700000000;
	int c;

	if (argc > 1 && strcmp(argv[1], "getopt") == 0) {
		/* opterr stays 1: FreeBSD's messages go to stderr */
		while ((c = getopt_long(argc - 1, argv + 1, "ab:", lo, NULL)) != -1)
			printf("getopt_long: %c\n", c);
		optreset = 1;
		optind = 1;
		while ((c = getopt(argc - 1, argv + 1, "ab:")) != -1)
			printf("getopt: %c\n", c);
		return 0;
	}
	if (uname(&u) != 0)
		err(1, "uname");
	printf("sysname %s\nrelease %s\nmachine %s\n", u.sysname, u.release, u.machine);
	printf("version has no newline: %s\n", strchr(u.version, '\n') ? "no" : "yes");
	printf("osreldate %d\n", getosreldate());
	printf("CLK_TCK %ld CLOCKS_PER_SEC %ld pagesize %ld\n", sysconf(_SC_CLK_TCK),
	    (long)CLOCKS_PER_SEC, sysconf(_SC_PAGESIZE));
	printf("sysconf(9999) %ld\n", sysconf(9999));
	printf("CODESET in C: %s\n", nl_langinfo(CODESET));
	if (setlocale(LC_ALL, "C") && setlocale(LC_NUMERIC, "C.UTF-8"))
		printf("mixed LC_ALL: %s\n", setlocale(LC_ALL, NULL));
	if (setlocale(LC_ALL, "C/C.UTF-8/C/C/C/C"))
		printf("LC_CTYPE from a mixed name: %s, MB_CUR_MAX %zu\n", setlocale(LC_CTYPE, NULL),
		    MB_CUR_MAX);
	setlocale(LC_ALL, "C");
	printf("MB_CUR_MAX in C: %zu\n", MB_CUR_MAX);
	setenv("TZ", "UTC0", 1);
	tzset();
	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%+|%v", &tm);
	printf("strftime %%+|%%v: %s\n", buf);
	c = regcomp(&re, "a[", 0);
	regerror(c, &re, buf, sizeof(buf));
	printf("regerror %d: %s\n", c, buf);
	regerror(REG_NOMATCH | 0400, NULL, buf, sizeof(buf));
	printf("REG_ITOA: %s\n", buf);
	fflush(stdout);
	errc(7, 2, "errc with code %d", 2);
}
