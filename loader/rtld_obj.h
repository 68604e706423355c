/*
 * The runtime linker's own view of a loaded object (loader/rtld*.c only).
 * Three kinds share it: objects mapped from disk (the executable and
 * foreign libraries), libshim's virtual objects (a table, no memory of
 * their own) and the runtime linker's builtin exports (__tls_get_addr).
 */
#ifndef UX_RTLD_OBJ_H
#define UX_RTLD_OBJ_H

#include <elf.h>
#include <stddef.h>
#include <stdint.h>

#include "libshim/shim.h"
#include "loader/image.h"

enum rtld_kind { RTLD_FILE, RTLD_SHIM, RTLD_BUILTIN };

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
	int init_done;
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

/* rtld_sym.c */
uint32_t rtld_elf_hash(const char *name);
/* Resolves symbol symnum of ref: 0 and *def, or -1 when nothing defines
 * it and the reference is not weak.  in_plt: a JUMP_SLOT (an undefined
 * function symbol of the executable with a value, its canonical PLT entry,
 * does not count as a definition then). */
int rtld_resolve(struct rtld_obj *ref, unsigned long symnum, int in_plt, struct rtld_def *def);
/* The version ref requires for symbol symnum, or NULL. */
const struct rtld_ver *rtld_sym_version(const struct rtld_obj *ref, unsigned long symnum);
/* name in obj alone; ver NULL for any. */
int rtld_lookup_in(struct rtld_obj *obj, const char *name, const struct rtld_ver *ver, int in_plt,
    struct rtld_def *def);
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
__attribute__((noreturn)) void rtld_enter(uint64_t entry, uint64_t rsp, uint64_t rdi, uint8_t *sel,
    uint64_t cleanup);

/* rtld_load.c */
int rtld_load_all(struct ux_image *im, const char *execpath, int keep_going, struct ux_err *err);

#endif
