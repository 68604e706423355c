/* Concatenates files ("-" or none: standard input) to standard output. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "errname.h"

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
copy(int fd, const char *name)
{
	char buf[1000];	/* odd size: exercises short and repeated reads */
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "cat: %s: %s\n", name, errname(errno));
			return 1;
		}
		if (write_all(STDOUT_FILENO, buf, (size_t)n) != 0) {
			fprintf(stderr, "cat: stdout: %s\n", errname(errno));
			return 1;
		}
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int status = 0, i;

	if (argc < 2)
		return copy(STDIN_FILENO, "stdin");
	for (i = 1; i < argc; i++) {
		int fd;

		if (strcmp(argv[i], "-") == 0) {
			status |= copy(STDIN_FILENO, "stdin");
			continue;
		}
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], errname(errno));
			status = 1;
			continue;
		}
		status |= copy(fd, argv[i]);
		close(fd);
	}
	return status;
}
