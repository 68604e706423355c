/*
 * Builds the loader corpus.  Every ELF case starts from one small, valid
 * FreeBSD static executable (one RX PT_LOAD covering the whole 4 KiB file,
 * an ABI note, code that calls FreeBSD exit(42)) and breaks one thing.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "tests/loader/elfgen.h"

#define BASE		0x400000ull
#define OFF_PH		0x40
#define OFF_NOTE	0x200
#define OFF_INTERP	0x280
#define OFF_CODE	0x300
#define FILE_SZ		0x1000
#define MAX_PH		8
#define FBSD_VERSION	1400097u	/* 14.0-RELEASE */
#define NETBSD_VERSION	1000000000u	/* 10.0 */

/* mov $1,%eax; mov $42,%edi; syscall; hlt: FreeBSD exit(42). */
static const unsigned char exit42[] = {
	0xb8, 0x01, 0x00, 0x00, 0x00, 0xbf, 0x2a, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xf4,
};

struct model {
	Elf64_Ehdr eh;
	Elf64_Phdr ph[MAX_PH];
	int nph;
	int load;		/* index of the main PT_LOAD */
	unsigned char body[EG_MAX_SIZE];
	size_t size;
};

static Elf64_Phdr *
add_ph(struct model *m, uint32_t type, uint32_t flags, uint64_t off, uint64_t vaddr,
    uint64_t filesz, uint64_t memsz, uint64_t align)
{
	Elf64_Phdr *p = &m->ph[m->nph++];

	p->p_type = type;
	p->p_flags = flags;
	p->p_offset = off;
	p->p_vaddr = p->p_paddr = vaddr;
	p->p_filesz = filesz;
	p->p_memsz = memsz;
	p->p_align = align;
	return p;
}

static void
init_at(struct model *m, unsigned char osabi, uint16_t type, uint64_t base)
{
	memset(m, 0, sizeof(*m));
	memcpy(m->eh.e_ident, ELFMAG, SELFMAG);
	m->eh.e_ident[EI_CLASS] = ELFCLASS64;
	m->eh.e_ident[EI_DATA] = ELFDATA2LSB;
	m->eh.e_ident[EI_VERSION] = EV_CURRENT;
	m->eh.e_ident[EI_OSABI] = osabi;
	m->eh.e_type = type;
	m->eh.e_machine = EM_X86_64;
	m->eh.e_version = EV_CURRENT;
	m->eh.e_entry = base + OFF_CODE;
	m->eh.e_phoff = OFF_PH;
	m->eh.e_ehsize = sizeof(Elf64_Ehdr);
	m->eh.e_phentsize = sizeof(Elf64_Phdr);
	m->size = FILE_SZ;
	memcpy(m->body + OFF_CODE, exit42, sizeof(exit42));
	m->load = m->nph;
	add_ph(m, PT_LOAD, PF_R | PF_X, 0, base, FILE_SZ, FILE_SZ, 0x1000);
	add_ph(m, PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0, 16);
}

static void
init(struct model *m, unsigned char osabi)
{
	init_at(m, osabi, ET_EXEC, BASE);
}

static void
add_note(struct model *m, const char *name, uint32_t type, const uint32_t *desc, uint32_t ndesc)
{
	uint32_t namesz = (uint32_t)strlen(name) + 1, descsz = ndesc * 4;
	unsigned char *p = m->body + OFF_NOTE;
	size_t o = 12;

	memcpy(p, &namesz, 4);
	memcpy(p + 4, &descsz, 4);
	memcpy(p + 8, &type, 4);
	memcpy(p + o, name, namesz);
	o += (namesz + 3u) & ~3u;
	memcpy(p + o, desc, descsz);
	o += descsz;
	add_ph(m, PT_NOTE, PF_R, OFF_NOTE, m->ph[m->load].p_vaddr + OFF_NOTE, o, o, 4);
}

static void
add_interp(struct model *m, const char *path)
{
	size_t n = strlen(path) + 1;

	memcpy(m->body + OFF_INTERP, path, n);
	add_ph(m, PT_INTERP, PF_R, OFF_INTERP, m->ph[m->load].p_vaddr + OFF_INTERP, n, n, 1);
}

static void
freebsd(struct model *m)
{
	uint32_t v = FBSD_VERSION;

	init(m, ELFOSABI_FREEBSD);
	add_note(m, "FreeBSD", 1, &v, 1);
}

/* The headers go where a valid file has them, whatever e_phoff says. */
static void
emit(const struct model *m, struct eg_buf *b)
{
	Elf64_Ehdr eh = m->eh;

	if (eh.e_phnum == 0 && m->nph > 0)
		eh.e_phnum = (uint16_t)m->nph;
	memcpy(b->b, m->body, m->size);
	b->len = m->size;
	if (b->len >= sizeof(eh))
		memcpy(b->b, &eh, sizeof(eh));
	for (int i = 0; i < m->nph; i++) {
		size_t at = OFF_PH + (size_t)i * sizeof(Elf64_Phdr);
		if (at + sizeof(Elf64_Phdr) <= b->len)
			memcpy(b->b + at, &m->ph[i], sizeof(Elf64_Phdr));
	}
}

#define ELF_CASE(fn, ...) \
	static void fn(struct eg_buf *b) { static struct model m_; struct model *m = &m_; __VA_ARGS__; emit(m, b); }

static void
text(struct eg_buf *b, const char *s)
{
	b->len = strlen(s);
	memcpy(b->b, s, b->len);
}

static void c_text(struct eg_buf *b) { text(b, "this is a plain text file, not a program\n"); }
static void c_empty(struct eg_buf *b) { b->len = 0; }
static void c_script(struct eg_buf *b) { text(b, "#!/bin/sh\necho hello\n"); }

static void
prefix_of_valid(struct eg_buf *b, size_t n)
{
	struct model m;

	freebsd(&m);
	emit(&m, b);
	b->len = n;
}

static void c_magic4(struct eg_buf *b) { prefix_of_valid(b, 4); }
static void c_trunc10(struct eg_buf *b) { prefix_of_valid(b, 10); }
static void c_trunc40(struct eg_buf *b) { prefix_of_valid(b, 40); }
static void c_ehdr_only(struct eg_buf *b) { prefix_of_valid(b, sizeof(Elf64_Ehdr)); }
static void c_ph_cut(struct eg_buf *b) { prefix_of_valid(b, OFF_PH + sizeof(Elf64_Phdr) + 20); }
static void c_seg_cut(struct eg_buf *b) { prefix_of_valid(b, FILE_SZ / 2); }

/* A valid i386 FreeBSD header and one program header. */
static void
c_elf32(struct eg_buf *b)
{
	Elf32_Ehdr eh;
	Elf32_Phdr ph;

	memset(&eh, 0, sizeof(eh));
	memset(&ph, 0, sizeof(ph));
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS32;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_ident[EI_OSABI] = ELFOSABI_FREEBSD;
	eh.e_type = ET_EXEC;
	eh.e_machine = EM_386;
	eh.e_version = EV_CURRENT;
	eh.e_entry = 0x8048000 + 0x100;
	eh.e_phoff = sizeof(eh);
	eh.e_ehsize = sizeof(eh);
	eh.e_phentsize = sizeof(ph);
	eh.e_phnum = 1;
	ph.p_type = PT_LOAD;
	ph.p_flags = PF_R | PF_X;
	ph.p_vaddr = ph.p_paddr = 0x8048000;
	ph.p_filesz = ph.p_memsz = 0x200;
	ph.p_align = 0x1000;
	memset(b->b, 0xf4, 0x200);
	memcpy(b->b, &eh, sizeof(eh));
	memcpy(b->b + sizeof(eh), &ph, sizeof(ph));
	b->len = 0x200;
}

ELF_CASE(c_bigendian, freebsd(m); m->eh.e_ident[EI_DATA] = ELFDATA2MSB;
	m->eh.e_machine = (uint16_t)((EM_PPC64 << 8) | (EM_PPC64 >> 8)))
ELF_CASE(c_badclass, freebsd(m); m->eh.e_ident[EI_CLASS] = 7)
ELF_CASE(c_aarch64, freebsd(m); m->eh.e_machine = EM_AARCH64)
ELF_CASE(c_machine_unknown, freebsd(m); m->eh.e_machine = 0x1234)
ELF_CASE(c_et_rel, freebsd(m); m->eh.e_type = ET_REL)
ELF_CASE(c_et_core, freebsd(m); m->eh.e_type = ET_CORE)
ELF_CASE(c_et_unknown, freebsd(m); m->eh.e_type = 0x42)
ELF_CASE(c_bad_version, freebsd(m); m->eh.e_ident[EI_VERSION] = 0; m->eh.e_version = 0)
ELF_CASE(c_bad_e_version, freebsd(m); m->eh.e_version = 0)
ELF_CASE(c_phentsize, freebsd(m); m->eh.e_phentsize = 32)
ELF_CASE(c_no_phdrs, freebsd(m); m->nph = 0; m->eh.e_phnum = 0)
ELF_CASE(c_ph_beyond, freebsd(m); m->eh.e_phoff = 0x10000)
ELF_CASE(c_ph_straddle, freebsd(m); m->eh.e_phoff = FILE_SZ - sizeof(Elf64_Phdr))
ELF_CASE(c_ph_many, freebsd(m); m->eh.e_phnum = 1000)
ELF_CASE(c_ph_xnum, freebsd(m); m->eh.e_phnum = PN_XNUM)
ELF_CASE(c_filesz_gt_memsz, freebsd(m); m->ph[m->load].p_memsz = FILE_SZ / 2)
ELF_CASE(c_seg_off_huge, freebsd(m); m->ph[m->load].p_offset = 0xfffffffffffff000ull;
	m->ph[m->load].p_vaddr = BASE)
ELF_CASE(c_overlap, freebsd(m);
	add_ph(m, PT_LOAD, PF_R | PF_W, 0x800, BASE + 0x800, 0x800, 0x800, 0x1000))
ELF_CASE(c_out_of_order, freebsd(m);
	add_ph(m, PT_LOAD, PF_R | PF_W, 0, BASE - 0x10000, 0x1000, 0x1000, 0x1000))
ELF_CASE(c_span_1t, freebsd(m);
	add_ph(m, PT_LOAD, PF_R | PF_W, 0, BASE + (1ull << 40), 0x1000, 0x1000, 0x1000))
ELF_CASE(c_above_user, freebsd(m);
	add_ph(m, PT_LOAD, PF_R | PF_W, 0, 0xffff800000000000ull, 0x1000, 0x1000, 0x1000))
ELF_CASE(c_wrap, freebsd(m);
	add_ph(m, PT_LOAD, PF_R | PF_W, 0, 0xfffffffffffff000ull, 0x1000, 0x2000, 0x1000))
ELF_CASE(c_vaddr0, init_at(m, ELFOSABI_FREEBSD, ET_EXEC, 0);
	{ uint32_t v = FBSD_VERSION; add_note(m, "FreeBSD", 1, &v, 1); })
ELF_CASE(c_entry_outside, freebsd(m); m->eh.e_entry = BASE + 0x10000)
ELF_CASE(c_entry_noexec, freebsd(m); m->ph[m->load].p_flags = PF_R)
ELF_CASE(c_no_load, freebsd(m); m->ph[m->load].p_type = PT_NULL)
ELF_CASE(c_memsz0, freebsd(m); m->ph[m->load].p_filesz = 0; m->ph[m->load].p_memsz = 0)
ELF_CASE(c_unaligned, freebsd(m); m->ph[m->load].p_offset = 0x10;
	m->ph[m->load].p_filesz = m->ph[m->load].p_memsz = FILE_SZ - 0x10)
ELF_CASE(c_align_huge, freebsd(m); m->ph[m->load].p_align = 1ull << 40)
ELF_CASE(c_align_npot, freebsd(m); m->ph[m->load].p_align = 0x3000)
ELF_CASE(c_interp_empty, freebsd(m); add_interp(m, "/libexec/ld-elf.so.1");
	m->ph[m->nph - 1].p_filesz = 0)
ELF_CASE(c_interp_beyond, freebsd(m); add_interp(m, "/libexec/ld-elf.so.1");
	m->ph[m->nph - 1].p_offset = 0x100000)
ELF_CASE(c_interp_huge, freebsd(m); add_interp(m, "/libexec/ld-elf.so.1");
	m->ph[m->nph - 1].p_filesz = 0xffffffffffff0000ull)

/* Notes that lie: the scan must stop at the blob's end, whatever they say. */
static void
bad_note(struct model *m, uint32_t namesz, uint32_t descsz)
{
	uint32_t v = FBSD_VERSION;

	init(m, ELFOSABI_NONE);
	add_note(m, "FreeBSD", 1, &v, 1);
	memcpy(m->body + OFF_NOTE, &namesz, 4);
	memcpy(m->body + OFF_NOTE + 4, &descsz, 4);
}

ELF_CASE(c_note_namesz, bad_note(m, 0xffffffffu, 4))
ELF_CASE(c_note_namesz_wrap, bad_note(m, 0xfffffffeu, 4))
ELF_CASE(c_note_descsz, bad_note(m, 8, 0xfffffff0u))
ELF_CASE(c_note_desc_cut, bad_note(m, 8, 2))
ELF_CASE(c_note_beyond, init(m, ELFOSABI_NONE);
	add_ph(m, PT_NOTE, PF_R, 0x100000, BASE, 24, 24, 4))
ELF_CASE(c_note_huge, init(m, ELFOSABI_NONE);
	add_ph(m, PT_NOTE, PF_R, OFF_NOTE, BASE, 0xffffffffffffff00ull, 0, 4))
ELF_CASE(c_note_empty_many, init(m, ELFOSABI_NONE);
	add_ph(m, PT_NOTE, PF_R, OFF_NOTE, BASE + OFF_NOTE, 0x80, 0x80, 4))

/* Section headers uxrun never needs: nonsense there must not matter. */
ELF_CASE(c_shdr_garbage, freebsd(m); m->eh.e_shoff = 0x7ffffffff0ull;
	m->eh.e_shnum = 0xffff; m->eh.e_shstrndx = 0xfffe; m->eh.e_shentsize = 64)
ELF_CASE(c_shdr_xnum, freebsd(m); m->eh.e_shoff = 0x800; m->eh.e_shnum = 0;
	m->eh.e_shentsize = sizeof(Elf64_Shdr);
	{ uint64_t big = ~0ull; memcpy(m->body + 0x800 + offsetof(Elf64_Shdr, sh_size), &big, 8); })

static const uint32_t gnu_abi_tag[4] = { 0, 3, 2, 0 };	/* Linux 3.2.0 */

ELF_CASE(c_os_unknown, init(m, ELFOSABI_NONE))
ELF_CASE(c_os_hpux, init(m, ELFOSABI_HPUX))
ELF_CASE(c_os_netbsd, init(m, ELFOSABI_NONE);
	{ uint32_t v = NETBSD_VERSION; add_note(m, "NetBSD", 1, &v, 1); })
ELF_CASE(c_os_openbsd, init(m, ELFOSABI_NONE);
	{ uint32_t v = 0; add_note(m, "OpenBSD", 1, &v, 1); })
ELF_CASE(c_os_illumos, init(m, ELFOSABI_SOLARIS))
ELF_CASE(c_os_linux, init(m, ELFOSABI_NONE);
	add_note(m, "GNU", 1, gnu_abi_tag, 4))
ELF_CASE(c_os_netbsd_interp, init(m, ELFOSABI_NONE); add_interp(m, "/usr/libexec/ld.elf_so"))
ELF_CASE(c_fbsd_dynamic, freebsd(m); add_interp(m, "/libexec/ld-elf.so.1"))
ELF_CASE(c_ok_fbsd, freebsd(m))
ELF_CASE(c_ok_fbsd_osabi, init(m, ELFOSABI_FREEBSD))
ELF_CASE(c_ok_fbsd_pie, init_at(m, ELFOSABI_FREEBSD, ET_DYN, 0);
	{ uint32_t v = FBSD_VERSION; add_note(m, "FreeBSD", 1, &v, 1); })

#define FAIL_(name, fn, msg) { name, EG_FILE, fn, 126, 0, msg, NULL, 0, NULL, 0 }
#define OPENS_(name, fn, status, msg, os, ver, interp) \
	{ name, EG_FILE, fn, status, 1, msg, os, ver, interp, 0 }

const struct eg_case eg_cases[] = {
	/* not ELF at all */
	FAIL_("text-file", c_text, "not an ELF program"),
	FAIL_("empty-file", c_empty, "not an ELF program"),
	FAIL_("shell-script", c_script, "a script, not an ELF program"),
	FAIL_("elf-magic-only", c_magic4, "truncated ELF header"),
	FAIL_("trunc-header-10", c_trunc10, "truncated ELF header"),
	FAIL_("trunc-header-40", c_trunc40, "truncated ELF header"),
	/* ELF, but not for this machine */
	FAIL_("elf32-i386", c_elf32, "32-bit ELF program"),
	FAIL_("big-endian", c_bigendian, "big-endian ELF"),
	FAIL_("bad-class", c_badclass, "unknown ELF class 7"),
	FAIL_("bad-version", c_bad_version, "unknown ELF version 0"),
	FAIL_("bad-e-version", c_bad_e_version, "ELF"),
	FAIL_("machine-aarch64", c_aarch64, "built for 64-bit ARM (aarch64)"),
	FAIL_("machine-unknown", c_machine_unknown, "built for machine type 4660"),
	FAIL_("et-rel", c_et_rel, "relocatable object"),
	FAIL_("et-core", c_et_core, "core dump"),
	FAIL_("et-unknown", c_et_unknown, "ELF type unknown"),
	/* program headers */
	FAIL_("ehdr-only", c_ehdr_only, "program headers lie beyond the end of the file"),
	FAIL_("phdrs-cut", c_ph_cut, "program headers lie beyond the end of the file"),
	FAIL_("phdrs-beyond-eof", c_ph_beyond, "program headers lie beyond the end of the file"),
	FAIL_("phdrs-straddle-eof", c_ph_straddle, "program headers lie beyond the end of the file"),
	FAIL_("phdrs-too-many", c_ph_many, "too many program headers"),
	FAIL_("phdrs-pn-xnum", c_ph_xnum, "too many program headers (65535)"),
	FAIL_("bad-phentsize", c_phentsize, "bad program header entry size 32"),
	FAIL_("no-phdrs", c_no_phdrs, "no program headers"),
	/* segments */
	FAIL_("segment-beyond-eof", c_seg_cut, "lies beyond the end of the file"),
	FAIL_("segment-offset-huge", c_seg_off_huge, "lies beyond the end of the file"),
	FAIL_("filesz-gt-memsz", c_filesz_gt_memsz, "file size exceeds memory size"),
	FAIL_("overlapping-segments", c_overlap, "overlaps the previous one"),
	FAIL_("out-of-order-segments", c_out_of_order, "out of order"),
	FAIL_("span-1tib", c_span_1t, "too large to be a real program"),
	FAIL_("above-user-space", c_above_user, "outside user memory"),
	FAIL_("address-wraps", c_wrap, "outside user memory"),
	FAIL_("vaddr-zero-exec", c_vaddr0, "below the lowest mappable address"),
	FAIL_("entry-outside", c_entry_outside, "entry point 0x410000 is not in an executable segment"),
	FAIL_("entry-not-executable", c_entry_noexec, "not in an executable segment"),
	FAIL_("no-pt-load", c_no_load, "no loadable segments"),
	FAIL_("empty-pt-load", c_memsz0, "no loadable segments"),
	FAIL_("unaligned-offset", c_unaligned, "disagree modulo the page size"),
	FAIL_("huge-align", c_align_huge, "absurd segment alignment"),
	FAIL_("align-not-power-of-2", c_align_npot, "not a power of two"),
	FAIL_("interp-empty", c_interp_empty, "bad program interpreter header"),
	FAIL_("interp-beyond-eof", c_interp_beyond, "bad program interpreter header"),
	FAIL_("interp-huge", c_interp_huge, "bad program interpreter header"),
	/* broken notes: no OS found, nothing read out of bounds */
	OPENS_("note-namesz-huge", c_note_namesz, 126, "cannot tell which OS", "unknown", 0, NULL),
	OPENS_("note-namesz-wraps", c_note_namesz_wrap, 126, "cannot tell which OS", "unknown", 0, NULL),
	OPENS_("note-descsz-huge", c_note_descsz, 126, "cannot tell which OS", "unknown", 0, NULL),
	OPENS_("note-desc-short", c_note_desc_cut, 42, "", "FreeBSD", 0, NULL),
	OPENS_("note-beyond-eof", c_note_beyond, 126, "cannot tell which OS", "unknown", 0, NULL),
	OPENS_("note-huge", c_note_huge, 126, "cannot tell which OS", "unknown", 0, NULL),
	OPENS_("note-empty-many", c_note_empty_many, 126, "cannot tell which OS", "unknown", 0, NULL),
	/* section headers are not uxrun's business */
	OPENS_("shdr-garbage", c_shdr_garbage, 42, "", "FreeBSD", FBSD_VERSION, NULL),
	FAIL_("shdr-count-huge", c_shdr_xnum, "unreadable ELF header"),
	/* valid, for an OS uxrun does not run (yet) */
	OPENS_("os-unknown", c_os_unknown, 126, "cannot tell which OS", "unknown", 0, NULL),
	OPENS_("os-hpux", c_os_hpux, 126, "built for HP-UX (EI_OSABI 1)", "another OS", 0, NULL),
	OPENS_("os-netbsd", c_os_netbsd, 126, "built for NetBSD; uxrun does not run NetBSD programs yet",
	    "NetBSD", NETBSD_VERSION, NULL),
	OPENS_("os-openbsd", c_os_openbsd, 126, "built for OpenBSD; uxrun does not run OpenBSD programs yet", "OpenBSD", 0, NULL),
	OPENS_("os-illumos", c_os_illumos, 126, "built for illumos/Solaris; uxrun does not run illumos/Solaris programs yet",
	    "illumos/Solaris", 0, NULL),
	OPENS_("os-linux", c_os_linux, 126, "a Linux program; run it directly", "Linux", 0, NULL),
	OPENS_("os-netbsd-by-interp", c_os_netbsd_interp, 126, "built for NetBSD", "NetBSD", 0,
	    "/usr/libexec/ld.elf_so"),
	/* uxrun's runtime linker takes it, but there is nothing to link */
	OPENS_("freebsd-dynamic", c_fbsd_dynamic, 126, "no dynamic segment",
	    "FreeBSD", FBSD_VERSION, "/libexec/ld-elf.so.1"),
	/* positive controls: these run and exit(42) */
	OPENS_("ok-freebsd-static", c_ok_fbsd, 42, "", "FreeBSD", FBSD_VERSION, NULL),
	OPENS_("ok-freebsd-osabi-only", c_ok_fbsd_osabi, 42, "", "FreeBSD", 0, NULL),
	OPENS_("ok-freebsd-static-pie", c_ok_fbsd_pie, 42, "", "FreeBSD", FBSD_VERSION, NULL),
	/* not regular files, or not there */
	{ "a-directory", EG_DIR, NULL, 126, 0, "Is a directory", NULL, 0, NULL, 0 },
	{ "a-fifo", EG_FIFO, NULL, 126, 0, "not a regular file", NULL, 0, NULL, 0 },
	{ "nonexistent", EG_MISSING, NULL, 127, 0, "No such file or directory", NULL, 0, NULL, 0 },
	{ "dangling-symlink", EG_DANGLING, NULL, 127, 0, "No such file or directory", NULL, 0, NULL, 0 },
	{ "symlink-loop", EG_LOOP, NULL, 126, 0, "Too many levels of symbolic links", NULL, 0, NULL, 0 },
	{ "unreadable", EG_UNREADABLE, c_ok_fbsd, 126, 0, "Permission denied", NULL, 0, NULL, 1 },
	{ "no-search-dir", EG_NOSEARCH, c_ok_fbsd, 126, 0, "Permission denied", NULL, 0, NULL, 1 },
};
const size_t eg_ncases = sizeof(eg_cases) / sizeof(eg_cases[0]);

void
eg_path(const struct eg_case *c, const char *dir, char *out, size_t len)
{
	if (c->kind == EG_NOSEARCH)
		snprintf(out, len, "%s/%s.d/prog", dir, c->name);
	else
		snprintf(out, len, "%s/%s", dir, c->name);
}

static int
write_file(const char *path, const struct eg_buf *b, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);

	if (fd < 0)
		return -1;
	size_t done = 0;
	while (done < b->len) {
		ssize_t n = write(fd, b->b + done, b->len - done);
		if (n <= 0) {
			int e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		done += (size_t)n;
	}
	return close(fd);
}

int
eg_create(const struct eg_case *c, const char *dir)
{
	static struct eg_buf b;	/* 16 KiB: not on the stack */
	char path[4096], sub[4096];

	eg_path(c, dir, path, sizeof(path));
	memset(&b, 0, sizeof(b));
	if (c->build)
		c->build(&b);
	switch (c->kind) {
	case EG_FILE:
		return write_file(path, &b, 0755);
	case EG_DIR:
		return mkdir(path, 0755);
	case EG_FIFO:
		return mkfifo(path, 0644);
	case EG_MISSING:
		return 0;
	case EG_DANGLING:
		return symlink("does-not-exist", path);
	case EG_LOOP:
		return symlink(c->name, path);
	case EG_UNREADABLE:
		if (write_file(path, &b, 0755) != 0)
			return -1;
		return chmod(path, 0);
	case EG_NOSEARCH:
		snprintf(sub, sizeof(sub), "%s/%s.d", dir, c->name);
		if (mkdir(sub, 0755) != 0 || write_file(path, &b, 0755) != 0)
			return -1;
		return chmod(sub, 0);
	}
	errno = EINVAL;
	return -1;
}

void
eg_unprotect(const struct eg_case *c, const char *dir)
{
	char path[4096];

	if (c->kind == EG_NOSEARCH) {
		snprintf(path, sizeof(path), "%s/%s.d", dir, c->name);
		chmod(path, 0755);
	} else if (c->kind == EG_UNREADABLE) {
		eg_path(c, dir, path, sizeof(path));
		chmod(path, 0644);
	}
}
