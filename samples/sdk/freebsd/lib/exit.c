/* Normal and abnormal process termination. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "uxrt.h"

#define ATEXIT_MAX 32

static void (*atexit_fns[ATEXIT_MAX])(void);
static int atexit_count;

int
atexit(void (*fn)(void))
{
	if (atexit_count == ATEXIT_MAX)
		return -1;
	atexit_fns[atexit_count++] = fn;
	return 0;
}

_Noreturn void
exit(int status)
{
	while (atexit_count > 0)
		atexit_fns[--atexit_count]();
	__uxrt_stdio_flush_all();
	_exit(status);
}

_Noreturn void
_Exit(int status)
{
	_exit(status);
}

_Noreturn void
abort(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	_exit(127);
}
