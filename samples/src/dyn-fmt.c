/*
 * printf and scanf over libc.so.7 with integers and floating point: field
 * widths, flags, %n, %a, scanf's conversions, scansets, assignment
 * suppression, and fscanf on standard input.
 *   dyn-fmt            the built-in cases
 *   dyn-fmt -          then sums "NAME NUMBER" pairs read from stdin
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
print_cases(void)
{
	int n1 = 0, n2 = 0;
	long long big = -9223372036854775807LL - 1;

	printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, 42, 42, 42, 42);
	printf("[%u] [%x] [%#x] [%X] [%o] [%#o]\n", 3000000000u, 48879, 48879, 48879, 8, 8);
	printf("[%ld] [%lld] [%hd] [%hhu] [%zu] [%jd]\n", -1234567890123L, big, (short)-2,
	    (unsigned char)300, sizeof(long), (intmax_t)77);
	printf("[%f] [%.2f] [%10.3f] [%-10.1f] [%e] [%E]\n", 3.14159265, 2.71828, -1.5, 0.25,
	    123456.789, 0.000123);
	printf("[%g] [%g] [%g] [%G] [%.3g] [%#g]\n", 100000.0, 1000000.0, 0.0001, 1e-5, 3.14159, 2.0);
	printf("[%a] [%A] [%.1a]\n", 1.0, 0.5, 3.0);
	printf("[%s] [%10s] [%-10s] [%.3s] [%c] [%%]\n", "str", "right", "left", "truncate", 'x');
	printf("[%*d] [%-*d] [%.*f]\n", 6, 7, 6, 7, 3, 1.0 / 3);
	printf("abc%ndefgh%n\n", &n1, &n2);
	printf("%%n: %d %d\n", n1, n2);
	printf("[%p]\n", (void *)0);
	printf("[%5.1f%%] [%08.3f] [%+.0f]\n", 99.44, -3.14159, 2.5);
}

static void
scan_cases(void)
{
	int a, b, n, r;
	unsigned u;
	long l;
	double d, d2;
	float f;
	char word[32], rest[32], set[32];

	r = sscanf("12 34", "%d %d", &a, &b);
	printf("r=%d a=%d b=%d\n", r, a, b);
	r = sscanf("0x1F 077 -0", "%i %i %i", &a, &b, &n);
	printf("r=%d %d %d %d\n", r, a, b, n);
	r = sscanf("ff 17", "%x %o", &u, &a);
	printf("r=%d %u %d\n", r, u, a);
	r = sscanf("3.5e2 -0.125", "%lf %f", &d, &f);
	printf("r=%d %.3f %.4f\n", r, d, (double)f);
	r = sscanf("key=value;tail", "%31[^=]=%31[^;];%31s", word, rest, set);
	printf("r=%d [%s] [%s] [%s]\n", r, word, rest, set);
	r = sscanf("skip 99 keep", "%*s %ld %s%n", &l, word, &n);
	printf("r=%d %ld [%s] n=%d\n", r, l, word, n);
	r = sscanf("abc123def", "%[a-z]%d%[a-z]", word, &a, rest);
	printf("r=%d [%s] %d [%s]\n", r, word, a, rest);
	r = sscanf("12:34:56", "%d:%d:%d", &a, &b, &n);
	printf("r=%d %02d-%02d-%02d\n", r, a, b, n);
	r = sscanf("", "%d", &a);
	printf("empty: r=%d (EOF is %d)\n", r, EOF);
	r = sscanf("x", "%d", &a);
	printf("mismatch: r=%d\n", r);
	r = sscanf("  42abc", "%3d%s", &a, word);
	printf("r=%d %d [%s]\n", r, a, word);
	r = sscanf("-inf 1e400", "%lf %lf", &d, &d2);
	printf("r=%d %f %f\n", r, d, d2);
}

static void
sum_stdin(void)
{
	char name[64];
	double v, total = 0;
	int n = 0, r;

	while ((r = scanf("%63s %lf", name, &v)) == 2) {
		printf("%-10s %10.2f\n", name, v);
		total += v;
		n++;
	}
	printf("%d items, total %.2f, last scanf %d\n", n, total, r);
}

int
main(int argc, char **argv)
{
	print_cases();
	scan_cases();
	if (argc > 1 && strcmp(argv[1], "-") == 0)
		sum_stdin();
	return 0;
}
