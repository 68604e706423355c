/*
 * --trace: one strace-style line per translated call, decoded with the
 * argument formats from the personality's syscall table.  Guest memory is
 * read with process_vm_readv so a bad guest pointer prints as such instead
 * of faulting uxrun; this path only runs when tracing.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "syscalls/trace.h"
#include "syscalls/dispatch.h"
#include "syscalls/hostcall.h"
#include "syscalls/log.h"

#define STR_MAX 64

static long
peek(void *dst, uint64_t src, size_t n)
{
	struct iovec local = { dst, n }, remote = { (void *)src, n };

	return ux_sys(SYS_process_vm_readv, ux_sys(SYS_getpid), &local, 1, &remote, 1, 0);
}

/* Prints a guest byte string in C escape form, at most STR_MAX bytes. */
static int
fmt_bytes(char *b, int len, uint64_t addr, long n, int stop_at_nul)
{
	unsigned char tmp[STR_MAX + 1];
	long want = n < 0 || n > STR_MAX ? STR_MAX + 1 : n;
	long got = 0;
	int o = 0;

	if (addr == 0)
		return snprintf(b, (size_t)len, "NULL");
	/* Read page-safely: a short string may end just before an unmapped page. */
	while (got < want) {
		long chunk = (long)(4096 - ((addr + (uint64_t)got) & 4095));
		if (chunk > want - got)
			chunk = want - got;
		if (peek(tmp + got, addr + (uint64_t)got, (size_t)chunk) != chunk)
			break;
		got += chunk;
		if (stop_at_nul && memchr(tmp + got - chunk, 0, (size_t)chunk))
			break;
	}
	if (got == 0)
		return snprintf(b, (size_t)len, "%#lx", (unsigned long)addr);
	o += snprintf(b + o, (size_t)(len - o), "\"");
	long i;
	for (i = 0; i < got && i < STR_MAX && o < len - 8; i++) {
		unsigned char ch = tmp[i];
		if (stop_at_nul && ch == 0)
			break;
		if (ch == '"' || ch == '\\')
			o += snprintf(b + o, (size_t)(len - o), "\\%c", ch);
		else if (ch == '\n')
			o += snprintf(b + o, (size_t)(len - o), "\\n");
		else if (ch == '\t')
			o += snprintf(b + o, (size_t)(len - o), "\\t");
		else if (ch < 32 || ch >= 127)
			o += snprintf(b + o, (size_t)(len - o), "\\x%02x", ch);
		else
			b[o++] = (char)ch;
	}
	int more = stop_at_nul ? (i == STR_MAX && got > STR_MAX) : (n > STR_MAX);
	o += snprintf(b + o, (size_t)(len - o), "\"%s", more ? "..." : "");
	return o;
}

int
ux_format_sym(char *b, int len, const struct ux_personality *p, int fmt, uint64_t v)
{
	const struct ux_symtab *t = p->symtab[fmt];
	int o = 0;

	if (!t)
		return snprintf(b, (size_t)len, "%#lx", (unsigned long)v);
	if (!t->is_flags) {
		for (unsigned i = 0; i < t->n; i++)
			if (t->syms[i].guest == v)
				return snprintf(b, (size_t)len, "%s", t->syms[i].name);
		return snprintf(b, (size_t)len, "%ld", (long)v);
	}
	if (t->enum_part) {
		uint64_t field = v & t->enum_mask;
		const struct ux_symtab *e = t->enum_part;
		const char *name = NULL;
		for (unsigned i = 0; i < e->n; i++)
			if (e->syms[i].guest == field)
				name = e->syms[i].name;
		o += name ? snprintf(b, (size_t)len, "%s", name)
			  : snprintf(b, (size_t)len, "%#lx", (unsigned long)field);
		v &= ~t->enum_mask;
	}
	for (unsigned i = 0; i < t->n && v; i++) {
		uint64_t bit = t->syms[i].guest;
		if (bit && (v & bit) == bit) {
			o += snprintf(b + o, (size_t)(len - o), "%s%s", o ? "|" : "", t->syms[i].name);
			v &= ~bit;
		}
		if (o >= len)
			return len - 1;
	}
	if (v || o == 0)
		o += snprintf(b + o, (size_t)(len - o), "%s%#lx", o ? "|" : "", (unsigned long)v);
	return o < len ? o : len - 1;
}

static int
fmt_arg(char *b, int len, const struct ux_personality *p, const struct uxcall *c,
    const struct ux_sysent *e, int i, long r)
{
	uint64_t v = c->a[i];
	int f = e->argfmt[i];

	switch (f) {
	case UXA_INT:
	case UXA_FD:
		return snprintf(b, (size_t)len, "%d", (int)v);
	case UXA_DIRFD:
		if ((int)v == (int)p->at_fdcwd)
			return snprintf(b, (size_t)len, "AT_FDCWD");
		return snprintf(b, (size_t)len, "%d", (int)v);
	case UXA_UINT:
		return snprintf(b, (size_t)len, "%u", (unsigned)v);
	case UXA_LONG:
		return snprintf(b, (size_t)len, "%ld", (long)v);
	case UXA_SIZE:
		return snprintf(b, (size_t)len, "%lu", (unsigned long)v);
	case UXA_OCT:
		return snprintf(b, (size_t)len, "0%lo", (unsigned long)v);
	case UXA_PATH:
		return fmt_bytes(b, len, v, -1, 1);
	case UXA_WBUF:
		return fmt_bytes(b, len, v, i + 1 < UX_MAXARGS ? (long)c->a[i + 1] : 0, 0);
	case UXA_RBUF:
		if (ux_is_err(r))
			return snprintf(b, (size_t)len, "%#lx", (unsigned long)v);
		return fmt_bytes(b, len, v, r, 0);
	case UXA_PTR:
	case UXA_HEX:
		if (v == 0)
			return snprintf(b, (size_t)len, f == UXA_PTR ? "NULL" : "0");
		return snprintf(b, (size_t)len, "%#lx", (unsigned long)v);
	default:
		if (f < UXA_COUNT && p->symtab[f])
			return ux_format_sym(b, len, p, f, f == UXA_SIGNO || f == UXA_WHENCE ||
			    f == UXA_FCNTL || f == UXA_SIGHOW || f == UXA_CLOCK || f == UXA_RLIMIT ?
			    (uint64_t)(int)v : v);
		return snprintf(b, (size_t)len, "%#lx", (unsigned long)v);
	}
}

static int
line_head(char *b, int len, const struct ux_personality *p, const struct uxcall *c,
    const struct ux_sysent *e, long r)
{
	int o = snprintf(b, (size_t)len, "[uxrun %ld] ", ux_sys(SYS_gettid));

	if (!e)
		return o + snprintf(b + o, (size_t)(len - o), "syscall_%lu(...)", (unsigned long)c->nr);
	o += snprintf(b + o, (size_t)(len - o), "%s(", e->name);
	for (int i = 0; i < e->nargs && o < len - 16; i++) {
		if (i)
			o += snprintf(b + o, (size_t)(len - o), ", ");
		o += fmt_arg(b + o, len - o, p, c, e, i, r);
	}
	if (o > len - 16)
		o = len - 16;
	return o + snprintf(b + o, (size_t)(len - o), ")");
}

void
ux_trace_call(const struct ux_personality *p, const struct uxcall *c,
    const struct ux_sysent *e, long r)
{
	char b[1024];
	int o = line_head(b, (int)sizeof(b) - 96, p, c, e, r);

	if (ux_is_err(r)) {
		int ge = ux_errno_to_guest(p, r);
		const char *name = (unsigned)ge < p->nerrno_guest ? p->errno_name[ge] : NULL;
		o += snprintf(b + o, sizeof(b) - (size_t)o, " = -1 %s (%d)%s", name ? name : "E?", ge,
		    e && e->status == UX_UNIMPL ? " [unimplemented]" : "");
	} else if (e && (e->argfmt[0] == UXA_PTR || !strcmp(e->name, "mmap"))) {
		o += snprintf(b + o, sizeof(b) - (size_t)o, " = %#lx", (unsigned long)r);
	} else {
		o += snprintf(b + o, sizeof(b) - (size_t)o, " = %ld", r);
	}
	if (c->rv2_set && !ux_is_err(r))
		o += snprintf(b + o, sizeof(b) - (size_t)o, " (rdx=%ld)", (long)c->rv[1]);
	/* A partial call's note, once: its report latch is otherwise unused. */
	if (e && e->status == UX_PARTIAL) {
		if (e->note && !__atomic_exchange_n(&p->reported[c->nr], 1, __ATOMIC_RELAXED))
			o += snprintf(b + o, sizeof(b) - (size_t)o, " [partial: %s]", e->note);
		else
			o += snprintf(b + o, sizeof(b) - (size_t)o, " [partial]");
	}
	b[o++] = '\n';
	ux_log_write(b, (unsigned long)o);
}

void
ux_trace_noreturn(const struct ux_personality *p, const struct uxcall *c)
{
	char b[512];
	const struct ux_sysent *e = c->nr < p->nsysent ? &p->sysent[c->nr] : NULL;
	int o;

	if (!ux_trace_on)
		return;
	o = line_head(b, (int)sizeof(b) - 16, p, c, e && e->name ? e : NULL, 0);
	o += snprintf(b + o, sizeof(b) - (size_t)o, " = ?\n");
	ux_log_write(b, (unsigned long)o);
}
