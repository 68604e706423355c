/*
 * qsort, qsort_r and bsearch over libc.so.7, with guest comparators that
 * libc calls back: integers, strings, records by two keys, and a
 * comparator that takes an argument.
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
	const char *name;
	int age;
};

static int calls;

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	calls++;
	return (x > y) - (x < y);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
cmp_rec(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;

	if (x->age != y->age)
		return x->age - y->age;
	return strcmp(x->name, y->name);
}

/* qsort_r as FreeBSD 14 and glibc both have it: the argument comes last. */
static int
cmp_mod(const void *a, const void *b, void *arg)
{
	int m = *(int *)arg, x = *(const int *)a % m, y = *(const int *)b % m;

	if (x != y)
		return x - y;
	return cmp_int(a, b);
}

int
main(void)
{
	int v[] = { 42, -7, 19, 0, 1000, 3, 19, -250, 77, 8, 64, 5 };
	size_t nv = sizeof(v) / sizeof(v[0]);
	const char *words[] = { "pear", "apple", "fig", "banana", "cherry", "date", "elderberry" };
	size_t nw = sizeof(words) / sizeof(words[0]);
	struct rec people[] = {
		{ "dora", 31 }, { "al", 25 }, { "cy", 31 }, { "bea", 25 }, { "ed", 40 },
	};
	int keys[] = { 19, 4, -250, 1000, 1001 };
	int mod = 10;

	qsort(v, nv, sizeof(v[0]), cmp_int);
	printf("ints:");
	for (size_t i = 0; i < nv; i++)
		printf(" %d", v[i]);
	printf("\ncomparator was called: %s\n", calls > 0 ? "yes" : "no");
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		int *p = bsearch(&keys[i], v, nv, sizeof(v[0]), cmp_int);

		if (p)
			printf("bsearch %d: found, value %d\n", keys[i], *p);
		else
			printf("bsearch %d: absent\n", keys[i]);
	}

	qsort(words, nw, sizeof(words[0]), cmp_str);
	for (size_t i = 0; i < nw; i++)
		printf("%zu %s\n", i, words[i]);
	{
		const char *k = "date", **hit = bsearch(&k, words, nw, sizeof(words[0]), cmp_str);

		printf("date at %td\n", hit ? hit - words : (ptrdiff_t)-1);
	}

	qsort(people, sizeof(people) / sizeof(people[0]), sizeof(people[0]), cmp_rec);
	for (size_t i = 0; i < sizeof(people) / sizeof(people[0]); i++)
		printf("%-5s %d\n", people[i].name, people[i].age);

	qsort_r(v, nv, sizeof(v[0]), cmp_mod, &mod);
	printf("by last digit:");
	for (size_t i = 0; i < nv; i++)
		printf(" %d", v[i]);
	printf("\n");

	/* edge cases: nothing and one element */
	qsort(v, 0, sizeof(v[0]), cmp_int);
	qsort(v, 1, sizeof(v[0]), cmp_int);
	printf("bsearch in nothing: %s\n", bsearch(&keys[0], v, 0, sizeof(v[0]), cmp_int) ? "hit" : "miss");
	return 0;
}
