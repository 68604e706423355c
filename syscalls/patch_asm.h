/* Constants shared by patch.c and patch_entry.S. */
#ifndef UX_PATCH_ASM_H
#define UX_PATCH_ASM_H

/* The system call number a stub traps with to have the signals that came
 * during a direct call delivered (trap.c).  No personality uses it. */
#define UX_PATCH_NR_DELIVER	0x75787064

#endif
