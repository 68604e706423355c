/* uxrun FreeBSD SDK: buffered standard I/O. */
#ifndef _UXRT_STDIO_H
#define _UXRT_STDIO_H

#include <stdarg.h>
#include <sys/types.h>

typedef struct _uxrt_file FILE;

extern FILE *__stdinp;
extern FILE *__stdoutp;
extern FILE *__stderrp;
#define stdin	__stdinp
#define stdout	__stdoutp
#define stderr	__stderrp

#define EOF		(-1)
#define BUFSIZ		1024
#define FILENAME_MAX	1024
#define _IOFBF		0
#define _IOLBF		1
#define _IONBF		2

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *f);
int fflush(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
size_t fread(void *buf, size_t size, size_t n, FILE *f);
size_t fwrite(const void *buf, size_t size, size_t n, FILE *f);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
char *fgets(char *s, int n, FILE *f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
int fseek(FILE *f, long off, int whence);
long ftell(FILE *f);
void rewind(FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fileno(FILE *f);
int rename(const char *from, const char *to);
int renameat(int fromfd, const char *from, int tofd, const char *to);
int remove(const char *path);

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int sprintf(char *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *s, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
int vfprintf(FILE *f, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
int vsnprintf(char *s, size_t n, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));

/* More of libc.so.7's stdio, for dynamically linked programs. */
typedef off_t fpos_t;		/* FreeBSD's is an off_t */
#define L_tmpnam	1024
#define P_tmpdir	"/tmp/"
int ungetc(int c, FILE *f);
ssize_t getline(char **line, size_t *cap, FILE *f);
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f);
char *fgetln(FILE *f, size_t *len);
int scanf(const char *fmt, ...) __attribute__((format(scanf, 1, 2)));
int fscanf(FILE *f, const char *fmt, ...) __attribute__((format(scanf, 2, 3)));
int sscanf(const char *s, const char *fmt, ...) __attribute__((format(scanf, 2, 3)));
int vscanf(const char *fmt, va_list ap) __attribute__((format(scanf, 1, 0)));
int vfscanf(FILE *f, const char *fmt, va_list ap) __attribute__((format(scanf, 2, 0)));
int vsscanf(const char *s, const char *fmt, va_list ap) __attribute__((format(scanf, 2, 0)));
int fgetpos(FILE *f, fpos_t *pos);
int fsetpos(FILE *f, const fpos_t *pos);
int fseeko(FILE *f, off_t off, int whence);
off_t ftello(FILE *f);
FILE *freopen(const char *path, const char *mode, FILE *f);
FILE *popen(const char *cmd, const char *mode);
int pclose(FILE *f);
FILE *tmpfile(void);
char *tmpnam(char *buf);
void setbuf(FILE *f, char *buf);
void setbuffer(FILE *f, char *buf, int size);
int setlinebuf(FILE *f);
void perror(const char *s);
int asprintf(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vasprintf(char **out, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
int vsprintf(char *s, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
FILE *fmemopen(void *buf, size_t size, const char *mode);
FILE *open_memstream(char **buf, size_t *size);

#endif
