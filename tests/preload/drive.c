/*
 * A native program that starts another one in one of the ways the
 * preload shim covers, for tests/preload/run.sh:
 *
 *   drive [-i] [-u] [-k] [-e VAR=VAL]... MODE ...
 *
 *   execve|execv|execvp|execvpe|fexecve|vfork|spawn|spawnp FILE ARGV0 ARGS...
 *   execl|execle|execlp FILE ARGV0 [ARG1 [ARG2]]
 *   execveat DIR NAME ARGV0 ARGS...     execveat(open(DIR), NAME, ...)
 *   spawn-chdir DIR FILE ARGV0 ARGS...  posix_spawn after addchdir_np(DIR)
 *   system CMD | popen CMD | popen-w CMD
 *
 * -i: the program gets only the -e variables (an explicit envp where the
 * call takes one, else a cleared environ); -u: LD_PRELOAD and
 * UXRUN_PRELOAD_UXRUN are unset first; -k: fexecve's and execveat's
 * descriptors are opened without O_CLOEXEC.  A failed exec prints
 * "MODE: ERRNO-NAME" and exits 127 (ENOENT) or 126; the spawning modes
 * print how the child ended.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static const char *mode;

static int
failed(void)
{
	int e = errno;

	fprintf(stderr, "%s: %s\n", mode, strerrorname_np(e) ? strerrorname_np(e) : "?");
	return e == ENOENT ? 127 : 126;
}

static void
show(const char *what, int status)
{
	if (WIFEXITED(status))
		printf("%s: exit %d\n", what, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("%s: signal %d\n", what, WTERMSIG(status));
	else
		printf("%s: status %#x\n", what, status);
	fflush(stdout);
}

static int
wait_show(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return failed();
	show(mode, st);
	return 0;
}

int
main(int argc, char **argv)
{
	char *vars[64];
	int nvars = 0, clean = 0, cloexec = O_CLOEXEC, opt;
	char **envp;
	pid_t pid;
	int r;

	while ((opt = getopt(argc, argv, "+iuke:")) != -1) {
		switch (opt) {
		case 'i': clean = 1; break;
		case 'u': unsetenv("LD_PRELOAD"); unsetenv("UXRUN_PRELOAD_UXRUN"); break;
		case 'k': cloexec = 0; break;
		case 'e': if (nvars < 63) vars[nvars++] = optarg; break;
		default: return 2;
		}
	}
	vars[nvars] = NULL;
	if (optind + 1 >= argc) {
		fprintf(stderr, "usage: drive [-i] [-u] [-k] [-e VAR=VAL]... MODE ...\n");
		return 2;
	}
	if (clean) {
		clearenv();
		envp = vars;
	} else {
		envp = environ;
	}
	for (int i = 0; i < nvars; i++)
		putenv(vars[i]);
	if (!clean)
		envp = environ;

	mode = argv[optind];
	char *file = argv[optind + 1], **av = argv + optind + 2;
	int nav = argc - optind - 2;
	char *a0 = nav > 0 ? av[0] : NULL, *a1 = nav > 1 ? av[1] : NULL, *a2 = nav > 2 ? av[2] : NULL;

	if (strcmp(mode, "execve") == 0) {
		execve(file, av, envp);
	} else if (strcmp(mode, "execv") == 0) {
		execv(file, av);
	} else if (strcmp(mode, "execvp") == 0) {
		execvp(file, av);
	} else if (strcmp(mode, "execvpe") == 0) {
		execvpe(file, av, envp);
	} else if (strcmp(mode, "execl") == 0) {
		execl(file, a0, a1, a2, (char *)NULL);
	} else if (strcmp(mode, "execlp") == 0) {
		execlp(file, a0, a1, a2, (char *)NULL);
	} else if (strcmp(mode, "execle") == 0) {
		execle(file, a0, a1, a2, (char *)NULL, envp);
	} else if (strcmp(mode, "fexecve") == 0) {
		int fd = open(file, O_RDONLY | cloexec);
		if (fd < 0)
			return failed();
		fexecve(fd, av, envp);
	} else if (strcmp(mode, "execveat") == 0) {
		int dfd = open(file, O_RDONLY | O_DIRECTORY | cloexec);
		if (dfd < 0 || nav < 1)
			return failed();
		execveat(dfd, av[0], av + 1, envp, 0);
	} else if (strcmp(mode, "vfork") == 0) {
		pid = vfork();
		if (pid == 0) {
			execve(file, av, envp);
			_exit(errno == ENOENT ? 127 : 126);
		}
		return pid < 0 ? failed() : wait_show(pid);
	} else if (strcmp(mode, "spawn") == 0 || strcmp(mode, "spawnp") == 0) {
		r = (mode[5] == 'p' ? posix_spawnp : posix_spawn)(&pid, file, NULL, NULL, av, envp);
		if (r != 0) {
			errno = r;
			return failed();
		}
		return wait_show(pid);
	} else if (strcmp(mode, "spawn-chdir") == 0) {
		posix_spawn_file_actions_t fa;
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_addchdir_np(&fa, file);
		r = nav > 0 ? posix_spawn(&pid, av[0], &fa, NULL, av + 1, envp) : EINVAL;
		posix_spawn_file_actions_destroy(&fa);
		if (r != 0) {
			errno = r;
			return failed();
		}
		return wait_show(pid);
	} else if (strcmp(mode, "system") == 0) {
		fflush(stdout);
		show(mode, system(file));
		return 0;
	} else if (strcmp(mode, "popen") == 0 || strcmp(mode, "popen-w") == 0) {
		int w = mode[5] == '-';
		char line[512];
		FILE *f = popen(file, w ? "w" : "r");
		if (f == NULL)
			return failed();
		if (w)
			fputs("one\ntwo words\n", f);
		else
			while (fgets(line, sizeof(line), f) != NULL)
				printf("popen: %s", line);
		fflush(stdout);
		show("pclose", pclose(f));
		return 0;
	} else {
		fprintf(stderr, "drive: unknown mode %s\n", mode);
		return 2;
	}
	return failed();
}
