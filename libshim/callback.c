/*
 * Guest callbacks behind libffi closures (see callback.h).
 *
 * Shared closures sit in a small hash table that is read without a lock:
 * entries are only ever added, each published with a release store, so a
 * lookup (the common case: a program sorts with the same comparator many
 * times) takes no lock and cannot block on a thread that a signal
 * interrupted while it was adding one.  Adding takes a mutex so that two
 * threads asking for the same pair get the same closure.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libshim/callback.h"
#include "loader/rtld.h"
#include "syscalls/log.h"

struct ux_cb {
	struct ux_cb_type *type;
	void *guest;
	void *ctx;
	ffi_closure *closure;		/* libffi's writable view */
	void *code;			/* what host code calls */
	struct ux_cb *next;		/* the hash chain */
};

#define NBUCKETS	64

static struct ux_cb *buckets[NBUCKETS];
static pthread_mutex_t add_lock = PTHREAD_MUTEX_INITIALIZER;

static __attribute__((noreturn)) void
fail(const struct ux_cb_type *t, const char *what)
{
	ux_logf("%s callback: %s", t->name, what);
	abort();
}

/* The closure's body: host arguments in, guest call, result out. */
static void
dispatch(ffi_cif *cif, void *ret, void **hargs, void *user)
{
	struct ux_cb *cb = user;
	struct ux_cb_type *t = cb->type;
	_Alignas(16) unsigned char frame[UX_CB_FRAME_MAX];
	void *gargs[UX_CB_ARGS_MAX];
	void **args = hargs;
	ffi_arg dummy;
	uint8_t s;

	(void)cif;
	if (t->in) {
		t->in(cb->ctx, frame, hargs, gargs);
		args = gargs;
	}
	s = ux_rtld_guest_enter();
	ffi_call(&t->gcif, FFI_FN(cb->guest), ret ? ret : &dummy, args);
	ux_rtld_guest_leave(s);
	if (t->out)
		t->out(cb->ctx, frame, ret);
}

/* Once per type, under add_lock. */
static void
prepare(struct ux_cb_type *t)
{
	if (t->ready)
		return;
	if (t->frame > UX_CB_FRAME_MAX || t->gnargs > UX_CB_ARGS_MAX ||
	    (!t->in && t->gnargs != t->nargs))
		fail(t, "bad translator");
	if (ffi_prep_cif(&t->hcif, FFI_DEFAULT_ABI, t->nargs, t->ret, t->args) != FFI_OK ||
	    ffi_prep_cif(&t->gcif, FFI_DEFAULT_ABI, t->gnargs, t->ret, t->gargs) != FFI_OK)
		fail(t, "ffi_prep_cif failed");
	t->ready = 1;
}

static struct ux_cb *
make(struct ux_cb_type *t, void *guest, void *ctx)
{
	struct ux_cb *cb = calloc(1, sizeof(*cb));

	if (!cb)
		fail(t, "out of memory");
	cb->type = t;
	cb->guest = guest;
	cb->ctx = ctx;
	cb->closure = ffi_closure_alloc(sizeof(ffi_closure), &cb->code);
	if (!cb->closure)
		fail(t, "ffi_closure_alloc failed");
	if (ffi_prep_closure_loc(cb->closure, &t->hcif, dispatch, cb, cb->code) != FFI_OK)
		fail(t, "ffi_prep_closure_loc failed");
	return cb;
}

static unsigned
bucket(const struct ux_cb_type *t, const void *guest)
{
	uintptr_t h = (uintptr_t)t * 31 + (uintptr_t)guest;

	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15u;
	return (unsigned)(h >> 58) % NBUCKETS;
}

static struct ux_cb *
find(struct ux_cb *head, const struct ux_cb_type *t, const void *guest)
{
	for (struct ux_cb *cb = head; cb; cb = cb->next)
		if (cb->type == t && cb->guest == guest)
			return cb;
	return NULL;
}

void *
ux_cb_get(struct ux_cb_type *t, void *guest)
{
	unsigned b = bucket(t, guest);
	struct ux_cb *cb;

	if (!guest)
		return NULL;
	cb = find(__atomic_load_n(&buckets[b], __ATOMIC_ACQUIRE), t, guest);
	if (cb)
		return cb->code;
	pthread_mutex_lock(&add_lock);
	cb = find(buckets[b], t, guest);
	if (!cb) {
		prepare(t);
		cb = make(t, guest, NULL);
		cb->next = buckets[b];
		__atomic_store_n(&buckets[b], cb, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&add_lock);
	return cb->code;
}

void *
ux_cb_new(struct ux_cb_type *t, void *guest, void *ctx, struct ux_cb **out)
{
	struct ux_cb *cb;

	*out = NULL;
	if (!guest)
		return NULL;
	pthread_mutex_lock(&add_lock);
	prepare(t);
	pthread_mutex_unlock(&add_lock);
	cb = make(t, guest, ctx);
	*out = cb;
	return cb->code;
}

void
ux_cb_free(struct ux_cb *cb)
{
	if (!cb)
		return;
	ffi_closure_free(cb->closure);
	free(cb);
}
