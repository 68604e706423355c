/*
 * Patched call sites (patch.h): choosing a site, building its stub and
 * rewriting the guest's code while other threads may be running it.
 *
 * Rewriting live code: the displaced instruction becomes `int3` first,
 * then gets the jump's offset, then the jump's opcode, with every CPU
 * running this process made to resynchronise its instruction stream in
 * between, as Linux's own text_poke_bp() does.  A thread that reaches the
 * site meanwhile takes a SIGTRAP and retries the instruction
 * (ux_patch_retry).  The resynchronisation is an interrupt on each such
 * CPU (returning from one serialises), got by taking write access away
 * from a page this process has written: the kernel must flush that page
 * from the TLB of every CPU running the process, by IPI.  (membarrier's
 * SYNC_CORE does the same, but registering for it costs an RCU grace
 * period, some 15 ms.)
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "syscalls/patch.h"
#include "syscalls/disasm.h"
#include "syscalls/dispatch.h"
#include "syscalls/hostcall.h"
#include "syscalls/log.h"
#include "syscalls/thread.h"
#include "syscalls/trace.h"

unsigned ux_patch_threshold = UX_PATCH_DEFAULT_THRESHOLD;

/* The stub template (patch_entry.S). */
extern const uint8_t ux_patch_tpl_begin[], ux_patch_tpl_end[], ux_patch_tpl_back1[],
    ux_patch_tpl_back2[], ux_patch_tpl_back3[], ux_patch_tpl_entry[];
extern const uint8_t ux_patch_entry[];

#define STUB_REGION	(64 * 1024)
#define REACH		0x7ff00000ll		/* what a rel32 jump reaches, with margin */
#define MAX_OBJECTS	8
#define MAX_DISPLACED	4			/* instructions copied into a stub */
#define MAX_FUNC	(256 * 1024)		/* longest function disassembled */

struct object {
	uint64_t lo, hi;
	ux_func_start_fn func_start;
	void *ctx;
	uint64_t stub_lo, stub_hi, stub_next;
};

static struct object objects[MAX_OBJECTS];
static int nobjects;

/* Sites seen trapping, by the address after their `syscall`. */
enum { SITE_COUNTING, SITE_PATCHED, SITE_REFUSED };
#define NSITES 1024
static struct site {
	uint64_t pc;
	uint32_t count;
	uint8_t state;
} sites[NSITES];

/* Start of each rewritten instruction, for ux_patch_retry: recorded
 * before its first byte changes, never removed. */
#define MAX_PATCHED 512
static uint64_t patched_at[MAX_PATCHED];
static unsigned npatched;

static int patch_lock;
static volatile uint8_t *sync_page;	/* written, then made read-only, to sync CPUs */

void
ux_patch_configure(const char *spec)
{
	char *end;
	unsigned long n;

	if (spec == NULL || *spec == '\0')
		return;
	if (strcmp(spec, "off") == 0 || strcmp(spec, "no") == 0) {
		ux_patch_threshold = 0;
		return;
	}
	n = strtoul(spec, &end, 10);
	if (*end == '\0' && n < 1000000)
		ux_patch_threshold = (unsigned)n;
}

/* --- the stub region ---------------------------------------------------------- */

static int
within_reach(uint64_t a, uint64_t lo, uint64_t hi)
{
	return (int64_t)(a - lo) < REACH && (int64_t)(hi - a) < REACH &&
	    (int64_t)(lo - a) < REACH && (int64_t)(a - hi) < REACH;
}

int
ux_patch_add_object(uint64_t lo, uint64_t hi, ux_func_start_fn func_start, void *ctx,
    struct ux_range *stubs)
{
	/* Below the code first (nothing grows down into it: the break and
	 * the guest's own mappings go up), then above it, past where a
	 * program's break would grow for a while. */
	const int64_t tries[] = { -(1ll << 20), -(16ll << 20), -(256ll << 20),
	    1ll << 30, 1536ll << 20 };
	struct object *o;

	if (ux_patch_threshold == 0 || nobjects == MAX_OBJECTS || func_start == NULL)
		return -1;
	if (sync_page == NULL) {
		void *m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (m == MAP_FAILED)
			return -1;
		sync_page = m;
	}
	o = &objects[nobjects];
	for (size_t i = 0; i < sizeof(tries) / sizeof(tries[0]); i++) {
		uint64_t want = ((tries[i] < 0 ? lo : hi) + (uint64_t)tries[i]) & ~0xffffull;
		void *m;

		if (tries[i] < 0 && lo < (uint64_t)-tries[i] + (1 << 20))
			continue;
		if (!within_reach(want, lo, hi) || !within_reach(want + STUB_REGION, lo, hi))
			continue;
		m = mmap((void *)want, STUB_REGION, PROT_READ | PROT_EXEC,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		if (m == MAP_FAILED)
			continue;
		if ((uint64_t)m != want) {	/* an old kernel took it as a hint */
			munmap(m, STUB_REGION);
			continue;
		}
		o->lo = lo;
		o->hi = hi;
		o->func_start = func_start;
		o->ctx = ctx;
		o->stub_lo = o->stub_next = want;
		o->stub_hi = want + STUB_REGION;
		stubs->lo = o->stub_lo;
		stubs->hi = o->stub_hi;
		nobjects++;
		return 0;
	}
	return -1;
}

static struct object *
object_of(uint64_t pc)
{
	for (int i = 0; i < nobjects; i++)
		if (pc >= objects[i].lo && pc < objects[i].hi)
			return &objects[i];
	return NULL;
}

/* --- choosing what to displace ------------------------------------------------- */

static int
is_stack_reg(x86_reg r)
{
	return r == X86_REG_RSP || r == X86_REG_ESP || r == X86_REG_SP || r == X86_REG_SPL;
}

static int
is_segment_reg(x86_reg r)
{
	return r == X86_REG_CS || r == X86_REG_DS || r == X86_REG_ES || r == X86_REG_FS ||
	    r == X86_REG_GS || r == X86_REG_SS;
}

/*
 * Whether an instruction does the same thing copied into a stub: plain
 * data moves that neither address memory relative to %rip nor change %rsp
 * (the stub runs them before it moves the stack) nor a segment register.
 */
static int
relocatable(const cs_insn *in)
{
	const cs_x86 *x = &in->detail->x86;

	switch (in->id) {
	case X86_INS_MOV: case X86_INS_MOVABS: case X86_INS_MOVZX: case X86_INS_MOVSX:
	case X86_INS_MOVSXD: case X86_INS_LEA: case X86_INS_XOR:
		break;
	default:
		return 0;
	}
	for (int k = 0; k < x->op_count; k++) {
		const cs_x86_op *op = &x->operands[k];

		if (op->type == X86_OP_MEM && (op->mem.base == X86_REG_RIP || op->mem.index == X86_REG_RIP))
			return 0;
		if (op->type == X86_OP_REG && (is_segment_reg(op->reg) || (k == 0 && is_stack_reg(op->reg))))
			return 0;
	}
	return 1;
}

/*
 * Finds the instructions to displace before the `syscall` at s: the last
 * few instructions before it, back to and including the nearest one long
 * enough to hold the jump.  Returns its address (and the stub copies every
 * byte from there to s), or 0 with *why set.
 */
static uint64_t
choose_displaced(const struct ux_capstone *cs, uint64_t f, uint64_t s, const char **why)
{
	csh h;
	cs_insn *in = NULL;
	size_t n, j;
	uint64_t start = 0;

	if (cs->open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK) {
		*why = "capstone failed";
		return 0;
	}
	cs->option(h, CS_OPT_DETAIL, CS_OPT_ON);
	n = cs->disasm(h, (const uint8_t *)f, s - f + 2, f, 0, &in);
	*why = "instructions do not line up with the call";
	for (j = 0; j < n && in[j].address < s; j++)
		;
	if (j < n && in[j].address == s && in[j].id == X86_INS_SYSCALL) {
		*why = "no movable instruction of 5 bytes just before the call";
		for (size_t k = 1; k <= MAX_DISPLACED && k <= j; k++) {
			const cs_insn *p = &in[j - k];

			if (!relocatable(p))
				break;
			if (p->size >= 5) {
				start = p->address;
				break;
			}
		}
	}
	if (n)
		cs->free(in, n);
	cs->close(&h);
	return start;
}

/* --- writing code ---------------------------------------------------------------- */

static void
sync_all_cores(void)
{
	ux_sys(SYS_mprotect, sync_page, 4096, PROT_READ | PROT_WRITE);
	sync_page[0]++;
	ux_sys(SYS_mprotect, sync_page, 4096, PROT_READ);
}

static int
set_prot(uint64_t a, uint64_t len, int prot)
{
	uint64_t lo = a & ~4095ull, hi = (a + len + 4095) & ~4095ull;

	return (int)ux_sys(SYS_mprotect, lo, hi - lo, prot);
}

static void
put32(uint8_t *at, int32_t v)
{
	memcpy(at, &v, 4);
}

/* Builds the stub for a site; returns its address, or 0 if there is no room. */
static uint64_t
build_stub(struct object *o, uint64_t start, uint64_t s)
{
	size_t dlen = s - start, tlen = (size_t)(ux_patch_tpl_end - ux_patch_tpl_begin);
	size_t len = (dlen + tlen + 15) & ~(size_t)15;
	uint64_t stub = o->stub_next, tpl = stub + dlen, back = s + 2;
	uint64_t entry = (uint64_t)ux_patch_entry;

	if (stub + len > o->stub_hi)
		return 0;
	if (set_prot(stub, len, PROT_READ | PROT_WRITE | PROT_EXEC) != 0)
		return 0;
	memcpy((void *)stub, (const void *)start, dlen);
	memcpy((void *)tpl, ux_patch_tpl_begin, tlen);
#define FIELD(sym) ((uint8_t *)tpl + ((sym) - ux_patch_tpl_begin))
	put32(FIELD(ux_patch_tpl_back1), (int32_t)(back - ((uint64_t)FIELD(ux_patch_tpl_back1) + 4)));
	put32(FIELD(ux_patch_tpl_back2), (int32_t)(back - ((uint64_t)FIELD(ux_patch_tpl_back2) + 4)));
	put32(FIELD(ux_patch_tpl_back3), (int32_t)(back - ((uint64_t)FIELD(ux_patch_tpl_back3) + 4)));
	memcpy(FIELD(ux_patch_tpl_entry), &entry, 8);
#undef FIELD
	set_prot(stub, len, PROT_READ | PROT_EXEC);
	o->stub_next = stub + len;
	return stub;
}

/* Rewrites the instruction at start into `jmp stub`, live. */
static int
rewrite(uint64_t start, uint64_t stub)
{
	volatile uint8_t *p = (volatile uint8_t *)start;
	int32_t rel = (int32_t)(stub - (start + 5));

	if (npatched == MAX_PATCHED)
		return -1;
	if (set_prot(start, 5, PROT_READ | PROT_WRITE | PROT_EXEC) != 0)
		return -1;
	__atomic_store_n(&patched_at[npatched], start, __ATOMIC_RELEASE);
	__atomic_store_n(&npatched, npatched + 1, __ATOMIC_RELEASE);
	__atomic_store_n(&p[0], 0xcc, __ATOMIC_RELEASE);
	sync_all_cores();
	for (int i = 0; i < 4; i++)
		p[1 + i] = (uint8_t)((uint32_t)rel >> (8 * i));
	sync_all_cores();
	__atomic_store_n(&p[0], 0xe9, __ATOMIC_RELEASE);
	/* Taking write access away from the code syncs the CPUs once more. */
	set_prot(start, 5, PROT_READ | PROT_EXEC);
	return 0;
}

int
ux_patch_retry(long long *rip)
{
	uint64_t at = (uint64_t)*rip - 1;
	unsigned n = __atomic_load_n(&npatched, __ATOMIC_ACQUIRE);

	for (unsigned i = 0; i < n; i++)
		if (__atomic_load_n(&patched_at[i], __ATOMIC_ACQUIRE) == at) {
			*rip = (long long)at;
			return 1;
		}
	return 0;
}

/* --- deciding ---------------------------------------------------------------------- */

static struct site *
site_of(uint64_t pc)
{
	unsigned h = (unsigned)((pc * 0x9e3779b97f4a7c15ull) >> 54) % NSITES;

	for (unsigned i = 0; i < 16; i++) {
		struct site *st = &sites[(h + i) % NSITES];

		if (st->pc == pc)
			return st;
		if (st->pc == 0) {
			st->pc = pc;
			return st;
		}
	}
	return NULL;
}

static const char *
patch_site(struct object *o, uint64_t s)
{
	const struct ux_capstone *cs;
	const char *why;
	uint64_t f, start, stub;

	if (*(const uint16_t *)s != 0x050f)
		return "not a syscall instruction";
	f = o->func_start(o->ctx, s);
	if (f == 0 || f > s || s - f > MAX_FUNC)
		return "the function holding it is unknown";
	if ((cs = ux_capstone()) == NULL)
		return "capstone cannot be loaded";
	start = choose_displaced(cs, f, s, &why);
	if (start == 0)
		return why;
	stub = build_stub(o, start, s);
	if (stub == 0)
		return "no room left for stubs";
	if (rewrite(start, stub) != 0)
		return "cannot write the code";
	return NULL;
}

void
ux_patch_note(const struct uxcall *c)
{
	struct object *o;
	struct site *st;

	if (ux_patch_threshold == 0 || c->pc < 2 || (o = object_of(c->pc - 2)) == NULL)
		return;
	/* Sites that only ever make such calls would gain nothing. */
	if (ux_dispatch_needs_frame(c->td->pers, c))
		return;
	if (__atomic_exchange_n(&patch_lock, 1, __ATOMIC_ACQUIRE))
		return;		/* another thread is at it: count next time */
	st = site_of(c->pc);
	if (st && st->state == SITE_COUNTING && ++st->count >= ux_patch_threshold) {
		const char *why = patch_site(o, c->pc - 2);

		st->state = why ? SITE_REFUSED : SITE_PATCHED;
		if (__builtin_expect(ux_trace_on, 0)) {
			const struct ux_personality *p = c->td->pers;
			const char *name = c->nr < p->nsysent && p->sysent[c->nr].name ?
			    p->sysent[c->nr].name : "?";

			if (why)
				ux_logf("--- call site %#lx (%s) left to the trap: %s ---",
				    (unsigned long)(c->pc - 2), name, why);
			else
				ux_logf("--- call site %#lx (%s) patched: its calls go to uxrun directly ---",
				    (unsigned long)(c->pc - 2), name);
		}
	}
	__atomic_store_n(&patch_lock, 0, __ATOMIC_RELEASE);
}
