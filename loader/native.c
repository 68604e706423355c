/*
 * uxrun --native: start a native Linux program inside a process whose
 * inherited seccomp filter traps calls made where the program's code lies
 * (see syscalls/trap_native.c for why and how the calls get through).
 *
 * The kernel cannot be asked to exec it (the filter would kill it), so this
 * is a small exec(2) of its own: map the program (and its interpreter, for
 * a dynamic one), build the initial stack and auxiliary vector the Linux
 * kernel would, catch SIGSYS, and jump to the entry point.  uxrun's own
 * image stays mapped (it holds the SIGSYS handler), out of the program's
 * way: uxrun is position independent and the program is not.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <elf.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "loader/image.h"
#include "loader/native.h"
#include "loader/start.h"
#include "syscalls/hostcall.h"
#include "syscalls/hostfd.h"
#include "syscalls/trap.h"


#define STACK_SIZE	(8u << 20)
#define PAGE		4096

/* The ranges the inherited filters trap, for the exec check. */
static struct ux_range ranges[128];
static int nranges;

/* Copied at start: the handler may not use glibc's allocator. */
static char self_exe[] = "/proc/self/exe";
static char ranges_opt[8192];

/*
 * Does the ELF file at path have a fixed-address segment over a trapped
 * range?  Raw calls and stack buffers only: this runs in the SIGSYS
 * handler with the program's thread pointer.
 */
static int
overlaps_trap(const char *path)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph[64];
	long fd = ux_sys(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	int hit = 0;

	if (fd < 0)
		return 0;
	if (ux_sys(SYS_pread64, fd, &eh, sizeof(eh), 0) == (long)sizeof(eh) &&
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) == 0 && eh.e_ident[EI_CLASS] == ELFCLASS64 &&
	    eh.e_type == ET_EXEC && eh.e_phentsize == sizeof(Elf64_Phdr) && eh.e_phnum <= 64 &&
	    ux_sys(SYS_pread64, fd, ph, eh.e_phnum * sizeof(Elf64_Phdr), eh.e_phoff) ==
	    (long)(eh.e_phnum * sizeof(Elf64_Phdr))) {
		for (int i = 0; i < eh.e_phnum && !hit; i++) {
			uint64_t lo = ph[i].p_vaddr & ~(uint64_t)(PAGE - 1);
			uint64_t hi = (ph[i].p_vaddr + ph[i].p_memsz + PAGE - 1) & ~(uint64_t)(PAGE - 1);
			if (ph[i].p_type != PT_LOAD)
				continue;
			for (int j = 0; j < nranges; j++)
				hit |= lo < ranges[j].hi && ranges[j].lo < hi;
		}
	}
	ux_sys(SYS_close, fd);
	return hit;
}

/* execve from the program's trapped code: another program in the way of
 * the filter goes through uxrun --native too. */
static long
native_exec(const char *path, char *const argv[], char *const envp[])
{
	long argc = 0;
	char **v;
	long r;

	if (!overlaps_trap(path))
		return ux_sys(SYS_execve, path, argv, envp);
	while (argv && argv[argc])
		argc++;
	v = (char **)ux_sys(SYS_mmap, 0, (argc + 8) * sizeof(char *), PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (ux_is_err((long)v))
		return (long)v;
	int k = 0;
	v[k++] = "uxrun";
	v[k++] = "--native";
	v[k++] = ranges_opt;
	v[k++] = "--argv0";
	v[k++] = argc > 0 ? argv[0] : (char *)path;
	v[k++] = "--";
	v[k++] = (char *)path;
	for (long i = 1; i < argc; i++)
		v[k++] = argv[i];
	v[k] = NULL;
	r = ux_sys(SYS_execve, self_exe, v, envp);
	ux_sys(SYS_munmap, v, (argc + 8) * sizeof(char *));
	return r;
}

/* Pushes bytes onto the stack being built; their address. */
static uint64_t
push_bytes(uint64_t *sp, const void *p, size_t n)
{
	*sp -= n;
	memcpy((void *)*sp, p, n);
	return *sp;
}

/*
 * A dynamically linked program gets libuxnative.so preloaded
 * (libshim/preload/nativesig.c): what it does to SIGSYS through libc, whose
 * calls no filter traps, must not take the signal from this handler.  The
 * library beside this uxrun (the build tree) or the installed one; envp
 * with it first in LD_PRELOAD, or envp itself if there is none.
 */
static char **
env_with_native_lib(char **envp)
{
	static char lib[4096], self[4096 - 32], entry[8192];
	ssize_t k = readlink(self_exe, self, sizeof(self) - 1);
	char *slash, **out;
	int n = 0, at = -1;

	lib[0] = '\0';
	if (k > 0) {
		self[k] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			snprintf(lib, sizeof(lib), "%s/libuxnative.so", self);
		}
	}
	if (!lib[0] || access(lib, R_OK) != 0)
		snprintf(lib, sizeof(lib), "%s/libuxnative.so", UX_PKGLIBDIR);
	if (access(lib, R_OK) != 0)
		return envp;
	while (envp[n]) {
		if (strncmp(envp[n], "LD_PRELOAD=", 11) == 0)
			at = n;
		n++;
	}
	if (at >= 0 && strstr(envp[at], lib))
		return envp;
	if (at >= 0)
		snprintf(entry, sizeof(entry), "LD_PRELOAD=%s:%s", lib, envp[at] + 11);
	else
		snprintf(entry, sizeof(entry), "LD_PRELOAD=%s", lib);
	if ((out = calloc((size_t)n + 2, sizeof(char *))) == NULL)
		return envp;
	memcpy(out, envp, (size_t)n * sizeof(char *));
	if (at >= 0)
		out[at] = entry;
	else
		out[n] = entry;
	return out;
}

int
ux_native_run(const char *path, const char *argv0, int argc, char **args, char **envp,
    struct ux_err *err)
{
	struct ux_image im, ii;
	int have_interp = 0;
	uint64_t entry, interp_base = 0;

	if (ux_image_open(&im, path, err) != 0)
		return err->status;
	if (ux_image_map(&im, err) != 0)
		return err->status;
	entry = im.eh.e_entry + im.bias;
	if (im.interp) {
		if (ux_image_open(&ii, im.interp, err) != 0 || ux_image_map(&ii, err) != 0)
			return err->status;
		have_interp = 1;
		interp_base = ii.lo + ii.bias;
		entry = ii.eh.e_entry + ii.bias;
		envp = env_with_native_lib(envp);
	}
	nranges = ux_trap_ranges(ranges, 128);
	if (nranges > 128)
		nranges = 128;
	{
		char *o = ranges_opt, *end = ranges_opt + sizeof(ranges_opt);
		o += snprintf(o, (size_t)(end - o), "--trap-ranges=");
		for (int i = 0; i < nranges && o < end - 40; i++)
			o += snprintf(o, (size_t)(end - o), "%s%lx-%lx", i ? "," : "",
			    (unsigned long)ranges[i].lo, (unsigned long)ranges[i].hi);
	}

	/* The stack, as the kernel's create_elf_tables() lays it out. */
	char *stk = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0);
	if (stk == MAP_FAILED)
		return ux_err_set(err, 126, "%s: cannot allocate a stack: %s", path, strerror(errno));
	uint64_t sp = (uint64_t)stk + STACK_SIZE;
	int envc = 0;
	while (envp[envc])
		envc++;
	uint64_t execfn = push_bytes(&sp, path, strlen(path) + 1);
	uint64_t *envs = calloc((size_t)envc + 1, sizeof(uint64_t));
	uint64_t *argvs = calloc((size_t)argc + 2, sizeof(uint64_t));
	if (!envs || !argvs)
		return ux_err_set(err, 126, "%s: out of memory", path);
	for (int i = envc - 1; i >= 0; i--)
		envs[i] = push_bytes(&sp, envp[i], strlen(envp[i]) + 1);
	for (int i = argc - 1; i >= 1; i--)
		argvs[i] = push_bytes(&sp, args[i], strlen(args[i]) + 1);
	argvs[0] = push_bytes(&sp, argv0, strlen(argv0) + 1);
	uint64_t platform = push_bytes(&sp, "x86_64", 7);
	uint8_t rnd[16];
	if (ux_sys(SYS_getrandom, rnd, sizeof(rnd), 0) != (long)sizeof(rnd))
		memset(rnd, 0x5a, sizeof(rnd));
	uint64_t random = push_bytes(&sp, rnd, sizeof(rnd));
	sp &= ~(uint64_t)15;

	uint64_t phdr = 0;
	for (size_t i = 0; i < im.phnum; i++)
		if (im.ph[i].p_type == PT_PHDR)
			phdr = im.ph[i].p_vaddr + im.bias;
	if (phdr == 0)
		for (size_t i = 0; i < im.phnum; i++)
			if (im.ph[i].p_type == PT_LOAD && im.ph[i].p_offset == 0)
				phdr = im.ph[i].p_vaddr + im.bias + im.eh.e_phoff;
	uint64_t auxv[][2] = {
		{ AT_SYSINFO_EHDR, getauxval(AT_SYSINFO_EHDR) },
		{ AT_MINSIGSTKSZ, getauxval(AT_MINSIGSTKSZ) },
		{ AT_HWCAP, getauxval(AT_HWCAP) },
		{ AT_PAGESZ, PAGE },
		{ AT_CLKTCK, getauxval(AT_CLKTCK) },
		{ AT_PHDR, phdr },
		{ AT_PHENT, sizeof(Elf64_Phdr) },
		{ AT_PHNUM, im.phnum },
		{ AT_BASE, interp_base },
		{ AT_FLAGS, 0 },
		{ AT_ENTRY, im.eh.e_entry + im.bias },
		{ AT_UID, getuid() }, { AT_EUID, geteuid() },
		{ AT_GID, getgid() }, { AT_EGID, getegid() },
		{ AT_SECURE, 0 },
		{ AT_RANDOM, random },
		{ AT_HWCAP2, getauxval(AT_HWCAP2) },
		{ AT_EXECFN, execfn },
		{ AT_PLATFORM, platform },
		{ AT_NULL, 0 },
	};
	size_t words = 1 + (size_t)argc + 1 + (size_t)envc + 1 + 2 * (sizeof(auxv) / sizeof(auxv[0]));
	sp -= words * 8;
	sp &= ~(uint64_t)15;
	uint64_t *w = (uint64_t *)sp;
	*w++ = (uint64_t)argc;
	for (int i = 0; i < argc; i++)
		*w++ = argvs[i];
	*w++ = 0;
	for (int i = 0; i < envc; i++)
		*w++ = envs[i];
	*w++ = 0;
	memcpy(w, auxv, sizeof(auxv));
	free(envs);
	free(argvs);
	ux_image_close(&im);
	if (have_interp)
		ux_image_close(&ii);

	/* Only the program's own from here: uxrun's descriptors go, its
	 * handlers go, SIGSYS is caught and never blocked. */
	if (ux_hostfd_lo > 0)
		ux_sys(SYS_close_range, ux_hostfd_lo, ~0U, 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	static const int dfl[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
	for (size_t i = 0; i < sizeof(dfl) / sizeof(dfl[0]); i++)
		sigaction(dfl[i], &sa, NULL);
	sa.sa_sigaction = ux_native_sigsys;
	/* NODEFER: a thread the program clones from inside the handler
	 * starts with the handler's mask, which must not hold SIGSYS. */
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSYS, &sa, NULL) != 0)
		return ux_err_set(err, 126, "%s: cannot catch SIGSYS: %s", path, strerror(errno));
	sigset_t ss;
	sigemptyset(&ss);
	sigaddset(&ss, SIGSYS);
	sigprocmask(SIG_UNBLOCK, &ss, NULL);
	stack_t nss = { .ss_flags = SS_DISABLE };
	sigaltstack(&nss, NULL);
	ux_native_exec_hook = native_exec;
	fflush(NULL);
	ux_enter_guest(entry, sp, sp, NULL, 0);
}
