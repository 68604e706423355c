/*
 * Guest callbacks that host code calls with host types.
 *
 * A guest hands libshim a function (nftw's visitor, fts's comparator) that
 * libshim passes on to glibc, which calls it with glibc's structures and
 * numbers.  What glibc gets instead is a libffi closure bound to the guest
 * function and a translator (a struct ux_cb_type): the closure converts
 * the host arguments to the guest's, calls the guest function with the
 * thread's trap selector set (ux_rtld_guest_enter/leave, loader/rtld.h),
 * and converts the result back.  Everything a call needs travels in the
 * closure, so a callback that re-enters libshim (a comparator that itself
 * calls scandir), or runs on several threads at once, needs no
 * thread-local state and cannot see another call's.
 *
 * Callbacks whose arguments need no translation (qsort's, bsearch's,
 * pthread_create's start routine) are passed to glibc as they are.
 */
#ifndef UX_LIBSHIM_CALLBACK_H
#define UX_LIBSHIM_CALLBACK_H

#include <ffi.h>
#include <stddef.h>

/* The most scratch space a translator may ask for (struct ux_cb_type.frame),
 * and the most arguments a guest callback may take. */
#define UX_CB_FRAME_MAX	1024
#define UX_CB_ARGS_MAX	8

/*
 * One way of translating a callback: the host's signature, the guest's,
 * and the code in between.  Define one per kind of callback, statically
 * and not const (the cifs are prepared in it on first use).
 */
struct ux_cb_type {
	const char *name;		/* for messages: "nftw" */
	ffi_type *ret;			/* the result's type on both sides */
	unsigned nargs;			/* the host's arguments */
	ffi_type **args;
	unsigned gnargs;		/* the guest's arguments */
	ffi_type **gargs;
	size_t frame;			/* scratch bytes for in() and out() */
	/*
	 * Fills gargs (libffi's convention: a pointer to each argument's
	 * value) from the host's arguments, in frame if it must build new
	 * values.  ctx is the closure's (ux_cb_new), NULL for a shared one.
	 * NULL: the guest takes the host's arguments as they are.
	 */
	void (*in)(void *ctx, void *frame, void **hargs, void **gargs);
	/* Converts the guest's result in place (ret as libffi returns it:
	 * integers widened to ffi_arg).  NULL: it passes as it is. */
	void (*out)(void *ctx, void *frame, void *ret);

	/* Private: filled on first use, under the facility's lock. */
	int ready;
	ffi_cif hcif, gcif;
};

struct ux_cb;

/*
 * A host-callable function pointer for guest function guest translated by
 * type; NULL when guest is NULL.  Made once per (type, guest) and kept
 * for the life of the process (the guest may call what it registered
 * later, and its functions are few), so the result may be handed to
 * anything, any number of times, from any thread.  Aborts with a message
 * when no closure can be made: the caller has no way to fail in its
 * place that the guest would expect.
 */
void *ux_cb_get(struct ux_cb_type *type, void *guest);

/*
 * A closure of its own, for a callback whose translation needs context
 * (the fts stream a comparator's entries belong to): in() and out() get
 * ctx.  The function pointer is returned, *cb gets the handle to free
 * it with once nothing can call it any more.
 */
void *ux_cb_new(struct ux_cb_type *type, void *guest, void *ctx, struct ux_cb **cb);
void ux_cb_free(struct ux_cb *cb);

#endif
