/* uxrun FreeBSD SDK: POSIX semaphores (unnamed ones over _umtx_op's _usem2). */
#ifndef _UXRT_SEMAPHORE_H
#define _UXRT_SEMAPHORE_H

#include <sys/types.h>
#include <sys/_timespec.h>
#include <sys/umtx.h>

typedef struct _sem {
	uint32_t _magic;
	struct _usem2 _kern;
	uint32_t _padding;
} sem_t;

#define SEM_VALUE_MAX	USEM_MAX_COUNT

int sem_init(sem_t *sem, int pshared, unsigned int value);
int sem_destroy(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *sem, const struct timespec *abstime);
int sem_post(sem_t *sem);
int sem_getvalue(sem_t *sem, int *value);

/* Named semaphores (O_CREAT and O_EXCL from <fcntl.h>). */
#define SEM_FAILED	((sem_t *)0)
sem_t *sem_open(const char *name, int oflag, ...);
int sem_close(sem_t *sem);
int sem_unlink(const char *name);

#endif
