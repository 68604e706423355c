/* uxrun FreeBSD SDK: TCP-level options (netinet/tcp.h). */
#ifndef _UXRT_NETINET_TCP_H
#define _UXRT_NETINET_TCP_H

#define TCP_NODELAY	0x01
#define TCP_MAXSEG	0x02
#define TCP_NOPUSH	0x04
#define TCP_NOOPT	0x08
#define TCP_INFO	0x20
#define TCP_CONGESTION	0x40
#define TCP_KEEPINIT	0x80
#define TCP_KEEPIDLE	0x100
#define TCP_KEEPINTVL	0x200
#define TCP_KEEPCNT	0x400

#endif
