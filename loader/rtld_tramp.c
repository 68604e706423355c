/*
 * Stubs the guest calls instead of libshim's functions, and instead of
 * functions nothing defines.
 *
 * Under Syscall User Dispatch a guest thread's selector says "trap", and a
 * libshim function called with it set would have each of its system calls
 * trapped and passed through (correct, but slow).  So a guest binds each
 * libshim function to a stub
 *     movabs $function, %r11; movabs $ux_rtld_shim_enter, %r10; jmp *%r10
 * whose common part (rtld_asm.S) clears the selector for the call.
 * Functions that never return or return twice (exit, longjmp, setjmp,
 * __libc_start1, which calls main) are bound directly: through the stub
 * their return slot would be lost or reused, and run as they are they
 * still work, their system calls passed through.
 *
 * Stubs live in a memfd mapped twice: written through one view, run from
 * the other, so a stub made late (ux_rtld_sym_default) never makes a page
 * that runs writable.  A stub never changes once made; a forked child,
 * which shares the area with its parent, makes its new ones in an area of
 * its own.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include "loader/rtld.h"
#include "loader/rtld_obj.h"

#define STUB_SIZE	32
#define STUB_AREA	(1u << 20)

uint8_t ux_rtld_dummy_sel;
__thread uint8_t *ux_guest_sel UX_TLS_MODEL = &ux_rtld_dummy_sel;
__thread struct ux_thread *ux_rtld_td UX_TLS_MODEL;

#ifndef PIC
extern char ux_rtld_shim_enter[];
#endif

static unsigned char *stub_w, *stub_x;
static size_t stub_used = STUB_AREA;
static pid_t stub_owner;

static void *
new_stub(uint64_t r11, uint64_t r10, uint64_t rdi, int with_rdi)
{
	if (stub_used + STUB_SIZE > STUB_AREA || getpid() != stub_owner) {
		int fd = memfd_create("uxrun-stubs", MFD_CLOEXEC);
		if (fd < 0)
			return NULL;
		void *w = MAP_FAILED, *x = MAP_FAILED;
		if (ftruncate(fd, STUB_AREA) == 0) {
			w = mmap(NULL, STUB_AREA, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
			x = mmap(NULL, STUB_AREA, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
		}
		close(fd);
		if (w == MAP_FAILED || x == MAP_FAILED)
			return NULL;
		stub_w = w;
		stub_x = x;
		stub_used = 0;
		stub_owner = getpid();
	}
	unsigned char *p = stub_w + stub_used, *q = p;
	if (with_rdi) {
		*q++ = 0x48; *q++ = 0xbf;		/* movabs $rdi, %rdi */
		memcpy(q, &rdi, 8); q += 8;
	}
	*q++ = 0x49; *q++ = 0xbb;			/* movabs $r11, %r11 */
	memcpy(q, &r11, 8); q += 8;
	if (r10) {
		*q++ = 0x49; *q++ = 0xba;		/* movabs $r10, %r10 */
		memcpy(q, &r10, 8); q += 8;
		*q++ = 0x41; *q++ = 0xff; *q++ = 0xe2;	/* jmp *%r10 */
	} else {
		*q++ = 0x41; *q++ = 0xff; *q++ = 0xe3;	/* jmp *%r11 */
	}
	memset(q, 0xcc, (size_t)(p + STUB_SIZE - q));
	void *stub = stub_x + stub_used;
	stub_used += STUB_SIZE;
	return stub;
}

/* Bound as they are (see above). */
static const char *const no_tramp[] = {
	"__assert", "__chk_fail", "__libc_start1", "__libc_start1_gcrt", "__longjmp",
	"__sigsetjmp", "__stack_chk_fail", "_Exit", "_exit", "_longjmp", "_setjmp",
	"abort", "err", "errc", "errx", "exit", "getcontext", "longjmp", "pthread_exit",
	"quick_exit", "savectx", "setcontext", "setjmp", "siglongjmp", "sigsetjmp",
	"swapcontext", "thr_exit", "verr", "verrc", "verrx", "vfork",
};

/*
 * Whole libraries bound directly: libm's functions make no system calls,
 * and libgcc_s's unwinder must see the guest's frames as they are (a
 * stub would leave the selector clear after _Unwind_RaiseException jumps
 * to a landing pad, and put a frame without CFI in _Unwind_Backtrace's
 * way); what it calls back (personality routines) is guest code that
 * then runs with the selector set, as it should.
 */
static const char *const no_tramp_libs[] = { "libm.so.5", "libgcc_s.so.1" };

static int
bound_directly(const struct ux_shim_lib *lib, const char *name)
{
	for (size_t i = 0; i < sizeof(no_tramp_libs) / sizeof(no_tramp_libs[0]); i++)
		if (strcmp(no_tramp_libs[i], lib->soname) == 0)
			return 1;
	for (size_t i = 0; i < sizeof(no_tramp) / sizeof(no_tramp[0]); i++)
		if (strcmp(no_tramp[i], name) == 0)
			return 1;
	return 0;
}

void *
rtld_shim_tramp(struct rtld_obj *obj, const struct ux_shim_sym *s)
{
	size_t i = (size_t)(s - obj->shim->syms);

	if (!obj->tramp && !(obj->tramp = calloc(obj->shim->nsyms, sizeof(void *))))
		return NULL;
	if (obj->tramp[i])
		return obj->tramp[i];
#ifdef PIC
	/* libuxrun.so traps with seccomp, which spares host code anyway. */
	(void)bound_directly;
	obj->tramp[i] = s->addr;
#else
	if (bound_directly(obj->shim, s->name))
		obj->tramp[i] = s->addr;
	else
		obj->tramp[i] = new_stub((uint64_t)s->addr, (uint64_t)ux_rtld_shim_enter, 0, 0);
#endif
	return obj->tramp[i];
}

struct unbound_info {
	const char *name, *version, *ref;
};

/* What the guest reaches when it calls a function nothing defines. */
static __attribute__((noreturn)) void
unbound_called(const struct unbound_info *u)
{
	dprintf(2, "uxrun: %s: undefined symbol \"%s%s%s\" (function, called)\n",
	    u->ref, u->name, u->version ? "@" : "", u->version ? u->version : "");
	_exit(127);
}

void *
rtld_unbound_stub(const char *name, const char *version, const struct rtld_obj *ref)
{
	struct unbound_info *u = malloc(sizeof(*u));
	const char *slash = strrchr(ref->path, '/');

	if (!u)
		return NULL;
	u->name = name;
	u->version = version;
	u->ref = slash ? slash + 1 : ref->path;
	return new_stub((uint64_t)unbound_called, 0, (uint64_t)u, 1);
}

/* A guest function called from uxrun, with the selector set for it. */
void
rtld_call_guest(uint64_t fn, uint64_t a0, uint64_t a1, uint64_t a2)
{
	uint8_t s = ux_rtld_guest_enter();

	((void (*)(uint64_t, uint64_t, uint64_t))fn)(a0, a1, a2);
	ux_rtld_guest_leave(s);
}

uint64_t
rtld_call_guest_ret(uint64_t fn, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	uint8_t s = ux_rtld_guest_enter();
	uint64_t r = ((uint64_t (*)(uint64_t, uint64_t, uint64_t, uint64_t))fn)(a0, a1, a2, a3);

	ux_rtld_guest_leave(s);
	return r;
}
