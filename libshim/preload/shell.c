/*
 * system() and popen().  glibc's run /bin/sh through its internal
 * posix_spawn, which the shim cannot see; the shell they start is native
 * and, carrying the shim, routes the command's foreign programs itself.
 * So the real functions are used whenever the process's environment
 * still carries the shim, and these stand-ins (the same steps over the
 * shim's posix_spawn) only when it no longer does (after clearenv(), or
 * unsetenv("LD_PRELOAD")): the shell gets the shim back.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#include "libshim/preload/uxshim.h"

#define BSHELL "/bin/sh"

/* --- system ------------------------------------------------------------------------ */

/* As glibc: SIGINT and SIGQUIT ignored while any thread waits in
 * system(), and restored by the last one out. */
static pthread_mutex_t sys_lock = PTHREAD_MUTEX_INITIALIZER;
static int sys_count;
static struct sigaction sys_intr, sys_quit;

static int
own_system(const char *cmd)
{
	struct sigaction ign = { .sa_handler = SIG_IGN };
	sigset_t block, omask, reset;
	posix_spawnattr_t attr;
	char *argv[] = { "sh", "-c", (char *)cmd, NULL };
	int status = -1, r;
	pid_t pid;

	sigemptyset(&ign.sa_mask);
	pthread_mutex_lock(&sys_lock);
	if (sys_count++ == 0) {
		sigaction(SIGINT, &ign, &sys_intr);
		sigaction(SIGQUIT, &ign, &sys_quit);
	}
	pthread_mutex_unlock(&sys_lock);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &omask);

	sigemptyset(&reset);
	if (sys_intr.sa_handler != SIG_IGN)
		sigaddset(&reset, SIGINT);
	if (sys_quit.sa_handler != SIG_IGN)
		sigaddset(&reset, SIGQUIT);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigdefault(&attr, &reset);
	posix_spawnattr_setsigmask(&attr, &omask);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
	r = posix_spawn(&pid, BSHELL, NULL, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	if (r == 0) {
		while (waitpid(pid, &status, 0) < 0)
			if (errno != EINTR) {
				status = -1;
				break;
			}
	} else {
		/* POSIX: as if the shell had run and done _exit(127). */
		status = 127 << 8;
	}

	pthread_mutex_lock(&sys_lock);
	if (--sys_count == 0) {
		sigaction(SIGINT, &sys_intr, NULL);
		sigaction(SIGQUIT, &sys_quit, NULL);
	}
	pthread_mutex_unlock(&sys_lock);
	sigprocmask(SIG_SETMASK, &omask, NULL);
	if (r != 0)
		errno = r;
	return status;
}

UXS_EXPORT int
system(const char *cmd)
{
	UXS_INIT();
	if (cmd == NULL || uxs_env_has_shim(environ))
		return uxs_real.system(cmd);
	return own_system(cmd);
}

/* --- popen ------------------------------------------------------------------------- */

/* The streams own_popen() opened, for pclose() and for closing in the
 * next children (POSIX wants earlier popen streams closed there). */
struct pstream {
	FILE *fp;
	int fd;
	pid_t pid;
	struct pstream *next;
};
static struct pstream *streams;
static pthread_mutex_t streams_lock = PTHREAD_MUTEX_INITIALIZER;

static FILE *
own_popen(const char *cmd, const char *mode)
{
	int rd = 0, wr = 0, cloexec = 0, fds[2], r;
	posix_spawn_file_actions_t fa;
	struct pstream *s;
	char *argv[] = { "sh", "-c", (char *)cmd, NULL };

	for (const char *m = mode; *m != '\0'; m++) {
		switch (*m) {
		case 'r': rd = 1; break;
		case 'w': wr = 1; break;
		case 'e': cloexec = 1; break;
		default: errno = EINVAL; return NULL;
		}
	}
	if (rd == wr) {
		errno = EINVAL;
		return NULL;
	}
	if ((s = malloc(sizeof(*s))) == NULL)
		return NULL;
	if (pipe2(fds, O_CLOEXEC) != 0) {
		free(s);
		return NULL;
	}
	int mine = rd ? fds[0] : fds[1], theirs = rd ? fds[1] : fds[0];

	posix_spawn_file_actions_init(&fa);
	/* dup2 onto itself clears close-on-exec (glibc 2.29 and later). */
	posix_spawn_file_actions_adddup2(&fa, theirs, rd ? STDOUT_FILENO : STDIN_FILENO);
	pthread_mutex_lock(&streams_lock);
	for (struct pstream *p = streams; p != NULL; p = p->next)
		if (p->fd != (rd ? STDOUT_FILENO : STDIN_FILENO))
			posix_spawn_file_actions_addclose(&fa, p->fd);
	r = posix_spawn(&s->pid, BSHELL, &fa, NULL, argv, environ);
	pthread_mutex_unlock(&streams_lock);
	posix_spawn_file_actions_destroy(&fa);
	close(theirs);
	if (r != 0) {
		close(mine);
		free(s);
		errno = r;
		return NULL;
	}
	if (!cloexec)
		fcntl(mine, F_SETFD, 0);
	if ((s->fp = fdopen(mine, rd ? "r" : "w")) == NULL) {
		int e = errno;
		close(mine);
		while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR)
			;
		free(s);
		errno = e;
		return NULL;
	}
	s->fd = mine;
	pthread_mutex_lock(&streams_lock);
	s->next = streams;
	streams = s;
	pthread_mutex_unlock(&streams_lock);
	return s->fp;
}

UXS_EXPORT FILE *
popen(const char *cmd, const char *mode)
{
	UXS_INIT();
	if (uxs_env_has_shim(environ))
		return uxs_real.popen(cmd, mode);
	return own_popen(cmd, mode);
}

UXS_EXPORT int
pclose(FILE *fp)
{
	struct pstream **pp, *s = NULL;
	int status;
	pid_t w;

	UXS_INIT();
	pthread_mutex_lock(&streams_lock);
	for (pp = &streams; *pp != NULL; pp = &(*pp)->next)
		if ((*pp)->fp == fp) {
			s = *pp;
			*pp = s->next;
			break;
		}
	pthread_mutex_unlock(&streams_lock);
	if (s == NULL)
		return uxs_real.pclose(fp);
	fclose(fp);
	do
		w = waitpid(s->pid, &status, 0);
	while (w < 0 && errno == EINTR);
	free(s);
	return w < 0 ? -1 : status;
}
