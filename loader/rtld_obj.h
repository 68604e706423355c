/*
 * The runtime linker's own view of a loaded object (loader/rtld*.c only).
 * Four kinds share it: objects mapped from disk (the executable and
 * foreign libraries), libshim's virtual objects (a table, no memory of
 * their own), the runtime linker's builtin exports (__tls_get_addr), and
 * the native process a foreign object was dlopen'ed into through the
 * LD_PRELOAD shim (rtld_hosted.c), which defines what nothing else does.
 */
#ifndef UX_RTLD_OBJ_H
#define UX_RTLD_OBJ_H

#include <elf.h>
#include <stddef.h>
#include <stdint.h>

#include "libshim/shim.h"
#include "loader/image.h"
#include "syscalls/trap.h"

enum rtld_kind { RTLD_FILE, RTLD_SHIM, RTLD_BUILTIN, RTLD_HOST };

/* FreeBSD's struct link_map (sys/link_elf.h), as dlinfo() hands it out. */
struct fbsd_link_map {
	uint64_t l_base;		/* where the object is mapped */
	const char *l_name;		/* its path */
	const void *l_ld;		/* its dynamic section */
	struct fbsd_link_map *l_next, *l_prev;
	uint64_t l_addr;		/* load offset (bias) */
	const char *l_refname;		/* filters only: NULL */
};
_Static_assert(sizeof(struct fbsd_link_map) == 56, "FreeBSD's struct link_map is 56 bytes");

/* One entry of an object's version table, indexed by versym value. */
struct rtld_ver {
	const char *name;	/* NULL: no version at this index */
	uint32_t hash;		/* ELF hash of name */
	const char *file;	/* verneed: the object it is required from */
};

struct rtld_obj {
	struct rtld_obj *next;	/* load order: executable first, breadth-first */
	enum rtld_kind kind;
	char *name;		/* the DT_NEEDED string that brought it in, or the path */
	char *path;		/* file: its path; NULL for the other kinds */
	char *origin;		/* file: its directory, for $ORIGIN */
	const char *soname;	/* DT_SONAME, or NULL */
	int mainprog;
	const struct ux_shim_lib *shim;

	/* Mapped image (file objects). */
	uint64_t bias;
	uint64_t lo, hi;	/* mapped span, biased */
	GElf_Phdr *ph;
	size_t phnum;
	const Elf64_Dyn *dyn;

	/* From the dynamic section (addresses biased). */
	const Elf64_Sym *symtab;
	const char *strtab;
	uint64_t strsz;
	const uint32_t *sysv_hash;	/* DT_HASH: nbucket, nchain, buckets, chains */
	const uint32_t *gnu_hash;	/* DT_GNU_HASH */
	const Elf64_Rela *rela;
	uint64_t relasz;
	const Elf64_Rela *jmprel;
	uint64_t pltrelsz;
	const uint64_t *relr;
	uint64_t relrsz;
	const uint16_t *versym;
	const Elf64_Verneed *verneed;
	uint64_t verneednum;
	const Elf64_Verdef *verdef;
	uint64_t verdefnum;
	struct rtld_ver *vertab;
	size_t nver;
	uint64_t init, fini;
	const uint64_t *init_array, *fini_array, *preinit_array;
	size_t n_init_array, n_fini_array, n_preinit_array;
	const char *rpath, *runpath;
	int textrel, symbolic;
	int crt_no_init;	/* FreeBSD's NOINIT note: crt1 leaves _init to us */
	uint64_t relro_lo, relro_hi;

	/* DT_NEEDED names and what they resolved to (NULL: not found). */
	const char **needed_name;
	struct rtld_obj **needed;
	size_t nneeded;

	/* Static TLS: module id (0: none), image, and its place below the
	 * thread pointer. */
	size_t tls_index;
	uint64_t tls_image;
	uint64_t tls_filesz, tls_memsz, tls_align, tls_vaddr;
	int64_t tls_offset;	/* block at tp - tls_offset */

	/* libshim objects: one trampoline per function, made on first use,
	 * so that a function has one address whoever asks; and static TLS
	 * slots for data symbols the guest reaches by TLS relocations. */
	void **tramp;
	int64_t *shim_tls_offset;
	size_t *shim_tls_index;

	int has_ifunc;		/* relocations wait for the IFUNC pass */
	int fini_due;		/* rtld_fini_objects: this one goes now */
	int init_done;

	/* Loading at run time (rtld_dl.c).  Objects loaded at start are
	 * pinned; a dlopen'ed one lives while a DAG holds it. */
	int relocated;
	int pinned;		/* never unloaded: loaded at start, or NODELETE */
	int dlopened;		/* loaded by dlopen, not at start */
	int dl_local;		/* from dlopen(RTLD_LOCAL): only its DAGs see it */
	int fini_done;
	unsigned refcount;	/* dlopen DAGs it is a member of */
	unsigned dl_refcount;	/* dlopen handles on it */
	struct rtld_obj **dag;	/* as a dlopen root: itself and all it needs */
	size_t ndag;
	struct rtld_obj **dldags;	/* roots of the DAGs it is a member of */
	size_t ndldags;
	uint64_t eh_frame_hdr;	/* PT_GNU_EH_FRAME, biased; 0: none */
	int nodelete;		/* DF_1_NODELETE */
	int static_tls;		/* DF_STATIC_TLS: initial-exec TLS, needs a fixed offset */
	struct fbsd_link_map linkmap;	/* dlinfo(RTLD_DI_LINKMAP) */
};

/* Where a reference resolved to. */
struct rtld_def {
	struct rtld_obj *obj;		/* NULL: weak undefined, value 0 */
	const Elf64_Sym *sym;		/* file objects */
	const struct ux_shim_sym *shim;	/* libshim objects */
	uint64_t addr;			/* the value to store (not for TLS) */
};

extern struct rtld_obj *rtld_objs;	/* the load list */
extern struct rtld_obj *rtld_main;
extern struct rtld_obj rtld_builtin;
/* The native process around a foreign object dlopen'ed through the
 * LD_PRELOAD shim; its lookup (glibc's dlsym(RTLD_DEFAULT)) is set only
 * then (rtld_hosted.c), and answers unversioned references that nothing
 * foreign defines, as glibc would bind them for a native library. */
extern struct rtld_obj rtld_host;
extern void *(*rtld_host_lookup)(const char *name);

/* rtld_sym.c */
uint32_t rtld_elf_hash(const char *name);
/* Resolves symbol symnum of ref: 0 and *def, or -1 when nothing defines
 * it and the reference is not weak.  in_plt: a JUMP_SLOT (an undefined
 * function symbol of the executable with a value, its canonical PLT entry,
 * does not count as a definition then). */
int rtld_resolve(struct rtld_obj *ref, unsigned long symnum, int in_plt, struct rtld_def *def);
/* The version ref requires for symbol symnum, or NULL. */
const struct rtld_ver *rtld_sym_version(const struct rtld_obj *ref, unsigned long symnum);
/* name in obj alone; ver NULL for any.  flags: RTLD_LK_*; 1 is in_plt
 * as above. */
#define RTLD_LK_IN_PLT	1
#define RTLD_LK_DLSYM	2	/* dlsym's rules: a version is asked for exactly */
int rtld_lookup_in(struct rtld_obj *obj, const char *name, const struct rtld_ver *ver, int flags,
    struct rtld_def *def);
/* name as a reference from ref sees it (FreeBSD's symlook_default): the
 * global objects in load order, then the dlopen DAGs ref belongs to,
 * then the runtime linker's own exports, which also win over libshim's
 * stand-ins (libc's dlopen ...).  0 and *def, or -1. */
int rtld_lookup_default(struct rtld_obj *ref, const char *name, const struct rtld_ver *ver, int flags,
    struct rtld_def *def);
/* The first definition of name in list[0..n) (a DAG), strong before weak. */
int rtld_lookup_list(struct rtld_obj **list, size_t n, const char *name, const struct rtld_ver *ver,
    int flags, struct rtld_def *def);
/* The value a definition gives a relocation (IFUNC resolved, libshim
 * functions through their trampoline). */
uint64_t rtld_def_value(struct rtld_def *def);
int rtld_def_is_ifunc(const struct rtld_def *def);
/* Calls an IRELATIVE resolver (guest code) with FreeBSD's arguments. */
uint64_t rtld_irelative(uint64_t resolver);

/* rtld_reloc.c */
/* Applies every relocation of every object (check_only: resolves them,
 * records what is unbound, writes nothing). */
int rtld_relocate_all(int check_only, struct ux_err *err);
/* Unbound symbols found so far (for --ldd). */
struct rtld_unbound {
	const char *name, *version, *file;	/* file: where the version comes from */
	const struct rtld_obj *ref;
	int is_func;
	void *stub;		/* what calls to it reach */
};
extern struct rtld_unbound *rtld_unbound;
extern size_t rtld_nunbound;

/* rtld_tls.c */
int rtld_tls_layout(struct ux_err *err);
/* The place below the thread pointer of a libshim data symbol the guest
 * reaches through TLS relocations (allocated on first use), or 0. */
int64_t rtld_tls_shim_slot(struct rtld_obj *obj, size_t symidx, struct ux_err *err);
void *rtld_tls_get_addr(void *ti);

/* rtld_tramp.c */
void *rtld_shim_tramp(struct rtld_obj *obj, const struct ux_shim_sym *s);
void *rtld_unbound_stub(const char *name, const char *version, const struct rtld_obj *ref);
/* Calls a guest function with the selector set. */
void rtld_call_guest(uint64_t fn, uint64_t a0, uint64_t a1, uint64_t a2);
uint64_t rtld_call_guest_ret(uint64_t fn, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3);

/* rtld_load.c */
int rtld_load_all(struct ux_image *im, const char *execpath, int keep_going, struct ux_err *err);
/* The DT_NEEDED objects of first and of everything after it in the load
 * list, breadth-first. */
int rtld_load_needed(struct rtld_obj *first, int keep_going, struct ux_err *err);
/* One object by name or path, as ref would find it: 1 and *out (loaded
 * now or before), 0 not found, -1 error.  noload: only one already there. */
int rtld_load_object(const char *name, struct rtld_obj *ref, int noload, struct rtld_obj **out,
    struct ux_err *err);
/* Takes o off the load list, unmaps it and frees it. */
void rtld_unload_object(struct rtld_obj *o);
/* The executable code ranges of o, added to what the trap and fault
 * handlers take for guest code. */
int rtld_obj_code_ranges(const struct rtld_obj *o, struct ux_range *r, int max);

/* rtld_init.c */
/* Runs the initialisers of root and of what it needs that have not run,
 * dependencies first. */
void rtld_init_objects(struct rtld_obj *root);
/* Runs the finalisers of the objects marked fini_due, in the reverse of
 * the order they were initialised, and forgets them. */
void rtld_fini_objects(void);

/* rtld_dltls.c: TLS of modules loaded by dlopen, allocated per thread on
 * first use. */
int rtld_dltls_add(struct rtld_obj *o, struct ux_err *err);
void rtld_dltls_remove(struct rtld_obj *o);
void *rtld_dltls_get_addr(size_t module, uint64_t offset);
/* rtld_tls.c: a module id for a TLS block at tp - off (0: dynamic). */
size_t rtld_tls_new_module(int64_t off);
/* Places o's TLS block in the static area's room left after start. */
int rtld_tls_place_static(struct rtld_obj *o, struct ux_err *err);

/* rtld_dlunwind.c: what the host's unwinder finds for guest code. */
void rtld_unwind_update(void);
/* _dl_find_object's answer for a foreign object's address; -1 for any
 * other (the caller asks glibc: in a native process, libuxrun.so's own
 * _dl_find_object would find the preload shim's, which asks this). */
struct dl_find_object;
int rtld_find_object(void *pc, struct dl_find_object *res);

/* rtld_dl.c: the runtime linker's exports (FreeBSD's ld-elf.so.1). */
struct fbsd_dl_info;
struct fbsd_dl_phdr_info;
void *rtld_dlopen(const char *name, int mode);
void *rtld_fdlopen(int fd, int mode);
int rtld_dlclose(void *handle);
char *rtld_dlerror(void);
void *rtld_dlsym(void *handle, const char *name);
void *rtld_dlvsym(void *handle, const char *name, const char *version);
int rtld_dladdr(const void *addr, struct fbsd_dl_info *info);
int rtld_dlinfo(void *handle, int request, void *p);
int rtld_dl_iterate_phdr(int (*cb)(struct fbsd_dl_phdr_info *, size_t, void *), void *arg);
void rtld_dllockinit(void *ctx, void *a, void *b, void *c, void *d, void *e, void (*ctx_destroy)(void *));
void rtld_error_export(const char *fmt, ...);
int rtld_addr_phdr(const void *addr, struct fbsd_dl_phdr_info *info);
int rtld_get_stack_prot(void);
int rtld_is_dlopened(void *handle);
/* For the LD_PRELOAD shim (rtld_hosted.c), which must tell a foreign
 * handle or address from the host's: a handle dlopen gave out and still
 * holds; an address inside a mapped object. */
int rtld_dl_is_handle(void *handle);
int rtld_dl_in_file(const void *addr);
void rtld_nop(void);
/* How many entries o's dynamic symbol table has (FreeBSD's dynsymcount). */
size_t rtld_dynsym_count(const struct rtld_obj *o);

#endif
