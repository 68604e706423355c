/*
 * uxrun's FreeBSD runtime linker: what runs a program whose PT_INTERP is
 * /libexec/ld-elf.so.1 (see doc/dynamic.md).  The executable is mapped by
 * ux_image_map(); ux_rtld_load() then loads its DT_NEEDED objects (libshim
 * sonames become virtual objects backed by libshim's tables, others are
 * mapped from disk), relocates everything and lays out the guest's static
 * TLS inside uxrun's own.  There is no separate interpreter image.
 *
 * Sequence in loader/main.c:
 *   ux_image_map(&im) -> ux_rtld_load(&im) -> ux_fbsd_build_start()
 *   -> code ranges (ux_rtld_add_code_ranges) -> trap set-up
 *   -> ux_rtld_thread_attach(td) -> ux_rtld_start(&st, td)  (never returns)
 */
#ifndef UX_RTLD_H
#define UX_RTLD_H

#include <stdint.h>
#include <stdio.h>

#include "loader/image.h"
#include "loader/start.h"

struct ux_thread;
struct ux_range;

/*
 * The model of the runtime linker's per-thread variables: initial-exec in
 * the uxrun command (no call on the trampoline and trap paths); the
 * default, dynamic one in libuxrun.so (libtool defines PIC for its
 * objects), which the LD_PRELOAD shim dlopens into a running native
 * process, where glibc has next to no static TLS left to give.
 */
#ifdef PIC
#define UX_TLS_MODEL
#else
#define UX_TLS_MODEL __attribute__((tls_model("initial-exec")))
#endif

/* uxrun's static-TLS block for the guest: the last thing in uxrun's own
 * TLS segment, so it ends exactly at the thread pointer and a guest
 * executable's local-exec offsets (fixed at link time, just below the
 * thread pointer on amd64) land in it. */
#define UX_GUEST_TLS_MAX	65536
#define UX_GUEST_TLS_ALIGN	64

/* Whether interp names a runtime linker uxrun replaces. */
int ux_rtld_handles(const char *interp);

/* Loads and links everything the mapped executable im needs.  Failures:
 * 127 for a missing library or an unbound data symbol (message names it),
 * 126 for anything else.  im stays the caller's; nothing here keeps it. */
int ux_rtld_load(struct ux_image *im, const char *execpath, struct ux_err *err);

/* uxrun --ldd: loads (without relocating) and prints each needed object
 * and what it resolves to, then every symbol that cannot be bound.
 * Returns the exit status: 0, or 1 when something is missing. */
int ux_rtld_ldd(struct ux_image *im, const char *execpath, FILE *out);

/* Adds the executable code of the loaded foreign libraries (not the
 * executable's, which the caller adds) to the guest ranges the trap and
 * fault handlers know, and to ranges[nr..max) for the seccomp filter;
 * returns the new count. */
int ux_rtld_add_code_ranges(struct ux_range *ranges, int nr, int max);

/*
 * Per thread: makes the calling thread's libshim trampolines use td's
 * Syscall User Dispatch selector and copies the guest modules' TLS
 * initialisation images into its block.  The initial thread is attached
 * by main.c; a thread that libshim starts for the guest (pthread_create)
 * must call it, on that thread, before any guest code runs there.
 */
void ux_rtld_thread_attach(struct ux_thread *td);
/* The calling thread's struct ux_thread, as attached (NULL if never): for
 * libshim, e.g. a forked child re-arming its trap (ux_trap_thread_arm). */
extern __thread struct ux_thread *ux_rtld_td UX_TLS_MODEL;

/* Runs the executable's PREINIT_ARRAY, then every object's DT_INIT and
 * INIT_ARRAY, dependencies before their dependents, and enters the guest
 * at the executable's entry with FreeBSD's registers: rdi = &argc, rsi =
 * ux_rtld_fini_all (the cleanup crt1 passes to __libc_start1, which
 * registers it with atexit(), as FreeBSD's rtld does with rtld_exit). */
__attribute__((noreturn)) void ux_rtld_start(const struct ux_start *st, struct ux_thread *td);

/* Finalisers in reverse order of initialisation (FINI_ARRAY backwards,
 * then DT_FINI); runs once.  libshim's __libc_start1 gets it as the
 * cleanup argument; anything else ending the process early may call it. */
void ux_rtld_fini_all(void);

/* dlsym(RTLD_DEFAULT, name) for uxrun's own code (libshim): the address
 * the guest sees for name (e.g. the executable's copy of a COPY-relocated
 * libc variable such as environ or optind), or NULL. */
void *ux_rtld_sym_default(const char *name);

/* The calling thread's copy of libshim's thread-local data object name
 * (a tls: entry of soname's spec), or NULL when no guest module refers to
 * it (then no thread has one): libshim writes what the guest reads there,
 * e.g. _ThreadRuneLocale after uselocale. */
void *ux_rtld_shim_tls(const char *soname, const char *name);

/*
 * The selector the running thread's libshim trampolines switch, for host
 * code that calls a guest function (a qsort comparator, an atexit
 * handler): run it with the selector at 1 so the guest's own system calls
 * trap, and put the old value back after.  Points at a dummy byte under
 * the seccomp backend and on threads never attached.
 */
extern __thread uint8_t *ux_guest_sel UX_TLS_MODEL;

static inline __attribute__((always_inline)) uint8_t
ux_rtld_guest_enter(void)
{
	uint8_t *p = ux_guest_sel, s = *p;

	*p = 1;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	return s;
}

static inline __attribute__((always_inline)) void
ux_rtld_guest_leave(uint8_t s)
{
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	*ux_guest_sel = s;
}

#endif
