/*
 * uxrun --native (loader/native.c): run a native Linux program in a
 * process whose inherited seccomp filter would trap it.
 */
#ifndef UX_NATIVE_H
#define UX_NATIVE_H

#include "loader/image.h"

/* Does not return when the program starts; otherwise the exit status for
 * err (126/127). */
int ux_native_run(const char *path, const char *argv0, int argc, char **args, char **envp,
    struct ux_err *err);

#endif
