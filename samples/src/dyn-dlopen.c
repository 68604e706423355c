/*
 * dlopen and friends on a FreeBSD library of the project's own,
 * libplugin.so.1 (samples/src/libplugin.c), found by name through the
 * program's DT_RUNPATH ($ORIGIN/lib, then the build tree) and by path:
 * calls through dlsym, dlvsym and a symbol version, the library's TLS,
 * its reference back into the program, dladdr, dlinfo, dl_iterate_phdr,
 * RTLD_DEFAULT, RTLD_NEXT, RTLD_NOLOAD, RTLD_GLOBAL, RTLD_NODELETE,
 * reference counts (the finaliser runs at the last dlclose), loading it
 * again, and errors.  Only facts that do not depend on the system are
 * printed: dlerror's text is FreeBSD's or glibc's, so only whether there
 * is one.
 *
 *   dyn-dlopen [NAME]   also dlopen NAME at the end (LD_LIBRARY_PATH)
 */
#define _GNU_SOURCE	/* glibc: dladdr, dlinfo, dlvsym, RTLD_DEFAULT (FreeBSD has them all) */
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <string.h>

int plugin_host_value = 5;
int host_twice(int v);

int
host_twice(int v)
{
	return 2 * v;
}

static const char *
base(const char *p)
{
	const char *s = p ? strrchr(p, '/') : NULL;

	return s ? s + 1 : p ? p : "(null)";
}

static const char *
yes(int c)
{
	return c ? "yes" : "no";
}

static void
error_state(const char *what)
{
	const char *e = dlerror();

	printf("%s: dlerror %s", what, e ? "set" : "NULL");
	printf(", then %s\n", dlerror() ? "still set" : "cleared");
}

struct phdr_find {
	void *code, *tls_var;
	int found, code_ok, has_tls, tls_ok, modid, adds_ok;
};

static int
phdr_cb(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct phdr_find *f = arg;
	const char *name = base(info->dlpi_name);

	if (size < sizeof(*info) || strcmp(name, "libplugin.so.1") != 0)
		return 0;
	f->found = 1;
	f->modid = info->dlpi_tls_modid != 0;
	f->adds_ok = info->dlpi_adds >= info->dlpi_subs && info->dlpi_adds > 0;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const Elf64_Phdr *p = &info->dlpi_phdr[i];
		char *lo = (char *)(info->dlpi_addr + p->p_vaddr);
		if (p->p_type == PT_LOAD && (p->p_flags & PF_X) && (char *)f->code >= lo &&
		    (char *)f->code < lo + p->p_memsz)
			f->code_ok = 1;
		if (p->p_type == PT_TLS) {
			char *t = info->dlpi_tls_data;
			f->has_tls = 1;
			f->tls_ok = t && (char *)f->tls_var >= t && (char *)f->tls_var < t + p->p_memsz;
		}
	}
	return 1;	/* stops the walk; dl_iterate_phdr returns it */
}

static int
triple(int v)
{
	return 3 * v;
}

int
main(int argc, char **argv)
{
	void *h, *h2, *self;
	Dl_info di;

	printf("dlopen by name:\n");
	h = dlopen("libplugin.so.1", RTLD_NOW);
	if (!h) {
		printf("  FAILED: %s\n", dlerror());
		return 1;
	}
	int (*add)(int, int) = (int (*)(int, int))dlsym(h, "plugin_add");
	int *data = dlsym(h, "plugin_data");
	int (*host)(void) = (int (*)(void))dlsym(h, "plugin_host");
	int (*apply)(int (*)(int), int) = (int (*)(int (*)(int), int))dlsym(h, "plugin_apply");
	double (*pcbrt)(double) = (double (*)(double))dlsym(h, "plugin_cbrt");
	if (!add || !data || !host || !apply || !pcbrt) {
		printf("  dlsym FAILED\n");
		return 1;
	}
	printf("  plugin_add(2, 3) = %d, plugin_data = %d\n", add(2, 3), *data);
	printf("  the library reads the program's variable: %d\n", host());
	printf("  a callback into the program: %d\n", apply(triple, 4));
	printf("  its own libm: cbrt(27) = %g\n", pcbrt(27.0));

	/* Dynamic TLS: the module came after start. */
	int (*counter)(void) = (int (*)(void))dlsym(h, "plugin_counter");
	int *tls = dlsym(h, "plugin_tls");
	int c1 = counter(), c2 = counter();
	printf("TLS: counter %d %d, dlsym's address reads %d", c1, c2, tls ? *tls : -1);
	if (tls)
		*tls = 100;
	printf(", after writing 100 the counter says %d\n", counter());

	int (*v1)(void) = (int (*)(void))dlvsym(h, "plugin_version", "PLUGIN_1.0");
	int (*v2)(void) = (int (*)(void))dlvsym(h, "plugin_version", "PLUGIN_2.0");
	int (*vd)(void) = (int (*)(void))dlsym(h, "plugin_version");
	printf("versions: PLUGIN_1.0 %d, PLUGIN_2.0 %d, default %d, PLUGIN_9.9 %s\n", v1 ? v1() : -1,
	    v2 ? v2() : -1, vd ? vd() : -1, dlvsym(h, "plugin_version", "PLUGIN_9.9") ? "found" : "NULL");
	error_state("  after the missing version");

	memset(&di, 0, sizeof(di));
	int r = dladdr((void *)add, &di);
	printf("dladdr(plugin_add): %d, %s, symbol %s, exact %s, base set %s\n", r, base(di.dli_fname),
	    di.dli_sname ? di.dli_sname : "(none)", yes(di.dli_saddr == (void *)add), yes(di.dli_fbase != NULL));
	r = dladdr((char *)(void *)add + 1, &di);
	printf("dladdr(plugin_add + 1): %d, symbol %s, below it %s\n", r, di.dli_sname ? di.dli_sname : "(none)",
	    yes(di.dli_saddr == (void *)add));
	r = dladdr(data, &di);
	printf("dladdr(&plugin_data): symbol %s\n", r && di.dli_sname ? di.dli_sname : "(none)");
	r = dladdr((void *)host_twice, &di);
	printf("dladdr(host_twice): symbol %s\n", r && di.dli_sname ? di.dli_sname : "(none)");

	char origin[4096] = "";
	struct link_map *lm = NULL;
	if (dlinfo(h, RTLD_DI_ORIGIN, origin) == 0 && dlinfo(h, RTLD_DI_LINKMAP, &lm) == 0) {
		char path[4200];
		printf("dlinfo: link map names %s, origin ends in /lib %s\n", lm ? base(lm->l_name) : "(none)",
		    yes(strlen(origin) >= 4 && strcmp(origin + strlen(origin) - 4, "/lib") == 0));
		snprintf(path, sizeof(path), "%s/libplugin.so.1", origin);
		h2 = dlopen(path, RTLD_LAZY);
		printf("dlopen by path: %s\n", h2 == h ? "the same handle" : h2 ? "ANOTHER handle" : "FAILED");
		if (h2)
			dlclose(h2);
	} else {
		printf("dlinfo FAILED\n");
	}

	struct phdr_find f = { (void *)add, tls, 0, 0, 0, 0, 0, 0 };
	r = dl_iterate_phdr(phdr_cb, &f);
	printf("dl_iterate_phdr: returned %d, found %s, code %s, PT_TLS %s, TLS module %s, "
	    "its TLS data %s, counts %s\n", r, yes(f.found), yes(f.code_ok), yes(f.has_tls), yes(f.modid),
	    yes(f.tls_ok), yes(f.adds_ok));

	printf("RTLD_DEFAULT: plugin_add while RTLD_LOCAL %s", dlsym(RTLD_DEFAULT, "plugin_add") ? "found" : "NULL");
	dlerror();
	h2 = dlopen("libplugin.so.1", RTLD_LAZY | RTLD_NOLOAD);
	printf(", RTLD_NOLOAD %s\n", h2 == h ? "gives the same handle" : "FAILED");
	if (h2)
		dlclose(h2);
	printf("RTLD_DEFAULT puts %s, RTLD_NEXT puts %s\n", yes(dlsym(RTLD_DEFAULT, "puts") != NULL),
	    yes(dlsym(RTLD_NEXT, "puts") != NULL));

	printf("errors:\n");
	printf("  missing library: %s\n", dlopen("libuxrun-no-such-plugin.so.1", RTLD_NOW) ? "loaded?!" : "NULL");
	error_state("  missing library");
	printf("  missing path: %s\n", dlopen("/nonexistent/uxrun/libplugin.so.1", RTLD_LAZY) ? "loaded?!" : "NULL");
	error_state("  missing path");
	printf("  missing symbol: %s\n", dlsym(h, "plugin_no_such_symbol") ? "found?!" : "NULL");
	error_state("  missing symbol");
	printf("  nothing went wrong since: %s\n", dlerror() ? "set" : "NULL");

	/* The last reference: the finaliser runs inside dlclose. */
	printf("dlclose: %d\n", dlclose(h));
	printf("after the last dlclose: %s\n", dlopen("libplugin.so.1", RTLD_LAZY | RTLD_NOLOAD) ? "still loaded" : "unloaded");
	dlerror();

	/* Loaded again: initialised again, fresh TLS.  Lookups through the
	 * global scope come last: glibc then keeps the library for good. */
	printf("again:\n");
	h = dlopen("libplugin.so.1", RTLD_LAZY);
	counter = h ? (int (*)(void))dlsym(h, "plugin_counter") : NULL;
	add = h ? (int (*)(int, int))dlsym(h, "plugin_add") : NULL;
	printf("  fresh TLS: counter %d\n", counter ? counter() : -1);
	h2 = dlopen("libplugin.so.1", RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL);
	printf("  RTLD_NOLOAD|RTLD_GLOBAL %s, RTLD_DEFAULT plugin_add %s\n", h2 == h ? "same handle" : "FAILED",
	    add && dlsym(RTLD_DEFAULT, "plugin_add") == (void *)add ? "found" : "NOT found");
	if (h2)
		dlclose(h2);
	self = dlopen(NULL, RTLD_LAZY);
	printf("  dlopen(NULL): host_twice %s, plugin_add %s\n",
	    yes(self && dlsym(self, "host_twice") == (void *)host_twice), yes(self && dlsym(self, "plugin_add") != NULL));
	if (self)
		dlclose(self);
	h2 = dlopen("libplugin.so.1", RTLD_NOW | RTLD_NODELETE);
	int c_a = dlclose(h2), c_b = dlclose(h);
	printf("  RTLD_NODELETE: %s; dlclose %d %d\n", h2 == h ? "same handle" : "FAILED", c_a, c_b);
	h2 = dlopen("libplugin.so.1", RTLD_LAZY | RTLD_NOLOAD);
	printf("  after both dlcloses: %s\n", h2 ? "still loaded" : "unloaded");
	if (h2)
		dlclose(h2);

	if (argc > 1) {
		void *x = dlopen(argv[1], RTLD_NOW);
		int (*xadd)(int, int) = x ? (int (*)(int, int))dlsym(x, "plugin_add") : NULL;
		printf("%s: %s", argv[1], x ? "loaded" : "not found");
		if (xadd)
			printf(", plugin_add(20, 22) = %d", xadd(20, 22));
		printf("\n");
		if (!x)
			dlerror();
	}
	printf("exit (the finaliser runs after this)\n");
	return 0;
}
