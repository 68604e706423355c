/*
 * Number conversion and arithmetic helpers: strtol/strtoul/strtoll with
 * bases and end pointers, overflow (ERANGE), strtod, div/lldiv, abs, and
 * printf's integer and floating formats.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include "errname.h"

static void
parse(const char *s, int base)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, base);
	printf("strtol(\"%s\", %d) = %ld, rest [%s], errno %s\n", s, base, v, end,
	    errno ? errname(errno) : "0");
}

int
main(void)
{
	char *end;

	parse("42", 10);
	parse("  -17xyz", 10);
	parse("0x1f", 16);
	parse("0755", 0);
	parse("zz", 36);
	parse("99999999999999999999", 10);
	parse("-99999999999999999999", 10);
	errno = 0;
	unsigned long u = strtoul("18446744073709551615", &end, 10);
	printf("strtoul max = %lu, errno %s\n", u, errno ? errname(errno) : "0");
	long long ll = strtoll("-9223372036854775808", &end, 10);
	printf("strtoll min = %lld\n", ll);
	double d = strtod("3.25e2rest", &end);
	printf("strtod = %.2f, rest [%s]\n", d, end);
	errno = 0;
	d = strtod("1e999", &end);
	printf("strtod overflow: inf %d, errno %s\n", d > 1e308, errno ? errname(errno) : "0");
	div_t q = div(-17, 5);
	printf("div(-17, 5) = %d r %d\n", q.quot, q.rem);
	lldiv_t lq = lldiv(1000000000000LL, 7);
	printf("lldiv = %lld r %lld\n", lq.quot, lq.rem);
	printf("abs %d labs %ld llabs %lld\n", abs(-3), labs(-4L), llabs(-5LL));
	printf("formats: [%5d] [%-5d] [%05d] [%x] [%X] [%o] [%+d]\n", 42, 42, 42, 255, 255, 8, 7);
	printf("floats: [%.3f] [%10.2e] [%g] [%g]\n", 3.14159, 12345.678, 0.0001, 1e20);
	printf("limits: %d %ld %llu\n", INT_MIN, LONG_MAX, (unsigned long long)ULLONG_MAX);
	return 0;
}
