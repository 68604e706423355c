/* uxrun FreeBSD SDK: kernel threads (FreeBSD sys/sys/thr.h). */
#ifndef _UXRT_SYS_THR_H
#define _UXRT_SYS_THR_H

#include <sys/types.h>
#include <sys/_timespec.h>

#define THR_SUSPENDED		0x0001
#define THR_SYSTEM_SCOPE	0x0002

struct rtprio;

struct thr_param {
	void (*start_func)(void *);
	void *arg;
	char *stack_base;
	size_t stack_size;
	char *tls_base;
	size_t tls_size;
	long *child_tid;
	long *parent_tid;
	int flags;
	struct rtprio *rtp;
	void *spare[3];
};

int thr_new(struct thr_param *param, int param_size);
int thr_self(long *id);
void thr_exit(long *state);
int thr_kill(long id, int sig);
int thr_kill2(pid_t pid, long id, int sig);
int thr_suspend(const struct timespec *timeout);
int thr_wake(long id);
int thr_set_name(long id, const char *name);

#endif
