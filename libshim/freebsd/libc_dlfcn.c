/*
 * libc.so.7's entries for the runtime linker's services (lib/libc/gen/
 * dlfcn.c): on FreeBSD they are weak stubs that fail with "Service
 * unavailable", there so that programs link, and rtld's own definitions
 * beat them at run time.  The same holds here: uxrun's runtime linker
 * binds every import of these names to its implementations
 * (loader/rtld_dl.c) whatever soname the import names, and these
 * stand-ins serve only what has no runtime linker (libuxrun.so).
 */
#include "config.h"

#include <stddef.h>

#include "libshim/freebsd/libc_shim.h"

static const char sorry[] = "Service unavailable";

void
shim__rtld_error(const char *fmt, ...)
{
	(void)fmt;
}

int
shim_dladdr(const void *addr, void *info)
{
	(void)addr;
	(void)info;
	return 0;
}

int
shim_dlclose(void *handle)
{
	(void)handle;
	return -1;
}

char *
shim_dlerror(void)
{
	return (char *)sorry;
}

void
shim_dllockinit(void *ctx, void *a, void *b, void *c, void *d, void *e, void (*ctx_destroy)(void *))
{
	(void)a; (void)b; (void)c; (void)d; (void)e;
	if (ctx_destroy)
		ctx_destroy(ctx);
}

void *
shim_dlopen(const char *name, int mode)
{
	(void)name;
	(void)mode;
	return NULL;
}

void *
shim_fdlopen(int fd, int mode)
{
	(void)fd;
	(void)mode;
	return NULL;
}

void *
shim_dlsym(void *handle, const char *name)
{
	(void)handle;
	(void)name;
	return NULL;
}

void *
shim_dlvsym(void *handle, const char *name, const char *version)
{
	(void)version;
	return shim_dlsym(handle, name);
}

int
shim_dlinfo(void *handle, int request, void *p)
{
	(void)handle;
	(void)request;
	(void)p;
	return 0;
}

int
shim_dl_iterate_phdr(int (*cb)(void *, size_t, void *), void *arg)
{
	(void)cb;
	(void)arg;
	return 0;
}

int
shim__rtld_addr_phdr(const void *addr, void *info)
{
	(void)addr;
	(void)info;
	return 0;
}

int
shim__rtld_get_stack_prot(void)
{
	return 7;	/* PROT_READ | PROT_WRITE | PROT_EXEC, as libc's stub */
}

int
shim__rtld_is_dlopened(void *arg)
{
	(void)arg;
	return 0;
}

void
shim__rtld_nop(void)
{
}

void *
shim___tls_get_addr(void *ti)
{
	(void)ti;
	return NULL;
}
