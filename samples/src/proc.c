/*
 * Processes: fork, vfork, rfork and pdfork (FreeBSD) against their Linux
 * counterparts; wait4, waitpid with WNOHANG, WUNTRACED and WCONTINUED;
 * wait6 (FreeBSD) against waitid; exit statuses and the signals that ended
 * a child, printed by name so that FreeBSD's numbers are checked; pipes
 * between parent and child; execve of a native shell, of a script, of this
 * program itself (directly, through a "#!" line and with fexecve) and
 * execve's errors.
 *
 *   proc                  runs everything above
 *   proc --child ARGS...  what the exec tests start: prints its arguments
 *   proc --bsd-only [ADDR]  for tests/cli, FreeBSD build only: FreeBSD's own
 *                         limits, and what uxrun refuses (a native program
 *                         placed at ADDR, hex, by default over this one)
 *   proc --reexec ARGS... runs itself again with ARGS
 *
 * Every line must read the same natively and under uxrun.  Scratch files
 * are called proc.tmp.* and removed at the end.
 */
#ifndef __FreeBSD__
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#ifdef __FreeBSD__
#include <sys/procdesc.h>
#else
#include <sched.h>
#include <sys/syscall.h>
#endif
#include "errname.h"

extern char **environ;

static const char *self;	/* argv[0]: how to run this program again */

static const char *
signame(int sig)
{
	static const struct { int num; const char *name; } names[] = {
#define N(x) { x, #x }
		N(SIGHUP), N(SIGINT), N(SIGQUIT), N(SIGILL), N(SIGTRAP), N(SIGABRT),
		N(SIGFPE), N(SIGKILL), N(SIGBUS), N(SIGSEGV), N(SIGSYS), N(SIGPIPE),
		N(SIGALRM), N(SIGTERM), N(SIGURG), N(SIGSTOP), N(SIGTSTP), N(SIGCONT),
		N(SIGCHLD), N(SIGTTIN), N(SIGTTOU), N(SIGIO), N(SIGXCPU), N(SIGXFSZ),
		N(SIGVTALRM), N(SIGPROF), N(SIGWINCH), N(SIGUSR1), N(SIGUSR2),
#undef N
	};
	static char unknown[32];

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].num == sig)
			return names[i].name;
	snprintf(unknown, sizeof(unknown), "signal %d", sig);
	return unknown;
}

static const char *
cldname(int code)
{
	switch (code) {
	case CLD_EXITED: return "CLD_EXITED";
	case CLD_KILLED: return "CLD_KILLED";
	case CLD_DUMPED: return "CLD_DUMPED";
	case CLD_STOPPED: return "CLD_STOPPED";
	case CLD_CONTINUED: return "CLD_CONTINUED";
	default: return "other";
	}
}

static void
describe(const char *what, int st)
{
	if (WIFEXITED(st))
		printf("%s: exited %d\n", what, WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		printf("%s: killed by %s\n", what, signame(WTERMSIG(st)));
	else if (WIFSTOPPED(st))
		printf("%s: stopped by %s\n", what, signame(WSTOPSIG(st)));
	else if (WIFCONTINUED(st))
		printf("%s: continued\n", what);
	else
		printf("%s: status %#x\n", what, st);
}

/* waitpid for one child, through EINTR; its status. */
static int
reap_opt(pid_t pid, int options)
{
	int st = -1;
	pid_t r;

	while ((r = waitpid(pid, &st, options)) < 0 && errno == EINTR)
		;
	if (r != pid)
		printf("waitpid(%s): %s\n", r < 0 ? "error" : "pid", r < 0 ? errname(errno) : "wrong");
	return st;
}

static int
reap(pid_t pid)
{
	return reap_opt(pid, 0);
}

static pid_t
fork_flushed(void)
{
	fflush(stdout);
	return fork();
}

/* Blocks until the other end of fd is closed or writes; never returns. */
static _Noreturn void
block_then_exit(int fd, int status)
{
	char c;

	while (read(fd, &c, 1) < 0 && errno == EINTR)
		;
	_exit(status);
}

/* Reads what the other end writes until it closes (a printf may take
 * several writes); NUL-terminated. */
static void
read_all(int fd, char *buf, size_t size)
{
	size_t got = 0;
	ssize_t n;

	while (got < size - 1 && ((n = read(fd, buf + got, size - 1 - got)) > 0 ||
	    (n < 0 && errno == EINTR)))
		got += n > 0 ? (size_t)n : 0;
	buf[got] = '\0';
}

static void
test_fork(void)
{
	int to_child[2], to_parent[2], st;
	char buf[64];
	ssize_t n;
	struct rusage ru;
	pid_t pid;

	if (pipe(to_child) != 0 || pipe(to_parent) != 0)
		return;
	pid = fork_flushed();
	if (pid == 0) {
		close(to_child[1]);
		close(to_parent[0]);
		n = read(to_child[0], buf, sizeof(buf) - 1);
		buf[n > 0 ? n : 0] = '\0';
		dprintf(to_parent[1], "pong to %s from %d, parent %d", buf, (int)getpid(), (int)getppid());
		_exit(7);
	}
	close(to_child[0]);
	close(to_parent[1]);
	write(to_child[1], "ping", 4);
	close(to_child[1]);
	read_all(to_parent[0], buf, sizeof(buf));
	close(to_parent[0]);
	{
		char want[64];
		snprintf(want, sizeof(want), "pong to ping from %d, parent %d", (int)pid, (int)getpid());
		printf("fork: pipe reply %s\n", strcmp(buf, want) == 0 ? "as expected (pids match)" : buf);
	}
	while (wait4(pid, &st, 0, &ru) < 0 && errno == EINTR)
		;
	describe("fork + wait4", st);
	printf("wait4: rusage %s\n", ru.ru_utime.tv_sec >= 0 && ru.ru_stime.tv_usec >= 0 ? "filled" : "bad");
	errno = 0;
	printf("wait with no children: %s\n", waitpid(-1, &st, WNOHANG) < 0 ? errname(errno) : "found one");
}

/* A child that blocks until killed; it tells the parent it is running. */
static void
killed_by(int sig, int self_kill)
{
	int ready[2], hold[2];
	char c;
	pid_t pid;
	char what[64];

	if (pipe(ready) != 0 || pipe(hold) != 0)
		return;
	pid = fork_flushed();
	if (pid == 0) {
		close(ready[0]);
		close(hold[1]);
		if (self_kill)
			kill(getpid(), sig);
		write(ready[1], "r", 1);
		block_then_exit(hold[0], 0);
	}
	close(ready[1]);
	close(hold[0]);
	if (!self_kill && read(ready[0], &c, 1) == 1)
		kill(pid, sig);
	snprintf(what, sizeof(what), "child %s %s", self_kill ? "raising" : "sent", signame(sig));
	describe(what, reap(pid));
	close(ready[0]);
	close(hold[1]);
}

static void
test_signals(void)
{
	killed_by(SIGTERM, 0);
	killed_by(SIGUSR1, 0);
	killed_by(SIGKILL, 0);
	killed_by(SIGUSR2, 1);
}

static void
test_nohang_stop_continue(void)
{
	int hold[2], st;
	pid_t pid, r;

	if (pipe(hold) != 0)
		return;
	pid = fork_flushed();
	if (pid == 0) {
		close(hold[1]);
		block_then_exit(hold[0], 0);
	}
	close(hold[0]);
	r = waitpid(pid, &st, WNOHANG);
	printf("WNOHANG on a running child: %d\n", (int)r);
	close(hold[1]);
	describe("after its pipe closed", reap(pid));

	if (pipe(hold) != 0)
		return;
	pid = fork_flushed();
	if (pid == 0) {
		close(hold[1]);
		kill(getpid(), SIGSTOP);
		block_then_exit(hold[0], 3);
	}
	close(hold[0]);
	describe("WUNTRACED", reap_opt(pid, WUNTRACED));
	kill(pid, SIGCONT);
	describe("WCONTINUED", reap_opt(pid, WCONTINUED));
	close(hold[1]);
	describe("then", reap(pid));
}

/* wait6 on FreeBSD, waitid on Linux: the siginfo both describe. */
static void
print_info(const char *what, pid_t pid, int r, const siginfo_t *si)
{
	if (r < 0) {
		printf("%s: %s\n", what, errname(errno));
		return;
	}
	if (si->si_pid == 0) {
		printf("%s: nothing yet (si_pid 0, si_signo %d)\n", what, si->si_signo);
		return;
	}
	printf("%s: %s, %s, %s, status %s\n", what, si->si_pid == pid ? "pid ok" : "wrong pid",
	    signame(si->si_signo), cldname(si->si_code),
	    si->si_code == CLD_EXITED ? (si->si_status == 5 ? "5" : "?") : signame(si->si_status));
}

static int
wait_id(int all, pid_t pid, int options, siginfo_t *si)
{
	memset(si, 0, sizeof(*si));
#ifdef __FreeBSD__
	struct __wrusage wru;
	int st;
	pid_t r = wait6(all ? P_ALL : P_PID, all ? 0 : pid, &st, options, &wru, si);
	if (r > 0 && (WIFEXITED(st) ? WEXITSTATUS(st) != si->si_status : WTERMSIG(st) != si->si_status))
		printf("wait6: status word and siginfo disagree\n");
	return r < 0 ? -1 : 0;
#else
	return waitid(all ? P_ALL : P_PID, all ? 0 : (id_t)pid, si, options);
#endif
}

static void
test_waitid(void)
{
	int hold[2];
	siginfo_t si;
	pid_t pid;

	if (pipe(hold) != 0)
		return;
	pid = fork_flushed();
	if (pid == 0) {
		close(hold[1]);
		block_then_exit(hold[0], 5);
	}
	close(hold[0]);
	print_info("waitid WNOHANG, running", pid, wait_id(0, pid, WEXITED | WNOHANG, &si), &si);
	close(hold[1]);
	print_info("waitid WNOWAIT", pid, wait_id(0, pid, WEXITED | WNOWAIT, &si), &si);
	print_info("waitid again", pid, wait_id(0, pid, WEXITED, &si), &si);
	print_info("waitid once reaped", pid, wait_id(0, pid, WEXITED, &si), &si);

	if (pipe(hold) != 0)
		return;
	pid = fork_flushed();
	if (pid == 0) {
		close(hold[1]);
		block_then_exit(hold[0], 5);
	}
	close(hold[0]);
	kill(pid, SIGUSR2);
	print_info("waitid P_ALL, killed", pid, wait_id(1, pid, WEXITED, &si), &si);
	close(hold[1]);
}

static void
test_vfork(void)
{
	pid_t pid;

	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		static const char msg[] = "vfork: the child runs first\n";
		write(1, msg, sizeof(msg) - 1);
		_exit(9);
	}
	printf("vfork: the parent resumes\n");
	describe("vfork", reap(pid));
}

static void
test_rfork(void)
{
	int p[2], st;
	pid_t pid, gpid = 0;
	char buf[32];

	fflush(stdout);
#ifdef __FreeBSD__
	pid = rfork(RFPROC | RFFDG);
#else
	pid = fork();
#endif
	if (pid == 0)
		_exit(11);
	describe("rfork(RFPROC|RFFDG)", reap(pid));

	/* RFCFDG: the child starts without descriptors. */
	if (pipe(p) != 0)
		return;
	fflush(stdout);
#ifdef __FreeBSD__
	pid = rfork(RFPROC | RFCFDG);
#else
	pid = fork();
	if (pid == 0)
		for (int fd = 0; fd < 1024; fd++)
			close(fd);
#endif
	if (pid == 0)
		_exit(fcntl(0, F_GETFD) < 0 && errno == EBADF && fcntl(p[1], F_GETFD) < 0 ? 12 : 1);
	describe("rfork(RFPROC|RFCFDG), no descriptors", reap(pid));
	close(p[0]);
	close(p[1]);

	/* RFNOWAIT: the child is not ours to wait for. */
	if (pipe(p) != 0)
		return;
	fflush(stdout);
#ifdef __FreeBSD__
	pid = rfork(RFPROC | RFFDG | RFNOWAIT);
	if (pid == 0) {
		dprintf(p[1], "%d %d", (int)getpid(), (int)getppid());
		_exit(0);
	}
#else
	pid = fork();
	if (pid == 0) {
		if (fork() == 0) {
			dprintf(p[1], "%d %d", (int)getpid(), (int)getppid());
			_exit(0);
		}
		_exit(0);
	}
	reap(pid);
	pid = 0;
#endif
	close(p[1]);
	read_all(p[0], buf, sizeof(buf));
	close(p[0]);
	char *end;
	gpid = (pid_t)strtol(buf, &end, 10);
	pid_t its_parent = (pid_t)strtol(end, NULL, 10);
	if (pid == 0)
		pid = gpid;
	errno = 0;
	printf("rfork(RFNOWAIT): child ran: %s, pid %s, its parent is %s, waitpid: %s\n",
	    gpid > 0 ? "yes" : "no", gpid == pid ? "matches" : "differs",
	    its_parent != getpid() ? "not us" : "us", waitpid(pid, &st, 0) < 0 ? errname(errno) : "found it");

	fflush(stdout);
#ifdef __FreeBSD__
	pid = rfork(RFSPAWN);
#else
	pid = vfork();
#endif
	if (pid == 0)
		_exit(13);
	describe("rfork(RFSPAWN)", reap(pid));
}

/* A child with a process descriptor: no SIGCHLD, unseen by wait(-1). */
static void
test_pdfork(void)
{
	int hold[2], pfd = -1, st;
	pid_t pid, got = 0;

	if (pipe(hold) != 0)
		return;
	fflush(stdout);
#ifdef __FreeBSD__
	pid = pdfork(&pfd, PD_CLOEXEC);
#else
	pid = (pid_t)syscall(SYS_clone, CLONE_PIDFD, 0, &pfd, 0, 0);
#endif
	if (pid == 0) {
		close(hold[1]);
		block_then_exit(hold[0], 0);
	}
	close(hold[0]);
	errno = 0;
	printf("pdfork: descriptor %s, wait(-1) sees: %s\n", pfd >= 0 ? "ok" : "missing",
	    waitpid(-1, &st, WNOHANG) < 0 ? errname(errno) : "it");
#ifdef __FreeBSD__
	if (pdgetpid(pfd, &got) != 0)
		got = -1;
	pdkill(pfd, SIGUSR2);
	st = reap(pid);
#else
	got = pid;
	syscall(SYS_pidfd_send_signal, pfd, SIGUSR2, NULL, 0);
	st = reap_opt(pid, __WALL);
#endif
	printf("pdgetpid: %s\n", got == pid ? "the child's pid" : "wrong");
	describe("pdkill", st);
	close(pfd);
	close(hold[1]);
}

static void
exec_and_wait(const char *what, const char *path, char *const av[], char *const ev[])
{
	pid_t pid = fork_flushed();

	if (pid == 0) {
		execve(path, av, ev);
		printf("%s: execve: %s\n", what, errname(errno));
		fflush(stdout);
		_exit(127);
	}
	describe(what, reap(pid));
}

static int
make_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text) || close(fd) != 0)
		return -1;
	return chmod(path, mode);
}

static void
test_exec(void)
{
	char *sh[] = { "sh", "-c", "echo from sh; exit 3", NULL };
	char *sh_kill[] = { "sh", "-c", "kill -USR1 $$", NULL };
	char *renamed[] = { "renamed", "--child", "a b", "c", NULL };
	char *plain[] = { (char *)self, "--child", "env", NULL };
	char *env[] = { "PROC_ENV=42", NULL };
	char *script[] = { "ignored", "x y", NULL };

	exec_and_wait("execve /bin/sh", "/bin/sh", sh, environ);
	exec_and_wait("sh killing itself", "/bin/sh", sh_kill, environ);
	exec_and_wait("execve itself, own argv[0] and env", self, renamed, env);
	exec_and_wait("execve itself, inherited env", self, plain, environ);

	if (make_file("proc.tmp.sh", "#!/bin/sh\necho script: \"$0\" \"$@\"\nexit 6\n", 0755) == 0)
		exec_and_wait("script for /bin/sh", "./proc.tmp.sh", script, environ);
	char line[256];
	snprintf(line, sizeof(line), "#!%s --child\nnot read by anyone\n", self);
	if (make_file("proc.tmp.self", line, 0755) == 0)
		exec_and_wait("script for this program", "./proc.tmp.self", script, environ);

	/* fexecve; FreeBSD's works on a close-on-exec descriptor. */
	for (int cloexec = 1; cloexec >= 0; cloexec--) {
		int fd = open(self, O_RDONLY | (cloexec ? O_CLOEXEC : 0));
		char num[16];
		snprintf(num, sizeof(num), "%d", fd);
		char *fav[] = { "fexec", "--child", "fd", num, NULL };
		pid_t pid = fork_flushed();
		if (pid == 0) {
			fexecve(fd, fav, environ);
			printf("fexecve: %s\n", errname(errno));
			fflush(stdout);
			_exit(127);
		}
		describe(cloexec ? "fexecve, close-on-exec" : "fexecve", reap(pid));
		close(fd);
	}
}

static void
test_exec_errors(void)
{
	char *av[] = { "x", NULL };
	static const char *paths[] = {
		"proc.tmp.missing", "text/short.txt", "tree", "text/short.txt/x",
		"proc.tmp.junk", "proc.tmp.empty",
	};

	make_file("proc.tmp.junk", "not a program\n", 0755);
	make_file("proc.tmp.empty", "", 0755);
	for (unsigned i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		errno = 0;
		int r = execve(paths[i], av, environ);
		printf("execve %s: %s\n", paths[i], r < 0 ? errname(errno) : "ran?");
	}
}

static int
child_main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');
	const char *v;

	printf("  child: argc %d, argv[0] %s, args:", argc, base ? base + 1 : argv[0]);
	for (int i = 1; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf("\n");
	if (argc > 2 && strcmp(argv[2], "env") == 0) {
		v = getenv("UXRUN_TEST_B");
		printf("  child: UXRUN_TEST_B=%s\n", v ? v : "(unset)");
	}
	if (argc > 3 && strcmp(argv[2], "fd") == 0) {
		int fd = atoi(argv[3]);
		printf("  child: descriptor %s\n", fcntl(fd, F_GETFD) < 0 ? "closed" : "still open");
	}
	v = getenv("PROC_ENV");
	if (v)
		printf("  child: PROC_ENV=%s, UXRUN_TEST_A %s\n", v, getenv("UXRUN_TEST_A") ? "set" : "unset");
	return argc;
}

/* For tests/cli; only the FreeBSD build means anything here. */
static int
bsd_only(const char *addr)
{
	(void)addr;
#ifdef __FreeBSD__
	/* FreeBSD's ARG_MAX is 512 KiB; Linux takes more. */
	size_t big = 600 * 1024;
	char *arg = malloc(big + 1);
	if (arg != NULL) {
		memset(arg, 'x', big);
		arg[big] = '\0';
		char *bav[] = { "big", arg, NULL };
		errno = 0;
		execve(self, bav, environ);
		printf("execve with 600 KiB of arguments: %s\n", errname(errno));
		free(arg);
	}
	/* FreeBSD 14 refuses an empty argv; Linux runs the program. */
	char *none[] = { NULL };
	errno = 0;
	execve(self, none, environ);
	printf("execve with no argv[0]: %s\n", errname(errno));

	/* rfork sharing the address space */
	errno = 0;
	pid_t pid = rfork(RFPROC | RFMEM);
	if (pid == 0)
		_exit(0);
	printf("rfork(RFPROC|RFMEM): %s\n", pid < 0 ? errname(errno) : "ran");

	/* A native program placed over this one's code. */
	static unsigned char elf[4096];
	uint64_t at = addr ? (uint64_t)strtoll(addr, NULL, 16) :
	    (uint64_t)(uintptr_t)&bsd_only & ~(uint64_t)4095;
	unsigned char code[] = { 0xb8, 60, 0, 0, 0, 0x31, 0xff, 0x0f, 0x05 };	/* exit(0) */
	struct {
		unsigned char ident[16];
		uint16_t type, machine;
		uint32_t version;
		uint64_t entry, phoff, shoff;
		uint32_t flags;
		uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
	} eh = { { 0x7f, 'E', 'L', 'F', 2, 1, 1 }, 2, 62, 1, at + 120, 64, 0, 0, 64, 56, 1, 64, 0, 0 };
	struct {
		uint32_t type, flags;
		uint64_t offset, vaddr, paddr, filesz, memsz, align;
	} ph = { 1, 5, 0, at, at, 120 + sizeof(code), 120 + sizeof(code), 4096 };
	memcpy(elf, &eh, 64);
	memcpy(elf + 64, &ph, 56);
	memcpy(elf + 120, code, sizeof(code));
	int fd = open("proc.tmp.clash", O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (fd >= 0) {
		write(fd, elf, 120 + sizeof(code));
		close(fd);
		char *av[] = { "clash", NULL };
		fflush(stdout);
		errno = 0;
		execve("./proc.tmp.clash", av, environ);
		printf("execve of a program over guest code: %s\n", errname(errno));
		unlink("proc.tmp.clash");
	}
#endif
	return 0;
}

int
main(int argc, char **argv)
{
	self = argv[0];
	if (argc > 1 && strcmp(argv[1], "--child") == 0)
		return child_main(argc, argv);
	if (argc > 1 && strcmp(argv[1], "--bsd-only") == 0)
		return bsd_only(argc > 2 ? argv[2] : NULL);
	if (argc > 1 && strcmp(argv[1], "--reexec") == 0) {
		argv[1] = argv[0];
		execve(self, argv + 1, environ);
		printf("execve: %s\n", errname(errno));
		return 1;
	}

	test_fork();
	test_signals();
	test_nohang_stop_continue();
	test_waitid();
	test_vfork();
	test_rfork();
	test_pdfork();
	test_exec();
	test_exec_errors();
	unlink("proc.tmp.sh");
	unlink("proc.tmp.self");
	unlink("proc.tmp.junk");
	unlink("proc.tmp.empty");
	return 0;
}
