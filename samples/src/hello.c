/*
 * The smallest demo. Built normally and as a static PIE (hello-pie): the
 * pointer tables below are what the PIE start code has to relocate.
 */
#include <stdio.h>

static const char *const words[] = { "hello,", "world" };

static void
say(const char *a, const char *b)
{
	printf("%s %s\n", a, b);
}

static void (*const actions[])(const char *, const char *) = { say };

int
main(void)
{
	/* Reading through volatile pointers keeps the tables (and their
	 * relocations) in the binary instead of being folded away. */
	const char *const *volatile w = words;
	void (*const *volatile act)(const char *, const char *) = actions;

	act[0](w[0], w[1]);
	return 0;
}
