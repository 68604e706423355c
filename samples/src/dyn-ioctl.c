/*
 * ioctl(2) through libc: FIONREAD on a pipe, FIONBIO, FIOCLEX/FIONCLEX,
 * and the errors for a request a regular file does not take and for a
 * closed descriptor.
 *   dyn-ioctl
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "errname.h"

int
main(void)
{
	int p[2], n = -1, on = 1, r, fd;
	char buf[16];
	unsigned short ws[4];

	if (pipe(p) != 0)
		return 1;
	r = ioctl(p[0], FIONREAD, &n);
	printf("FIONREAD empty: %d %d\n", r, n);
	if (write(p[1], "hello", 5) != 5)
		return 1;
	r = ioctl(p[0], FIONREAD, &n);
	printf("FIONREAD after 5: %d %d\n", r, n);
	if (read(p[0], buf, sizeof(buf)) != 5)
		return 1;
	r = ioctl(p[0], FIONBIO, &on);
	errno = 0;
	n = (int)read(p[0], buf, sizeof(buf));
	printf("FIONBIO: %d, then read: %d %s\n", r, n, errname(errno));
	r = ioctl(p[0], FIOCLEX);
	printf("FIOCLEX: %d, close-on-exec %d\n", r, !!(fcntl(p[0], F_GETFD) & FD_CLOEXEC));
	r = ioctl(p[0], FIONCLEX);
	printf("FIONCLEX: %d, close-on-exec %d\n", r, !!(fcntl(p[0], F_GETFD) & FD_CLOEXEC));

	fd = open("ioctl-file.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	errno = 0;
	r = ioctl(fd, TIOCGWINSZ, ws);
	printf("TIOCGWINSZ on a file: %d %s\n", r, errname(errno));
	close(fd);
	unlink("ioctl-file.txt");
	close(p[1]);
	errno = 0;
	r = ioctl(p[1], FIONREAD, &n);
	printf("closed descriptor: %d %s\n", r, errname(errno));
	return 0;
}
