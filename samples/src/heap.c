/*
 * The classic data segment: sbrk grows and shrinks the break, the new
 * memory is usable, and the bookkeeping matches (FreeBSD's break(2)).
 * Every sbrk happens before the first printf: a C library's stdio may
 * itself take memory from the break.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *
yes(int c)
{
	return c ? "yes" : "no";
}

int
main(void)
{
	char *a = sbrk(0), *b, *c, *d, *e;
	unsigned long sum = 0;
	int old_break, moved, holds, shrink, back, grow, absurd;

	if (a == (char *)-1)
		return 1;
	b = sbrk(65536);
	old_break = b == a;
	c = sbrk(0);
	moved = c - a == 65536;
	memset(b, 0x5a, 65536);
	for (int i = 0; i < 65536; i += 4096)
		sum += (unsigned char)b[i];
	holds = sum == 16ul * 0x5a;
	d = sbrk(-65536);
	shrink = d == c;
	back = sbrk(0) == a;
	e = sbrk(1 << 20);
	memset(e, 1, 1 << 20);
	grow = e == a && e[(1 << 20) - 1] == 1;
	absurd = sbrk((intptr_t)1 << 46) == (void *)-1;

	printf("sbrk(65536) returns the old break: %s\n", yes(old_break));
	printf("the break moved by 65536: %s\n", yes(moved));
	printf("the new memory holds what was written: %s\n", yes(holds));
	printf("shrinking returns the previous break: %s\n", yes(shrink));
	printf("the break is back where it started: %s\n", yes(back));
	printf("a 1 MiB grow is usable: %s\n", yes(grow));
	printf("an absurd grow fails: %s\n", yes(absurd));
	return 0;
}
