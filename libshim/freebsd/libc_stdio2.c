/*
 * The rest of stdio over glibc's streams: scanf, line readers, positions,
 * buffering with FreeBSD's BUFSIZ, temporary files, pipes to commands.
 * va_list is the same SysV x86-64 object on both sides, so the v-forms
 * pass it straight on.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdio_ext.h>
#include <sys/stat.h>

#include "libshim/freebsd/libc_shim.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/hostfd.h"

/* --- scanf ----------------------------------------------------------------------- */

/* EOF is both "input ended" and "input failed": errno tells, so glibc's
 * is cleared first and only a real failure reaches the guest's. */
static int
scanned(int r)
{
	if (r == EOF && errno != 0)
		shim_errno_sync();
	return r;
}

int
shim_vfscanf(FILE *f, const char *fmt, va_list ap)
{
	errno = 0;
	return scanned(vfscanf(f, fmt, ap));
}

int
shim_vscanf(const char *fmt, va_list ap)
{
	return shim_vfscanf(stdin, fmt, ap);
}

int
shim_vsscanf(const char *s, const char *fmt, va_list ap)
{
	errno = 0;
	return scanned(vsscanf(s, fmt, ap));
}

int
shim_fscanf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = shim_vfscanf(f, fmt, ap);
	va_end(ap);
	return r;
}

int
shim_scanf(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = shim_vfscanf(stdin, fmt, ap);
	va_end(ap);
	return r;
}

int
shim_sscanf(const char *s, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = shim_vsscanf(s, fmt, ap);
	va_end(ap);
	return r;
}

/* --- lines ------------------------------------------------------------------------ */

ssize_t
shim_getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	ssize_t r;

	if (!line || !cap) {
		shim_errno = FBSD_EINVAL;
		return -1;
	}
	errno = 0;
	r = getdelim(line, cap, delim, f);
	if (r < 0 && errno != 0)
		shim_errno_sync();
	return r;
}

ssize_t
shim_getline(char **line, size_t *cap, FILE *f)
{
	return shim_getdelim(line, cap, '\n', f);
}

/* FreeBSD keeps the line in the stream until the next read; here each
 * stream gets a buffer of its own, found by its address, kept for the
 * process (a stream opened later at the same address reuses it). */
struct line_buf {
	FILE *f;
	char *buf;
	size_t cap;
	struct line_buf *next;
};

char *
shim_fgetln(FILE *f, size_t *len)
{
	static struct line_buf *bufs;
	struct line_buf *b;
	ssize_t n;

	flockfile(f);
	for (b = bufs; b && b->f != f; b = b->next)
		;
	if (!b) {
		if (!(b = calloc(1, sizeof(*b)))) {
			funlockfile(f);
			shim_errno = FBSD_ENOMEM;
			return NULL;
		}
		b->f = f;
		b->next = __atomic_load_n(&bufs, __ATOMIC_ACQUIRE);
		while (!__atomic_compare_exchange_n(&bufs, &b->next, b, 0, __ATOMIC_RELEASE,
		    __ATOMIC_ACQUIRE))
			;
	}
	errno = 0;
	n = getline(&b->buf, &b->cap, f);
	funlockfile(f);
	if (n <= 0) {
		if (errno != 0)
			shim_errno_sync();
		*len = 0;
		return NULL;
	}
	*len = (size_t)n;
	return b->buf;
}

/* --- positions --------------------------------------------------------------------- */

/* FreeBSD's fpos_t is an off_t; glibc's is a structure. */
int
shim_fgetpos(FILE *f, int64_t *pos)
{
	off_t o = ftello(f);

	if (o < 0)
		return shim_ret(-1);
	*pos = o;
	return 0;
}

int
shim_fsetpos(FILE *f, const int64_t *pos)
{
	return shim_ret(fseeko(f, *pos, SEEK_SET));
}

/* --- buffering --------------------------------------------------------------------- */

/* glibc's setbuf assumes its own BUFSIZ (8192); FreeBSD's buffer is 1024. */
void
shim_setbuf(FILE *f, char *buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, FBSD_BUFSIZ);
}

void
shim_setbuffer(FILE *f, char *buf, int size)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, buf ? (size_t)size : 0);
}

int
shim_setlinebuf(FILE *f)
{
	return shim_ret(setvbuf(f, NULL, _IOLBF, 0));
}

int
shim_fpurge(FILE *f)
{
	__fpurge(f);
	return 0;
}

/* --- reopening, temporary files ------------------------------------------------------ */

FILE *
shim_freopen(const char *path, const char *mode, FILE *f)
{
	return shim_retp(freopen(path, mode, f));
}

static int
checked_fd(int fd)
{
	if (fd >= 0 && ux_fd_is_host(fd)) {
		close(fd);
		shim_errno = FBSD_EMFILE;
		return -1;
	}
	return shim_ret(fd);
}

int
shim_mkstemp(char *tmpl)
{
	return checked_fd(mkstemp(tmpl));
}

int
shim_mkstemps(char *tmpl, int suffixlen)
{
	return checked_fd(mkstemps(tmpl, suffixlen));
}

/* Flags beyond O_RDWR|O_CREAT|O_EXCL, in FreeBSD's values. */
int
shim_mkostemp(char *tmpl, int flags)
{
	return checked_fd(mkostemp(tmpl, fbsd_to_linux_oflags(flags)));
}

int
shim_mkostemps(char *tmpl, int suffixlen, int flags)
{
	return checked_fd(mkostemps(tmpl, suffixlen, fbsd_to_linux_oflags(flags)));
}

char *
shim_mkdtemp(char *tmpl)
{
	return shim_retp(mkdtemp(tmpl));
}

/* FreeBSD's _gettemp for a name only: the trailing Xs become letters and
 * digits until no such file exists. */
static char *
fill_template(char *tmpl)
{
	static const char set[] =
	    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
	size_t len = strlen(tmpl), nx = 0;
	struct stat st;

	while (nx < len && tmpl[len - 1 - nx] == 'X')
		nx++;
	for (int tries = 0; tries < 1000; tries++) {
		for (size_t i = len - nx; i < len; i++)
			tmpl[i] = set[arc4random_uniform(sizeof(set) - 1)];
		if (lstat(tmpl, &st) != 0)
			return errno == ENOENT ? tmpl : shim_retp(NULL);
		if (nx == 0)
			break;
	}
	shim_errno = FBSD_EEXIST;
	return NULL;
}

char *
shim_mktemp(char *tmpl)
{
	return fill_template(tmpl);
}

FILE *
shim_tmpfile(void)
{
	return shim_retp(tmpfile());
}

/* FreeBSD's: "/tmp/tmp.N.XXXXXX" in a buffer of L_tmpnam (1024) bytes. */
char *
shim_tmpnam(char *buf)
{
	static char own[FBSD_PATH_MAX];
	static unsigned long count;

	if (!buf)
		buf = own;
	snprintf(buf, FBSD_PATH_MAX, "/tmp/tmp.%lu.XXXXXX", __atomic_fetch_add(&count, 1,
	    __ATOMIC_RELAXED));
	return fill_template(buf);
}

/* TMPDIR first, then dir, then /tmp/; the name is malloc'ed. */
char *
shim_tempnam(const char *dir, const char *pfx)
{
	const char *where[3] = { getenv("TMPDIR"), dir, "/tmp/" };

	if (!pfx)
		pfx = "tmp.";
	for (int i = 0; i < 3; i++) {
		const char *d = where[i];
		char *name;

		if (!d || !*d)
			continue;
		if (asprintf(&name, "%s%s%sXXXXXX", d, d[strlen(d) - 1] == '/' ? "" : "/", pfx) < 0) {
			shim_errno = FBSD_ENOMEM;
			return NULL;
		}
		if (fill_template(name))
			return name;
		free(name);
	}
	return NULL;
}

/* --- commands ----------------------------------------------------------------------- */

/* The command runs under the host's /bin/sh, as any native program the
 * guest starts does. */
FILE *
shim_popen(const char *cmd, const char *mode)
{
	return shim_retp(popen(cmd, mode));
}

/* A wait status: exit codes encode alike; signal numbers are FreeBSD's. */
int
shim_wait_status(int st)
{
	if (WIFSIGNALED(st)) {
		int g = linux_to_fbsd_signo(WTERMSIG(st));

		return (st & ~0x7f) | (g > 0 ? g : WTERMSIG(st));
	}
	if (WIFSTOPPED(st)) {
		int g = linux_to_fbsd_signo(WSTOPSIG(st));

		return (st & 0xff) | ((g > 0 ? g : WSTOPSIG(st)) << 8);
	}
	return st;
}

int
shim_pclose(FILE *f)
{
	int r = pclose(f);

	if (r == -1)
		return shim_ret(-1);
	return shim_wait_status(r);
}
