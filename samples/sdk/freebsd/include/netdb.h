/*
 * uxrun FreeBSD SDK: name resolution (include/netdb.h, FreeBSD 14):
 * struct addrinfo has ai_canonname before ai_addr, and the EAI_* and AI_*
 * numbers are FreeBSD's.
 */
#ifndef _UXRT_NETDB_H
#define _UXRT_NETDB_H

#include <sys/types.h>
#include <sys/socket.h>

#define h_errno (*__h_errno())

struct hostent {
	char *h_name;
	char **h_aliases;
	int h_addrtype;
	int h_length;
	char **h_addr_list;
#define h_addr h_addr_list[0]
};

struct addrinfo {
	int ai_flags;
	int ai_family;
	int ai_socktype;
	int ai_protocol;
	socklen_t ai_addrlen;
	char *ai_canonname;
	struct sockaddr *ai_addr;
	struct addrinfo *ai_next;
};

#define NETDB_INTERNAL	-1
#define NETDB_SUCCESS	0
#define HOST_NOT_FOUND	1
#define TRY_AGAIN	2
#define NO_RECOVERY	3
#define NO_DATA		4
#define NO_ADDRESS	NO_DATA

#define EAI_AGAIN	2
#define EAI_BADFLAGS	3
#define EAI_FAIL	4
#define EAI_FAMILY	5
#define EAI_MEMORY	6
#define EAI_NONAME	8
#define EAI_SERVICE	9
#define EAI_SOCKTYPE	10
#define EAI_SYSTEM	11
#define EAI_BADHINTS	12
#define EAI_PROTOCOL	13
#define EAI_OVERFLOW	14
#define EAI_MAX		15

#define AI_PASSIVE	0x00000001
#define AI_CANONNAME	0x00000002
#define AI_NUMERICHOST	0x00000004
#define AI_NUMERICSERV	0x00000008
#define AI_ALL		0x00000100
#define AI_V4MAPPED_CFG	0x00000200
#define AI_ADDRCONFIG	0x00000400
#define AI_V4MAPPED	0x00000800
#define AI_DEFAULT	(AI_V4MAPPED_CFG | AI_ADDRCONFIG)

#define NI_MAXHOST	1025
#define NI_MAXSERV	32
#define NI_NOFQDN	0x00000001
#define NI_NUMERICHOST	0x00000002
#define NI_NAMEREQD	0x00000004
#define NI_NUMERICSERV	0x00000008
#define NI_DGRAM	0x00000010
#define NI_NUMERICSCOPE	0x00000020

int *__h_errno(void);
struct hostent *gethostbyname(const char *);
struct hostent *gethostbyname2(const char *, int);
struct hostent *gethostbyaddr(const void *, socklen_t, int);
const char *hstrerror(int);
int getaddrinfo(const char *, const char *, const struct addrinfo *, struct addrinfo **);
int getnameinfo(const struct sockaddr *, socklen_t, char *, size_t, char *, size_t, int);
void freeaddrinfo(struct addrinfo *);
const char *gai_strerror(int);

#endif
