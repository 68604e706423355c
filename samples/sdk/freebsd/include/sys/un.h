/* uxrun FreeBSD SDK: AF_UNIX addresses and SOL_LOCAL options. */
#ifndef _UXRT_SYS_UN_H
#define _UXRT_SYS_UN_H

#include <sys/socket.h>

struct sockaddr_un {
	unsigned char sun_len;
	sa_family_t sun_family;
	char sun_path[104];
};

#define SOL_LOCAL		0
#define LOCAL_PEERCRED		1
#define LOCAL_CREDS		2
#define LOCAL_CONNWAIT		4

#define SUN_LEN(su)	(sizeof(*(su)) - sizeof((su)->sun_path) + __builtin_strlen((su)->sun_path))

#endif
