/*
 * FreeBSD amd64 system call numbers used by the runtime, from
 * zsysnum_freebsd_amd64.go. Only calls the uxrun translator implements.
 */
#ifndef UXRT_SYSNUM_H
#define UXRT_SYSNUM_H

#define SYS_exit		1
#define SYS_read		3
#define SYS_write		4
#define SYS_open		5
#define SYS_close		6
#define SYS_link		9
#define SYS_unlink		10
#define SYS_chdir		12
#define SYS_fchdir		13
#define SYS_chmod		15
#define SYS_chown		16
#define SYS_lchown		254
#define SYS_preadv		289
#define SYS_pwritev		290
#define SYS_sendfile		393
#define SYS_break		17
#define SYS_getpid		20
#define SYS_getuid		24
#define SYS_geteuid		25
#define SYS_access		33
#define SYS_kill		37
#define SYS_getppid		39
#define SYS_dup			41
#define SYS_getegid		43
#define SYS_getgid		47
#define SYS_ioctl		54
#define SYS_symlink		57
#define SYS_readlink		58
#define SYS_umask		60
#define SYS_munmap		73
#define SYS_mprotect		74
#define SYS_madvise		75
#define SYS_dup2		90
#define SYS_fcntl		92
#define SYS_select		93
#define SYS_gettimeofday	116
#define SYS_getrusage		117
#define SYS_readv		120
#define SYS_writev		121
#define SYS_fchmod		124
#define SYS_rename		128
#define SYS_mkdir		136
#define SYS_rmdir		137
#define SYS_getrlimit		194
#define SYS_setrlimit		195
#define SYS___sysctl		202
#define SYS___sysctlbyname	570
#define SYS_poll		209
#define SYS_clock_gettime	232
#define SYS_clock_getres	234
#define SYS_nanosleep		240
#define SYS_issetugid		253
#define SYS___getcwd		326
#define SYS_sigprocmask		340
#define SYS_pread		475
#define SYS_pwrite		476
#define SYS_mmap		477
#define SYS_lseek		478
#define SYS_truncate		479
#define SYS_ftruncate		480
#define SYS_faccessat		489
#define SYS_mkdirat		496
#define SYS_openat		499
#define SYS_renameat		501
#define SYS_unlinkat		503
#define SYS_pipe2		542
#define SYS_utimensat		547
#define SYS_fstat		551
#define SYS_fstatat		552
#define SYS_getdirentries	554
#define SYS_getrandom		563

/* processes (samples/src/proc.c) */
#define SYS_fork		2
#define SYS_wait4		7
#define SYS_execve		59
#define SYS_vfork		66
#define SYS_rfork		251
#define SYS_fexecve		492
#define SYS_pdfork		518
#define SYS_pdkill		519
#define SYS_pdgetpid		520
#define SYS_wait6		532

/* sockets (samples/src/sock.c) */
#define SYS_recvmsg		27
#define SYS_sendmsg		28
#define SYS_recvfrom		29
#define SYS_accept		30
#define SYS_getpeername		31
#define SYS_getsockname		32
#define SYS_socket		97
#define SYS_connect		98
#define SYS_bind		104
#define SYS_setsockopt		105
#define SYS_listen		106
#define SYS_getsockopt		118
#define SYS_sendto		133
#define SYS_shutdown		134
#define SYS_socketpair		135
#define SYS_bindat		538
#define SYS_connectat		539
#define SYS_accept4		541

/* kqueue (samples/src/kq.c) */
#define SYS_kqueue		362
#define SYS_kevent		560

/* threads (samples/src/threads.c) */
#define SYS_sysarch		165
#define SYS_sched_setparam	327
#define SYS_sched_getparam	328
#define SYS_sched_setscheduler	329
#define SYS_sched_getscheduler	330
#define SYS_sched_yield		331
#define SYS_sched_get_priority_max 332
#define SYS_sched_get_priority_min 333
#define SYS_thr_exit		431
#define SYS_thr_self		432
#define SYS_thr_kill		433
#define SYS_thr_suspend		442
#define SYS_thr_wake		443
#define SYS__umtx_op		454
#define SYS_thr_new		455
#define SYS_thr_set_name	464
#define SYS_thr_kill2		481
#define SYS_cpuset_getaffinity	487
#define SYS_cpuset_setaffinity	488

#endif
