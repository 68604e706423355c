/*
 * Named POSIX semaphores: sem_open (O_CREAT, O_EXCL, an initial value),
 * the same name opened twice in one process, a child process opening it
 * by name and posting, sem_close, sem_unlink, and their errors.
 *   dyn-namedsem
 */
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

#define NAME "/uxrun-dyn-namedsem"

static void
value(const char *what, sem_t *s)
{
	int v = -1;

	sem_getvalue(s, &v);
	printf("%s: value %d\n", what, v);
}

int
main(void)
{
	sem_t *a, *b, *c;
	pid_t pid;
	int st;

	setvbuf(stdout, NULL, _IONBF, 0);
	sem_unlink(NAME);	/* a run that died early may have left it */
	errno = 0;
	a = sem_open(NAME, 0);
	printf("open missing: %s %s\n", a == SEM_FAILED ? "SEM_FAILED" : "opened", errname(errno));
	a = sem_open(NAME, O_CREAT | O_EXCL, 0600, 2);
	if (a == SEM_FAILED) {
		printf("create: %s\n", errname(errno));
		return 1;
	}
	value("created", a);
	errno = 0;
	b = sem_open(NAME, O_CREAT | O_EXCL, 0600, 5);
	printf("create again, exclusive: %s %s\n", b == SEM_FAILED ? "SEM_FAILED" : "opened",
	    errname(errno));
	b = sem_open(NAME, O_CREAT, 0600, 5);
	printf("open again: same sem_t %d\n", b == a);
	value("open again (initial value ignored)", b);
	st = sem_trywait(a);
	printf("trywait: %d", st);
	st = sem_trywait(b);
	printf(" %d", st);
	errno = 0;
	st = sem_trywait(a);
	printf(" %d %s\n", st, errname(errno));

	pid = fork();
	if (pid == 0) {
		sem_t *k = sem_open(NAME, 0);

		if (k == SEM_FAILED)
			_exit(1);
		for (int i = 0; i < 3; i++)
			sem_post(k);
		sem_close(k);
		_exit(0);
	}
	for (int i = 0; i < 3; i++)
		sem_wait(a);
	waitpid(pid, &st, 0);
	printf("child posted 3, parent took 3, child status %d\n", WEXITSTATUS(st));
	sem_post(a);
	value("after one post", a);

	printf("close: %d", sem_close(b));
	value(", still open once", a);
	printf("close: %d\n", sem_close(a));
	printf("unlink: %d\n", sem_unlink(NAME));
	errno = 0;
	st = sem_unlink(NAME);
	printf("unlink again: %d %s\n", st, errname(errno));
	errno = 0;
	c = sem_open(NAME, 0);
	printf("open after unlink: %s %s\n", c == SEM_FAILED ? "SEM_FAILED" : "opened", errname(errno));
	return 0;
}
