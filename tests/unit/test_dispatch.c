/*
 * The dispatcher, called directly as patched call sites will call it: no
 * trap, no signal.  Results come back in guest terms (FreeBSD errno).
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/unit/unit.h"
#include "syscalls/dispatch.h"
#include "syscalls/fault.h"
#include "syscalls/hostfd.h"
#include "syscalls/log.h"
#include "syscalls/freebsd/fbsd_personality.h"
#include "syscalls/freebsd/fbsd_sysent.h"

/* Guest pointers are read with ux_copyin, which needs the fault handler. */
static const int fault_sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE };
static struct sigaction saved[sizeof(fault_sigs) / sizeof(fault_sigs[0])];

static int
suite_init(void)
{
	for (size_t i = 0; i < sizeof(fault_sigs) / sizeof(fault_sigs[0]); i++)
		if (sigaction(fault_sigs[i], NULL, &saved[i]) != 0)
			return 1;
	return ux_fault_init() != 0;
}

static int
suite_clean(void)
{
	for (size_t i = 0; i < sizeof(fault_sigs) / sizeof(fault_sigs[0]); i++)
		sigaction(fault_sigs[i], &saved[i], NULL);
	return 0;
}

static struct uxcall
call6(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct uxcall c;

	memset(&c, 0, sizeof(c));
	c.nr = nr;
	c.a[0] = a0;
	c.a[1] = a1;
	c.a[2] = a2;
	c.a[3] = a3;
	c.a[4] = a4;
	c.a[5] = a5;
	ux_dispatch(&fbsd_personality, &c);
	return c;
}

/* call(nr, args...): missing arguments are 0. */
#define call(...) call_(__VA_ARGS__, 0, 0, 0, 0, 0, 0, 0)
#define call_(nr, a, b, c, d, e, f, ...) call6((nr), (uint64_t)(a), (uint64_t)(b), (uint64_t)(c), \
	(uint64_t)(d), (uint64_t)(e), (uint64_t)(f))

static void
test_getpid(void)
{
	struct uxcall c = call(FBSD_SYS_getpid);

	CU_ASSERT_EQUAL(c.err, 0);
	CU_ASSERT_EQUAL(c.rv[0], (uint64_t)getpid());
	/* 39 is getppid on FreeBSD and getpid on Linux: the table decides. */
	c = call(FBSD_SYS_getppid);
	CU_ASSERT_EQUAL(c.err, 0);
	CU_ASSERT_EQUAL(c.rv[0], (uint64_t)getppid());
}

static void
test_unknown_number(void)
{
	static const uint64_t nrs[] = { 9999, 10000, FBSD_SYS_MAXNR, UINT64_MAX, 8 /* a hole in the table */ };

	for (size_t i = 0; i < sizeof(nrs) / sizeof(nrs[0]); i++) {
		struct uxcall c = call(nrs[i], 1, 2, 3);
		UX_CHECK(c.err == FBSD_ENOSYS && c.rv[0] == FBSD_ENOSYS, "call %llu: err %d rv %llu, expected ENOSYS (78)",
		    (unsigned long long)nrs[i], c.err, (unsigned long long)c.rv[0]);
	}
	UX_CHECK(unit_count_in_log("unknown FreeBSD system call number 9999: returning ENOSYS") == 1,
	    "an unknown call is reported once, by number (log %s)", unit_logpath);
	UX_CHECK(unit_count_in_log("unknown FreeBSD system call number 10000") == 0, "unknown calls are reported once");
}

static void
test_unimplemented_entry(void)
{
	unsigned nr = FBSD_SYS_kldload;

	CU_ASSERT_FATAL(fbsd_sysent[nr].status == UX_UNIMPL);
	for (int i = 0; i < 3; i++) {
		struct uxcall c = call(nr);
		CU_ASSERT_EQUAL(c.err, FBSD_ENOSYS);
		CU_ASSERT_EQUAL(c.rv[0], FBSD_ENOSYS);
	}
	UX_CHECK(unit_count_in_log("unsupported FreeBSD system call kldload (304): returning ENOSYS") == 1,
	    "an unimplemented call is reported once, by name (log %s)", unit_logpath);
}

static void
test_indirect(void)
{
	/* The 6th argument comes from the guest stack, above the return address. */
	uint64_t stack[2] = { 0xdeadbeef, 0x1234 };
	struct uxcall c;

	c = call(FBSD_SYS_syscall, FBSD_SYS_getpid, 11, 12, 13, 14, 15);
	CU_ASSERT_EQUAL(c.err, 0);
	CU_ASSERT_EQUAL(c.rv[0], (uint64_t)getpid());
	CU_ASSERT_EQUAL(c.nr, FBSD_SYS_getpid);
	CU_ASSERT_EQUAL(c.a[0], 11);
	CU_ASSERT_EQUAL(c.a[3], 14);
	CU_ASSERT_EQUAL(c.a[4], 15);
	CU_ASSERT_EQUAL(c.a[5], 0);	/* no readable guest stack: 0, not a crash */

	memset(&c, 0, sizeof(c));
	c.nr = FBSD_SYS___syscall;
	c.a[0] = FBSD_SYS_getppid;
	c.sp = (uint64_t)(uintptr_t)stack;
	ux_dispatch(&fbsd_personality, &c);
	CU_ASSERT_EQUAL(c.err, 0);
	CU_ASSERT_EQUAL(c.rv[0], (uint64_t)getppid());
	CU_ASSERT_EQUAL(c.a[5], 0x1234);

	/* syscall(SYS_syscall, ...) does not recurse. */
	c = call(FBSD_SYS_syscall, FBSD_SYS_syscall, FBSD_SYS_getpid);
	CU_ASSERT_EQUAL(c.err, FBSD_ENOSYS);
	c = call(FBSD_SYS_syscall, 9999);
	CU_ASSERT_EQUAL(c.err, FBSD_ENOSYS);
}

static void
test_pipe_io(void)
{
	int p[2];
	char buf[16];
	struct uxcall c;

	CU_ASSERT_FATAL(pipe2(p, O_CLOEXEC) == 0);
	c = call(FBSD_SYS_write, p[1], "hello", 5);
	CU_ASSERT_EQUAL(c.err, 0);
	CU_ASSERT_EQUAL(c.rv[0], 5);
	memset(buf, 0, sizeof(buf));
	CU_ASSERT_EQUAL(read(p[0], buf, sizeof(buf)), 5);
	CU_ASSERT_STRING_EQUAL(buf, "hello");

	CU_ASSERT_EQUAL(write(p[1], "world", 5), 5);
	memset(buf, 0, sizeof(buf));
	c = call(FBSD_SYS_read, p[0], buf, sizeof(buf));
	CU_ASSERT_EQUAL(c.err, 0);
	CU_ASSERT_EQUAL(c.rv[0], 5);
	CU_ASSERT_STRING_EQUAL(buf, "world");

	/* A bad guest buffer is EFAULT, not a crash. */
	CU_ASSERT_EQUAL(write(p[1], "x", 1), 1);
	c = call(FBSD_SYS_read, p[0], 8, 1);
	CU_ASSERT_EQUAL(c.err, FBSD_EFAULT);
	CU_ASSERT_EQUAL(c.rv[0], FBSD_EFAULT);

	/* Host errors arrive as FreeBSD errnos: EAGAIN is 35 there, 11 here. */
	CU_ASSERT_FATAL(fcntl(p[0], F_SETFL, O_NONBLOCK) == 0);
	while (read(p[0], buf, sizeof(buf)) > 0)
		;
	c = call(FBSD_SYS_read, p[0], buf, sizeof(buf));
	CU_ASSERT_EQUAL(c.err, FBSD_EAGAIN);

	close(p[0]);
	c = call(FBSD_SYS_write, p[0], "x", 1);
	CU_ASSERT_EQUAL(c.err, FBSD_EBADF);
	close(p[1]);
	c = call(FBSD_SYS_open, "/nonexistent-uxrun-unit/x", FBSD_O_RDONLY, 0);
	CU_ASSERT_EQUAL(c.err, FBSD_ENOENT);
	c = call(FBSD_SYS_close, -1);
	CU_ASSERT_EQUAL(c.err, FBSD_EBADF);
}

/* The guest can neither use nor close uxrun's own descriptors. */
static void
test_host_fds_refused(void)
{
	struct uxcall c;
	char byte;

	CU_ASSERT_FATAL(ux_hostfd_init() == 0);
	CU_ASSERT_FATAL(ux_hostfd_lo >= 0 && ux_hostfd_hi == ux_hostfd_lo + UX_HOSTFD_RESERVE);
	/* main() put the log there. */
	CU_ASSERT(ux_fd_is_host(ux_log_fd));

	static const uint64_t fds_off[] = { 0, 1, UX_HOSTFD_RESERVE - 1, 1ull << 32 };
	for (size_t i = 0; i < sizeof(fds_off) / sizeof(fds_off[0]); i++) {
		uint64_t fd = (uint64_t)ux_hostfd_lo + fds_off[i];
		c = call(FBSD_SYS_write, fd, "x", 1);
		UX_CHECK(c.err == FBSD_EBADF, "write to host fd %#llx: err %d", (unsigned long long)fd, c.err);
		c = call(FBSD_SYS_close, fd);
		UX_CHECK(c.err == FBSD_EBADF, "close of host fd %#llx: err %d", (unsigned long long)fd, c.err);
		c = call(FBSD_SYS_read, fd, &byte, 1);
		UX_CHECK(c.err == FBSD_EBADF, "read of host fd %#llx: err %d", (unsigned long long)fd, c.err);
	}
	c = call(FBSD_SYS_close, ux_log_fd);
	CU_ASSERT_EQUAL(c.err, FBSD_EBADF);
	CU_ASSERT(fcntl(ux_log_fd, F_GETFD) >= 0);
	if (fbsd_sysent[FBSD_SYS_dup].call) {
		c = call(FBSD_SYS_dup, ux_log_fd);
		CU_ASSERT_EQUAL(c.err, FBSD_EBADF);
	}
	/* Just below the band is an ordinary guest descriptor (closed here). */
	c = call(FBSD_SYS_close, ux_hostfd_lo - 1);
	CU_ASSERT_EQUAL(c.err, FBSD_EBADF);
	CU_ASSERT(!ux_fd_is_host(ux_hostfd_lo - 1));
	CU_ASSERT(!ux_fd_is_host(ux_hostfd_hi));
}

int
unit_register_dispatch(void)
{
	CU_pSuite s = CU_add_suite("dispatcher", suite_init, suite_clean);

	if (!s)
		return CU_get_error();
	UX_ADD_TEST(s, test_getpid);
	UX_ADD_TEST(s, test_unknown_number);
	UX_ADD_TEST(s, test_unimplemented_entry);
	UX_ADD_TEST(s, test_indirect);
	UX_ADD_TEST(s, test_pipe_io);
	UX_ADD_TEST(s, test_host_fds_refused);
	return CUE_SUCCESS;
}
