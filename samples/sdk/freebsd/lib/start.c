/* C side of process start-up: environment, auxv, constructors, main. */
#include <stdlib.h>
#include "uxrt.h"

char **environ;
long *__uxrt_auxv;

int main(int argc, char **argv, char **envp);
void __uxrt_start(long *ap);

typedef void (*uxrt_init_fn)(int, char **, char **);

/* Defined by the linker around the output sections, even when empty. */
extern uxrt_init_fn __preinit_array_start[] __attribute__((visibility("hidden")));
extern uxrt_init_fn __preinit_array_end[] __attribute__((visibility("hidden")));
extern uxrt_init_fn __init_array_start[] __attribute__((visibility("hidden")));
extern uxrt_init_fn __init_array_end[] __attribute__((visibility("hidden")));

long
__uxrt_getauxval(long type)
{
	long *a;

	for (a = __uxrt_auxv; a != NULL && a[0] != UXRT_AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}

void
__uxrt_start(long *ap)
{
	int argc = (int)ap[0];
	char **argv = (char **)(ap + 1);
	char **envp = argv + argc + 1;
	char **p;
	uxrt_init_fn *fn;

	environ = envp;
	for (p = envp; *p != NULL; p++)
		;
	__uxrt_auxv = (long *)(p + 1);

	for (fn = __preinit_array_start; fn < __preinit_array_end; fn++)
		(*fn)(argc, argv, envp);
	for (fn = __init_array_start; fn < __init_array_end; fn++)
		(*fn)(argc, argv, envp);

	exit(main(argc, argv, envp));
}
