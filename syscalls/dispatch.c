#include "config.h"

#include <errno.h>
#include <stddef.h>

#include "syscalls/dispatch.h"
#include "syscalls/log.h"
#include "syscalls/trace.h"
#include "syscalls/hostcall.h"
#include "syscalls/fault.h"

int
ux_errno_to_guest(const struct ux_personality *p, long host_neg)
{
	long e = -host_neg;

	if (e > 0 && (unsigned long)e < p->nerrno_host && p->errno_to_guest[e] != 0)
		return p->errno_to_guest[e];
	/* A host errno with no guest twin: EINVAL is the least surprising. */
	return p->errno_to_guest[EINVAL];
}

static long
unimplemented(const struct ux_personality *p, struct uxcall *c, const struct ux_sysent *e)
{
	if (e) {
		ux_report_once(&p->reported[c->nr],
		    "unsupported %s system call %s (%lu): returning ENOSYS",
		    p->name, e->name, (unsigned long)c->nr);
	} else {
		static uint8_t unknown_reported;
		ux_report_once(&unknown_reported,
		    "unknown %s system call number %lu: returning ENOSYS",
		    p->name, (unsigned long)c->nr);
	}
	return -ENOSYS;
}

int
ux_dispatch_needs_frame(const struct ux_personality *p, const struct uxcall *c)
{
	uint64_t nr = c->nr;

	if (nr == p->indirect_nr[0] || nr == p->indirect_nr[1])
		nr = c->a[0];
	return nr < p->nsysent && (p->sysent[nr].flags & UX_SY_FRAME);
}

void
ux_dispatch(const struct ux_personality *p, struct uxcall *c)
{
	const struct ux_sysent *e = NULL;
	long r;

	/* Arguments past the sixth sit above the libc stub's return address. */
	c->stkarg = c->sp + 8;
	/* syscall(2) and __syscall(2): the real number is the first argument;
	 * the sixth argument then comes from the guest stack. */
	if (c->nr == p->indirect_nr[0] || c->nr == p->indirect_nr[1]) {
		c->nr = c->a[0];
		for (int i = 0; i < 5; i++)
			c->a[i] = c->a[i + 1];
		if (ux_copyin(&c->a[5], c->stkarg, sizeof(c->a[5])) != 0)
			c->a[5] = 0;
		c->stkarg += 8;
	}
	if (c->nr < p->nsysent)
		e = &p->sysent[c->nr];
	if (e && e->call)
		r = e->call(c);
	else
		r = unimplemented(p, c, e && e->name ? e : NULL);

	if (ux_is_err(r)) {
		c->err = ux_errno_to_guest(p, r);
		c->rv[0] = (uint64_t)c->err;
	} else {
		c->err = 0;
		c->rv[0] = (uint64_t)r;
	}
	if (p->tick)
		p->tick(c);
	if (__builtin_expect(ux_trace_on, 0))
		ux_trace_call(p, c, e && e->name ? e : NULL, r);
}
