/*
 * Sending and receiving on sockets: sendto/recvfrom, sendmsg/recvmsg,
 * message flags and control messages.  FreeBSD's cmsghdr has a 32-bit
 * cmsg_len where Linux's is a size_t, but both put the data at offset 16
 * and align to 8, so most payloads keep their size; credentials do not
 * (struct cmsgcred against struct ucred).
 */
#include "config.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/thread.h"
#include "syscalls/freebsd/fbsd_socket.h"

#define M(n) { FBSD_##n, n, #n }
static const struct ux_sym msgflag_syms[] = {
	M(MSG_OOB), M(MSG_PEEK), M(MSG_DONTROUTE), M(MSG_EOR), M(MSG_TRUNC),
	M(MSG_CTRUNC), M(MSG_WAITALL), M(MSG_DONTWAIT), M(MSG_NOSIGNAL),
	M(MSG_CMSG_CLOEXEC), M(MSG_WAITFORONE),
	/* "Data completes the connection": a send, then shutdown(SHUT_WR). */
	{ FBSD_MSG_EOF, 0, "MSG_EOF" },
	/* The kernel's own FIONBIO marker; a guest passing it gets nothing. */
	{ FBSD_MSG_NBIO, 0, "MSG_NBIO" },
};
#undef M
static const struct ux_symtab msgflag_tab = UX_SYMTAB(msgflag_syms, 1);

int
fbsd_to_linux_msgflags(int flags)
{
	return (int)ux_flags_to_host(&msgflag_tab, (uint32_t)flags, "FreeBSD MSG_*");
}

int
linux_to_fbsd_msgflags(int flags)
{
	return (int)ux_flags_to_guest(&msgflag_tab, (uint32_t)flags);
}

static void
report_cmsg(int dir, int level, int type)
{
	static uint8_t reported[2];

	ux_report_once(&reported[dir], "%s control message level %d type %d is not translated "
	    "(further ones are not reported)", dir ? "received" : "FreeBSD", level, type);
}

/* Host control buffers: FreeBSD takes at most MCLBYTES from a sender; a
 * receiver gets at most Linux's SCM_MAX_FD (253) descriptors at a time
 * plus a few small messages. */
#define CTL_SEND_MAX	(FBSD_MCLBYTES + 256)
#define CTL_RECV_MAX	4096

/* Appends one Linux control message; -EINVAL when it does not fit. */
static long
lcmsg_put(uint8_t *buf, size_t room, size_t *used, int level, int type, const void *data,
    size_t n)
{
	struct cmsghdr h = { .cmsg_len = CMSG_LEN(n), .cmsg_level = level, .cmsg_type = type };

	if (*used + CMSG_SPACE(n) > room)
		return -EINVAL;
	memset(buf + *used, 0, CMSG_SPACE(n));
	memcpy(buf + *used, &h, sizeof(h));
	memcpy(buf + *used + CMSG_LEN(0), data, n);
	*used += CMSG_SPACE(n);
	return 0;
}

/*
 * sendmsg control data, FreeBSD -> Linux.  SCM_CREDS asks the kernel to
 * attach the sender's credentials: Linux's SCM_CREDENTIALS carries them
 * when the sender fills in its own, which it may.
 */
static long
cmsgs_to_linux(const uint8_t *g, uint32_t glen, uint8_t *l, size_t *llen)
{
	size_t pos = 0, used = 0;
	long r;

	while (pos + sizeof(struct fbsd_cmsghdr) <= glen) {
		struct fbsd_cmsghdr h;
		const uint8_t *data = g + pos + FBSD_CMSG_HDRSZ;
		size_t n;
		int level = -1, type = -1;

		memcpy(&h, g + pos, sizeof(h));
		if (h.cmsg_len < sizeof(h) || h.cmsg_len > glen - pos)
			return -EINVAL;
		n = h.cmsg_len > FBSD_CMSG_HDRSZ ? h.cmsg_len - FBSD_CMSG_HDRSZ : 0;
		switch (h.cmsg_level) {
		case FBSD_SOL_SOCKET:
			level = SOL_SOCKET;
			if (h.cmsg_type == FBSD_SCM_RIGHTS) {
				/* Never let the guest pass on uxrun's own descriptors. */
				for (size_t i = 0; i + sizeof(int) <= n; i += sizeof(int)) {
					int fd;
					memcpy(&fd, data + i, sizeof(fd));
					if (ux_fd_is_host(fd))
						return -EBADF;
				}
				type = SCM_RIGHTS;
			} else if (h.cmsg_type == FBSD_SCM_CREDS) {
				struct ucred uc = {
					.pid = (pid_t)ux_sys(SYS_getpid),
					.uid = (uid_t)ux_sys(SYS_getuid),
					.gid = (gid_t)ux_sys(SYS_getgid),
				};
				if ((r = lcmsg_put(l, CTL_SEND_MAX, &used, SOL_SOCKET,
				    SCM_CREDENTIALS, &uc, sizeof(uc))) < 0)
					return r;
				goto next;
			}
			break;
		case FBSD_IPPROTO_IP:
			level = IPPROTO_IP;
			if (h.cmsg_type == FBSD_IP_TOS)
				type = IP_TOS;
			else if (h.cmsg_type == FBSD_IP_RECVDSTADDR && n >= sizeof(struct in_addr)) {
				/* IP_SENDSRCADDR: the source is Linux's ipi_spec_dst. */
				struct in_pktinfo pi = { 0 };
				memcpy(&pi.ipi_spec_dst, data, sizeof(pi.ipi_spec_dst));
				if ((r = lcmsg_put(l, CTL_SEND_MAX, &used, IPPROTO_IP, IP_PKTINFO,
				    &pi, sizeof(pi))) < 0)
					return r;
				goto next;
			}
			break;
		case FBSD_IPPROTO_IPV6:
			level = IPPROTO_IPV6;
			if (h.cmsg_type == FBSD_IPV6_PKTINFO)
				type = IPV6_PKTINFO;
			else if (h.cmsg_type == FBSD_IPV6_HOPLIMIT)
				type = IPV6_HOPLIMIT;
			else if (h.cmsg_type == FBSD_IPV6_TCLASS)
				type = IPV6_TCLASS;
			break;
		}
		if (type < 0) {
			report_cmsg(0, h.cmsg_level, h.cmsg_type);
			return -EINVAL;
		}
		if ((r = lcmsg_put(l, CTL_SEND_MAX, &used, level, type, data, n)) < 0)
			return r;
next:
		pos += FBSD_CMSG_ALIGN(h.cmsg_len);
	}
	*llen = used;
	return 0;
}

static void
close_fds(const struct cmsghdr *cm)
{
	size_t n = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
	const uint8_t *p = CMSG_DATA(cm);

	for (size_t i = 0; i < n; i++) {
		int fd;
		memcpy(&fd, p + i * sizeof(int), sizeof(fd));
		ux_sys(SYS_close, fd);
	}
}

/*
 * recvmsg control data, Linux -> FreeBSD, into g (room bytes).  As
 * FreeBSD does, a message is copied whole or not at all, each taking
 * CMSG_SPACE, and the first that does not fit ends the list with
 * MSG_CTRUNC; descriptors left out are closed.  Returns the bytes used.
 */
static size_t
cmsgs_to_fbsd(struct msghdr *lm, uint8_t *g, size_t room, int *ctrunc)
{
	size_t used = 0;

	for (struct cmsghdr *cm = CMSG_FIRSTHDR(lm); cm; cm = CMSG_NXTHDR(lm, cm)) {
		const uint8_t *data = CMSG_DATA(cm);
		size_t n = cm->cmsg_len - CMSG_LEN(0);
		uint8_t tmp[sizeof(struct fbsd_cmsgcred)];
		const void *out = data;
		struct fbsd_cmsghdr h = { 0 };
		int rights = cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS;

		h.cmsg_level = -1;
		if (*ctrunc) {
			if (rights)
				close_fds(cm);
			continue;
		}
		switch (cm->cmsg_level) {
		case SOL_SOCKET:
			h.cmsg_level = FBSD_SOL_SOCKET;
			if (rights) {
				h.cmsg_type = FBSD_SCM_RIGHTS;
				/* The lowest free numbers lie below uxrun's band
				 * unless the guest's table is full. */
				for (size_t i = 0; i + sizeof(int) <= n; i += sizeof(int)) {
					int fd;
					memcpy(&fd, data + i, sizeof(fd));
					if (ux_fd_is_host(fd))
						h.cmsg_level = -1;
				}
				if (h.cmsg_level < 0) {
					close_fds(cm);
					*ctrunc = 1;
					continue;
				}
			} else if (cm->cmsg_type == SCM_CREDENTIALS && n >= sizeof(struct ucred)) {
				struct ucred uc;
				struct fbsd_cmsgcred cc = { 0 };
				memcpy(&uc, data, sizeof(uc));
				/* pid 0: the message was queued before SO_PASSCRED was
				 * set and without credentials; FreeBSD shows none. */
				if (uc.pid == 0)
					continue;
				/* XXX Linux carries no effective uid or group list:
				 * the real ids stand in for them. */
				cc.cmcred_pid = uc.pid;
				cc.cmcred_uid = uc.uid;
				cc.cmcred_euid = uc.uid;
				cc.cmcred_gid = uc.gid;
				cc.cmcred_ngroups = 1;
				cc.cmcred_groups[0] = uc.gid;
				memcpy(tmp, &cc, sizeof(cc));
				out = tmp;
				n = sizeof(cc);
				h.cmsg_type = FBSD_SCM_CREDS;
				/* Credentials SO_PASSCRED attached on its own may not
				 * fit where the guest expected none. */
				if (used + FBSD_CMSG_SPACE(n) > room)
					continue;
			} else if (cm->cmsg_type == SO_TIMESTAMP) {
				h.cmsg_type = FBSD_SCM_TIMESTAMP;	/* struct timeval on both */
			} else
				h.cmsg_level = -1;
			break;
		case IPPROTO_IP:
			h.cmsg_level = FBSD_IPPROTO_IP;
			if (cm->cmsg_type == IP_TTL && n >= sizeof(int)) {
				int ttl;
				memcpy(&ttl, data, sizeof(ttl));
				tmp[0] = (uint8_t)ttl;	/* FreeBSD's is a u_char */
				out = tmp;
				n = 1;
				h.cmsg_type = FBSD_IP_RECVTTL;
			} else if (cm->cmsg_type == IP_TOS) {
				h.cmsg_type = FBSD_IP_RECVTOS;
			} else if (cm->cmsg_type == IP_PKTINFO && n >= sizeof(struct in_pktinfo)) {
				/* IP_RECVDSTADDR: the header's destination address. */
				out = data + offsetof(struct in_pktinfo, ipi_addr);
				n = sizeof(struct in_addr);
				h.cmsg_type = FBSD_IP_RECVDSTADDR;
			} else if (cm->cmsg_type == IP_OPTIONS) {
				h.cmsg_type = FBSD_IP_RECVOPTS;
			} else if (cm->cmsg_type == IP_RETOPTS) {
				h.cmsg_type = FBSD_IP_RECVRETOPTS;
			} else
				h.cmsg_level = -1;
			break;
		case IPPROTO_IPV6:
			h.cmsg_level = FBSD_IPPROTO_IPV6;
			if (cm->cmsg_type == IPV6_PKTINFO)
				h.cmsg_type = FBSD_IPV6_PKTINFO;
			else if (cm->cmsg_type == IPV6_HOPLIMIT)
				h.cmsg_type = FBSD_IPV6_HOPLIMIT;
			else if (cm->cmsg_type == IPV6_TCLASS)
				h.cmsg_type = FBSD_IPV6_TCLASS;
			else
				h.cmsg_level = -1;
			break;
		}
		if (h.cmsg_level < 0) {
			report_cmsg(1, cm->cmsg_level, cm->cmsg_type);
			continue;
		}
		if (used + FBSD_CMSG_SPACE(n) > room) {
			*ctrunc = 1;
			if (rights)
				close_fds(cm);
			continue;
		}
		h.cmsg_len = (uint32_t)FBSD_CMSG_LEN(n);
		memset(g + used, 0, FBSD_CMSG_SPACE(n));
		memcpy(g + used, &h, sizeof(h));
		memcpy(g + used + FBSD_CMSG_HDRSZ, out, n);
		used += FBSD_CMSG_SPACE(n);
	}
	return used;
}

/* The guest's send flags; SO_NOSIGPIPE turns into MSG_NOSIGNAL. */
static int
send_flags(int s, int flags)
{
	int lflags = fbsd_to_linux_msgflags(flags);

	if (!(lflags & MSG_NOSIGNAL) && fbsd_sock_nosigpipe(s))
		lflags |= MSG_NOSIGNAL;
	return lflags;
}

static long
sent(int s, long r, int flags)
{
	if (r >= 0 && (flags & FBSD_MSG_EOF))
		ux_sys(SYS_shutdown, s, SHUT_WR);
	return r;
}

long
fbsd_sys_sendto(struct uxcall *c, int s, const void *buf, size_t len, int flags,
    const void *to, int tolen)
{
	struct sockaddr_storage ss;
	uint32_t sl = 0;
	long r;

	if (to && (r = bsd_sockaddr_copyin(&fbsd_sockaddr_abi, (uintptr_t)to, (uint32_t)tolen,
	    &ss, &sl)) < 0)
		return r;
	r = ux_block(c->td, SYS_sendto, s, buf, len, send_flags(s, flags), to ? &ss : NULL, sl);
	return sent(s, r, flags);
}

long
fbsd_sys_sendmsg(struct uxcall *c, int s, const void *msg, int flags)
{
	struct fbsd_msghdr gm;
	struct sockaddr_storage ss;
	uint8_t gctl[FBSD_MCLBYTES];
	_Alignas(struct cmsghdr) uint8_t lctl[CTL_SEND_MAX];
	struct msghdr lm = { 0 };
	uint32_t sl = 0;
	size_t cl = 0;
	long r;

	if ((r = ux_copyin(&gm, msg, sizeof(gm))) < 0)
		return r;
	if ((uint32_t)gm.msg_iovlen > FBSD_UIO_MAXIOV)
		return -EMSGSIZE;
	if (gm.msg_name) {
		if ((r = bsd_sockaddr_copyin(&fbsd_sockaddr_abi, gm.msg_name, gm.msg_namelen,
		    &ss, &sl)) < 0)
			return r;
		lm.msg_name = &ss;
		lm.msg_namelen = sl;
	}
	if (gm.msg_control) {
		if (gm.msg_controllen < sizeof(struct fbsd_cmsghdr))
			return -EINVAL;
		if (gm.msg_controllen > sizeof(gctl))
			return -EMSGSIZE;
		if ((r = ux_copyin(gctl, gm.msg_control, gm.msg_controllen)) < 0)
			return r;
		if ((r = cmsgs_to_linux(gctl, gm.msg_controllen, lctl, &cl)) < 0)
			return r;
		if (cl) {
			lm.msg_control = lctl;
			lm.msg_controllen = cl;
		}
	}
	/* struct iovec has the same layout on both. */
	lm.msg_iov = (struct iovec *)(uintptr_t)gm.msg_iov;
	lm.msg_iovlen = (size_t)gm.msg_iovlen;
	r = ux_block(c->td, SYS_sendmsg, s, &lm, send_flags(s, flags));
	return sent(s, r, flags);
}

/*
 * The sender's name as FreeBSD gives it: only for datagram protocols
 * (Linux also names a bound AF_UNIX stream peer), and for an unbound
 * AF_UNIX datagram sender the unnamed address, where Linux gives none.
 * Returns the length to convert.
 */
static socklen_t
sender_name(int s, struct sockaddr_storage *ss, socklen_t sl)
{
	int v;
	socklen_t vl = sizeof(v);

	if (sl > 0 && ss->ss_family != AF_UNIX)
		return sl;
	if (sl == 0 && (ux_sys(SYS_getsockopt, s, SOL_SOCKET, SO_DOMAIN, &v, &vl) < 0 ||
	    v != AF_UNIX))
		return 0;
	vl = sizeof(v);
	if (ux_sys(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &v, &vl) < 0 || v != SOCK_DGRAM)
		return 0;
	if (sl == 0) {
		ss->ss_family = AF_UNIX;
		sl = sizeof(sa_family_t);
	}
	return sl;
}

long
fbsd_sys_recvfrom(struct uxcall *c, int s, void *buf, size_t len, int flags, void *from,
    uint32_t *fromlenaddr)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	uint32_t room = 0, reported;
	long r, n;

	if (fromlenaddr && (r = ux_copyin(&room, fromlenaddr, sizeof(room))) < 0)
		return r;
	n = ux_block(c->td, SYS_recvfrom, s, buf, len, fbsd_to_linux_msgflags(flags),
	    from ? &ss : NULL, from ? &sl : NULL);
	if (n < 0)
		return n;
	reported = room;	/* without a buffer the length goes back unchanged */
	if (from) {
		sl = sender_name(s, &ss, sl);
		if ((r = bsd_sockaddr_copyout(&fbsd_sockaddr_abi, (struct sockaddr *)&ss, sl,
		    (uintptr_t)from, room, 0, &reported)) < 0)
			return r;
	}
	if (fromlenaddr && (r = ux_copyout(fromlenaddr, &reported, sizeof(reported))) < 0)
		return r;
	return n;
}

long
fbsd_sys_recvmsg(struct uxcall *c, int s, void *msg, int flags)
{
	struct fbsd_msghdr gm;
	struct sockaddr_storage ss;
	_Alignas(struct cmsghdr) uint8_t lctl[CTL_RECV_MAX];
	uint8_t gctl[CTL_RECV_MAX + 256];
	struct msghdr lm = { 0 };
	int ctrunc = 0;
	long r, n;

	if ((r = ux_copyin(&gm, msg, sizeof(gm))) < 0)
		return r;
	if ((uint32_t)gm.msg_iovlen > FBSD_UIO_MAXIOV)
		return -EMSGSIZE;
	if (gm.msg_name) {
		lm.msg_name = &ss;
		lm.msg_namelen = sizeof(ss);
	}
	lm.msg_iov = (struct iovec *)(uintptr_t)gm.msg_iov;
	lm.msg_iovlen = (size_t)gm.msg_iovlen;
	if (gm.msg_control) {
		lm.msg_control = lctl;
		lm.msg_controllen = sizeof(lctl);
		/* A buffer with room for credentials may be waiting for an
		 * SCM_CREDS the sender attached: Linux hands those over only
		 * with SO_PASSCRED on the receiving socket.  Set lazily (it
		 * makes Linux autobind an unbound AF_UNIX socket on connect
		 * or send; such names read back as unnamed). */
		if (gm.msg_controllen >= FBSD_CMSG_SPACE(sizeof(struct fbsd_cmsgcred))) {
			int one = 1;
			ux_sys(SYS_setsockopt, s, SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));
		}
	}
	n = ux_block(c->td, SYS_recvmsg, s, &lm, fbsd_to_linux_msgflags(flags));
	if (n < 0)
		return n;
	if (gm.msg_name) {
		uint32_t reported;
		socklen_t sl = sender_name(s, &ss, lm.msg_namelen);
		if ((r = bsd_sockaddr_copyout(&fbsd_sockaddr_abi, (struct sockaddr *)&ss, sl,
		    gm.msg_name, gm.msg_namelen, 0, &reported)) < 0)
			return r;
		gm.msg_namelen = reported;
	}
	if (gm.msg_control) {
		size_t room = gm.msg_controllen < sizeof(gctl) ? gm.msg_controllen : sizeof(gctl);
		size_t used = cmsgs_to_fbsd(&lm, gctl, room, &ctrunc);
		if (used && (r = ux_copyout(gm.msg_control, gctl, used)) < 0)
			return r;
		gm.msg_controllen = (uint32_t)used;
	}
	/* FreeBSD's soreceive ORs what happened into the flags it was
	 * called with. */
	gm.msg_flags = (flags & ~FBSD_MSG_EOR) | linux_to_fbsd_msgflags(lm.msg_flags) |
	    (ctrunc ? FBSD_MSG_CTRUNC : 0);
	if ((r = ux_copyout(msg, &gm, sizeof(gm))) < 0)
		return r;
	return n;
}

/* struct sf_hdtr: data written before and after the file's bytes. */
struct fbsd_sf_hdtr {
	uint64_t headers;	/* struct iovec * */
	int32_t hdr_cnt;
	int32_t pad0;
	uint64_t trailers;
	int32_t trl_cnt;
	int32_t pad1;
};

/*
 * FreeBSD's sendfile(fd, s, offset, nbytes, hdtr, sbytes, flags) over
 * Linux's: headers and trailers by writev, the file by sendfile(2) from a
 * private offset (the file position is left alone on both systems).
 * nbytes 0 means "to the end of the file".  When the socket would block or
 * a signal comes after some bytes went, FreeBSD fails with EAGAIN/EINTR and
 * still reports the count in *sbytes; so does this.  The SF_* flags only
 * tune the kernel's page cache use and are accepted as no-ops.
 */
long
fbsd_sys_sendfile(struct uxcall *c, int fd, int s, int64_t offset, size_t nbytes,
    const void *hdtr, int64_t *sbytes, int flags)
{
	struct fbsd_sf_hdtr h = { 0 };
	int64_t total = 0, off = offset;
	long r = 0, type;
	socklen_t tl = sizeof(type);

	(void)flags;
	if (offset < 0)
		return -EINVAL;
	if (ux_sys(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &type, &tl) < 0)
		return ux_sys(SYS_fcntl, s, F_GETFD) < 0 ? -EBADF : -ENOTSOCK;
	if (hdtr != NULL && ux_copyin(&h, hdtr, sizeof(h)) < 0)
		return -EFAULT;
	if (h.headers && h.hdr_cnt > 0) {
		r = ux_block(c->td, SYS_writev, s, h.headers, h.hdr_cnt);
		if (r > 0)
			total += r;
	}
	while (r >= 0 && (nbytes == 0 || (size_t)(off - offset) < nbytes)) {
		size_t want = nbytes ? nbytes - (size_t)(off - offset) : 1u << 30;

		if (want > (1u << 30))
			want = 1u << 30;
		r = ux_block(c->td, SYS_sendfile, s, fd, &off, want);
		if (r == 0)
			break;		/* end of file */
		if (r > 0)
			total += r;
	}
	if (r >= 0 && h.trailers && h.trl_cnt > 0) {
		r = ux_block(c->td, SYS_writev, s, h.trailers, h.trl_cnt);
		if (r > 0)
			total += r;
	}
	if (sbytes != NULL && ux_copyout(sbytes, &total, sizeof(total)) < 0)
		return -EFAULT;
	return r < 0 ? r : 0;
}
