#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "syscalls/log.h"
#include "syscalls/hostfd.h"
#include "syscalls/hostcall.h"

int ux_trace_on;
int ux_log_fd = -1;
static int reports_off;

int
ux_log_init(const char *trace_file)
{
	const char *env = getenv("UXRUN_LOG");
	int fd;

	if (env && strcmp(env, "none") == 0)
		reports_off = 1;
	if (!trace_file && env && *env && strcmp(env, "none") != 0 && strcmp(env, "stderr") != 0)
		trace_file = env;
	if (trace_file)
		fd = open(trace_file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	else
		fd = dup(2);
	if (fd < 0)
		return -1;
	ux_log_fd = ux_hostfd_take(fd);
	return ux_log_fd < 0 ? -1 : 0;
}

void
ux_log_write(const char *buf, unsigned long len)
{
	int fd = ux_log_fd >= 0 ? ux_log_fd : 2;

	/* Raw writes: this runs inside the trap handler. */
	while (len > 0) {
		long n = ux_sys(SYS_write, fd, buf, len);
		if (n <= 0)
			break;
		buf += n;
		len -= (unsigned long)n;
	}
}

void
ux_vlogf(const char *fmt, va_list ap)
{
	char buf[1024];
	int n = snprintf(buf, sizeof(buf), "[uxrun %ld] ", ux_sys(SYS_getpid));
	int m = vsnprintf(buf + n, sizeof(buf) - (size_t)n - 1, fmt, ap);

	if (m < 0)
		m = 0;
	n += m;
	if (n > (int)sizeof(buf) - 2)
		n = (int)sizeof(buf) - 2;
	buf[n++] = '\n';
	ux_log_write(buf, (unsigned long)n);
}

void
ux_logf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ux_vlogf(fmt, ap);
	va_end(ap);
}

void
ux_report_once(uint8_t *flag, const char *fmt, ...)
{
	va_list ap;

	if (__atomic_exchange_n(flag, 1, __ATOMIC_RELAXED))
		return;
	if (reports_off && !ux_trace_on)
		return;
	va_start(ap, fmt);
	ux_vlogf(fmt, ap);
	va_end(ap);
}
