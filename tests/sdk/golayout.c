/*
 * golayout ZTYPES_GO < LINES: checks what tests/sdk/layout printed (the
 * SDK's struct sizes and field offsets, under Go's names) against Go's
 * ztypes_freebsd_amd64.go, and that every Go field of each struct was
 * checked (a field the SDK lacks fails too; Go's padding fields are
 * exempt).  One line per struct, then `N passed, N failed`.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/gofile.h"

/* gofile.c's file reader (tests/unit/main.c has the unit tests' own). */
char *unit_slurp(const char *path, size_t *len);

char *
unit_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	if (buf && len)
		*len = (size_t)n;
	fclose(f);
	return buf;
}

struct check {
	struct go_struct go;
	int seen[GO_MAX_FIELDS];
	int bad;
	int active;
};

static int pass, fail;

static void
finish(struct check *c)
{
	if (!c->active)
		return;
	for (int i = 0; i < c->go.nf; i++) {
		const char *n = c->go.f[i].name;
		if (c->seen[i] || n[0] == '_' || strncmp(n, "Pad", 3) == 0)
			continue;
		printf("    %s.%s: not in the SDK's struct\n", c->go.name, n);
		c->bad = 1;
	}
	printf("%s: %s\n", c->bad ? "FAIL" : "PASS", c->go.name);
	if (c->bad)
		fail++;
	else
		pass++;
	c->active = 0;
}

int
main(int argc, char **argv)
{
	char *src, line[256], name[60], field[60];
	static struct check c;
	unsigned long a, b;

	if (argc != 2 || !(src = unit_slurp(argv[1], NULL))) {
		fprintf(stderr, "usage: golayout ztypes_freebsd_amd64.go < layout-output\n");
		return 2;
	}
	while (fgets(line, sizeof(line), stdin)) {
		if (sscanf(line, "struct %59s %lu", name, &a) == 2) {
			finish(&c);
			memset(&c, 0, sizeof(c));
			c.active = 1;
			if (go_struct_layout(src, name, &c.go) != 0) {
				snprintf(c.go.name, sizeof(c.go.name), "%s", name);
				printf("    %s: not found in Go's ztypes\n", name);
				c.bad = 1;
				continue;
			}
			if (c.go.size != a) {
				printf("    %s: %lu bytes in the SDK, %llu in Go\n", name, a,
				    (unsigned long long)c.go.size);
				c.bad = 1;
			}
		} else if (c.active && sscanf(line, "field %59[^.].%59s %lu %lu", name, field, &a, &b) == 4) {
			const struct go_field *f = go_field(&c.go, field);
			if (!f) {
				printf("    %s.%s: no such field in Go\n", name, field);
				c.bad = 1;
				continue;
			}
			c.seen[f - c.go.f] = 1;
			if (f->off != a || f->size != b) {
				printf("    %s.%s: offset %lu size %lu in the SDK, %llu and %llu in Go\n",
				    name, field, a, b, (unsigned long long)f->off, (unsigned long long)f->size);
				c.bad = 1;
			}
		}
	}
	finish(&c);
	free(src);
	printf("%d passed, %d failed\n", pass, fail);
	return fail != 0;
}
