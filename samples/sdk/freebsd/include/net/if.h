/*
 * uxrun FreeBSD SDK: network interfaces and the routing socket's interface
 * messages, FreeBSD 14 amd64 (sys/net/if.h; zerrors/ztypes_freebsd_amd64.go).
 */
#ifndef _UXRT_NET_IF_H
#define _UXRT_NET_IF_H

#include <sys/types.h>
#include <sys/time.h>

#define IFNAMSIZ	16
#define IF_NAMESIZE	IFNAMSIZ

/* if_flags, with the driver's if_drv_flags or-ed in by the routing socket */
#define IFF_UP		0x1
#define IFF_BROADCAST	0x2
#define IFF_DEBUG	0x4
#define IFF_LOOPBACK	0x8
#define IFF_POINTOPOINT	0x10
#define IFF_DRV_RUNNING	0x40
#define IFF_RUNNING	IFF_DRV_RUNNING
#define IFF_NOARP	0x80
#define IFF_PROMISC	0x100
#define IFF_ALLMULTI	0x200
#define IFF_DRV_OACTIVE	0x400
#define IFF_OACTIVE	IFF_DRV_OACTIVE
#define IFF_SIMPLEX	0x800
#define IFF_LINK0	0x1000
#define IFF_LINK1	0x2000
#define IFF_LINK2	0x4000
#define IFF_MULTICAST	0x8000
#define IFF_CANTCONFIG	0x10000
#define IFF_PPROMISC	0x20000
#define IFF_MONITOR	0x40000
#define IFF_STATICARP	0x80000
#define IFF_DYING	0x200000
#define IFF_RENAMING	0x400000

#define LINK_STATE_UNKNOWN	0
#define LINK_STATE_DOWN		1
#define LINK_STATE_UP		2

struct if_data {
	uint8_t ifi_type;
	uint8_t ifi_physical;
	uint8_t ifi_addrlen;
	uint8_t ifi_hdrlen;
	uint8_t ifi_link_state;
	uint8_t ifi_vhid;
	uint16_t ifi_datalen;
	uint32_t ifi_mtu;
	uint32_t ifi_metric;
	uint64_t ifi_baudrate;
	uint64_t ifi_ipackets;
	uint64_t ifi_ierrors;
	uint64_t ifi_opackets;
	uint64_t ifi_oerrors;
	uint64_t ifi_collisions;
	uint64_t ifi_ibytes;
	uint64_t ifi_obytes;
	uint64_t ifi_imcasts;
	uint64_t ifi_omcasts;
	uint64_t ifi_iqdrops;
	uint64_t ifi_oqdrops;
	uint64_t ifi_noproto;
	uint64_t ifi_hwassist;
	union {
		time_t tt;
		uint64_t ph;
	} __ifi_epoch;
	union {
		struct timeval tv;
		struct {
			uint64_t ph1;
			uint64_t ph2;
		} ph;
	} __ifi_lastchange;
};
#define ifi_epoch	__ifi_epoch.tt
#define ifi_lastchange	__ifi_lastchange.tv

/* RTM_IFINFO */
struct if_msghdr {
	u_short ifm_msglen;
	u_char ifm_version;
	u_char ifm_type;
	int ifm_addrs;
	int ifm_flags;
	u_short ifm_index;
	u_short _ifm_spare1;
	struct if_data ifm_data;
};

/* RTM_IFINFO from NET_RT_IFLISTL: says where its parts are */
struct if_msghdrl {
	u_short ifm_msglen;
	u_char ifm_version;
	u_char ifm_type;
	int ifm_addrs;
	int ifm_flags;
	u_short ifm_index;
	u_short _ifm_spare1;
	u_short ifm_len;
	u_short ifm_data_off;
	int _ifm_spare2;
	struct if_data ifm_data;
};

/* RTM_NEWADDR, RTM_DELADDR */
struct ifa_msghdr {
	u_short ifam_msglen;
	u_char ifam_version;
	u_char ifam_type;
	int ifam_addrs;
	int ifam_flags;
	u_short ifam_index;
	u_short _ifam_spare1;
	int ifam_metric;
};

struct ifa_msghdrl {
	u_short ifam_msglen;
	u_char ifam_version;
	u_char ifam_type;
	int ifam_addrs;
	int ifam_flags;
	u_short ifam_index;
	u_short _ifam_spare1;
	u_short ifam_len;
	u_short ifam_data_off;
	int ifam_metric;
	struct if_data ifam_data;
};

/* RTM_NEWMADDR, RTM_DELMADDR */
struct ifma_msghdr {
	u_short ifmam_msglen;
	u_char ifmam_version;
	u_char ifmam_type;
	int ifmam_addrs;
	int ifmam_flags;
	u_short ifmam_index;
	u_short _ifmam_spare1;
};

_Static_assert(sizeof(struct if_data) == 0x98, "if_data");
_Static_assert(sizeof(struct if_msghdr) == 0xa8, "if_msghdr");
_Static_assert(sizeof(struct if_msghdrl) == 0xb0, "if_msghdrl");
_Static_assert(sizeof(struct ifa_msghdr) == 0x14, "ifa_msghdr");
_Static_assert(sizeof(struct ifa_msghdrl) == 0xb0, "ifa_msghdrl");
_Static_assert(sizeof(struct ifma_msghdr) == 0x10, "ifma_msghdr");

#endif
