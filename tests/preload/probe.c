/*
 * What the preload shim makes of each FILE: "FILE: OS KIND" (KIND native,
 * foreign or script), with the OS names uxrun --info prints, so
 * tests/preload/run.sh can hold the shim's reader to uxrun's.
 */
#include "config.h"

#include <stdio.h>

#include "libshim/preload/foreign.h"

int
main(int argc, char **argv)
{
	static const char *const kinds[] = { "native", "foreign", "script" };

	for (int i = 1; i < argc; i++) {
		struct uxs_file f;
		enum uxs_kind k = uxs_classify(NULL, argv[i], &f);
		printf("%s: %s %s\n", argv[i], uxs_os_name(f.os), kinds[k]);
	}
	return 0;
}
