/*
 * Processes through libc in a dynamically linked program: fork with
 * pthread_atfork handlers, pipes and dup2, exit statuses and deaths by
 * signal through waitpid, WNOHANG, vfork, sessions, execvp of a native
 * program, execv of this same program (a FreeBSD one under uxrun, so it
 * starts under uxrun again), a failing execve, and system().
 *   dyn-proc               the tests
 *   dyn-proc child WORDS   prints its arguments, exits 6 (the exec target)
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

static const char *self;

static void
report(const char *what, int status)
{
	if (WIFEXITED(status))
		printf("%s: exited with %d\n", what, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("%s: killed by %s\n", what, WTERMSIG(status) == SIGTERM ? "SIGTERM" :
		    WTERMSIG(status) == SIGKILL ? "SIGKILL" : "another signal");
	else
		printf("%s: status %#x\n", what, status);
}

static int
wait_for(pid_t pid, const char *what)
{
	int status = -1;
	pid_t r;

	while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
		;
	if (r != pid)
		printf("%s: waitpid returned %d (%s)\n", what, (int)r, errname(errno));
	else
		report(what, status);
	return status;
}

/* Reads everything a child wrote into the pipe. */
static void
drain(int fd, const char *what)
{
	char buf[256];
	size_t n = 0;
	ssize_t r;

	while (n < sizeof(buf) - 1 && (r = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = '\0';
	while (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	printf("%s read: [%s]\n", what, buf);
}

static char events[64];

static void
at_prepare(void)
{
	if (strlen(events) < 40)
		strcat(events, "prepare ");
}

static void
at_parent(void)
{
	if (strlen(events) < 40)
		strcat(events, "parent ");
}

static void
at_child(void)
{
	if (strlen(events) < 40)
		strcat(events, "child ");
}

int
main(int argc, char **argv)
{
	int p[2], status;
	pid_t pid;

	self = argv[0];
	if (argc > 1 && strcmp(argv[1], "child") == 0) {
		printf("exec'd child:");
		for (int i = 2; i < argc; i++)
			printf(" %s", argv[i]);
		printf("\n");
		return 6;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);

	/* fork, a pipe, an exit status; the atfork handlers on both sides. */
	pthread_atfork(at_prepare, at_parent, at_child);
	if (pipe(p) != 0)
		return 1;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char msg[128];
		close(p[0]);
		snprintf(msg, sizeof(msg), "child: events [%s], parent is my ppid: %d\n", events,
		    getppid() > 1);
		if (write(p[1], msg, strlen(msg)) < 0)
			_exit(99);
		_exit(3);
	}
	close(p[1]);
	drain(p[0], "parent");
	close(p[0]);
	wait_for(pid, "child 1");
	printf("parent: events [%s]\n", events);

	/* Death by a signal. */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		raise(SIGTERM);
		_exit(1);
	}
	wait_for(pid, "child 2");
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(1);
	}
	kill(pid, SIGKILL);
	wait_for(pid, "child 3");

	/* WNOHANG while the child still waits for us. */
	if (pipe(p) != 0)
		return 1;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char c;
		close(p[1]);
		_exit(read(p[0], &c, 1) == 0 ? 4 : 5);
	}
	close(p[0]);
	printf("WNOHANG while it runs: %d\n", (int)waitpid(pid, &status, WNOHANG));
	close(p[1]);
	wait_for(pid, "child 4");
	pid = waitpid(-1, &status, 0);
	printf("waitpid with no children left: %d %s\n", (int)pid, errname(errno));

	/* vfork and a new session. */
	fflush(stdout);
	pid = vfork();
	if (pid == 0)
		_exit(setsid() == getpid() && getsid(0) == getpid() && getpgrp() == getpid() ? 7 : 8);
	wait_for(pid, "vfork child in its own session");

	/* execvp of a native program, its output through a pipe. */
	if (pipe(p) != 0)
		return 1;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *args[] = { "echo", "hello", "from", "echo", NULL };
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execvp("echo", args);
		_exit(127);
	}
	close(p[1]);
	drain(p[0], "execvp echo");
	close(p[0]);
	wait_for(pid, "echo");

	/* execv of this program again. */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *args[] = { (char *)self, "child", "one", "two", NULL };
		execv(self, args);
		_exit(127);
	}
	wait_for(pid, "exec'd child");
	pid = fork();
	if (pid == 0) {
		execl(self, self, "child", "via", "execl", (char *)NULL);
		_exit(127);
	}
	wait_for(pid, "execl child");

	/* A failing exec returns, with errno. */
	char *none[] = { "none", NULL };
	errno = 0;
	int r = execve("/nonexistent/program", none, NULL);
	printf("execve of a missing file: %d %s\n", r, errname(errno));
	errno = 0;
	r = execvp("uxrun-no-such-command", none);
	printf("execvp of a missing command: %d %s\n", r, errname(errno));

	/* system() */
	fflush(stdout);
	status = system("echo from system; exit 4");
	report("system", status);
	printf("system(NULL): %d\n", system(NULL) != 0);

	struct rusage ru;
	printf("getrusage(SELF): %d, ", getrusage(RUSAGE_SELF, &ru));
	printf("time sane: %d\n", ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000);
	printf("getrusage(CHILDREN): %d\n", getrusage(RUSAGE_CHILDREN, &ru));
	errno = 0;
	r = getrusage(99, &ru);
	printf("getrusage(99): %d %s\n", r, errname(errno));
	return 0;
}
