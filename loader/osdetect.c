/*
 * Which OS a program was built for.  The kernels themselves decide by the
 * ABI note (FreeBSD's .note.tag "FreeBSD" type 1, NetBSD's and OpenBSD's
 * ident notes, GNU's ABI tag), then by EI_OSABI, then by the interpreter
 * path; uxrun follows the same order.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loader/image.h"

#define NOTE_MAX (64 * 1024)

static const struct {
	const char *interp;
	enum ux_os os;
} interps[] = {
	{ "/libexec/ld-elf.so.1", UX_OS_FREEBSD },
	{ "/usr/libexec/ld.elf_so", UX_OS_NETBSD },
	{ "/usr/libexec/ld.so", UX_OS_OPENBSD },
	{ "/usr/lib/amd64/ld.so.1", UX_OS_ILLUMOS },
	{ "/lib64/ld-linux-x86-64.so.2", UX_OS_LINUX },
	{ "/lib/ld-musl-x86_64.so.1", UX_OS_LINUX },
};

const char *
ux_os_name(enum ux_os os)
{
	switch (os) {
	case UX_OS_FREEBSD: return "FreeBSD";
	case UX_OS_NETBSD: return "NetBSD";
	case UX_OS_OPENBSD: return "OpenBSD";
	case UX_OS_ILLUMOS: return "illumos/Solaris";
	case UX_OS_LINUX: return "Linux";
	case UX_OS_OTHER: return "another OS";
	default: return "unknown";
	}
}

static const char *
osabi_name(unsigned a)
{
	switch (a) {
	case ELFOSABI_SYSV: return NULL;
	case ELFOSABI_HPUX: return "HP-UX";
	case ELFOSABI_NETBSD: return "NetBSD";
	case ELFOSABI_GNU: return "Linux";
	case ELFOSABI_SOLARIS: return "Solaris";
	case ELFOSABI_AIX: return "AIX";
	case ELFOSABI_IRIX: return "IRIX";
	case ELFOSABI_FREEBSD: return "FreeBSD";
	case ELFOSABI_TRU64: return "Tru64";
	case ELFOSABI_MODESTO: return "Novell Modesto";
	case ELFOSABI_OPENBSD: return "OpenBSD";
	case ELFOSABI_ARM: return "ARM bare metal";
	case ELFOSABI_STANDALONE: return "standalone";
	default: return "unknown OS ABI";
	}
}

/* Scans one note blob; returns 1 when it named an OS. */
static int
scan_notes(struct ux_image *im, const unsigned char *b, size_t len)
{
	size_t o = 0;

	while (o + 12 <= len) {
		uint32_t namesz, descsz, type;
		memcpy(&namesz, b + o, 4);
		memcpy(&descsz, b + o + 4, 4);
		memcpy(&type, b + o + 8, 4);
		size_t name_off = o + 12;
		size_t desc_off = name_off + ((namesz + 3u) & ~3u);
		size_t next = desc_off + ((descsz + 3u) & ~3u);
		if (namesz > len || descsz > len || next > len || next <= o)
			return 0;
		const char *name = (const char *)b + name_off;
		uint32_t d0 = 0;
		if (descsz >= 4)
			memcpy(&d0, b + desc_off, 4);
		if (type == 1 && namesz == 8 && memcmp(name, "FreeBSD", 8) == 0) {
			im->os = UX_OS_FREEBSD;
			im->os_version = d0;
			im->os_how = ".note.tag (FreeBSD ABI tag)";
			return 1;
		}
		if (type == 1 && namesz == 7 && memcmp(name, "NetBSD", 7) == 0) {
			im->os = UX_OS_NETBSD;
			im->os_version = d0;
			im->os_how = "NetBSD ident note";
			return 1;
		}
		if (type == 1 && namesz == 8 && memcmp(name, "OpenBSD", 8) == 0) {
			im->os = UX_OS_OPENBSD;
			im->os_version = d0;
			im->os_how = "OpenBSD ident note";
			return 1;
		}
		if (type == 1 && namesz == 4 && memcmp(name, "GNU", 4) == 0 && d0 == 0) {
			im->os = UX_OS_LINUX;
			im->os_how = "GNU ABI tag note";
			return 1;
		}
		o = next;
	}
	return 0;
}



void
ux_detect_os(struct ux_image *im)
{
	unsigned char osabi = im->eh.e_ident[EI_OSABI];

	im->os = UX_OS_UNKNOWN;
	im->osabi_name = osabi_name(osabi);
	for (size_t i = 0; i < im->phnum; i++) {
		GElf_Phdr *p = &im->ph[i];
		if (p->p_type != PT_NOTE || p->p_filesz == 0 || p->p_filesz > NOTE_MAX ||
		    p->p_offset > im->file_size || p->p_filesz > im->file_size - p->p_offset)
			continue;
		unsigned char *b = malloc(p->p_filesz);
		if (!b)
			continue;
		int found = pread(im->fd, b, p->p_filesz, (off_t)p->p_offset) == (ssize_t)p->p_filesz &&
		    scan_notes(im, b, p->p_filesz);
		free(b);
		if (found)
			return;
	}
	switch (osabi) {
	case ELFOSABI_FREEBSD: im->os = UX_OS_FREEBSD; im->os_how = "EI_OSABI"; return;
	case ELFOSABI_NETBSD: im->os = UX_OS_NETBSD; im->os_how = "EI_OSABI"; return;
	case ELFOSABI_OPENBSD: im->os = UX_OS_OPENBSD; im->os_how = "EI_OSABI"; return;
	case ELFOSABI_SOLARIS: im->os = UX_OS_ILLUMOS; im->os_how = "EI_OSABI"; return;
	case ELFOSABI_GNU: im->os = UX_OS_LINUX; im->os_how = "EI_OSABI"; return;
	case ELFOSABI_SYSV: break;
	default: im->os = UX_OS_OTHER; im->os_how = "EI_OSABI"; return;
	}
	if (im->interp)
		for (size_t i = 0; i < sizeof(interps) / sizeof(interps[0]); i++)
			if (strcmp(im->interp, interps[i].interp) == 0) {
				im->os = interps[i].os;
				im->os_how = "program interpreter";
				return;
			}
}
