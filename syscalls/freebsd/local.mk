# FreeBSD handler files: add a new area's file here.
FBSD_HANDLER_SOURCES += \
	syscalls/freebsd/fbsd_thread.c syscalls/freebsd/fbsd_thread.h \
	syscalls/freebsd/sys_stat.c \
	syscalls/freebsd/sys_path.c \
	syscalls/freebsd/sys_fcntl.c \
	syscalls/freebsd/sys_ioctl.c \
	syscalls/freebsd/sys_poll.c \
	syscalls/freebsd/sys_mem.c \
	syscalls/freebsd/sys_time.c \
	syscalls/freebsd/sys_sysctl.c \
	syscalls/freebsd/sysctl.h \
	syscalls/freebsd/sysctl_nodes.c \
	syscalls/freebsd/sys_resource.c \
	syscalls/freebsd/sys_signal.c \
	syscalls/freebsd/sys_sigaction.c syscalls/freebsd/fbsd_signal.h \
	syscalls/freebsd/sys_arch.c
