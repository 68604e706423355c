/*
 * sysarch(2): the amd64 FS and GS bases.  The guest's FS base is only
 * recorded here; the trap backend loads it into %fs on the way back to the
 * guest (glibc owns %fs while uxrun runs).  Linux user space does not use
 * GS, so the guest's GS base is loaded at once.
 */
#include "config.h"

#include <asm/prctl.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/thread.h"

/* amd64_set_fsbase() refuses bases outside user space. */
#define FBSD_VM_MAXUSER	0x800000000000ULL

long
fbsd_sys_sysarch(struct uxcall *c, int op, char *parms)
{
	static uint8_t reported;
	struct ux_thread *td = c->td;
	uint64_t base;
	long r;

	if (td == NULL)
		return -EINVAL;
	switch (op) {
	case FBSD_AMD64_GET_FSBASE:
		/* A guest that never set one runs on glibc's. */
		base = td->guest_fs ? td->guest_fs : td->host_fs;
		return ux_copyout(parms, &base, sizeof(base));
	case FBSD_AMD64_GET_GSBASE:
		base = td->guest_gs;
		return ux_copyout(parms, &base, sizeof(base));
	case FBSD_AMD64_SET_FSBASE:
	case FBSD_AMD64_SET_GSBASE:
		r = ux_copyin(&base, parms, sizeof(base));
		if (r < 0)
			return r;
		if (base >= FBSD_VM_MAXUSER)
			return -EINVAL;
		if (op == FBSD_AMD64_SET_FSBASE) {
			/* XXX a base of 0 means "never set" to the trap
			 * backend, which then leaves glibc's in place. */
			td->guest_fs = base;
			return 0;
		}
		return ux_thread_set_guest_gs(td, base);
	}
	{
		const char *name = ux_sym_name(&fbsd_sysarch_tab, (uint64_t)(uint32_t)op);
		ux_report_once(&reported,
		    "unsupported FreeBSD sysarch op %s (%d): returning EINVAL",
		    name ? name : "?", op);
	}
	return -EINVAL;
}
