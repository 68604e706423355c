/* uxrun FreeBSD SDK: ioctl(2) and the terminal requests the runtime uses. */
#ifndef _UXRT_SYS_IOCTL_H
#define _UXRT_SYS_IOCTL_H

/* _IOR('t', 19, struct termios): struct termios is 44 bytes on FreeBSD. */
#define TIOCGETA	0x402c7413UL
/* _IOR('t', 104, struct winsize) */
#define TIOCGWINSZ	0x40087468UL

/* <sys/filio.h> */
#define FIOCLEX		0x20006601UL
#define FIONCLEX	0x20006602UL
#define FIONBIO		0x8004667eUL
#define FIONREAD	0x4004667fUL

int ioctl(int fd, unsigned long request, ...);

#endif
