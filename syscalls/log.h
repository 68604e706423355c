/*
 * The one logging path: --trace lines, once-per-name reports of calls,
 * flags and ioctls uxrun does not translate, and fatal messages.  Output goes
 * to a host-private descriptor the guest cannot see or close.
 */
#ifndef UX_LOG_H
#define UX_LOG_H

#include <stdint.h>
#include <stdarg.h>

extern int ux_trace_on;		/* --trace or UXRUN_TRACE=1 */
extern int ux_log_fd;		/* -1 until ux_log_init */

/* trace_file NULL means standard error; reports off with UXRUN_LOG=none. */
int ux_log_init(const char *trace_file);
void ux_logf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ux_vlogf(const char *fmt, va_list ap);
/* Reports once per *flag (an atomic latch), lock-free. */
void ux_report_once(uint8_t *flag, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ux_log_write(const char *buf, unsigned long len);

#endif
