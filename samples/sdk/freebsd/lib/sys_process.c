/* Process creation, waiting and execution. */
#include <errno.h>
#include <unistd.h>
#include <sys/procdesc.h>
#include <sys/wait.h>
#include "uxrt.h"

extern char **environ;

/* The kernel answers 0 in the child (and 1 in rdx, which libc ignores). */
pid_t
fork(void)
{
	return (pid_t)uxrt_call(SYS_fork);
}

#define UXRT_STR_(x)	#x
#define UXRT_STR(x)	UXRT_STR_(x)

/*
 * With FreeBSD's vfork the child borrows the parent's stack, so neither
 * may leave anything on it: the return address is kept in %rsi (which the
 * kernel preserves) instead, as FreeBSD's libc does.
 */
__attribute__((naked)) pid_t
vfork(void)
{
	__asm__ volatile(
	    "popq	%rsi\n\t"
	    "movl	$" UXRT_STR(SYS_vfork) ", %eax\n\t"
	    "syscall\n\t"
	    "jb	1f\n\t"
	    "jmp	*%rsi\n"
	    "1:\n\t"
	    "pushq	%rsi\n\t"
	    "movq	%rax, %rdi\n\t"
	    "negq	%rdi\n\t"
	    "jmp	__uxrt_ret\n");
}

pid_t
rfork(int flags)
{
	return (pid_t)uxrt_call(SYS_rfork, flags);
}

pid_t
wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return (pid_t)uxrt_call(SYS_wait4, pid, status, options, ru);
}

pid_t
waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t
wait(int *status)
{
	return wait4(WAIT_ANY, status, 0, NULL);
}

pid_t
wait6(idtype_t idtype, id_t id, int *status, int options, struct __wrusage *wru,
    siginfo_t *info)
{
	return (pid_t)uxrt_call(SYS_wait6, idtype, id, status, options, wru, info);
}

int
execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)uxrt_call(SYS_execve, path, argv, envp);
}

int
execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

int
fexecve(int fd, char *const argv[], char *const envp[])
{
	return (int)uxrt_call(SYS_fexecve, fd, argv, envp);
}

pid_t
pdfork(int *fdp, int flags)
{
	return (pid_t)uxrt_call(SYS_pdfork, fdp, flags);
}

int
pdkill(int fd, int signum)
{
	return (int)uxrt_call(SYS_pdkill, fd, signum);
}

int
pdgetpid(int fd, pid_t *pidp)
{
	return (int)uxrt_call(SYS_pdgetpid, fd, pidp);
}
