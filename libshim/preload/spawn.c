/*
 * posix_spawn and posix_spawnp.  glibc starts the child with
 * clone(CLONE_VM | CLONE_VFORK) and execs in it on a stack of its own, so
 * everything is decided here, in the parent, before the real call: which
 * file the child would run (the PATH search of posix_spawnp, done as
 * glibc's, and the directory file actions change to first), the vectors
 * for uxrun, and the environment with the shim.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libshim/preload/uxshim.h"

#define DEFAULT_PATH "/bin:/usr/bin"

/*
 * The directory a file-actions object changes to, so a relative program
 * path is looked up where the child will be: an absolute path, or one
 * relative to the parent's current directory, or /proc/self/fd/N for
 * addfchdir (the parent's N is the child's until the exec).  A full table
 * only means such a path is looked up from the parent's directory.
 */
#define FA_DIRS 64
static struct {
	const posix_spawn_file_actions_t *fa;
	char *dir;
} fa_dirs[FA_DIRS];
static pthread_mutex_t fa_lock = PTHREAD_MUTEX_INITIALIZER;

static void
fa_forget(const posix_spawn_file_actions_t *fa)
{
	pthread_mutex_lock(&fa_lock);
	for (int i = 0; i < FA_DIRS; i++)
		if (fa_dirs[i].fa == fa) {
			free(fa_dirs[i].dir);
			fa_dirs[i].fa = NULL;
			fa_dirs[i].dir = NULL;
		}
	pthread_mutex_unlock(&fa_lock);
}

/* Records a change to dir (absolute, or relative to the previous one). */
static void
fa_chdir(const posix_spawn_file_actions_t *fa, const char *dir)
{
	int slot = -1;

	pthread_mutex_lock(&fa_lock);
	for (int i = 0; i < FA_DIRS; i++) {
		if (fa_dirs[i].fa == fa) {
			slot = i;
			break;
		}
		if (slot < 0 && fa_dirs[i].fa == NULL)
			slot = i;
	}
	if (slot >= 0) {
		const char *prev = fa_dirs[slot].fa == fa ? fa_dirs[slot].dir : NULL;
		char *d = NULL;
		if (dir[0] == '/' || prev == NULL) {
			d = strdup(dir);
		} else if ((d = malloc(strlen(prev) + strlen(dir) + 2)) != NULL) {
			strcpy(stpcpy(stpcpy(d, prev), "/"), dir);
		}
		if (fa_dirs[slot].fa == fa)
			free(fa_dirs[slot].dir);
		fa_dirs[slot].fa = d ? fa : NULL;
		fa_dirs[slot].dir = d;
	}
	pthread_mutex_unlock(&fa_lock);
}

/* fa's directory, copied into buf; NULL when it changes none. */
static const char *
fa_dir(const posix_spawn_file_actions_t *fa, char *buf, size_t size)
{
	const char *r = NULL;

	if (fa == NULL)
		return NULL;
	pthread_mutex_lock(&fa_lock);
	for (int i = 0; i < FA_DIRS; i++)
		if (fa_dirs[i].fa == fa && strlen(fa_dirs[i].dir) < size) {
			r = strcpy(buf, fa_dirs[i].dir);
			break;
		}
	pthread_mutex_unlock(&fa_lock);
	return r;
}

UXS_EXPORT int
posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa)
{
	UXS_INIT();
	fa_forget(fa);
	return uxs_real.fa_init(fa);
}

UXS_EXPORT int
posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)
{
	UXS_INIT();
	fa_forget(fa);
	return uxs_real.fa_destroy(fa);
}

UXS_EXPORT int
posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *fa, const char *dir)
{
	int r;

	UXS_INIT();
	r = uxs_real.fa_addchdir(fa, dir);
	if (r == 0)
		fa_chdir(fa, dir);
	return r;
}

UXS_EXPORT int
posix_spawn_file_actions_addfchdir_np(posix_spawn_file_actions_t *fa, int fd)
{
	char dir[64];
	int r;

	UXS_INIT();
	r = uxs_real.fa_addfchdir(fa, fd);
	if (r == 0) {
		snprintf(dir, sizeof(dir), "/proc/self/fd/%d", fd);
		fa_chdir(fa, dir);
	}
	return r;
}

/* Starts the program classified as kind with the real posix_spawn (or,
 * for a native one, spawnp when the caller used it). */
static int
launch(pid_t *pid, const char *path, enum uxs_kind kind, const struct uxs_file *f,
    const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *attr,
    char *const argv[], char *const envp[], int search)
{
	char stack[UXS_STACK_BUF];
	struct uxs_launch l;
	int r;

	r = -uxs_prepare(&l, kind, f, path, argv, envp, stack, sizeof(stack));
	if (r == 0) {
		if (kind == UXS_NATIVE && search)
			r = uxs_real.posix_spawnp(pid, path, fa, attr, l.argv, l.envp);
		else
			r = uxs_real.posix_spawn(pid, l.path, fa, attr, l.argv, l.envp);
		if (r != 0 && kind != UXS_NATIVE)
			r = uxs_uxrun_failed(path, r);
	}
	uxs_release(&l);
	return r;
}

UXS_EXPORT int
posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
    const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	char dir[PATH_MAX];
	struct uxs_file f;
	enum uxs_kind kind;

	UXS_INIT();
	kind = uxs_classify(fa_dir(fa, dir, sizeof(dir)), path, &f);
	return launch(pid, path, kind, &f, fa, attr, argv, envp, 0);
}

/*
 * glibc's search for posix_spawnp (its __execvpex: no /bin/sh for a file
 * the kernel refuses), predicted: the first file that would start decides.
 * A foreign one starts under uxrun here; when it is native, or nothing
 * would start, glibc's own posix_spawnp does the same search again and
 * reports as it always does.
 */
UXS_EXPORT int
posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
    const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	char dir[PATH_MAX];
	const char *d, *path;
	struct uxs_file f;
	enum uxs_kind kind;

	UXS_INIT();
	d = fa_dir(fa, dir, sizeof(dir));
	if (strchr(file, '/') != NULL) {
		kind = uxs_classify(d, file, &f);
		return launch(pid, file, kind, &f, fa, attr, argv, envp, 1);
	}
	path = uxs_getenv("PATH");
	if (path == NULL)
		path = DEFAULT_PATH;
	size_t file_len = strnlen(file, NAME_MAX + 1) + 1;
	size_t path_len = strnlen(path, PATH_MAX - 1) + 1;
	if (file[0] != '\0' && file_len - 1 <= NAME_MAX) {
		char buf[path_len + file_len + 1];
		for (const char *p = path, *q;; p = q + 1) {
			q = strchrnul(p, ':');
			if ((size_t)(q - p) < path_len) {
				char *e = mempcpy(buf, p, (size_t)(q - p));
				if (q > p)
					*e++ = '/';
				memcpy(e, file, file_len);
				kind = uxs_classify(d, buf, &f);
				if (kind != UXS_NATIVE)
					return launch(pid, buf, kind, &f, fa, attr, argv, envp, 0);
				if (f.err != EACCES && f.err != ENOENT && f.err != ESTALE &&
				    f.err != ENOTDIR && f.err != ENODEV && f.err != ETIMEDOUT)
					break;
			}
			if (*q == '\0')
				break;
		}
	}
	return launch(pid, file, UXS_NATIVE, &f, fa, attr, argv, envp, 1);
}
