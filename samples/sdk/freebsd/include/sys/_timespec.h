/* uxrun FreeBSD SDK: struct timespec, shared by time.h and sys/stat.h. */
#ifndef _UXRT_SYS_TIMESPEC_H
#define _UXRT_SYS_TIMESPEC_H

#include <sys/types.h>

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

#endif
