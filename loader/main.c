/*
 * uxrun [options] PROGRAM [ARGS...]: run a foreign x86-64 program.
 * Exit status follows the shell: the program's own status, 127 when
 * PROGRAM is not found, 126 when it cannot be executed.
 */
#include "config.h"

#include <dlfcn.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loader/binfmt.h"
#include "loader/funcs.h"
#include "loader/image.h"
#include "loader/native.h"
#include "loader/rtld.h"
#include "loader/start.h"
#include "syscalls/fault.h"
#include "syscalls/hostfd.h"
#include "syscalls/log.h"
#include "syscalls/patch.h"
#include "syscalls/thread.h"
#include "syscalls/trap.h"
#include "syscalls/freebsd/fbsd_personality.h"
#include "syscalls/freebsd/fbsd_proc.h"
#include "syscalls/freebsd/fbsd_thread.h"
#include "syscalls/freebsd/fbsd_signal.h"

extern char **environ;

static void
usage(FILE *out)
{
	fprintf(out,
	    "usage: uxrun [options] PROGRAM [ARGS...]\n"
	    "Runs an x86-64 program built for FreeBSD on Linux.\n"
	    "\n"
	    "options:\n"
	    "  --info             describe PROGRAM (OS, type, entry, interpreter, segments); do not run it\n"
	    "  --ldd              list the shared objects PROGRAM needs, what each resolves to, and the\n"
	    "                     symbols nothing defines; do not run it (status 1 if any is missing)\n"
	    "  --trace            print each translated system call to standard error\n"
	    "  --trace-file=FILE  as --trace, into FILE\n"
	    "  --trap=BACKEND     how system calls are trapped: sud (Syscall User Dispatch), seccomp,\n"
	    "                     or auto (sud where the kernel has it); programs it runs inherit it\n"
	    "  --patch=off|N      rewrite a system call site in the program's code to call uxrun\n"
	    "                     directly once it has trapped N times (default %d); off: always trap\n"
	    "  --install-binfmt[=NAME]\n"
	    "                     register this uxrun with binfmt_misc (root), so that FreeBSD, NetBSD\n"
	    "                     and OpenBSD programs run directly, as ./PROGRAM (entries\n"
	    "                     NAME-freebsd, NAME-netbsd, NAME-openbsd; NAME is uxrun by default)\n"
	    "  --uninstall-binfmt[=NAME]\n"
	    "                     remove those entries (root)\n"
	    "  --binfmt-status    list the binfmt_misc entries that run a uxrun\n"
	    "  --binfmt-rules[=NAME]\n"
	    "                     print those entries in binfmt.d(5) form; registers nothing\n"
	    "  --help             this text\n"
	    "  --version          uxrun's version\n"
	    "\n"
	    "environment:\n"
	    "  UXRUN_TRACE=1      same as --trace\n"
	    "  UXRUN_LOG=FILE     write reports and trace lines to FILE; UXRUN_LOG=none silences reports\n"
	    "  UXRUN_TRAP=BACKEND same as --trap\n"
	    "  UXRUN_PATCH=off|N  same as --patch\n"
	    "\n"
	    "exit status: the program's own; 127 if PROGRAM is not found; 126 if it cannot be run.\n",
	    UX_PATCH_DEFAULT_THRESHOLD);
}

/*
 * Offers the program's code to the call-site patcher (syscalls/patch.h).
 * Its stubs are guest code for the trap: they must be in the ranges the
 * seccomp filter traps, which is installed once, before the guest runs.
 */
static void
add_patch_stubs(const struct ux_image *im, const char *path, struct ux_range *ranges, int *nr,
    int max)
{
	uint64_t lo = UINT64_MAX, hi = 0;
	struct ux_range stubs;
	struct ux_funcs *funcs;

	ux_patch_configure(getenv("UXRUN_PATCH"));
	if (ux_patch_threshold == 0 || *nr >= max)
		return;
	for (size_t i = 0; i < im->phnum; i++) {
		const GElf_Phdr *p = &im->ph[i];

		if (p->p_type == PT_LOAD && (p->p_flags & PF_X) && p->p_memsz) {
			if (p->p_vaddr + im->bias < lo)
				lo = p->p_vaddr + im->bias;
			if (p->p_vaddr + im->bias + p->p_memsz > hi)
				hi = p->p_vaddr + im->bias + p->p_memsz;
		}
	}
	if (lo >= hi || (funcs = ux_funcs_from_image(im, path)) == NULL)
		return;
	if (ux_patch_add_object(lo, hi, ux_funcs_start, funcs, &stubs) != 0)
		return;
	ux_fault_add_guest_range(stubs.lo, stubs.hi);
	ranges[(*nr)++] = stubs;
}

static int
fail(const struct ux_err *err)
{
	fprintf(stderr, "uxrun: %s\n", err->msg);
	return err->status;
}

static int
check_supported(const struct ux_image *im, struct ux_err *err)
{
	switch (im->os) {
	case UX_OS_FREEBSD:
		break;
	case UX_OS_LINUX:
		return ux_err_set(err, 126, "%s: a Linux program; run it directly, without uxrun", im->path);
	case UX_OS_NETBSD:
	case UX_OS_OPENBSD:
	case UX_OS_ILLUMOS:
		return ux_err_set(err, 126, "%s: built for %s; uxrun does not run %s programs yet",
		    im->path, ux_os_name(im->os), ux_os_name(im->os));
	case UX_OS_OTHER:
		return ux_err_set(err, 126, "%s: built for %s (EI_OSABI %u), which uxrun does not support",
		    im->path, im->osabi_name ? im->osabi_name : "an unknown OS", im->eh.e_ident[EI_OSABI]);
	default:
		return ux_err_set(err, 126, "%s: cannot tell which OS this program was built for "
		    "(no ABI note, generic EI_OSABI, no known interpreter)", im->path);
	}
	if (im->interp && !ux_rtld_handles(im->interp))
		return ux_err_set(err, 126, "%s: dynamically linked with interpreter %s, "
		    "which is not FreeBSD's runtime linker", im->path, im->interp);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "info", no_argument, NULL, 'i' },
		{ "ldd", no_argument, NULL, 'L' },
		{ "trace", no_argument, NULL, 't' },
		{ "trace-file", required_argument, NULL, 'T' },
		{ "trap", required_argument, NULL, 'B' },
		{ "patch", required_argument, NULL, 'P' },
		{ "install-binfmt", optional_argument, NULL, 'I' },
		{ "uninstall-binfmt", optional_argument, NULL, 'U' },
		{ "binfmt-status", no_argument, NULL, 'S' },
		{ "binfmt-rules", optional_argument, NULL, 'Y' },
		/* Internal, from a guest's execve of a FreeBSD program: the
		 * argv[0] it passed, and what earlier filters still trap. */
		{ "argv0", required_argument, NULL, '0' },
		{ "trap-ranges", required_argument, NULL, 'R' },
		/* Internal: a native program that an inherited seccomp filter
		 * would trap (loader/native.c). */
		{ "native", no_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 },
	};
	const char *trace_file = NULL, *argv0 = NULL;
	int info = 0, ldd = 0, native = 0, c;
	struct ux_image im;
	struct ux_err err = { 0, "" };
	struct ux_start st;

	/* A native program uxrun --native ran preloads libuxnative.so for
	 * itself (libshim/preload/nativesig.c); an uxrun it starts inherits
	 * it, and needs SIGSYS for itself. */
	void (*native_off)(void) = (void (*)(void))dlsym(RTLD_DEFAULT, "uxnative_off");
	if (native_off)
		native_off();

	/* Started by binfmt_misc: nothing on the command line is uxrun's. */
	const char *binfmt_path = ux_binfmt_invoked_path(argc, argv);

	/* '+': options end at PROGRAM; the rest belongs to the guest. */
	while (!binfmt_path && (c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (c) {
		case 'h': usage(stdout); return 0;
		case 'V': printf("uxrun %s\n", PACKAGE_VERSION); return 0;
		case 'I': return ux_binfmt_install(optarg ? optarg : UX_BINFMT_PREFIX);
		case 'U': return ux_binfmt_uninstall(optarg ? optarg : UX_BINFMT_PREFIX);
		case 'S': return ux_binfmt_status(stdout);
		case 'Y': return ux_binfmt_rules(stdout, optarg ? optarg : UX_BINFMT_PREFIX);
		case 'i': info = 1; break;
		case 'L': ldd = 1; break;
		case 't': ux_trace_on = 1; break;
		case 'T': ux_trace_on = 1; trace_file = optarg; break;
		case '0': argv0 = optarg; break;
		case 'N': native = 1; break;
		case 'B':
			if (strcmp(optarg, "sud") != 0 && strcmp(optarg, "seccomp") != 0 &&
			    strcmp(optarg, "auto") != 0) {
				fprintf(stderr, "uxrun: --trap takes sud, seccomp or auto, not '%s'\n", optarg);
				return 2;
			}
			/* Through the environment, so a guest's children keep it. */
			setenv("UXRUN_TRAP", optarg, 1);
			break;
		case 'P':
			if (strcmp(optarg, "off") != 0 && strspn(optarg, "0123456789") != strlen(optarg)) {
				fprintf(stderr, "uxrun: --patch takes off or a number, not '%s'\n", optarg);
				return 2;
			}
			setenv("UXRUN_PATCH", optarg, 1);
			break;
		case 'R':
			if (ux_trap_note_inherited(optarg) != 0) {
				fprintf(stderr, "uxrun: bad --trap-ranges list\n");
				return 2;
			}
			break;
		default: usage(stderr); return 2;
		}
	}
	/* [uxrun, PATH, ARGV0, ARGS...]: the guest's argv starts at ARGV0
	 * (at PATH if the caller passed an empty argv). */
	if (binfmt_path)
		optind = argc > 2 ? 2 : 1;
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	const char *env_trace = getenv("UXRUN_TRACE");
	if (env_trace && *env_trace && strcmp(env_trace, "0") != 0)
		ux_trace_on = 1;

	const char *path = binfmt_path ? binfmt_path : argv[optind];
	if (argv0)
		argv[optind] = (char *)argv0;
	if (native && ux_native_run(path, argv[optind], argc - optind, argv + optind, environ, &err))
		return fail(&err);
	/* --ldd also takes a shared object (a plugin, a Node addon) as the root;
	 * if it is none, the program's own complaint is the one to show. */
	if (ux_image_open(&im, path, &err) != 0) {
		struct ux_err lib_err;
		ux_image_close(&im);
		if (!ldd || ux_image_open_lib(&im, path, &lib_err) != 0)
			return fail(&err);
	}
	if (info) {
		ux_image_print_info(&im, stdout);
		return 0;
	}
	if (check_supported(&im, &err) != 0)
		return fail(&err);
	if (ldd)
		return ux_rtld_ldd(&im, path, stdout);
	int dynamic = im.interp != NULL;

	/* FreeBSD passes an absolute AT_EXECPATH. */
	char execpath[PATH_MAX];
	if (!realpath(path, execpath))
		snprintf(execpath, sizeof(execpath), "%s", path);

	if (ux_hostfd_init() != 0 || ux_log_init(trace_file) != 0) {
		ux_err_set(&err, 126, "cannot set up the log: %m");
		return fail(&err);
	}
	if (trace_file)
		fbsd_exec_trace_file = realpath(trace_file, NULL);
	if (ux_image_map(&im, &err) != 0)
		return fail(&err);
	if (im.interp && ux_rtld_load(&im, execpath, &err) != 0)
		return fail(&err);
	if (ux_fbsd_build_start(&im, execpath, argc - optind, argv + optind, environ, &st, &err) != 0)
		return fail(&err);

	struct ux_range ranges[64];
	int nr = 0;
	for (size_t i = 0; i < im.phnum && nr < 64; i++) {
		GElf_Phdr *p = &im.ph[i];
		if (p->p_type == PT_LOAD && (p->p_flags & PF_X) && p->p_memsz) {
			ranges[nr].lo = (p->p_vaddr + im.bias) & ~4095ull;
			ranges[nr].hi = (p->p_vaddr + im.bias + p->p_memsz + 4095) & ~4095ull;
			ux_fault_add_guest_range(ranges[nr].lo, ranges[nr].hi);
			nr++;
		}
	}
	if (dynamic)
		nr = ux_rtld_add_code_ranges(ranges, nr, 64);
	add_patch_stubs(&im, execpath, ranges, &nr, 64);
	ux_image_close(&im);
	/* Nothing uxrun wrote to its own stdio may be lost when the guest
	 * takes over the descriptors. */
	fflush(NULL);

	if (ux_trap_init() != 0) {
		ux_err_set(&err, 126, "cannot set up the system call trap (UXRUN_TRAP=%s): %m",
		    getenv("UXRUN_TRAP") ? getenv("UXRUN_TRAP") : "auto");
		return fail(&err);
	}
	struct ux_thread *td = ux_thread_create_current(&fbsd_personality);
	if (!td) {
		ux_err_set(&err, 126, "cannot set up the trap stack: %m");
		return fail(&err);
	}
	fbsd_thread_init(td, NULL);
	if (dynamic)
		ux_rtld_thread_attach(td);
	fbsd_signals_init();
	int r = ux_trap_add_ranges(ranges, nr);
	if (r != 0) {
		ux_err_set(&err, 126, "cannot install the seccomp filter: %s", strerror(-r));
		return fail(&err);
	}
	td->in_host = 0;
	if (dynamic)
		ux_rtld_start(&st, td);
	ux_enter_guest(st.entry, st.rsp, st.rdi, ux_trap_entry_selector(td), 0);
}
