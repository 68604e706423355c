/*
 * libuxrun.so's side of a FreeBSD shared object in a native process
 * (rtld_hosted.h).  There is no FreeBSD executable: the process itself
 * stands in for it (rtld_host: the root of library searches and the
 * last place symbols are looked for), uxrun's runtime linker loads and
 * links the object as a dynamic guest's dlopen would (rtld_dl.c), and the
 * trap is the seccomp backend in its hosted form (syscalls/trap.c).
 */
#include "config.h"

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loader/rtld.h"
#include "loader/rtld_hosted.h"
#include "loader/rtld_obj.h"
#include "syscalls/log.h"
#include "syscalls/thread.h"
#include "syscalls/trap.h"
#include "syscalls/freebsd/fbsd_personality.h"
#include "syscalls/freebsd/fbsd_thread.h"

/* FreeBSD's <dlfcn.h> mode bits (Linux's differ for RTLD_NOLOAD). */
#define FBSD_RTLD_NOW		2
#define FBSD_RTLD_GLOBAL	0x100
#define FBSD_RTLD_NODELETE	0x1000
#define FBSD_RTLD_NOLOAD	0x2000

#define EXPORT __attribute__((visibility("default")))

static void *(*glibc_dlsym)(void *, const char *);

static void *
host_lookup(const char *name)
{
	return glibc_dlsym(RTLD_DEFAULT, name);
}

static pthread_key_t td_key;
static pthread_once_t td_key_once = PTHREAD_ONCE_INIT;

static void
td_release(void *td)
{
	ux_thread_destroy(td);
}

static void
td_key_make(void)
{
	pthread_key_create(&td_key, td_release);
}

/* The state a thread was given before: the region behind its alternate
 * signal stack, if that stack has the shape ux_thread_create_current
 * gives it. */
static struct ux_thread *
adopted_before(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	stack_t ss;

	if (sigaltstack(NULL, &ss) != 0 || (ss.ss_flags & SS_DISABLE) ||
	    ss.ss_size != UX_ALTSTACK_REGION - 2 * (size_t)pg ||
	    ((uintptr_t)ss.ss_sp & (UX_ALTSTACK_REGION - 1)) != 2 * (uintptr_t)pg)
		return NULL;
	struct ux_thread *td = (struct ux_thread *)((uintptr_t)ss.ss_sp & ~(uintptr_t)(UX_ALTSTACK_REGION - 1));
	return td->magic == UX_THREAD_MAGIC && td->self == td ? td : NULL;
}

/*
 * A host thread's state, made the first time foreign code needs it there:
 * a trapped system call (in_handler), or a libshim function that runs a
 * system-call handler.  Freed when the thread exits, unless it was made
 * in the SIGSYS handler, where a thread-specific value cannot be set.
 * XXX It takes the thread's alternate signal stack, as uxrun's own
 * threads have one: a host thread that had its own loses it.
 */
static struct ux_thread *
adopt_thread(int in_handler)
{
	struct ux_thread *td = adopted_before();

	if (td)
		return td;
	if (!(td = ux_thread_create_current(&fbsd_personality)))
		return NULL;
	fbsd_thread_init(td, NULL);
	td->in_host = 0;
	if (!in_handler) {
		pthread_once(&td_key_once, td_key_make);
		pthread_setspecific(td_key, td);
	}
	return td;
}

EXPORT int
ux_hosted_init(void *(*host_dlsym)(void *, const char *), const char **why)
{
	static char exe[PATH_MAX];
	const char *t = getenv("UXRUN_TRACE");

	if (t && *t && strcmp(t, "0") != 0)
		ux_trace_on = 1;
	glibc_dlsym = host_dlsym;
	if (ux_trap_init_hosted(adopt_thread) != 0) {
		*why = "cannot install uxrun's SIGSYS handler";
		return -1;
	}
	if (!realpath("/proc/self/exe", exe))
		strcpy(exe, "/proc/self/exe");
	rtld_host.path = exe;
	rtld_host.relocated = 1;
	rtld_main = &rtld_host;
	rtld_host_lookup = host_lookup;
	return 0;
}

EXPORT void *
ux_hosted_dlopen(const char *path, int mode)
{
	int m = FBSD_RTLD_NOW;

	if (mode & RTLD_GLOBAL)
		m |= FBSD_RTLD_GLOBAL;
	if (mode & RTLD_NODELETE)
		m |= FBSD_RTLD_NODELETE;
	if (mode & RTLD_NOLOAD)
		m |= FBSD_RTLD_NOLOAD;
	return rtld_dlopen(path, m);
}

EXPORT void *
ux_hosted_dlsym(void *handle, const char *name)
{
	return rtld_dlsym(handle, name);
}

EXPORT int
ux_hosted_dlclose(void *handle)
{
	return rtld_dlclose(handle);
}

EXPORT char *
ux_hosted_dlerror(void)
{
	return rtld_dlerror();
}

EXPORT int
ux_hosted_owns(void *handle)
{
	return rtld_dl_is_handle(handle);
}

EXPORT int
ux_hosted_dladdr(const void *addr, Dl_info *info)
{
	_Static_assert(sizeof(Dl_info) == 32, "glibc's Dl_info is FreeBSD's");
	return rtld_dl_in_file(addr) && rtld_dladdr(addr, (struct fbsd_dl_info *)info);
}

EXPORT int
ux_hosted_find_object(void *pc, struct dl_find_object *result)
{
	return rtld_find_object(pc, result);
}
