/* uxrun FreeBSD SDK: the password database (FreeBSD's <pwd.h>). */
#ifndef _UXRT_PWD_H
#define _UXRT_PWD_H

#include <sys/types.h>

struct passwd {
	char *pw_name;
	char *pw_passwd;
	uid_t pw_uid;
	gid_t pw_gid;
	time_t pw_change;
	char *pw_class;
	char *pw_gecos;
	char *pw_dir;
	char *pw_shell;
	time_t pw_expire;
	int pw_fields;
};

struct passwd *getpwuid(uid_t uid);
struct passwd *getpwnam(const char *name);
int getpwuid_r(uid_t uid, struct passwd *pwd, char *buf, size_t len, struct passwd **result);
int getpwnam_r(const char *name, struct passwd *pwd, char *buf, size_t len, struct passwd **result);

#endif
