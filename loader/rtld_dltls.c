/*
 * Dynamic TLS: the thread-local blocks of modules dlopen loads after
 * start (doc/dynamic.md).  Their module ids have no place in the static
 * block (offset 0 in rtld_tls.c's table); each thread gets its own copy
 * of a module's block the first time it asks for it through
 * __tls_get_addr, as FreeBSD's tls_get_addr_slow() does.
 *
 * A thread keeps its blocks in a vector indexed by module id (its DTV),
 * which grows when a module newer than the vector is asked for.  Module
 * ids are never reused, so a vector entry never goes stale: dlclose
 * frees the calling thread's block and marks the module gone; other
 * threads' blocks for it are freed when they exit (a pthread key's
 * destructor frees the whole vector).
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "loader/rtld.h"
#include "loader/rtld_obj.h"

struct dltls_mod {
	const void *image;
	size_t filesz, memsz, align;
	int live;
};

/* Indexed by module id; grows into a new copy, old copies kept, so a
 * reader never sees freed memory. */
static struct dltls_mod *mods;
static size_t nmods, capmods;
static pthread_mutex_t dltls_lock = PTHREAD_MUTEX_INITIALIZER;

struct dtv {
	size_t n;
	void *blk[];
};

static __thread struct dtv *my_dtv UX_TLS_MODEL;
static pthread_key_t dtv_key;
static pthread_once_t dtv_once = PTHREAD_ONCE_INIT;

static void
dtv_free(void *p)
{
	struct dtv *d = p;

	for (size_t i = 0; d && i < d->n; i++)
		free(d->blk[i]);
	free(d);
	my_dtv = NULL;
}

static void
dtv_key_make(void)
{
	pthread_key_create(&dtv_key, dtv_free);
}

int
rtld_dltls_add(struct rtld_obj *o, struct ux_err *err)
{
	size_t id = rtld_tls_new_module(0);

	if (!id)
		return ux_err_set(err, 126, "out of memory");
	pthread_mutex_lock(&dltls_lock);
	if (id >= capmods) {
		size_t cap = capmods ? 2 * capmods : 16;
		while (cap <= id)
			cap *= 2;
		struct dltls_mod *m = calloc(cap, sizeof(*m));
		if (!m) {
			pthread_mutex_unlock(&dltls_lock);
			return ux_err_set(err, 126, "out of memory");
		}
		if (nmods)
			memcpy(m, mods, nmods * sizeof(*m));
		__atomic_store_n(&mods, m, __ATOMIC_RELEASE);
		capmods = cap;
	}
	mods[id] = (struct dltls_mod){ (const void *)o->tls_image, o->tls_filesz, o->tls_memsz,
	    o->tls_align < 16 ? 16 : o->tls_align, 1 };
	if (id + 1 > nmods)
		__atomic_store_n(&nmods, id + 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&dltls_lock);
	o->tls_index = id;
	o->tls_offset = 0;
	return 0;
}

void
rtld_dltls_remove(struct rtld_obj *o)
{
	if (!o->tls_index || o->tls_offset)
		return;
	pthread_mutex_lock(&dltls_lock);
	if (o->tls_index < nmods)
		mods[o->tls_index].live = 0;
	pthread_mutex_unlock(&dltls_lock);
	if (my_dtv && o->tls_index < my_dtv->n) {
		free(my_dtv->blk[o->tls_index]);
		my_dtv->blk[o->tls_index] = NULL;
	}
}

/* The slow path: a bigger vector, or this thread's first use of module. */
static void *
alloc_block(size_t module)
{
	size_t n = __atomic_load_n(&nmods, __ATOMIC_ACQUIRE);
	struct dltls_mod *m = __atomic_load_n(&mods, __ATOMIC_ACQUIRE);

	if (module >= n || !m[module].live)
		return NULL;
	if (!my_dtv || module >= my_dtv->n) {
		size_t want = n + 8;
		struct dtv *d = realloc(my_dtv, sizeof(*d) + want * sizeof(void *));
		if (!d)
			return NULL;
		memset(&d->blk[my_dtv ? d->n : 0], 0, (want - (my_dtv ? d->n : 0)) * sizeof(void *));
		if (!my_dtv) {
			pthread_once(&dtv_once, dtv_key_make);
			pthread_setspecific(dtv_key, d);
		} else if (d != my_dtv) {
			pthread_setspecific(dtv_key, d);
		}
		d->n = want;
		my_dtv = d;
	}
	size_t size = (m[module].memsz + m[module].align - 1) & ~(m[module].align - 1);
	char *b = aligned_alloc(m[module].align, size ? size : m[module].align);
	if (!b)
		return NULL;
	memcpy(b, m[module].image, m[module].filesz);
	memset(b + m[module].filesz, 0, size - m[module].filesz);
	my_dtv->blk[module] = b;
	return b;
}

void *
rtld_dltls_get_addr(size_t module, uint64_t offset)
{
	char *b;

	if (my_dtv && module < my_dtv->n && (b = my_dtv->blk[module]) != NULL)
		return b + offset;
	b = alloc_block(module);
	return b ? b + offset : NULL;
}
