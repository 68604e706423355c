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

static void (*const speak)(const char *, const char *) = say;

int
main(void)
{
	speak(words[0], words[1]);
	return 0;
}
