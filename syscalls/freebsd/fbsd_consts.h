/* FreeBSD constant tables and the converters built on them. */
#ifndef FBSD_CONSTS_H
#define FBSD_CONSTS_H

#include <stdint.h>
#include "syscalls/ux_call.h"
#include "syscalls/freebsd/fbsd_abi.h"

extern const struct ux_symtab fbsd_oflags_tab, fbsd_atflags_tab, fbsd_prot_tab,
    fbsd_mflags_tab, fbsd_madv_tab, fbsd_whence_tab, fbsd_fcntl_tab, fbsd_ioctl_tab,
    fbsd_signal_tab, fbsd_sighow_tab, fbsd_clock_tab, fbsd_rlimit_tab, fbsd_accmode_tab,
    fbsd_sysarch_tab, fbsd_errno_tab;

/* Every table above, by name, for the constants test. */
struct fbsd_named_symtab {
	const char *name;
	const struct ux_symtab *tab;
};
extern const struct fbsd_named_symtab fbsd_all_symtabs[];

/* Indexed by Linux errno (EHWPOISON, 133, is the highest). */
#define FBSD_HOST_ERRNO_MAX 134
extern const int fbsd_errno_from_linux[FBSD_HOST_ERRNO_MAX];
extern const char *const fbsd_errno_names[];

int fbsd_to_linux_oflags(int flags);
int linux_to_fbsd_oflags(int flags);
int fbsd_to_linux_atflags(int flags);
/* -1 when the guest signal has no Linux twin (SIGEMT, SIGINFO, SIGTHR ...). */
int fbsd_to_linux_signo(int sig);
int linux_to_fbsd_signo(int sig);
/* -EINVAL for clock ids Linux lacks. */
long fbsd_to_linux_clockid(int clk);

#endif
