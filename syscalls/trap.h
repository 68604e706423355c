/*
 * Trap backends: how a guest's raw `syscall` instruction reaches the
 * dispatcher.  Both end in one SIGSYS handler (trap.c):
 *   Syscall User Dispatch (trap_sud.c): a per-thread selector byte says
 *     whether the thread's calls trap; the default where the kernel has it.
 *   seccomp (trap_seccomp.c): a filter returns SECCOMP_RET_TRAP for calls
 *     made from the guest's code ranges.
 * UXRUN_TRAP=sud|seccomp|auto chooses.
 */
#ifndef UX_TRAP_H
#define UX_TRAP_H

#include <stdint.h>

struct ux_range {
	uint64_t lo, hi;	/* [lo, hi) of guest code */
};

#define UX_TRAP_MAX_RANGES 20	/* per filter: keeps BPF jumps within 255 */

struct ux_thread;

enum { UX_TRAP_SECCOMP, UX_TRAP_SUD };
extern int ux_trap_kind;

/* Installs the SIGSYS (and fault-fixup) handlers and picks the backend;
 * once per process, before the first ux_thread is made. */
int ux_trap_init(void);
const char *ux_trap_name(void);

/*
 * For foreign code dlopen'ed into a native process (the LD_PRELOAD shim,
 * loader/rtld_hosted.c): the seccomp backend, whose filters then cover
 * every thread of the process at once (SECCOMP_FILTER_FLAG_TSYNC), and
 * only the SIGSYS handler: the host keeps its own SIGSEGV and SIGBUS.
 * A host thread gets its thread state from adopt at its first trapped
 * call (in_handler: inside the SIGSYS handler) or libshim call.
 */
int ux_trap_init_hosted(struct ux_thread *(*adopt)(int in_handler));
extern int ux_trap_hosted;
/* The calling host thread's state, made now if it has none (hosted only:
 * NULL otherwise); libshim asks when foreign code first calls it there. */
struct ux_thread *ux_trap_adopt_thread(void);

/* Syscall User Dispatch: makes the calling thread consult td's selector
 * (0 while uxrun runs; entering the guest sets it).  No-ops under seccomp.
 * A forked child arms again: the kernel does not copy the setting. */
int ux_trap_sud_init(void);
int ux_trap_thread_arm(struct ux_thread *td);
void ux_trap_thread_disarm(void);
/* For the assembly that enters guest code: the byte to set to 1 just
 * before the jump (NULL under seccomp), and the exempt restorer a new
 * thread's rt_sigreturn must go through. */
uint8_t *ux_trap_entry_selector(struct ux_thread *td);
extern uint64_t ux_sud_restorer;
/* Adds a filter trapping calls whose instruction pointer lies in ranges.
 * Filters stack, so code mapped later gets a filter of its own.  Under
 * Syscall User Dispatch there is nothing to add. */
int ux_trap_add_ranges(const struct ux_range *r, int n);
/* Every range a filter of this process traps, its own and those inherited
 * from an earlier uxrun across execve (filters cannot be removed): code a
 * native program put there would be trapped too.  Copies at most max and
 * returns how many there are. */
int ux_trap_ranges(struct ux_range *out, int max);
/* Notes ranges an earlier uxrun's filters trap, as "LO-HI,LO-HI" in hex
 * (uxrun --trap-ranges); 0, or -1 for a malformed list. */
int ux_trap_note_inherited(const char *spec);
/* uxrun --native (syscalls/trap_native.c): the SIGSYS handler that makes
 * the calls of a native program trapped by an inherited filter, and how it
 * runs execve (set by loader/native.c). */
#include <signal.h>
void ux_native_sigsys(int sig, siginfo_t *si, void *ucv);
extern long (*ux_native_exec_hook)(const char *path, char *const argv[], char *const envp[]);

/* Builds the BPF program (exposed for unit tests); returns its length. */
int ux_trap_build_filter(void *prog, int max, const struct ux_range *r, int n);

#endif
