/*
 * Processes through libc: fork with pthread_atfork's guest handlers, the
 * exec family, the wait family with FreeBSD's status words, system() and
 * posix_spawn with FreeBSD's opaque (pointer) attribute and file-action
 * types.  exec and wait go to the system-call emulation
 * (syscalls/freebsd/sys_exec.c, sys_wait.c) with a struct uxcall, so a
 * FreeBSD program a guest executes starts under uxrun again, as it does
 * after a raw execve.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libshim/freebsd/libc_shim.h"
#include "libshim/freebsd/libthr_shim.h"
#include "loader/rtld.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/freebsd/fbsd_event.h"
#include "syscalls/freebsd/fbsd_proc.h"
#include "syscalls/freebsd/fbsd_signal.h"
#include "syscalls/freebsd/fbsd_sysent.h"
#include "syscalls/freebsd/fbsd_thread.h"
#include "syscalls/hostfd.h"
#include "syscalls/thread.h"
#include "syscalls/trap.h"

#define FBSD_PATH_BSHELL	"/bin/sh"
#define FBSD_PATH_DEFPATH	"/usr/bin:/bin"

#ifndef SYS_close_range
#define SYS_close_range		436
#endif

/* --- fork ------------------------------------------------------------------------ */

struct atfork {
	void (*prepare)(void), (*parent)(void), (*child)(void);
	struct atfork *next, *prev;
};

static struct atfork *atfork_head, *atfork_tail;
static pthread_mutex_t atfork_lock = PTHREAD_MUTEX_INITIALIZER;

int
shim_pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void))
{
	struct atfork *a = calloc(1, sizeof(*a));

	if (!a)
		return FBSD_ENOMEM;
	a->prepare = prepare;
	a->parent = parent;
	a->child = child;
	pthread_mutex_lock(&atfork_lock);
	a->prev = atfork_tail;
	if (atfork_tail)
		atfork_tail->next = a;
	else
		atfork_head = a;
	atfork_tail = a;
	pthread_mutex_unlock(&atfork_lock);
	return 0;
}

static void
call_guest(void (*fn)(void))
{
	if (fn) {
		uint8_t s = ux_rtld_guest_enter();
		fn();
		ux_rtld_guest_leave(s);
	}
}

/* The child's uxrun state: one thread, the forking one, whose trap must
 * be armed again (Syscall User Dispatch is not inherited) before any of
 * its guest code runs. */
static void
child_fixup(void)
{
	struct ux_thread *td = ux_rtld_td;

	if (!td)
		return;
	if (ux_trap_thread_arm(td) != 0)
		_exit(127);	/* untranslated guest code must not run */
	td->tid = gettid();
	fbsd_td(td)->tid = td->tid + FBSD_TID_BASE;
	fbsd_td(td)->npending = 0;
	td->sig_pending = 0;
	if (fbsd_thread_atfork_child)
		fbsd_thread_atfork_child(td);
	/* kqueues are not inherited across fork on FreeBSD. */
	fbsd_kqueue_fork_child();
}

/* fork without the guest's atfork handlers (vfork, system, posix_spawn);
 * glibc's own keep its locks consistent in the child. */
static pid_t
plain_fork(void)
{
	pid_t pid = fork();

	if (pid == 0)
		child_fixup();
	return pid;
}

pid_t
shim_fork(void)
{
	struct atfork *a;
	pid_t pid;
	int e;

	/* As libthr's _fork: prepare handlers last-registered first, the
	 * others in order, the list held across the fork. */
	pthread_mutex_lock(&atfork_lock);
	for (a = atfork_tail; a; a = a->prev)
		call_guest(a->prepare);
	pid = fork();
	e = errno;
	if (pid == 0) {
		pthread_mutex_init(&atfork_lock, NULL);
		child_fixup();
		for (a = atfork_head; a; a = a->next)
			call_guest(a->child);
	} else {
		for (a = atfork_head; a; a = a->next)
			call_guest(a->parent);
		pthread_mutex_unlock(&atfork_lock);
	}
	if (pid < 0) {
		shim_errno = shim_errno_from_host(e);
		return -1;
	}
	return pid;
}

/* Bound without a trampoline (it returns twice): the selector is the
 * guest's, cleared here for the host code and set again on the way back
 * in both processes. */
pid_t
shim_vfork(void)
{
	uint8_t *sel = ux_guest_sel, s = *sel;
	pid_t pid;

	*sel = 0;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	pid = plain_fork();
	if (pid < 0)
		shim_errno_sync();
	sel = ux_guest_sel;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	*sel = s;
	return pid;
}

/* --- exec ------------------------------------------------------------------------ */

/* The environment execv and friends pass: the guest's own environ. */
static char **
guest_environ(void)
{
	return shim_guest_environ ? *shim_guest_environ : environ;
}

static long
exec_call(const char *path, char *const argv[], char *const envp[])
{
	struct uxcall c;

	shim_uxcall_init(&c, FBSD_SYS_execve);
	return fbsd_sys_execve(&c, path, (char **)argv, (char **)envp);
}

int
shim_execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)shim_sysret(exec_call(path, argv, envp));
}

int
shim_execv(const char *path, char *const argv[])
{
	return shim_execve(path, argv, guest_environ());
}

int
shim_fexecve(int fd, char *const argv[], char *const envp[])
{
	struct uxcall c;

	shim_uxcall_init(&c, FBSD_SYS_fexecve);
	return (int)shim_sysret(fbsd_sys_fexecve(&c, fd, (char **)argv, (char **)envp));
}

/* A file execve refused as no program: FreeBSD's execvP runs it with the
 * shell, as a script. */
static long
exec_as_script(const char *path, char *const argv[], char *const envp[])
{
	int n = 0;

	while (argv[n])
		n++;
	char **v = malloc((size_t)(n + 2) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	v[0] = "sh";
	v[1] = (char *)path;
	for (int i = 1; i <= n; i++)
		v[i + 1] = argv[i];
	if (n == 0)
		v[2] = NULL;
	long r = exec_call(FBSD_PATH_BSHELL, v, envp);
	free(v);
	return r;
}

/* FreeBSD's execvPe: the file along search_path unless it names a path;
 * returns -errno when nothing could be run. */
static long
exec_search(const char *file, const char *search_path, char *const argv[], char *const envp[])
{
	long r, saw_eacces = 0;

	if (*file == '\0')
		return -ENOENT;
	if (strchr(file, '/')) {
		r = exec_call(file, argv, envp);
		return r == -ENOEXEC ? exec_as_script(file, argv, envp) : r;
	}
	size_t flen = strlen(file);
	const char *p = search_path;
	for (;;) {
		const char *colon = strchr(p, ':');
		size_t dlen = colon ? (size_t)(colon - p) : strlen(p);
		char buf[1024];

		/* An empty entry is the working directory. */
		if (dlen == 0 ? flen + 1 <= sizeof(buf) : dlen + 1 + flen + 1 <= sizeof(buf)) {
			if (dlen == 0)
				memcpy(buf, file, flen + 1);
			else {
				memcpy(buf, p, dlen);
				buf[dlen] = '/';
				memcpy(buf + dlen + 1, file, flen + 1);
			}
			r = exec_call(buf, argv, envp);
			if (r == -ENOEXEC)
				return exec_as_script(buf, argv, envp);
			if (r == -EACCES)
				saw_eacces = 1;
			else if (r != -ENOENT && r != -ENOTDIR && r != -ENAMETOOLONG && r != -ELOOP)
				return r;
		}
		if (!colon)
			break;
		p = colon + 1;
	}
	return saw_eacces ? -EACCES : -ENOENT;
}

static const char *
search_path(void)
{
	const char *path = shim_getenv("PATH");

	return path ? path : FBSD_PATH_DEFPATH;
}

int
shim_execvP(const char *file, const char *path, char *const argv[])
{
	return (int)shim_sysret(exec_search(file, path, argv, guest_environ()));
}

int
shim_execvp(const char *file, char *const argv[])
{
	return shim_execvP(file, search_path(), argv);
}

/* The variadic forms: argv up to the NULL, then (execle) the environment. */
static char **
collect_args(const char *arg0, va_list ap, char ***envp)
{
	va_list aq;
	size_t n = 1;

	va_copy(aq, ap);
	while (va_arg(aq, char *))
		n++;
	va_end(aq);
	char **v = malloc((n + 1) * sizeof(*v));
	if (!v)
		return NULL;
	v[0] = (char *)arg0;
	for (size_t i = 1; i <= n; i++)
		v[i] = va_arg(ap, char *);
	if (envp)
		*envp = va_arg(ap, char **);
	return v;
}

int
shim_execl(const char *path, const char *arg0, ...)
{
	va_list ap;
	char **v;

	va_start(ap, arg0);
	v = collect_args(arg0, ap, NULL);
	va_end(ap);
	if (!v) {
		shim_errno = FBSD_ENOMEM;
		return -1;
	}
	int r = shim_execv(path, v);
	free(v);
	return r;
}

int
shim_execle(const char *path, const char *arg0, ...)
{
	va_list ap;
	char **v, **env;

	va_start(ap, arg0);
	v = collect_args(arg0, ap, &env);
	va_end(ap);
	if (!v) {
		shim_errno = FBSD_ENOMEM;
		return -1;
	}
	int r = shim_execve(path, v, env);
	free(v);
	return r;
}

int
shim_execlp(const char *file, const char *arg0, ...)
{
	va_list ap;
	char **v;

	va_start(ap, arg0);
	v = collect_args(arg0, ap, NULL);
	va_end(ap);
	if (!v) {
		shim_errno = FBSD_ENOMEM;
		return -1;
	}
	int r = shim_execvp(file, v);
	free(v);
	return r;
}

/* --- wait --------------------------------------------------------------------- */

int
shim_wait4(int pid, int *status, int options, struct fbsd_rusage *ru)
{
	struct uxcall c;

	shim_uxcall_init(&c, FBSD_SYS_wait4);
	return (int)shim_sysret(fbsd_sys_wait4(&c, pid, status, options, ru));
}

int
shim_wait(int *status)
{
	return shim_wait4(-1, status, 0, NULL);
}

int
shim_waitpid(int pid, int *status, int options)
{
	return shim_wait4(pid, status, options, NULL);
}

int
shim_wait3(int *status, int options, struct fbsd_rusage *ru)
{
	return shim_wait4(-1, status, options, ru);
}

int
shim_wait6(int idtype, int64_t id, int *status, int options, void *wru, void *info)
{
	struct uxcall c;

	shim_uxcall_init(&c, FBSD_SYS_wait6);
	return (int)shim_sysret(fbsd_sys_wait6(&c, idtype, id, status, options, wru, info));
}

int
shim_waitid(int idtype, int64_t id, void *info, int options)
{
	int r = shim_wait6(idtype, id, NULL, options, NULL, info);

	return r < 0 ? -1 : 0;
}

/* --- sessions and groups -------------------------------------------------------- */

int
shim_setsid(void)
{
	return shim_ret(setsid());
}

int
shim_setpgid(int pid, int pgid)
{
	return shim_ret(setpgid(pid, pgid));
}

int
shim_getpgrp(void)
{
	return getpgrp();
}

int
shim_getpgid(int pid)
{
	return shim_ret(getpgid(pid));
}

int
shim_getsid(int pid)
{
	return shim_ret(getsid(pid));
}

int
shim_setpgrp(int pid, int pgrp)
{
	return shim_setpgid(pid, pgrp);
}

/* --- system -------------------------------------------------------------------- */

/*
 * FreeBSD's system(): "/bin/sh -c command" with SIGCHLD blocked and SIGINT
 * and SIGQUIT ignored in the caller while it runs.  The shell is started
 * through the exec emulation, so UXRUN_ROOT's /bin/sh (a FreeBSD shell)
 * is used when there is one.
 */
int
shim_system(const char *command)
{
	struct fbsd_sigaction ign, intact, quitact;
	struct fbsd_sigset block, old;
	int pid, status = -1, r;

	if (command == NULL)
		return access(FBSD_PATH_BSHELL, X_OK) == 0;
	shim_sigemptyset(&block);
	shim_sigaddset(&block, FBSD_SIGCHLD);
	shim_sigaddset(&block, FBSD_SIGINT);
	shim_sigaddset(&block, FBSD_SIGQUIT);
	shim_sigprocmask(FBSD_SIG_BLOCK, &block, &old);
	pid = plain_fork();
	if (pid == 0) {
		char *argv[] = { "sh", "-c", (char *)command, NULL };

		shim_sigprocmask(FBSD_SIG_SETMASK, &old, NULL);
		exec_call(FBSD_PATH_BSHELL, argv, guest_environ());
		_exit(127);
	}
	if (pid < 0) {
		shim_errno_sync();
		shim_sigprocmask(FBSD_SIG_SETMASK, &old, NULL);
		return -1;
	}
	memset(&ign, 0, sizeof(ign));
	ign.fsa_handler = FBSD_SIG_IGN;
	shim_sigaction(FBSD_SIGINT, &ign, &intact);
	shim_sigaction(FBSD_SIGQUIT, &ign, &quitact);
	shim_sigdelset(&block, FBSD_SIGINT);
	shim_sigdelset(&block, FBSD_SIGQUIT);
	shim_sigprocmask(FBSD_SIG_SETMASK, &old, NULL);
	shim_sigprocmask(FBSD_SIG_BLOCK, &block, NULL);
	do
		r = shim_wait4(pid, &status, 0, NULL);
	while (r < 0 && shim_errno == FBSD_EINTR);
	if (r < 0)
		status = -1;
	shim_sigaction(FBSD_SIGINT, &intact, NULL);
	shim_sigaction(FBSD_SIGQUIT, &quitact, NULL);
	shim_sigprocmask(FBSD_SIG_SETMASK, &old, NULL);
	return status;
}

/* --- posix_spawn ------------------------------------------------------------------ */

#define FBSD_POSIX_SPAWN_RESETIDS	0x01
#define FBSD_POSIX_SPAWN_SETPGROUP	0x02
#define FBSD_POSIX_SPAWN_SETSCHEDPARAM	0x04
#define FBSD_POSIX_SPAWN_SETSCHEDULER	0x08
#define FBSD_POSIX_SPAWN_SETSIGDEF	0x10
#define FBSD_POSIX_SPAWN_SETSIGMASK	0x20

struct shim_spawnattr {
	short flags;
	int pgroup;
	int policy;
	struct fbsd_sched_param param;
	struct fbsd_sigset sigdefault, sigmask;
};

enum { FA_OPEN, FA_DUP2, FA_CLOSE, FA_CHDIR, FA_FCHDIR, FA_CLOSEFROM };

struct spawn_action {
	int kind, fd, newfd, oflag, mode;
	char *path;
	struct spawn_action *next;
};

struct shim_spawn_fa {
	struct spawn_action *head, **tail;
};

int
shim_posix_spawn_file_actions_init(struct shim_spawn_fa **fa)
{
	struct shim_spawn_fa *n = malloc(sizeof(*n));

	if (!n)
		return FBSD_ENOMEM;
	n->head = NULL;
	n->tail = &n->head;
	*fa = n;
	return 0;
}

int
shim_posix_spawn_file_actions_destroy(struct shim_spawn_fa **fa)
{
	struct spawn_action *a, *next;

	if (!fa || !*fa)
		return FBSD_EINVAL;
	for (a = (*fa)->head; a; a = next) {
		next = a->next;
		free(a->path);
		free(a);
	}
	free(*fa);
	*fa = NULL;
	return 0;
}

static int
add_action(struct shim_spawn_fa **fa, int kind, int fd, int newfd, const char *path, int oflag,
    int mode)
{
	struct spawn_action *a;

	if (!fa || !*fa)
		return FBSD_EINVAL;
	if (fd < 0 || (kind == FA_DUP2 && newfd < 0))
		return FBSD_EBADF;
	if (!(a = calloc(1, sizeof(*a))))
		return FBSD_ENOMEM;
	a->kind = kind;
	a->fd = fd;
	a->newfd = newfd;
	a->oflag = oflag;
	a->mode = mode;
	if (path && !(a->path = strdup(path))) {
		free(a);
		return FBSD_ENOMEM;
	}
	*(*fa)->tail = a;
	(*fa)->tail = &a->next;
	return 0;
}

int
shim_posix_spawn_file_actions_addopen(struct shim_spawn_fa **fa, int fd, const char *path,
    int oflag, int mode)
{
	return add_action(fa, FA_OPEN, fd, 0, path, oflag, mode);
}

int
shim_posix_spawn_file_actions_adddup2(struct shim_spawn_fa **fa, int fd, int newfd)
{
	return add_action(fa, FA_DUP2, fd, newfd, NULL, 0, 0);
}

int
shim_posix_spawn_file_actions_addclose(struct shim_spawn_fa **fa, int fd)
{
	return add_action(fa, FA_CLOSE, fd, 0, NULL, 0, 0);
}

int
shim_posix_spawn_file_actions_addchdir_np(struct shim_spawn_fa **fa, const char *path)
{
	return add_action(fa, FA_CHDIR, 0, 0, path, 0, 0);
}

int
shim_posix_spawn_file_actions_addfchdir_np(struct shim_spawn_fa **fa, int fd)
{
	return add_action(fa, FA_FCHDIR, fd, 0, NULL, 0, 0);
}

int
shim_posix_spawn_file_actions_addclosefrom_np(struct shim_spawn_fa **fa, int from)
{
	return add_action(fa, FA_CLOSEFROM, from, 0, NULL, 0, 0);
}

int
shim_posix_spawnattr_init(struct shim_spawnattr **a)
{
	struct shim_spawnattr *n = calloc(1, sizeof(*n));

	if (!n)
		return FBSD_ENOMEM;
	n->policy = FBSD_SCHED_OTHER;
	*a = n;
	return 0;
}

int
shim_posix_spawnattr_destroy(struct shim_spawnattr **a)
{
	if (!a || !*a)
		return FBSD_EINVAL;
	free(*a);
	*a = NULL;
	return 0;
}

#define SATTR_OK(a)	do { if (!(a) || !*(a)) return FBSD_EINVAL; } while (0)

int shim_posix_spawnattr_getflags(struct shim_spawnattr *const *a, short *v)
{ SATTR_OK(a); *v = (*a)->flags; return 0; }
int shim_posix_spawnattr_setflags(struct shim_spawnattr **a, short v)
{ SATTR_OK(a); if (v & ~0x3f) return FBSD_EINVAL; (*a)->flags = v; return 0; }
int shim_posix_spawnattr_getpgroup(struct shim_spawnattr *const *a, int *v)
{ SATTR_OK(a); *v = (*a)->pgroup; return 0; }
int shim_posix_spawnattr_setpgroup(struct shim_spawnattr **a, int v)
{ SATTR_OK(a); (*a)->pgroup = v; return 0; }
int shim_posix_spawnattr_getschedparam(struct shim_spawnattr *const *a, struct fbsd_sched_param *v)
{ SATTR_OK(a); *v = (*a)->param; return 0; }
int shim_posix_spawnattr_setschedparam(struct shim_spawnattr **a, const struct fbsd_sched_param *v)
{ SATTR_OK(a); (*a)->param = *v; return 0; }
int shim_posix_spawnattr_getschedpolicy(struct shim_spawnattr *const *a, int *v)
{ SATTR_OK(a); *v = (*a)->policy; return 0; }
int shim_posix_spawnattr_setschedpolicy(struct shim_spawnattr **a, int v)
{ SATTR_OK(a); (*a)->policy = v; return 0; }
int shim_posix_spawnattr_getsigdefault(struct shim_spawnattr *const *a, struct fbsd_sigset *v)
{ SATTR_OK(a); *v = (*a)->sigdefault; return 0; }
int shim_posix_spawnattr_setsigdefault(struct shim_spawnattr **a, const struct fbsd_sigset *v)
{ SATTR_OK(a); (*a)->sigdefault = *v; return 0; }
int shim_posix_spawnattr_getsigmask(struct shim_spawnattr *const *a, struct fbsd_sigset *v)
{ SATTR_OK(a); *v = (*a)->sigmask; return 0; }
int shim_posix_spawnattr_setsigmask(struct shim_spawnattr **a, const struct fbsd_sigset *v)
{ SATTR_OK(a); (*a)->sigmask = *v; return 0; }

/* In the child: what the attributes and file actions ask, in order; 0 or
 * a Linux errno. */
static int
spawn_child_setup(const struct shim_spawnattr *sa, const struct shim_spawn_fa *fa)
{
	if (sa) {
		if ((sa->flags & FBSD_POSIX_SPAWN_SETPGROUP) && setpgid(0, sa->pgroup) != 0)
			return errno;
		if ((sa->flags & FBSD_POSIX_SPAWN_RESETIDS) &&
		    (setegid(getgid()) != 0 || seteuid(getuid()) != 0))
			return errno;
		if (sa->flags & FBSD_POSIX_SPAWN_SETSIGDEF) {
			struct fbsd_sigaction dfl;

			memset(&dfl, 0, sizeof(dfl));
			for (int s = 1; s <= FBSD_NSIG; s++)
				if (shim_sigismember(&sa->sigdefault, s) == 1 &&
				    s != FBSD_SIGKILL && s != FBSD_SIGSTOP)
					shim_sigaction(s, &dfl, NULL);
		}
		if (sa->flags & FBSD_POSIX_SPAWN_SETSIGMASK)
			shim_sigprocmask(FBSD_SIG_SETMASK, &sa->sigmask, NULL);
	}
	for (const struct spawn_action *a = fa ? fa->head : NULL; a; a = a->next) {
		int fd;

		/* uxrun's own descriptors are not the guest's to touch. */
		if (ux_fd_is_host(a->fd) || (a->kind == FA_DUP2 && ux_fd_is_host(a->newfd)))
			return EBADF;
		switch (a->kind) {
		case FA_OPEN:
			fd = open(a->path, fbsd_to_linux_oflags(a->oflag), a->mode);
			if (fd < 0)
				return errno;
			if (fd != a->fd) {
				if (dup2(fd, a->fd) < 0)
					return errno;
				close(fd);
			}
			break;
		case FA_DUP2:
			/* dup2 onto itself clears close-on-exec (POSIX 2024). */
			if (a->fd == a->newfd) {
				int fl = fcntl(a->fd, F_GETFD);
				if (fl < 0 || fcntl(a->fd, F_SETFD, fl & ~FD_CLOEXEC) < 0)
					return errno;
			} else if (dup2(a->fd, a->newfd) < 0) {
				return errno;
			}
			break;
		case FA_CLOSE:
			if (close(a->fd) != 0 && errno != EBADF)
				return errno;
			break;
		case FA_CHDIR:
			if (chdir(a->path) != 0)
				return errno;
			break;
		case FA_FCHDIR:
			if (fchdir(a->fd) != 0)
				return errno;
			break;
		case FA_CLOSEFROM:
			if (ux_hostfd_lo > a->fd)
				syscall(SYS_close_range, a->fd, ux_hostfd_lo - 1, 0);
			break;
		}
	}
	return 0;
}

/*
 * The child reports a failure before or at exec through a close-on-exec
 * pipe kept in uxrun's descriptor band, out of the file actions' reach;
 * end of file means the exec worked.  As FreeBSD's posix_spawn, a failure
 * is returned as the error number with the child reaped.
 */
static int
spawn(int *pidp, const char *file, const struct shim_spawn_fa *const *fap,
    const struct shim_spawnattr *const *attrp, char *const argv[], char *const envp[], int search)
{
	const struct shim_spawn_fa *fa = fap ? *fap : NULL;
	const struct shim_spawnattr *sa = attrp ? *attrp : NULL;
	int p[2], err = 0, pid;

	if (pipe2(p, O_CLOEXEC) != 0)
		return shim_errno_from_host(errno);
	int rd = ux_hostfd_take(p[0]), wr = ux_hostfd_take(p[1]);
	if (rd < 0 || wr < 0) {
		err = errno;
		if (rd >= 0)
			close(rd);
		if (wr >= 0)
			close(wr);
		return shim_errno_from_host(err);
	}
	pid = plain_fork();
	if (pid == 0) {
		long r;

		close(rd);
		err = spawn_child_setup(sa, fa);
		if (err == 0) {
			r = search ? exec_search(file, search_path(), argv, envp) :
			    exec_call(file, argv, envp);
			err = (int)-r;
		}
		(void)!write(wr, &err, sizeof(err));
		_exit(127);
	}
	close(wr);
	if (pid < 0) {
		err = errno;
		close(rd);
		return shim_errno_from_host(err);
	}
	ssize_t n;
	do
		n = read(rd, &err, sizeof(err));
	while (n < 0 && errno == EINTR);
	close(rd);
	if (n == (ssize_t)sizeof(err) && err != 0) {
		int st;
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
		return shim_errno_from_host(err);
	}
	if (pidp)
		*pidp = pid;
	return 0;
}

int
shim_posix_spawn(int *pid, const char *path, const struct shim_spawn_fa *const *fa,
    const struct shim_spawnattr *const *attr, char *const argv[], char *const envp[])
{
	return spawn(pid, path, fa, attr, argv, envp, 0);
}

int
shim_posix_spawnp(int *pid, const char *file, const struct shim_spawn_fa *const *fa,
    const struct shim_spawnattr *const *attr, char *const argv[], char *const envp[])
{
	return spawn(pid, file, fa, attr, argv, envp, 1);
}
