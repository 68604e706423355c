/*
 * A careful copy over libc.so.7: the data goes to a mkstemp() file beside
 * the destination, takes the source's permission bits (fstat, fchmod),
 * is fsync'ed and renamed into place, so the destination is never half
 * written.  A mkdtemp() directory is made and removed on the way.
 *   dyn-cp [-v] SOURCE DEST
 * DEST may be a directory: the copy keeps the source's name there.
 */
#define _GNU_SOURCE	/* glibc: the native twin needs its extensions */

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errname.h"

int
main(int argc, char **argv)
{
	char dest[1024], tmp[1100], dir[1024], scratch[1100], buf[4096], srcname[1024];
	struct stat st, dst;
	int c, in, out, vflag = 0;
	ssize_t n;
	long long total = 0;

	while ((c = getopt(argc, argv, "v")) != -1) {
		if (c != 'v')
			return 2;
		vflag = 1;
	}
	if (argc - optind != 2)
		errx(2, "usage: dyn-cp [-v] source dest");
	const char *src = argv[optind];

	if ((in = open(src, O_RDONLY)) < 0) {
		printf("open %s: %s\n", src, errname(errno));
		err(1, "%s", src);
	}
	if (fstat(in, &st) != 0)
		err(1, "fstat %s", src);
	if (S_ISDIR(st.st_mode))
		errx(1, "%s is a directory", src);
	snprintf(dest, sizeof(dest), "%s", argv[optind + 1]);
	if (stat(dest, &dst) == 0 && S_ISDIR(dst.st_mode)) {
		snprintf(srcname, sizeof(srcname), "%s", src);
		snprintf(dest, sizeof(dest), "%s/%s", argv[optind + 1], basename(srcname));
	}
	snprintf(dir, sizeof(dir), "%s", dest);
	const char *d = dirname(dir);

	snprintf(tmp, sizeof(tmp), "%s/.dyn-cp.XXXXXX", d);
	snprintf(scratch, sizeof(scratch), "%s/.dyn-cp-dir.XXXXXX", d);
	if (!mkdtemp(scratch))
		err(1, "mkdtemp");
	if ((out = mkstemp(tmp)) < 0)
		err(1, "mkstemp %s", tmp);
	if (vflag)
		printf("temporary name keeps its prefix: %s\n",
		    strncmp(tmp, d, strlen(d)) == 0 && strstr(tmp, "/.dyn-cp.") ? "yes" : "no");
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		if (write(out, buf, (size_t)n) != n) {
			unlink(tmp);
			err(1, "write");
		}
		total += n;
	}
	if (n < 0) {
		unlink(tmp);
		err(1, "read %s", src);
	}
	if (fchmod(out, st.st_mode & 07777) != 0 || fsync(out) != 0 || close(out) != 0) {
		unlink(tmp);
		err(1, "finishing %s", tmp);
	}
	close(in);
	if (rename(tmp, dest) != 0) {
		unlink(tmp);
		err(1, "rename to %s", dest);
	}
	if (rmdir(scratch) != 0)
		err(1, "rmdir %s", scratch);
	if (stat(dest, &dst) != 0)
		err(1, "stat %s", dest);
	printf("%s -> %s: %lld bytes, mode %04o, same size %s\n", src, dest, total,
	    (unsigned)(dst.st_mode & 07777), dst.st_size == st.st_size ? "yes" : "no");
	return 0;
}
