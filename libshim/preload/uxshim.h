/*
 * libuxshim.so, the LD_PRELOAD shim: what its exec, spawn and shell entry
 * points share.  Everything on the exec paths is async-signal-safe (exec
 * may be called in a vfork child or after fork in a threaded program):
 * vectors live on the stack, or in an anonymous mapping when they do not
 * fit, never in malloc'd memory.
 */
#ifndef UXSHIM_H
#define UXSHIM_H

#include <spawn.h>
#include <stdio.h>

#include "libshim/preload/foreign.h"

#define UXS_EXPORT __attribute__((visibility("default")))

/* The functions the shim stands in front of, from the next object. */
struct uxs_real {
	int (*execve)(const char *, char *const[], char *const[]);
	int (*execveat)(int, const char *, char *const[], char *const[], int);
	int (*fexecve)(int, char *const[], char *const[]);
	int (*posix_spawn)(pid_t *, const char *, const posix_spawn_file_actions_t *,
	    const posix_spawnattr_t *, char *const[], char *const[]);
	int (*posix_spawnp)(pid_t *, const char *, const posix_spawn_file_actions_t *,
	    const posix_spawnattr_t *, char *const[], char *const[]);
	int (*fa_init)(posix_spawn_file_actions_t *);
	int (*fa_destroy)(posix_spawn_file_actions_t *);
	int (*fa_addchdir)(posix_spawn_file_actions_t *, const char *);
	int (*fa_addfchdir)(posix_spawn_file_actions_t *, int);
	int (*system)(const char *);
	FILE *(*popen)(const char *, const char *);
	int (*pclose)(FILE *);
};
extern struct uxs_real uxs_real;

void uxs_init(void);
extern volatile int uxs_ready;
#define UXS_INIT() do { if (!uxs_ready) uxs_init(); } while (0)

/* The shim's own path, absolute, as it was loaded (empty if unknown). */
const char *uxs_shim_path(void);

/* dl.c: where dl_entry.S sends a dlopen or dlsym call. */
void *(*uxs_dlopen_route(const char *path, int mode))(const char *, int);
void *(*uxs_dlsym_route(void *handle, const char *name))(void *, const char *);

/* Memory for one launch: a caller's stack buffer, or a mapping. */
struct uxs_mem {
	char *p;
	size_t size;
	int mapped;
};

/*
 * What to start in place of the caller's program: path, argv and envp
 * for the real exec or spawn.  A foreign program becomes
 *   UXRUN --argv0 ARGV0 -- PATH ARGS...
 * (a script: UXRUN --argv0 INTERP -- INTERP [ARG] SCRIPT ARGS...), and the
 * environment gets the shim back if the caller's lacked it.
 */
struct uxs_launch {
	const char *path;
	char *const *argv;
	char *const *envp;
	struct uxs_mem mem;
};

#define UXS_STACK_BUF 4096

/*
 * Fills l.  path is how the started program names its file (for a
 * script: the name its interpreter gets).  0 or -errno; uxs_release()
 * frees what it took either way.
 */
int uxs_prepare(struct uxs_launch *l, enum uxs_kind kind, const struct uxs_file *f,
    const char *path, char *const argv[], char *const envp[], char *stack, size_t stack_size);
void uxs_release(struct uxs_launch *l);
/* getenv on environ itself, whoever else defines getenv. */
const char *uxs_getenv(const char *name);
/* 1 when envp already carries the shim (nothing to add). */
int uxs_env_has_shim(char *const envp[]);
/* A message on stderr, "uxshim: " and the pieces, up to a NULL. */
void uxs_say(const char *first, ...) __attribute__((sentinel));
/* Turns an exec error for uxrun itself into one about the program. */
int uxs_uxrun_failed(const char *path, int err);

#endif
