/*
 * The loader's input corpus: tiny ELF images and filesystem oddities, each
 * with what uxrun must say about it.  tests/loader/mkcorpus writes them out
 * for run.sh; the unit tests feed the same cases to ux_image_open in-process
 * (and under ASan/UBSan).
 */
#ifndef UX_TEST_ELFGEN_H
#define UX_TEST_ELFGEN_H

#include <stddef.h>

enum eg_kind {
	EG_FILE,		/* bytes from build() */
	EG_DIR,			/* a directory */
	EG_FIFO,		/* a named pipe: opening it must not block */
	EG_MISSING,		/* nothing at that path */
	EG_DANGLING,		/* symlink to a missing file */
	EG_LOOP,		/* symlink to itself */
	EG_UNREADABLE,		/* mode 000 file (meaningless as root) */
	EG_NOSEARCH,		/* file inside a mode 000 directory (ditto) */
};

#define EG_MAX_SIZE (16 * 1024)

struct eg_buf {
	unsigned char b[EG_MAX_SIZE];
	size_t len;
};

struct eg_case {
	const char *name;	/* file name in the corpus */
	enum eg_kind kind;
	void (*build)(struct eg_buf *);
	int status;		/* uxrun's exit status: 126, 127, or the program's */
	int opens;		/* ux_image_open accepts it (rejected later, or runs) */
	const char *msg;	/* part of uxrun's one-line message ("" for none) */
	const char *os;		/* opens: ux_os_name() of the detected OS */
	unsigned os_version;	/* opens: expected os_version */
	const char *interp;	/* opens: expected PT_INTERP, or NULL */
	int root_skip;		/* cannot be tested as root */
};

extern const struct eg_case eg_cases[];
extern const size_t eg_ncases;

/* Where a case lives under dir (EG_NOSEARCH adds a directory level). */
void eg_path(const struct eg_case *c, const char *dir, char *out, size_t len);
/* Creates the case under dir; 0 or -1 with errno. */
int eg_create(const struct eg_case *c, const char *dir);
/* Restores permissions so dir can be removed (EG_UNREADABLE, EG_NOSEARCH). */
void eg_unprotect(const struct eg_case *c, const char *dir);

#endif
