/*
 * FreeBSD threads: the guest structures of sys/sys/thr.h, sys/sys/_umtx.h,
 * sys/sys/umtx.h, sys/sys/rtprio.h and sys/sys/cpuset.h, and what
 * sys_thread.c, sys_umtx.c and sys_sched.c share.
 */
#ifndef FBSD_THR_H
#define FBSD_THR_H

#include <stddef.h>
#include <stdint.h>
#include "syscalls/thread.h"
#include "syscalls/freebsd/fbsd_abi.h"

struct fbsd_thr_param {
	uint64_t start_func;
	uint64_t arg;
	uint64_t stack_base;
	uint64_t stack_size;
	uint64_t tls_base;
	uint64_t tls_size;
	uint64_t child_tid;	/* long * */
	uint64_t parent_tid;	/* long * */
	int32_t flags;
	int32_t pad;
	uint64_t rtp;		/* struct rtprio * */
	uint64_t spare[3];
};
_Static_assert(sizeof(struct fbsd_thr_param) == 104, "FreeBSD struct thr_param");
_Static_assert(offsetof(struct fbsd_thr_param, flags) == 64, "thr_param.flags");
_Static_assert(offsetof(struct fbsd_thr_param, rtp) == 72, "thr_param.rtp");

struct fbsd_rtprio {
	uint16_t type;
	uint16_t prio;
};
#define FBSD_RTP_PRIO_REALTIME	2
#define FBSD_RTP_PRIO_NORMAL	3
#define FBSD_RTP_PRIO_IDLE	4
#define FBSD_RTP_PRIO_FIFO	10	/* RTP_PRIO_REALTIME | PRI_FIFO_BIT */
#define FBSD_RTP_PRIO_MAX	31

/* _umtx_op operations */
#define FBSD_UMTX_OP_LOCK		0
#define FBSD_UMTX_OP_UNLOCK		1
#define FBSD_UMTX_OP_WAIT		2
#define FBSD_UMTX_OP_WAKE		3
#define FBSD_UMTX_OP_MUTEX_TRYLOCK	4
#define FBSD_UMTX_OP_MUTEX_LOCK		5
#define FBSD_UMTX_OP_MUTEX_UNLOCK	6
#define FBSD_UMTX_OP_SET_CEILING	7
#define FBSD_UMTX_OP_CV_WAIT		8
#define FBSD_UMTX_OP_CV_SIGNAL		9
#define FBSD_UMTX_OP_CV_BROADCAST	10
#define FBSD_UMTX_OP_WAIT_UINT		11
#define FBSD_UMTX_OP_RW_RDLOCK		12
#define FBSD_UMTX_OP_RW_WRLOCK		13
#define FBSD_UMTX_OP_RW_UNLOCK		14
#define FBSD_UMTX_OP_WAIT_UINT_PRIVATE	15
#define FBSD_UMTX_OP_WAKE_PRIVATE	16
#define FBSD_UMTX_OP_MUTEX_WAIT		17
#define FBSD_UMTX_OP_MUTEX_WAKE		18
#define FBSD_UMTX_OP_SEM_WAIT		19
#define FBSD_UMTX_OP_SEM_WAKE		20
#define FBSD_UMTX_OP_NWAKE_PRIVATE	21
#define FBSD_UMTX_OP_MUTEX_WAKE2	22
#define FBSD_UMTX_OP_SEM2_WAIT		23
#define FBSD_UMTX_OP_SEM2_WAKE		24
#define FBSD_UMTX_OP_SHM		25
#define FBSD_UMTX_OP_ROBUST_LISTS	26
#define FBSD_UMTX_OP_GET_MIN_TIMEOUT	27
#define FBSD_UMTX_OP_SET_MIN_TIMEOUT	28
#define FBSD_UMTX_OP__I386		0x40000000
#define FBSD_UMTX_OP__32BIT		0x80000000u

#define FBSD_USYNC_PROCESS_SHARED	0x0001
#define FBSD_UMUTEX_PRIO_INHERIT	0x0004
#define FBSD_UMUTEX_PRIO_PROTECT	0x0008
#define FBSD_UMUTEX_ROBUST		0x0010
#define FBSD_UMUTEX_NONCONSISTENT	0x0020

#define FBSD_UMUTEX_UNOWNED		0x0u
#define FBSD_UMUTEX_CONTESTED		0x80000000u
#define FBSD_UMUTEX_RB_OWNERDEAD	(FBSD_UMUTEX_CONTESTED | 0x10)
#define FBSD_UMUTEX_RB_NOTRECOV		(FBSD_UMUTEX_CONTESTED | 0x11)

#define FBSD_URWLOCK_PREFER_READER	0x0002
#define FBSD_URWLOCK_WRITE_OWNER	0x80000000u
#define FBSD_URWLOCK_WRITE_WAITERS	0x40000000u
#define FBSD_URWLOCK_READ_WAITERS	0x20000000u
#define FBSD_URWLOCK_MAX_READERS	0x1fffffffu

#define FBSD_USEM_HAS_WAITERS		0x80000000u
#define FBSD_USEM_MAX_COUNT		0x7fffffffu

#define FBSD_CVWAIT_CHECK_UNPARKING	0x01
#define FBSD_CVWAIT_ABSTIME		0x02
#define FBSD_CVWAIT_CLOCKID		0x04
#define FBSD_UMTX_ABSTIME		0x01

#define FBSD_UMTX_SHM_CREAT		0x0001
#define FBSD_UMTX_SHM_LOOKUP		0x0002
#define FBSD_UMTX_SHM_DESTROY		0x0004
#define FBSD_UMTX_SHM_ALIVE		0x0008

struct fbsd_umutex {
	uint32_t m_owner;	/* thread id, high bit: contested */
	uint32_t m_flags;
	uint32_t m_ceilings[2];
	uint64_t m_rb_lnk;	/* robust list linkage */
	uint32_t m_spare[2];
};
_Static_assert(sizeof(struct fbsd_umutex) == 32, "FreeBSD struct umutex");
_Static_assert(offsetof(struct fbsd_umutex, m_rb_lnk) == 16, "umutex.m_rb_lnk");

struct fbsd_ucond {
	uint32_t c_has_waiters;
	uint32_t c_flags;
	uint32_t c_clockid;
	uint32_t c_spare[1];
};
_Static_assert(sizeof(struct fbsd_ucond) == 16, "FreeBSD struct ucond");

struct fbsd_urwlock {
	int32_t rw_state;
	uint32_t rw_flags;
	uint32_t rw_blocked_readers;
	uint32_t rw_blocked_writers;
	uint32_t rw_spare[4];
};
_Static_assert(sizeof(struct fbsd_urwlock) == 32, "FreeBSD struct urwlock");

struct fbsd_usem {
	uint32_t _has_waiters;
	uint32_t _count;
	uint32_t _flags;
};
_Static_assert(sizeof(struct fbsd_usem) == 12, "FreeBSD struct _usem");

struct fbsd_usem2 {
	uint32_t _count;	/* high bit: has waiters */
	uint32_t _flags;
};
_Static_assert(sizeof(struct fbsd_usem2) == 8, "FreeBSD struct _usem2");

struct fbsd_umtx_time {
	struct fbsd_timespec _timeout;
	uint32_t _flags;
	uint32_t _clockid;
};
_Static_assert(sizeof(struct fbsd_umtx_time) == 24, "FreeBSD struct _umtx_time");

struct fbsd_umtx_robust_lists_params {
	uint64_t robust_list_offset;
	uint64_t robust_priv_list_offset;
	uint64_t robust_inact_offset;
};
_Static_assert(sizeof(struct fbsd_umtx_robust_lists_params) == 24, "umtx_robust_lists_params");

/* cpuset(2) */
#define FBSD_CPU_LEVEL_ROOT	1
#define FBSD_CPU_LEVEL_CPUSET	2
#define FBSD_CPU_LEVEL_WHICH	3
#define FBSD_CPU_WHICH_TID	1
#define FBSD_CPU_WHICH_PID	2
#define FBSD_CPU_WHICH_CPUSET	3
#define FBSD_CPU_WHICH_IRQ	4
#define FBSD_CPU_WHICH_JAIL	5
#define FBSD_CPU_WHICH_DOMAIN	6
#define FBSD_CPU_WHICH_INTRHANDLER 7
#define FBSD_CPU_WHICH_ITHREAD	8
#define FBSD_CPU_WHICH_TIDPID	9
#define FBSD_CPU_SETSIZE	1024	/* amd64 MAXCPU: the kernel's cpuset_t */
#define FBSD_PID_MAX		99999

/* sched(2) policies */
#define FBSD_SCHED_FIFO		1
#define FBSD_SCHED_OTHER	2
#define FBSD_SCHED_RR		3

/* sys_thread.c: the Linux tids of the live guest threads (n at most),
 * for calls that act on every thread of the process. */
int fbsd_thr_list(int *tids, int n);
/* sys_thread.c: the thread id FreeBSD's umtx code writes into locks. */
uint32_t fbsd_thr_id(struct ux_thread *td);

/* sys_umtx.c: what thr_exit does for umtx (robust mutexes the thread
 * still holds become owner-dead, as umtx_thread_exit() does). */
void fbsd_umtx_thread_exit(struct ux_thread *td);
/* sys_umtx.c: fails the call with EINTR that an SA_RESTART handler does not
 * restart (FreeBSD's ERESTART turned into EINTR). */
struct uxcall;
long fbsd_eintr_no_restart(struct uxcall *c);
/* sys_umtx.c: in a forked child, forget the parent's sleepers and locks. */
void fbsd_umtx_atfork_child(void);

/* sys_thread.c -> thr_enter.S: loads the guest's FS base (0: keep glibc's)
 * and enters the guest with rt_sigreturn on the frame whose ucontext is uc. */
__attribute__((noreturn)) void fbsd_thr_enter(void *uc, uint64_t fsbase, uint8_t *sel,
    uint64_t restorer);

#endif
