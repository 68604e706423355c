/* uxrun FreeBSD SDK: struct xucred (LOCAL_PEERCRED). */
#ifndef _UXRT_SYS_UCRED_H
#define _UXRT_SYS_UCRED_H

#include <sys/types.h>

#define XU_NGROUPS	16
#define XUCRED_VERSION	0

struct xucred {
	unsigned int cr_version;
	uid_t cr_uid;
	short cr_ngroups;
	gid_t cr_groups[XU_NGROUPS];
	union {
		void *_cr_unused1;
		pid_t cr_pid;
	};
};

#endif
