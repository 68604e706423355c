/*
 * libunbound.so.1: a FreeBSD shared library with an import that nothing
 * defines, neither a FreeBSD library nor a process that loads it.  A
 * native process with the LD_PRELOAD shim dlopens it and must get a
 * failure naming uxrun_nowhere, and go on (tests/preload/run.sh).
 */
int uxrun_nowhere(void);
int unbound_call(void);

int
unbound_call(void)
{
	return uxrun_nowhere();
}
