/* The FreeBSD personality: its table, errno map and trace decoders. */
#include "config.h"

#include <errno.h>

#include "syscalls/freebsd/fbsd_personality.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/freebsd/fbsd_sysent.h"
#include "syscalls/freebsd/fbsd_signal.h"
#include "syscalls/freebsd/timekeep.h"

struct fbsd_procinfo fbsd_proc;

static uint8_t reported[FBSD_SYS_MAXNR];

const struct ux_personality fbsd_personality = {
	.name = "FreeBSD",
	.sysent = fbsd_sysent,
	.nsysent = FBSD_SYS_MAXNR,
	.indirect_nr = { FBSD_SYS_syscall, FBSD_SYS___syscall },
	.errno_to_guest = fbsd_errno_from_linux,
	.nerrno_host = FBSD_HOST_ERRNO_MAX,
	.errno_name = fbsd_errno_names,
	.nerrno_guest = FBSD_ELAST + 1,
	.symtab = {
		[UXA_OFLAGS] = &fbsd_oflags_tab, [UXA_ATFLAGS] = &fbsd_atflags_tab,
		[UXA_PROT] = &fbsd_prot_tab, [UXA_MFLAGS] = &fbsd_mflags_tab,
		[UXA_MADV] = &fbsd_madv_tab, [UXA_WHENCE] = &fbsd_whence_tab,
		[UXA_FCNTL] = &fbsd_fcntl_tab, [UXA_IOCTL] = &fbsd_ioctl_tab,
		[UXA_SIGNO] = &fbsd_signal_tab, [UXA_SIGHOW] = &fbsd_sighow_tab,
		[UXA_CLOCK] = &fbsd_clock_tab, [UXA_RLIMIT] = &fbsd_rlimit_tab,
		[UXA_ACCMODE] = &fbsd_accmode_tab, [UXA_SYSARCH] = &fbsd_sysarch_tab,
	},
	.at_fdcwd = FBSD_AT_FDCWD,
	.reported = reported,
	.on_signal = fbsd_on_signal,
	.after_call = fbsd_after_call,
	.tick = fbsd_timekeep_tick,
};
