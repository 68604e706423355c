/*
 * Mapping a validated image: reserve its whole span first (at its own
 * addresses for ET_EXEC, in the guest region below for a static PIE), then
 * map each PT_LOAD over the reservation with its own protections and zero
 * the bss.  A collision with uxrun's own memory is an error, never a
 * silent overwrite: MAP_FIXED_NOREPLACE.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "loader/image.h"

#define PAGE 4096ull

static int
prot_of(uint32_t pf)
{
	return ((pf & PF_R) ? PROT_READ : 0) | ((pf & PF_W) ? PROT_WRITE : 0) |
	    ((pf & PF_X) ? PROT_EXEC : 0);
}

/*
 * Static PIEs go to a region kept for guests, far from where Linux puts
 * uxrun (0x55...), its libraries and stacks (0x7f...).  Seccomp filters
 * outlive execve: a program the guest runs later, uxrun itself included,
 * must not have code where the filter traps this guest's calls.
 */
#define GUEST_PIE_BASE	0x100000000000ull	/* 16 TiB */
#define GUEST_PIE_STEP	(1ull << 36)
#define GUEST_PIE_TRIES	64

static int
reserve_pie(uint64_t span, uint64_t align, void **out)
{
	for (int i = 0; i < GUEST_PIE_TRIES; i++) {
		uint64_t want = (GUEST_PIE_BASE + i * GUEST_PIE_STEP + align - 1) & ~(align - 1);
		void *at = mmap((void *)want, span, PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_NORESERVE, -1, 0);
		if (at == MAP_FAILED)
			continue;
		if ((uint64_t)at == want) {
			*out = at;
			return 0;
		}
		/* A kernel without MAP_FIXED_NOREPLACE took it as a hint. */
		munmap(at, span);
	}
	return -1;
}

int
ux_image_map(struct ux_image *im, struct ux_err *err)
{
	uint64_t span = im->hi - im->lo;
	void *at;

	if (im->eh.e_type == ET_EXEC) {
		at = mmap((void *)im->lo, span, PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_NORESERVE, -1, 0);
		if (at == MAP_FAILED || (uint64_t)at != im->lo)
			return ux_err_set(err, 126, "%s: cannot map segments at %#lx-%#lx: %s", im->path,
			    (unsigned long)im->lo, (unsigned long)im->hi,
			    at == MAP_FAILED && errno == EEXIST ? "the range is in use by uxrun itself" : strerror(errno));
		im->bias = 0;
	} else if (reserve_pie(span, im->max_align, &at) == 0) {
		im->bias = (uint64_t)at - im->lo;
	} else {
		uint64_t align = im->max_align;
		char *raw = mmap(NULL, span + align, PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (raw == MAP_FAILED)
			return ux_err_set(err, 126, "%s: cannot reserve %#lx bytes: %s", im->path,
			    (unsigned long)span, strerror(errno));
		uint64_t base = ((uint64_t)raw + align - 1) & ~(align - 1);
		if (base > (uint64_t)raw)
			munmap(raw, base - (uint64_t)raw);
		if ((uint64_t)raw + span + align > base + span)
			munmap((void *)(base + span), (uint64_t)raw + span + align - (base + span));
		im->bias = base - im->lo;
	}

	for (size_t i = 0; i < im->phnum; i++) {
		GElf_Phdr *p = &im->ph[i];
		if (p->p_type != PT_LOAD || p->p_memsz == 0)
			continue;
		int prot = prot_of(p->p_flags);
		uint64_t va = p->p_vaddr + im->bias;
		uint64_t page = va & ~(PAGE - 1);
		uint64_t file_end = va + p->p_filesz;
		uint64_t mem_end = (va + p->p_memsz + PAGE - 1) & ~(PAGE - 1);
		uint64_t file_map_end = (file_end + PAGE - 1) & ~(PAGE - 1);

		if (p->p_filesz > 0) {
			/* Writable while the bss tail of the last file page is zeroed. */
			int tmp = prot | ((p->p_memsz > p->p_filesz) ? PROT_WRITE : 0);
			void *m = mmap((void *)page, file_map_end - page, tmp, MAP_PRIVATE | MAP_FIXED,
			    im->fd, (off_t)(p->p_offset - (va - page)));
			if (m == MAP_FAILED)
				return ux_err_set(err, 126, "%s: cannot map segment %zu: %s", im->path, i, strerror(errno));
			if (p->p_memsz > p->p_filesz && (file_end & (PAGE - 1)))
				memset((void *)file_end, 0, file_map_end - file_end);
			if (tmp != prot)
				mprotect((void *)page, file_map_end - page, prot);
		} else {
			file_map_end = page;
		}
		if (mem_end > file_map_end) {
			void *m = mmap((void *)file_map_end, mem_end - file_map_end, prot,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
			if (m == MAP_FAILED)
				return ux_err_set(err, 126, "%s: cannot map bss of segment %zu: %s", im->path, i, strerror(errno));
		}
	}
	return 0;
}
