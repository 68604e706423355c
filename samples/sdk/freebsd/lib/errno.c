/* errno storage. The samples are single-threaded, so one int suffices. */
#include <errno.h>
#include "uxrt.h"

static int uxrt_errno;

int *
__error(void)
{
	return &uxrt_errno;
}

long
__uxrt_ret(long r)
{
	if ((unsigned long)r > -4096UL) {
		uxrt_errno = (int)-r;
		return -1;
	}
	return r;
}
