/*
 * Process exit through the C library: atexit handlers run in reverse order
 * of registration, buffered stdout (no newline, no flush) is written at
 * exit, and the status passed to exit() is the process's.
 *   dyn-atexit [STATUS]
 */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("handler registered first, run last\n"); }
static void second(void) { printf("handler registered second\n"); }
static void third(void) { printf("handler registered third, run first\n"); }

int
main(int argc, char **argv)
{
	int status = argc > 1 ? atoi(argv[1]) : 0;

	atexit(first);
	atexit(second);
	atexit(third);
	/* Stays in stdio's buffer until exit flushes it. */
	printf("buffered, no newline; exiting with %d... ", status);
	exit(status);
}
