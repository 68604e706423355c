/*
 * A line-based reader for Go's generated x/sys/unix files.  Constants:
 * `NAME = 0x200`, `NAME = -0x64`, `NAME = syscall.Errno(0x23)`,
 * `NAME = syscall.Signal(0x2)` inside `const ( ... )` blocks or on a
 * `const NAME = ...` line; anything else (expressions, strings) is skipped.
 * Types: `type NAME struct { ... }` with basic, pointer, array and named
 * field types, and `type NAME BASIC` aliases, also inside `type ( ... )`.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/gofile.h"
#include "tests/unit/unit.h"

struct go_const_ent {
	char *name;
	int64_t v;
};

struct go_consts {
	struct go_const_ent *e;
	size_t n, cap;
};

static const char *
skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Copies the identifier at p into out; returns the end, or NULL. */
static const char *
ident(const char *p, char *out, size_t len)
{
	size_t n = 0;

	if (!(isalpha((unsigned char)*p) || *p == '_'))
		return NULL;
	while (isalnum((unsigned char)p[n]) || p[n] == '_')
		n++;
	if (n >= len)
		return NULL;
	memcpy(out, p, n);
	out[n] = '\0';
	return p + n;
}

/* Parses one constant's value expression; 1 on success. */
static int
parse_value(const char *p, int64_t *v)
{
	static const char *const wrappers[] = { "syscall.Errno(", "syscall.Signal(", "Errno(", "Signal(" };
	int wrapped = 0, neg = 0;
	char *end;

	for (size_t i = 0; i < sizeof(wrappers) / sizeof(wrappers[0]); i++)
		if (strncmp(p, wrappers[i], strlen(wrappers[i])) == 0) {
			p += strlen(wrappers[i]);
			wrapped = 1;
			break;
		}
	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (!isdigit((unsigned char)*p))
		return 0;
	unsigned long long u = strtoull(p, &end, 0);
	if (end == p)
		return 0;
	p = end;
	if (wrapped) {
		if (*p != ')')
			return 0;
		p++;
	}
	p = skip_ws(p);
	if (*p && *p != '\n' && strncmp(p, "//", 2) != 0)
		return 0;	/* an expression, not a literal */
	*v = neg ? -(int64_t)u : (int64_t)u;
	return 1;
}

static int
add_const(struct go_consts *s, const char *name, int64_t v)
{
	int64_t old;

	if (go_const(s, name, &old))
		return 0;	/* first definition wins */
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		struct go_const_ent *e = realloc(s->e, cap * sizeof(*e));
		if (!e)
			return -1;
		s->e = e;
		s->cap = cap;
	}
	s->e[s->n].name = strdup(name);
	if (!s->e[s->n].name)
		return -1;
	s->e[s->n++].v = v;
	return 0;
}

int
go_consts_load(struct go_consts **setp, const char *path)
{
	char *text = unit_slurp(path, NULL);
	int in_const = 0, rc = 0;

	if (!text)
		return -1;
	if (!*setp) {
		*setp = calloc(1, sizeof(**setp));
		if (!*setp) {
			free(text);
			return -1;
		}
	}
	for (char *line = text, *next; line && *line; line = next) {
		char name[128];
		int64_t v;
		const char *p;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (strncmp(line, "const (", 7) == 0) {
			in_const = 1;
			continue;
		}
		if (in_const && line[0] == ')') {
			in_const = 0;
			continue;
		}
		if (strncmp(line, "const ", 6) == 0 && line[6] != '(')
			p = line + 6;
		else if (in_const)
			p = skip_ws(line);
		else
			continue;
		p = ident(p, name, sizeof(name));
		if (!p)
			continue;
		p = skip_ws(p);
		if (*p != '=')
			continue;
		if (parse_value(skip_ws(p + 1), &v) && add_const(*setp, name, v) != 0)
			rc = -1;
	}
	free(text);
	return rc;
}

int
go_const(const struct go_consts *s, const char *name, int64_t *v)
{
	if (!s)
		return 0;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->e[i].name, name) == 0) {
			*v = s->e[i].v;
			return 1;
		}
	return 0;
}

size_t
go_consts_count(const struct go_consts *s)
{
	return s ? s->n : 0;
}

const char *
go_const_at(const struct go_consts *s, size_t i, int64_t *v)
{
	if (!s || i >= s->n)
		return NULL;
	*v = s->e[i].v;
	return s->e[i].name;
}

void
go_consts_free(struct go_consts *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->e[i].name);
	free(s->e);
	free(s);
}

/* --- types ------------------------------------------------------------- */

static const struct {
	const char *name;
	unsigned size;
} basic[] = {
	{ "int8", 1 }, { "uint8", 1 }, { "byte", 1 }, { "bool", 1 },
	{ "int16", 2 }, { "uint16", 2 },
	{ "int32", 4 }, { "uint32", 4 }, { "rune", 4 }, { "float32", 4 },
	{ "int64", 8 }, { "uint64", 8 }, { "int", 8 }, { "uint", 8 }, { "uintptr", 8 },
	{ "float64", 8 }, { "unsafe.Pointer", 8 },
};

/* Finds the line "type NAME struct {"; returns the line after it. */
static const char *
find_struct(const char *src, const char *name)
{
	char pat[160];
	size_t plen = (size_t)snprintf(pat, sizeof(pat), "type %s struct {", name);

	for (const char *p = src; (p = strstr(p, pat)) != NULL; p += plen)
		if ((p == src || p[-1] == '\n') && (p[plen] == '\n' || p[plen] == '\0'))
			return p[plen] ? p + plen + 1 : p + plen;
	return NULL;
}

/* `type NAME T` or, inside a `type (` block, `NAME T`: copies T. */
static int
find_alias(const char *src, const char *name, char *out, size_t len)
{
	int in_type = 0;

	for (const char *line = src; *line; ) {
		const char *eol = strchr(line, '\n');
		size_t n = eol ? (size_t)(eol - line) : strlen(line);
		char buf[256], id[128];
		const char *p;

		if (n >= sizeof(buf))
			n = sizeof(buf) - 1;
		memcpy(buf, line, n);
		buf[n] = '\0';
		line = eol ? eol + 1 : line + strlen(line);

		if (strcmp(buf, "type (") == 0) {
			in_type = 1;
			continue;
		}
		if (in_type && buf[0] == ')') {
			in_type = 0;
			continue;
		}
		if (strncmp(buf, "type ", 5) == 0)
			p = buf + 5;
		else if (in_type)
			p = skip_ws(buf);
		else
			continue;
		p = ident(p, id, sizeof(id));
		if (!p || strcmp(id, name) != 0 || (*p != ' ' && *p != '\t'))
			continue;
		p = skip_ws(p);
		if (*p == '=')
			p = skip_ws(p + 1);
		size_t k = strcspn(p, " \t/{");
		if (k == 0 || k >= len || p[k] == '{')
			return -1;
		memcpy(out, p, k);
		out[k] = '\0';
		return 0;
	}
	return -1;
}

static int struct_layout(const char *src, const char *name, struct go_struct *out, int depth);

static int
type_size(const char *src, const char *t, uint64_t *size, uint64_t *align, int depth)
{
	if (depth > 16)
		return -1;
	if (t[0] == '*') {
		*size = *align = 8;
		return 0;
	}
	if (t[0] == '[') {
		char *end;
		unsigned long long n = strtoull(t + 1, &end, 0);
		if (end == t + 1 || *end != ']')
			return -1;
		if (type_size(src, end + 1, size, align, depth + 1) != 0)
			return -1;
		*size *= n;
		return 0;
	}
	for (size_t i = 0; i < sizeof(basic) / sizeof(basic[0]); i++)
		if (strcmp(t, basic[i].name) == 0) {
			*size = *align = basic[i].size;
			return 0;
		}
	if (find_struct(src, t)) {
		struct go_struct *s = malloc(sizeof(*s));
		int rc;
		if (!s)
			return -1;
		rc = struct_layout(src, t, s, depth + 1);
		*size = s->size;
		*align = s->align;
		free(s);
		return rc;
	}
	char alias[64];
	if (find_alias(src, t, alias, sizeof(alias)) == 0 && strcmp(alias, t) != 0)
		return type_size(src, alias, size, align, depth + 1);
	return -1;
}

static int
struct_layout(const char *src, const char *name, struct go_struct *out, int depth)
{
	const char *line = find_struct(src, name);
	uint64_t off = 0;

	memset(out, 0, sizeof(*out));
	snprintf(out->name, sizeof(out->name), "%s", name);
	out->align = 1;
	if (!line)
		return -1;
	while (*line) {
		const char *eol = strchr(line, '\n');
		size_t n = eol ? (size_t)(eol - line) : strlen(line);
		char buf[256];
		const char *p;
		struct go_field *f;
		uint64_t sz, al;

		if (n >= sizeof(buf))
			return -1;
		memcpy(buf, line, n);
		buf[n] = '\0';
		line = eol ? eol + 1 : line + n;
		p = skip_ws(buf);
		if (*p == '}')
			break;
		if (*p == '\0' || strncmp(p, "//", 2) == 0)
			continue;
		if (out->nf == GO_MAX_FIELDS)
			return -1;
		f = &out->f[out->nf];
		p = ident(p, f->name, sizeof(f->name));
		if (!p || (*p != ' ' && *p != '\t'))
			return -1;	/* embedded fields, lists: not in generated code */
		p = skip_ws(p);
		size_t k = strcspn(p, " \t");
		if (k == 0 || k >= sizeof(f->type))
			return -1;
		memcpy(f->type, p, k);
		f->type[k] = '\0';
		if (type_size(src, f->type, &sz, &al, depth) != 0)
			return -1;
		off = (off + al - 1) & ~(al - 1);
		f->off = off;
		f->size = sz;
		off += sz;
		if (al > out->align)
			out->align = al;
		out->nf++;
	}
	out->size = (off + out->align - 1) & ~(out->align - 1);
	return 0;
}

int
go_struct_layout(const char *src, const char *name, struct go_struct *out)
{
	return struct_layout(src, name, out, 0);
}

int
go_type_size(const char *src, const char *type, uint64_t *size, uint64_t *align)
{
	return type_size(src, type, size, align, 0);
}

const struct go_field *
go_field(const struct go_struct *s, const char *name)
{
	for (int i = 0; i < s->nf; i++)
		if (strcmp(s->f[i].name, name) == 0)
			return &s->f[i];
	return NULL;
}
