/*
 * The personality-neutral shape of one trapped system call and of a
 * personality's syscall table.  Everything a trap backend (seccomp today,
 * Syscall User Dispatch or patched call sites later) needs to hand a call to
 * the dispatcher, and nothing about signals or ucontexts.
 */
#ifndef UX_CALL_H
#define UX_CALL_H

#include <stdint.h>

struct ux_thread;
struct ux_personality;

/* FreeBSD passes a seventh and eighth argument on the user stack. */
#define UX_MAXARGS 8

struct uxcall {
	uint64_t nr;		/* guest syscall number, after indirection */
	uint64_t orig_nr;	/* as the guest passed it (to restart the call) */
	uint64_t a[UX_MAXARGS];	/* arguments in guest ABI order; past the sixth,
				 * filled from the stack by the calls that have them */
	uint64_t sp;		/* guest stack pointer at the call */
	uint64_t stkarg;	/* where the guest's stack arguments start */
	uint64_t pc;		/* address after the syscall instruction */
	uint64_t rv[2];		/* results: rax and, if rv2_set, rdx */
	int rv2_set;
	int err;		/* guest errno on failure, 0 on success */
	struct ux_thread *td;
	/* The host signal mask the guest resumes with, when the trap backend
	 * restores one on return (SIGSYS: the frame's uc_sigmask, which
	 * sigreturn reinstates); NULL when the caller's own mask is live. */
	uint64_t *sigmask;
	/* The trap's register frame (a Linux ucontext_t) for the few calls that
	 * replace the guest's registers wholesale (sigreturn, setcontext), and
	 * for signal delivery after the call; NULL when there is none. */
	void *uctx;
	int justreturn;		/* the handler rewrote the registers itself */
	/* An EINTR FreeBSD would not restart (ERESTART turned into EINTR),
	 * whatever the handler's SA_RESTART says. */
	int no_restart;
};

/* How --trace prints an argument, and which arguments the dispatcher checks. */
enum ux_argfmt {
	UXA_NONE, UXA_INT, UXA_UINT, UXA_LONG, UXA_HEX, UXA_PTR, UXA_SIZE,
	UXA_FD,			/* a guest descriptor: host-private ones are refused */
	UXA_DIRFD,		/* as UXA_FD, but AT_FDCWD is allowed */
	UXA_PATH,		/* NUL-terminated string */
	UXA_WBUF,		/* bytes the guest passes in; length is the next argument */
	UXA_RBUF,		/* bytes filled in by the call; length is the result */
	UXA_OCT,		/* mode bits */
	/* symbolic kinds: the personality supplies a name table for each */
	UXA_OFLAGS, UXA_ATFLAGS, UXA_PROT, UXA_MFLAGS, UXA_MADV, UXA_WHENCE,
	UXA_FCNTL, UXA_IOCTL, UXA_SIGNO, UXA_SIGHOW, UXA_CLOCK, UXA_RLIMIT,
	UXA_ACCMODE, UXA_SYSARCH,
	UXA_COUNT
};

enum ux_status { UX_IMPL, UX_PARTIAL, UX_UNIMPL };

typedef long (*ux_sy_call_t)(struct uxcall *);

struct ux_sysent {
	const char *name;
	ux_sy_call_t call;	/* NULL when unimplemented */
	uint8_t nargs;
	uint8_t status;		/* enum ux_status */
	uint8_t argfmt[UX_MAXARGS];
	const char *argname[UX_MAXARGS];
	const char *note;	/* what a partial translation leaves out */
	uint8_t flags;		/* UX_SY_* */
};

/* The handler needs the trap's register frame (uxcall.uctx or .sigmask),
 * or does not return to its caller: a patched call site traps for it. */
#define UX_SY_FRAME	0x01

/* One named guest constant and its host twin; drives converters and trace. */
struct ux_sym {
	uint64_t guest;
	uint64_t host;
	const char *name;
};

struct ux_symtab {
	const struct ux_sym *syms;
	unsigned n;
	uint8_t is_flags;	/* OR of bits (else an enumeration) */
	uint64_t enum_mask;	/* for flags: low field printed as an enum first */
	const struct ux_symtab *enum_part;
};

struct ux_personality {
	const char *name;		/* "freebsd" */
	const struct ux_sysent *sysent;
	unsigned nsysent;
	uint64_t indirect_nr[2];	/* syscall(2)/__syscall(2) numbers */
	const int *errno_to_guest;	/* indexed by host errno */
	unsigned nerrno_host;
	const char *const *errno_name;	/* indexed by guest errno */
	unsigned nerrno_guest;
	const struct ux_symtab *symtab[UXA_COUNT];
	int64_t at_fdcwd;		/* guest AT_FDCWD */
	uint8_t *reported;		/* one byte per sysent: ENOSYS reported */
	/* Signals.  on_signal: a host signal reached a guest thread; uctx is
	 * the Linux ucontext_t it interrupted (guest code unless the thread's
	 * in_host is set).  after_call: the last word before a trapped call
	 * returns to the guest (delivers what arrived during the call). */
	void (*on_signal)(struct ux_thread *td, int sig, void *siginfo, void *uctx);
	void (*after_call)(struct uxcall *c);
	/* After every call, whatever the trap backend: cheap upkeep that
	 * must follow the guest's calls (FreeBSD's AT_TIMEKEEP page). */
	void (*tick)(struct uxcall *c);
};

#endif
