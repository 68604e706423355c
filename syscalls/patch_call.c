/*
 * A call from a patched site (patch.h): the C half of ux_patch_entry
 * (patch_entry.S).  It does what the SIGSYS handler does around the
 * dispatcher, without a signal frame: the thread may make system calls,
 * glibc's thread pointer is back in %fs, the result goes into the guest's
 * registers.  Signals that arrive meanwhile are queued as during a trapped
 * call (in_host is set by the stub); the stub sends them through a trap.
 */
#include "config.h"

#include "syscalls/dispatch.h"
#include "syscalls/thread.h"

#define EFLAGS_CF 0x1

/* The guest's registers, pushed by ux_patch_entry. */
struct ux_patch_frame {
	uint64_t rax, rdi, rsi, rdx, r10, r8, r9;
	uint64_t *gsp;	/* [0] the return into the stub, [1] the guest's flags */
};

void ux_patch_call(struct ux_patch_frame *f, struct ux_thread *td);

__attribute__((no_stack_protector)) void
ux_patch_call(struct ux_patch_frame *f, struct ux_thread *td)
{
	uint8_t sel = ux_host_enter(td);
	uint64_t guest_fs = td->guest_fs;

	if (guest_fs)
		ux_set_fs(td->host_fs);
	struct uxcall c = {
		.nr = f->rax,
		.orig_nr = f->rax,
		.a = { f->rdi, f->rsi, f->rdx, f->r10, f->r8, f->r9 },
		/* The stub moved the stack below the red zone and pushed two words. */
		.sp = (uint64_t)(f->gsp + 2) + 128,
		.pc = f->gsp[0],
		.td = td,
	};

	td->patch_res.valid = 0;
	if (ux_dispatch_needs_frame(td->pers, &c)) {
		td->patch_slow = 1;
	} else {
		td->patch_slow = 0;
		ux_dispatch(td->pers, &c);
		f->rax = c.rv[0];
		if (c.err) {
			f->gsp[1] |= EFLAGS_CF;
		} else {
			f->gsp[1] &= ~(uint64_t)EFLAGS_CF;
			if (c.rv2_set)
				f->rdx = c.rv[1];
		}
		/* For the trap that delivers what came during the call. */
		td->patch_res.nr = c.nr;
		td->patch_res.orig_nr = c.orig_nr;
		td->patch_res.rv[0] = c.rv[0];
		td->patch_res.rv[1] = c.rv[1];
		td->patch_res.err = c.err;
		td->patch_res.rv2_set = c.rv2_set;
		td->patch_res.no_restart = c.no_restart;
		td->patch_res.valid = 1;
	}
	if (td->guest_fs)
		ux_set_fs(td->guest_fs);
	ux_host_leave(td, sel);
}
