#ifndef UX_START_H
#define UX_START_H

#include <stdint.h>
#include "loader/image.h"

/* Registers for the guest's first instruction. */
struct ux_start {
	uint64_t entry, rsp, rdi;
};

int ux_fbsd_build_start(struct ux_image *im, const char *execpath, int argc, char **argv,
    char **envp, struct ux_start *st, struct ux_err *err);

/* Jumps to the guest with FreeBSD's initial register state; never returns. */
__attribute__((noreturn)) void ux_enter_guest(uint64_t entry, uint64_t rsp, uint64_t rdi,
    uint8_t *sel, uint64_t rsi);

#endif
