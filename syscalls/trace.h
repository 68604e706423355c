#ifndef UX_TRACE_H
#define UX_TRACE_H

#include "syscalls/ux_call.h"

/* Prints one strace-style line for a finished call (r: host result). */
void ux_trace_call(const struct ux_personality *p, const struct uxcall *c,
    const struct ux_sysent *e, long r);
/* For calls that never return (exit): prints the call with "= ?". */
void ux_trace_noreturn(const struct ux_personality *p, const struct uxcall *c);
/* Formats v as p's symbolic constants of kind fmt; returns chars written. */
int ux_format_sym(char *buf, int len, const struct ux_personality *p, int fmt, uint64_t v);

#endif
