/*
 * Patched call sites: the third way a guest's system call reaches the
 * dispatcher, after the two trap backends.  A `syscall` instruction in
 * guest code that keeps trapping is rewritten, while the program runs, to
 * jump to a stub that calls the dispatcher as a plain function: no signal,
 * no kernel round trip for the trap.  Calls that need the trap's register
 * frame (UX_SY_FRAME in the personality's table) still trap, from the stub.
 *
 * Only the instruction just before the `syscall` (or one a few simple
 * moves before it) is overwritten, by a 5-byte jump, and only when the
 * instruction boundaries are certain: the function that holds the site is
 * disassembled from its start, which the loader finds for the patcher
 * (symbol table or Go's pclntab).  The `syscall` itself stays, so a thread
 * already past the rewritten instruction, or code that jumps to the
 * `syscall` directly, still traps and still works.
 */
#ifndef UX_PATCH_H
#define UX_PATCH_H

#include <stdint.h>

#include "syscalls/trap.h"
#include "syscalls/ux_call.h"

/* Where the function holding pc starts, or 0 if the object cannot tell. */
typedef uint64_t (*ux_func_start_fn)(void *ctx, uint64_t pc);

/* How many times a site traps before it is patched; 0: never (UXRUN_PATCH
 * is "off" or a number; the default is UX_PATCH_DEFAULT_THRESHOLD). */
extern unsigned ux_patch_threshold;
#define UX_PATCH_DEFAULT_THRESHOLD 8
void ux_patch_configure(const char *spec);

/* Offers guest code [lo, hi) for patching: reserves room for its stubs
 * within reach of a 32-bit jump and stores that range in *stubs, which
 * must count as guest code for the trap (seccomp ranges, fault ranges).
 * 0, or -1 if the object cannot be patched (the trap still serves it). */
int ux_patch_add_object(uint64_t lo, uint64_t hi, ux_func_start_fn func_start, void *ctx,
    struct ux_range *stubs);

/* From the trap handler after a trapped call: counts the site (pc is the
 * address after its `syscall`) and patches it once it is hot. */
void ux_patch_note(const struct uxcall *c);

/* From the SIGTRAP handler: the thread hit a site being rewritten; moves
 * *rip back to retry it.  1 if it was one. */
int ux_patch_retry(long long *rip);

#endif
