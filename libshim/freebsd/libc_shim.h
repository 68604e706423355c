/*
 * libshim's FreeBSD libc.so.7: the implementations the generated table
 * (from libc.so.7.spec) binds guest imports to.  Each has FreeBSD's
 * prototype and runs on the guest's stack with glibc's FS base; what
 * crosses the boundary is converted here, errno through shim_errno.
 *
 * FILE * is glibc's FILE *: the guest only ever holds it as an opaque
 * pointer (__isthreaded keeps FreeBSD's stdio macros out of it).
 */
#ifndef LIBSHIM_FBSD_LIBC_SHIM_H
#define LIBSHIM_FBSD_LIBC_SHIM_H

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "syscalls/freebsd/fbsd_abi.h"

/* --- errno (libc_errno.c) --------------------------------------------------- */

/* The guest's errno, in FreeBSD numbers: what __error() points at. */
extern __thread int shim_errno;

/* A Linux errno as FreeBSD's (EINVAL when FreeBSD has no twin). */
int shim_errno_from_host(int host);
/* A FreeBSD errno as Linux's, or 0 when Linux has none (EAUTH, EDOOFUS ...). */
int shim_errno_to_host(int guest);

/* After a host call failed: its errno becomes the guest's. */
static inline void
shim_errno_sync(void)
{
	shim_errno = shim_errno_from_host(errno);
}

/* Return-value helpers for calls that report failure by -1 (or any
 * negative value) or by NULL. */
static inline int
shim_ret(int r)
{
	if (r < 0)
		shim_errno_sync();
	return r;
}

static inline long
shim_retl(long r)
{
	if (r < 0)
		shim_errno_sync();
	return r;
}

static inline void *
shim_retp(void *p)
{
	if (!p)
		shim_errno_sync();
	return p;
}

/* Sets the guest's errno to FreeBSD's ENOSYS and returns that number: the
 * generated stubs of unimplemented functions use it. */
int shim_enosys(void);

int *shim___error(void);
char *shim_strerror(int errnum);
int shim_strerror_r(int errnum, char *buf, size_t len);
void shim_perror(const char *s);

/* --- start, exit, environment (libc_start.c, libc_stdlib.c) ---------------- */

typedef int (*shim_main_fn)(int, char **, char **);
void shim___libc_start1(int argc, char **argv, char **env, void (*cleanup)(void),
    shim_main_fn mainX) __attribute__((noreturn));
int shim_atexit(void (*fn)(void));
const char *shim_getprogname(void);
void shim_setprogname(const char *name);

/*
 * FreeBSD's crt1 defines environ and __progname in the executable, and
 * libc writes them through its references.  When the executable (or a COPY
 * relocation) holds its own copy of either, the runtime linker names its
 * address (ux_shim_data_moved() in shim.h), before the guest runs; the shim
 * keeps it in step with glibc's.  Other names are ignored.
 */
void shim_fbsd_guest_data(const char *name, void *addr);
/* The guest's own environ when shim_fbsd_guest_data named one, else NULL. */
extern char ***shim_guest_environ;
/* Set once the guest changed its environment (an initialiser's setenv runs
 * before __libc_start1, which then keeps the change). */
extern int shim_env_changed;

/* glibc's C++ ABI entry points, bound as they are. */
int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);
void __cxa_finalize(void *dso);

char *shim_getenv(const char *name);
int shim_setenv(const char *name, const char *value, int overwrite);
int shim_unsetenv(const char *name);
int shim_putenv(char *string);
char *shim_secure_getenv(const char *name);
int shim_clearenv(void);
/* qsort_r@FBSD_1.0: the argument came before the comparator, and first. */
void shim_qsort_r_compat(void *base, size_t n, size_t size, void *arg,
    int (*cmp)(void *, const void *, const void *));

long shim_strtol(const char *s, char **end, int base);
unsigned long shim_strtoul(const char *s, char **end, int base);
long long shim_strtoll(const char *s, char **end, int base);
unsigned long long shim_strtoull(const char *s, char **end, int base);
int shim_atoi(const char *s);
long shim_atol(const char *s);
double shim_strtod(const char *s, char **end);
float shim_strtof(const char *s, char **end);
long double shim_strtold(const char *s, char **end);
double shim_atof(const char *s);

void *shim_malloc(size_t size);
void *shim_calloc(size_t n, size_t size);
void *shim_realloc(void *p, size_t size);
void *shim_reallocf(void *p, size_t size);
void *shim_reallocarray(void *p, size_t n, size_t size);
int shim_posix_memalign(void **p, size_t align, size_t size);
void *shim_aligned_alloc(size_t align, size_t size);

char *shim_strdup(const char *s);
char *shim_strndup(const char *s, size_t n);

/* --- stack protector (libc_secure.c) ---------------------------------------- */

extern long shim_stack_chk_guard[8];
void shim___stack_chk_fail(void) __attribute__((noreturn));
void shim___chk_fail(void) __attribute__((noreturn));

/* --- stdio (libc_stdio.c) --------------------------------------------------- */

extern int shim_isthreaded;

int shim_printf(const char *fmt, ...);
int shim_vprintf(const char *fmt, va_list ap);
int shim_fprintf(FILE *f, const char *fmt, ...);
int shim_vfprintf(FILE *f, const char *fmt, va_list ap);
int shim_dprintf(int fd, const char *fmt, ...);
int shim_vdprintf(int fd, const char *fmt, va_list ap);
int shim_sprintf(char *buf, const char *fmt, ...);
int shim_vsprintf(char *buf, const char *fmt, va_list ap);
int shim_snprintf(char *buf, size_t n, const char *fmt, ...);
int shim_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int shim_asprintf(char **out, const char *fmt, ...);
int shim_vasprintf(char **out, const char *fmt, va_list ap);
int shim_puts(const char *s);
int shim_fputs(const char *s, FILE *f);
int shim_fputc(int c, FILE *f);
int shim_putchar(int c);
size_t shim_fwrite(const void *p, size_t size, size_t n, FILE *f);
int shim_fflush(FILE *f);
char *shim_fgets(char *s, int n, FILE *f);
int shim_fgetc(FILE *f);
int shim_getchar(void);
size_t shim_fread(void *p, size_t size, size_t n, FILE *f);
FILE *shim_fopen(const char *path, const char *mode);
FILE *shim_fdopen(int fd, const char *mode);
int shim_fclose(FILE *f);
int shim_fileno(FILE *f);
int shim_setvbuf(FILE *f, char *buf, int mode, size_t size);
int shim_fseek(FILE *f, long off, int whence);
int shim_fseeko(FILE *f, int64_t off, int whence);
long shim_ftell(FILE *f);
int64_t shim_ftello(FILE *f);
void shim_rewind(FILE *f);
int shim_remove(const char *path);

/* --- descriptors, processes, time (libc_unistd.c, libc_time.c) ------------- */

ssize_t shim_read(int fd, void *buf, size_t n);
ssize_t shim_write(int fd, const void *buf, size_t n);
int shim_close(int fd);
int shim_open(const char *path, int flags, ...);
int64_t shim_lseek(int fd, int64_t off, int whence);
int shim_unlink(const char *path);
int shim_isatty(int fd);

int shim_usleep(uint32_t usecs);
int shim_nanosleep(const struct fbsd_timespec *req, struct fbsd_timespec *rem);
int shim_clock_gettime(int clock_id, struct fbsd_timespec *tp);
int shim_gettimeofday(struct fbsd_timeval *tv, void *tz);

#endif
