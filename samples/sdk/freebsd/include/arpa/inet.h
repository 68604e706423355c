/* uxrun FreeBSD SDK: address conversions (include/arpa/inet.h). */
#ifndef _UXRT_ARPA_INET_H
#define _UXRT_ARPA_INET_H

#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>

#define INET_ADDRSTRLEN		16
#define INET6_ADDRSTRLEN	46

in_addr_t inet_addr(const char *);
int inet_aton(const char *, struct in_addr *);
char *inet_ntoa(struct in_addr);
const char *inet_ntop(int, const void *, char *, socklen_t);
int inet_pton(int, const char *, void *);

#endif
