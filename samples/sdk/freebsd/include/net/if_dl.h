/*
 * uxrun FreeBSD SDK: link-level socket addresses (sys/net/if_dl.h;
 * RawSockaddrDatalink in ztypes_freebsd_amd64.go).
 */
#ifndef _UXRT_NET_IF_DL_H
#define _UXRT_NET_IF_DL_H

#include <sys/types.h>

/* sdl_data holds the interface name, then the link-level address, and
 * may run past its declared size (sdl_len says how far). */
struct sockaddr_dl {
	u_char sdl_len;
	u_char sdl_family;	/* AF_LINK */
	u_short sdl_index;
	u_char sdl_type;	/* IFT_* */
	u_char sdl_nlen;
	u_char sdl_alen;
	u_char sdl_slen;
	char sdl_data[46];
};

#define LLADDR(s)	((char *)((s)->sdl_data + (s)->sdl_nlen))
#define CLLADDR(s)	((const char *)((s)->sdl_data + (s)->sdl_nlen))
#define LLINDEX(s)	((s)->sdl_index)

_Static_assert(sizeof(struct sockaddr_dl) == 0x36, "sockaddr_dl");

#endif
