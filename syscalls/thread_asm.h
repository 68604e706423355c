/*
 * Where the fields of struct ux_thread that assembly reads through %gs
 * lie (a guest thread's GS base is its ux_thread while the guest has not
 * set one).  thread.c checks them against the structure.
 */
#ifndef UX_THREAD_ASM_H
#define UX_THREAD_ASM_H

#define UX_TD_MAGIC		0
#define UX_TD_SELF		8
#define UX_TD_IN_HOST		52
#define UX_TD_SIG_PENDING	56
#define UX_TD_PATCH_SLOW	64

/* UX_ALTSTACK_REGION and UX_THREAD_MAGIC (thread.h) */
#define UX_ALTSTACK_REGION_ASM	0x80000
#define UX_THREAD_MAGIC_ASM	0x7578746872656164

#endif
