/*
 * errno as a FreeBSD program sees it: __error() points at a per-thread int
 * holding FreeBSD numbers, filled from glibc's errno after a host call
 * fails (shim_errno_sync), and strerror() and perror() that read it.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "libshim/freebsd/libc_shim.h"
#include "syscalls/freebsd/fbsd_consts.h"

__thread int shim_errno;

int *
shim___error(void)
{
	return &shim_errno;
}

int
shim_errno_from_host(int host)
{
	if (host == 0)
		return 0;
	if (host > 0 && host < FBSD_HOST_ERRNO_MAX && fbsd_errno_from_linux[host] != 0)
		return fbsd_errno_from_linux[host];
	/* As the syscall dispatcher does: no twin reads best as EINVAL. */
	return FBSD_EINVAL;
}

int
shim_enosys(void)
{
	shim_errno = FBSD_ENOSYS;
	return FBSD_ENOSYS;
}

/*
 * The reverse map takes only exact twins, found by name: several Linux
 * errnos fold into one FreeBSD errno (ETIME and ETIMEDOUT into ETIMEDOUT),
 * and the FreeBSD-only ones (EAUTH, EDOOFUS ...) must not come back as the
 * Linux errno nearest in meaning.
 */
static int host_of[FBSD_ELAST + 1];
static pthread_once_t host_of_once = PTHREAD_ONCE_INIT;

static void
build_host_of(void)
{
	for (int h = 1; h < FBSD_HOST_ERRNO_MAX; h++) {
		int g = fbsd_errno_from_linux[h];
		const char *hn = strerrorname_np(h);

		if (g <= 0 || g > FBSD_ELAST || !hn || !fbsd_errno_names[g])
			continue;
		/* FreeBSD names 45 ENOTSUP; Linux names the same error EOPNOTSUPP. */
		if (strcmp(hn, fbsd_errno_names[g]) == 0 || (h == EOPNOTSUPP && g == FBSD_ENOTSUP))
			host_of[g] = h;
	}
}

int
shim_errno_to_host(int guest)
{
	if (guest <= 0 || guest > FBSD_ELAST)
		return 0;
	pthread_once(&host_of_once, build_host_of);
	return host_of[guest];
}

/* FreeBSD's own texts (lib/libc/gen/errlst.c) for the errnos Linux lacks. */
static const char *const fbsd_only_text[FBSD_ELAST + 1] = {
	[FBSD_EPROCLIM] = "Too many processes",
	[FBSD_EBADRPC] = "RPC struct is bad",
	[FBSD_ERPCMISMATCH] = "RPC version wrong",
	[FBSD_EPROGUNAVAIL] = "RPC prog. not avail",
	[FBSD_EPROGMISMATCH] = "Program version wrong",
	[FBSD_EPROCUNAVAIL] = "Bad procedure for program",
	[FBSD_EFTYPE] = "Inappropriate file type or format",
	[FBSD_EAUTH] = "Authentication error",
	[FBSD_ENEEDAUTH] = "Need authenticator",
	[FBSD_ENOATTR] = "Attribute not found",
	[FBSD_EDOOFUS] = "Programming error",
	[FBSD_ENOTCAPABLE] = "Capabilities insufficient",
	[FBSD_ECAPMODE] = "Not permitted in capability mode",
	[FBSD_EINTEGRITY] = "Integrity check failed",
};

/* The message for a FreeBSD errno, or NULL when it is no errno at all.
 * Translated errnos read as glibc words them, like the native twin. */
static const char *
message(int errnum)
{
	int h = shim_errno_to_host(errnum);

	if (errnum == 0 || h > 0)
		return strerror(h);
	if (errnum > 0 && errnum <= FBSD_ELAST && fbsd_only_text[errnum])
		return fbsd_only_text[errnum];
	return NULL;
}

char *
shim_strerror(int errnum)
{
	static __thread char unknown[32];
	const char *m = message(errnum);

	if (m)
		return (char *)m;
	snprintf(unknown, sizeof(unknown), "Unknown error %d", errnum);
	shim_errno = FBSD_EINVAL;
	return unknown;
}

/* FreeBSD's is the POSIX one: an error number back, the text truncated. */
int
shim_strerror_r(int errnum, char *buf, size_t len)
{
	char unknown[32];
	const char *m = message(errnum);
	int r = 0;

	if (!m) {
		snprintf(unknown, sizeof(unknown), "Unknown error %d", errnum);
		m = unknown;
		r = FBSD_EINVAL;
	}
	if (len == 0)
		return FBSD_ERANGE;
	if (strlen(m) >= len)
		r = FBSD_ERANGE;
	snprintf(buf, len, "%s", m);
	return r;
}

void
shim_perror(const char *s)
{
	int saved = shim_errno;
	const char *m = shim_strerror(saved);

	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, m);
	else
		fprintf(stderr, "%s\n", m);
	shim_errno = saved;
}
