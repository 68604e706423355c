/*
 * Where functions start in a guest object, for the call-site patcher
 * (syscalls/patch.h), which must decode a site's function from its first
 * instruction to know its instruction boundaries.
 *
 * Two sources: Go's pclntab, which every Go binary carries in memory even
 * when stripped (its layout is in Go's debug/gosym/pclntab.go: a header
 * with a magic per format, then a table of function entry points sorted by
 * address), and the ELF symbol table, read from the file on first use.
 */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loader/funcs.h"

struct ux_funcs {
	/* Go: the pclntab in memory and .text (entry offsets count from it). */
	const uint8_t *pcln;
	uint64_t pcln_size, text;
	/* ELF: FUNC symbols' addresses, sorted, read from path when needed. */
	char *path;
	uint64_t symoff, symsize, bias;
	int symtab_read;
	uint64_t *starts;
	size_t nstarts;
};

enum { GO12 = 0xfffffffb, GO116 = 0xfffffffa, GO118 = 0xfffffff0, GO120 = 0xfffffff1 };

struct ux_funcs *
ux_funcs_from_image(const struct ux_image *im, const char *path)
{
	struct ux_funcs *f = calloc(1, sizeof(*f));
	Elf_Scn *scn = NULL;
	size_t shstrndx;

	if (!f || elf_getshdrstrndx(im->elf, &shstrndx) != 0)
		goto none;
	f->bias = im->bias;
	while ((scn = elf_nextscn(im->elf, scn)) != NULL) {
		GElf_Shdr sh;
		const char *name;

		if (!gelf_getshdr(scn, &sh) || !(name = elf_strptr(im->elf, shstrndx, sh.sh_name)))
			continue;
		if (strcmp(name, ".gopclntab") == 0 && (sh.sh_flags & SHF_ALLOC)) {
			f->pcln = (const uint8_t *)(sh.sh_addr + im->bias);
			f->pcln_size = sh.sh_size;
		} else if (strcmp(name, ".text") == 0) {
			f->text = sh.sh_addr + im->bias;
		} else if (sh.sh_type == SHT_SYMTAB && sh.sh_entsize == sizeof(Elf64_Sym)) {
			f->symoff = sh.sh_offset;
			f->symsize = sh.sh_size;
		}
	}
	if (f->pcln || f->symsize) {
		f->path = strdup(path);
		if (f->path)
			return f;
	}
none:
	free(f);
	return NULL;
}

static uint64_t
rd64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
}

static uint32_t
rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

/* Entry point of function i of the pclntab's table, or 0 past its end. */
static uint64_t
go_entry(const struct ux_funcs *f, uint32_t magic, const uint8_t *tab, uint64_t i)
{
	if (magic == GO118 || magic == GO120)
		return f->text + rd32(tab + 8 * i);
	return rd64(tab + 16 * i) + f->bias;
}

static uint64_t
go_func_start(const struct ux_funcs *f, uint64_t pc)
{
	const uint8_t *h = f->pcln;
	uint32_t magic;
	uint64_t nfunc, off, lo, hi;
	const uint8_t *tab;

	if (f->pcln_size < 72)
		return 0;
	magic = rd32(h);
	/* pad, pad, instruction quantum 1, pointer size 8 */
	if (h[4] || h[5] || h[6] != 1 || h[7] != 8)
		return 0;
	nfunc = rd64(h + 8);
	switch (magic) {
	case GO118: case GO120:
		if (!f->text)
			return 0;
		off = rd64(h + 8 + 7 * 8);
		break;
	case GO116:
		off = rd64(h + 8 + 6 * 8);
		break;
	case GO12:
		off = 16;
		break;
	default:
		return 0;
	}
	/* nfunc entries and the end of the last function. */
	if (off > f->pcln_size || nfunc > (f->pcln_size - off) / 16)
		return 0;
	tab = h + off;
	if (pc < go_entry(f, magic, tab, 0) || pc >= go_entry(f, magic, tab, nfunc))
		return 0;
	lo = 0;
	hi = nfunc;		/* entry(lo) <= pc < entry(hi) */
	while (hi - lo > 1) {
		uint64_t mid = lo + (hi - lo) / 2;

		if (go_entry(f, magic, tab, mid) <= pc)
			lo = mid;
		else
			hi = mid;
	}
	return go_entry(f, magic, tab, lo);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void
read_symtab(struct ux_funcs *f)
{
	Elf64_Sym *syms;
	size_t n = f->symsize / sizeof(Elf64_Sym);
	int fd;

	f->symtab_read = 1;
	if (n == 0 || (fd = open(f->path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	syms = malloc(f->symsize);
	if (syms && pread(fd, syms, f->symsize, (off_t)f->symoff) == (ssize_t)f->symsize &&
	    (f->starts = malloc(n * sizeof(uint64_t))) != NULL) {
		for (size_t i = 0; i < n; i++)
			/* Hand-written assembly often leaves its entry points
			 * untyped (_start). */
			if ((ELF64_ST_TYPE(syms[i].st_info) == STT_FUNC ||
			    ELF64_ST_TYPE(syms[i].st_info) == STT_NOTYPE) && syms[i].st_value &&
			    syms[i].st_shndx != SHN_UNDEF && syms[i].st_shndx < SHN_LORESERVE)
				f->starts[f->nstarts++] = syms[i].st_value + f->bias;
		qsort(f->starts, f->nstarts, sizeof(uint64_t), cmp_u64);
	}
	free(syms);
	close(fd);
}

uint64_t
ux_funcs_start(void *ctx, uint64_t pc)
{
	struct ux_funcs *f = ctx;
	size_t lo = 0, hi;

	if (f->pcln)
		return go_func_start(f, pc);
	if (!f->symtab_read)
		read_symtab(f);
	hi = f->nstarts;
	if (hi == 0 || pc < f->starts[0])
		return 0;
	while (hi - lo > 1) {		/* starts[lo] <= pc < starts[hi] */
		size_t mid = lo + (hi - lo) / 2;

		if (f->starts[mid] <= pc)
			lo = mid;
		else
			hi = mid;
	}
	return f->starts[lo];
}
