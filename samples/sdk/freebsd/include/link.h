/*
 * uxrun FreeBSD SDK: loaded objects as the runtime linker lists them
 * (FreeBSD's <link.h> and <sys/link_elf.h>), with the ELF types and
 * program header values they use (<sys/elf64.h>, <sys/elf_common.h>).
 */
#ifndef _UXRT_LINK_H
#define _UXRT_LINK_H

#include <sys/types.h>

typedef uint64_t Elf64_Addr;
typedef uint16_t Elf64_Half;
typedef uint64_t Elf64_Off;
typedef uint32_t Elf64_Word;
typedef uint64_t Elf64_Xword;

typedef struct {
	Elf64_Word p_type;
	Elf64_Word p_flags;
	Elf64_Off p_offset;
	Elf64_Addr p_vaddr;
	Elf64_Addr p_paddr;
	Elf64_Xword p_filesz;
	Elf64_Xword p_memsz;
	Elf64_Xword p_align;
} Elf64_Phdr;

typedef Elf64_Addr Elf_Addr;
typedef Elf64_Half Elf_Half;
typedef Elf64_Phdr Elf_Phdr;

#define PT_NULL		0
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define PT_INTERP	3
#define PT_NOTE		4
#define PT_PHDR		6
#define PT_TLS		7
#define PT_GNU_EH_FRAME	0x6474e550
#define PT_GNU_STACK	0x6474e551
#define PT_GNU_RELRO	0x6474e552
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

typedef struct link_map {
	caddr_t l_base;
	const char *l_name;
	const void *l_ld;
	struct link_map *l_next, *l_prev;
	caddr_t l_addr;
	const char *l_refname;
} Link_map;

struct dl_phdr_info {
	Elf_Addr dlpi_addr;
	const char *dlpi_name;
	const Elf_Phdr *dlpi_phdr;
	Elf_Half dlpi_phnum;
	unsigned long long int dlpi_adds;
	unsigned long long int dlpi_subs;
	size_t dlpi_tls_modid;
	void *dlpi_tls_data;
};

typedef int (*__dl_iterate_hdr_callback)(struct dl_phdr_info *, size_t, void *);
int dl_iterate_phdr(__dl_iterate_hdr_callback callback, void *arg);

#endif
