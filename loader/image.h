/*
 * A guest ELF image as uxrun reads it: validated headers, the OS it was
 * built for, and where it ended up in memory.
 */
#ifndef UX_IMAGE_H
#define UX_IMAGE_H

#include <stdint.h>
#include <stdio.h>
#include <gelf.h>

enum ux_os { UX_OS_UNKNOWN, UX_OS_FREEBSD, UX_OS_NETBSD, UX_OS_OPENBSD,
	UX_OS_ILLUMOS, UX_OS_LINUX, UX_OS_OTHER };

struct ux_image {
	const char *path;
	int fd;
	uint64_t file_size;
	Elf *elf;
	GElf_Ehdr eh;
	GElf_Phdr *ph;
	size_t phnum;
	char *interp;		/* PT_INTERP, or NULL */

	enum ux_os os;
	uint32_t os_version;	/* e.g. FreeBSD __FreeBSD_version from .note.tag */
	const char *os_how;	/* what told us: note, EI_OSABI, interpreter */
	const char *osabi_name;	/* EI_OSABI name, for an unsupported OS */

	uint64_t lo, hi;	/* page-rounded span of PT_LOAD (link-time) */
	uint64_t bias;		/* load address minus link-time address */
	uint64_t max_align;
	int exec_stack;		/* PT_GNU_STACK asks for PROT_EXEC */
	int library;		/* opened as a shared library (no entry point) */
};

/* Failure: a message for the user and the shell-style exit status. */
struct ux_err {
	int status;		/* 126: cannot execute; 127: not found */
	char msg[512];
};

int ux_image_open(struct ux_image *im, const char *path, struct ux_err *err);
/* The same for a shared library the runtime linker loads (ET_DYN only). */
int ux_image_open_lib(struct ux_image *im, const char *path, struct ux_err *err);
int ux_image_map(struct ux_image *im, struct ux_err *err);
void ux_image_close(struct ux_image *im);
const char *ux_os_name(enum ux_os os);
void ux_detect_os(struct ux_image *im);
void ux_image_print_info(const struct ux_image *im, FILE *out);
int ux_err_set(struct ux_err *err, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
