#ifndef FBSD_PERSONALITY_H
#define FBSD_PERSONALITY_H

#include "syscalls/ux_call.h"

extern const struct ux_personality fbsd_personality;

/* Process facts the loader hands to the syscall layer (sysctl, break). */
struct fbsd_procinfo {
	uint64_t brk_start, brk_cur, brk_max;	/* the data segment after the image */
	uint64_t stack_top, stack_size;		/* kern.usrstack and friends */
	uint64_t ps_strings;
	const char *execpath;			/* kern.proc.pathname */
	int argc;
	char **argv;				/* guest copies */
};
extern struct fbsd_procinfo fbsd_proc;

#endif
