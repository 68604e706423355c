/*
 * The floor of the trap mechanism: the same seccomp filter uxrun installs
 * (built by the same function, one guest range) and a SIGSYS handler on an
 * alternate stack that returns at once.  A loop of N `syscall`
 * instructions from the trapped range measures delivery + sigreturn alone.
 * With --call the handler also makes the real getpid, so the difference
 * to uxrun is uxrun's own code on the path.
 *   trap_floor N [--call]
 */
#include "config.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include "syscalls/trap.h"

static int with_call;

static void
on_sigsys(int sig, siginfo_t *si, void *ucv)
{
	long r = 0;

	(void)sig;
	(void)si;
	if (with_call)
		__asm__ volatile("syscall" : "=a"(r) : "a"((long)SYS_getpid) : "rcx", "r11", "memory");
	((ucontext_t *)ucv)->uc_mcontext.gregs[REG_RAX] = r;
}

int
main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 0;

	with_call = argc > 2 && strcmp(argv[2], "--call") == 0;
	/* loop: mov $39,%eax; syscall; dec %rdi; jnz loop; ret */
	static const uint8_t code[] = { 0xb8, 0x27, 0, 0, 0, 0x0f, 0x05, 0x48, 0xff, 0xcf, 0x75, 0xf4, 0xc3 };
	uint8_t *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return 1;
	memcpy(page, code, sizeof(code));
	mprotect(page, 4096, PROT_READ | PROT_EXEC);

	stack_t ss = { .ss_sp = malloc(256 * 1024), .ss_size = 256 * 1024 };
	sigaltstack(&ss, NULL);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sigsys;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaction(SIGSYS, &sa, NULL);

	struct ux_range r = { (uint64_t)page, (uint64_t)page + 4096 };
	struct sock_filter insns[64];
	int len = ux_trap_build_filter(insns, 64, &r, 1);
	struct sock_fprog prog = { .len = (unsigned short)len, .filter = insns };
	if (len < 0 || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW, &prog) != 0) {
		perror("trap_floor: seccomp");
		return 1;
	}
	if (n > 0)
		((void (*)(long))page)(n);
	return 0;
}
