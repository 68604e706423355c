/*
 * The runtime linker's error paths (tests/cli/run.sh), FreeBSD only.  The
 * program is linked against a stand-in libdemo.so.1 (this file built
 * with UX_STANDIN) that has demo_gone and demo_gone_data; the real
 * libdemo.so.1 it runs with has neither.
 *   dyn-unbound          runs: a function nobody calls may stay unbound
 *   dyn-unbound call     calls demo_gone: uxrun names it, exit status 127
 *   dyn-unbound-data     reads demo_gone_data: refused at load, 127
 *   dyn-missing          needs libuxrun-nowhere.so.1, which is nowhere
 */
#ifdef UX_STANDIN
int demo_gone(void);
extern int demo_gone_data;

int
demo_gone(void)
{
	return 1;
}

int demo_gone_data = 1;
#else
#include <stdio.h>
#include <string.h>

int demo_gone(void);
extern int demo_gone_data;
/* What the real libdemo.so.1 takes from its program. */
int demo_main_value = 1;

int
main(int argc, char **argv)
{
	printf("dyn-unbound: running\n");
	fflush(stdout);
	if (argc > 1 && strcmp(argv[1], "call") == 0)
		printf("demo_gone() = %d\n", demo_gone());
#ifdef UX_WANT_DATA
	printf("demo_gone_data = %d\n", demo_gone_data);
#endif
	return 0;
}
#endif
