/*
 * capstone, opened when something first needs it: crash reports
 * (fault.c) and the call-site patcher (patch.c).  Not linked: loading it
 * relocates some 77000 pointers, most of uxrun's start-up time otherwise.
 */
#ifndef UX_DISASM_H
#define UX_DISASM_H

#include <capstone/capstone.h>

struct ux_capstone {
	cs_err (*open)(cs_arch, cs_mode, csh *);
	cs_err (*option)(csh, cs_opt_type, size_t);
	size_t (*disasm)(csh, const uint8_t *, size_t, uint64_t, size_t, cs_insn **);
	void (*free)(cs_insn *, size_t);
	cs_err (*close)(csh *);
};

/* The library's entry points, or NULL when it cannot be loaded. */
const struct ux_capstone *ux_capstone(void);

#endif
