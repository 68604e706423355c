/*
 * Just enough of a Go reader for golang.org/x/sys/unix's generated files
 * (zerrors_*, ztypes_*, zsysnum_*): integer constants and struct layouts.
 */
#ifndef UX_TEST_GOFILE_H
#define UX_TEST_GOFILE_H

#include <stddef.h>
#include <stdint.h>

struct go_consts;

/* Adds every integer constant of the Go file at path; 0, or -1 if unreadable. */
int go_consts_load(struct go_consts **set, const char *path);
/* 1 and *v when the name is defined, else 0. */
int go_const(const struct go_consts *set, const char *name, int64_t *v);
size_t go_consts_count(const struct go_consts *set);
/* The i-th constant (in file order), for scans by prefix. */
const char *go_const_at(const struct go_consts *set, size_t i, int64_t *v);
void go_consts_free(struct go_consts *set);

#define GO_MAX_FIELDS 160

struct go_field {
	char name[64];
	char type[64];
	uint64_t off, size;
};

struct go_struct {
	char name[64];
	uint64_t size, align;
	int nf;
	struct go_field f[GO_MAX_FIELDS];
};

/*
 * Lays out `type NAME struct` from Go source text the way the Go compiler
 * does on amd64 (natural alignment).  0, or -1 when NAME is missing or uses
 * a type this reader does not know.
 */
int go_struct_layout(const char *src, const char *name, struct go_struct *out);
/* Size and alignment of any Go type expression in src's terms; 0 or -1. */
int go_type_size(const char *src, const char *type, uint64_t *size, uint64_t *align);
/* The go_field named name, or NULL. */
const struct go_field *go_field(const struct go_struct *s, const char *name);

#endif
