/* uxrun FreeBSD SDK: process descriptors (sys/sys/procdesc.h). */
#ifndef _UXRT_SYS_PROCDESC_H
#define _UXRT_SYS_PROCDESC_H

#include <sys/types.h>

#define PD_DAEMON	0x00000001	/* the child outlives the last close */
#define PD_CLOEXEC	0x00000002

pid_t pdfork(int *fdp, int flags);
int pdkill(int fd, int signum);
int pdgetpid(int fd, pid_t *pidp);

#endif
