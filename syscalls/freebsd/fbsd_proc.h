/*
 * What the FreeBSD process calls (sys_fork.c, sys_exec.c) need from the
 * rest of uxrun.
 */
#ifndef FBSD_PROC_H
#define FBSD_PROC_H

struct ux_thread;

/* The absolute --trace-file of this uxrun, or NULL: a FreeBSD program the
 * guest executes is started under uxrun again with the same tracing. */
extern const char *fbsd_exec_trace_file;

/* Called in a forked child, on the forking thread, before it returns to
 * the guest: the only thread left.  Defined by the thread layer if it keeps
 * per-process thread state. */
void fbsd_thread_atfork_child(struct ux_thread *td) __attribute__((weak));

#endif
