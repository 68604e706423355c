#include "config.h"

#include <string.h>

#include "syscalls/freebsd/fbsd_thread.h"

void
fbsd_thread_init(struct ux_thread *td, struct ux_thread *parent)
{
	struct fbsd_thread *ft = fbsd_td(td);

	memset(ft, 0, sizeof(*ft));
	ft->tid = td->tid + FBSD_TID_BASE;
	ft->altstack.ss_flags = FBSD_SS_DISABLE;
	if (parent)
		ft->mask = fbsd_td(parent)->mask;
}
