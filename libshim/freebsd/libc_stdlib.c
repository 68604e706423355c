/*
 * stdlib and the allocators over glibc's, where FreeBSD's behaviour differs
 * in what errno says or in an edge case a program can see.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libshim/freebsd/libc_shim.h"

/* --- environment ------------------------------------------------------------ */

/* FreeBSD's getenv and setenv work on environ, which the guest may have
 * replaced; glibc's own is made to follow, and follows back after a change. */
static void
env_from_guest(void)
{
	if (shim_guest_environ)
		environ = *shim_guest_environ;
}

static void
env_to_guest(void)
{
	shim_env_changed = 1;
	if (shim_guest_environ)
		*shim_guest_environ = environ;
}

/* A name FreeBSD rejects with EINVAL: empty, or holding '='. */
static int
bad_name(const char *name)
{
	return name == NULL || *name == '\0' || strchr(name, '=') != NULL;
}

char *
shim_getenv(const char *name)
{
	if (bad_name(name)) {
		shim_errno = FBSD_EINVAL;
		return NULL;
	}
	env_from_guest();
	return getenv(name);
}

int
shim_setenv(const char *name, const char *value, int overwrite)
{
	int r;

	env_from_guest();
	r = shim_ret(setenv(name, value, overwrite));
	env_to_guest();
	return r;
}

int
shim_unsetenv(const char *name)
{
	int r;

	env_from_guest();
	r = shim_ret(unsetenv(name));
	env_to_guest();
	return r;
}

/* glibc's putenv("NAME") removes NAME; FreeBSD's wants NAME=VALUE. */
int
shim_putenv(char *string)
{
	const char *eq = string ? strchr(string, '=') : NULL;
	int r;

	if (eq == NULL || eq == string) {
		shim_errno = FBSD_EINVAL;
		return -1;
	}
	env_from_guest();
	r = shim_ret(putenv(string));
	env_to_guest();
	return r;
}

char *
shim_secure_getenv(const char *name)
{
	if (bad_name(name)) {
		shim_errno = FBSD_EINVAL;
		return NULL;
	}
	env_from_guest();
	return secure_getenv(name);
}

/* glibc leaves environ NULL; a FreeBSD program may walk it right after. */
int
shim_clearenv(void)
{
	static char *empty[1];
	int r = clearenv();

	environ = empty;
	env_to_guest();
	return r;
}

/* --- sorting ----------------------------------------------------------------- */

struct compat_cmp {
	int (*cmp)(void *, const void *, const void *);
	void *arg;
};

static int
compat_cmp(const void *a, const void *b, void *c)
{
	const struct compat_cmp *k = c;

	return k->cmp(k->arg, a, b);
}

void
shim_qsort_r_compat(void *base, size_t n, size_t size, void *arg,
    int (*cmp)(void *, const void *, const void *))
{
	struct compat_cmp k = { cmp, arg };

	qsort_r(base, n, size, compat_cmp, &k);
}

/* --- number parsing ---------------------------------------------------------- */

/* FreeBSD's integer parsers also say EINVAL when no digits were read. */
static void
int_parsed(const char *s, char *e, char **end)
{
	if (errno != 0)
		shim_errno_sync();
	else if (e == s)
		shim_errno = FBSD_EINVAL;
	if (end)
		*end = e;
}

long
shim_strtol(const char *s, char **end, int base)
{
	char *e;
	long r;

	errno = 0;
	r = strtol(s, &e, base);
	int_parsed(s, e, end);
	return r;
}

unsigned long
shim_strtoul(const char *s, char **end, int base)
{
	char *e;
	unsigned long r;

	errno = 0;
	r = strtoul(s, &e, base);
	int_parsed(s, e, end);
	return r;
}

long long
shim_strtoll(const char *s, char **end, int base)
{
	char *e;
	long long r;

	errno = 0;
	r = strtoll(s, &e, base);
	int_parsed(s, e, end);
	return r;
}

unsigned long long
shim_strtoull(const char *s, char **end, int base)
{
	char *e;
	unsigned long long r;

	errno = 0;
	r = strtoull(s, &e, base);
	int_parsed(s, e, end);
	return r;
}

/* FreeBSD's atoi and atol are strtol, errno and all. */
int
shim_atoi(const char *s)
{
	return (int)shim_strtol(s, NULL, 10);
}

long
shim_atol(const char *s)
{
	return shim_strtol(s, NULL, 10);
}

double
shim_strtod(const char *s, char **end)
{
	double r;

	errno = 0;
	r = strtod(s, end);
	if (errno != 0)
		shim_errno_sync();
	return r;
}

float
shim_strtof(const char *s, char **end)
{
	float r;

	errno = 0;
	r = strtof(s, end);
	if (errno != 0)
		shim_errno_sync();
	return r;
}

long double
shim_strtold(const char *s, char **end)
{
	long double r;

	errno = 0;
	r = strtold(s, end);
	if (errno != 0)
		shim_errno_sync();
	return r;
}

double
shim_atof(const char *s)
{
	return shim_strtod(s, NULL);
}

/* --- allocation -------------------------------------------------------------- */

void *
shim_malloc(size_t size)
{
	return shim_retp(malloc(size));
}

void *
shim_calloc(size_t n, size_t size)
{
	return shim_retp(calloc(n, size));
}

/*
 * FreeBSD's jemalloc treats realloc(p, 0) as an allocation of size zero
 * (opt.zero_realloc "alloc", its default off glibc) and returns a live
 * pointer; glibc frees p and returns NULL.
 */
void *
shim_realloc(void *p, size_t size)
{
	return shim_retp(realloc(p, size ? size : 1));
}

void *
shim_reallocf(void *p, size_t size)
{
	void *q = shim_realloc(p, size);

	if (!q)
		free(p);
	return q;
}

void *
shim_reallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size) {
		shim_errno = FBSD_ENOMEM;
		return NULL;
	}
	return shim_realloc(p, n * size);
}

/* Returns an error number, which is FreeBSD's here. */
int
shim_posix_memalign(void **p, size_t align, size_t size)
{
	int r = posix_memalign(p, align, size);

	return r ? shim_errno_from_host(r) : 0;
}

void *
shim_aligned_alloc(size_t align, size_t size)
{
	return shim_retp(aligned_alloc(align, size));
}

char *
shim_strdup(const char *s)
{
	return shim_retp(strdup(s));
}

char *
shim_strndup(const char *s, size_t n)
{
	return shim_retp(strndup(s, n));
}
