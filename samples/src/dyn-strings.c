/*
 * String scanning and tokenising through the C library: strtok_r, strsep,
 * strspn/strcspn, strpbrk, memchr, case-insensitive comparison, strndup
 * and overlapping memmove.  Same output natively and under uxrun.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int
main(void)
{
	char line[] = "  alpha,beta;;gamma , delta  ";
	char *save = NULL, *tok;
	int n = 0;

	for (tok = strtok_r(line, " ,;", &save); tok; tok = strtok_r(NULL, " ,;", &save))
		printf("strtok_r %d: [%s]\n", n++, tok);

	char fields[] = "a:b::c";
	char *p = fields, *f;
	while ((f = strsep(&p, ":")) != NULL)
		printf("strsep: [%s]\n", f);

	const char *s = "123abc456";
	printf("strspn digits: %zu\n", strspn(s, "0123456789"));
	printf("strcspn letters: %zu\n", strcspn(s, "abcdefghijklmnopqrstuvwxyz"));
	printf("strpbrk: %s\n", strpbrk(s, "cb"));
	const char *m = memchr(s, '4', strlen(s));
	printf("memchr '4' at %td\n", m ? m - s : -1);
	printf("strrchr: %s\n", strrchr("a/b/c.txt", '/'));
	printf("strcasecmp(\"Hello\", \"hELLO\") == 0: %d\n", strcasecmp("Hello", "hELLO") == 0);
	printf("strncasecmp 3 of \"ABCx\" vs \"abcy\" == 0: %d\n", strncasecmp("ABCx", "abcy", 3) == 0);
	printf("strcmp sign: %d %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0);

	char *d = strndup("truncate me", 8);
	printf("strndup: [%s] %zu\n", d, strlen(d));
	free(d);

	char buf[16] = "0123456789";
	memmove(buf + 2, buf, 6);
	printf("memmove overlap: %s\n", buf);
	memset(buf, '*', 3);
	printf("memset: %s\n", buf);
	printf("strstr: %s\n", strstr("haystack with needle inside", "needle"));
	return 0;
}
