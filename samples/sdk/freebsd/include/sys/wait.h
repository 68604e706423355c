/* uxrun FreeBSD SDK: waiting for children (sys/sys/wait.h, FreeBSD 14). */
#ifndef _UXRT_SYS_WAIT_H
#define _UXRT_SYS_WAIT_H

#include <sys/types.h>
#include <sys/resource.h>
#include <signal.h>

/* si_code for SIGCHLD (FreeBSD has them in sys/signal.h) */
#ifndef CLD_EXITED
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6
#endif

#define WCOREFLAG	0200
#define _WSTATUS(x)	((x) & 0177)
#define _WSTOPPED	0177
#define WIFSTOPPED(x)	(_WSTATUS(x) == _WSTOPPED)
#define WSTOPSIG(x)	((x) >> 8)
#define WIFSIGNALED(x)	(_WSTATUS(x) != _WSTOPPED && _WSTATUS(x) != 0 && (x) != 0x13)
#define WTERMSIG(x)	(_WSTATUS(x))
#define WIFEXITED(x)	(_WSTATUS(x) == 0)
#define WEXITSTATUS(x)	((x) >> 8)
#define WIFCONTINUED(x)	((x) == 0x13)	/* SIGCONT */
#define WCOREDUMP(x)	((x) & WCOREFLAG)

#define WNOHANG		1
#define WUNTRACED	2
#define WSTOPPED	WUNTRACED
#define WCONTINUED	4
#define WNOWAIT		8
#define WEXITED		16
#define WTRAPPED	32

typedef enum idtype {
	P_PID, P_PPID, P_PGID, P_SID, P_CID, P_UID, P_GID, P_ALL,
	P_LWPID, P_TASKID, P_PROJID, P_POOLID, P_JAILID, P_CTID, P_CPUID, P_PSETID
} idtype_t;

#define WAIT_ANY	(-1)
#define WAIT_MYPGRP	0

struct __wrusage {
	struct rusage wru_self;
	struct rusage wru_children;
};

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);
pid_t wait6(idtype_t idtype, id_t id, int *status, int options,
    struct __wrusage *wru, siginfo_t *info);

#endif
