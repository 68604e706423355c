/*
 * Sockets through libc in a dynamically linked program: a TCP server on
 * 127.0.0.1 port 0 (getsockname tells the port) in one thread and its
 * client in another, send/recv both ways, shutdown and end of file,
 * getpeername, socket options, accept4, a refused connection, UDP with
 * sendto/recvfrom, and a descriptor passed over a socketpair with
 * sendmsg/recvmsg.
 */
#define _GNU_SOURCE	/* accept4 in the native twin */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "errname.h"

static int listener;
static struct sockaddr_in server_addr;
static char server_log[512];

static void *
server(void *arg)
{
	struct sockaddr_in peer;
	socklen_t len = sizeof(peer);
	char buf[64], line[128];
	ssize_t n;
	int s;

	(void)arg;
	s = accept(listener, (struct sockaddr *)&peer, &len);
	if (s < 0) {
		snprintf(server_log, sizeof(server_log), "accept: %s\n", errname(errno));
		return NULL;
	}
	snprintf(line, sizeof(line), "server: peer is %s, len %u, family right %d\n",
	    inet_ntop(AF_INET, &peer.sin_addr, buf, sizeof(buf)), (unsigned)len,
	    peer.sin_family == AF_INET);
	strcat(server_log, line);
	size_t total = 0;
	while ((n = recv(s, buf, sizeof(buf), 0)) > 0) {
		total += (size_t)n;
		for (ssize_t i = 0; i < n; i++)
			buf[i] = (char)(buf[i] >= 'a' && buf[i] <= 'z' ? buf[i] - 32 : buf[i]);
		if (send(s, buf, (size_t)n, 0) != n)
			break;
	}
	snprintf(line, sizeof(line), "server: %zu bytes echoed, then %s\n", total,
	    n == 0 ? "end of file" : errname(errno));
	strcat(server_log, line);
	close(s);
	return NULL;
}

static void
tcp_test(void)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);
	pthread_t t;
	int one = 1, v;
	char buf[64];

	listener = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = 0;
	printf("bind: %d\n", bind(listener, (struct sockaddr *)&a, sizeof(a)));
	printf("listen: %d\n", listen(listener, 5));
	getsockname(listener, (struct sockaddr *)&server_addr, &len);
	printf("getsockname: family right %d, len %u, port %s, address %s\n",
	    server_addr.sin_family == AF_INET, (unsigned)len,
	    ntohs(server_addr.sin_port) != 0 ? "chosen" : "zero",
	    inet_ntop(AF_INET, &server_addr.sin_addr, buf, sizeof(buf)));
	len = sizeof(v);
	getsockopt(listener, SOL_SOCKET, SO_ACCEPTCONN, &v, &len);
	printf("SO_ACCEPTCONN: %d\n", v != 0);

	pthread_create(&t, NULL, server, NULL);
	int c = socket(AF_INET, SOCK_STREAM, 0);
	printf("connect: %d\n", connect(c, (struct sockaddr *)&server_addr, sizeof(server_addr)));
	setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	len = sizeof(v);
	getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, &len);
	printf("TCP_NODELAY: %d\n", v != 0);
	len = sizeof(v);
	getsockopt(c, SOL_SOCKET, SO_TYPE, &v, &len);
	printf("SO_TYPE is SOCK_STREAM: %d\n", v == SOCK_STREAM);
	struct sockaddr_in peer;
	len = sizeof(peer);
	getpeername(c, (struct sockaddr *)&peer, &len);
	printf("getpeername matches the server: %d\n", peer.sin_port == server_addr.sin_port &&
	    peer.sin_addr.s_addr == server_addr.sin_addr.s_addr);

	const char *msgs[] = { "hello, ", "server", "!" };
	char got[64];
	size_t want = 0, have = 0;
	for (int i = 0; i < 3; i++) {
		want += strlen(msgs[i]);
		send(c, msgs[i], strlen(msgs[i]), 0);
	}
	while (have < want) {
		ssize_t n = recv(c, got + have, sizeof(got) - 1 - have, 0);
		if (n <= 0)
			break;
		have += (size_t)n;
	}
	got[have] = '\0';
	printf("client got back: %s\n", got);
	shutdown(c, SHUT_WR);
	printf("recv after shutdown: %zd\n", recv(c, got, sizeof(got), 0));
	pthread_join(t, NULL);
	fputs(server_log, stdout);
	close(c);

	/* accept4 with SOCK_CLOEXEC, non-blocking: nothing waiting. */
	int fl = fcntl(listener, F_GETFL);
	fcntl(listener, F_SETFL, fl | O_NONBLOCK);
	errno = 0;
	int r = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
	printf("accept4 with nothing waiting: %d %s\n", r, errname(errno));
	close(listener);

	/* The port is closed now. */
	c = socket(AF_INET, SOCK_STREAM, 0);
	errno = 0;
	r = connect(c, (struct sockaddr *)&server_addr, sizeof(server_addr));
	printf("connect to the closed port: %d %s\n", r, errname(errno));
	close(c);
}

static void
udp_test(void)
{
	struct sockaddr_in a, from;
	socklen_t len = sizeof(a);
	char buf[32];
	int s = socket(AF_INET, SOCK_DGRAM, 0), t = socket(AF_INET, SOCK_DGRAM, 0);

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	bind(s, (struct sockaddr *)&a, sizeof(a));
	getsockname(s, (struct sockaddr *)&a, &len);
	printf("udp sendto: %zd\n", sendto(t, "datagram", 8, 0, (struct sockaddr *)&a, sizeof(a)));
	len = sizeof(from);
	ssize_t n = recvfrom(s, buf, sizeof(buf) - 1, 0, (struct sockaddr *)&from, &len);
	buf[n > 0 ? n : 0] = '\0';
	printf("udp recvfrom: %zd [%s], from loopback %d, len %u\n", n, buf,
	    from.sin_addr.s_addr == htonl(INADDR_LOOPBACK), (unsigned)len);
	errno = 0;
	n = recv(s, buf, sizeof(buf), MSG_DONTWAIT);
	printf("udp recv with nothing queued: %zd %s\n", n, errname(errno));
	close(s);
	close(t);
}

static void
pass_fd_test(void)
{
	int sv[2], p[2];
	char c = 'x', buf[32];
	union {
		struct cmsghdr h;
		char space[CMSG_SPACE(sizeof(int))];
	} u;
	struct iovec iov = { &c, 1 };
	struct msghdr m;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0 || pipe(p) != 0)
		return;
	memset(&m, 0, sizeof(m));
	memset(&u, 0, sizeof(u));
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = u.space;
	m.msg_controllen = sizeof(u.space);
	struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &p[0], sizeof(int));
	printf("sendmsg with a descriptor: %zd\n", sendmsg(sv[0], &m, 0));
	close(p[0]);

	memset(&m, 0, sizeof(m));
	memset(&u, 0, sizeof(u));
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = u.space;
	m.msg_controllen = sizeof(u.space);
	printf("recvmsg: %zd\n", recvmsg(sv[1], &m, 0));
	cm = CMSG_FIRSTHDR(&m);
	int fd = -1;
	if (cm && cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS)
		memcpy(&fd, CMSG_DATA(cm), sizeof(int));
	if (write(p[1], "through the passed pipe", 23) != 23)
		perror("write");
	close(p[1]);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	buf[n > 0 ? n : 0] = '\0';
	printf("read from the received descriptor: [%s]\n", buf);
	close(fd);
	close(sv[0]);
	close(sv[1]);
}

int
main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	tcp_test();
	udp_test();
	pass_fd_test();
	errno = 0;
	int r = socket(12345, SOCK_STREAM, 0);
	printf("socket of an unknown family: %d %s\n", r, errname(errno));
	return 0;
}
