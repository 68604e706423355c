/*
 * mkcorpus DIR: writes the loader's malformed-input corpus into DIR (created
 * if missing; earlier contents of the same names are replaced) and a
 * MANIFEST that tests/loader/run.sh reads, one case per line:
 *
 *   NAME <tab> PATH (relative to DIR) <tab> STATUS <tab> OS <tab> PROTECT <tab> MESSAGE
 *
 * STATUS is uxrun's expected exit status; OS is what `uxrun --info` must
 * report for files that are valid ELF ("-" for the others); MESSAGE is part
 * of the expected one-line error ("-" when uxrun must print nothing).
 * PROTECT is 1 when the runner must make PATH unreadable (chmod 000) for
 * the test, 2 when it must do so to PATH's directory, 0 otherwise; the
 * corpus itself is left with ordinary permissions, so it can be removed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "tests/loader/elfgen.h"

static void
remove_old(const struct eg_case *c, const char *dir)
{
	char path[4096];

	eg_unprotect(c, dir);
	eg_path(c, dir, path, sizeof(path));
	if (unlink(path) != 0)
		rmdir(path);
	if (c->kind == EG_NOSEARCH) {
		snprintf(path, sizeof(path), "%s/%s.d", dir, c->name);
		rmdir(path);
	}
}

int
main(int argc, char **argv)
{
	char path[4096];
	FILE *man;
	int bad = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: mkcorpus DIR\n");
		return 2;
	}
	const char *dir = argv[1];
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "mkcorpus: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	snprintf(path, sizeof(path), "%s/MANIFEST", dir);
	man = fopen(path, "w");
	if (!man) {
		fprintf(stderr, "mkcorpus: %s: %s\n", path, strerror(errno));
		return 1;
	}
	for (size_t i = 0; i < eg_ncases; i++) {
		const struct eg_case *c = &eg_cases[i];

		remove_old(c, dir);
		if (eg_create(c, dir) != 0) {
			fprintf(stderr, "mkcorpus: %s: %s\n", c->name, strerror(errno));
			bad = 1;
			continue;
		}
		eg_unprotect(c, dir);
		eg_path(c, "", path, sizeof(path));
		fprintf(man, "%s\t%s\t%d\t%s\t%d\t%s\n", c->name, path + 1, c->status,
		    c->opens ? c->os : "-", c->kind == EG_UNREADABLE ? 1 : c->kind == EG_NOSEARCH ? 2 : 0,
		    c->msg[0] ? c->msg : "-");
	}
	if (fclose(man) != 0) {
		fprintf(stderr, "mkcorpus: MANIFEST: %s\n", strerror(errno));
		return 1;
	}
	return bad;
}
