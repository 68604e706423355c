/*
 * poll and select through the C library on a pipe: nothing ready, then
 * readable, writable, the writer gone, and a closed descriptor.
 */
#include <poll.h>
#include <stdio.h>
#include <sys/select.h>
#include <sys/time.h>
#include <unistd.h>

static void
show(const char *what, int n, short re)
{
	printf("%-28s %d ready:%s%s%s%s\n", what, n, (re & POLLIN) ? " IN" : "",
	    (re & POLLOUT) ? " OUT" : "", (re & POLLHUP) ? " HUP" : "", (re & POLLNVAL) ? " NVAL" : "");
}

int
main(void)
{
	int p[2];
	struct pollfd fd[2];
	fd_set rd;
	struct timeval tv = { 0, 0 };

	if (pipe(p) != 0)
		return 1;
	fd[0].fd = p[0];
	fd[0].events = POLLIN;
	fd[1].fd = p[1];
	fd[1].events = POLLOUT;
	int n = poll(fd, 1, 0);
	show("empty pipe, read end", n, fd[0].revents);
	n = poll(&fd[1], 1, 0);
	show("write end", n, fd[1].revents);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	printf("select on the empty pipe: %d\n", select(p[0] + 1, &rd, NULL, NULL, &tv));
	if (write(p[1], "x", 1) != 1)
		return 1;
	n = poll(fd, 1, 1000);
	show("after a write, read end", n, fd[0].revents);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	tv.tv_sec = 1;
	n = select(p[0] + 1, &rd, NULL, NULL, &tv);
	printf("select after a write: %d, readable %d\n", n, FD_ISSET(p[0], &rd) != 0);
	char c;
	if (read(p[0], &c, 1) != 1)
		return 1;
	close(p[1]);
	n = poll(fd, 1, 1000);
	show("writer closed, read end", n, fd[0].revents);
	close(p[0]);
	n = poll(fd, 1, 0);
	show("closed descriptor", n, fd[0].revents);
	return 0;
}
