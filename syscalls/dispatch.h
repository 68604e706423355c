#ifndef UX_DISPATCH_H
#define UX_DISPATCH_H

#include "syscalls/ux_call.h"

/*
 * Runs one guest system call.  A plain function: the SIGSYS handler calls it
 * today, patched call sites will call it directly.  On return c->rv[] and
 * c->err hold the result in guest terms; the caller writes them back in the
 * guest's register convention.
 */
void ux_dispatch(const struct ux_personality *p, struct uxcall *c);

/* Whether the call needs the trap's register frame (UX_SY_FRAME), so a
 * caller without one (a patched call site) must trap instead. */
int ux_dispatch_needs_frame(const struct ux_personality *p, const struct uxcall *c);

/* The one place host -errno results become guest errno values. */
int ux_errno_to_guest(const struct ux_personality *p, long host_neg);

#endif
