/*
 * Opening and validating a guest ELF file with libelf.  Every way a file
 * can be unfit to run ends here with a message and a shell-style status
 * (127 not found, 126 cannot execute), before anything is mapped.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "loader/image.h"

#define PAGE 4096ull
#define USER_TOP 0x00007ffffffff000ull	/* end of the 47-bit user half */
#define MIN_VADDR 0x10000ull		/* Linux's default vm.mmap_min_addr */
#define MAX_SPAN (64ull << 30)		/* no real program's image is larger */
#define MAX_PHNUM 512

int
ux_err_set(struct ux_err *err, int status, const char *fmt, ...)
{
	va_list ap;

	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static const char *
machine_name(unsigned m)
{
	switch (m) {
	case EM_386: return "32-bit x86 (i386)";
	case EM_ARM: return "32-bit ARM";
	case EM_AARCH64: return "64-bit ARM (aarch64)";
	case EM_PPC: return "PowerPC";
	case EM_PPC64: return "64-bit PowerPC";
	case EM_RISCV: return "RISC-V";
	case EM_SPARCV9: return "SPARC V9";
	case EM_MIPS: return "MIPS";
	case EM_S390: return "IBM S/390";
	default: return NULL;
	}
}

static int
check_segments(struct ux_image *im, struct ux_err *err)
{
	uint64_t prev_end = 0;
	int nload = 0;

	im->lo = UINT64_MAX;
	im->hi = 0;
	im->max_align = PAGE;
	for (size_t i = 0; i < im->phnum; i++) {
		GElf_Phdr *p = &im->ph[i];

		if (p->p_type == PT_GNU_STACK)
			im->exec_stack = (p->p_flags & PF_X) != 0;
		if (p->p_type == PT_INTERP) {
			if (p->p_filesz == 0 || p->p_filesz > 4096 ||
			    p->p_offset > im->file_size || p->p_filesz > im->file_size - p->p_offset)
				return ux_err_set(err, 126, "%s: bad program interpreter header", im->path);
			im->interp = calloc(1, p->p_filesz + 1);
			if (!im->interp || pread(im->fd, im->interp, p->p_filesz, (off_t)p->p_offset) != (ssize_t)p->p_filesz)
				return ux_err_set(err, 126, "%s: cannot read program interpreter", im->path);
			im->interp[strcspn(im->interp, "\n")] = '\0';
			continue;
		}
		if (p->p_type != PT_LOAD)
			continue;
		nload++;
		if (p->p_filesz > p->p_memsz)
			return ux_err_set(err, 126, "%s: segment %zu: file size exceeds memory size", im->path, i);
		if (p->p_offset > im->file_size || p->p_filesz > im->file_size - p->p_offset)
			return ux_err_set(err, 126, "%s: segment %zu lies beyond the end of the file (truncated?)", im->path, i);
		if (p->p_align > 1 && (p->p_align & (p->p_align - 1)))
			return ux_err_set(err, 126, "%s: segment %zu: alignment %#lx is not a power of two", im->path, i, (unsigned long)p->p_align);
		if ((p->p_vaddr - p->p_offset) % PAGE)
			return ux_err_set(err, 126, "%s: segment %zu: address and file offset disagree modulo the page size", im->path, i);
		if (p->p_memsz == 0)
			continue;
		if (p->p_vaddr + p->p_memsz < p->p_vaddr || p->p_vaddr + p->p_memsz > USER_TOP)
			return ux_err_set(err, 126, "%s: segment %zu at %#lx+%#lx lies outside user memory", im->path, i,
			    (unsigned long)p->p_vaddr, (unsigned long)p->p_memsz);
		if (p->p_vaddr < prev_end)
			return ux_err_set(err, 126, "%s: segment %zu overlaps the previous one or is out of order", im->path, i);
		prev_end = p->p_vaddr + p->p_memsz;
		if (p->p_align > im->max_align)
			im->max_align = p->p_align;
		uint64_t lo = p->p_vaddr & ~(PAGE - 1), hi = (p->p_vaddr + p->p_memsz + PAGE - 1) & ~(PAGE - 1);
		if (lo < im->lo)
			im->lo = lo;
		if (hi > im->hi)
			im->hi = hi;
	}
	if (nload == 0 || im->hi == 0)
		return ux_err_set(err, 126, "%s: no loadable segments", im->path);
	if (im->hi - im->lo > MAX_SPAN)
		return ux_err_set(err, 126, "%s: segments span %#lx bytes, too large to be a real program", im->path,
		    (unsigned long)(im->hi - im->lo));
	if (im->eh.e_type == ET_EXEC && im->lo < MIN_VADDR)
		return ux_err_set(err, 126, "%s: segments start at %#lx, below the lowest mappable address", im->path,
		    (unsigned long)im->lo);
	if (im->max_align > (1ull << 30))
		return ux_err_set(err, 126, "%s: absurd segment alignment %#lx", im->path, (unsigned long)im->max_align);

	/* A shared library has no entry point to check. */
	if (im->library)
		return 0;
	/* The entry point must lie in an executable segment. */
	for (size_t i = 0; i < im->phnum; i++) {
		GElf_Phdr *p = &im->ph[i];
		if (p->p_type == PT_LOAD && (p->p_flags & PF_X) &&
		    im->eh.e_entry >= p->p_vaddr && im->eh.e_entry < p->p_vaddr + p->p_memsz)
			return 0;
	}
	return ux_err_set(err, 126, "%s: entry point %#lx is not in an executable segment", im->path,
	    (unsigned long)im->eh.e_entry);
}



static int
image_open(struct ux_image *im, const char *path, int library, struct ux_err *err)
{
	struct stat st;
	unsigned char ident[EI_NIDENT];
	size_t phnum;

	memset(im, 0, sizeof(*im));
	im->path = path;
	im->library = library;
	im->fd = -1;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; it has no
	 * effect on the regular files that get past the checks below. */
	im->fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (im->fd < 0) {
		int e = errno;
		return ux_err_set(err, e == ENOENT || e == ENOTDIR ? 127 : 126, "%s: %s", path, strerror(e));
	}
	if (fstat(im->fd, &st) != 0)
		return ux_err_set(err, 126, "%s: %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return ux_err_set(err, 126, "%s: Is a directory", path);
	if (!S_ISREG(st.st_mode))
		return ux_err_set(err, 126, "%s: not a regular file", path);
	im->file_size = (uint64_t)st.st_size;

	ssize_t n = pread(im->fd, ident, sizeof(ident), 0);
	if (n < 4 || memcmp(ident, ELFMAG, SELFMAG) != 0) {
		if (n >= 2 && ident[0] == '#' && ident[1] == '!')
			return ux_err_set(err, 126, "%s: a script, not an ELF program: run it with its interpreter", path);
		return ux_err_set(err, 126, "%s: not an ELF program (exec format error)", path);
	}
	if (n < EI_NIDENT || st.st_size < (off_t)sizeof(Elf64_Ehdr))
		return ux_err_set(err, 126, "%s: truncated ELF header", path);
	if (ident[EI_CLASS] == ELFCLASS32)
		return ux_err_set(err, 126, "%s: a 32-bit ELF program; uxrun runs x86-64 programs only", path);
	if (ident[EI_CLASS] != ELFCLASS64)
		return ux_err_set(err, 126, "%s: unknown ELF class %u", path, ident[EI_CLASS]);
	if (ident[EI_DATA] != ELFDATA2LSB)
		return ux_err_set(err, 126, "%s: big-endian ELF; uxrun runs x86-64 programs only", path);
	if (ident[EI_VERSION] != EV_CURRENT)
		return ux_err_set(err, 126, "%s: unknown ELF version %u", path, ident[EI_VERSION]);

	if (elf_version(EV_CURRENT) == EV_NONE)
		return ux_err_set(err, 126, "libelf: %s", elf_errmsg(-1));
	im->elf = elf_begin(im->fd, ELF_C_READ, NULL);
	if (!im->elf || elf_kind(im->elf) != ELF_K_ELF || !gelf_getehdr(im->elf, &im->eh)) {
		int e = elf_errno();
		return ux_err_set(err, 126, "%s: unreadable ELF header: %s", path,
		    e ? elf_errmsg(e) : "not a valid ELF file");
	}
	if (im->eh.e_version != EV_CURRENT)
		return ux_err_set(err, 126, "%s: unknown ELF version %u", path, (unsigned)im->eh.e_version);
	if (im->eh.e_machine != EM_X86_64) {
		const char *m = machine_name(im->eh.e_machine);
		if (m)
			return ux_err_set(err, 126, "%s: built for %s; uxrun runs x86-64 programs only", path, m);
		return ux_err_set(err, 126, "%s: built for machine type %u; uxrun runs x86-64 programs only", path,
		    im->eh.e_machine);
	}
	if (library && im->eh.e_type != ET_DYN)
		return ux_err_set(err, 126, "%s: not a shared library", path);
	if (im->eh.e_type != ET_EXEC && im->eh.e_type != ET_DYN)
		return ux_err_set(err, 126, "%s: not an executable (ELF type %s)", path,
		    im->eh.e_type == ET_REL ? "relocatable object" : im->eh.e_type == ET_CORE ? "core dump" : "unknown");
	if (im->eh.e_phentsize != sizeof(Elf64_Phdr))
		return ux_err_set(err, 126, "%s: bad program header entry size %u", path, im->eh.e_phentsize);
	/* The count from the header, not elf_getphdrnum(): libelf silently
	 * shortens a table that runs past the end of the file.  PN_XNUM
	 * (65535 or more, counted in section 0) is past MAX_PHNUM anyway. */
	phnum = im->eh.e_phnum;
	if (phnum == 0)
		return ux_err_set(err, 126, "%s: no program headers", path);
	if (phnum > MAX_PHNUM)
		return ux_err_set(err, 126, "%s: too many program headers (%zu)", path, phnum);
	if (im->eh.e_phoff > im->file_size || phnum * sizeof(Elf64_Phdr) > im->file_size - im->eh.e_phoff)
		return ux_err_set(err, 126, "%s: program headers lie beyond the end of the file (truncated?)", path);
	im->ph = calloc(phnum, sizeof(GElf_Phdr));
	if (!im->ph)
		return ux_err_set(err, 126, "%s: out of memory", path);
	for (size_t i = 0; i < phnum; i++)
		if (!gelf_getphdr(im->elf, (int)i, &im->ph[i]))
			return ux_err_set(err, 126, "%s: bad program header %zu: %s", path, i, elf_errmsg(-1));
	im->phnum = phnum;
	if (check_segments(im, err) != 0)
		return -1;
	ux_detect_os(im);
	return 0;
}

int
ux_image_open(struct ux_image *im, const char *path, struct ux_err *err)
{
	return image_open(im, path, 0, err);
}

int
ux_image_open_lib(struct ux_image *im, const char *path, struct ux_err *err)
{
	return image_open(im, path, 1, err);
}

void
ux_image_close(struct ux_image *im)
{
	if (im->elf)
		elf_end(im->elf);
	if (im->fd >= 0)
		close(im->fd);
	free(im->ph);
	free(im->interp);
	im->elf = NULL;
	im->fd = -1;
	im->ph = NULL;
	im->interp = NULL;
}
