/*
 * A FreeBSD shared object dlopen'ed by a native Linux process: what
 * libuxrun.so offers the LD_PRELOAD shim (libshim/preload/dl.c), which
 * dlopens libuxrun.so the first time the process dlopens a foreign
 * object and finds these by name.  The object is loaded by uxrun's runtime
 * linker (doc/dynamic.md): its FreeBSD system-library imports bind to
 * libshim, its other unversioned undefined symbols to the process's
 * global scope (glibc's dlsym(RTLD_DEFAULT)), and its code runs on the
 * host's threads with glibc's thread pointer, as a dynamic guest's does.
 * Raw system calls it makes are trapped by a seccomp filter over its code
 * alone, synchronised to every thread of the process.
 */
#ifndef UX_RTLD_HOSTED_H
#define UX_RTLD_HOSTED_H

#include <dlfcn.h>

/* Once, before the others: host_dlsym is glibc's dlsym, not the shim's.
 * 0, or -1 with the reason in *why. */
typedef int ux_hosted_init_fn(void *(*host_dlsym)(void *, const char *), const char **why);
/* dlopen of a foreign object with Linux's mode bits.  Every import is
 * bound now, whatever the mode (there is no lazy binding to fall back
 * on): one that cannot be fails the call, and dlerror names it. */
typedef void *ux_hosted_dlopen_fn(const char *path, int mode);
typedef void *ux_hosted_dlsym_fn(void *handle, const char *name);
typedef int ux_hosted_dlclose_fn(void *handle);
/* The calling thread's last error from the calls above, once; or NULL. */
typedef char *ux_hosted_dlerror_fn(void);
/* Whether handle is one ux_hosted_dlopen gave out and still holds. */
typedef int ux_hosted_owns_fn(void *handle);
/* dladdr for an address inside a foreign object (0 for any other). */
typedef int ux_hosted_dladdr_fn(const void *addr, Dl_info *info);
/* _dl_find_object for the host's unwinder, for foreign objects only: -1
 * for any other address, which the shim then asks glibc about. */
struct dl_find_object;
typedef int ux_hosted_find_object_fn(void *pc, struct dl_find_object *result);

#define UX_HOSTED_ENTRY_POINTS(X) \
	X(init) X(dlopen) X(dlsym) X(dlclose) X(dlerror) X(owns) X(dladdr) X(find_object)

/* libuxrun.so defines ux_hosted_init and the rest; the shim finds them by
 * name with dlsym. */
#define UX_HOSTED_DECLARE(n) ux_hosted_##n##_fn ux_hosted_##n;
UX_HOSTED_ENTRY_POINTS(UX_HOSTED_DECLARE)

#endif
