/* ioctl(2): terminals and the generic file ioctls. */
#include "config.h"

/* The kernel's termios2 and Bxxx codes; glibc's <termios.h> hides both. */
#include <asm/termbits.h>
#include <asm/ioctls.h>

#include "syscalls/freebsd/fbsd_handlers.h"
#include "syscalls/freebsd/fbsd_convert.h"

/* termios bits, FreeBSD <sys/_termios.h> */
#define FBSD_IGNBRK	0x00000001
#define FBSD_BRKINT	0x00000002
#define FBSD_IGNPAR	0x00000004
#define FBSD_PARMRK	0x00000008
#define FBSD_INPCK	0x00000010
#define FBSD_ISTRIP	0x00000020
#define FBSD_INLCR	0x00000040
#define FBSD_IGNCR	0x00000080
#define FBSD_ICRNL	0x00000100
#define FBSD_IXON	0x00000200
#define FBSD_IXOFF	0x00000400
#define FBSD_IXANY	0x00000800
#define FBSD_IMAXBEL	0x00002000
#define FBSD_IUTF8	0x00004000

#define FBSD_OPOST	0x00000001
#define FBSD_ONLCR	0x00000002
#define FBSD_TAB3	0x00000004	/* OXTABS */
#define FBSD_OCRNL	0x00000010
#define FBSD_ONOCR	0x00000020
#define FBSD_ONLRET	0x00000040

#define FBSD_CIGNORE	0x00000001
#define FBSD_CS6	0x00000100
#define FBSD_CS7	0x00000200
#define FBSD_CS8	0x00000300
#define FBSD_CSTOPB	0x00000400
#define FBSD_CREAD	0x00000800
#define FBSD_PARENB	0x00001000
#define FBSD_PARODD	0x00002000
#define FBSD_HUPCL	0x00004000
#define FBSD_CLOCAL	0x00008000
#define FBSD_CCTS_OFLOW	0x00010000
#define FBSD_CRTS_IFLOW	0x00020000
#define FBSD_CRTSCTS	(FBSD_CCTS_OFLOW | FBSD_CRTS_IFLOW)

#define FBSD_ECHOKE	0x00000001
#define FBSD_ECHOE	0x00000002
#define FBSD_ECHOK	0x00000004
#define FBSD_ECHO	0x00000008
#define FBSD_ECHONL	0x00000010
#define FBSD_ECHOPRT	0x00000020
#define FBSD_ECHOCTL	0x00000040
#define FBSD_ISIG	0x00000080
#define FBSD_ICANON	0x00000100
#define FBSD_IEXTEN	0x00000400
#define FBSD_EXTPROC	0x00000800
#define FBSD_TOSTOP	0x00400000
#define FBSD_FLUSHO	0x00800000
#define FBSD_NOKERNINFO	0x02000000
#define FBSD_PENDIN	0x20000000
#define FBSD_NOFLSH	0x80000000

#define FBSD_VDISABLE	0xff
#define FBSD_VMIN	16
#define FBSD_VTIME	17

/* TIOCFLUSH's argument */
#define FBSD_FREAD	0x0001
#define FBSD_FWRITE	0x0002

#define S(name, host) { FBSD_##name, (uint64_t)(host), #name }

static const struct ux_sym iflag_syms[] = {
	S(IGNBRK, IGNBRK), S(BRKINT, BRKINT), S(IGNPAR, IGNPAR), S(PARMRK, PARMRK),
	S(INPCK, INPCK), S(ISTRIP, ISTRIP), S(INLCR, INLCR), S(IGNCR, IGNCR),
	S(ICRNL, ICRNL), S(IXON, IXON), S(IXOFF, IXOFF), S(IXANY, IXANY),
	S(IMAXBEL, IMAXBEL), S(IUTF8, IUTF8),
};
static const struct ux_symtab iflag_tab = UX_SYMTAB(iflag_syms, 1);

/* ONOEOT (discard ^D on output) has no Linux twin: left out, so reported. */
static const struct ux_sym oflag_syms[] = {
	S(OPOST, OPOST), S(ONLCR, ONLCR), S(TAB3, TAB3), S(OCRNL, OCRNL),
	S(ONOCR, ONOCR), S(ONLRET, ONLRET),
};
static const struct ux_symtab oflag_tab = UX_SYMTAB(oflag_syms, 1);

/*
 * CS8 before CS7 and CS6, CRTSCTS before its halves: the converters take
 * the first entry whose bits are all present.  Linux has one flow-control
 * bit for both directions.  CIGNORE is handled by the caller.
 */
static const struct ux_sym cflag_syms[] = {
	S(CS8, CS8), S(CS7, CS7), S(CS6, CS6), S(CSTOPB, CSTOPB), S(CREAD, CREAD),
	S(PARENB, PARENB), S(PARODD, PARODD), S(HUPCL, HUPCL), S(CLOCAL, CLOCAL),
	S(CRTSCTS, CRTSCTS), S(CCTS_OFLOW, CRTSCTS), S(CRTS_IFLOW, CRTSCTS),
	S(CIGNORE, 0),
};
static const struct ux_symtab cflag_tab = UX_SYMTAB(cflag_syms, 1);

/* NOKERNINFO silences the status key, which Linux does not have anyway. */
static const struct ux_sym lflag_syms[] = {
	S(ECHOKE, ECHOKE), S(ECHOE, ECHOE), S(ECHOK, ECHOK), S(ECHO, ECHO),
	S(ECHONL, ECHONL), S(ECHOPRT, ECHOPRT), S(ECHOCTL, ECHOCTL), S(ISIG, ISIG),
	S(ICANON, ICANON), S(IEXTEN, IEXTEN), S(EXTPROC, EXTPROC), S(TOSTOP, TOSTOP),
	S(FLUSHO, FLUSHO), S(NOKERNINFO, 0), S(PENDIN, PENDIN), S(NOFLSH, NOFLSH),
};
static const struct ux_symtab lflag_tab = UX_SYMTAB(lflag_syms, 1);

/* The Linux bits each table speaks for; the others keep their host value. */
#define L_IFLAG_MASK (IGNBRK | BRKINT | IGNPAR | PARMRK | INPCK | ISTRIP | INLCR | \
	IGNCR | ICRNL | IXON | IXOFF | IXANY | IMAXBEL | IUTF8)
#define L_OFLAG_MASK (OPOST | ONLCR | TABDLY | OCRNL | ONOCR | ONLRET)
#define L_CFLAG_MASK (CSIZE | CSTOPB | CREAD | PARENB | PARODD | HUPCL | CLOCAL | \
	CRTSCTS | CBAUD | CIBAUD)
#define L_LFLAG_MASK (ECHOKE | ECHOE | ECHOK | ECHO | ECHONL | ECHOPRT | ECHOCTL | \
	ISIG | ICANON | IEXTEN | EXTPROC | TOSTOP | FLUSHO | PENDIN | NOFLSH)

/* c_cc: FreeBSD index -> Linux index; -1 for VERASE2, VDSUSP, VSTATUS. */
static const signed char cc_to_linux[FBSD_NCCS] = {
	[0] = VEOF, [1] = VEOL, [2] = VEOL2, [3] = VERASE, [4] = VWERASE, [5] = VKILL,
	[6] = VREPRINT, [7] = -1, [8] = VINTR, [9] = VQUIT, [10] = VSUSP, [11] = -1,
	[12] = VSTART, [13] = VSTOP, [14] = VLNEXT, [15] = VDISCARD, [16] = VMIN,
	[17] = VTIME, [18] = -1, [19] = -1,
};

/* FreeBSD keeps speeds as plain numbers; Linux encodes the usual ones. */
static const struct { uint32_t baud; uint32_t code; } speeds[] = {
	{ 0, B0 }, { 50, B50 }, { 75, B75 }, { 110, B110 }, { 134, B134 }, { 150, B150 },
	{ 200, B200 }, { 300, B300 }, { 600, B600 }, { 1200, B1200 }, { 1800, B1800 },
	{ 2400, B2400 }, { 4800, B4800 }, { 9600, B9600 }, { 19200, B19200 },
	{ 38400, B38400 }, { 57600, B57600 }, { 115200, B115200 }, { 230400, B230400 },
	{ 460800, B460800 }, { 500000, B500000 }, { 576000, B576000 }, { 921600, B921600 },
	{ 1000000, B1000000 }, { 1152000, B1152000 }, { 1500000, B1500000 },
	{ 2000000, B2000000 }, { 2500000, B2500000 }, { 3000000, B3000000 },
	{ 3500000, B3500000 }, { 4000000, B4000000 },
};
#define NSPEEDS (sizeof(speeds) / sizeof(speeds[0]))

static uint32_t
speed_code(uint32_t baud)
{
	for (unsigned i = 0; i < NSPEEDS; i++)
		if (speeds[i].baud == baud)
			return speeds[i].code;
	return BOTHER;
}

/* other: the speed the kernel keeps next to BOTHER */
static uint32_t
speed_baud(uint32_t code, uint32_t other)
{
	if (code == BOTHER)
		return other;
	for (unsigned i = 0; i < NSPEEDS; i++)
		if (speeds[i].code == code)
			return speeds[i].baud;
	return other;
}

/* l holds the terminal's current state: what FreeBSD cannot express
 * (line discipline, VSWTC, XCASE, delays, CMSPAR) stays as it is. */
void
fbsd_to_linux_termios(const struct fbsd_termios *g, struct termios2 *l)
{
	l->c_iflag = (l->c_iflag & ~(tcflag_t)L_IFLAG_MASK) |
	    (tcflag_t)ux_flags_to_host(&iflag_tab, g->c_iflag, "termios c_iflag");
	l->c_oflag = (l->c_oflag & ~(tcflag_t)L_OFLAG_MASK) |
	    (tcflag_t)ux_flags_to_host(&oflag_tab, g->c_oflag, "termios c_oflag");
	l->c_lflag = (l->c_lflag & ~(tcflag_t)L_LFLAG_MASK) |
	    (tcflag_t)ux_flags_to_host(&lflag_tab, g->c_lflag, "termios c_lflag");
	/* CIGNORE: leave the control flags and speeds alone. */
	if (!(g->c_cflag & FBSD_CIGNORE)) {
		uint32_t ospeed = g->c_ospeed;
		uint32_t ispeed = g->c_ispeed ? g->c_ispeed : ospeed;
		tcflag_t cf = (tcflag_t)ux_flags_to_host(&cflag_tab, g->c_cflag, "termios c_cflag");

		cf |= speed_code(ospeed);
		/* CIBAUD 0 means "as the output speed" */
		if (ispeed != ospeed)
			cf |= speed_code(ispeed) << IBSHIFT;
		l->c_cflag = (l->c_cflag & ~(tcflag_t)L_CFLAG_MASK) | cf;
		l->c_ispeed = ispeed;
		l->c_ospeed = ospeed;
	}
	for (int i = 0; i < FBSD_NCCS; i++) {
		int li = cc_to_linux[i];
		if (li < 0)
			continue;
		/* The "disabled" value is 0xff on FreeBSD and 0 on Linux.
		 * XXX a NUL control character becomes "disabled". */
		if (i == FBSD_VMIN || i == FBSD_VTIME)
			l->c_cc[li] = g->c_cc[i];
		else
			l->c_cc[li] = g->c_cc[i] == FBSD_VDISABLE ? 0 : g->c_cc[i];
	}
}

void
linux_to_fbsd_termios(const struct termios2 *l, struct fbsd_termios *g)
{
	uint32_t ocode = l->c_cflag & CBAUD;
	uint32_t icode = (l->c_cflag & CIBAUD) >> IBSHIFT;

	memset(g, 0, sizeof(*g));
	g->c_iflag = (uint32_t)ux_flags_to_guest(&iflag_tab, l->c_iflag & L_IFLAG_MASK);
	g->c_oflag = (uint32_t)ux_flags_to_guest(&oflag_tab, l->c_oflag & L_OFLAG_MASK);
	g->c_cflag = (uint32_t)ux_flags_to_guest(&cflag_tab,
	    l->c_cflag & L_CFLAG_MASK & ~(tcflag_t)(CBAUD | CIBAUD));
	g->c_lflag = (uint32_t)ux_flags_to_guest(&lflag_tab, l->c_lflag & L_LFLAG_MASK);
	g->c_ospeed = speed_baud(ocode, l->c_ospeed);
	g->c_ispeed = icode == B0 ? g->c_ospeed : speed_baud(icode, l->c_ispeed);
	for (int i = 0; i < FBSD_NCCS; i++) {
		int li = cc_to_linux[i];
		if (li < 0)
			g->c_cc[i] = FBSD_VDISABLE;
		else if (i == FBSD_VMIN || i == FBSD_VTIME)
			g->c_cc[i] = l->c_cc[li];
		else
			g->c_cc[i] = l->c_cc[li] == 0 ? FBSD_VDISABLE : l->c_cc[li];
	}
}

static long
get_termios(int fd, char *data)
{
	struct termios2 l;
	struct fbsd_termios g;
	long r = ux_sys(SYS_ioctl, fd, TCGETS2, &l);

	if (r < 0)
		return r;
	linux_to_fbsd_termios(&l, &g);
	return ux_copyout(data, &g, sizeof(g));
}

static long
set_termios(int fd, unsigned long lcmd, const char *data)
{
	struct termios2 l;
	struct fbsd_termios g;
	long r = ux_copyin(&g, data, sizeof(g));

	if (r < 0)
		return r;
	if ((r = ux_sys(SYS_ioctl, fd, TCGETS2, &l)) < 0)
		return r;
	fbsd_to_linux_termios(&g, &l);
	return ux_sys(SYS_ioctl, fd, lcmd, &l);
}

static long
flush_tty(int fd, const char *data)
{
	int which, q;
	long r = ux_copyin(&which, data, sizeof(which));

	if (r < 0)
		return r;
	if (which == 0)
		which = FBSD_FREAD | FBSD_FWRITE;
	switch (which & (FBSD_FREAD | FBSD_FWRITE)) {
	case FBSD_FREAD: q = TCIFLUSH; break;
	case FBSD_FWRITE: q = TCOFLUSH; break;
	default: q = TCIOFLUSH; break;
	}
	return ux_sys(SYS_ioctl, fd, TCFLSH, q);
}

/* A latch per command, not one for all of ioctl: each is a separate gap. */
#define NLATCH 64
static unsigned long latch_com[NLATCH];
static uint8_t latch[NLATCH + 1];	/* the last one is for "table full" */

static uint8_t *
latch_for(unsigned long com)
{
	com |= 1UL << 32;	/* commands are 32 bits: this tells 0 from "free" */
	for (unsigned i = 0; i < NLATCH; i++) {
		unsigned long cur = __atomic_load_n(&latch_com[i], __ATOMIC_ACQUIRE);
		if (cur == 0 && __atomic_compare_exchange_n(&latch_com[i], &cur, com, 0,
		    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			return &latch[i];
		if (cur == com)	/* also when another thread just claimed it */
			return &latch[i];
	}
	return &latch[NLATCH];
}

static void
report_unknown(unsigned long com)
{
	unsigned grp = (com >> 8) & 0xff;
	char gname[8];

	if (grp > 0x20 && grp < 0x7f) {
		gname[0] = '\'';
		gname[1] = (char)grp;
		gname[2] = '\'';
		gname[3] = 0;
	} else {
		gname[0] = '0';
		gname[1] = 'x';
		gname[2] = "0123456789abcdef"[grp >> 4];
		gname[3] = "0123456789abcdef"[grp & 15];
		gname[4] = 0;
	}
	static const char *const dir[8] = {
		"no direction", "void", "out", "void|out", "in", "void|in", "inout", "void|inout",
	};
	ux_report_once(latch_for(com), "unsupported ioctl %#lx (group %s, number %lu, %s, "
	    "%lu bytes): returning ENOTTY", com, gname, com & 0xff, dir[(com >> 29) & 7],
	    (com >> 16) & 0x1fff);
}

long
fbsd_sys_ioctl(struct uxcall *c, int fd, unsigned long com, char *data)
{
	/* FreeBSD takes the command as 32 bits, whatever the register holds. */
	com &= 0xffffffffUL;

	switch (com) {
	case FBSD_TIOCGETA:
		return get_termios(fd, data);
	case FBSD_TIOCSETA:
		return set_termios(fd, TCSETS2, data);
	case FBSD_TIOCSETAW:
		return set_termios(fd, TCSETSW2, data);
	case FBSD_TIOCSETAF:
		return set_termios(fd, TCSETSF2, data);
	/* struct winsize, pid_t and int arguments have the same layout. */
	case FBSD_TIOCGWINSZ:
		return ux_sys(SYS_ioctl, fd, TIOCGWINSZ, data);
	case FBSD_TIOCSWINSZ:
		return ux_sys(SYS_ioctl, fd, TIOCSWINSZ, data);
	case FBSD_TIOCGPGRP:
		return ux_sys(SYS_ioctl, fd, TIOCGPGRP, data);
	case FBSD_TIOCSPGRP:
		return ux_sys(SYS_ioctl, fd, TIOCSPGRP, data);
	case FBSD_TIOCGSID:
		return ux_sys(SYS_ioctl, fd, TIOCGSID, data);
	case FBSD_TIOCSCTTY:
		/* FreeBSD has no "steal from another session" argument. */
		return ux_sys(SYS_ioctl, fd, TIOCSCTTY, 0);
	case FBSD_TIOCNOTTY:
		return ux_sys(SYS_ioctl, fd, TIOCNOTTY);
	case FBSD_TIOCOUTQ:
	case FBSD_FIONWRITE:
		return ux_sys(SYS_ioctl, fd, TIOCOUTQ, data);
	case FBSD_TIOCEXCL:
		return ux_sys(SYS_ioctl, fd, TIOCEXCL);
	case FBSD_TIOCNXCL:
		return ux_sys(SYS_ioctl, fd, TIOCNXCL);
	case FBSD_TIOCFLUSH:
		return flush_tty(fd, data);
	case FBSD_TIOCDRAIN:
		return ux_sys(SYS_ioctl, fd, TCSBRK, 1);	/* tcdrain() */
	case FBSD_FIONREAD:
		return ux_sys(SYS_ioctl, fd, FIONREAD, data);
	case FBSD_FIONBIO:
		return ux_sys(SYS_ioctl, fd, FIONBIO, data);
	case FBSD_FIOASYNC:
		return ux_sys(SYS_ioctl, fd, FIOASYNC, data);
	case FBSD_FIOCLEX:
		return ux_sys(SYS_ioctl, fd, FIOCLEX);
	case FBSD_FIONCLEX:
		return ux_sys(SYS_ioctl, fd, FIONCLEX);
	}
	report_unknown(com);
	return -ENOTTY;
}
