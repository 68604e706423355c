/*
 * Self-relocation for static PIEs (linked with rcrt1.o). No dynamic
 * linker runs, so _start calls this before anything reads a pointer
 * stored in data. It must itself need no relocation: everything here is
 * reached PC-relative and nothing global is written before the loop.
 */
#include <stdint.h>
#include "uxrt.h"

struct uxrt_elf_phdr {
	uint32_t p_type;
	uint32_t p_flags;
	uint64_t p_offset;
	uint64_t p_vaddr;
	uint64_t p_paddr;
	uint64_t p_filesz;
	uint64_t p_memsz;
	uint64_t p_align;
};

struct uxrt_elf_dyn {
	int64_t d_tag;
	uint64_t d_val;
};

struct uxrt_elf_rela {
	uint64_t r_offset;
	uint64_t r_info;
	int64_t r_addend;
};

#define PT_DYNAMIC	2
#define PT_PHDR		6
#define DT_NULL		0
#define DT_RELA		7
#define DT_RELASZ	8
#define DT_RELAENT	9
#define R_X86_64_NONE		0
#define R_X86_64_RELATIVE	8

extern struct uxrt_elf_dyn _DYNAMIC[] __attribute__((visibility("hidden")));

void __uxrt_self_relocate(long *ap);

static _Noreturn void
reloc_fail(const char *msg, long len)
{
	__uxrt_syscall(SYS_write, 2, (long)msg, len, 0, 0, 0);
	for (;;)
		__uxrt_syscall(SYS_exit, 127, 0, 0, 0, 0, 0);
}

#define FAIL(s) reloc_fail(s, sizeof(s) - 1)

void
__uxrt_self_relocate(long *ap)
{
	long *p = ap + 1 + ap[0] + 1;
	const struct uxrt_elf_phdr *ph = 0;
	const struct uxrt_elf_dyn *d;
	const struct uxrt_elf_rela *r = 0;
	uint64_t phnum = 0, relasz = 0, relaent = sizeof(*r), i;
	uintptr_t base = 0;
	int found = 0;

	while (*p != 0)
		p++;
	for (p++; p[0] != UXRT_AT_NULL; p += 2) {
		if (p[0] == UXRT_AT_PHDR)
			ph = (const struct uxrt_elf_phdr *)p[1];
		else if (p[0] == UXRT_AT_PHNUM)
			phnum = (uint64_t)p[1];
	}
	if (ph == 0)
		FAIL("rcrt1: no AT_PHDR in auxv\n");

	/* Load base: where the headers are now minus where they were linked. */
	for (i = 0; i < phnum && !found; i++)
		if (ph[i].p_type == PT_PHDR) {
			base = (uintptr_t)ph - ph[i].p_vaddr;
			found = 1;
		}
	for (i = 0; i < phnum && !found; i++)
		if (ph[i].p_type == PT_DYNAMIC) {
			base = (uintptr_t)_DYNAMIC - ph[i].p_vaddr;
			found = 1;
		}
	if (!found)
		FAIL("rcrt1: no PT_PHDR or PT_DYNAMIC\n");

	for (d = _DYNAMIC; d->d_tag != DT_NULL; d++) {
		if (d->d_tag == DT_RELA)
			r = (const struct uxrt_elf_rela *)(base + d->d_val);
		else if (d->d_tag == DT_RELASZ)
			relasz = d->d_val;
		else if (d->d_tag == DT_RELAENT)
			relaent = d->d_val;
	}
	if (r == 0 || relaent == 0)
		return;
	for (i = 0; i < relasz / relaent; i++) {
		const struct uxrt_elf_rela *x =
		    (const struct uxrt_elf_rela *)((const char *)r + i * relaent);
		uint32_t type = (uint32_t)x->r_info;

		if (type == R_X86_64_RELATIVE)
			*(uint64_t *)(base + x->r_offset) = base + (uint64_t)x->r_addend;
		else if (type != R_X86_64_NONE)
			FAIL("rcrt1: unsupported relocation type\n");
	}
}
