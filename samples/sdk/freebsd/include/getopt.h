/* uxrun FreeBSD SDK: getopt_long(3) (FreeBSD's <getopt.h>). */
#ifndef _UXRT_GETOPT_H
#define _UXRT_GETOPT_H

#include <unistd.h>

#define no_argument		0
#define required_argument	1
#define optional_argument	2

struct option {
	const char *name;
	int has_arg;
	int *flag;
	int val;
};

int getopt_long(int argc, char *const *argv, const char *opts, const struct option *lo,
    int *idx);
int getopt_long_only(int argc, char *const *argv, const char *opts, const struct option *lo,
    int *idx);

#endif
