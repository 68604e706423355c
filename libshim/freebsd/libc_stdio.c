/*
 * stdio over glibc's streams.  FreeBSD's printf formats are glibc's for what
 * C programs use; what differs is errno, which failing calls hand over in
 * FreeBSD's numbers, and %m, which prints the guest's errno.
 *
 * End of file and an error look alike to fgets, fgetc and fread: glibc's
 * errno is cleared first, so only a real failure reaches the guest's.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "libshim/freebsd/libc_shim.h"
#include "syscalls/convert.h"
#include "syscalls/freebsd/fbsd_consts.h"
#include "syscalls/hostfd.h"

/* With it set, FreeBSD's getc, putc, feof ... macros call the functions. */
int shim_isthreaded = 1;

/* %m prints strerror(errno): glibc's errno must hold the guest's. */
static void
errno_for_format(void)
{
	errno = shim_errno_to_host(shim_errno);
}

int
shim_vfprintf(FILE *f, const char *fmt, va_list ap)
{
	errno_for_format();
	return shim_ret(vfprintf(f, fmt, ap));
}

int
shim_fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = shim_vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int
shim_vprintf(const char *fmt, va_list ap)
{
	return shim_vfprintf(stdout, fmt, ap);
}

int
shim_printf(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = shim_vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

int
shim_vdprintf(int fd, const char *fmt, va_list ap)
{
	if (ux_fd_is_host(fd)) {
		shim_errno = FBSD_EBADF;
		return -1;
	}
	errno_for_format();
	return shim_ret(vdprintf(fd, fmt, ap));
}

int
shim_dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = shim_vdprintf(fd, fmt, ap);
	va_end(ap);
	return r;
}

int
shim_vsprintf(char *buf, const char *fmt, va_list ap)
{
	errno_for_format();
	return shim_ret(vsprintf(buf, fmt, ap));
}

int
shim_sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = shim_vsprintf(buf, fmt, ap);
	va_end(ap);
	return r;
}

int
shim_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
	errno_for_format();
	return shim_ret(vsnprintf(buf, n, fmt, ap));
}

int
shim_snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = shim_vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

/* FreeBSD's leaves *out NULL on failure; glibc's leaves it undefined. */
int
shim_vasprintf(char **out, const char *fmt, va_list ap)
{
	int r;

	errno_for_format();
	r = vasprintf(out, fmt, ap);
	if (r < 0) {
		*out = NULL;
		shim_errno_sync();
	}
	return r;
}

int
shim_asprintf(char **out, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = shim_vasprintf(out, fmt, ap);
	va_end(ap);
	return r;
}

int
shim_puts(const char *s)
{
	return shim_ret(puts(s));
}

int
shim_fputs(const char *s, FILE *f)
{
	return shim_ret(fputs(s, f));
}

int
shim_fputc(int c, FILE *f)
{
	return shim_ret(fputc(c, f));
}

int
shim_putchar(int c)
{
	return shim_ret(fputc(c, stdout));
}

size_t
shim_fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	size_t r = fwrite(p, size, n, f);

	if (size != 0 && r < n)
		shim_errno_sync();
	return r;
}

int
shim_fflush(FILE *f)
{
	return shim_ret(fflush(f));
}

char *
shim_fgets(char *s, int n, FILE *f)
{
	char *r;

	errno = 0;
	r = fgets(s, n, f);
	if (!r && errno != 0)
		shim_errno_sync();
	return r;
}

int
shim_fgetc(FILE *f)
{
	int r;

	errno = 0;
	r = fgetc(f);
	if (r == EOF && errno != 0)
		shim_errno_sync();
	return r;
}

int
shim_getchar(void)
{
	return shim_fgetc(stdin);
}

size_t
shim_fread(void *p, size_t size, size_t n, FILE *f)
{
	size_t r;

	errno = 0;
	r = fread(p, size, n, f);
	if (r < n && errno != 0)
		shim_errno_sync();
	return r;
}

FILE *
shim_fopen(const char *path, const char *mode)
{
	return shim_retp(fopen(path, mode));
}

FILE *
shim_fdopen(int fd, const char *mode)
{
	if (ux_fd_is_host(fd)) {
		shim_errno = FBSD_EBADF;
		return NULL;
	}
	return shim_retp(fdopen(fd, mode));
}

int
shim_fclose(FILE *f)
{
	return shim_ret(fclose(f));
}

int
shim_fileno(FILE *f)
{
	return shim_ret(fileno(f));
}

/* _IOFBF, _IOLBF and _IONBF are 0, 1 and 2 on both systems. */
int
shim_setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	return shim_ret(setvbuf(f, buf, mode, size));
}

static int
host_whence(int whence, int *out)
{
	uint64_t h;

	if (ux_enum_to_host(&fbsd_whence_tab, (uint64_t)(uint32_t)whence, &h) != 0) {
		shim_errno = FBSD_EINVAL;
		return -1;
	}
	*out = (int)h;
	return 0;
}

int
shim_fseeko(FILE *f, int64_t off, int whence)
{
	int w;

	if (host_whence(whence, &w) != 0)
		return -1;
	return shim_ret(fseeko(f, off, w));
}

int
shim_fseek(FILE *f, long off, int whence)
{
	return shim_fseeko(f, off, whence);
}

int64_t
shim_ftello(FILE *f)
{
	return shim_retl(ftello(f));
}

long
shim_ftell(FILE *f)
{
	return shim_retl(ftell(f));
}

void
shim_rewind(FILE *f)
{
	errno = 0;
	rewind(f);
	if (errno != 0)
		shim_errno_sync();
}

int
shim_remove(const char *path)
{
	return shim_ret(remove(path));
}
