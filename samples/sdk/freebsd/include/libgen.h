/* uxrun FreeBSD SDK: basename(3) and dirname(3), FreeBSD 12's (they may
 * write into their argument). */
#ifndef _UXRT_LIBGEN_H
#define _UXRT_LIBGEN_H

char *basename(char *path);
char *dirname(char *path);

#endif
