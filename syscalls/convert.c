#include "config.h"

#include <stddef.h>

#include "syscalls/convert.h"
#include "syscalls/log.h"

/* One latch per distinct table is enough: reports say which table. */
#define MAX_LATCHES 64
static const struct ux_symtab *latch_tab[MAX_LATCHES];
static uint8_t latch[MAX_LATCHES];

static uint8_t *
latch_for(const struct ux_symtab *t)
{
	for (int i = 0; i < MAX_LATCHES; i++) {
		const struct ux_symtab *cur = __atomic_load_n(&latch_tab[i], __ATOMIC_ACQUIRE);
		if (cur == t)
			return &latch[i];
		if (cur == NULL) {
			const struct ux_symtab *expect = NULL;
			if (__atomic_compare_exchange_n(&latch_tab[i], &expect, t, 0,
			    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE) || expect == t)
				return &latch[i];
		}
	}
	return &latch[MAX_LATCHES - 1];
}

uint64_t
ux_flags_to_host(const struct ux_symtab *t, uint64_t guest, const char *what)
{
	uint64_t host = 0;

	if (t->enum_part) {
		uint64_t v;
		if (ux_enum_to_host(t->enum_part, guest & t->enum_mask, &v) == 0)
			host |= v;
		guest &= ~t->enum_mask;
	}
	for (unsigned i = 0; i < t->n && guest; i++) {
		const struct ux_sym *s = &t->syms[i];
		if (s->guest && (guest & s->guest) == s->guest) {
			host |= s->host;
			guest &= ~s->guest;
		}
	}
	if (guest)
		ux_report_once(latch_for(t), "untranslated %s bits %#lx dropped",
		    what ? what : "flag", (unsigned long)guest);
	return host;
}

uint64_t
ux_flags_to_guest(const struct ux_symtab *t, uint64_t host)
{
	uint64_t guest = 0;

	if (t->enum_part) {
		for (unsigned i = 0; i < t->enum_part->n; i++)
			if (t->enum_part->syms[i].host == (host & t->enum_mask)) {
				/* enum_mask is in guest terms; the access-mode
				 * field has the same position on every host/guest
				 * pair we support */
				guest |= t->enum_part->syms[i].guest;
				break;
			}
		host &= ~t->enum_mask;
	}
	for (unsigned i = 0; i < t->n && host; i++) {
		const struct ux_sym *s = &t->syms[i];
		if (s->host && (host & s->host) == s->host) {
			guest |= s->guest;
			host &= ~s->host;
		}
	}
	return guest;
}

int
ux_enum_to_host(const struct ux_symtab *t, uint64_t guest, uint64_t *out)
{
	for (unsigned i = 0; i < t->n; i++)
		if (t->syms[i].guest == guest) {
			*out = t->syms[i].host;
			return 0;
		}
	return -1;
}

int
ux_enum_to_guest(const struct ux_symtab *t, uint64_t host, uint64_t *out)
{
	/* host -1 marks a guest value with no host twin: never a match. */
	if (host == (uint64_t)-1)
		return -1;
	for (unsigned i = 0; i < t->n; i++)
		if (t->syms[i].host == host) {
			*out = t->syms[i].guest;
			return 0;
		}
	return -1;
}

const char *
ux_sym_name(const struct ux_symtab *t, uint64_t guest)
{
	for (unsigned i = 0; i < t->n; i++)
		if (t->syms[i].guest == guest)
			return t->syms[i].name;
	return NULL;
}
