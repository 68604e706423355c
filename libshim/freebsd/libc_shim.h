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
int shim_clock_getres(int clock_id, struct fbsd_timespec *res);
/* Linux's id of a thread's or process's CPU-time clock as FreeBSD's. */
int shim_cpuclock_from_host(int h);
int shim_clock_nanosleep(int clock_id, int flags, const struct fbsd_timespec *req,
    struct fbsd_timespec *rem);
struct iovec;
ssize_t shim_readv(int fd, const struct iovec *iov, int cnt);
ssize_t shim_writev(int fd, const struct iovec *iov, int cnt);
int shim_gettimeofday(struct fbsd_timeval *tv, void *tz);

/* --- files, directories, fts (libc_file.c, libc_dir.c, libc_fts.c) ---------- */

typedef uint16_t fbsd_mode_t;

#ifndef FBSD_PATH_MAX
#define FBSD_PATH_MAX	1024
#endif
#ifndef FBSD_BUFSIZ
#define FBSD_BUFSIZ	1024
#endif
#ifndef FBSD_CLK_TCK
#define FBSD_CLK_TCK	128	/* also CLOCKS_PER_SEC */
#define FBSD_CLOCKS_PER_SEC 128
#endif

/* A descriptor of uxrun's own: EBADF for the guest, which never sees it. */
int shim_fd_refused(int fd);
/* A system-call handler's result (-errno in Linux terms) as libc returns it. */
static inline long
shim_sysret(long r)
{
	if (r < 0) {
		shim_errno = shim_errno_from_host((int)-r);
		return -1;
	}
	return r;
}

int shim_stat(const char *path, struct fbsd_stat *sb);
int shim_lstat(const char *path, struct fbsd_stat *sb);
int shim_fstat(int fd, struct fbsd_stat *sb);
int shim_fstatat(int fd, const char *path, struct fbsd_stat *sb, int flag);
struct fbsd11_stat;
int shim_stat_fbsd11(const char *path, struct fbsd11_stat *sb);
int shim_lstat_fbsd11(const char *path, struct fbsd11_stat *sb);
int shim_fstat_fbsd11(int fd, struct fbsd11_stat *sb);
int shim_openat(int dirfd, const char *path, int flags, ...);
int shim_creat(const char *path, fbsd_mode_t mode);
int shim_mkdir(const char *path, fbsd_mode_t mode);
int shim_mkdirat(int fd, const char *path, fbsd_mode_t mode);
int shim_mkfifo(const char *path, fbsd_mode_t mode);
int shim_rmdir(const char *path);
int shim_rename(const char *from, const char *to);
int shim_renameat(int fromfd, const char *from, int tofd, const char *to);
int shim_unlinkat(int fd, const char *path, int flag);
int shim_link(const char *from, const char *to);
int shim_linkat(int fromfd, const char *from, int tofd, const char *to, int flag);
int shim_symlink(const char *target, const char *path);
int shim_symlinkat(const char *target, int fd, const char *path);
ssize_t shim_readlink(const char *path, char *buf, size_t n);
ssize_t shim_readlinkat(int fd, const char *path, char *buf, size_t n);
int shim_chdir(const char *path);
int shim_fchdir(int fd);
char *shim_getcwd(char *buf, size_t size);
char *shim_realpath(const char *path, char *resolved);
int shim_access(const char *path, int mode);
int shim_eaccess(const char *path, int mode);
int shim_faccessat(int fd, const char *path, int mode, int flag);
int shim_chmod(const char *path, fbsd_mode_t mode);
int shim_fchmod(int fd, fbsd_mode_t mode);
int shim_lchmod(const char *path, fbsd_mode_t mode);
int shim_fchmodat(int fd, const char *path, fbsd_mode_t mode, int flag);
int shim_chown(const char *path, uint32_t uid, uint32_t gid);
int shim_fchown(int fd, uint32_t uid, uint32_t gid);
int shim_lchown(const char *path, uint32_t uid, uint32_t gid);
int shim_fchownat(int fd, const char *path, uint32_t uid, uint32_t gid, int flag);
fbsd_mode_t shim_umask(fbsd_mode_t mask);
int shim_truncate(const char *path, int64_t len);
int shim_ftruncate(int fd, int64_t len);
int shim_fsync(int fd);
int shim_fdatasync(int fd);
int shim_utimensat(int fd, const char *path, const struct fbsd_timespec *times, int flag);
int shim_futimens(int fd, const struct fbsd_timespec *times);
int shim_utimes(const char *path, const struct fbsd_timeval *tv);
int shim_dup(int fd);
int shim_dup2(int fd, int to);
int shim_dup3(int fd, int to, int flags);
int shim_pipe(int *fds);
int shim_pipe2(int *fds, int flags);
int shim_fcntl(int fd, int cmd, ...);
int shim_flock(int fd, int op);

/* DIR * is opaque to the guest. */
struct shim_dir;
struct fbsd11_dirent;
struct shim_dir *shim_opendir(const char *path);
struct shim_dir *shim_fdopendir(int fd);
int shim_closedir(struct shim_dir *d);
int shim_fdclosedir(struct shim_dir *d);
int shim_dirfd(struct shim_dir *d);
void shim_rewinddir(struct shim_dir *d);
long shim_telldir(struct shim_dir *d);
void shim_seekdir(struct shim_dir *d, long loc);
struct fbsd_dirent *shim_readdir(struct shim_dir *d);
struct fbsd11_dirent *shim_readdir_fbsd11(struct shim_dir *d);
int shim_readdir_r(struct shim_dir *d, struct fbsd_dirent *entry, struct fbsd_dirent **result);
int shim_scandir(const char *path, struct fbsd_dirent ***namelist,
    int (*select)(const struct fbsd_dirent *),
    int (*dcomp)(const struct fbsd_dirent **, const struct fbsd_dirent **));
int shim_alphasort(const struct fbsd_dirent **a, const struct fbsd_dirent **b);
struct FTW;
int shim_ftw(const char *path, int (*fn)(const char *, const struct fbsd_stat *, int), int nfds);
int shim_nftw(const char *path, int (*fn)(const char *, const struct fbsd_stat *, int, struct FTW *),
    int nfds, int flags);

struct fbsd_fts;
struct fbsd_ftsent;
struct fbsd_fts *shim_fts_open(char *const *argv, int options,
    int (*compar)(const struct fbsd_ftsent *const *, const struct fbsd_ftsent *const *));
struct fbsd_ftsent *shim_fts_read(struct fbsd_fts *f);
struct fbsd_ftsent *shim_fts_children(struct fbsd_fts *f, int options);
int shim_fts_set(struct fbsd_fts *f, struct fbsd_ftsent *e, int instr);
void shim_fts_set_clientptr(struct fbsd_fts *f, void *p);
void *shim_fts_get_clientptr(struct fbsd_fts *f);
struct fbsd_fts *shim_fts_get_stream(struct fbsd_ftsent *e);
int shim_fts_close(struct fbsd_fts *f);

/* libc_glob.c */
struct fbsd_glob;
int shim_glob(const char *pattern, int flags, int (*errfunc)(const char *, int), struct fbsd_glob *g);
void shim_globfree(struct fbsd_glob *g);

/* --- stdio, the rest (libc_stdio2.c) ------------------------------------------ */

int shim_vfscanf(FILE *f, const char *fmt, va_list ap);
int shim_vscanf(const char *fmt, va_list ap);
int shim_vsscanf(const char *s, const char *fmt, va_list ap);
int shim_fscanf(FILE *f, const char *fmt, ...);
int shim_scanf(const char *fmt, ...);
int shim_sscanf(const char *s, const char *fmt, ...);
ssize_t shim_getdelim(char **line, size_t *cap, int delim, FILE *f);
ssize_t shim_getline(char **line, size_t *cap, FILE *f);
char *shim_fgetln(FILE *f, size_t *len);
int shim_fgetpos(FILE *f, int64_t *pos);
int shim_fsetpos(FILE *f, const int64_t *pos);
void shim_setbuf(FILE *f, char *buf);
void shim_setbuffer(FILE *f, char *buf, int size);
int shim_setlinebuf(FILE *f);
int shim_fpurge(FILE *f);
FILE *shim_freopen(const char *path, const char *mode, FILE *f);
int shim_mkstemp(char *tmpl);
int shim_mkstemps(char *tmpl, int suffixlen);
int shim_mkostemp(char *tmpl, int flags);
int shim_mkostemps(char *tmpl, int suffixlen, int flags);
char *shim_mkdtemp(char *tmpl);
char *shim_mktemp(char *tmpl);
FILE *shim_tmpfile(void);
char *shim_tmpnam(char *buf);
char *shim_tempnam(const char *dir, const char *pfx);
FILE *shim_popen(const char *cmd, const char *mode);
int shim_pclose(FILE *f);
/* A Linux wait status in FreeBSD's terms (signal numbers). */
int shim_wait_status(int st);

/* --- getopt (libc_getopt.c) ----------------------------------------------------- */

extern int shim_opterr, shim_optind, shim_optopt, shim_optreset;
extern char *shim_optarg;
struct fbsd_option;
int shim_getopt(int argc, char *const *argv, const char *opts);
int shim_getopt_long(int argc, char *const *argv, const char *opts,
    const struct fbsd_option *lo, int *idx);
int shim_getopt_long_only(int argc, char *const *argv, const char *opts,
    const struct fbsd_option *lo, int *idx);

/* --- ctype and locale (libc_ctype.c, libc_locale.c) ------------------------------- */

/* FreeBSD's <_ctype.h> class bits. */
#define FBSD_CTYPE_A	0x00000100UL
#define FBSD_CTYPE_C	0x00000200UL
#define FBSD_CTYPE_D	0x00000400UL
#define FBSD_CTYPE_G	0x00000800UL
#define FBSD_CTYPE_L	0x00001000UL
#define FBSD_CTYPE_P	0x00002000UL
#define FBSD_CTYPE_S	0x00004000UL
#define FBSD_CTYPE_U	0x00008000UL
#define FBSD_CTYPE_X	0x00010000UL
#define FBSD_CTYPE_B	0x00020000UL
#define FBSD_CTYPE_R	0x00040000UL
#define FBSD_CTYPE_I	0x00080000UL
#define FBSD_CTYPE_T	0x00100000UL
#define FBSD_CTYPE_Q	0x00200000UL
#define FBSD_CTYPE_N	0x00400000UL
#define FBSD_CTYPE_SW0	0x20000000UL
#define FBSD_CTYPE_SW1	0x40000000UL
#define FBSD_CTYPE_SW2	0x80000000UL
#define FBSD_CTYPE_SWM	0xe0000000UL
#define FBSD_CTYPE_SWS	30

struct fbsd_rune_range {
	int32_t nranges;
	void *ranges;
};

/* FreeBSD's _RuneLocale (runetype.h), 4224 bytes. */
struct fbsd_rune_locale {
	char magic[8];
	char encoding[32];
	void *sgetrune;
	void *sputrune;
	int32_t invalid_rune;
	unsigned long runetype[256];
	int32_t maplower[256];
	int32_t mapupper[256];
	struct fbsd_rune_range runetype_ext;
	struct fbsd_rune_range maplower_ext;
	struct fbsd_rune_range mapupper_ext;
	void *variable;
	int32_t variable_len;
};

extern struct fbsd_rune_locale shim_DefaultRuneLocale;
extern const struct fbsd_rune_locale *shim_CurrentRuneLocale;
/* The initial value of the thread-local _ThreadRuneLocale: NULL. */
extern const struct fbsd_rune_locale *shim_ThreadRuneLocale_init;
extern int shim_mb_sb_limit, shim_mb_cur_max;
/* LC_CTYPE changed (glibc's is set): rebuild and publish the rune table. */
void shim_ctype_locale_changed(int is_c);
/* FreeBSD's rune table, single-byte limit and MB_CUR_MAX for the calling
 * thread's current glibc locale. */
void shim_rune_table_build(struct fbsd_rune_locale *rl, int *limit, int *maxlen);
/* libc_xlocale.c: the table, limit and MB_CUR_MAX of the locale the calling
 * thread chose with uselocale; NULL and 0 while it uses the global one. */
const struct fbsd_rune_locale *shim_thread_runes(void);
int shim_thread_mb_sb_limit(void);
int shim_thread_mb_cur_max(void);
unsigned long shim____runetype(int c);
int shim____tolower(int c);
int shim____toupper(int c);
const struct fbsd_rune_locale *shim___getCurrentRuneLocale(void);
int shim____mb_cur_max(void);
int shim___maskrune(int c, unsigned long f);
int shim___sbmaskrune(int c, unsigned long f);
int shim___istype(int c, unsigned long f);
int shim___sbistype(int c, unsigned long f);
int shim___isctype(int c, unsigned long f);
int shim___toupper(int c);
int shim___sbtoupper(int c);
int shim___tolower(int c);
int shim___sbtolower(int c);
int shim___wcwidth(int c);
int shim_isalnum(int c);
int shim_isalpha(int c);
int shim_isblank(int c);
int shim_iscntrl(int c);
int shim_isdigit(int c);
int shim_isgraph(int c);
int shim_islower(int c);
int shim_isprint(int c);
int shim_ispunct(int c);
int shim_isspace(int c);
int shim_isupper(int c);
int shim_isxdigit(int c);
int shim_ishexnumber(int c);
int shim_isideogram(int c);
int shim_isnumber(int c);
int shim_isphonogram(int c);
int shim_isrune(int c);
int shim_isspecial(int c);
int shim_tolower(int c);
int shim_toupper(int c);
int shim_isascii(int c);
int shim_toascii(int c);
int shim_digittoint(int c);
int shim_iswalnum(int c);
int shim_iswalpha(int c);
int shim_iswblank(int c);
int shim_iswcntrl(int c);
int shim_iswdigit(int c);
int shim_iswgraph(int c);
int shim_iswlower(int c);
int shim_iswprint(int c);
int shim_iswpunct(int c);
int shim_iswspace(int c);
int shim_iswupper(int c);
int shim_iswxdigit(int c);
int shim_towlower(int c);
int shim_towupper(int c);

/* FreeBSD's struct lconv: the int_* fields in another order than glibc's. */
struct fbsd_lconv {
	char *decimal_point, *thousands_sep, *grouping, *int_curr_symbol, *currency_symbol,
	    *mon_decimal_point, *mon_thousands_sep, *mon_grouping, *positive_sign,
	    *negative_sign;
	char int_frac_digits, frac_digits, p_cs_precedes, p_sep_by_space, n_cs_precedes,
	    n_sep_by_space, p_sign_posn, n_sign_posn, int_p_cs_precedes, int_n_cs_precedes,
	    int_p_sep_by_space, int_n_sep_by_space, int_p_sign_posn, int_n_sign_posn;
};
char *shim_setlocale(int cat, const char *name);
struct fbsd_lconv *shim_localeconv(void);
char *shim_nl_langinfo(int item);
size_t shim_mbrtowc(int32_t *wc, const char *s, size_t n, void *ps);
size_t shim_wcrtomb(char *s, int32_t wc, void *ps);
size_t shim_mbstowcs(int32_t *dst, const char *src, size_t n);
size_t shim_wcstombs(char *dst, const int32_t *src, size_t n);
size_t shim_mbsrtowcs(int32_t *dst, const char **src, size_t n, void *ps);
size_t shim_wcsrtombs(char *dst, const int32_t **src, size_t n, void *ps);
int shim_mbtowc(int32_t *wc, const char *s, size_t n);
int shim_wctomb(char *s, int32_t wc);
int shim_mblen(const char *s, size_t n);
size_t shim_mbrlen(const char *s, size_t n, void *ps);
int shim_mbsinit(const void *ps);
int shim_btowc(int c);
int shim_wctob(int c);
int shim_wcwidth(int32_t c);

/* --- locale objects (libc_xlocale.c) ------------------------------------------ */
struct shim_xlocale;
struct tm;
struct shim_xlocale *shim_newlocale(int mask, const char *name, struct shim_xlocale *base);
struct shim_xlocale *shim_duplocale(struct shim_xlocale *x);
void shim_freelocale(struct shim_xlocale *x);
struct shim_xlocale *shim_uselocale(struct shim_xlocale *x);
const char *shim_querylocale(int mask, struct shim_xlocale *x);
const struct fbsd_rune_locale *shim___runes_for_locale(struct shim_xlocale *x, int *mb_sb_limit);
int shim____mb_cur_max_l(struct shim_xlocale *x);
int shim_strcoll_l(const char *a, const char *b, struct shim_xlocale *x);
size_t shim_strxfrm_l(char *dst, const char *src, size_t n, struct shim_xlocale *x);
int shim_wcscoll_l(const int32_t *a, const int32_t *b, struct shim_xlocale *x);
size_t shim_strftime_l(char *s, size_t max, const char *fmt, const struct tm *tm, struct shim_xlocale *x);
double shim_strtod_l(const char *s, char **end, struct shim_xlocale *x);
float shim_strtof_l(const char *s, char **end, struct shim_xlocale *x);
long double shim_strtold_l(const char *s, char **end, struct shim_xlocale *x);
long shim_strtol_l(const char *s, char **end, int base, struct shim_xlocale *x);
unsigned long shim_strtoul_l(const char *s, char **end, int base, struct shim_xlocale *x);
long long shim_strtoll_l(const char *s, char **end, int base, struct shim_xlocale *x);
unsigned long long shim_strtoull_l(const char *s, char **end, int base, struct shim_xlocale *x);
char *shim_nl_langinfo_l(int item, struct shim_xlocale *x);
struct fbsd_lconv *shim_localeconv_l(struct shim_xlocale *x);
size_t shim_mbrtowc_l(int32_t *wc, const char *s, size_t n, void *ps, struct shim_xlocale *x);
size_t shim_wcrtomb_l(char *s, int32_t wc, void *ps, struct shim_xlocale *x);
size_t shim_mbstowcs_l(int32_t *dst, const char *src, size_t n, struct shim_xlocale *x);
size_t shim_wcstombs_l(char *dst, const int32_t *src, size_t n, struct shim_xlocale *x);
int shim_vsnprintf_l(char *buf, size_t n, struct shim_xlocale *x, const char *fmt, va_list ap);
int shim_snprintf_l(char *buf, size_t n, struct shim_xlocale *x, const char *fmt, ...);
int shim_vasprintf_l(char **out, struct shim_xlocale *x, const char *fmt, va_list ap);
int shim_asprintf_l(char **out, struct shim_xlocale *x, const char *fmt, ...);
int shim_isalnum_l(int c, struct shim_xlocale *x);
int shim_isalpha_l(int c, struct shim_xlocale *x);
int shim_isblank_l(int c, struct shim_xlocale *x);
int shim_iscntrl_l(int c, struct shim_xlocale *x);
int shim_isdigit_l(int c, struct shim_xlocale *x);
int shim_isgraph_l(int c, struct shim_xlocale *x);
int shim_islower_l(int c, struct shim_xlocale *x);
int shim_isprint_l(int c, struct shim_xlocale *x);
int shim_ispunct_l(int c, struct shim_xlocale *x);
int shim_isspace_l(int c, struct shim_xlocale *x);
int shim_isupper_l(int c, struct shim_xlocale *x);
int shim_isxdigit_l(int c, struct shim_xlocale *x);
int shim_tolower_l(int c, struct shim_xlocale *x);
int shim_toupper_l(int c, struct shim_xlocale *x);
int shim_towlower_l(int c, struct shim_xlocale *x);
int shim_towupper_l(int c, struct shim_xlocale *x);

/* --- calendar time (libc_time2.c) ------------------------------------------------- */

struct tm;
extern char *shim_tzname[2];
void shim_tzset(void);
struct tm *shim_localtime(const int64_t *t);
struct tm *shim_localtime_r(const int64_t *t, struct tm *tm);
struct tm *shim_gmtime(const int64_t *t);
struct tm *shim_gmtime_r(const int64_t *t, struct tm *tm);
int64_t shim_mktime(struct tm *tm);
int64_t shim_timegm(struct tm *tm);
char *shim_ctime(const int64_t *t);
char *shim_ctime_r(const int64_t *t, char *buf);
size_t shim_strftime(char *s, size_t max, const char *fmt, const struct tm *tm);
int32_t shim_clock(void);
double shim_difftime(int64_t a, int64_t b);

/* --- odds and ends, regex (libc_misc.c, libc_regex.c) -------------------------------- */

void shim_err_set_file(void *fp);
void shim_err_set_exit(void (*fn)(int));
void shim_vwarnc(int code, const char *fmt, va_list ap);
void shim_vwarnx(const char *fmt, va_list ap);
void shim_vwarn(const char *fmt, va_list ap);
void shim_verrc(int eval, int code, const char *fmt, va_list ap) __attribute__((noreturn));
void shim_verrx(int eval, const char *fmt, va_list ap) __attribute__((noreturn));
void shim_verr(int eval, const char *fmt, va_list ap) __attribute__((noreturn));
void shim_warn(const char *fmt, ...);
void shim_warnx(const char *fmt, ...);
void shim_warnc(int code, const char *fmt, ...);
void shim_err(int eval, const char *fmt, ...) __attribute__((noreturn));
void shim_errx(int eval, const char *fmt, ...) __attribute__((noreturn));
void shim_errc(int eval, int code, const char *fmt, ...) __attribute__((noreturn));
long long shim_strtonum(const char *s, long long min, long long max, const char **errstr);
char *shim_basename(char *path);
char *shim_dirname(char *path);
int shim_gethostname(char *name, size_t len);
char *shim_ttyname(int fd);
int shim_ttyname_r(int fd, char *buf, size_t len);
int shim_getentropy(void *buf, size_t len);
int shim_getpagesize(void);
int shim_getosreldate(void);
int shim___xuname(int size, void *buf);
int shim_uname(void *buf);
long shim_sysconf(int name);
int shim_fnmatch(const char *pattern, const char *s, int flags);
struct fbsd_regex;
struct fbsd_regmatch;
int shim_regcomp(struct fbsd_regex *re, const char *pattern, int flags);
int shim_regexec(const struct fbsd_regex *re, const char *s, size_t n, struct fbsd_regmatch *m,
    int flags);
void shim_regfree(struct fbsd_regex *re);
size_t shim_regerror(int code, const struct fbsd_regex *re, char *buf, size_t size);

/* --- the runtime linker's services (libc_dlfcn.c) ----------------------------
 * Stand-ins, as FreeBSD libc's weak stubs: uxrun's runtime linker binds
 * imports of these names to its own (loader/rtld_dl.c). */
void shim__rtld_error(const char *fmt, ...);
int shim_dladdr(const void *addr, void *info);
int shim_dlclose(void *handle);
char *shim_dlerror(void);
void shim_dllockinit(void *ctx, void *a, void *b, void *c, void *d, void *e, void (*ctx_destroy)(void *));
void *shim_dlopen(const char *name, int mode);
void *shim_fdlopen(int fd, int mode);
void *shim_dlsym(void *handle, const char *name);
void *shim_dlvsym(void *handle, const char *name, const char *version);
int shim_dlinfo(void *handle, int request, void *p);
int shim_dl_iterate_phdr(int (*cb)(void *, size_t, void *), void *arg);
int shim__rtld_addr_phdr(const void *addr, void *info);
int shim__rtld_get_stack_prot(void);
int shim__rtld_is_dlopened(void *arg);
void shim__rtld_nop(void);
void *shim___tls_get_addr(void *ti);

/* --- signals, processes, sockets (libc_signal.c, libc_proc.c, libc_socket.c,
 * libc_setjmp.S) and the pthread functions libc.so.7 exports (libthr_*.c) -- */

#include "libshim/freebsd/libthr_shim.h"

struct uxcall;
struct fbsd_sigaction;
struct fbsd_siginfo;
/* A struct uxcall for the calling guest thread, as if it made system call
 * nr: libshim calls the system-call handlers with it. */
void shim_uxcall_init(struct uxcall *c, uint64_t nr);
struct fbsd_pollfd;
int shim_poll(struct fbsd_pollfd *fds, unsigned nfds, int timeout);
int shim_ioctl(int fd, unsigned long com, ...);
int shim_select(int nd, void *in, void *ou, void *ex, struct fbsd_timeval *tv);

int shim_sigaction(int sig, const struct fbsd_sigaction *act, struct fbsd_sigaction *oact);
void (*shim_signal(int sig, void (*fn)(int)))(int);
int shim_siginterrupt(int sig, int flag);
int shim_sigprocmask(int how, const struct fbsd_sigset *set, struct fbsd_sigset *oset);
int shim_sigpending(struct fbsd_sigset *set);
int shim_sigsuspend(const struct fbsd_sigset *set);
int shim_sigwait(const struct fbsd_sigset *set, int *sig);
int shim_sigwaitinfo(const struct fbsd_sigset *set, struct fbsd_siginfo *info);
int shim_sigtimedwait(const struct fbsd_sigset *set, struct fbsd_siginfo *info,
    const struct fbsd_timespec *timeout);
int shim_sigaltstack(const void *ss, void *oss);
int shim_pause(void);
unsigned shim_alarm(unsigned secs);
int64_t shim_ualarm(int64_t usecs, int64_t interval);
int shim_kill(int pid, int sig);
int shim_killpg(int pgrp, int sig);
int shim_raise(int sig);
int shim_sigqueue(int pid, int sig, uint64_t value);
int shim_sigemptyset(struct fbsd_sigset *s);
int shim_sigfillset(struct fbsd_sigset *s);
int shim_sigaddset(struct fbsd_sigset *s, int sig);
int shim_sigdelset(struct fbsd_sigset *s, int sig);
int shim_sigismember(const struct fbsd_sigset *s, int sig);
int shim_sigisemptyset(const struct fbsd_sigset *s);
int shim_sigandset(struct fbsd_sigset *d, const struct fbsd_sigset *a, const struct fbsd_sigset *b);
int shim_sigorset(struct fbsd_sigset *d, const struct fbsd_sigset *a, const struct fbsd_sigset *b);
char *shim_strsignal(int sig);
void shim_psignal(int sig, const char *s);
/* libc_setjmp.S: FreeBSD's jmp_buf; bound without trampolines. */
int shim_setjmp(long *jb);
int shim__setjmp(long *jb);
int shim_sigsetjmp(long *jb, int savemask);
void shim_longjmp(long *jb, int val) __attribute__((noreturn));
void shim__longjmp(long *jb, int val) __attribute__((noreturn));
void shim_siglongjmp(long *jb, int val) __attribute__((noreturn));

pid_t shim_fork(void);
pid_t shim_vfork(void);
int shim_execve(const char *path, char *const argv[], char *const envp[]);
int shim_execv(const char *path, char *const argv[]);
int shim_execvp(const char *file, char *const argv[]);
int shim_execvP(const char *file, const char *path, char *const argv[]);
int shim_execl(const char *path, const char *arg0, ...);
int shim_execle(const char *path, const char *arg0, ...);
int shim_execlp(const char *file, const char *arg0, ...);
int shim_fexecve(int fd, char *const argv[], char *const envp[]);
int shim_wait(int *status);
int shim_waitpid(int pid, int *status, int options);
int shim_wait3(int *status, int options, struct fbsd_rusage *ru);
int shim_wait4(int pid, int *status, int options, struct fbsd_rusage *ru);
int shim_wait6(int idtype, int64_t id, int *status, int options, void *wru, void *info);
int shim_waitid(int idtype, int64_t id, void *info, int options);
int shim_setsid(void);
int shim_setpgid(int pid, int pgid);
int shim_getpgrp(void);
int shim_getpgid(int pid);
int shim_getsid(int pid);
int shim_setpgrp(int pid, int pgrp);
int shim_system(const char *command);
struct shim_spawn_fa;
struct shim_spawnattr;
int shim_posix_spawn(int *pid, const char *path, const struct shim_spawn_fa *const *fa,
    const struct shim_spawnattr *const *attr, char *const argv[], char *const envp[]);
int shim_posix_spawnp(int *pid, const char *file, const struct shim_spawn_fa *const *fa,
    const struct shim_spawnattr *const *attr, char *const argv[], char *const envp[]);
int shim_posix_spawn_file_actions_init(struct shim_spawn_fa **fa);
int shim_posix_spawn_file_actions_destroy(struct shim_spawn_fa **fa);
int shim_posix_spawn_file_actions_addopen(struct shim_spawn_fa **fa, int fd, const char *path,
    int oflag, int mode);
int shim_posix_spawn_file_actions_adddup2(struct shim_spawn_fa **fa, int fd, int newfd);
int shim_posix_spawn_file_actions_addclose(struct shim_spawn_fa **fa, int fd);
int shim_posix_spawn_file_actions_addchdir_np(struct shim_spawn_fa **fa, const char *path);
int shim_posix_spawn_file_actions_addfchdir_np(struct shim_spawn_fa **fa, int fd);
int shim_posix_spawn_file_actions_addclosefrom_np(struct shim_spawn_fa **fa, int from);
int shim_posix_spawnattr_init(struct shim_spawnattr **a);
int shim_posix_spawnattr_destroy(struct shim_spawnattr **a);
int shim_posix_spawnattr_getflags(struct shim_spawnattr *const *a, short *v);
int shim_posix_spawnattr_setflags(struct shim_spawnattr **a, short v);
int shim_posix_spawnattr_getpgroup(struct shim_spawnattr *const *a, int *v);
int shim_posix_spawnattr_setpgroup(struct shim_spawnattr **a, int v);
int shim_posix_spawnattr_getschedparam(struct shim_spawnattr *const *a, struct fbsd_sched_param *v);
int shim_posix_spawnattr_setschedparam(struct shim_spawnattr **a, const struct fbsd_sched_param *v);
int shim_posix_spawnattr_getschedpolicy(struct shim_spawnattr *const *a, int *v);
int shim_posix_spawnattr_setschedpolicy(struct shim_spawnattr **a, int v);
int shim_posix_spawnattr_getsigdefault(struct shim_spawnattr *const *a, struct fbsd_sigset *v);
int shim_posix_spawnattr_setsigdefault(struct shim_spawnattr **a, const struct fbsd_sigset *v);
int shim_posix_spawnattr_getsigmask(struct shim_spawnattr *const *a, struct fbsd_sigset *v);
int shim_posix_spawnattr_setsigmask(struct shim_spawnattr **a, const struct fbsd_sigset *v);

int shim_socket(int domain, int type, int protocol);
int shim_socketpair(int domain, int type, int protocol, int *sv);
int shim_bind(int s, const void *addr, uint32_t len);
int shim_connect(int s, const void *addr, uint32_t len);
int shim_listen(int s, int backlog);
int shim_accept(int s, void *addr, uint32_t *len);
int shim_accept4(int s, void *addr, uint32_t *len, int flags);
int shim_getsockname(int s, void *addr, uint32_t *len);
int shim_getpeername(int s, void *addr, uint32_t *len);
int shim_setsockopt(int s, int level, int name, const void *val, uint32_t len);
int shim_getsockopt(int s, int level, int name, void *val, uint32_t *len);
ssize_t shim_send(int s, const void *buf, size_t len, int flags);
ssize_t shim_sendto(int s, const void *buf, size_t len, int flags, const void *to, uint32_t tolen);
ssize_t shim_recv(int s, void *buf, size_t len, int flags);
ssize_t shim_recvfrom(int s, void *buf, size_t len, int flags, void *from, uint32_t *fromlen);
ssize_t shim_sendmsg(int s, const void *msg, int flags);
ssize_t shim_recvmsg(int s, void *msg, int flags);
int shim_shutdown(int s, int how);
int shim_inet_pton(int af, const char *src, void *dst);
const char *shim_inet_ntop(int af, const void *src, char *dst, uint32_t size);
struct fbsd_addrinfo;
struct hostent;
int shim_getaddrinfo(const char *node, const char *service, const struct fbsd_addrinfo *hints,
    struct fbsd_addrinfo **res);
void shim_freeaddrinfo(struct fbsd_addrinfo *ai);
const char *shim_gai_strerror(int e);
int shim_getnameinfo(const void *sa, uint32_t salen, char *host, size_t hostlen, char *serv,
    size_t servlen, int flags);
int *shim___h_errno(void);
struct hostent *shim_gethostbyname(const char *name);
struct hostent *shim_gethostbyname2(const char *name, int af);
struct hostent *shim_gethostbyaddr(const void *addr, uint32_t len, int af);
const char *shim_hstrerror(int e);
int shim_sched_yield(void);
int shim_sched_get_priority_max(int policy);
int shim_sched_get_priority_min(int policy);
int shim_sched_getscheduler(int pid);
int shim_sched_setscheduler(int pid, int policy, const void *param);
int shim_sched_getparam(int pid, void *param);
int shim_sched_setparam(int pid, const void *param);
int shim_sched_rr_get_interval(int pid, struct fbsd_timespec *ts);
int shim_cpuset_getaffinity(int level, int which, int64_t id, size_t size, void *mask);
int shim_cpuset_setaffinity(int level, int which, int64_t id, size_t size, const void *mask);
int shim_cpuset_getdomain(int level, int which, int64_t id, size_t size, void *mask, int *policy);
int shim__umtx_op(void *obj, int op, unsigned long val, void *uaddr1, void *uaddr2);
int shim_getrusage(int who, struct fbsd_rusage *ru);
struct fbsd_sem;
int shim_sem_init(struct fbsd_sem *s, int pshared, unsigned value);
struct fbsd_sem *shim_sem_open(const char *name, int flags, ...);
int shim_sem_close(struct fbsd_sem *s);
int shim_sem_unlink(const char *name);
int shim_sem_destroy(struct fbsd_sem *s);
int shim_sem_getvalue(struct fbsd_sem *s, int *value);
int shim_sem_post(struct fbsd_sem *s);
int shim_sem_trywait(struct fbsd_sem *s);
int shim_sem_wait(struct fbsd_sem *s);
int shim_sem_timedwait(struct fbsd_sem *s, const struct fbsd_timespec *abstime);
int shim_sem_clockwait_np(struct fbsd_sem *s, int clock, int flags, const struct fbsd_timespec *rqtp,
    struct fbsd_timespec *rmtp);

/* --- numbers FreeBSD keeps in libc (libc_math.c) ---------------------------- */
int shim___fpclassifyd(double x);
int shim___fpclassifyf(float x);
int shim___fpclassifyl(long double x);

/* --- memory mappings, sysctl, getrandom (libc_vm.c) ------------------------- */
void *shim_mmap(void *addr, size_t len, int prot, int flags, int fd, int64_t pos);
int shim_munmap(void *addr, size_t len);
int shim_mprotect(void *addr, size_t len, int prot);
int shim_madvise(void *addr, size_t len, int behav);
int shim_posix_madvise(void *addr, size_t len, int behav);
int shim_sysctl(const int *name, unsigned namelen, void *old, size_t *oldlenp, const void *new, size_t newlen);
int shim_sysctlbyname(const char *name, void *old, size_t *oldlenp, const void *new, size_t newlen);
ssize_t shim_getrandom(void *buf, size_t len, unsigned flags);

/* --- the password database (libc_pwd.c) ------------------------------------ */
/* FreeBSD's struct passwd (<pwd.h>). */
struct fbsd_passwd {
	char *pw_name;
	char *pw_passwd;
	uint32_t pw_uid;
	uint32_t pw_gid;
	int64_t pw_change;
	char *pw_class;
	char *pw_gecos;
	char *pw_dir;
	char *pw_shell;
	int64_t pw_expire;
	int pw_fields;
};
_Static_assert(sizeof(struct fbsd_passwd) == 80, "FreeBSD's struct passwd is 80 bytes");
int shim_getpwuid_r(uint32_t uid, struct fbsd_passwd *pwd, char *buf, size_t len, struct fbsd_passwd **result);
int shim_getpwnam_r(const char *name, struct fbsd_passwd *pwd, char *buf, size_t len,
    struct fbsd_passwd **result);
struct fbsd_passwd *shim_getpwuid(uint32_t uid);
struct fbsd_passwd *shim_getpwnam(const char *name);

#endif
