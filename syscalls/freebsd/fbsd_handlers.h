/* What every FreeBSD handler file includes. */
#ifndef FBSD_HANDLERS_H
#define FBSD_HANDLERS_H

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>

#include "syscalls/hostcall.h"
#include "syscalls/fault.h"
#include "syscalls/log.h"
#include "syscalls/hostfd.h"
#include "syscalls/convert.h"
#include "syscalls/freebsd/fbsd_abi.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/freebsd/fbsd_personality.h"
#include "syscalls/freebsd/fbsd_sysent.h"

/* Guest AT_FDCWD to Linux AT_FDCWD; other descriptors pass through. */
static inline int
fbsd_dirfd(int fd)
{
	return fd == FBSD_AT_FDCWD ? -100 /* Linux AT_FDCWD */ : fd;
}

#endif
