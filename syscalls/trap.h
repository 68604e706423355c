/*
 * Trap backends: how a guest's raw `syscall` instruction reaches the
 * dispatcher.  Today: a seccomp filter that returns SECCOMP_RET_TRAP for
 * calls made from guest code only, and a SIGSYS handler.
 */
#ifndef UX_TRAP_H
#define UX_TRAP_H

#include <stdint.h>

struct ux_range {
	uint64_t lo, hi;	/* [lo, hi) of guest code */
};

#define UX_TRAP_MAX_RANGES 20	/* per filter: keeps BPF jumps within 255 */

/* Installs the SIGSYS (and fault-fixup) handlers; once per process. */
int ux_trap_init(void);
/* Adds a filter trapping calls whose instruction pointer lies in ranges.
 * Filters stack, so code mapped later gets a filter of its own. */
int ux_trap_add_ranges(const struct ux_range *r, int n);
/* Every range a filter of this process traps, its own and those inherited
 * from an earlier uxrun across execve (filters cannot be removed): code a
 * native program put there would be trapped too.  Copies at most max and
 * returns how many there are. */
int ux_trap_ranges(struct ux_range *out, int max);
/* Notes ranges an earlier uxrun's filters trap, as "LO-HI,LO-HI" in hex
 * (uxrun --trap-ranges); 0, or -1 for a malformed list. */
int ux_trap_note_inherited(const char *spec);
/* Builds the BPF program (exposed for unit tests); returns its length. */
int ux_trap_build_filter(void *prog, int max, const struct ux_range *r, int n);

#endif
