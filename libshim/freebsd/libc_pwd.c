/*
 * The password database (gen/getpwent.c): glibc's lookups (NSS), each
 * entry copied into FreeBSD's struct passwd, which has fields glibc's
 * lacks (pw_change, pw_class, pw_expire, pw_fields).  The reentrant
 * forms put the strings in the caller's buffer and return an error
 * number; the others use one static entry, as FreeBSD's do.
 */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "libshim/freebsd/libc_shim.h"

/* <pwd.h>: the fields a FreeBSD entry carries (pw_fields). */
#define FBSD_PWF_NAME	0x0001
#define FBSD_PWF_PASSWD	0x0002
#define FBSD_PWF_UID	0x0004
#define FBSD_PWF_GID	0x0008
#define FBSD_PWF_GECOS	0x0040
#define FBSD_PWF_DIR	0x0080
#define FBSD_PWF_SHELL	0x0100

/* Copies glibc's entry into *out, its strings into buf; ERANGE when
 * they do not fit. */
static int
pw_to_fbsd(const struct passwd *p, struct fbsd_passwd *out, char *buf, size_t len)
{
	const char *src[6] = { p->pw_name, p->pw_passwd, "", p->pw_gecos, p->pw_dir, p->pw_shell };
	char *dst[6];
	size_t used = 0;

	for (int i = 0; i < 6; i++) {
		size_t n = strlen(src[i] ? src[i] : "") + 1;
		if (n > len - used)
			return ERANGE;
		dst[i] = memcpy(buf + used, src[i] ? src[i] : "", n);
		used += n;
	}
	*out = (struct fbsd_passwd){
		.pw_name = dst[0], .pw_passwd = dst[1], .pw_uid = p->pw_uid, .pw_gid = p->pw_gid,
		.pw_change = 0, .pw_class = dst[2], .pw_gecos = dst[3], .pw_dir = dst[4],
		.pw_shell = dst[5], .pw_expire = 0,
		.pw_fields = FBSD_PWF_NAME | FBSD_PWF_PASSWD | FBSD_PWF_UID | FBSD_PWF_GID | FBSD_PWF_GECOS |
		    FBSD_PWF_DIR | FBSD_PWF_SHELL,
	};
	return 0;
}

/* One lookup into a buffer of our own, grown until glibc's entry fits. */
static int
lookup(int by_uid, uint32_t uid, const char *name, struct fbsd_passwd *pwd, char *buf, size_t len,
    struct fbsd_passwd **result)
{
	int r;

	*result = NULL;
	for (size_t hlen = 1024;; hlen *= 2) {
		struct passwd p, *pr = NULL;
		char *hbuf = malloc(hlen);
		if (!hbuf)
			return shim_errno_from_host(ENOMEM);
		r = by_uid ? getpwuid_r(uid, &p, hbuf, hlen, &pr) : getpwnam_r(name, &p, hbuf, hlen, &pr);
		if (r == ERANGE && hlen < (1u << 20)) {
			free(hbuf);
			continue;
		}
		if (r == 0 && pr && (r = pw_to_fbsd(pr, pwd, buf, len)) == 0)
			*result = pwd;
		free(hbuf);
		return r ? shim_errno_from_host(r) : 0;
	}
}

int
shim_getpwuid_r(uint32_t uid, struct fbsd_passwd *pwd, char *buf, size_t len, struct fbsd_passwd **result)
{
	return lookup(1, uid, NULL, pwd, buf, len, result);
}

int
shim_getpwnam_r(const char *name, struct fbsd_passwd *pwd, char *buf, size_t len,
    struct fbsd_passwd **result)
{
	return lookup(0, 0, name, pwd, buf, len, result);
}

static struct fbsd_passwd pw_static;
static char pw_buf[4096];

static struct fbsd_passwd *
static_entry(int r, struct fbsd_passwd *res)
{
	if (r != 0)
		shim_errno = r;
	return res;
}

struct fbsd_passwd *
shim_getpwuid(uint32_t uid)
{
	struct fbsd_passwd *res;
	int r = shim_getpwuid_r(uid, &pw_static, pw_buf, sizeof(pw_buf), &res);

	return static_entry(r, res);
}

struct fbsd_passwd *
shim_getpwnam(const char *name)
{
	struct fbsd_passwd *res;
	int r = shim_getpwnam_r(name, &pw_static, pw_buf, sizeof(pw_buf), &res);

	return static_entry(r, res);
}
