/*
 * Function starts in a guest object, for the call-site patcher
 * (syscalls/patch.h): from Go's pclntab or the ELF symbol table.
 */
#ifndef UX_FUNCS_H
#define UX_FUNCS_H

#include <stdint.h>

#include "loader/image.h"

struct ux_funcs;

/* What the mapped image im can tell (path: its file, for the symbol table
 * read on first use); NULL if nothing. */
struct ux_funcs *ux_funcs_from_image(const struct ux_image *im, const char *path);
/* A ux_func_start_fn: the start of the function holding pc, or 0. */
uint64_t ux_funcs_start(void *funcs, uint64_t pc);

#endif
