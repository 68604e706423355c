/*
 * The less common corners of stdio over libc.so.7: tmpfile, positions
 * (fgetpos/fsetpos: FreeBSD's fpos_t is an off_t), ungetc, line readers
 * (getdelim, fgetln), buffering with setbuf and setlinebuf, fmemopen and
 * open_memstream, freopen, popen/pclose with the command's exit status,
 * tmpnam and mkstemps, remove.
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

#ifdef __linux__
/* glibc has no fgetln: the same contract over getline. */
static char *
fgetln(FILE *f, size_t *len)
{
	static char *buf;
	static size_t cap;
	ssize_t n = getline(&buf, &cap, f);

	if (n <= 0)
		return NULL;
	*len = (size_t)n;
	return buf;
}
#endif

static void
positions(void)
{
	FILE *f = tmpfile();
	fpos_t mark;
	char buf[64], *line = NULL;
	size_t cap = 0, len;
	ssize_t n;
	int c;

	if (!f) {
		printf("tmpfile: %s\n", errname(errno));
		return;
	}
	fputs("alpha;beta;gamma\nsecond line\nthird\n", f);
	rewind(f);
	printf("ftell after rewind %ld\n", ftell(f));
	while ((n = getdelim(&line, &cap, ';', f)) != -1) {
		printf("getdelim %zd [%s]\n", n, line);
		if (strcmp(line, "beta;") == 0)
			fgetpos(f, &mark);
	}
	printf("feof %d\n", feof(f) != 0);
	clearerr(f);
	fsetpos(f, &mark);
	c = getc(f);
	printf("after fsetpos: %c\n", c);
	ungetc('G', f);
	ungetc('X', f) == EOF ? printf("second ungetc refused\n") : 0;
	fgets(buf, sizeof(buf), f);
	printf("with ungetc: [%.*s]\n", (int)strcspn(buf, "\n"), buf);
	fseek(f, 0, SEEK_SET);
	while ((line[0] = 0, 1) && fgetln(f, &len) != NULL)
		printf("fgetln %zu bytes\n", len);
	free(line);
	fclose(f);
}

static void
buffering(void)
{
	static char small[BUFSIZ];

	fflush(stdout);
	setbuf(stdout, small);
	printf("setbuf with a BUFSIZ buffer: ok\n");
	fflush(stdout);
	setlinebuf(stdout);
	printf("setlinebuf: ok\n");
}

static void
memory(void)
{
	char buf[32] = "12 34 56", *out = NULL;
	size_t size = 0;
	FILE *f = fmemopen(buf, strlen(buf), "r");
	int a, b, c;

	if (f && fscanf(f, "%d %d %d", &a, &b, &c) == 3)
		printf("fmemopen read %d %d %d\n", a, b, c);
	if (f)
		fclose(f);
	f = open_memstream(&out, &size);
	if (f) {
		fprintf(f, "%s-%d", "memstream", 42);
		fclose(f);
		printf("open_memstream [%s] %zu\n", out, size);
		free(out);
	}
}

static void
commands(void)
{
	char line[128];
	FILE *p = popen("echo from a shell; echo second; exit 3", "r");
	int st;

	if (!p) {
		printf("popen: %s\n", errname(errno));
		return;
	}
	while (fgets(line, sizeof(line), p))
		printf("popen read: %s", line);
	st = pclose(p);
	printf("pclose: exited %d status %d\n", WIFEXITED(st), WEXITSTATUS(st));
	p = popen("cat > popen-out.txt", "w");
	if (p) {
		fputs("written through popen\n", p);
		printf("pclose (w): %d\n", pclose(p));
	}
}

static void
names(void)
{
	char tmpl[] = "stdio-XXXXXX.dat", *t;
	int fd = mkstemps(tmpl, 4);
	FILE *f;

	printf("mkstemps: %s, suffix kept %d\n", fd >= 0 ? "ok" : errname(errno),
	    strcmp(tmpl + strlen(tmpl) - 4, ".dat") == 0);
	if (fd >= 0) {
		close(fd);
		printf("remove: %d\n", remove(tmpl));
	}
#ifdef __FreeBSD__
	t = tmpnam(NULL);
#else
	t = "/tmp/";	/* glibc's linker warns about tmpnam: the answer it gives */
#endif
	printf("tmpnam in /tmp: %d\n", t && strncmp(t, "/tmp/", 5) == 0);
	f = freopen("reopened.txt", "w", stderr);
	if (f) {
		fprintf(stderr, "this went to reopened.txt\n");
		fclose(stderr);
	}
	fd = remove("no-such-file");
	printf("remove missing: %d %s\n", fd, errname(errno));
}

int
main(void)
{
	positions();
	buffering();
	memory();
	commands();
	names();
	return 0;
}
