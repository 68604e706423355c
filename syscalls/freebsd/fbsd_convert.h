/*
 * Structure converter pairs between FreeBSD's layouts (fbsd_abi.h) and
 * Linux's, one pair per structure, each defined beside the handlers that
 * use it.  Declared here so the unit tests can check them directly.
 * Linux types are only named, so including this header does not drag in
 * headers that clash (<termios.h> against <asm/termbits.h>).
 */
#ifndef FBSD_CONVERT_H
#define FBSD_CONVERT_H

#include <stdint.h>
#include "syscalls/freebsd/fbsd_abi.h"

struct statx;
struct stat;
struct flock;
struct termios2;
struct rusage;

/* sys_stat.c */
void linux_to_fbsd_stat(const struct statx *sx, struct fbsd_stat *sb);
void linux_stat_to_statx(const struct stat *st, struct statx *sx);

/* sys_fcntl.c: -EINVAL for a lock type or whence FreeBSD does not have */
long fbsd_to_linux_flock(const struct fbsd_flock *g, struct flock *l);
void linux_to_fbsd_flock(const struct flock *l, struct fbsd_flock *g);

/* sys_resource.c (also wait4/wait6) */
void linux_to_fbsd_rusage(const struct rusage *ru, struct fbsd_rusage *g);

/* sys_ioctl.c */
void fbsd_to_linux_termios(const struct fbsd_termios *g, struct termios2 *l);
void linux_to_fbsd_termios(const struct termios2 *l, struct fbsd_termios *g);

/* sys_poll.c: poll(2) event bits */
short fbsd_to_linux_pollev(int16_t ev);
int16_t linux_to_fbsd_pollev(short ev);

/* sys_signal.c: 128-bit FreeBSD sigset_t <-> the 64-bit Linux mask */
uint64_t fbsd_to_linux_sigset(const struct fbsd_sigset *g);
void linux_to_fbsd_sigset(uint64_t h, struct fbsd_sigset *g);

/* sys_socket.c: sockaddr with sa_len <-> Linux sockaddr, over the shared
 * syscalls/bsd_sockaddr.c with FreeBSD's family numbers.  g holds
 * BSD_SOCKADDR_MAX bytes; the guest length is returned. */
struct sockaddr;
struct sockaddr_storage;
long fbsd_to_linux_sockaddr(const void *g, size_t glen, struct sockaddr_storage *l, uint32_t *llen);
size_t linux_to_fbsd_sockaddr(const struct sockaddr *l, uint32_t llen, void *g);

#endif
