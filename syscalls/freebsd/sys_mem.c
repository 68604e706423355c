/*
 * Memory: the break, mappings, protections and advice.  The argument
 * checks follow FreeBSD's kern_mmap(), kern_munmap(), kern_mprotect() and
 * kern_madvise() (sys/vm/vm_mmap.c) and kern_break() (sys/vm/vm_unix.c),
 * so a guest sees FreeBSD's errors, not the ones Linux would give.
 */
#include "config.h"

#include <sys/mman.h>

#include "syscalls/freebsd/fbsd_handlers.h"

#define PG		4096UL
#define PG_MASK		(PG - 1)
#define round_pg(x)	(((uint64_t)(x) + PG_MASK) & ~PG_MASK)
#define trunc_pg(x)	((uint64_t)(x) & ~PG_MASK)

/* VM_MAXUSER_ADDRESS_LA48: where amd64 user space ends. */
#define FBSD_VM_MAXUSER		0x800000000000ULL
/* MAP_32BIT_MAX_ADDR on amd64. */
#define FBSD_MAP_32BIT_MAX	(1ULL << 31)
#define FBSD_SUPERPAGE		(2ULL << 20)
#define FBSD_PROT_ALL		(FBSD_PROT_READ | FBSD_PROT_WRITE | FBSD_PROT_EXEC)
#define FBSD_PROT_MAX_SHIFT	16
/* MAP_RESERVED0020 and 0040 once meant something; FreeBSD ignores them. */
#define FBSD_MAP_IGNORED	0x0060

#define FBSD_MAP_KNOWN (FBSD_MAP_SHARED | FBSD_MAP_PRIVATE | FBSD_MAP_FIXED | \
	FBSD_MAP_HASSEMAPHORE | FBSD_MAP_STACK | FBSD_MAP_NOSYNC | FBSD_MAP_ANON | \
	FBSD_MAP_EXCL | FBSD_MAP_NOCORE | FBSD_MAP_PREFAULT_READ | FBSD_MAP_GUARD | \
	FBSD_MAP_32BIT | FBSD_MAP_ALIGNMENT_MASK)

static long
map_raw(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t off)
{
	return ux_sys(SYS_mmap, addr, len, prot, flags, fd, off);
}

/*
 * The data segment.  brk_cur keeps the address the guest last asked for,
 * unrounded, as libc's sbrk does; the mapped break is round_pg(brk_cur),
 * which is also what kern_break() returns.  Calls are serialised so two
 * threads cannot map the same range.
 */
static int brk_lock;

long
fbsd_sys_break(struct uxcall *c, char *nsize)
{
	uint64_t want = (uint64_t)(uintptr_t)nsize;
	uint64_t base = round_pg(fbsd_proc.brk_start);
	uint64_t new = round_pg(want);
	uint64_t old;
	long r = 0;

	while (__atomic_exchange_n(&brk_lock, 1, __ATOMIC_ACQUIRE))
		ux_sys(SYS_sched_yield);
	old = round_pg(fbsd_proc.brk_cur);
	/* Below the data segment: libc's break(NULL) asking where it is. */
	if (new < base) {
		r = (long)old;
		goto out;
	}
	/* Shrinking is allowed even above the limit, as in kern_break(). */
	if (new > old && (new > fbsd_proc.brk_max || new > FBSD_VM_MAXUSER)) {
		r = -ENOMEM;
		goto out;
	}
	if (new > old) {
		/* Never clobber a mapping that grew into the heap's way. */
		long m = map_raw(old, new - old, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		if (ux_is_err(m) || (uint64_t)m != old) {
			/* A kernel without NOREPLACE took it as a hint. */
			if (!ux_is_err(m))
				ux_sys(SYS_munmap, m, new - old);
			r = -ENOMEM;
			goto out;
		}
	} else if (new < old) {
		if (ux_is_err(ux_sys(SYS_munmap, new, old - new))) {
			r = -ENOMEM;
			goto out;
		}
	}
	fbsd_proc.brk_cur = want;
	r = (long)new;
out:
	__atomic_store_n(&brk_lock, 0, __ATOMIC_RELEASE);
	return r;
}

/*
 * MAP_ALIGNED(n) and MAP_ALIGNED_SUPER: reserve len + align - 1 pages of
 * nothing, map the real thing at the first aligned address inside with
 * MAP_FIXED, and give back the head and tail of the reservation.
 */
static long
map_aligned(uint64_t hint, uint64_t size, uint64_t align, int prot, int hflags,
    int fd, int64_t off)
{
	uint64_t span = size + align - PG;
	long res, m;
	uint64_t start;

	if (span < size)
		return -ENOMEM;
	res = map_raw(hint, span, PROT_NONE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | (hflags & MAP_32BIT), -1, 0);
	if (ux_is_err(res))
		return res;
	start = ((uint64_t)res + align - 1) & ~(align - 1);
	m = map_raw(start, size, prot, hflags | MAP_FIXED, fd, off);
	if (ux_is_err(m)) {
		ux_sys(SYS_munmap, res, span);
		return m;
	}
	if (start > (uint64_t)res)
		ux_sys(SYS_munmap, res, start - (uint64_t)res);
	if ((uint64_t)res + span > start + size)
		ux_sys(SYS_munmap, start + size, (uint64_t)res + span - (start + size));
	return (long)start;
}

long
fbsd_sys_mmap(struct uxcall *c, void *addr, size_t len, int prot, int flags, int fd,
    int64_t pos)
{
	uint64_t a = (uint64_t)(uintptr_t)addr;
	uint64_t uflags = (uint32_t)flags & ~(uint64_t)FBSD_MAP_IGNORED;
	uint64_t pageoff, size, align = 0, shift;
	int maxprot, hflags;
	long m;

	if ((prot & ~(FBSD_PROT_ALL | FBSD_PROT_ALL << FBSD_PROT_MAX_SHIFT)) != 0)
		return -EINVAL;
	/* XXX PROT_MAX is checked but not kept: Linux has no maximum protection. */
	maxprot = (prot >> FBSD_PROT_MAX_SHIFT) & FBSD_PROT_ALL;
	prot &= FBSD_PROT_ALL;
	if (maxprot != 0 && (maxprot & prot) != prot)
		return -ENOTSUP;

	/* The constraints, in kern_mmap()'s order. */
	if (len == 0)
		return -EINVAL;
	if ((uflags & FBSD_MAP_ANON) && (fd != -1 || pos != 0))
		return -EINVAL;		/* Linux would ignore fd */
	if (uflags & FBSD_MAP_STACK) {
		if (fd != -1 || (prot & (FBSD_PROT_READ | FBSD_PROT_WRITE)) !=
		    (FBSD_PROT_READ | FBSD_PROT_WRITE))
			return -EINVAL;
		uflags |= FBSD_MAP_ANON;
		pos = 0;
	}
	if (uflags & ~(uint64_t)FBSD_MAP_KNOWN)
		return -EINVAL;
	if ((uflags & (FBSD_MAP_EXCL | FBSD_MAP_FIXED)) == FBSD_MAP_EXCL)
		return -EINVAL;
	if ((uflags & (FBSD_MAP_SHARED | FBSD_MAP_PRIVATE)) ==
	    (FBSD_MAP_SHARED | FBSD_MAP_PRIVATE))
		return -EINVAL;
	if ((uflags & FBSD_MAP_GUARD) && (prot != 0 || fd != -1 || pos != 0 ||
	    (uflags & ~(uint64_t)(FBSD_MAP_FIXED | FBSD_MAP_GUARD | FBSD_MAP_EXCL |
	    FBSD_MAP_32BIT | FBSD_MAP_ALIGNMENT_MASK))))
		return -EINVAL;

	/* FreeBSD maps from the page holding pos and returns addr + pageoff;
	 * Linux insists on a page-aligned offset. */
	pageoff = (uint64_t)pos & PG_MASK;
	pos -= (int64_t)pageoff;
	size = round_pg(len + pageoff);
	if (len > size || len + pageoff < len)
		return -ENOMEM;

	if (uflags & FBSD_MAP_ALIGNMENT_MASK) {
		shift = (uflags & FBSD_MAP_ALIGNMENT_MASK) >> FBSD_MAP_ALIGNMENT_SHIFT;
		if ((uflags & FBSD_MAP_ALIGNMENT_MASK) == FBSD_MAP_ALIGNED_SUPER)
			/* pmap_align_superpage() leaves mappings smaller
			 * than a superpage where they fall. */
			align = size >= FBSD_SUPERPAGE ? FBSD_SUPERPAGE : 0;
		else if (shift >= 64 || shift < 12)
			return -EINVAL;
		else
			align = 1ULL << shift;
	}

	if (uflags & FBSD_MAP_FIXED) {
		a -= pageoff;
		if (a & PG_MASK)
			return -EINVAL;
		if (a + size < a || a + size > FBSD_VM_MAXUSER)
			return -EINVAL;
		if ((uflags & FBSD_MAP_32BIT) && a + size > FBSD_MAP_32BIT_MAX)
			return -EINVAL;
		align = 0;	/* the address decides */
	} else if (uflags & FBSD_MAP_32BIT) {
		if (a + size > FBSD_MAP_32BIT_MAX)
			a = 0;
	} else if (a >= round_pg(fbsd_proc.brk_start) && a < round_pg(fbsd_proc.brk_max)) {
		/* Hints inside the room the break may grow into move past it,
		 * as FreeBSD does, so break() keeps its space. */
		a = round_pg(fbsd_proc.brk_max);
	}

	if (!(uflags & (FBSD_MAP_ANON | FBSD_MAP_GUARD)) && ux_fd_is_host(fd))
		return -EBADF;

	hflags = (int)ux_flags_to_host(&fbsd_mflags_tab,
	    uflags & ~(uint64_t)(FBSD_MAP_ALIGNMENT_MASK | FBSD_MAP_EXCL | FBSD_MAP_GUARD),
	    "mmap flag");
	if (uflags & FBSD_MAP_GUARD) {
		/* A guard is address space that faults: a PROT_NONE reservation. */
		hflags |= MAP_ANONYMOUS | MAP_NORESERVE;
		prot = PROT_NONE;
	}
	if ((uflags & (FBSD_MAP_ANON | FBSD_MAP_GUARD)) &&
	    !(hflags & (MAP_SHARED | MAP_PRIVATE)))
		hflags |= MAP_PRIVATE;	/* FreeBSD allows neither for anonymous memory */
	if (uflags & FBSD_MAP_EXCL) {
		/* Without MAP_FIXED, an old kernel treats NOREPLACE as a hint
		 * instead of clobbering; the address check below catches it. */
		hflags &= ~MAP_FIXED;
		hflags |= MAP_FIXED_NOREPLACE;
	}
	if (uflags & (FBSD_MAP_ANON | FBSD_MAP_GUARD))
		fd = -1;

	if (align > PG) {
		m = map_aligned(a, size, align, prot, hflags, fd, pos);
		/* Superpage alignment is a preference, not a promise. */
		if (ux_is_err(m) && align == FBSD_SUPERPAGE &&
		    (uflags & FBSD_MAP_ALIGNMENT_MASK) == FBSD_MAP_ALIGNED_SUPER)
			m = map_raw(a, size, prot, hflags, fd, pos);
	} else {
		m = map_raw(a, size, prot, hflags, fd, pos);
	}
	if (uflags & FBSD_MAP_EXCL) {
		/* vm_map_fixed() says KERN_NO_SPACE, which is ENOMEM. */
		if (m == -EEXIST)
			return -ENOMEM;
		if (!ux_is_err(m) && (uint64_t)m != a) {
			ux_sys(SYS_munmap, m, size);
			return -ENOMEM;
		}
	}
	if (ux_is_err(m))
		return m;
	if (uflags & FBSD_MAP_NOCORE)
		ux_sys(SYS_madvise, m, size, MADV_DONTDUMP);
	return m + (long)pageoff;
}

/* FreeBSD rounds the range out to pages where Linux wants an aligned start. */
static int
page_range(uint64_t addr, uint64_t len, uint64_t *start, uint64_t *size)
{
	uint64_t off = addr & PG_MASK;

	*start = addr - off;
	*size = round_pg(len + off);
	if (len + off < len || (len + off > 0 && *size == 0) || *start + *size < *start)
		return -EINVAL;
	return 0;
}

long
fbsd_sys_munmap(struct uxcall *c, void *addr, size_t len)
{
	uint64_t start, size;

	if (len == 0)
		return -EINVAL;
	if (page_range((uint64_t)(uintptr_t)addr, len, &start, &size) != 0 ||
	    start + size > FBSD_VM_MAXUSER)
		return -EINVAL;
	return ux_sys(SYS_munmap, start, size);
}

long
fbsd_sys_mprotect(struct uxcall *c, void *addr, size_t len, int prot)
{
	uint64_t start, size;

	if ((prot & ~(FBSD_PROT_ALL | FBSD_PROT_ALL << FBSD_PROT_MAX_SHIFT)) != 0)
		return -EINVAL;
	/* XXX a PROT_MAX part is dropped: Linux keeps no maximum protection. */
	prot &= FBSD_PROT_ALL;
	if (page_range((uint64_t)(uintptr_t)addr, len, &start, &size) != 0)
		return -EINVAL;
	if (size == 0)
		return 0;
	/* XXX over a hole Linux says ENOMEM, having changed the part before
	 * it; FreeBSD changes every mapped part and succeeds. */
	return ux_sys(SYS_mprotect, start, size, prot);
}

long
fbsd_sys_madvise(struct uxcall *c, void *addr, size_t len, int behav)
{
	uint64_t a = (uint64_t)(uintptr_t)addr, h, start, end;
	long r;

	if (ux_enum_to_host(&fbsd_madv_tab, (uint64_t)(uint32_t)behav, &h) != 0)
		return -EINVAL;
	/* MADV_PROTECT (no swap-out), NOSYNC, AUTOSYNC: nothing to do here. */
	if ((int64_t)h < 0)
		return 0;
	if (a + len < a || a + len > FBSD_VM_MAXUSER)
		return -EINVAL;
	/* FreeBSD's MADV_DONTNEED only lowers the pages' priority and keeps
	 * their contents; Linux's drops them.  MADV_COLD is the Linux twin. */
	if (behav == FBSD_MADV_DONTNEED)
		h = MADV_COLD;
	start = trunc_pg(a);
	end = round_pg(a + len);
	if (end <= start)
		return 0;
	r = ux_sys(SYS_madvise, start, end - start, h);
	/* Advice is advisory on FreeBSD: holes are skipped, and mappings the
	 * advice does not apply to (MADV_FREE on a file, MADV_COLD on an old
	 * kernel) are left alone without an error. */
	if (r == -ENOMEM)
		return 0;
	if (r == -EINVAL && (behav == FBSD_MADV_FREE || behav == FBSD_MADV_DONTNEED))
		return 0;
	return r;
}
