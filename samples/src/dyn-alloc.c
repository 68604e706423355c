/*
 * The allocator: calloc zeroes, realloc keeps contents, posix_memalign and
 * aligned_alloc align, reallocarray refuses an overflowing product, and a
 * linked list of many small blocks survives being freed in a mixed order.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "errname.h"

struct node {
	struct node *next;
	int value;
};

int
main(void)
{
	unsigned char *c = calloc(1000, 1);
	int zero = 1;
	for (int i = 0; i < 1000; i++)
		zero &= c[i] == 0;
	printf("calloc zeroed: %d\n", zero);
	memcpy(c, "keep me", 8);
	c = realloc(c, 100000);
	printf("realloc kept: %s\n", (char *)c);
	free(c);

	void *p = NULL;
	int e = posix_memalign(&p, 4096, 100);
	printf("posix_memalign: %d, aligned %d\n", e, ((uintptr_t)p & 4095) == 0);
	free(p);
	e = posix_memalign(&p, 3, 100);
	printf("posix_memalign bad alignment: %s\n", errname(e));
	p = aligned_alloc(64, 128);
	printf("aligned_alloc aligned: %d\n", p && ((uintptr_t)p & 63) == 0);
	free(p);
	/* Not a constant, or the compiler objects to the overflow itself. */
	volatile size_t big = SIZE_MAX / 2;
	errno = 0;
	p = reallocarray(NULL, big, 4);
	printf("reallocarray overflow: %s %s\n", p ? "pointer" : "NULL", errname(errno));

	struct node *head = NULL;
	for (int i = 0; i < 10000; i++) {
		struct node *n = malloc(sizeof(*n));
		n->value = i;
		n->next = head;
		head = n;
	}
	long sum = 0;
	int count = 0;
	/* Free every other node first, then the rest. */
	for (struct node *n = head; n && n->next; n = n->next) {
		struct node *dead = n->next;
		n->next = dead->next;
		sum += dead->value;
		free(dead);
		count++;
	}
	while (head) {
		struct node *n = head->next;
		sum += head->value;
		free(head);
		head = n;
		count++;
	}
	printf("list: %d nodes freed, sum %ld\n", count, sum);
	return 0;
}
