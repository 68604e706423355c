#include "config.h"

#include <dlfcn.h>
#include <stddef.h>

#include "syscalls/disasm.h"

static struct ux_capstone cs;
static int state;	/* 0 not tried, 1 loaded, -1 unavailable */

const struct ux_capstone *
ux_capstone(void)
{
	/* Each name tried and missing costs a search of every library
	 * directory: Debian 12's first. */
	static const char *const names[] = { "libcapstone.so.4", "libcapstone.so.5", "libcapstone.so" };
	struct ux_capstone t;
	void *lib = NULL;

	if (state != 0)
		return state > 0 ? &cs : NULL;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]) && !lib; i++)
		lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		state = -1;
		return NULL;
	}
	*(void **)&t.open = dlsym(lib, "cs_open");
	*(void **)&t.option = dlsym(lib, "cs_option");
	*(void **)&t.disasm = dlsym(lib, "cs_disasm");
	*(void **)&t.free = dlsym(lib, "cs_free");
	*(void **)&t.close = dlsym(lib, "cs_close");
	if (!t.open || !t.option || !t.disasm || !t.free || !t.close) {
		state = -1;
		return NULL;
	}
	/* Two threads may get here at once: both store the same values. */
	cs = t;
	__atomic_store_n(&state, 1, __ATOMIC_RELEASE);
	return &cs;
}
