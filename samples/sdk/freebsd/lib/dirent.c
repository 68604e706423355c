/*
 * Directory streams over getdirentries(2), which fills a buffer with
 * variable-length struct dirent records, each d_reclen bytes long.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include "uxrt.h"

struct _uxrt_dir {
	int fd;
	char *buf;
	size_t size;
	size_t pos, len;
	off_t base;
};

ssize_t
getdirentries(int fd, char *buf, size_t n, off_t *basep)
{
	return uxrt_call(SYS_getdirentries, fd, buf, n, basep);
}

DIR *
fdopendir(int fd)
{
	struct stat st;
	DIR *d;
	size_t size = 8192;

	if (fstat(fd, &st) != 0)
		return NULL;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return NULL;
	}
	/* getdirentries wants at least the file system's block size. */
	if (st.st_blksize > 0 && (size_t)st.st_blksize > size)
		size = (size_t)st.st_blksize;
	d = malloc(sizeof(*d));
	if (d == NULL)
		return NULL;
	d->buf = malloc(size);
	if (d->buf == NULL) {
		free(d);
		return NULL;
	}
	d->fd = fd;
	d->size = size;
	d->pos = d->len = 0;
	d->base = 0;
	return d;
}

DIR *
opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	d = fdopendir(fd);
	if (d == NULL) {
		int saved = errno;

		close(fd);
		errno = saved;
	}
	return d;
}

struct dirent *
readdir(DIR *d)
{
	for (;;) {
		struct dirent *e;

		if (d->pos >= d->len) {
			ssize_t n = getdirentries(d->fd, d->buf, d->size, &d->base);

			if (n <= 0)
				return NULL;	/* end, or error with errno set */
			d->pos = 0;
			d->len = (size_t)n;
		}
		e = (struct dirent *)(d->buf + d->pos);
		if (e->d_reclen == 0 || e->d_reclen > d->len - d->pos) {
			errno = EIO;
			d->pos = d->len;
			return NULL;
		}
		d->pos += e->d_reclen;
		if (e->d_fileno != 0)	/* 0 marks a deleted entry */
			return e;
	}
}

void
rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->len = 0;
}

int
dirfd(DIR *d)
{
	return d->fd;
}

int
closedir(DIR *d)
{
	int r = close(d->fd);

	free(d->buf);
	free(d);
	return r;
}
