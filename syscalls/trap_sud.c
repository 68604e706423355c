/*
 * The Syscall User Dispatch trap backend (Linux 5.11+).
 *
 * Each guest thread asks the kernel to read a selector byte (in its struct
 * ux_thread) on every system call it makes: 0 lets the call through, 1
 * turns it into a SIGSYS with si_code SYS_USER_DISPATCH, handled by the
 * same handler as the seccomp backend (trap.c).  uxrun's code runs with 0,
 * guest code with 1, wherever it lies: nothing depends on address ranges,
 * and, unlike a seccomp filter, the setting does not survive execve, so a
 * native program a guest runs is left alone.
 *
 * One address range is exempt whatever the selector says.  It covers
 * glibc's signal restorer (__restore_rt): every handler returns through it
 * with the selector already set for the code it returns to, and a new
 * thread enters the guest through it (thr_enter.S).
 *
 * The setting is per thread and is not inherited by fork or clone: every
 * thread arms itself, and a forked child re-arms.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include "syscalls/trap.h"
#include "syscalls/thread.h"
#include "syscalls/hostcall.h"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH	59
#define PR_SYS_DISPATCH_OFF		0
#define PR_SYS_DISPATCH_ON		1
#endif

/* __restore_rt is `mov $15, %rax; syscall` (9 bytes). */
#define RESTORER_LEN	16

uint64_t ux_sud_restorer;

/* The kernel's struct sigaction, to read back the restorer glibc set. */
struct k_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

int
ux_trap_sud_init(void)
{
	struct k_sigaction ka;
	uint8_t probe = 0;

	/* SIGSYS's handler was installed through glibc, which always sets
	 * its own restorer. */
	if (ux_sys(SYS_rt_sigaction, SIGSYS, NULL, &ka, 8) != 0 || ka.restorer == 0)
		return -1;
	ux_sud_restorer = ka.restorer;
	/* Is it there?  Arm and disarm this thread with the selector at 0. */
	if (ux_sys(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
	    ux_sud_restorer, RESTORER_LEN, &probe) != 0)
		return -1;
	ux_sys(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
	return 0;
}

int
ux_trap_thread_arm(struct ux_thread *td)
{
	if (ux_trap_kind != UX_TRAP_SUD)
		return 0;
	td->sud_sel = 0;
	return (int)ux_sys(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
	    ux_sud_restorer, RESTORER_LEN, &td->sud_sel);
}

void
ux_trap_thread_disarm(void)
{
	if (ux_trap_kind == UX_TRAP_SUD)
		ux_sys(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
}

uint8_t *
ux_trap_entry_selector(struct ux_thread *td)
{
	return ux_trap_kind == UX_TRAP_SUD ? (uint8_t *)&td->sud_sel : NULL;
}
