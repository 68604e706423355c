/*
 * Lists directories with sorted names. -l adds type, octal mode, link
 * count and size (no times or owners, so output is reproducible);
 * -R recurses; -a shows dot files (never "." and "..").
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "errname.h"

static int opt_long, opt_recursive, opt_all;
static int status;

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char
type_char(mode_t m)
{
	if (S_ISDIR(m)) return 'd';
	if (S_ISLNK(m)) return 'l';
	if (S_ISFIFO(m)) return 'p';
	if (S_ISCHR(m)) return 'c';
	if (S_ISBLK(m)) return 'b';
	if (S_ISSOCK(m)) return 's';
	return '-';
}

static void
show_entry(const char *path, const char *name)
{
	struct stat st;
	char target[PATH_MAX];
	ssize_t n;

	if (!opt_long) {
		printf("%s\n", name);
		return;
	}
	if (lstat(path, &st) != 0) {
		fprintf(stderr, "ls: %s: %s\n", path, errname(errno));
		status = 1;
		return;
	}
	printf("%c %04o %3lu ", type_char(st.st_mode), (unsigned)(st.st_mode & 07777),
	    (unsigned long)st.st_nlink);
	/* Directory sizes depend on the file system, so they are not shown. */
	if (S_ISDIR(st.st_mode))
		printf("%8s", "-");
	else
		printf("%8lld", (long long)st.st_size);
	printf(" %s", name);
	if (S_ISLNK(st.st_mode)) {
		n = readlink(path, target, sizeof(target) - 1);
		if (n < 0) {
			fprintf(stderr, "ls: %s: %s\n", path, errname(errno));
			status = 1;
			n = 0;
		}
		target[n] = '\0';
		printf(" -> %s", target);
	}
	putchar('\n');
}

static void
list_dir(const char *dir, int header)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL, path[PATH_MAX];
	size_t n = 0, i;

	if (d == NULL) {
		fprintf(stderr, "ls: %s: %s\n", dir, errname(errno));
		status = 1;
		return;
	}
	errno = 0;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (e->d_name[0] == '.' && !opt_all)
			continue;
		names = realloc(names, (n + 1) * sizeof(*names));
		if (names == NULL || (names[n] = strdup(e->d_name)) == NULL) {
			fprintf(stderr, "ls: out of memory\n");
			exit(2);
		}
		n++;
	}
	if (errno != 0) {
		fprintf(stderr, "ls: %s: %s\n", dir, errname(errno));
		status = 1;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_str);

	if (header)
		printf("%s:\n", dir);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		show_entry(path, names[i]);
	}
	if (opt_recursive) {
		for (i = 0; i < n; i++) {
			struct stat st;

			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
				putchar('\n');
				list_dir(path, 1);
			}
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int
main(int argc, char **argv)
{
	int i, k, first = 1, operands, shown_files = 0;
	struct stat st;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		const char *p;

		for (p = argv[i] + 1; *p; p++) {
			if (*p == 'l') opt_long = 1;
			else if (*p == 'R') opt_recursive = 1;
			else if (*p == 'a') opt_all = 1;
			else {
				fprintf(stderr, "ls: unknown option -%c\n", *p);
				return 2;
			}
		}
	}
	operands = argc - i;
	if (operands == 0) {
		list_dir(".", opt_recursive);
		return status;
	}
	/* Like ls(1): plain operands first, then the directories. */
	for (k = i; k < argc; k++) {
		if (lstat(argv[k], &st) != 0) {
			fprintf(stderr, "ls: %s: %s\n", argv[k], errname(errno));
			status = 1;
			argv[k] = NULL;
		} else if (!S_ISDIR(st.st_mode)) {
			show_entry(argv[k], argv[k]);
			shown_files = 1;
			argv[k] = NULL;
		}
	}
	for (k = i; k < argc; k++) {
		if (argv[k] == NULL)
			continue;
		if (shown_files || !first)
			putchar('\n');
		first = 0;
		list_dir(argv[k], operands > 1 || opt_recursive);
	}
	return status;
}
