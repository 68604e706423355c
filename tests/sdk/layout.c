/*
 * Built for FreeBSD with the project's SDK headers (the dynamic ABI:
 * -D_UXRT_DYNAMIC) and run under uxrun: prints the size of each SDK struct
 * that Go's golang.org/x/sys/unix also describes, and the offset and size
 * of each field, under Go's names.  tests/sdk/golayout compares the lines
 * with ztypes_freebsd_amd64.go, which cgo generated from FreeBSD's own
 * headers.
 */
#include <dirent.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/event.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <netinet/in.h>

#define S(go, type) printf("struct %s %zu\n", go, sizeof(type))
#define F(go, type, field, gofield) \
	printf("field %s.%s %zu %zu\n", go, gofield, offsetof(type, field), \
	    sizeof(((type *)0)->field))

int
main(void)
{
	S("Timespec", struct timespec);
	F("Timespec", struct timespec, tv_sec, "Sec");
	F("Timespec", struct timespec, tv_nsec, "Nsec");
	S("Timeval", struct timeval);
	F("Timeval", struct timeval, tv_sec, "Sec");
	F("Timeval", struct timeval, tv_usec, "Usec");

	S("Stat_t", struct stat);
	F("Stat_t", struct stat, st_dev, "Dev");
	F("Stat_t", struct stat, st_ino, "Ino");
	F("Stat_t", struct stat, st_nlink, "Nlink");
	F("Stat_t", struct stat, st_mode, "Mode");
	F("Stat_t", struct stat, st_bsdflags, "_0");
	F("Stat_t", struct stat, st_uid, "Uid");
	F("Stat_t", struct stat, st_gid, "Gid");
	F("Stat_t", struct stat, st_padding1, "_1");
	F("Stat_t", struct stat, st_rdev, "Rdev");
	F("Stat_t", struct stat, st_atim, "Atim");
	F("Stat_t", struct stat, st_mtim, "Mtim");
	F("Stat_t", struct stat, st_ctim, "Ctim");
	F("Stat_t", struct stat, st_birthtim, "Btim");
	F("Stat_t", struct stat, st_size, "Size");
	F("Stat_t", struct stat, st_blocks, "Blocks");
	F("Stat_t", struct stat, st_blksize, "Blksize");
	F("Stat_t", struct stat, st_flags, "Flags");
	F("Stat_t", struct stat, st_gen, "Gen");
	F("Stat_t", struct stat, st_spare, "Spare");

	S("Dirent", struct dirent);
	F("Dirent", struct dirent, d_fileno, "Fileno");
	F("Dirent", struct dirent, d_off, "Off");
	F("Dirent", struct dirent, d_reclen, "Reclen");
	F("Dirent", struct dirent, d_type, "Type");
	F("Dirent", struct dirent, d_pad0, "Pad0");
	F("Dirent", struct dirent, d_namlen, "Namlen");
	F("Dirent", struct dirent, d_pad1, "Pad1");
	F("Dirent", struct dirent, d_name, "Name");

	S("Rusage", struct rusage);
	F("Rusage", struct rusage, ru_utime, "Utime");
	F("Rusage", struct rusage, ru_stime, "Stime");
	F("Rusage", struct rusage, ru_maxrss, "Maxrss");
	F("Rusage", struct rusage, ru_ixrss, "Ixrss");
	F("Rusage", struct rusage, ru_idrss, "Idrss");
	F("Rusage", struct rusage, ru_isrss, "Isrss");
	F("Rusage", struct rusage, ru_minflt, "Minflt");
	F("Rusage", struct rusage, ru_majflt, "Majflt");
	F("Rusage", struct rusage, ru_nswap, "Nswap");
	F("Rusage", struct rusage, ru_inblock, "Inblock");
	F("Rusage", struct rusage, ru_oublock, "Oublock");
	F("Rusage", struct rusage, ru_msgsnd, "Msgsnd");
	F("Rusage", struct rusage, ru_msgrcv, "Msgrcv");
	F("Rusage", struct rusage, ru_nsignals, "Nsignals");
	F("Rusage", struct rusage, ru_nvcsw, "Nvcsw");
	F("Rusage", struct rusage, ru_nivcsw, "Nivcsw");
	S("Rlimit", struct rlimit);
	F("Rlimit", struct rlimit, rlim_cur, "Cur");
	F("Rlimit", struct rlimit, rlim_max, "Max");

	S("RawSockaddrInet4", struct sockaddr_in);
	F("RawSockaddrInet4", struct sockaddr_in, sin_len, "Len");
	F("RawSockaddrInet4", struct sockaddr_in, sin_family, "Family");
	F("RawSockaddrInet4", struct sockaddr_in, sin_port, "Port");
	F("RawSockaddrInet4", struct sockaddr_in, sin_addr, "Addr");
	F("RawSockaddrInet4", struct sockaddr_in, sin_zero, "Zero");
	S("RawSockaddrInet6", struct sockaddr_in6);
	F("RawSockaddrInet6", struct sockaddr_in6, sin6_len, "Len");
	F("RawSockaddrInet6", struct sockaddr_in6, sin6_family, "Family");
	F("RawSockaddrInet6", struct sockaddr_in6, sin6_port, "Port");
	F("RawSockaddrInet6", struct sockaddr_in6, sin6_flowinfo, "Flowinfo");
	F("RawSockaddrInet6", struct sockaddr_in6, sin6_addr, "Addr");
	F("RawSockaddrInet6", struct sockaddr_in6, sin6_scope_id, "Scope_id");
	S("RawSockaddrUnix", struct sockaddr_un);
	F("RawSockaddrUnix", struct sockaddr_un, sun_len, "Len");
	F("RawSockaddrUnix", struct sockaddr_un, sun_family, "Family");
	F("RawSockaddrUnix", struct sockaddr_un, sun_path, "Path");
	S("Linger", struct linger);
	F("Linger", struct linger, l_onoff, "Onoff");
	F("Linger", struct linger, l_linger, "Linger");
	S("Iovec", struct iovec);
	F("Iovec", struct iovec, iov_base, "Base");
	F("Iovec", struct iovec, iov_len, "Len");
	S("Msghdr", struct msghdr);
	F("Msghdr", struct msghdr, msg_name, "Name");
	F("Msghdr", struct msghdr, msg_namelen, "Namelen");
	F("Msghdr", struct msghdr, msg_iov, "Iov");
	F("Msghdr", struct msghdr, msg_iovlen, "Iovlen");
	F("Msghdr", struct msghdr, msg_control, "Control");
	F("Msghdr", struct msghdr, msg_controllen, "Controllen");
	F("Msghdr", struct msghdr, msg_flags, "Flags");
	S("Cmsghdr", struct cmsghdr);
	F("Cmsghdr", struct cmsghdr, cmsg_len, "Len");
	F("Cmsghdr", struct cmsghdr, cmsg_level, "Level");
	F("Cmsghdr", struct cmsghdr, cmsg_type, "Type");

	S("Kevent_t", struct kevent);
	F("Kevent_t", struct kevent, ident, "Ident");
	F("Kevent_t", struct kevent, filter, "Filter");
	F("Kevent_t", struct kevent, flags, "Flags");
	F("Kevent_t", struct kevent, fflags, "Fflags");
	F("Kevent_t", struct kevent, data, "Data");
	F("Kevent_t", struct kevent, udata, "Udata");
	F("Kevent_t", struct kevent, ext, "Ext");
	S("PollFd", struct pollfd);
	F("PollFd", struct pollfd, fd, "Fd");
	F("PollFd", struct pollfd, events, "Events");
	F("PollFd", struct pollfd, revents, "Revents");
	S("Utsname", struct utsname);
	F("Utsname", struct utsname, sysname, "Sysname");
	F("Utsname", struct utsname, nodename, "Nodename");
	F("Utsname", struct utsname, release, "Release");
	F("Utsname", struct utsname, version, "Version");
	F("Utsname", struct utsname, machine, "Machine");
	return 0;
}
