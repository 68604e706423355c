/*
 * The password database from a dynamically linked FreeBSD program
 * (glibc's lookups behind FreeBSD's struct passwd): root by uid and by
 * name, the reentrant forms with a buffer too small (ERANGE) and one
 * large enough, and a user that does not exist.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>

static void
show(const char *how, const struct passwd *p)
{
	if (!p) {
		printf("%s: none\n", how);
		return;
	}
	printf("%s: %s uid %u gid %u dir %s shell %s\n", how, p->pw_name, (unsigned)p->pw_uid,
	    (unsigned)p->pw_gid, p->pw_dir, p->pw_shell);
}

int
main(void)
{
	struct passwd pw, *res = &pw;
	char small[4], buf[2048];
	int r;

	show("getpwuid(0)", getpwuid(0));
	show("getpwnam(root)", getpwnam("root"));
	show("getpwnam(uxrun-no-such-user)", getpwnam("uxrun-no-such-user"));
	r = getpwuid_r(0, &pw, small, sizeof(small), &res);
	printf("getpwuid_r, 4 bytes: %s, result %s\n", r == ERANGE ? "ERANGE" : r ? "another error" : "0",
	    res ? "set" : "NULL");
	r = getpwnam_r("root", &pw, buf, sizeof(buf), &res);
	printf("getpwnam_r: %d, strings in the buffer %s\n", r,
	    res && res->pw_name >= buf && res->pw_name < buf + sizeof(buf) ? "yes" : "no");
	show("  entry", res);
	r = getpwnam_r("uxrun-no-such-user", &pw, buf, sizeof(buf), &res);
	printf("getpwnam_r(uxrun-no-such-user): %d, result %s\n", r, res ? "set" : "NULL");
	return 0;
}
