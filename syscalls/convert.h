/*
 * Table-driven converters shared by every personality.  A flag converter
 * clears each bit it translates; whatever is left is an unknown bit,
 * reported once per table and dropped.
 */
#ifndef UX_CONVERT_H
#define UX_CONVERT_H

#include <stdint.h>
#include "syscalls/ux_call.h"

uint64_t ux_flags_to_host(const struct ux_symtab *t, uint64_t guest, const char *what);
uint64_t ux_flags_to_guest(const struct ux_symtab *t, uint64_t host);
/* Enumerations: 0 and *out set, or -1 when the value has no twin. */
int ux_enum_to_host(const struct ux_symtab *t, uint64_t guest, uint64_t *out);
int ux_enum_to_guest(const struct ux_symtab *t, uint64_t host, uint64_t *out);
const char *ux_sym_name(const struct ux_symtab *t, uint64_t guest);

#define UX_SYMTAB(arr, flags) { arr, sizeof(arr) / sizeof(arr[0]), flags, 0, 0 }

#endif
