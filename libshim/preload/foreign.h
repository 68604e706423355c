/*
 * Is a file a foreign program?  The preload shim asks on every exec of a
 * native process, possibly in a vfork child, so this reader is
 * self-contained and async-signal-safe: open, pread and close into fixed
 * buffers, no malloc and no libelf (which would also be preloaded into
 * every process of the tree, with its own dependencies).  It decides as
 * loader/osdetect.c does, and tests/preload/run.sh checks that the two
 * agree on every sample.
 */
#ifndef UXSHIM_FOREIGN_H
#define UXSHIM_FOREIGN_H

/* The same OSes, in the same order, as loader/image.h's enum ux_os. */
enum uxs_os { UXS_OS_UNKNOWN, UXS_OS_FREEBSD, UXS_OS_NETBSD, UXS_OS_OPENBSD,
	UXS_OS_ILLUMOS, UXS_OS_LINUX, UXS_OS_OTHER, UXS_OS_NOT_ELF };

enum uxs_kind {
	UXS_NATIVE,	/* Linux's exec decides, and reports any error */
	UXS_FOREIGN,	/* an ELF program for an OS uxrun recognises */
	UXS_SCRIPT,	/* a "#!" script whose interpreter is one */
};

/* Linux's BINPRM_BUF_SIZE: all of a "#!" line the kernel reads. */
#define UXS_SHEBANG_MAX 256

struct uxs_file {
	enum uxs_os os;		/* of the program, or of a script's interpreter */
	/* The error Linux's exec would fail with, as far as the checks
	 * here can tell (0: it would start something); posix_spawnp's
	 * search goes on past the same errors glibc's does. */
	int err;
	char interp[UXS_SHEBANG_MAX];	/* a script's interpreter, NUL, its argument */
	const char *arg;		/* the argument, in interp[], or NULL */
};

/*
 * What exec of path would start.  dir, when not NULL, is the directory a
 * relative path (and a script's relative interpreter) is taken from: a
 * posix_spawn whose file actions change directory before the exec.
 */
enum uxs_kind uxs_classify(const char *dir, const char *path, struct uxs_file *f);
/* The OS of the ELF file open on fd; UXS_OS_NOT_ELF when it is not one. */
enum uxs_os uxs_elf_os(int fd);
/* The names uxrun --info prints (loader/osdetect.c's ux_os_name). */
const char *uxs_os_name(enum uxs_os os);
int uxs_os_foreign(enum uxs_os os);

#endif
