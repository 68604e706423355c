/*
 * A small size-class allocator over anonymous mmap. Blocks up to 64 KiB
 * come from 1 MiB arenas and go back to per-class free lists; larger
 * ones are mapped and unmapped one by one. Never returns arena memory.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "uxrt.h"

struct block {
	size_t size;		/* whole block, header included */
	size_t cls;		/* size class, or CLS_BIG */
};

#define HDR		sizeof(struct block)
#define MIN_BLOCK	32
#define NCLASS		12	/* 32 B .. 64 KiB */
#define CLS_BIG		((size_t)-1)
#define ARENA_SIZE	(1UL << 20)
#define PAGE		4096UL

_Static_assert(sizeof(struct block) == 16, "malloc header keeps 16-byte alignment");

static void *free_list[NCLASS];
static char *arena_next, *arena_end;

static void *
map_anon(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

void *
malloc(size_t n)
{
	struct block *b;
	size_t total, cls, size;

	if (n > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	total = n + HDR;
	if (total > (MIN_BLOCK << (NCLASS - 1))) {
		size = (total + PAGE - 1) & ~(PAGE - 1);
		b = map_anon(size);
		if (b == NULL)
			return NULL;
		b->size = size;
		b->cls = CLS_BIG;
		return b + 1;
	}
	for (cls = 0, size = MIN_BLOCK; size < total; cls++)
		size <<= 1;
	if (free_list[cls] != NULL) {
		b = (struct block *)free_list[cls] - 1;
		free_list[cls] = *(void **)free_list[cls];
		return b + 1;
	}
	if ((size_t)(arena_end - arena_next) < size) {
		arena_next = map_anon(ARENA_SIZE);
		if (arena_next == NULL) {
			arena_end = NULL;
			return NULL;
		}
		arena_end = arena_next + ARENA_SIZE;
	}
	b = (struct block *)arena_next;
	arena_next += size;
	b->size = size;
	b->cls = cls;
	return b + 1;
}

void
free(void *p)
{
	struct block *b;

	if (p == NULL)
		return;
	b = (struct block *)p - 1;
	if (b->cls == CLS_BIG) {
		munmap(b, b->size);
		return;
	}
	*(void **)p = free_list[b->cls];
	free_list[b->cls] = p;
}

void *
calloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(n * size);
	if (p != NULL)
		memset(p, 0, n * size);
	return p;
}

void *
realloc(void *p, size_t n)
{
	struct block *b;
	void *q;
	size_t have;

	if (p == NULL)
		return malloc(n);
	b = (struct block *)p - 1;
	have = b->size - HDR;
	if (n <= have)
		return p;
	q = malloc(n);
	if (q == NULL)
		return NULL;
	memcpy(q, p, have);
	free(p);
	return q;
}
