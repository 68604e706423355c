/*
 * Echoes its arguments and the UXRUN_TEST_* environment (sorted).
 * "--exit N" anywhere in the arguments sets the exit status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(int argc, char **argv)
{
	static const char prefix[] = "UXRUN_TEST_";
	char **vars = NULL;
	size_t n = 0, i;
	int status = 0, k;

	printf("argc=%d\n", argc);
	for (k = 0; k < argc; k++) {
		printf("argv[%d]=%s\n", k, argv[k]);
		if (strcmp(argv[k], "--exit") == 0 && k + 1 < argc)
			status = atoi(argv[k + 1]);
	}
	printf("argv[argc]=%s\n", argv[argc] == NULL ? "NULL" : "not NULL");

	for (k = 0; environ[k] != NULL; k++) {
		if (strncmp(environ[k], prefix, sizeof(prefix) - 1) != 0)
			continue;
		vars = realloc(vars, (n + 1) * sizeof(*vars));
		if (vars == NULL) {
			fprintf(stderr, "args: out of memory\n");
			return 1;
		}
		vars[n++] = environ[k];
	}
	qsort(vars, n, sizeof(*vars), cmp_str);
	for (i = 0; i < n; i++)
		printf("env: %s\n", vars[i]);
	printf("getenv(UXRUN_TEST_B)=%s\n",
	    getenv("UXRUN_TEST_B") != NULL ? getenv("UXRUN_TEST_B") : "(unset)");
	free(vars);
	return status;
}
