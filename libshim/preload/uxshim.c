/*
 * libuxshim.so: preloaded into a native Linux process, it starts the
 * foreign programs that process executes (FreeBSD, NetBSD and OpenBSD
 * ELF files, and "#!" scripts whose interpreter is one) under uxrun, so
 * a native shell, make or script runs them as if they were native, and
 * it keeps itself in the environment of every native child.
 *
 * This file: finding itself and uxrun, the rewritten vectors, and the
 * exec family.  spawn.c has posix_spawn, shell.c system and popen (glibc
 * calls its own internal posix_spawn for those, out of the shim's reach);
 * dl.c the dlopen family, which loads foreign shared objects with uxrun's
 * runtime linker.
 *
 * uxrun is, in this order: $UXRUN_PRELOAD_UXRUN (a wrapper's choice,
 * kept in the environment of children as the shim itself is); an uxrun
 * in the directory the shim was loaded from (a build tree, where
 * libuxshim.so sits beside uxrun); the installed $(bindir)/uxrun; the
 * first uxrun on PATH.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "libshim/preload/uxshim.h"

#ifndef UXSHIM_UXRUN
#define UXSHIM_UXRUN "/usr/local/bin/uxrun"
#endif

/* What glibc's execvp searches when PATH is unset (its CS_PATH). */
#define DEFAULT_PATH "/bin:/usr/bin"
#define BSHELL "/bin/sh"

static const char ldp_name[] = "LD_PRELOAD=";
static const char uxvar_name[] = "UXRUN_PRELOAD_UXRUN=";
#define LDP_LEN (sizeof(ldp_name) - 1)
#define UXVAR_LEN (sizeof(uxvar_name) - 1)

struct uxs_real uxs_real;
volatile int uxs_ready;

static char shim_path[PATH_MAX];	/* absolute, as loaded (symlinks kept) */
static const char *shim_base = "libuxshim.so";	/* its last component */
static char uxrun_path[PATH_MAX];	/* absolute; empty when there is none */
static char uxrun_env[UXVAR_LEN + PATH_MAX];	/* to pass on, or empty */

const char *
uxs_shim_path(void)
{
	UXS_INIT();
	return shim_path;
}

/* --- messages ------------------------------------------------------------------- */

void
uxs_say(const char *first, ...)
{
	char buf[1024];
	size_t n = 0;
	va_list ap;

	va_start(ap, first);
	for (const char *s = "uxshim: ", *next = first; s != NULL;
	    s = next, next = next ? va_arg(ap, const char *) : NULL) {
		size_t k = strlen(s);
		if (k > sizeof(buf) - 1 - n)
			k = sizeof(buf) - 1 - n;
		memcpy(buf + n, s, k);
		n += k;
	}
	va_end(ap);
	buf[n++] = '\n';
	while (write(STDERR_FILENO, buf, n) < 0 && errno == EINTR)
		;
}

int
uxs_uxrun_failed(const char *path, int err)
{
	const char *name = strerrorname_np(err);

	uxs_say("cannot start ", uxrun_path, " for ", path, ": ", name ? name : "error", NULL);
	/* The file the caller named is there: "not found" would mislead. */
	return err == ENOENT || err == EACCES || err == ENOTDIR ? ENOEXEC : err;
}

/* --- setup ---------------------------------------------------------------------- */

/*
 * The process's environ itself, as glibc's own functions read it: some
 * programs (bash) bring their own getenv and setenv, which work on their
 * variables and do nothing useful before main.
 */
const char *
uxs_getenv(const char *name)
{
	size_t n = strlen(name);

	for (char **e = environ; e != NULL && *e != NULL; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

static int ldp_ok(const char *v);
static void ldp_fix(const char *v, char *out);

static int
is_exec_file(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode) && access(p, X_OK) == 0;
}

/* p made absolute (not resolving symlinks) into out; 0 or -1. */
static int
absolute(const char *p, char *out, size_t size)
{
	size_t n;

	if (p[0] == '/') {
		if (strlen(p) >= size)
			return -1;
		strcpy(out, p);
		return 0;
	}
	if (getcwd(out, size) == NULL)
		return -1;
	n = strlen(out);
	if (n + 1 + strlen(p) >= size)
		return -1;
	out[n] = '/';
	strcpy(out + n + 1, p);
	return 0;
}

static void
find_uxrun(void)
{
	const char *env = uxs_getenv("UXRUN_PRELOAD_UXRUN"), *path, *p, *q;
	char buf[PATH_MAX];

	if (env != NULL && env[0] != '\0') {
		/* Taken as it is, even if missing: the wrapper meant it. */
		if (absolute(env, uxrun_path, sizeof(uxrun_path)) == 0) {
			memcpy(uxrun_env, uxvar_name, UXVAR_LEN);
			strcpy(uxrun_env + UXVAR_LEN, uxrun_path);
		}
		return;
	}
	const char *slash = strrchr(shim_path, '/');
	if (slash != NULL && (size_t)(slash - shim_path) + sizeof("/uxrun") <= sizeof(buf)) {
		memcpy(buf, shim_path, (size_t)(slash - shim_path));
		strcpy(buf + (slash - shim_path), "/uxrun");
		if (is_exec_file(buf)) {
			strcpy(uxrun_path, buf);
			return;
		}
	}
	if (is_exec_file(UXSHIM_UXRUN) && strlen(UXSHIM_UXRUN) < sizeof(uxrun_path)) {
		strcpy(uxrun_path, UXSHIM_UXRUN);
		return;
	}
	path = uxs_getenv("PATH");
	for (p = path ? path : DEFAULT_PATH; ; p = q + 1) {
		q = strchrnul(p, ':');
		size_t n = (size_t)(q - p);
		if (n > 0 && n + sizeof("/uxrun") <= sizeof(buf)) {
			memcpy(buf, p, n);
			strcpy(buf + n, "/uxrun");
			if (is_exec_file(buf) && absolute(buf, uxrun_path, sizeof(uxrun_path)) == 0)
				return;
		}
		if (*q == '\0')
			break;
	}
	uxrun_path[0] = '\0';
}

#define REAL(field, name) (uxs_real.field = (__typeof__(uxs_real.field))dlsym(RTLD_NEXT, name))

__attribute__((constructor)) void
uxs_init(void)
{
	Dl_info info;

	if (uxs_ready)
		return;
	REAL(execve, "execve");
	REAL(execveat, "execveat");
	REAL(fexecve, "fexecve");
	REAL(posix_spawn, "posix_spawn");
	REAL(posix_spawnp, "posix_spawnp");
	REAL(fa_init, "posix_spawn_file_actions_init");
	REAL(fa_destroy, "posix_spawn_file_actions_destroy");
	REAL(fa_addchdir, "posix_spawn_file_actions_addchdir_np");
	REAL(fa_addfchdir, "posix_spawn_file_actions_addfchdir_np");
	REAL(system, "system");
	REAL(popen, "popen");
	REAL(pclose, "pclose");
	/* The name the dynamic linker loaded the shim by: LD_PRELOAD's own
	 * word, or the file a bare name was found as. */
	if (dladdr((void *)uxs_init, &info) != 0 && info.dli_fname != NULL &&
	    absolute(info.dli_fname, shim_path, sizeof(shim_path)) == 0) {
		const char *b = strrchr(shim_path, '/');
		shim_base = b ? b + 1 : shim_path;
	} else {
		shim_path[0] = '\0';
	}
	find_uxrun();
	/* A relative LD_PRELOAD made absolute here as well, for the children
	 * glibc starts where the shim cannot see (wordexp; system and popen
	 * use the real ones while the environment is right).  In place: the
	 * program has not read its environment yet. */
	for (char **e = environ; shim_path[0] != '\0' && e != NULL && *e != NULL; e++) {
		if (strncmp(*e, ldp_name, LDP_LEN) != 0)
			continue;
		if (!ldp_ok(*e + LDP_LEN)) {
			char *fixed = malloc(LDP_LEN + strlen(*e + LDP_LEN) + strlen(shim_path) + 2);
			if (fixed != NULL) {
				ldp_fix(*e + LDP_LEN, fixed);
				*e = fixed;	/* never freed: environ holds it */
			}
		}
		break;
	}
	uxs_ready = 1;
}

/* --- the environment ------------------------------------------------------------- */

static int
is_sep(char c)
{
	return c == ' ' || c == ':';	/* what ld.so splits LD_PRELOAD at */
}

/* Is the word w (length n) a libuxshim.so, ours or another copy? */
static int
word_is_shim(const char *w, size_t n)
{
	size_t b = strlen(shim_base);

	if (n < b || memcmp(w + n - b, shim_base, b) != 0)
		return 0;
	return n == b || w[n - b - 1] == '/';
}

/* Does LD_PRELOAD's value v name this shim, and no other copy of it? */
static int
ldp_ok(const char *v)
{
	int ours = 0, others = 0;

	for (const char *w = v; *w != '\0';) {
		size_t n = 0;
		while (w[n] != '\0' && !is_sep(w[n]))
			n++;
		if (n > 0 && word_is_shim(w, n)) {
			if (n == strlen(shim_path) && memcmp(w, shim_path, n) == 0)
				ours++;
			else
				others++;
		}
		w += n;
		while (is_sep(*w))
			w++;
	}
	return ours == 1 && others == 0;
}

/*
 * Writes "LD_PRELOAD=" and v's words into out, every copy of the shim
 * replaced by this one's absolute path, in the place of the first (a
 * relative one would not be found from another directory), or appended.
 * out has room for LDP_LEN + strlen(v) + strlen(shim_path) + 2.
 */
static void
ldp_fix(const char *v, char *out)
{
	char *o = out + LDP_LEN;
	int placed = 0;

	memcpy(out, ldp_name, LDP_LEN);
	for (const char *w = v ? v : ""; *w != '\0';) {
		size_t n = 0;
		while (w[n] != '\0' && !is_sep(w[n]))
			n++;
		if (n > 0 && word_is_shim(w, n)) {
			if (!placed) {
				if (o > out + LDP_LEN)
					*o++ = ':';
				o = stpcpy(o, shim_path);
				placed = 1;
			}
		} else if (n > 0) {
			if (o > out + LDP_LEN)
				*o++ = ':';
			memcpy(o, w, n);
			o += n;
		}
		w += n;
		while (is_sep(*w))
			w++;
	}
	if (!placed) {
		if (o > out + LDP_LEN)
			*o++ = ':';
		o = stpcpy(o, shim_path);
	}
	*o = '\0';
}

/* What envp lacks: its size, and where LD_PRELOAD is (-1: nowhere). */
struct env_scan {
	size_t n;
	long ldp;
	int ldp_ok, uxvar;
};

static void
env_scan(char *const envp[], struct env_scan *s)
{
	s->n = 0;
	s->ldp = -1;
	s->ldp_ok = shim_path[0] == '\0';	/* nothing to pass on */
	s->uxvar = uxrun_env[0] == '\0';
	for (size_t i = 0; envp != NULL && envp[i] != NULL; i++, s->n++) {
		if (s->ldp < 0 && strncmp(envp[i], ldp_name, LDP_LEN) == 0) {
			s->ldp = (long)i;
			if (!s->ldp_ok)
				s->ldp_ok = ldp_ok(envp[i] + LDP_LEN);
		} else if (!s->uxvar && strncmp(envp[i], uxvar_name, UXVAR_LEN) == 0) {
			s->uxvar = 1;
		}
	}
}

int
uxs_env_has_shim(char *const envp[])
{
	struct env_scan s;

	UXS_INIT();
	env_scan(envp, &s);
	return s.ldp_ok && s.uxvar;
}

/* --- vectors --------------------------------------------------------------------- */

static void *
mem_get(struct uxs_mem *m, char *stack, size_t stack_size, size_t need)
{
	m->mapped = 0;
	m->size = need;
	if (need <= stack_size) {
		m->p = stack;
		return m->p;
	}
	/* mmap, not malloc: this may run in a vfork child.  A child whose
	 * exec then works leaves the mapping to its parent: only huge
	 * environments come here. */
	void *p = mmap(NULL, need, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		m->p = NULL;
		return NULL;
	}
	m->p = p;
	m->mapped = 1;
	return p;
}

void
uxs_release(struct uxs_launch *l)
{
	int e = errno;

	if (l->mem.mapped)
		munmap(l->mem.p, l->mem.size);
	l->mem.mapped = 0;
	l->mem.p = NULL;
	errno = e;
}

static const char *const no_args[] = { NULL };

int
uxs_prepare(struct uxs_launch *l, enum uxs_kind kind, const struct uxs_file *f,
    const char *path, char *const argv[], char *const envp[], char *stack, size_t stack_size)
{
	struct env_scan s;
	size_t argc = 0, need = 0, ldp_size = 0, nvec = 0;

	l->path = path;
	l->argv = argv;
	l->envp = envp;
	l->mem.p = NULL;
	l->mem.mapped = 0;
	if (kind != UXS_NATIVE && uxrun_path[0] == '\0') {
		uxs_say(path, ": a ", uxs_os_name(f->os), kind == UXS_SCRIPT ? " script" : " program",
		    ", and no uxrun to run it (set UXRUN_PRELOAD_UXRUN)", NULL);
		return -ENOEXEC;
	}
	if (argv == NULL)
		argv = (char *const *)no_args;
	while (argv[argc] != NULL)
		argc++;
	env_scan(envp, &s);
	if (kind != UXS_NATIVE)
		nvec += argc + 9;
	if (!s.ldp_ok || !s.uxvar) {
		nvec += s.n + 3;
		if (!s.ldp_ok)
			ldp_size = LDP_LEN + (s.ldp >= 0 ? strlen(envp[s.ldp] + LDP_LEN) : 0) +
			    strlen(shim_path) + 2;
	}
	need = nvec * sizeof(char *) + ldp_size;
	if (need == 0)
		return 0;
	char **v = mem_get(&l->mem, stack, stack_size, need);
	if (v == NULL)
		return -ENOMEM;

	if (kind != UXS_NATIVE) {
		char **a = v;
		*a++ = "uxrun";
		*a++ = "--argv0";
		if (kind == UXS_SCRIPT) {
			/* What Linux passes a script's interpreter: the
			 * interpreter as written, its argument, the script
			 * as the caller named it, then argv[1] on. */
			*a++ = (char *)f->interp;
			*a++ = "--";
			*a++ = (char *)f->interp;
			if (f->arg != NULL)
				*a++ = (char *)f->arg;
			*a++ = (char *)path;
		} else {
			/* Linux gives a program run with no argv an empty
			 * argv[0]; so does this. */
			*a++ = argc > 0 ? argv[0] : "";
			*a++ = "--";
			*a++ = (char *)path;
		}
		for (size_t i = 1; i < argc; i++)
			*a++ = argv[i];
		*a++ = NULL;
		l->argv = v;
		l->path = uxrun_path;
		v = a;
	}
	if (!s.ldp_ok || !s.uxvar) {
		char **e = v, *ldp = (char *)(v + s.n + 3);
		for (size_t i = 0; i < s.n; i++)
			*e++ = envp[i];
		if (!s.ldp_ok) {
			ldp_fix(s.ldp >= 0 ? envp[s.ldp] + LDP_LEN : NULL, ldp);
			if (s.ldp >= 0)
				v[s.ldp] = ldp;
			else
				*e++ = ldp;
		}
		if (!s.uxvar)
			*e++ = uxrun_env;
		*e = NULL;
		l->envp = v;
	}
	return 0;
}

/* --- the exec family ------------------------------------------------------------- */

/* Runs the launch with the real execve; returns -errno. */
static int
launch_exec(struct uxs_launch *l, enum uxs_kind kind, const char *path)
{
	int r;

	uxs_real.execve(l->path, l->argv, l->envp);
	r = -errno;
	if (kind != UXS_NATIVE)
		r = -uxs_uxrun_failed(path, errno);
	return r;
}

/* execve of path; -errno.  *kind says what path was. */
static int
do_exec(const char *path, char *const argv[], char *const envp[], enum uxs_kind *kind)
{
	char stack[UXS_STACK_BUF];
	struct uxs_launch l;
	struct uxs_file f;
	int r;

	UXS_INIT();
	*kind = uxs_classify(NULL, path, &f);
	r = uxs_prepare(&l, *kind, &f, path, argv, envp, stack, sizeof(stack));
	if (r == 0)
		r = launch_exec(&l, *kind, path);
	uxs_release(&l);
	return r;
}

static int
fail(int r)
{
	errno = -r;
	return -1;
}

UXS_EXPORT int
execve(const char *path, char *const argv[], char *const envp[])
{
	enum uxs_kind k;

	return fail(do_exec(path, argv, envp, &k));
}

UXS_EXPORT int
execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* glibc's maybe_script_execute: a native file the kernel would not run
 * goes to the shell, argv[0] replaced by the file's name. */
static int
exec_as_script(const char *file, char *const argv[], char *const envp[])
{
	size_t argc = 0;
	enum uxs_kind k;

	while (argv != NULL && argv[argc] != NULL)
		argc++;
	char *v[argc > 1 ? argc + 2 : 3];
	v[0] = (char *)BSHELL;
	v[1] = (char *)file;
	for (size_t i = 1; i < argc; i++)
		v[i + 1] = argv[i];
	v[argc > 1 ? argc + 1 : 2] = NULL;
	return do_exec(BSHELL, v, envp, &k);
}

/*
 * glibc's execvpe, with the shim's execve for each try: the foreign test
 * sees each file the search tries, and only a native file the kernel
 * refuses as ENOEXEC goes to /bin/sh.
 */
static int
do_execvpe(const char *file, char *const argv[], char *const envp[])
{
	enum uxs_kind k;
	int r = -ENOENT, got_eacces = 0;

	if (file[0] == '\0')
		return -ENOENT;
	if (strchr(file, '/') != NULL) {
		r = do_exec(file, argv, envp, &k);
		if (r == -ENOEXEC && k == UXS_NATIVE)
			r = exec_as_script(file, argv, envp);
		return r;
	}
	const char *path = uxs_getenv("PATH");
	if (path == NULL)
		path = DEFAULT_PATH;
	size_t file_len = strnlen(file, NAME_MAX + 1) + 1;
	size_t path_len = strnlen(path, PATH_MAX - 1) + 1;
	if (file_len - 1 > NAME_MAX)
		return -ENAMETOOLONG;
	char buf[path_len + file_len + 1];
	for (const char *p = path, *q;; p = q + 1) {
		q = strchrnul(p, ':');
		if ((size_t)(q - p) >= path_len) {
			if (*q == '\0')
				break;
			continue;
		}
		/* An empty element is the current directory. */
		char *e = mempcpy(buf, p, (size_t)(q - p));
		if (q > p)
			*e++ = '/';
		memcpy(e, file, file_len);
		r = do_exec(buf, argv, envp, &k);
		if (r == -ENOEXEC && k == UXS_NATIVE)
			r = exec_as_script(buf, argv, envp);
		switch (-r) {
		case EACCES:
			got_eacces = 1;
			/* FALLTHROUGH */
		case ENOENT:
		case ESTALE:
		case ENOTDIR:
		case ENODEV:
		case ETIMEDOUT:
			break;
		default:
			return r;
		}
		if (*q == '\0')
			break;
	}
	return got_eacces ? -EACCES : r;
}

UXS_EXPORT int
execvpe(const char *file, char *const argv[], char *const envp[])
{
	UXS_INIT();
	return fail(do_execvpe(file, argv, envp));
}

UXS_EXPORT int
execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}

/* The list forms: arguments up to the NULL (arg0 itself may be it). */
static size_t
count_args(const char *arg0, va_list *ap)
{
	size_t n = 0;

	if (arg0 != NULL)
		for (n = 1; va_arg(*ap, char *) != NULL; n++)
			;
	return n;
}

/* v has room for n + 1; leaves *ap at the NULL ending the list, or past
 * it when that was arg0. */
static void
fill_args(char **v, size_t n, const char *arg0, va_list *ap)
{
	v[0] = (char *)arg0;
	for (size_t i = 1; i < n; i++)
		v[i] = va_arg(*ap, char *);
	v[n] = NULL;
}

UXS_EXPORT int
execl(const char *path, const char *arg, ...)
{
	va_list ap;

	va_start(ap, arg);
	size_t n = count_args(arg, &ap);
	va_end(ap);
	char *v[n + 1];
	va_start(ap, arg);
	fill_args(v, n, arg, &ap);
	va_end(ap);
	return execve(path, v, environ);
}

UXS_EXPORT int
execlp(const char *file, const char *arg, ...)
{
	va_list ap;

	va_start(ap, arg);
	size_t n = count_args(arg, &ap);
	va_end(ap);
	char *v[n + 1];
	va_start(ap, arg);
	fill_args(v, n, arg, &ap);
	va_end(ap);
	return execvpe(file, v, environ);
}

UXS_EXPORT int
execle(const char *path, const char *arg, ...)
{
	va_list ap;
	char **env;

	va_start(ap, arg);
	size_t n = count_args(arg, &ap);
	va_end(ap);
	char *v[n + 1];
	va_start(ap, arg);
	fill_args(v, n, arg, &ap);
	if (n > 0)
		(void)va_arg(ap, char *);
	env = va_arg(ap, char **);
	va_end(ap);
	return execve(path, v, env);
}

/* --- by descriptor: fexecve and execveat ------------------------------------------ */

/* Appends the decimal n at o; the end. */
static char *
put_uint(char *o, unsigned n)
{
	char d[16];
	int k = 0;

	do
		d[k++] = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	while (k > 0)
		*o++ = d[--k];
	*o = '\0';
	return o;
}

/* PREFIX N[/rest] into buf (size PATH_MAX); 0 or -ENAMETOOLONG. */
static int
fd_path(char *buf, const char *prefix, int fd, const char *rest)
{
	char *o = put_uint(stpcpy(buf, prefix), (unsigned)fd);

	if (rest != NULL) {
		if ((size_t)(o - buf) + 1 + strlen(rest) >= PATH_MAX)
			return -ENAMETOOLONG;
		*o++ = '/';
		strcpy(o, rest);
	}
	return 0;
}

static int
is_cloexec(int fd)
{
	int fl = fcntl(fd, F_GETFD);

	return fl >= 0 && (fl & FD_CLOEXEC);
}

/*
 * A name uxrun can open after the exec for what fd (or rest, relative to
 * the directory fd) refers to: its path when that still names the same
 * file, else /proc/self/fd/N, through a copy of fd without close-on-exec
 * if need be (*kept; XXX: the program inherits that descriptor).
 */
static int
fd_name(int fd, const char *rest, char *buf, int *kept)
{
	char proc[64], link[PATH_MAX];
	struct stat want, got;
	ssize_t n;

	*kept = -1;
	if (fstatat(fd, rest ? rest : "", &want, rest ? 0 : AT_EMPTY_PATH) != 0)
		return -errno;
	fd_path(proc, "/proc/self/fd/", fd, NULL);
	n = readlink(proc, link, sizeof(link) - 1);
	if (n > 0 && link[0] == '/') {
		link[n] = '\0';
		size_t need = (size_t)n + (rest ? 1 + strlen(rest) : 0) + 1;
		if (need <= PATH_MAX) {
			char *o = stpcpy(buf, link);
			if (rest != NULL) {
				*o++ = '/';
				strcpy(o, rest);
			}
			if (stat(buf, &got) == 0 && got.st_dev == want.st_dev && got.st_ino == want.st_ino)
				return 0;
		}
	}
	if (is_cloexec(fd)) {
		int nfd = fcntl(fd, F_DUPFD, 3);
		if (nfd < 0)
			return -errno;
		*kept = fd = nfd;
	}
	return fd_path(buf, "/proc/self/fd/", fd, rest);
}

static int
native_at(int dirfd, const char *path, char *const argv[], char *const envp[], int flags, int fexec)
{
	if (fexec)
		return uxs_real.fexecve(dirfd, argv, envp);
	if (uxs_real.execveat != NULL)
		return uxs_real.execveat(dirfd, path, argv, envp, flags);
	return (int)syscall(SYS_execveat, dirfd, path, argv, envp, flags);
}

/* execveat, and fexecve (fexec: path "" and AT_EMPTY_PATH); -errno. */
static int
do_exec_at(int dirfd, const char *path, char *const argv[], char *const envp[], int flags, int fexec)
{
	char stack[UXS_STACK_BUF], probe[PATH_MAX], name[PATH_MAX];
	int whole = path[0] == '\0' && (flags & AT_EMPTY_PATH);
	int rel = !whole && path[0] != '/' && dirfd != AT_FDCWD;
	const char *p = path;
	struct uxs_launch l;
	struct uxs_file f;
	enum uxs_kind kind = UXS_NATIVE;
	struct stat st;
	int r, kept = -1;

	UXS_INIT();
	if (whole || rel) {
		if ((r = fd_path(probe, "/proc/self/fd/", dirfd, whole ? NULL : path)) != 0)
			return r;
		p = probe;
	}
	/* A symbolic link that the caller asked not to follow: ELOOP, from
	 * the kernel. */
	if (whole || !(flags & AT_SYMLINK_NOFOLLOW) ||
	    fstatat(dirfd, path, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISLNK(st.st_mode))
		kind = uxs_classify(NULL, p, &f);

	if (kind == UXS_NATIVE) {
		r = uxs_prepare(&l, kind, &f, path, argv, envp, stack, sizeof(stack));
		if (r == 0) {
			native_at(dirfd, path, l.argv, l.envp, flags, fexec);
			r = -errno;
		}
		uxs_release(&l);
		return r;
	}
	if (!whole && !rel) {
		p = path;
	} else if (kind == UXS_SCRIPT) {
		/* Linux names the script /dev/fd/N[/path] for its
		 * interpreter, which cannot open it if N is close-on-exec. */
		if (is_cloexec(dirfd))
			return -ENOENT;
		if ((r = fd_path(name, "/dev/fd/", dirfd, whole ? NULL : path)) != 0)
			return r;
		p = name;
	} else {
		if ((r = fd_name(dirfd, whole ? NULL : path, name, &kept)) != 0)
			return r;
		p = name;
	}
	r = uxs_prepare(&l, kind, &f, p, argv, envp, stack, sizeof(stack));
	if (r == 0)
		r = launch_exec(&l, kind, p);
	uxs_release(&l);
	if (kept >= 0)
		close(kept);
	return r;
}

UXS_EXPORT int
fexecve(int fd, char *const argv[], char *const envp[])
{
	return fail(do_exec_at(fd, "", argv, envp, AT_EMPTY_PATH, 1));
}

UXS_EXPORT int
execveat(int dirfd, const char *path, char *const argv[], char *const envp[], int flags)
{
	return fail(do_exec_at(dirfd, path, argv, envp, flags, 0));
}
