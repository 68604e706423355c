# FreeBSD handler files: add a new area's file here.
FBSD_HANDLER_SOURCES += \
	syscalls/freebsd/sys_cred.c \
	syscalls/freebsd/fbsd_thread.c syscalls/freebsd/fbsd_thread.h \
	syscalls/freebsd/sys_fork.c syscalls/freebsd/fbsd_proc.h \
	syscalls/freebsd/sys_wait.c \
	syscalls/freebsd/sys_exec.c \
	syscalls/freebsd/sys_stat.c \
	syscalls/freebsd/sys_path.c \
	syscalls/freebsd/sys_fcntl.c \
	syscalls/freebsd/sys_ioctl.c \
	syscalls/freebsd/sys_poll.c \
	syscalls/freebsd/sys_kqueue.c syscalls/freebsd/kqueue_filters.c syscalls/freebsd/kqueue_impl.h \
	syscalls/freebsd/fbsd_event.h \
	syscalls/freebsd/sys_mem.c \
	syscalls/freebsd/sys_time.c \
	syscalls/freebsd/sys_sysctl.c \
	syscalls/freebsd/sysctl.h \
	syscalls/freebsd/sysctl_nodes.c \
	syscalls/freebsd/sysctl_route.c syscalls/freebsd/sysctl_route.h \
	syscalls/freebsd/sys_resource.c \
	syscalls/freebsd/sys_signal.c \
	syscalls/freebsd/sys_sigaction.c syscalls/freebsd/fbsd_signal.h \
	syscalls/freebsd/sys_arch.c \
	syscalls/freebsd/sys_thread.c syscalls/freebsd/fbsd_thr.h syscalls/freebsd/thr_enter.S \
	syscalls/freebsd/sys_umtx.c \
	syscalls/freebsd/sys_sched.c \
	syscalls/freebsd/sys_socket.c syscalls/freebsd/fbsd_socket.h \
	syscalls/freebsd/sys_sockopt.c \
	syscalls/freebsd/sys_msg.c \
	syscalls/freebsd/timekeep.c syscalls/freebsd/timekeep.h \
	syscalls/bsd_sockaddr.c syscalls/bsd_sockaddr.h
