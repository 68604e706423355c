/*
 * Sockets over the loopback interface only (127.0.0.1 and ::1): TCP and
 * UDP exchanges, socket options, a refused connection, AF_UNIX names,
 * descriptor and credential passing.  Everything printed is the same on
 * FreeBSD and Linux; where the systems differ by design (sockaddr
 * lengths, option values read back), each side checks against its own
 * expectation and prints whether it matched.  Works in the current
 * directory (sock.tmp, sockdir.tmp) and removes what it creates.
 */
#define _GNU_SOURCE	/* struct ucred, accept4 in glibc */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#ifdef __FreeBSD__
#include <sys/ucred.h>
#endif
#include "errname.h"

#define TIMEOUT_MS 5000

static int failures;

static void
check(const char *what, int ok)
{
	printf("%s: %s\n", what, ok ? "yes" : "NO");
	if (!ok)
		failures++;
}

static void
fail(const char *what)
{
	printf("%s: FAIL %s\n", what, errname(errno));
	failures++;
}

static int
geti(int s, int level, int name)
{
	int v = -1;
	socklen_t l = sizeof(v);

	if (getsockopt(s, level, name, &v, &l) < 0)
		return -1;
	return v;
}

static int
seti(int s, int level, int name, int v)
{
	return setsockopt(s, level, name, &v, sizeof(v));
}

/* What each system reads back for a flag option that is set. */
#ifdef __FreeBSD__
#define FLAG_READBACK(freebsd) (freebsd)
#else
#define FLAG_READBACK(freebsd) 1
#endif

/* Every blocking receive is bounded. */
static void
bound(int s)
{
	struct timeval tv = { TIMEOUT_MS / 1000, 0 };

	setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
}

static struct sockaddr_in
loopback4(unsigned short port)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
#ifdef __FreeBSD__
	sin.sin_len = sizeof(sin);
#endif
	sin.sin_family = AF_INET;
	sin.sin_port = htons(port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return sin;
}

static int
sa_len_ok(const void *sa, size_t want)
{
#ifdef __FreeBSD__
	return ((const struct sockaddr *)sa)->sa_len == want;
#else
	(void)sa;
	(void)want;
	return 1;
#endif
}

static const char *
family_name(int af)
{
	return af == AF_INET ? "inet" : af == AF_INET6 ? "inet6" : af == AF_UNIX ? "unix" : "other";
}

static int
recv_all(int s, char *buf, size_t n)
{
	ssize_t r = recv(s, buf, n, MSG_WAITALL);

	if (r < 0)
		return -1;
	buf[r] = 0;
	return (int)r;
}

static void
tcp_options(int c)
{
	struct linger lg = { 1, 3 };
	struct timeval tv = { 5, 0 };
	socklen_t l;

	if (seti(c, IPPROTO_TCP, TCP_NODELAY, 1) < 0)
		fail("set TCP_NODELAY");
	check("nodelay round trip", geti(c, IPPROTO_TCP, TCP_NODELAY) == FLAG_READBACK(4));
	if (seti(c, IPPROTO_TCP, TCP_NODELAY, 0) < 0)
		fail("clear TCP_NODELAY");
	check("nodelay cleared", geti(c, IPPROTO_TCP, TCP_NODELAY) == 0);
	seti(c, IPPROTO_TCP, TCP_KEEPIDLE, 30);
	seti(c, IPPROTO_TCP, TCP_KEEPINTVL, 7);
	seti(c, IPPROTO_TCP, TCP_KEEPCNT, 4);
	printf("keepalive idle/intvl/cnt: %d/%d/%d\n", geti(c, IPPROTO_TCP, TCP_KEEPIDLE),
	    geti(c, IPPROTO_TCP, TCP_KEEPINTVL), geti(c, IPPROTO_TCP, TCP_KEEPCNT));
	if (seti(c, SOL_SOCKET, SO_KEEPALIVE, 1) < 0)
		fail("set SO_KEEPALIVE");
	check("keepalive round trip", geti(c, SOL_SOCKET, SO_KEEPALIVE) == FLAG_READBACK(SO_KEEPALIVE));

	if (setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)) < 0)
		fail("set SO_LINGER");
	memset(&lg, 0, sizeof(lg));
	l = sizeof(lg);
	if (getsockopt(c, SOL_SOCKET, SO_LINGER, &lg, &l) < 0)
		fail("get SO_LINGER");
	check("linger on", lg.l_onoff == FLAG_READBACK(SO_LINGER));
	printf("linger seconds: %d\n", lg.l_linger);

	if (setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) < 0)
		fail("set SO_SNDTIMEO");
	memset(&tv, 0, sizeof(tv));
	l = sizeof(tv);
	if (getsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, &l) < 0)
		fail("get SO_SNDTIMEO");
	printf("sndtimeo: %ld.%06ld\n", (long)tv.tv_sec, (long)tv.tv_usec);
	tv.tv_usec = 1000000;
	printf("out-of-range timeout: %s\n",
	    setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) < 0 ? errname(errno) : "accepted");

	if (seti(c, SOL_SOCKET, SO_RCVBUF, 65536) < 0)
		fail("set SO_RCVBUF");
	check("rcvbuf at least what was set", geti(c, SOL_SOCKET, SO_RCVBUF) >= 65536);
	printf("unknown option: %s\n", seti(c, SOL_SOCKET, 0x7777, 1) < 0 ? errname(errno) : "accepted");
	printf("type: %s\n", geti(c, SOL_SOCKET, SO_TYPE) == SOCK_STREAM ? "stream" : "other");
	printf("domain: %s\n", family_name(geti(c, SOL_SOCKET, SO_DOMAIN)));
	printf("protocol: %s\n", geti(c, SOL_SOCKET, SO_PROTOCOL) == IPPROTO_TCP ? "tcp" : "other");
}

/*
 * sendfile: a header, part of a file, a trailer, over a stream socket.
 * Linux's sendfile has no headers and another signature, so the native
 * twin builds the same stream from writev and its own sendfile.
 */
#ifdef __FreeBSD__
static int
send_file(int fd, int s, off_t off, size_t n, struct iovec *hd, struct iovec *tl, off_t *sent)
{
	struct sf_hdtr h = { hd, hd ? 1 : 0, tl, tl ? 1 : 0 };

	return sendfile(fd, s, off, n, &h, sent, 0);
}
#else
#include <sys/sendfile.h>
static int
send_file(int fd, int s, off_t off, size_t n, struct iovec *hd, struct iovec *tl, off_t *sent)
{
	ssize_t r;

	*sent = 0;
	if (hd && (r = writev(s, hd, 1)) > 0)
		*sent += r;
	do {
		r = sendfile(s, fd, &off, n ? n : 1 << 20);
		if (r > 0)
			*sent += r;
		if (n)
			break;
	} while (r > 0);
	if (r < 0)
		return -1;
	if (tl && (r = writev(s, tl, 1)) > 0)
		*sent += r;
	return 0;
}
#endif

static void
sendfile_test(void)
{
	static const char text[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	struct iovec hd = { "HEAD:", 5 }, tl = { ":TAIL", 5 };
	char buf[128];
	off_t sent = -1;
	int sv[2], fd;

	fd = open("sock.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, text, sizeof(text) - 1) != sizeof(text) - 1 ||
	    socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
		fail("sendfile setup");
		return;
	}
	check("sendfile 10 bytes at 3 with header and trailer",
	    send_file(fd, sv[0], 3, 10, &hd, &tl, &sent) == 0);
	printf("sendfile: sbytes %lld\n", (long long)sent);
	printf("sendfile: received '%.*s'\n", recv_all(sv[1], buf, (size_t)sent), buf);
	check("sendfile to end of file", send_file(fd, sv[0], 30, 0, NULL, NULL, &sent) == 0);
	printf("sendfile to EOF: sbytes %lld\n", (long long)sent);
	printf("sendfile to EOF: received '%.*s'\n", recv_all(sv[1], buf, (size_t)sent), buf);
	printf("file offset after sendfile: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	close(sv[0]);
	close(sv[1]);
	close(fd);
	unlink("sock.tmp");
}

static void
tcp(void)
{
	struct sockaddr_in sin = loopback4(0), peer, me;
	socklen_t sl;
	int l, c, a, fl;
	char buf[64];
	struct iovec iov[2];
	struct msghdr mh;

	if ((l = socket(AF_INET, SOCK_STREAM, 0)) < 0) {
		fail("tcp socket");
		return;
	}
	if (seti(l, SOL_SOCKET, SO_REUSEADDR, 1) < 0)
		fail("set SO_REUSEADDR");
	check("reuseaddr round trip", geti(l, SOL_SOCKET, SO_REUSEADDR) == FLAG_READBACK(SO_REUSEADDR));
	if (bind(l, (struct sockaddr *)&sin, sizeof(sin)) < 0 || listen(l, 4) < 0) {
		fail("tcp bind/listen");
		close(l);
		return;
	}
	check("acceptconn", geti(l, SOL_SOCKET, SO_ACCEPTCONN) == FLAG_READBACK(SO_ACCEPTCONN));
	sl = sizeof(sin);
	if (getsockname(l, (struct sockaddr *)&sin, &sl) < 0)
		fail("getsockname");
	check("port assigned", sin.sin_port != 0);
	printf("listener family: %s, length %u\n", family_name(sin.sin_family), (unsigned)sl);
	check("listener sa_len", sa_len_ok(&sin, sizeof(sin)));
	check("listener address is 127.0.0.1", sin.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
	/* A short buffer: FreeBSD 14 reports the bytes it copied, Linux the
	 * full length. */
	memset(&me, 0xee, sizeof(me));
	sl = 8;
	if (getsockname(l, (struct sockaddr *)&me, &sl) < 0)
		fail("short getsockname");
#ifdef __FreeBSD__
	check("short getsockname length matches platform", sl == 8);
#else
	check("short getsockname length matches platform", sl == sizeof(me));
#endif
	check("short getsockname copied only 8 bytes",
	    me.sin_port == sin.sin_port && ((unsigned char *)&me)[8] == 0xee);

	if ((c = socket(AF_INET, SOCK_STREAM, 0)) < 0) {
		fail("client socket");
		close(l);
		return;
	}
	tcp_options(c);
	if (connect(c, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		fail("connect");
	sl = sizeof(peer);
	a = accept4(l, (struct sockaddr *)&peer, &sl, SOCK_CLOEXEC);
	if (a < 0) {
		fail("accept4");
		close(c);
		close(l);
		return;
	}
	bound(a);
	bound(c);
	check("accepted socket is close-on-exec", (fcntl(a, F_GETFD) & FD_CLOEXEC) != 0);
	check("accepted socket is blocking", (fcntl(a, F_GETFL) & O_NONBLOCK) == 0);
	printf("peer family: %s, length %u\n", family_name(peer.sin_family), (unsigned)sl);
	check("peer sa_len", sa_len_ok(&peer, sizeof(peer)));
	sl = sizeof(me);
	if (getsockname(c, (struct sockaddr *)&me, &sl) < 0)
		fail("client getsockname");
	check("peer is the client", me.sin_port == peer.sin_port &&
	    me.sin_addr.s_addr == peer.sin_addr.s_addr);
	sl = sizeof(peer);
	if (getpeername(c, (struct sockaddr *)&peer, &sl) < 0)
		fail("getpeername");
	check("client's peer is the listener", peer.sin_port == sin.sin_port);

	if (send(c, "ping", 4, 0) != 4)
		fail("send ping");
	printf("server got: %s\n", recv_all(a, buf, 4) == 4 ? buf : "?");
	if (send(a, "pong", 4, 0) != 4)
		fail("send pong");
	printf("client got: %s\n", recv_all(c, buf, 4) == 4 ? buf : "?");

	send(c, "peek", 4, 0);
	memset(buf, 0, sizeof(buf));
	if (recv(a, buf, 4, MSG_PEEK | MSG_WAITALL) == 4)
		printf("peeked: %s\n", buf);
	printf("then read: %s\n", recv_all(a, buf, 4) == 4 ? buf : "?");
	printf("empty, don't wait: %s\n", recv(a, buf, 4, MSG_DONTWAIT) < 0 ? errname(errno) : "data");

	/* Gather on one side, scatter on the other. */
	iov[0].iov_base = "hello ";
	iov[0].iov_len = 6;
	iov[1].iov_base = "world";
	iov[1].iov_len = 5;
	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = iov;
	mh.msg_iovlen = 2;
	printf("sendmsg sent: %ld\n", (long)sendmsg(c, &mh, 0));
	memset(buf, 0, sizeof(buf));
	iov[0].iov_base = buf;
	iov[0].iov_len = 4;
	iov[1].iov_base = buf + 20;
	iov[1].iov_len = 7;
	printf("recvmsg got: %ld\n", (long)recvmsg(a, &mh, MSG_WAITALL));
	printf("scattered: %s|%s\n", buf, buf + 20);

	if (shutdown(c, SHUT_WR) < 0)
		fail("shutdown");
	check("eof after shutdown", recv(a, buf, sizeof(buf), 0) == 0);
	send(a, "bye", 3, 0);
	close(a);
	printf("half-closed client still reads: %s\n", recv_all(c, buf, 3) == 3 ? buf : "?");
	check("then eof", recv(c, buf, sizeof(buf), 0) == 0);
	close(c);

	/* accept(2) copies O_NONBLOCK from the listener on FreeBSD only. */
	fl = fcntl(l, F_GETFL);
	fcntl(l, F_SETFL, fl | O_NONBLOCK);
	if ((c = socket(AF_INET, SOCK_STREAM, 0)) >= 0 &&
	    connect(c, (struct sockaddr *)&sin, sizeof(sin)) == 0) {
		struct pollfd pf = { l, POLLIN, 0 };
		poll(&pf, 1, TIMEOUT_MS);
		a = accept(l, NULL, NULL);
		if (a < 0)
			fail("accept");
		else {
			int nb = (fcntl(a, F_GETFL) & O_NONBLOCK) != 0;
#ifdef __FreeBSD__
			check("accept inherits O_NONBLOCK as the platform does", nb);
#else
			check("accept inherits O_NONBLOCK as the platform does", !nb);
#endif
			close(a);
		}
	} else
		fail("second connect");
	close(c);
	close(l);
}

static void
refused(void)
{
	struct sockaddr_in sin = loopback4(0);
	socklen_t sl = sizeof(sin);
	int b, c, err = 0;
	struct pollfd pf;

	/* A bound port without a listener refuses connections, and stays
	 * ours while we try. */
	if ((b = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
	    bind(b, (struct sockaddr *)&sin, sizeof(sin)) < 0 ||
	    getsockname(b, (struct sockaddr *)&sin, &sl) < 0) {
		fail("refused setup");
		return;
	}
	c = socket(AF_INET, SOCK_STREAM, 0);
	printf("blocking connect: %s\n",
	    connect(c, (struct sockaddr *)&sin, sizeof(sin)) < 0 ? errname(errno) : "connected");
	close(c);

	c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	check("SOCK_NONBLOCK set", (fcntl(c, F_GETFL) & O_NONBLOCK) != 0);
	if (connect(c, (struct sockaddr *)&sin, sizeof(sin)) < 0 && errno == EINPROGRESS) {
		socklen_t l = sizeof(err);
		pf.fd = c;
		pf.events = POLLOUT;
		pf.revents = 0;
		poll(&pf, 1, TIMEOUT_MS);
		if (getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &l) < 0)
			fail("get SO_ERROR");
	} else
		err = errno;
	printf("refused connect error: %s\n", errname(err));
	check("SO_ERROR cleared after reading", geti(c, SOL_SOCKET, SO_ERROR) == 0);
	close(c);
	close(b);
}

static void
udp(void)
{
	struct sockaddr_in a1 = loopback4(0), a2 = loopback4(0), from;
	socklen_t sl = sizeof(a1);
	int u1, u2, ttl = -1;
	char buf[64], ctl[256];
	struct iovec iov;
	struct msghdr mh;
	struct cmsghdr *cm;
	ssize_t n;

	u1 = socket(AF_INET, SOCK_DGRAM, 0);
	u2 = socket(AF_INET, SOCK_DGRAM, 0);
	if (u1 < 0 || u2 < 0 || bind(u1, (struct sockaddr *)&a1, sizeof(a1)) < 0 ||
	    bind(u2, (struct sockaddr *)&a2, sizeof(a2)) < 0) {
		fail("udp setup");
		return;
	}
	bound(u2);
	getsockname(u1, (struct sockaddr *)&a1, &sl);
	sl = sizeof(a2);
	getsockname(u2, (struct sockaddr *)&a2, &sl);
	printf("udp type: %s\n", geti(u1, SOL_SOCKET, SO_TYPE) == SOCK_DGRAM ? "dgram" : "other");

	if (seti(u1, IPPROTO_IP, IP_TTL, 33) < 0)
		fail("set IP_TTL");
	printf("ttl: %d\n", geti(u1, IPPROTO_IP, IP_TTL));
	if (seti(u1, IPPROTO_IP, IP_TOS, 0x10) < 0)
		fail("set IP_TOS");
	printf("tos: %d\n", geti(u1, IPPROTO_IP, IP_TOS));
	if (seti(u1, IPPROTO_IP, IP_MULTICAST_TTL, 3) < 0)
		fail("set IP_MULTICAST_TTL");
	printf("multicast ttl: %d\n", geti(u1, IPPROTO_IP, IP_MULTICAST_TTL));
	if (seti(u2, IPPROTO_IP, IP_RECVTTL, 1) < 0)
		fail("set IP_RECVTTL");
	check("recvttl round trip", geti(u2, IPPROTO_IP, IP_RECVTTL) == 1);

	sendto(u1, "datagram", 8, 0, (struct sockaddr *)&a2, sizeof(a2));
	memset(&from, 0, sizeof(from));
	sl = sizeof(from);
	n = recvfrom(u2, buf, sizeof(buf) - 1, 0, (struct sockaddr *)&from, &sl);
	buf[n < 0 ? 0 : n] = 0;
	printf("udp got: %s\n", buf);
	printf("from family: %s, length %u\n", family_name(from.sin_family), (unsigned)sl);
	check("from sa_len", sa_len_ok(&from, sizeof(from)));
	check("same address", from.sin_port == a1.sin_port && from.sin_addr.s_addr == a1.sin_addr.s_addr);

	/* Truncated datagram, the TTL as a control message. */
	sendto(u1, "datagram", 8, 0, (struct sockaddr *)&a2, sizeof(a2));
	memset(&mh, 0, sizeof(mh));
	iov.iov_base = buf;
	iov.iov_len = 4;
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_name = &from;
	mh.msg_namelen = sizeof(from);
	mh.msg_control = ctl;
	mh.msg_controllen = sizeof(ctl);
	n = recvmsg(u2, &mh, 0);
	printf("truncated read: %ld\n", (long)n);
	check("MSG_TRUNC set", (mh.msg_flags & MSG_TRUNC) != 0);
	check("recvmsg name is the sender", mh.msg_namelen == sizeof(from) && from.sin_port == a1.sin_port);
	for (cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm)) {
#ifdef __FreeBSD__
		if (cm->cmsg_level == IPPROTO_IP && cm->cmsg_type == IP_RECVTTL)
			ttl = *(unsigned char *)CMSG_DATA(cm);
#else
		if (cm->cmsg_level == IPPROTO_IP && cm->cmsg_type == IP_TTL)
			memcpy(&ttl, CMSG_DATA(cm), sizeof(ttl));
#endif
	}
	printf("received ttl: %d\n", ttl);

	/* A short name buffer: both report what they copied here. */
	sendto(u1, "x", 1, 0, (struct sockaddr *)&a2, sizeof(a2));
	memset(&from, 0xee, sizeof(from));
	sl = 4;
	recvfrom(u2, buf, sizeof(buf), 0, (struct sockaddr *)&from, &sl);
#ifdef __FreeBSD__
	check("short recvfrom length matches platform", sl == 4);
#else
	check("short recvfrom length matches platform", sl == sizeof(from));
#endif
	check("short recvfrom copied only 4 bytes", from.sin_port == a1.sin_port &&
	    ((unsigned char *)&from)[4] == 0xee);
	close(u1);
	close(u2);
}

static void
pass_fd(void)
{
	int sp[2], p[2], fd = -1;
	char buf[64], ctl[CMSG_SPACE(sizeof(int))], small[CMSG_SPACE(0)];
	struct iovec iov = { buf, 1 };
	struct msghdr mh;
	struct cmsghdr *cm;
	ssize_t n;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sp) < 0 || pipe(p) < 0) {
		fail("socketpair/pipe");
		return;
	}
	bound(sp[1]);
	memset(&mh, 0, sizeof(mh));
	memset(ctl, 0, sizeof(ctl));
	buf[0] = 'x';
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = ctl;
	mh.msg_controllen = sizeof(ctl);
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &p[0], sizeof(int));
	if (sendmsg(sp[0], &mh, 0) != 1)
		fail("sendmsg SCM_RIGHTS");
	close(p[0]);

	memset(&mh, 0, sizeof(mh));
	memset(ctl, 0, sizeof(ctl));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = ctl;
	mh.msg_controllen = sizeof(ctl);
	if (recvmsg(sp[1], &mh, 0) != 1)
		fail("recvmsg SCM_RIGHTS");
	check("control length is one CMSG_SPACE", mh.msg_controllen == CMSG_SPACE(sizeof(int)));
	cm = CMSG_FIRSTHDR(&mh);
	if (cm && cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS &&
	    cm->cmsg_len == CMSG_LEN(sizeof(int)))
		memcpy(&fd, CMSG_DATA(cm), sizeof(int));
	check("received a descriptor", fd > 2);
	write(p[1], "through pipe", 12);
	close(p[1]);
	n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	buf[n < 0 ? 0 : n] = 0;
	printf("received fd reads: %s\n", buf);
	if (fd >= 0)
		close(fd);

	/* No room for the descriptor: MSG_CTRUNC, and it is not installed. */
	if (pipe(p) < 0)
		return;
	memset(&mh, 0, sizeof(mh));
	memset(ctl, 0, sizeof(ctl));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = ctl;
	mh.msg_controllen = sizeof(ctl);
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &p[0], sizeof(int));
	sendmsg(sp[0], &mh, 0);
	close(p[0]);
	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = small;
	mh.msg_controllen = sizeof(small);
	recvmsg(sp[1], &mh, 0);
	check("no room: MSG_CTRUNC", (mh.msg_flags & MSG_CTRUNC) != 0);
	check("no room: no control data", mh.msg_controllen == 0);
	close(sp[0]);
	close(sp[1]);
	close(p[1]);
}

static void
creds(void)
{
	int sp[2];
	char buf[4] = "c", ctl[256];
	struct iovec iov = { buf, 1 };
	struct msghdr mh;
	struct cmsghdr *cm;
	int pid_ok = 0, uid_ok = 0, gid_ok = 0;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sp) < 0) {
		fail("socketpair");
		return;
	}
	bound(sp[1]);
	memset(&mh, 0, sizeof(mh));
	memset(ctl, 0, sizeof(ctl));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = ctl;
	cm = (struct cmsghdr *)ctl;
	cm->cmsg_level = SOL_SOCKET;
#ifdef __FreeBSD__
	/* The kernel fills in the sender's credentials. */
	cm->cmsg_type = SCM_CREDS;
	cm->cmsg_len = CMSG_LEN(sizeof(struct cmsgcred));
	mh.msg_controllen = CMSG_SPACE(sizeof(struct cmsgcred));
#else
	{
		struct ucred uc = { getpid(), getuid(), getgid() };
		seti(sp[1], SOL_SOCKET, SO_PASSCRED, 1);
		cm->cmsg_type = SCM_CREDENTIALS;
		cm->cmsg_len = CMSG_LEN(sizeof(uc));
		memcpy(CMSG_DATA(cm), &uc, sizeof(uc));
		mh.msg_controllen = CMSG_SPACE(sizeof(uc));
	}
#endif
	if (sendmsg(sp[0], &mh, 0) != 1)
		fail("sendmsg credentials");
	memset(&mh, 0, sizeof(mh));
	memset(ctl, 0, sizeof(ctl));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = ctl;
	mh.msg_controllen = sizeof(ctl);
	if (recvmsg(sp[1], &mh, 0) != 1)
		fail("recvmsg credentials");
	for (cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm)) {
#ifdef __FreeBSD__
		if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_CREDS &&
		    cm->cmsg_len == CMSG_LEN(sizeof(struct cmsgcred))) {
			struct cmsgcred cc;
			memcpy(&cc, CMSG_DATA(cm), sizeof(cc));
			pid_ok = cc.cmcred_pid == getpid();
			uid_ok = cc.cmcred_uid == getuid() && cc.cmcred_euid == geteuid();
			gid_ok = cc.cmcred_gid == getgid() && cc.cmcred_ngroups >= 1;
		}
#else
		if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_CREDENTIALS) {
			struct ucred uc;
			memcpy(&uc, CMSG_DATA(cm), sizeof(uc));
			pid_ok = uc.pid == getpid();
			uid_ok = uc.uid == getuid();
			gid_ok = uc.gid == getgid();
		}
#endif
	}
	check("creds pid matches", pid_ok);
	check("creds uid matches", uid_ok);
	check("creds gid matches", gid_ok);

	/* The peer's credentials, as getpeereid() reads them. */
	{
#ifdef __FreeBSD__
		struct xucred xu;
		socklen_t l = sizeof(xu);
		memset(&xu, 0, sizeof(xu));
		if (getsockopt(sp[0], SOL_LOCAL, LOCAL_PEERCRED, &xu, &l) < 0)
			fail("LOCAL_PEERCRED");
		check("peer uid matches", xu.cr_version == XUCRED_VERSION && xu.cr_uid == geteuid());
		check("peer pid matches", xu.cr_pid == getpid());
		check("peer group matches", xu.cr_ngroups >= 1 && xu.cr_groups[0] == getegid());
#else
		struct ucred uc;
		socklen_t l = sizeof(uc);
		if (getsockopt(sp[0], SOL_SOCKET, SO_PEERCRED, &uc, &l) < 0)
			fail("SO_PEERCRED");
		check("peer uid matches", uc.uid == geteuid());
		check("peer pid matches", uc.pid == getpid());
		check("peer group matches", uc.gid == getegid());
#endif
	}
	close(sp[0]);
	close(sp[1]);
}

static void
nosigpipe(void)
{
	int sp[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sp) < 0) {
		fail("socketpair");
		return;
	}
	close(sp[1]);
#ifdef __FreeBSD__
	if (seti(sp[0], SOL_SOCKET, SO_NOSIGPIPE, 1) < 0)
		fail("set SO_NOSIGPIPE");
	check("nosigpipe round trip", geti(sp[0], SOL_SOCKET, SO_NOSIGPIPE) == SO_NOSIGPIPE);
	/* Without the option this would kill the process with SIGPIPE. */
	printf("send to closed peer: %s\n", send(sp[0], "x", 1, 0) < 0 ? errname(errno) : "sent");
#else
	check("nosigpipe round trip", 1);
	printf("send to closed peer: %s\n",
	    send(sp[0], "x", 1, MSG_NOSIGNAL) < 0 ? errname(errno) : "sent");
#endif
	close(sp[0]);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sp) < 0)
		return;
	close(sp[1]);
	printf("send with MSG_NOSIGNAL: %s\n",
	    send(sp[0], "x", 1, MSG_NOSIGNAL) < 0 ? errname(errno) : "sent");
	close(sp[0]);
}

/* Datagrams from an unbound AF_UNIX socket: FreeBSD names the sender
 * with an unnamed address, Linux with none. */
static void
unix_dgram(void)
{
	struct sockaddr_un from;
	socklen_t fl;
	int sp[2];
	char buf[16], ctl[256];
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr mh;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sp) < 0) {
		fail("dgram socketpair");
		return;
	}
	bound(sp[0]);
	bound(sp[1]);
	send(sp[0], "one", 3, 0);
	memset(&from, 0, sizeof(from));
	fl = sizeof(from);
	printf("dgram got: %ld\n", (long)recvfrom(sp[1], buf, sizeof(buf), 0, (struct sockaddr *)&from, &fl));
#ifdef __FreeBSD__
	check("unnamed sender matches platform", fl == sizeof(struct sockaddr) &&
	    from.sun_family == AF_UNIX && from.sun_len == fl);
#else
	check("unnamed sender matches platform", fl == 0);
#endif
	/* A receive with room for credentials, then a send back, and the
	 * sender still reads as unnamed. */
	send(sp[0], "two", 3, 0);
	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = ctl;
	mh.msg_controllen = sizeof(ctl);
	printf("dgram recvmsg: %ld\n", (long)recvmsg(sp[1], &mh, 0));
	send(sp[1], "three", 5, 0);
	memset(&from, 0, sizeof(from));
	fl = sizeof(from);
	printf("dgram reply: %ld\n", (long)recvfrom(sp[0], buf, sizeof(buf), 0, (struct sockaddr *)&from, &fl));
#ifdef __FreeBSD__
	check("replying sender matches platform", fl == sizeof(struct sockaddr) && from.sun_path[0] == 0);
#else
	check("replying sender matches platform", fl == 0);
#endif
	memset(&from, 0, sizeof(from));
	fl = sizeof(from);
	getsockname(sp[1], (struct sockaddr *)&from, &fl);
#ifdef __FreeBSD__
	check("its own name matches platform", fl == sizeof(struct sockaddr) && from.sun_path[0] == 0);
#else
	check("its own name matches platform", fl == sizeof(sa_family_t));
#endif
	close(sp[0]);
	close(sp[1]);
}

static struct sockaddr_un
unix_name(const char *path, socklen_t *len)
{
	struct sockaddr_un sun;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, path);
	*len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(path));
#ifdef __FreeBSD__
	sun.sun_len = (unsigned char)*len;
#endif
	return sun;
}

static void
unix_names(void)
{
	struct sockaddr_un sun, got;
	socklen_t len, gl;
	int sp[2], srv, cli, acc, dfd;

	/* An unnamed socket's name. */
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sp) == 0) {
		memset(&got, 0, sizeof(got));
		gl = sizeof(got);
		if (getpeername(sp[0], (struct sockaddr *)&got, &gl) < 0)
			fail("socketpair getpeername");
		printf("socketpair peer family: %s\n", family_name(got.sun_family));
#ifdef __FreeBSD__
		check("unnamed length matches platform", gl == sizeof(struct sockaddr) && got.sun_len == gl);
#else
		check("unnamed length matches platform", gl == sizeof(sa_family_t));
#endif
		close(sp[0]);
		close(sp[1]);
	}

	unlink("sock.tmp");
	sun = unix_name("sock.tmp", &len);
	srv = socket(AF_UNIX, SOCK_STREAM, 0);
	cli = socket(AF_UNIX, SOCK_STREAM, 0);
	if (srv < 0 || cli < 0 || bind(srv, (struct sockaddr *)&sun, len) < 0 || listen(srv, 2) < 0) {
		fail("unix bind");
		return;
	}
	if (connect(cli, (struct sockaddr *)&sun, len) < 0)
		fail("unix connect");
	memset(&got, 0, sizeof(got));
	gl = sizeof(got);
	acc = accept(srv, (struct sockaddr *)&got, &gl);
	if (acc < 0)
		fail("unix accept");
	printf("accepted from an unnamed client: %s\n", family_name(got.sun_family));
	memset(&got, 0, sizeof(got));
	gl = sizeof(got);
	getsockname(srv, (struct sockaddr *)&got, &gl);
	printf("bound name: %s\n", got.sun_path);
	check("name length covers the path", gl >= len && sa_len_ok(&got, gl));
	memset(&got, 0, sizeof(got));
	gl = sizeof(got);
	getpeername(cli, (struct sockaddr *)&got, &gl);
	printf("client's peer: %s\n", got.sun_path);
	printf("bind over an existing name: %s\n",
	    bind(cli, (struct sockaddr *)&sun, len) < 0 ? errname(errno) : "bound");
	close(acc);
	close(cli);
	close(srv);
	unlink("sock.tmp");

	/* Naming relative to a directory descriptor. */
	rmdir("sockdir.tmp");
	if (mkdir("sockdir.tmp", 0755) < 0 || (dfd = open("sockdir.tmp", O_RDONLY | O_DIRECTORY)) < 0) {
		fail("sockdir");
		return;
	}
	srv = socket(AF_UNIX, SOCK_STREAM, 0);
	cli = socket(AF_UNIX, SOCK_STREAM, 0);
#ifdef __FreeBSD__
	sun = unix_name("inner", &len);
	if (bindat(dfd, srv, (struct sockaddr *)&sun, len) < 0)
		fail("bindat");
#else
	sun = unix_name("sockdir.tmp/inner", &len);
	if (bind(srv, (struct sockaddr *)&sun, len) < 0)
		fail("bind in directory");
#endif
	listen(srv, 2);
	memset(&got, 0, sizeof(got));
	gl = sizeof(got);
	getsockname(srv, (struct sockaddr *)&got, &gl);
#ifdef __FreeBSD__
	check("name bound in a directory reads back as given", strcmp(got.sun_path, "inner") == 0);
	if (connectat(dfd, cli, (struct sockaddr *)&sun, len) < 0)
		fail("connectat");
#else
	check("name bound in a directory reads back as given",
	    strcmp(got.sun_path, "sockdir.tmp/inner") == 0);
	if (connect(cli, (struct sockaddr *)&sun, len) < 0)
		fail("connect in directory");
#endif
	acc = accept(srv, NULL, NULL);
	check("connected through the directory", acc >= 0);
	check("socket file is in the directory", access("sockdir.tmp/inner", F_OK) == 0);
	close(acc);
	close(cli);
	close(srv);
	close(dfd);
	unlink("sockdir.tmp/inner");
	rmdir("sockdir.tmp");
}

static int
v6only_default(void)
{
#ifdef __FreeBSD__
	return 1;
#else
	/* Linux follows net.ipv6.bindv6only, normally 0. */
	FILE *f = fopen("/proc/sys/net/ipv6/bindv6only", "r");
	int v = 0;

	if (f) {
		if (fscanf(f, "%d", &v) != 1)
			v = 0;
		fclose(f);
	}
	return v;
#endif
}

static void
ipv6(void)
{
	struct sockaddr_in6 s6, me, peer;
	socklen_t sl;
	int l, c, a;
	char buf[8];

	if ((l = socket(AF_INET6, SOCK_STREAM, 0)) < 0) {
		printf("ipv6: skipped\n");
		return;
	}
	check("v6only default matches platform", geti(l, IPPROTO_IPV6, IPV6_V6ONLY) == v6only_default());
	if (seti(l, IPPROTO_IPV6, IPV6_UNICAST_HOPS, 7) < 0)
		fail("set IPV6_UNICAST_HOPS");
	printf("unicast hops: %d\n", geti(l, IPPROTO_IPV6, IPV6_UNICAST_HOPS));
	memset(&s6, 0, sizeof(s6));
#ifdef __FreeBSD__
	s6.sin6_len = sizeof(s6);
#endif
	s6.sin6_family = AF_INET6;
	s6.sin6_addr = in6addr_loopback;
	if (bind(l, (struct sockaddr *)&s6, sizeof(s6)) < 0) {
		/* Same host, same answer natively and under uxrun. */
		printf("ipv6 loopback: skipped\n");
		close(l);
		return;
	}
	sl = sizeof(s6);
	listen(l, 2);
	getsockname(l, (struct sockaddr *)&s6, &sl);
	printf("ipv6 listener family: %s, length %u\n", family_name(s6.sin6_family), (unsigned)sl);
	check("ipv6 sa_len", sa_len_ok(&s6, sizeof(s6)));
	c = socket(AF_INET6, SOCK_STREAM, 0);
	if (connect(c, (struct sockaddr *)&s6, sizeof(s6)) < 0)
		fail("ipv6 connect");
	sl = sizeof(peer);
	a = accept(l, (struct sockaddr *)&peer, &sl);
	bound(a);
	sl = sizeof(me);
	getsockname(c, (struct sockaddr *)&me, &sl);
	check("ipv6 peer is the client", a >= 0 && peer.sin6_port == me.sin6_port &&
	    memcmp(&peer.sin6_addr, &in6addr_loopback, sizeof(peer.sin6_addr)) == 0);
	send(c, "six", 3, 0);
	printf("ipv6 exchange: %s\n", recv_all(a, buf, 3) == 3 ? buf : "?");
	close(a);
	close(c);
	close(l);
}

int
main(void)
{
	tcp();
	refused();
	udp();
	pass_fd();
	creds();
	nosigpipe();
	unix_dgram();
	unix_names();
	ipv6();
	sendfile_test();
	printf("failures: %d\n", failures);
	return failures != 0;
}
