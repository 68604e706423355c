/*
 * uxrun FreeBSD SDK: directory reading over getdirentries(2).
 * struct dirent is the FreeBSD 12+ (ino64) record; see Dirent in ztypes.
 */
#ifndef _UXRT_DIRENT_H
#define _UXRT_DIRENT_H

#include <sys/types.h>

struct dirent {
	ino_t d_fileno;
	off_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	uint8_t d_pad0;
	uint16_t d_namlen;
	uint16_t d_pad1;
	char d_name[255 + 1];
};
_Static_assert(sizeof(struct dirent) == 280, "FreeBSD struct dirent is 280 bytes");

#define d_ino	d_fileno

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12
#define DT_WHT		14

typedef struct _uxrt_dir DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
void rewinddir(DIR *dir);
int closedir(DIR *dir);
int dirfd(DIR *dir);
ssize_t getdirentries(int fd, char *buf, size_t n, off_t *basep);

/* More of libc.so.7's directory functions, for dynamically linked programs. */
int readdir_r(DIR *dir, struct dirent *entry, struct dirent **result);
long telldir(DIR *dir);
void seekdir(DIR *dir, long loc);
int fdclosedir(DIR *dir);
int scandir(const char *path, struct dirent ***namelist, int (*select)(const struct dirent *),
    int (*compar)(const struct dirent **, const struct dirent **));
int alphasort(const struct dirent **a, const struct dirent **b);

#endif
