/* The FILE object, shared by stdio.c and printf.c. */
#ifndef UXRT_STDIO_IMPL_H
#define UXRT_STDIO_IMPL_H

#include <stdio.h>

#define UXRT_F_RD	0x01	/* opened for reading */
#define UXRT_F_WR	0x02	/* opened for writing */
#define UXRT_F_EOF	0x04
#define UXRT_F_ERR	0x08
#define UXRT_F_OWNBUF	0x10	/* buf came from malloc */
#define UXRT_F_STATIC	0x20	/* stdin, stdout or stderr: never freed */

enum uxrt_state { UXRT_IDLE, UXRT_READING, UXRT_WRITING };

struct _uxrt_file {
	int fd;
	int flags;
	int bufmode;		/* _IOFBF, _IOLBF, _IONBF; -1 until first use */
	enum uxrt_state state;
	unsigned char *buf;
	size_t size;
	size_t wlen;		/* pending output in buf */
	size_t rpos, rlen;	/* unread input is buf[rpos..rlen) */
	struct _uxrt_file *next;
};

/* Writes n bytes through the stream's buffer; returns bytes accepted. */
size_t __uxrt_fwrite_bytes(FILE *f, const void *p, size_t n);
/* Makes f ready for output and settles its buffering mode; 0 on success. */
int __uxrt_to_write(FILE *f);

#endif
