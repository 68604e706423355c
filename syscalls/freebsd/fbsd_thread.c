#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/syscall.h>

#include "syscalls/hostcall.h"
#include "syscalls/freebsd/fbsd_convert.h"
#include "syscalls/freebsd/fbsd_thread.h"

void
fbsd_thread_init(struct ux_thread *td, struct ux_thread *parent)
{
	struct fbsd_thread *ft = fbsd_td(td);

	memset(ft, 0, sizeof(*ft));
	ft->tid = td->tid + FBSD_TID_BASE;
	ft->altstack.ss_flags = FBSD_SS_DISABLE;
	if (parent) {
		ft->mask = fbsd_td(parent)->mask;
	} else {
		/* A process's first thread starts with the mask execve left
		 * (posix_spawn's POSIX_SPAWN_SETSIGMASK, say), as on FreeBSD. */
		uint64_t h = 0;

		ux_sys(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &h, 8);
		linux_to_fbsd_sigset(h, &ft->mask);
	}
}
