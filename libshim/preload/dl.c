/*
 * libuxshim.so's dlopen family: a native process that dlopens a foreign
 * shared object (a FreeBSD build of a Node addon, say) gets it loaded by
 * uxrun's runtime linker, which lives in libuxrun.so (loader/rtld_hosted.h):
 * the shim dlopens that library the first time, so processes that never
 * load foreign code pay nothing for it.  Everything else goes to glibc
 * untouched: native files, handles and addresses.
 *
 * dlopen and dlsym are entered through dl_entry.S, which keeps the
 * caller's return address for glibc.  dlerror reports the calling
 * thread's last failure, foreign or native, as glibc's does (every call
 * forgets the error before it).  dladdr and _dl_find_object (what
 * libgcc_s's unwinder asks) answer for foreign code too, so that Rust
 * panics and C++ exceptions unwind through it.  glibc's own functions are
 * found with dlvsym, which the shim leaves alone.
 */
#include "config.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "libshim/preload/uxshim.h"
#include "loader/rtld_hosted.h"

#ifndef UXSHIM_LIBUXRUN
#define UXSHIM_LIBUXRUN "/usr/local/lib/libuxrun.so.0"
#endif
#define LIBUXRUN "libuxrun.so.0"

static struct {
	void *(*dlopen)(const char *, int);
	void *(*dlsym)(void *, const char *);
	int (*dlclose)(void *);
	char *(*dlerror)(void);
	int (*dladdr)(const void *, Dl_info *);
	int (*find_object)(void *, struct dl_find_object *);
} real;

/* libuxrun.so's entry points, once loaded. */
static struct {
#define FIELD(n) ux_hosted_##n##_fn *n;
	UX_HOSTED_ENTRY_POINTS(FIELD)
#undef FIELD
} hosted;
static int hosted_ready;	/* atomic: hosted is complete */
static pthread_mutex_t hosted_lock = PTHREAD_MUTEX_INITIALIZER;

/* How this thread's last dl call failed on the foreign side, for dlerror:
 * FAILED_HOSTED, libuxrun.so has the message; FAILED_LOAD, libuxrun.so
 * itself could not be loaded, and own_msg says why. */
enum { FAILED_NONE, FAILED_HOSTED, FAILED_LOAD };
static __thread int foreign_failed;
static __thread char own_msg[PATH_MAX + 128];

static void *
glibc_fn(const char *name, const char *const *versions)
{
	void *p = NULL;

	for (; !p && *versions; versions++)
		p = dlvsym(RTLD_NEXT, name, *versions);
	return p;
}

static void
bootstrap(void)
{
	/* glibc 2.34 moved them into libc.so.6, under a new version. */
	static const char *const dl_vers[] = { "GLIBC_2.34", "GLIBC_2.2.5", NULL };
	static const char *const dlfo_vers[] = { "GLIBC_2.35", NULL };

	*(void **)&real.dlsym = glibc_fn("dlsym", dl_vers);
	*(void **)&real.dlopen = glibc_fn("dlopen", dl_vers);
	*(void **)&real.dlclose = glibc_fn("dlclose", dl_vers);
	*(void **)&real.dlerror = glibc_fn("dlerror", dl_vers);
	*(void **)&real.dladdr = glibc_fn("dladdr", dl_vers);
	*(void **)&real.find_object = glibc_fn("_dl_find_object", dlfo_vers);
}

#define BOOTSTRAP() do { if (!real.dlsym) bootstrap(); } while (0)

static int
ready(void)
{
	return __atomic_load_n(&hosted_ready, __ATOMIC_ACQUIRE);
}

/* Is path an ELF file for another OS?  Names without a slash are left to
 * glibc's search: a foreign object is dlopen'ed by its path. */
static int
is_foreign(const char *path)
{
	if (!path || !strchr(path, '/'))
		return 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	enum uxs_os os = uxs_elf_os(fd);
	close(fd);
	return uxs_os_foreign(os);
}

/* How libuxrun.so looks symbols up in the process: glibc's dlsym, with
 * the error of a miss dropped, which the caller's dlerror must not see. */
static void *
host_dlsym(void *handle, const char *name)
{
	void *p = real.dlsym(handle, name);

	if (!p)
		real.dlerror();
	return p;
}

static void *
try_libuxrun(const char *dir, const char *rel)
{
	char p[PATH_MAX];

	if (snprintf(p, sizeof(p), "%s%s" LIBUXRUN, dir, rel) >= (int)sizeof(p))
		return NULL;
	return access(p, R_OK) == 0 ? real.dlopen(p, RTLD_NOW | RTLD_LOCAL) : NULL;
}

/*
 * libuxrun.so: beside the shim (a build tree links it there), one
 * directory up (installed: the shim is in $(libdir)/uxrun), then the
 * installed one.  0, or -1 with own_msg set.
 */
static int
load_hosted(void)
{
	const char *why = NULL;
	void *lib = NULL;

	pthread_mutex_lock(&hosted_lock);
	if (ready()) {
		pthread_mutex_unlock(&hosted_lock);
		return 0;
	}
	char dir[PATH_MAX];
	const char *shim = uxs_shim_path(), *slash = strrchr(shim, '/');
	if (slash && (size_t)(slash - shim) < sizeof(dir)) {
		memcpy(dir, shim, (size_t)(slash - shim));
		dir[slash - shim] = '\0';
		if (!(lib = try_libuxrun(dir, "/")))
			lib = try_libuxrun(dir, "/../");
	}
	if (!lib)
		lib = real.dlopen(UXSHIM_LIBUXRUN, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		const char *e = real.dlerror();
		snprintf(own_msg, sizeof(own_msg), "uxshim: cannot load uxrun's runtime linker (%s): %s",
		    UXSHIM_LIBUXRUN, e ? e : "not found");
		pthread_mutex_unlock(&hosted_lock);
		return -1;
	}
#define FIND(n) *(void **)&hosted.n = real.dlsym(lib, "ux_hosted_" #n); if (!hosted.n) why = #n;
	UX_HOSTED_ENTRY_POINTS(FIND)
#undef FIND
	if (why) {
		snprintf(own_msg, sizeof(own_msg), "uxshim: this libuxrun.so has no ux_hosted_%s", why);
	} else if (hosted.init(host_dlsym, &why) != 0) {
		snprintf(own_msg, sizeof(own_msg), "uxshim: %s", why);
	} else {
		__atomic_store_n(&hosted_ready, 1, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&hosted_lock);
	return ready() ? 0 : -1;
}

static void *
foreign_dlopen(const char *path, int mode)
{
	void *h = NULL;

	if (load_hosted() != 0) {
		foreign_failed = FAILED_LOAD;
		return NULL;
	}
	if (!(h = hosted.dlopen(path, mode)))
		foreign_failed = FAILED_HOSTED;
	return h;
}

static void *
foreign_dlsym(void *handle, const char *name)
{
	void *p = hosted.dlsym(handle, name);

	foreign_failed = p ? FAILED_NONE : FAILED_HOSTED;
	return p;
}

static int
is_foreign_handle(void *handle)
{
	return handle != RTLD_DEFAULT && handle != RTLD_NEXT && ready() && hosted.owns(handle);
}

void *(*uxs_dlopen_route(const char *path, int mode))(const char *, int)
{
	(void)mode;
	BOOTSTRAP();
	foreign_failed = FAILED_NONE;
	return is_foreign(path) ? foreign_dlopen : real.dlopen;
}

void *(*uxs_dlsym_route(void *handle, const char *name))(void *, const char *)
{
	(void)name;
	BOOTSTRAP();
	foreign_failed = FAILED_NONE;
	return is_foreign_handle(handle) ? foreign_dlsym : real.dlsym;
}

UXS_EXPORT int
dlclose(void *handle)
{
	BOOTSTRAP();
	foreign_failed = FAILED_NONE;
	if (!is_foreign_handle(handle))
		return real.dlclose(handle);
	int r = hosted.dlclose(handle);
	foreign_failed = r ? FAILED_HOSTED : FAILED_NONE;
	return r;
}

UXS_EXPORT char *
dlerror(void)
{
	BOOTSTRAP();
	int f = foreign_failed;

	foreign_failed = FAILED_NONE;
	if (f == FAILED_NONE)
		return real.dlerror();
	return f == FAILED_LOAD ? own_msg : hosted.dlerror();
}

UXS_EXPORT int
dladdr(const void *addr, Dl_info *info)
{
	BOOTSTRAP();
	if (ready() && hosted.dladdr(addr, info))
		return 1;
	return real.dladdr(addr, info);
}

UXS_EXPORT int
_dl_find_object(void *pc, struct dl_find_object *result)
{
	BOOTSTRAP();
	if (ready() && hosted.find_object(pc, result) == 0)
		return 0;
	return real.find_object ? real.find_object(pc, result) : -1;
}
