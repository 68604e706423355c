/*
 * The environment over libc.so.7: getenv, setenv (with and without
 * overwrite), unsetenv, putenv, errors for bad names, and environ itself,
 * walked and sorted (only this program's variables and UXRUN_TEST_*).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errname.h"

extern char **environ;

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
dump(const char *when)
{
	char *mine[64];
	size_t n = 0;

	for (char **e = environ; *e && n < 64; e++)
		if (strncmp(*e, "DYN_", 4) == 0 || strncmp(*e, "UXRUN_TEST_", 11) == 0)
			mine[n++] = *e;
	qsort(mine, n, sizeof(mine[0]), cmp);
	printf("%s:", when);
	for (size_t i = 0; i < n; i++)
		printf(" %s", mine[i]);
	printf("\n");
}

static void
show(const char *name)
{
	const char *v = getenv(name);

	printf("%s=%s\n", name, v ? v : "(unset)");
}

int
main(void)
{
	static char put[] = "DYN_PUT=from putenv";
	int r;

	dump("start");
	show("UXRUN_TEST_A");
	show("DYN_ONE");
	setenv("DYN_ONE", "1", 0);
	setenv("DYN_TWO", "two", 1);
	setenv("DYN_ONE", "not overwritten", 0);
	show("DYN_ONE");
	setenv("DYN_ONE", "overwritten", 1);
	show("DYN_ONE");
	putenv(put);
	show("DYN_PUT");
	put[8] = 'F';	/* putenv keeps the string itself */
	show("DYN_PUT");
	setenv("UXRUN_TEST_B", "changed", 1);
	dump("after setenv");
	unsetenv("DYN_TWO");
	unsetenv("UXRUN_TEST_A");
	unsetenv("DYN_NEVER_SET");
	dump("after unsetenv");
	errno = 0;
	r = setenv("BAD=NAME", "x", 1);
	printf("setenv(\"BAD=NAME\") = %d %s\n", r, errname(errno));
	errno = 0;
	r = setenv("", "x", 1);
	printf("setenv(\"\") = %d %s\n", r, errname(errno));
	errno = 0;
	r = unsetenv("A=B");
	printf("unsetenv(\"A=B\") = %d %s\n", r, errname(errno));
	setenv("DYN_EMPTY", "", 1);
	show("DYN_EMPTY");
	dump("end");
	return 0;
}
