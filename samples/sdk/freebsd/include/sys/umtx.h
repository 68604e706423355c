/* uxrun FreeBSD SDK: user mutexes (FreeBSD sys/sys/_umtx.h, sys/sys/umtx.h). */
#ifndef _UXRT_SYS_UMTX_H
#define _UXRT_SYS_UMTX_H

#include <sys/types.h>
#include <sys/_timespec.h>

struct umutex {
	volatile uint32_t m_owner;	/* thread id; high bit: contested */
	uint32_t m_flags;
	uint32_t m_ceilings[2];
	uintptr_t m_rb_lnk;
	uint32_t m_spare[2];
};

struct ucond {
	volatile uint32_t c_has_waiters;
	uint32_t c_flags;
	uint32_t c_clockid;
	uint32_t c_spare[1];
};

struct urwlock {
	volatile int32_t rw_state;
	uint32_t rw_flags;
	uint32_t rw_blocked_readers;
	uint32_t rw_blocked_writers;
	uint32_t rw_spare[4];
};

struct _usem2 {
	volatile uint32_t _count;	/* high bit: has waiters */
	uint32_t _flags;
};

struct _umtx_time {
	struct timespec _timeout;
	uint32_t _flags;
	uint32_t _clockid;
};

#define USYNC_PROCESS_SHARED	0x0001
#define UMUTEX_PRIO_INHERIT	0x0004
#define UMUTEX_PRIO_PROTECT	0x0008
#define UMUTEX_UNOWNED		0x0
#define UMUTEX_CONTESTED	0x80000000U

#define URWLOCK_PREFER_READER	0x0002
#define URWLOCK_WRITE_OWNER	0x80000000U
#define URWLOCK_WRITE_WAITERS	0x40000000U
#define URWLOCK_READ_WAITERS	0x20000000U
#define URWLOCK_MAX_READERS	0x1fffffffU
#define URWLOCK_READER_COUNT(c)	((c) & URWLOCK_MAX_READERS)

#define USEM_HAS_WAITERS	0x80000000U
#define USEM_MAX_COUNT		0x7fffffffU
#define USEM_COUNT(c)		((c) & USEM_MAX_COUNT)

#define UMTX_OP_WAIT		2
#define UMTX_OP_WAKE		3
#define UMTX_OP_MUTEX_TRYLOCK	4
#define UMTX_OP_MUTEX_LOCK	5
#define UMTX_OP_MUTEX_UNLOCK	6
#define UMTX_OP_SET_CEILING	7
#define UMTX_OP_CV_WAIT		8
#define UMTX_OP_CV_SIGNAL	9
#define UMTX_OP_CV_BROADCAST	10
#define UMTX_OP_WAIT_UINT	11
#define UMTX_OP_RW_RDLOCK	12
#define UMTX_OP_RW_WRLOCK	13
#define UMTX_OP_RW_UNLOCK	14
#define UMTX_OP_WAIT_UINT_PRIVATE 15
#define UMTX_OP_WAKE_PRIVATE	16
#define UMTX_OP_MUTEX_WAIT	17
#define UMTX_OP_NWAKE_PRIVATE	21
#define UMTX_OP_MUTEX_WAKE2	22
#define UMTX_OP_SEM2_WAIT	23
#define UMTX_OP_SEM2_WAKE	24
#define UMTX_OP_GET_MIN_TIMEOUT	27
#define UMTX_OP_SET_MIN_TIMEOUT	28

#define CVWAIT_CHECK_UNPARKING	0x01
#define CVWAIT_ABSTIME		0x02
#define CVWAIT_CLOCKID		0x04
#define UMTX_ABSTIME		0x01

int _umtx_op(void *obj, int op, u_long val, void *uaddr, void *uaddr2);

#endif
