/*
 * A native Linux program under an inherited seccomp filter (uxrun --native).
 *
 * Seccomp filters cannot be removed and survive execve.  When a guest run
 * with the seccomp backend executes a native program whose code lies where
 * a filter traps (a non-PIE static binary at 0x400000, like the guest that
 * ran it), the calls that program makes from those addresses would kill it
 * with SIGSYS.  Instead uxrun starts again in --native mode
 * (loader/native.c), maps the program itself and catches those SIGSYS: each
 * trapped call is made again from here, outside every filtered range, with
 * the program's registers.  Calls from anywhere else never trap.
 *
 * This handler runs with the program's FS base and no ux_thread: it calls
 * nothing that needs glibc's thread state, only raw system calls.  A few
 * calls cannot simply be made again from a signal handler: rt_sigreturn
 * (it must find the program's frame), clone of a thread (the child must
 * start in the program, not in this handler), vfork (the child would run
 * on this handler's stack), and the ones that would take SIGSYS away from
 * uxrun (rt_sigaction, masks) or exec another program into the same trap.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <ucontext.h>
#include <sys/syscall.h>

#include "syscalls/trap.h"
#include "syscalls/hostcall.h"

#ifndef SYS_SECCOMP
#define SYS_SECCOMP 1
#endif

/* Assembly (trap_native_asm.S). */
__attribute__((noreturn)) void ux_native_sigreturn(uint64_t rsp);
long ux_native_clone_thread(unsigned long flags, uint64_t child_sp, uint64_t ptid,
    uint64_t ctid, uint64_t tls, const uint64_t *regs);

/* The program's own SIGSYS disposition, as it asked for it; the real one
 * stays uxrun's.  Kernel struct sigaction layout. */
static struct {
	uint64_t handler, flags, restorer, mask;
} prog_sigsys;

long (*ux_native_exec_hook)(const char *path, char *const argv[], char *const envp[]);

#define SIGSYS_BIT	(1ULL << (SIGSYS - 1))

static long
native_call(ucontext_t *uc)
{
	greg_t *g = uc->uc_mcontext.gregs;
	long nr = (long)g[REG_RAX];
	long a1 = (long)g[REG_RDI], a2 = (long)g[REG_RSI], a3 = (long)g[REG_RDX];
	long a4 = (long)g[REG_R10], a5 = (long)g[REG_R8], a6 = (long)g[REG_R9];

	switch (nr) {
	case SYS_rt_sigaction:
		/* SIGSYS stays uxrun's; the program is told what it set. */
		if (a1 == SIGSYS) {
			if (a3 != 0)
				memcpy((void *)a3, &prog_sigsys, sizeof(prog_sigsys));
			if (a2 != 0)
				memcpy(&prog_sigsys, (const void *)a2, sizeof(prog_sigsys));
			return 0;
		}
		/* A handler that runs with SIGSYS blocked and makes a trapped
		 * call would be killed by it (the kernel resets a blocked
		 * SIGSYS to its default): handlers never block it. */
		if (a2 != 0) {
			struct { uint64_t h, f, r, m; } act;
			memcpy(&act, (const void *)a2, sizeof(act));
			act.m &= ~SIGSYS_BIT;
			return ux_sys(SYS_rt_sigaction, a1, &act, a3, a4);
		}
		break;
	case SYS_rt_sigprocmask: {
		/* SIGSYS is never blocked: copy the set without it. */
		uint64_t set;
		if (a2 != 0 && (a1 == SIG_BLOCK || a1 == SIG_SETMASK)) {
			memcpy(&set, (const void *)a2, sizeof(set));
			set &= ~SIGSYS_BIT;
			return ux_sys(SYS_rt_sigprocmask, a1, &set, a3, a4);
		}
		break;
	}
	case SYS_sigaltstack: {
		/* This handler returns through rt_sigreturn, which puts back the
		 * alternate stack its frame recorded: record the new one. */
		long r = ux_sys(SYS_sigaltstack, a1, a2);
		if (r == 0 && a1 != 0) {
			memcpy(&uc->uc_stack, (const void *)a1, sizeof(uc->uc_stack));
			uc->uc_stack.ss_flags &= ~SS_ONSTACK;
		}
		return r;
	}
	case SYS_vfork:
		/* A copy, not a shared address space: the child would otherwise
		 * run on this handler's stack.  CLONE_VFORK keeps the order. */
		return ux_sys(SYS_clone, CLONE_VFORK | SIGCHLD, 0, 0, 0, 0);
	case SYS_clone:
		if (a1 & CLONE_VM) {
			if (!(a1 & CLONE_THREAD) || a2 == 0) {
				/* vfork-like (Go's forkExec): the child gets a copy. */
				return ux_sys(SYS_clone, a1 & ~(unsigned long)CLONE_VM, 0, a3, a4, a5);
			}
			/* As trap_native_asm.S pops them; rax is the child's 0. */
			uint64_t regs[17] = {
				(uint64_t)g[REG_R8], (uint64_t)g[REG_R9], (uint64_t)g[REG_R10],
				(uint64_t)g[REG_R11], (uint64_t)g[REG_R12], (uint64_t)g[REG_R13],
				(uint64_t)g[REG_R14], (uint64_t)g[REG_R15], (uint64_t)g[REG_RDI],
				(uint64_t)g[REG_RSI], (uint64_t)g[REG_RBP], (uint64_t)g[REG_RBX],
				(uint64_t)g[REG_RDX], 0, (uint64_t)g[REG_RCX],
				(uint64_t)g[REG_EFL], (uint64_t)g[REG_RIP],
			};
			return ux_native_clone_thread((unsigned long)a1, (uint64_t)a2, (uint64_t)a3,
			    (uint64_t)a4, (uint64_t)a5, regs);
		}
		break;
	case SYS_clone3:
		/* Its arguments carry the stack in a struct; glibc falls back
		 * to clone when told there is none. */
		return -ENOSYS;
	case SYS_execve:
		if (ux_native_exec_hook)
			return ux_native_exec_hook((const char *)a1, (char *const *)a2, (char *const *)a3);
		break;
	case SYS_execveat:
		/* Only the path form can be checked; descriptors go to Linux. */
		if (ux_native_exec_hook && a5 == 0 && a1 == AT_FDCWD)
			return ux_native_exec_hook((const char *)a2, (char *const *)a3, (char *const *)a4);
		break;
	}
	return ux_sys(nr, a1, a2, a3, a4, a5, a6);
}

__attribute__((no_stack_protector)) void
ux_native_sigsys(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;

	if (si->si_code != SYS_SECCOMP) {
		/* A SIGSYS sent to the program: what it asked for, where
		 * that is simple; a handler of its own is not run (XXX). */
		if (prog_sigsys.handler == (uint64_t)SIG_IGN)
			return;
		struct { uint64_t h, f, r, m; } dfl = { (uint64_t)SIG_DFL, 0, 0, 0 };
		ux_sys(SYS_rt_sigaction, SIGSYS, &dfl, NULL, 8);
		ux_sys(SYS_tgkill, ux_sys(SYS_getpid), ux_sys(SYS_gettid), SIGSYS);
		return;
	}
	if (g[REG_RAX] == SYS_rt_sigreturn)
		ux_native_sigreturn((uint64_t)g[REG_RSP]);
	g[REG_RAX] = (greg_t)native_call(uc);
}
