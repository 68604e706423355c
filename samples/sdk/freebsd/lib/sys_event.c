/* kqueue(2) and kevent(2). */
#include <errno.h>
#include <sys/event.h>
#include "uxrt.h"

int
kqueue(void)
{
	return (int)uxrt_call(SYS_kqueue);
}

int
kevent(int kq, const struct kevent *changelist, int nchanges, struct kevent *eventlist,
    int nevents, const struct timespec *timeout)
{
	return (int)uxrt_call(SYS_kevent, kq, changelist, nchanges, eventlist, nevents, timeout);
}
