/* uxrun FreeBSD SDK: uname(3).  As in FreeBSD's header, uname() is inline:
 * __xuname() with the field size compiled in. */
#ifndef _UXRT_SYS_UTSNAME_H
#define _UXRT_SYS_UTSNAME_H

#define SYS_NMLN	256

struct utsname {
	char sysname[SYS_NMLN];
	char nodename[SYS_NMLN];
	char release[SYS_NMLN];
	char version[SYS_NMLN];
	char machine[SYS_NMLN];
};

int __xuname(int size, void *buf);

static inline int
uname(struct utsname *name)
{
	return __xuname(SYS_NMLN, (void *)name);
}

#endif
