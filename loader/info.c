/* uxrun --info: what uxrun sees in a program, without running it. */
#include "config.h"

#include <stdio.h>

#include "loader/image.h"

static const char *
ptype(uint32_t t)
{
	switch (t) {
	case PT_LOAD: return "LOAD";
	case PT_DYNAMIC: return "DYNAMIC";
	case PT_INTERP: return "INTERP";
	case PT_NOTE: return "NOTE";
	case PT_PHDR: return "PHDR";
	case PT_TLS: return "TLS";
	case PT_GNU_EH_FRAME: return "GNU_EH_FRAME";
	case PT_GNU_STACK: return "GNU_STACK";
	case PT_GNU_RELRO: return "GNU_RELRO";
	default: return NULL;
	}
}

void
ux_image_print_info(const struct ux_image *im, FILE *out)
{
	const char *type;
	int has_dynamic = 0;

	for (size_t i = 0; i < im->phnum; i++)
		if (im->ph[i].p_type == PT_DYNAMIC)
			has_dynamic = 1;
	if (im->eh.e_type == ET_EXEC)
		type = im->interp ? "dynamically linked executable (ET_EXEC)" : "static executable (ET_EXEC)";
	else if (im->interp)
		type = "dynamically linked position-independent executable (ET_DYN)";
	else
		type = has_dynamic ? "static position-independent executable (ET_DYN, static-pie)" :
		    "position-independent executable without dynamic section (ET_DYN)";

	fprintf(out, "file:        %s\n", im->path);
	fprintf(out, "os:          %s", ux_os_name(im->os));
	if (im->os == UX_OS_FREEBSD && im->os_version)
		fprintf(out, " %u.%u (__FreeBSD_version %u)", im->os_version / 100000,
		    im->os_version / 1000 % 100, im->os_version);
	else if (im->os_version)
		fprintf(out, " (version %u)", im->os_version);
	if (im->os == UX_OS_OTHER && im->osabi_name)
		fprintf(out, " (EI_OSABI %s)", im->osabi_name);
	fprintf(out, "%s%s%s\n", im->os_how ? " [from " : "", im->os_how ? im->os_how : "", im->os_how ? "]" : "");
	fprintf(out, "type:        %s\n", type);
	fprintf(out, "machine:     x86-64\n");
	fprintf(out, "entry:       %#lx\n", (unsigned long)im->eh.e_entry);
	fprintf(out, "interpreter: %s\n", im->interp ? im->interp : "none");
	fprintf(out, "segments:\n");
	fprintf(out, "  %-12s %-8s %-18s %-10s %-10s %-10s %s\n", "type", "flags", "vaddr", "memsz",
	    "offset", "filesz", "align");
	for (size_t i = 0; i < im->phnum; i++) {
		const GElf_Phdr *p = &im->ph[i];
		const char *t = ptype(p->p_type);
		char tb[16], fl[4] = {
			(p->p_flags & PF_R) ? 'r' : '-', (p->p_flags & PF_W) ? 'w' : '-',
			(p->p_flags & PF_X) ? 'x' : '-', 0 };
		if (!t) {
			snprintf(tb, sizeof(tb), "%#x", p->p_type);
			t = tb;
		}
		fprintf(out, "  %-12s %-8s %#-18lx %#-10lx %#-10lx %#-10lx %#lx\n", t, fl,
		    (unsigned long)p->p_vaddr, (unsigned long)p->p_memsz, (unsigned long)p->p_offset,
		    (unsigned long)p->p_filesz, (unsigned long)p->p_align);
	}
}
