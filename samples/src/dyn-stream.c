/*
 * stdio on a file: write with fwrite and fprintf, seek and tell, read back
 * with fread, fgets and getline, append mode, and end-of-file and error
 * flags.  Works in dyn-stream.tmp in the current directory, removed at the
 * end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FILE_NAME "dyn-stream.tmp"

int
main(void)
{
	FILE *f = fopen(FILE_NAME, "w+");
	char buf[64];
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!f) {
		perror("fopen");
		return 1;
	}
	printf("fwrite: %zu\n", fwrite("first line\n", 1, 11, f));
	fprintf(f, "second %d\nthird\n", 2);
	printf("ftell after writes: %ld\n", ftell(f));
	printf("fseek to 6: %d\n", fseek(f, 6, SEEK_SET));
	memset(buf, 0, sizeof(buf));
	printf("fread 4: %zu [%s]\n", fread(buf, 1, 4, f), buf);
	rewind(f);
	while (fgets(buf, sizeof(buf), f))
		printf("fgets: %s", buf);
	printf("feof %d ferror %d\n", feof(f) != 0, ferror(f) != 0);
	clearerr(f);
	printf("after clearerr: feof %d\n", feof(f) != 0);
	fclose(f);

	f = fopen(FILE_NAME, "a");
	fputs("appended\n", f);
	fclose(f);
	f = fopen(FILE_NAME, "r");
	int n = 0;
	while ((len = getline(&line, &cap, f)) > 0)
		printf("getline %d (%zd): %s", ++n, len, line);
	free(line);
	fclose(f);
	printf("fopen missing: %s\n", fopen("no-such-dir/x", "r") ? "opened" : "NULL");
	printf("remove: %d\n", remove(FILE_NAME));
	return 0;
}
