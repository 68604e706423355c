/*
 * net.routetable (CTL_NET.PF_ROUTE): the routing socket's sysctl, whose
 * name continues with protocol (0), address family, operation and its
 * argument.  Interface and multicast lists; sysctl_route.c.
 */
#ifndef FBSD_SYSCTL_ROUTE_H
#define FBSD_SYSCTL_ROUTE_H

#include "syscalls/freebsd/sysctl.h"

long h_net_routetable(struct sreq *r, const struct sctl_node *n, const int *arg,
    unsigned narg);

#endif
