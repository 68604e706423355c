/* uxrun FreeBSD SDK: the runtime linker's services (FreeBSD's <dlfcn.h>). */
#ifndef _UXRT_DLFCN_H
#define _UXRT_DLFCN_H

#include <sys/types.h>

#define RTLD_LAZY	1
#define RTLD_NOW	2
#define RTLD_MODEMASK	0x3
#define RTLD_GLOBAL	0x100
#define RTLD_LOCAL	0
#define RTLD_TRACE	0x200
#define RTLD_NODELETE	0x01000
#define RTLD_NOLOAD	0x02000
#define RTLD_DEEPBIND	0x04000

#define RTLD_DI_LINKMAP		2
#define RTLD_DI_SERINFO		4
#define RTLD_DI_SERINFOSIZE	5
#define RTLD_DI_ORIGIN		6

#define RTLD_NEXT	((void *)-1)
#define RTLD_DEFAULT	((void *)-2)
#define RTLD_SELF	((void *)-3)

typedef struct dl_info {
	const char *dli_fname;
	void *dli_fbase;
	const char *dli_sname;
	void *dli_saddr;
} Dl_info;

struct __dlfunc_arg {
	int __dlfunc_dummy;
};
typedef void (*dlfunc_t)(struct __dlfunc_arg);

typedef struct dl_serpath {
	char *dls_name;
	unsigned int dls_flags;
} Dl_serpath;

typedef struct dl_serinfo {
	size_t dls_size;
	unsigned int dls_cnt;
	Dl_serpath dls_serpath[1];
} Dl_serinfo;

int dlclose(void *handle);
char *dlerror(void);
void *dlopen(const char *path, int mode);
void *dlsym(void *handle, const char *name);
void *fdlopen(int fd, int mode);
int dladdr(const void *addr, Dl_info *info);
dlfunc_t dlfunc(void *handle, const char *name);
int dlinfo(void *handle, int request, void *p);
void *dlvsym(void *handle, const char *name, const char *version);

#endif
