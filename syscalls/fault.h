#ifndef UX_FAULT_H
#define UX_FAULT_H

#include <stddef.h>
#include <stdint.h>

/* Copies to or from guest memory: 0, or -EFAULT for a bad guest pointer. */
long ux_copy_bytes(void *dst, const void *src, size_t n);
#define ux_copyin(dst, gsrc, n)  ux_copy_bytes((dst), (const void *)(uintptr_t)(gsrc), (n))
#define ux_copyout(gdst, src, n) ux_copy_bytes((void *)(uintptr_t)(gdst), (src), (n))

/* Installs the fault handlers (copy fix-ups, crash reports). */
int ux_fault_init(void);

/* Guest code ranges, for telling a guest crash from a uxrun bug. */
void ux_fault_add_guest_range(uint64_t lo, uint64_t hi);
/* Whether pc lies in guest code (the ranges above). */
int ux_in_guest_code(uint64_t pc);

#endif
