/* File status and directory reading. */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_convert.h"

/* st_flags bits (FreeBSD <sys/stat.h>) that have a Linux inode attribute. */
#define FBSD_UF_NODUMP		0x00000001
#define FBSD_SF_IMMUTABLE	0x00020000
#define FBSD_SF_APPEND		0x00040000

/* FreeBSD's makedev(): the major's low byte and the minor's second byte
 * swap places so that 8-bit majors and minors keep their old positions. */
static uint64_t
fbsd_makedev(uint32_t major, uint32_t minor)
{
	return ((uint64_t)(major & 0xffffff00) << 32) | ((major & 0xff) << 8) |
	    ((uint64_t)(minor & 0xff00) << 24) | (minor & 0xffff00ff);
}

static struct fbsd_timespec
ts_from_statx(const struct statx_timestamp *t)
{
	return (struct fbsd_timespec){ .tv_sec = t->tv_sec, .tv_nsec = t->tv_nsec };
}

void
linux_to_fbsd_stat(const struct statx *sx, struct fbsd_stat *sb)
{
	uint32_t flags = 0;

	/* Linux guards immutable and append-only with CAP_LINUX_IMMUTABLE,
	 * which makes them FreeBSD's superuser flags; nodump is the owner's. */
	if (sx->stx_attributes & STATX_ATTR_IMMUTABLE)
		flags |= FBSD_SF_IMMUTABLE;
	if (sx->stx_attributes & STATX_ATTR_APPEND)
		flags |= FBSD_SF_APPEND;
	if (sx->stx_attributes & STATX_ATTR_NODUMP)
		flags |= FBSD_UF_NODUMP;

	*sb = (struct fbsd_stat){
		.st_dev = fbsd_makedev(sx->stx_dev_major, sx->stx_dev_minor),
		.st_ino = sx->stx_ino,
		.st_nlink = sx->stx_nlink,
		.st_mode = (uint16_t)sx->stx_mode,	/* S_IF* and permission bits agree */
		.st_uid = sx->stx_uid,
		.st_gid = sx->stx_gid,
		.st_rdev = fbsd_makedev(sx->stx_rdev_major, sx->stx_rdev_minor),
		.st_atim = ts_from_statx(&sx->stx_atime),
		.st_mtim = ts_from_statx(&sx->stx_mtime),
		.st_ctim = ts_from_statx(&sx->stx_ctime),
		/* FreeBSD's "no birth time" is tv_sec -1 (VNOVAL), tv_nsec 0. */
		.st_birthtim = (sx->stx_mask & STATX_BTIME) ? ts_from_statx(&sx->stx_btime)
		    : (struct fbsd_timespec){ .tv_sec = -1, .tv_nsec = 0 },
		.st_size = (int64_t)sx->stx_size,
		.st_blocks = (int64_t)sx->stx_blocks,
		.st_blksize = (int32_t)sx->stx_blksize,
		.st_flags = flags,
	};
}

/* The same, for kernels without statx (before 4.11, or a filter that refuses it). */
void
linux_stat_to_statx(const struct stat *st, struct statx *sx)
{
	*sx = (struct statx){
		.stx_mask = STATX_BASIC_STATS,
		.stx_dev_major = major(st->st_dev), .stx_dev_minor = minor(st->st_dev),
		.stx_ino = st->st_ino, .stx_nlink = (uint32_t)st->st_nlink,
		.stx_mode = (uint16_t)st->st_mode, .stx_uid = st->st_uid, .stx_gid = st->st_gid,
		.stx_rdev_major = major(st->st_rdev), .stx_rdev_minor = minor(st->st_rdev),
		.stx_atime = { st->st_atim.tv_sec, (uint32_t)st->st_atim.tv_nsec, 0 },
		.stx_mtime = { st->st_mtim.tv_sec, (uint32_t)st->st_mtim.tv_nsec, 0 },
		.stx_ctime = { st->st_ctim.tv_sec, (uint32_t)st->st_ctim.tv_nsec, 0 },
		.stx_size = (uint64_t)st->st_size, .stx_blocks = (uint64_t)st->st_blocks,
		.stx_blksize = (uint32_t)st->st_blksize,
	};
}

static int no_statx;

static long
stat_common(int dirfd, const char *path, int lflags, struct fbsd_stat *out)
{
	struct statx sx;
	struct fbsd_stat sb;
	long r = -ENOSYS;

	if (!__atomic_load_n(&no_statx, __ATOMIC_RELAXED)) {
		r = ux_sys(SYS_statx, dirfd, path, lflags, STATX_BASIC_STATS | STATX_BTIME, &sx);
		if (r == -ENOSYS || r == -EPERM)
			__atomic_store_n(&no_statx, 1, __ATOMIC_RELAXED);
	}
	if (r == -ENOSYS || r == -EPERM) {
		struct stat st;
		r = ux_sys(SYS_newfstatat, dirfd, path, &st, lflags);
		if (r == 0)
			linux_stat_to_statx(&st, &sx);
	}
	if (r < 0)
		return r;
	linux_to_fbsd_stat(&sx, &sb);
	return ux_copyout(out, &sb, sizeof(sb));
}

long
fbsd_sys_fstat(struct uxcall *c, int fd, struct fbsd_stat *sb)
{
	/* statx would read AT_FDCWD with an empty path as the cwd */
	if (fd < 0)
		return -EBADF;
	return stat_common(fd, "", AT_EMPTY_PATH, sb);
}

long
fbsd_sys_fstatat(struct uxcall *c, int fd, const char *path, struct fbsd_stat *buf, int flag)
{
	if (flag & ~(FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH | FBSD_AT_EMPTY_PATH))
		return -EINVAL;
	return stat_common(fbsd_dirfd(fd), path, fbsd_to_linux_atflags(flag), buf);
}

/* Linux struct linux_dirent64, as getdents64 writes it. */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	char d_name[];
};

/*
 * A FreeBSD record is up to 8 bytes longer than the Linux one for the same
 * name, so a full Linux read may not fit the guest's buffer once converted.
 * When that happens the directory is sought back to the first entry left
 * out, so the next call starts there; DT_* values are the same on both.
 */
long
fbsd_sys_getdirentries(struct uxcall *c, int fd, char *buf, size_t count, int64_t *basep)
{
	_Alignas(8) char lbuf[32768];
	long base, n, r;
	size_t out = 0;

	base = ux_sys(SYS_lseek, fd, 0, SEEK_CUR);
	if (base < 0)
		return base;
	n = ux_sys(SYS_getdents64, fd, lbuf, count < sizeof(lbuf) ? count : sizeof(lbuf));
	if (n < 0)
		return n == -ENOTDIR ? -EINVAL : n;

	int64_t start = base;	/* directory offset of the entry being converted */
	for (long pos = 0; pos < n; ) {
		const struct linux_dirent64 *ld = (const void *)(lbuf + pos);
		size_t namlen = strnlen(ld->d_name, ld->d_reclen - offsetof(struct linux_dirent64, d_name));
		size_t reclen = FBSD_DIRENT_RECLEN(namlen);
		struct fbsd_dirent fd_ent;

		pos += ld->d_reclen;
		if (namlen > sizeof(fd_ent.d_name) - 1) {
			/* XXX a name FreeBSD's dirent cannot carry: left out */
			start = ld->d_off;
			continue;
		}
		if (out + reclen > count) {
			r = ux_sys(SYS_lseek, fd, start, SEEK_SET);
			if (r < 0)
				return r;
			if (out == 0)
				return -EINVAL;
			break;
		}
		memset(&fd_ent, 0, reclen);
		fd_ent.d_fileno = ld->d_ino;
		fd_ent.d_off = ld->d_off;
		fd_ent.d_reclen = (uint16_t)reclen;
		fd_ent.d_type = ld->d_type;
		fd_ent.d_namlen = (uint16_t)namlen;
		memcpy(fd_ent.d_name, ld->d_name, namlen);
		r = ux_copyout(buf + out, &fd_ent, reclen);
		if (r < 0) {
			ux_sys(SYS_lseek, fd, base, SEEK_SET);	/* nothing was delivered */
			return r;
		}
		out += reclen;
		start = ld->d_off;
	}
	if (basep) {
		int64_t b = base;
		r = ux_copyout(basep, &b, sizeof(b));
		if (r < 0)
			return r;
	}
	return (long)out;
}
