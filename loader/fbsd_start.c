/*
 * The FreeBSD/amd64 process start: the stack exec_copyout_strings() and
 * __elfN(freebsd_copyout_auxargs)() build, and the registers
 * exec_setregs() sets.  Built top-down like the kernel does it:
 * ps_strings, execpath, canary, page sizes, strings, then argc, argv,
 * envp and auxv.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>

#include "loader/image.h"
#include "loader/start.h"
#include "loader/fbsd_auxv.h"
#include "syscalls/freebsd/fbsd_abi.h"
#include "syscalls/freebsd/fbsd_personality.h"
#include "syscalls/freebsd/timekeep.h"

#define PAGE 4096ull
#define DEFAULT_STACK (8ull << 20)
#define MAX_STACK (512ull << 20)

struct fbsd_ps_strings {
	uint64_t ps_argvstr;
	uint32_t ps_nargvstr;
	uint32_t pad0;
	uint64_t ps_envstr;
	uint32_t ps_nenvstr;
	uint32_t pad1;
};
_Static_assert(sizeof(struct fbsd_ps_strings) == 32, "FreeBSD struct ps_strings (LP64)");

static uint64_t
stack_size(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return DEFAULT_STACK;
	if (rl.rlim_cur > MAX_STACK)
		return MAX_STACK;
	if (rl.rlim_cur < 256 * 1024)
		return 256 * 1024;
	return (rl.rlim_cur + PAGE - 1) & ~(PAGE - 1);
}

static char *
push_bytes(char **sp, const void *src, size_t n, size_t align)
{
	*sp -= n;
	*sp = (char *)((uintptr_t)*sp & ~(uintptr_t)(align - 1));
	memcpy(*sp, src, n);
	return *sp;
}

int
ux_fbsd_build_start(struct ux_image *im, const char *execpath, int argc, char **argv,
    char **envp, struct ux_start *st, struct ux_err *err)
{
	uint64_t size = stack_size();
	int prot = PROT_READ | PROT_WRITE | (im->exec_stack ? PROT_EXEC : 0);
	int envc = 0;

	while (envp[envc])
		envc++;

	/* A guard page below the stack, as the kernel leaves. */
	char *base = mmap(NULL, size + PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (base == MAP_FAILED)
		return ux_err_set(err, 126, "cannot allocate the guest stack: %s", strerror(errno));
	mprotect(base, PAGE, PROT_NONE);
	char *top = base + PAGE + size;

	/* Strings and vectors must fit in a sane fraction of the stack. */
	size_t strbytes = strlen(execpath) + 1;
	for (int i = 0; i < argc; i++)
		strbytes += strlen(argv[i]) + 1;
	for (int i = 0; i < envc; i++)
		strbytes += strlen(envp[i]) + 1;
	size_t vecbytes = (size_t)(argc + envc + 3) * 8 + FBSD_AT_COUNT * 16;
	if (strbytes + vecbytes + 4096 > size / 2)
		return ux_err_set(err, 126, "argument list too long");

	char *sp = top;
	struct fbsd_ps_strings *ps = (struct fbsd_ps_strings *)(sp -= sizeof(struct fbsd_ps_strings));
	char *g_execpath = push_bytes(&sp, execpath, strlen(execpath) + 1, 8);

	uint8_t canary[FBSD_CANARYLEN];
	if (getrandom(canary, sizeof(canary), 0) != (ssize_t)sizeof(canary))
		memset(canary, 0x5a, sizeof(canary));
	char *g_canary = push_bytes(&sp, canary, sizeof(canary), 1);

	/* 4 KiB pages, 2 MiB superpages, 1 GiB pages: what amd64 reports. */
	uint64_t pagesizes[FBSD_MAXPAGESIZES] = { 4096, 2ull << 20, 1ull << 30 };
	char *g_pagesizes = push_bytes(&sp, pagesizes, sizeof(pagesizes), 8);

	/* argv strings then env strings, one block. */
	size_t blk = 0;
	for (int i = 0; i < argc; i++)
		blk += strlen(argv[i]) + 1;
	for (int i = 0; i < envc; i++)
		blk += strlen(envp[i]) + 1;
	sp -= blk;
	sp = (char *)((uintptr_t)sp & ~(uintptr_t)7);
	char *strp = sp;
	char **g_argv_str = calloc((size_t)argc + 1, sizeof(char *));
	char **g_env_str = calloc((size_t)envc + 1, sizeof(char *));
	if (!g_argv_str || !g_env_str)
		return ux_err_set(err, 126, "out of memory");
	for (int i = 0; i < argc; i++) {
		size_t n = strlen(argv[i]) + 1;
		memcpy(strp, argv[i], n);
		g_argv_str[i] = strp;
		strp += n;
	}
	for (int i = 0; i < envc; i++) {
		size_t n = strlen(envp[i]) + 1;
		memcpy(strp, envp[i], n);
		g_env_str[i] = strp;
		strp += n;
	}

	/* auxv area, then argv/envp vectors below it, then argc. */
	uint64_t aux[FBSD_AT_COUNT * 2];
	int na = 0;
#define AUX(t, v) do { aux[na++] = (t); aux[na++] = (uint64_t)(v); } while (0)
	uint64_t phdr = 0;
	for (size_t i = 0; i < im->phnum; i++)
		if (im->ph[i].p_type == PT_PHDR)
			phdr = im->ph[i].p_vaddr + im->bias;
	if (!phdr) {
		/* No PT_PHDR: the headers are in the first segment's file image. */
		for (size_t i = 0; i < im->phnum; i++)
			if (im->ph[i].p_type == PT_LOAD && im->ph[i].p_offset <= im->eh.e_phoff &&
			    im->eh.e_phoff < im->ph[i].p_offset + im->ph[i].p_filesz) {
				phdr = im->ph[i].p_vaddr + (im->eh.e_phoff - im->ph[i].p_offset) + im->bias;
				break;
			}
	}
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	struct rlimit rl;
	uint64_t stacklim = getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY ?
	    rl.rlim_cur : (uint64_t)FBSD_RLIM_INFINITY;
	int stackprot = FBSD_VM_PROT_READ | FBSD_VM_PROT_WRITE | (im->exec_stack ? FBSD_VM_PROT_EXECUTE : 0);

	/* Order as __elfN(freebsd_copyout_auxargs) writes them.  amd64's
	 * sysvec has no sv_hwcap/sv_hwcap2, so FreeBSD passes no AT_HWCAP
	 * or AT_HWCAP2 there.  Of the kernel's shared page uxrun provides
	 * only the timekeep area; no AT_FXRNG or AT_KPRELOAD. */
	uint64_t timekeep = fbsd_timekeep_setup();
	AUX(FBSD_AT_PHDR, phdr);
	AUX(FBSD_AT_PHENT, im->eh.e_phentsize);
	AUX(FBSD_AT_PHNUM, im->phnum);
	AUX(FBSD_AT_PAGESZ, PAGE);
	AUX(FBSD_AT_FLAGS, 0);
	AUX(FBSD_AT_ENTRY, im->eh.e_entry + im->bias);
	AUX(FBSD_AT_BASE, im->interp ? 0 : im->bias);
	AUX(FBSD_AT_EHDRFLAGS, im->eh.e_flags);
	AUX(FBSD_AT_EXECPATH, g_execpath);
	AUX(FBSD_AT_OSRELDATE, FBSD_OSRELDATE);
	AUX(FBSD_AT_CANARY, g_canary);
	AUX(FBSD_AT_CANARYLEN, FBSD_CANARYLEN);
	AUX(FBSD_AT_NCPUS, ncpu > 0 ? ncpu : 1);
	AUX(FBSD_AT_PAGESIZES, g_pagesizes);
	AUX(FBSD_AT_PAGESIZESLEN, sizeof(pagesizes));
	if (timekeep)
		AUX(FBSD_AT_TIMEKEEP, timekeep);
	AUX(FBSD_AT_STACKPROT, stackprot);
	AUX(FBSD_AT_BSDFLAGS, 0);
	int argc_slot = na;
	AUX(FBSD_AT_ARGC, argc);
	int argv_slot = na;
	AUX(FBSD_AT_ARGV, 0);
	AUX(FBSD_AT_ENVC, envc);
	int envv_slot = na;
	AUX(FBSD_AT_ENVV, 0);
	AUX(FBSD_AT_PS_STRINGS, ps);
	AUX(FBSD_AT_USRSTACKBASE, top);
	AUX(FBSD_AT_USRSTACKLIM, stacklim);
	AUX(FBSD_AT_NULL, 0);
#undef AUX
	(void)argc_slot;

	/* The kernel reserves AT_COUNT entries and zero-fills after AT_NULL. */
	sp -= FBSD_AT_COUNT * 16;
	sp = (char *)((uintptr_t)sp & ~(uintptr_t)7);
	uint64_t *auxp = (uint64_t *)sp;
	uint64_t *vec = auxp - (argc + 1 + envc + 1);
	uint64_t *argvp = vec, *envpp = vec + argc + 1;
	for (int i = 0; i < argc; i++)
		argvp[i] = (uint64_t)g_argv_str[i];
	argvp[argc] = 0;
	for (int i = 0; i < envc; i++)
		envpp[i] = (uint64_t)g_env_str[i];
	envpp[envc] = 0;
	aux[argv_slot + 1] = (uint64_t)argvp;
	aux[envv_slot + 1] = (uint64_t)envpp;
	memset(auxp, 0, FBSD_AT_COUNT * 16);
	memcpy(auxp, aux, (size_t)na * 8);
	uint64_t *argcp = vec - 1;	/* __elfN(freebsd_fixup) */
	*argcp = (uint64_t)argc;

	ps->ps_argvstr = (uint64_t)argvp;
	ps->ps_nargvstr = (uint32_t)argc;
	ps->ps_envstr = (uint64_t)envpp;
	ps->ps_nenvstr = (uint32_t)envc;

	/* exec_setregs: rdi = &argc, rsp = ((stack - 8) & ~0xF) + 8. */
	st->entry = im->eh.e_entry + im->bias;
	st->rdi = (uint64_t)argcp;
	st->rsp = (((uint64_t)argcp - 8) & ~0xFull) + 8;

	fbsd_proc.stack_top = (uint64_t)top;
	fbsd_proc.stack_size = size;
	fbsd_proc.ps_strings = (uint64_t)ps;
	fbsd_proc.execpath = g_execpath;
	fbsd_proc.argc = argc;
	fbsd_proc.argv = (char **)argvp;
	fbsd_proc.brk_start = fbsd_proc.brk_cur = im->hi + im->bias;
	fbsd_proc.brk_max = fbsd_proc.brk_start + (getrlimit(RLIMIT_DATA, &rl) == 0 &&
	    rl.rlim_cur != RLIM_INFINITY ? rl.rlim_cur : (32ull << 30));
	free(g_argv_str);
	free(g_env_str);
	return 0;
}
