/*
 * Symbolic errno names, for output that must match across systems whose
 * errno numbers differ. Uses the macros of whatever errno.h this file is
 * compiled against. Where two names share a value the first one wins.
 */
#ifndef SAMPLES_ERRNAME_H
#define SAMPLES_ERRNAME_H

#include <errno.h>
#include <stdio.h>

static const char *
errname(int e)
{
	static const struct { int num; const char *name; } names[] = {
#define N(x) { x, #x }
		N(EPERM), N(ENOENT), N(ESRCH), N(EINTR), N(EIO), N(ENXIO),
		N(E2BIG), N(ENOEXEC), N(EBADF), N(ECHILD), N(EDEADLK),
		N(ENOMEM), N(EACCES), N(EFAULT), N(ENOTBLK), N(EBUSY),
		N(EEXIST), N(EXDEV), N(ENODEV), N(ENOTDIR), N(EISDIR),
		N(EINVAL), N(ENFILE), N(EMFILE), N(ENOTTY), N(ETXTBSY),
		N(EFBIG), N(ENOSPC), N(ESPIPE), N(EROFS), N(EMLINK), N(EPIPE),
		N(EDOM), N(ERANGE), N(EAGAIN), N(EINPROGRESS), N(EALREADY),
		N(ENOTSOCK), N(EDESTADDRREQ), N(EMSGSIZE), N(EPROTOTYPE),
		N(ENOPROTOOPT), N(EPROTONOSUPPORT), N(EOPNOTSUPP),
		N(EAFNOSUPPORT), N(EADDRINUSE), N(EADDRNOTAVAIL), N(ENETDOWN),
		N(ENETUNREACH), N(ECONNABORTED), N(ECONNRESET), N(ENOBUFS),
		N(EISCONN), N(ENOTCONN), N(ETIMEDOUT), N(ECONNREFUSED),
		N(ELOOP), N(ENAMETOOLONG), N(EHOSTUNREACH), N(ENOTEMPTY),
		N(EDQUOT), N(ESTALE), N(ENOLCK), N(ENOSYS), N(EOVERFLOW),
		N(ECANCELED), N(EILSEQ), N(EBADMSG), N(EPROTO),
#undef N
	};
	static char unknown[32];
	unsigned i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].num == e)
			return names[i].name;
	/* An unnamed value is a bug worth seeing; its number is system specific. */
	snprintf(unknown, sizeof(unknown), "errno#%d", e);
	return unknown;
}

#endif
