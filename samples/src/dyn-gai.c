/*
 * Name and address conversions in a dynamically linked program:
 * getaddrinfo with numeric and "localhost" names (FreeBSD's struct
 * addrinfo, whose name comes before the address, and its AI_* and EAI_*
 * numbers), its errors through gai_strerror, getnameinfo, inet_pton and
 * inet_ntop for both families, inet_addr/inet_aton/inet_ntoa, byte order,
 * and gethostbyname.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static const char *
fam(int f)
{
	return f == AF_INET ? "AF_INET" : f == AF_INET6 ? "AF_INET6" : f == AF_UNSPEC ? "AF_UNSPEC" :
	    "other";
}

static const char *
stype(int t)
{
	return t == SOCK_STREAM ? "STREAM" : t == SOCK_DGRAM ? "DGRAM" : t == SOCK_RAW ? "RAW" :
	    "other";
}

static const char *
eai(int e)
{
	switch (e) {
	case 0: return "0";
	case EAI_NONAME: return "EAI_NONAME";
	case EAI_BADFLAGS: return "EAI_BADFLAGS";
	case EAI_FAMILY: return "EAI_FAMILY";
	case EAI_SERVICE: return "EAI_SERVICE";
	case EAI_SOCKTYPE: return "EAI_SOCKTYPE";
	case EAI_AGAIN: return "EAI_AGAIN";
	case EAI_FAIL: return "EAI_FAIL";
	}
	return "another EAI";
}

static void
show(const char *node, const char *service, int family, int socktype, int flags)
{
	struct addrinfo hints, *res, *ai;
	char host[64];
	int r;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = family;
	hints.ai_socktype = socktype;
	hints.ai_flags = flags;
	r = getaddrinfo(node, service, &hints, &res);
	printf("getaddrinfo(%s, %s, %s, %s): %s\n", node ? node : "NULL", service ? service : "NULL",
	    fam(family), stype(socktype), eai(r));
	if (r != 0) {
		printf("  gai_strerror: %s\n", gai_strerror(r));
		return;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		const void *addr;
		int port;
		if (ai->ai_family == AF_INET) {
			struct sockaddr_in *sin = (struct sockaddr_in *)ai->ai_addr;
			addr = &sin->sin_addr;
			port = ntohs(sin->sin_port);
		} else {
			struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ai->ai_addr;
			addr = &sin6->sin6_addr;
			port = ntohs(sin6->sin6_port);
		}
		printf("  %s %s proto %d addrlen %u: %s port %d, sa_family right %d, canonname %s\n",
		    fam(ai->ai_family), stype(ai->ai_socktype), ai->ai_protocol,
		    (unsigned)ai->ai_addrlen,
		    inet_ntop(ai->ai_family, addr, host, sizeof(host)), port,
		    ai->ai_addr->sa_family == ai->ai_family,
		    ai->ai_canonname ? ai->ai_canonname : "(none)");
	}
	freeaddrinfo(res);
}

int
main(void)
{
	char buf[INET6_ADDRSTRLEN], host[NI_MAXHOST], serv[NI_MAXSERV];
	unsigned char a6[16];
	struct in_addr in;

	show("127.0.0.1", "8080", AF_INET, SOCK_STREAM, AI_NUMERICHOST | AI_NUMERICSERV);
	show("127.0.0.1", "53", AF_UNSPEC, SOCK_DGRAM, AI_NUMERICHOST | AI_CANONNAME);
	show("127.0.0.1", "7", AF_INET, 0, AI_NUMERICHOST);
	show("::1", "443", AF_INET6, SOCK_STREAM, AI_NUMERICHOST);
	show("localhost", "22", AF_INET, SOCK_STREAM, AI_CANONNAME);
	show(NULL, "9000", AF_INET, SOCK_STREAM, AI_PASSIVE);
	show(NULL, "9000", AF_INET, SOCK_STREAM, 0);
	show("not an address", "80", AF_INET, SOCK_STREAM, AI_NUMERICHOST);
	show("127.0.0.1", "no-such-service-name", AF_INET, SOCK_STREAM, AI_NUMERICSERV);
	show("127.0.0.1", "80", 12345, SOCK_STREAM, AI_NUMERICHOST);
	show("127.0.0.1", "80", AF_INET, SOCK_STREAM, 0x40000);

	struct sockaddr_in sin;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(8080);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int r = getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), serv,
	    sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV);
	printf("getnameinfo numeric: %s %s %s\n", eai(r), host, serv);
	r = getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), NULL, 0,
	    NI_NAMEREQD);
	printf("getnameinfo of 127.0.0.1: %s %s\n", eai(r), r == 0 ? host : "-");

	printf("inet_pton v4: %d, ", inet_pton(AF_INET, "192.0.2.33", &in));
	printf("back: %s\n", inet_ntop(AF_INET, &in, buf, sizeof(buf)));
	printf("inet_pton v6: %d, ", inet_pton(AF_INET6, "2001:db8::ff00:42:8329", a6));
	printf("back: %s\n", inet_ntop(AF_INET6, a6, buf, sizeof(buf)));
	printf("inet_pton of garbage: %d\n", inet_pton(AF_INET, "300.1.2.3", &in));
	printf("inet_ntop to a short buffer: %s\n",
	    inet_ntop(AF_INET6, a6, buf, 8) ? "fits" : "NULL");
	printf("inet_addr: %#x\n", ntohl(inet_addr("10.1.2.3")));
	printf("inet_aton: %d, ", inet_aton("172.16.0.1", &in));
	printf("inet_ntoa: %s\n", inet_ntoa(in));
	printf("htons(0x1234) %#x, htonl(0x12345678) %#x\n", htons(0x1234), htonl(0x12345678u));

	struct hostent *he = gethostbyname("localhost");
	if (he)
		printf("gethostbyname(localhost): %s, family right %d, length %d, first %s\n",
		    he->h_name, he->h_addrtype == AF_INET, he->h_length,
		    inet_ntop(AF_INET, he->h_addr_list[0], buf, sizeof(buf)));
	else
		printf("gethostbyname(localhost): NULL\n");
	return 0;
}
