/*
 * Buffered streams. stdout is line buffered on a terminal and fully
 * buffered otherwise (decided at first output); stderr is unbuffered;
 * exit() flushes everything.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"
#include "uxrt.h"

#define STDIO_BUFSIZE 4096

static unsigned char stdin_buf[STDIO_BUFSIZE], stdout_buf[STDIO_BUFSIZE];

static FILE f_stderr = {
	.fd = 2, .flags = UXRT_F_WR | UXRT_F_STATIC, .bufmode = _IONBF,
};
static FILE f_stdout = {
	.fd = 1, .flags = UXRT_F_WR | UXRT_F_STATIC, .bufmode = -1,
	.buf = stdout_buf, .size = sizeof(stdout_buf), .next = &f_stderr,
};
static FILE f_stdin = {
	.fd = 0, .flags = UXRT_F_RD | UXRT_F_STATIC, .bufmode = -1,
	.buf = stdin_buf, .size = sizeof(stdin_buf), .next = &f_stdout,
};

FILE *__stdinp = &f_stdin;
FILE *__stdoutp = &f_stdout;
FILE *__stderrp = &f_stderr;

static FILE *all_files = &f_stdin;

static int
write_all(FILE *f, const unsigned char *p, size_t n, size_t *done)
{
	*done = 0;
	while (*done < n) {
		ssize_t r = write(f->fd, p + *done, n - *done);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			f->flags |= UXRT_F_ERR;
			return EOF;
		}
		*done += (size_t)r;
	}
	return 0;
}

static int
flush_out(FILE *f)
{
	size_t done;
	int r = write_all(f, f->buf, f->wlen, &done);

	/* On error the unwritten rest is dropped; the stream stays in error. */
	f->wlen = 0;
	return r;
}

/* Gives back read-ahead so the descriptor's offset matches the stream's. */
static void
drop_input(FILE *f)
{
	if (f->rlen > f->rpos)
		lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR);
	f->rpos = f->rlen = 0;
}

static int
ensure_buffer(FILE *f)
{
	if (f->buf != NULL || f->bufmode == _IONBF)
		return 0;
	f->buf = malloc(STDIO_BUFSIZE);
	if (f->buf == NULL) {
		f->bufmode = _IONBF;
		return 0;
	}
	f->size = STDIO_BUFSIZE;
	f->flags |= UXRT_F_OWNBUF;
	return 0;
}

int
__uxrt_to_write(FILE *f)
{
	if (!(f->flags & UXRT_F_WR)) {
		f->flags |= UXRT_F_ERR;
		errno = EBADF;
		return -1;
	}
	if (f->state == UXRT_READING)
		drop_input(f);
	f->state = UXRT_WRITING;
	if (f->bufmode < 0)
		f->bufmode = isatty(f->fd) ? _IOLBF : _IOFBF;
	return ensure_buffer(f);
}

size_t
__uxrt_fwrite_bytes(FILE *f, const void *p, size_t n)
{
	size_t done;

	if (n == 0)
		return 0;
	if (__uxrt_to_write(f) != 0)
		return 0;
	if (f->bufmode == _IONBF || f->buf == NULL) {
		if (f->wlen > 0 && flush_out(f) != 0)
			return 0;
		write_all(f, p, n, &done);
		return done;
	}
	if (n > f->size - f->wlen && flush_out(f) != 0)
		return 0;
	if (n >= f->size) {
		write_all(f, p, n, &done);
		return done;
	}
	memcpy(f->buf + f->wlen, p, n);
	f->wlen += n;
	if (f->bufmode == _IOLBF && memchr(p, '\n', n) != NULL && flush_out(f) != 0)
		return 0;
	return n;
}

static int
to_read(FILE *f)
{
	if (!(f->flags & UXRT_F_RD)) {
		f->flags |= UXRT_F_ERR;
		errno = EBADF;
		return -1;
	}
	if (f->state == UXRT_WRITING && f->wlen > 0 && flush_out(f) != 0)
		return -1;
	f->state = UXRT_READING;
	if (f->bufmode < 0)
		f->bufmode = _IOFBF;
	if (f->buf == NULL && f->bufmode == _IONBF)
		f->bufmode = _IOFBF;	/* input always reads ahead */
	return ensure_buffer(f);
}

static int
refill(FILE *f)
{
	ssize_t r;

	/* Interactive convention: asking for input shows pending prompts. */
	if (f_stdout.bufmode == _IOLBF && f_stdout.wlen > 0)
		flush_out(&f_stdout);
	if (f->buf == NULL) {
		errno = ENOMEM;
		f->flags |= UXRT_F_ERR;
		return EOF;
	}
	do
		r = read(f->fd, f->buf, f->size);
	while (r < 0 && errno == EINTR);
	if (r <= 0) {
		f->flags |= r == 0 ? UXRT_F_EOF : UXRT_F_ERR;
		return EOF;
	}
	f->rpos = 0;
	f->rlen = (size_t)r;
	return 0;
}

int
fgetc(FILE *f)
{
	if (to_read(f) != 0)
		return EOF;
	if (f->rpos == f->rlen && refill(f) != 0)
		return EOF;
	return f->buf[f->rpos++];
}

int
getc(FILE *f)
{
	return fgetc(f);
}

int
getchar(void)
{
	return fgetc(stdin);
}

size_t
fread(void *buf, size_t size, size_t n, FILE *f)
{
	unsigned char *d = buf;
	size_t want, got = 0;

	if (size == 0 || n == 0)
		return 0;
	if (n > (size_t)-1 / size) {
		errno = EINVAL;
		return 0;
	}
	want = size * n;
	if (to_read(f) != 0)
		return 0;
	while (got < want) {
		size_t avail = f->rlen - f->rpos, k;

		if (avail == 0) {
			if (want - got >= f->size) {
				ssize_t r = read(f->fd, d + got, want - got);

				if (r < 0 && errno == EINTR)
					continue;
				if (r <= 0) {
					f->flags |= r == 0 ? UXRT_F_EOF : UXRT_F_ERR;
					break;
				}
				got += (size_t)r;
				continue;
			}
			if (refill(f) != 0)
				break;
			avail = f->rlen - f->rpos;
		}
		k = avail < want - got ? avail : want - got;
		memcpy(d + got, f->buf + f->rpos, k);
		f->rpos += k;
		got += k;
	}
	return got / size;
}

char *
fgets(char *s, int n, FILE *f)
{
	int i = 0;

	if (n <= 0 || to_read(f) != 0)
		return NULL;
	while (i < n - 1) {
		unsigned char *nl;
		size_t avail, k;

		if (f->rpos == f->rlen && refill(f) != 0)
			break;
		avail = f->rlen - f->rpos;
		k = (size_t)(n - 1 - i) < avail ? (size_t)(n - 1 - i) : avail;
		nl = memchr(f->buf + f->rpos, '\n', k);
		if (nl != NULL)
			k = (size_t)(nl - (f->buf + f->rpos)) + 1;
		memcpy(s + i, f->buf + f->rpos, k);
		f->rpos += k;
		i += (int)k;
		if (nl != NULL)
			break;
	}
	if (i == 0)
		return NULL;
	s[i] = '\0';
	return s;
}

size_t
fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
	if (size == 0 || n == 0)
		return 0;
	if (n > (size_t)-1 / size) {
		errno = EINVAL;
		return 0;
	}
	return __uxrt_fwrite_bytes(f, buf, size * n) / size;
}

int
fputc(int c, FILE *f)
{
	unsigned char ch = (unsigned char)c;

	return __uxrt_fwrite_bytes(f, &ch, 1) == 1 ? ch : EOF;
}

int
putc(int c, FILE *f)
{
	return fputc(c, f);
}

int
putchar(int c)
{
	return fputc(c, stdout);
}

int
fputs(const char *s, FILE *f)
{
	size_t n = strlen(s);

	return __uxrt_fwrite_bytes(f, s, n) == n ? 0 : EOF;
}

int
puts(const char *s)
{
	if (fputs(s, stdout) == EOF)
		return EOF;
	return fputc('\n', stdout) == EOF ? EOF : 0;
}

int
fflush(FILE *f)
{
	int r = 0;

	if (f == NULL) {
		for (f = all_files; f != NULL; f = f->next)
			if (f->state == UXRT_WRITING && f->wlen > 0 && flush_out(f) != 0)
				r = EOF;
		return r;
	}
	if (f->state == UXRT_WRITING)
		return f->wlen > 0 ? flush_out(f) : 0;
	if (f->state == UXRT_READING)
		drop_input(f);
	return 0;
}

void
__uxrt_stdio_flush_all(void)
{
	fflush(NULL);
}

int
setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	if (f->state != UXRT_IDLE || (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)) {
		errno = EINVAL;
		return -1;
	}
	f->bufmode = mode;
	if (buf != NULL && size > 0) {
		if (f->flags & UXRT_F_OWNBUF)
			free(f->buf);
		f->flags &= ~UXRT_F_OWNBUF;
		f->buf = (unsigned char *)buf;
		f->size = size;
	}
	return 0;
}

static int
parse_mode(const char *mode, int *oflags, int *sflags)
{
	int o, s;

	switch (*mode++) {
	case 'r':
		o = O_RDONLY;
		s = UXRT_F_RD;
		break;
	case 'w':
		o = O_WRONLY | O_CREAT | O_TRUNC;
		s = UXRT_F_WR;
		break;
	case 'a':
		o = O_WRONLY | O_CREAT | O_APPEND;
		s = UXRT_F_WR;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	for (; *mode; mode++) {
		if (*mode == '+') {
			o = (o & ~O_ACCMODE) | O_RDWR;
			s = UXRT_F_RD | UXRT_F_WR;
		} else if (*mode == 'e') {
			o |= O_CLOEXEC;
		} else if (*mode == 'x') {
			o |= O_EXCL;
		}
	}
	*oflags = o;
	*sflags = s;
	return 0;
}

FILE *
fdopen(int fd, const char *mode)
{
	int oflags, sflags;
	FILE *f;

	if (parse_mode(mode, &oflags, &sflags) != 0)
		return NULL;
	f = calloc(1, sizeof(*f));
	if (f == NULL)
		return NULL;
	f->fd = fd;
	f->flags = sflags;
	f->bufmode = -1;
	f->next = all_files;
	all_files = f;
	return f;
}

FILE *
fopen(const char *path, const char *mode)
{
	int oflags, sflags, fd;
	FILE *f;

	if (parse_mode(mode, &oflags, &sflags) != 0)
		return NULL;
	fd = open(path, oflags, 0666);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, mode);
	if (f == NULL)
		close(fd);
	return f;
}

int
fclose(FILE *f)
{
	FILE **pp;
	int r = fflush(f);

	if (close(f->fd) != 0)
		r = EOF;
	if (f->flags & UXRT_F_STATIC) {
		f->flags |= UXRT_F_ERR;
		f->flags &= ~(UXRT_F_RD | UXRT_F_WR);
		return r;
	}
	for (pp = &all_files; *pp != NULL; pp = &(*pp)->next)
		if (*pp == f) {
			*pp = f->next;
			break;
		}
	if (f->flags & UXRT_F_OWNBUF)
		free(f->buf);
	free(f);
	return r;
}

long
ftell(FILE *f)
{
	off_t pos = lseek(f->fd, 0, SEEK_CUR);

	if (pos < 0)
		return -1;
	if (f->state == UXRT_READING)
		pos -= (off_t)(f->rlen - f->rpos);
	else if (f->state == UXRT_WRITING)
		pos += (off_t)f->wlen;
	return (long)pos;
}

int
fseek(FILE *f, long off, int whence)
{
	if (f->state == UXRT_WRITING && f->wlen > 0 && flush_out(f) != 0)
		return -1;
	if (f->state == UXRT_READING) {
		if (whence == SEEK_CUR)
			off -= (long)(f->rlen - f->rpos);
		f->rpos = f->rlen = 0;
	}
	if (lseek(f->fd, off, whence) < 0)
		return -1;
	f->state = UXRT_IDLE;
	f->flags &= ~UXRT_F_EOF;
	return 0;
}

void
rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	f->flags &= ~UXRT_F_ERR;
}

int feof(FILE *f) { return (f->flags & UXRT_F_EOF) != 0; }
int ferror(FILE *f) { return (f->flags & UXRT_F_ERR) != 0; }
void clearerr(FILE *f) { f->flags &= ~(UXRT_F_EOF | UXRT_F_ERR); }
int fileno(FILE *f) { return f->fd; }
