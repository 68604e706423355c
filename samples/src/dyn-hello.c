/*
 * The first dynamically linked FreeBSD sample: its libc is uxrun's libshim
 * (libc.so.7), bound by uxrun's runtime linker in place of
 * /libexec/ld-elf.so.1.  Built as a PIE.
 *   dyn-hello [STATUS [WORDS...]]: prints, then exits with STATUS (3).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errname.h"

int
main(int argc, char **argv)
{
	printf("hello from a dynamically linked program\n");
	puts("puts says hello too");
	printf("%d argument%s:", argc - 1, argc == 2 ? "" : "s");
	for (int i = 1; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf("\n");

	const char *b = getenv("UXRUN_TEST_B");
	printf("UXRUN_TEST_B=%s\n", b ? b : "(unset)");
	printf("UXRUN_NO_SUCH_VARIABLE is %s\n", getenv("UXRUN_NO_SUCH_VARIABLE") ? "set" : "unset");

	errno = 0;
	int fd = open("no/such/file", O_RDONLY);
	int e = errno;
	printf("open(\"no/such/file\") = %d, errno %s\n", fd, errname(e));
	printf("numbers: %d %u %ld %x %o %5.2f %-6s| %c\n", -42, 42u, -1234567890123L, 0xbeef, 8,
	    3.14159, "left", 'z');

	fflush(stdout);
	fprintf(stderr, "dyn-hello: a line on stderr\n");
	return argc > 1 ? atoi(argv[1]) : 3;
}
