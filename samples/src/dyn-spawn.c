/*
 * posix_spawn in a dynamically linked program: posix_spawnp of a native
 * command with its output through a pipe (file actions adddup2 and
 * addclose), a file opened as its input (addopen), posix_spawn of this
 * same program (under uxrun, a FreeBSD program started under uxrun again)
 * with a new process group, a signal mask and default dispositions, and
 * the error a missing program gives.
 *   dyn-spawn              the tests
 *   dyn-spawn child        reports what it was started with, exits 9
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

extern char **environ;

static void
report(const char *what, pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status))
		printf("%s: exited with %d\n", what, WEXITSTATUS(status));
	else
		printf("%s: status %#x\n", what, status);
}

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
	printf("%s: [%s]\n", what, buf);
}

static void
on_usr1(int sig)
{
	(void)sig;
}

int
main(int argc, char **argv)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t sa;
	pid_t pid;
	int p[2], r;

	if (argc > 1 && strcmp(argv[1], "child") == 0) {
		sigset_t cur;
		struct sigaction act;
		sigprocmask(SIG_BLOCK, NULL, &cur);
		sigaction(SIGUSR1, NULL, &act);
		printf("child: own process group %d, SIGUSR2 blocked %d, SIGUSR1 %s\n",
		    getpgrp() == getpid(), sigismember(&cur, SIGUSR2),
		    act.sa_handler == SIG_DFL ? "default" : "not default");
		return 9;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);

	/* posix_spawnp along PATH, stdout into a pipe, stdin from a file. */
	if (pipe(p) != 0)
		return 1;
	int in = open("spawn-input.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (in < 0 || write(in, "line from the file\n", 19) != 19)
		return 1;
	close(in);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, p[1], 1);
	posix_spawn_file_actions_addclose(&fa, p[0]);
	posix_spawn_file_actions_addclose(&fa, p[1]);
	posix_spawn_file_actions_addopen(&fa, 0, "spawn-input.txt", O_RDONLY, 0);
	char *cat_argv[] = { "cat", NULL };
	r = posix_spawnp(&pid, "cat", &fa, NULL, cat_argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(p[1]);
	printf("posix_spawnp cat: %s\n", r == 0 ? "0" : errname(r));
	drain(p[0], "cat wrote");
	close(p[0]);
	report("cat", pid);

	/* This program again, with attributes. */
	sigset_t mask, dfl;
	signal(SIGUSR1, on_usr1);
	posix_spawnattr_init(&sa);
	posix_spawnattr_setflags(&sa, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
	    POSIX_SPAWN_SETSIGDEF);
	posix_spawnattr_setpgroup(&sa, 0);
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR2);
	posix_spawnattr_setsigmask(&sa, &mask);
	sigemptyset(&dfl);
	sigaddset(&dfl, SIGUSR1);
	posix_spawnattr_setsigdefault(&sa, &dfl);
	short flags;
	posix_spawnattr_getflags(&sa, &flags);
	printf("flags read back: %s\n", flags == (POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
	    POSIX_SPAWN_SETSIGDEF) ? "as set" : "changed");
	char *self_argv[] = { argv[0], "child", NULL };
	fflush(stdout);
	r = posix_spawn(&pid, argv[0], NULL, &sa, self_argv, environ);
	posix_spawnattr_destroy(&sa);
	/* After the child's line, which shares our stdout. */
	if (r == 0)
		report("self", pid);
	printf("posix_spawn self: %s\n", r == 0 ? "0" : errname(r));

	/* Failures come back as the error number. */
	char *none[] = { "none", NULL };
	pid = 0;
	r = posix_spawn(&pid, "/nonexistent/program", NULL, NULL, none, environ);
	printf("posix_spawn of a missing file: %s\n", r == 0 ? "0" : errname(r));
	r = posix_spawnp(&pid, "uxrun-no-such-command", NULL, NULL, none, environ);
	printf("posix_spawnp of a missing command: %s\n", r == 0 ? "0" : errname(r));
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "no/such/input", O_RDONLY, 0);
	r = posix_spawnp(&pid, "cat", &fa, NULL, cat_argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	printf("posix_spawnp with a failing addopen: %s\n", r == 0 ? "0" : errname(r));
	if (r == 0)
		report("cat without input", pid);
	unlink("spawn-input.txt");
	return 0;
}
