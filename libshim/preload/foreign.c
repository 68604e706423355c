/*
 * Telling foreign programs from native ones before they are exec'd: the
 * ELF reader follows loader/osdetect.c (ABI notes first, then EI_OSABI,
 * then the interpreter's path) and the "#!" parser follows Linux's
 * binfmt_script, since it is the host kernel that would have run the
 * script.  Only async-signal-safe calls, into fixed buffers: see foreign.h.
 */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "libshim/preload/foreign.h"

#define NOTE_MAX	(64 * 1024)	/* as loader/osdetect.c */
#define PHNUM_MAX	512		/* as loader/image.c */
#define NOTES_MAX	256
#define INTERP_MAX	256

static const struct {
	const char *interp;
	enum uxs_os os;
} interps[] = {
	{ "/libexec/ld-elf.so.1", UXS_OS_FREEBSD },
	{ "/usr/libexec/ld.elf_so", UXS_OS_NETBSD },
	{ "/usr/libexec/ld.so", UXS_OS_OPENBSD },
	{ "/usr/lib/amd64/ld.so.1", UXS_OS_ILLUMOS },
	{ "/lib64/ld-linux-x86-64.so.2", UXS_OS_LINUX },
	{ "/lib/ld-musl-x86_64.so.1", UXS_OS_LINUX },
};

const char *
uxs_os_name(enum uxs_os os)
{
	switch (os) {
	case UXS_OS_FREEBSD: return "FreeBSD";
	case UXS_OS_NETBSD: return "NetBSD";
	case UXS_OS_OPENBSD: return "OpenBSD";
	case UXS_OS_ILLUMOS: return "illumos/Solaris";
	case UXS_OS_LINUX: return "Linux";
	case UXS_OS_OTHER: return "another OS";
	case UXS_OS_NOT_ELF: return "not ELF";
	default: return "unknown";
	}
}

/* The OSes binfmt_misc registration covers too (loader/binfmt.c). */
int
uxs_os_foreign(enum uxs_os os)
{
	return os == UXS_OS_FREEBSD || os == UXS_OS_NETBSD || os == UXS_OS_OPENBSD;
}

static int
read_all(int fd, void *buf, size_t len, off_t off)
{
	ssize_t n = pread(fd, buf, len, off);

	return n >= 0 && (size_t)n == len;
}

/* One PT_NOTE segment, note by note; UXS_OS_UNKNOWN when none names an OS. */
static enum uxs_os
scan_notes(int fd, uint64_t off, uint64_t len)
{
	uint64_t o = 0;

	for (int k = 0; k < NOTES_MAX && o + 12 <= len; k++) {
		unsigned char nb[32];
		size_t want = len - o < sizeof(nb) ? (size_t)(len - o) : sizeof(nb);
		uint32_t namesz, descsz, type, d0 = 0;

		if (!read_all(fd, nb, want, (off_t)(off + o)))
			return UXS_OS_UNKNOWN;
		memcpy(&namesz, nb, 4);
		memcpy(&descsz, nb + 4, 4);
		memcpy(&type, nb + 8, 4);
		/* 4-byte padding whatever the segment's alignment, as osdetect.c. */
		uint64_t desc_off = 12 + (((uint64_t)namesz + 3) & ~3ull);
		uint64_t next = desc_off + (((uint64_t)descsz + 3) & ~3ull);
		if (namesz > len || descsz > len || o + next > len)
			return UXS_OS_UNKNOWN;
		if (descsz >= 4 && desc_off + 4 <= want)
			memcpy(&d0, nb + desc_off, 4);
		const char *name = (const char *)nb + 12;
		int named = type == 1 && 12 + (uint64_t)namesz <= want;
		if (named && namesz == 8 && memcmp(name, "FreeBSD", 8) == 0)
			return UXS_OS_FREEBSD;
		if (named && namesz == 7 && memcmp(name, "NetBSD", 7) == 0)
			return UXS_OS_NETBSD;
		if (named && namesz == 8 && memcmp(name, "OpenBSD", 8) == 0)
			return UXS_OS_OPENBSD;
		if (named && namesz == 4 && memcmp(name, "GNU", 4) == 0 && d0 == 0)
			return UXS_OS_LINUX;
		o += next;
	}
	return UXS_OS_UNKNOWN;
}

static enum uxs_os
os_of_interp(int fd, uint64_t off, uint64_t len)
{
	char buf[INTERP_MAX + 1];

	if (len == 0 || len > INTERP_MAX || !read_all(fd, buf, (size_t)len, (off_t)off))
		return UXS_OS_UNKNOWN;
	buf[len] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	for (size_t i = 0; i < sizeof(interps) / sizeof(interps[0]); i++)
		if (strcmp(buf, interps[i].interp) == 0)
			return interps[i].os;
	return UXS_OS_UNKNOWN;
}

enum uxs_os
uxs_elf_os(int fd)
{
	unsigned char id[sizeof(Elf64_Ehdr)];
	ssize_t n = pread(fd, id, sizeof(id), 0);
	uint64_t interp_off = 0, interp_len = 0;

	if (n < EI_NIDENT || memcmp(id, ELFMAG, SELFMAG) != 0)
		return UXS_OS_NOT_ELF;
	/* Only x86-64's layout is read further; uxrun refuses the others
	 * with a message, which the EI_OSABI test below still leads to. */
	if (id[EI_CLASS] == ELFCLASS64 && id[EI_DATA] == ELFDATA2LSB && n == (ssize_t)sizeof(id)) {
		Elf64_Ehdr eh;
		memcpy(&eh, id, sizeof(eh));
		unsigned phnum = eh.e_phnum < PHNUM_MAX ? eh.e_phnum : PHNUM_MAX;
		if (eh.e_phentsize != sizeof(Elf64_Phdr))
			phnum = 0;
		for (unsigned i = 0; i < phnum; i += 8) {
			Elf64_Phdr ph[8];
			unsigned m = phnum - i < 8 ? phnum - i : 8;
			if (!read_all(fd, ph, m * sizeof(ph[0]), (off_t)(eh.e_phoff + i * sizeof(ph[0]))))
				break;
			for (unsigned j = 0; j < m; j++) {
				if (ph[j].p_type == PT_INTERP && interp_len == 0) {
					interp_off = ph[j].p_offset;
					interp_len = ph[j].p_filesz;
				}
				if (ph[j].p_type != PT_NOTE || ph[j].p_filesz == 0 || ph[j].p_filesz > NOTE_MAX)
					continue;
				enum uxs_os os = scan_notes(fd, ph[j].p_offset, ph[j].p_filesz);
				if (os != UXS_OS_UNKNOWN)
					return os;
			}
		}
	}
	switch (id[EI_OSABI]) {
	case ELFOSABI_FREEBSD: return UXS_OS_FREEBSD;
	case ELFOSABI_NETBSD: return UXS_OS_NETBSD;
	case ELFOSABI_OPENBSD: return UXS_OS_OPENBSD;
	case ELFOSABI_SOLARIS: return UXS_OS_ILLUMOS;
	case ELFOSABI_GNU: return UXS_OS_LINUX;
	case ELFOSABI_SYSV: break;
	default: return UXS_OS_OTHER;
	}
	return os_of_interp(fd, interp_off, interp_len);
}

/* path, or dir/path for a relative one; NULL when it does not fit. */
static const char *
join(const char *dir, const char *path, char *buf, size_t size)
{
	size_t d, p;

	if (dir == NULL || path[0] == '/')
		return path;
	d = strlen(dir);
	p = strlen(path);
	if (d + 1 + p + 1 > size)
		return NULL;
	memcpy(buf, dir, d);
	buf[d] = '/';
	memcpy(buf + d + 1, path, p + 1);
	return buf;
}

static int
spacetab(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Splits a "#!" line as Linux's binfmt_script does: the interpreter, then
 * the rest of the line, blanks trimmed, as one argument.  buf holds the
 * file's first n bytes and has room for UXS_SHEBANG_MAX; the kernel's
 * buffer is zero-padded, so is this one.  0, or -1 where Linux says
 * ENOEXEC (no interpreter, or one cut off by the 256-byte buffer).
 */
static int
parse_shebang(char *buf, size_t n, struct uxs_file *f)
{
	char *lim = buf + UXS_SHEBANG_MAX - 1, *end = NULL, *name, *sep, *p;

	memset(buf + n, 0, UXS_SHEBANG_MAX - n);
	for (p = buf; p < lim + 1 && *p != '\0'; p++)
		if (*p == '\n') {
			end = p;
			break;
		}
	if (end == NULL) {
		for (p = buf + 2; p < lim && spacetab(*p); p++)
			;
		if (p == lim)
			return -1;
		while (p < lim && !spacetab(*p) && *p != '\0')
			p++;
		if (p == lim)
			return -1;	/* the interpreter's name may go on */
		end = lim;
	}
	while (end > buf + 2 && spacetab(end[-1]))
		end--;
	for (name = buf + 2; name < end && spacetab(*name); name++)
		;
	if (name == end)
		return -1;
	for (sep = name; sep < end && !spacetab(*sep) && *sep != '\0'; sep++)
		;
	*end = '\0';
	f->arg = NULL;
	if (sep < end && *sep != '\0') {
		for (p = sep; p < end && spacetab(*p); p++)
			;
		if (p < end)
			f->arg = p;
	}
	*sep = '\0';
	/* Into f->interp: the name, then the argument. */
	size_t nl = strlen(name) + 1, al = f->arg ? strlen(f->arg) + 1 : 0;
	memmove(f->interp, name, nl);
	if (f->arg) {
		memmove(f->interp + nl, f->arg, al);
		f->arg = f->interp + nl;
	}
	return 0;
}

/* Opens path if the caller may execute it: the fd, or -1 with f->err set. */
static int
open_exec(const char *path, struct uxs_file *f)
{
	struct stat st;
	int fd;

	if (faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) != 0) {
		f->err = errno;
		return -1;
	}
	/* An execute-only file: the kernel can run it, but nobody can
	 * read it to tell, uxrun included. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		f->err = EACCES;
		close(fd);
		return -1;
	}
	return fd;
}

enum uxs_kind
uxs_classify(const char *dir, const char *path, struct uxs_file *f)
{
	char buf[PATH_MAX], head[UXS_SHEBANG_MAX];
	const char *p = join(dir, path, buf, sizeof(buf));
	enum uxs_kind kind = UXS_NATIVE;
	ssize_t n;
	int fd;

	f->os = UXS_OS_UNKNOWN;
	f->err = 0;
	f->interp[0] = '\0';
	f->arg = NULL;
	if (p == NULL) {
		f->err = ENAMETOOLONG;
		return UXS_NATIVE;
	}
	if ((fd = open_exec(p, f)) < 0)
		return UXS_NATIVE;
	n = pread(fd, head, sizeof(head), 0);
	if (n >= 4 && memcmp(head, ELFMAG, SELFMAG) == 0) {
		f->os = uxs_elf_os(fd);
		close(fd);
		return uxs_os_foreign(f->os) ? UXS_FOREIGN : UXS_NATIVE;
	}
	close(fd);
	if (n < 2 || head[0] != '#' || head[1] != '!')
		return UXS_NATIVE;
	if (parse_shebang(head, (size_t)n, f) != 0) {
		f->err = ENOEXEC;
		return UXS_NATIVE;
	}
	/* The interpreter is looked up from the same directory, and may not
	 * be a script itself for the purpose of this test: uxrun runs ELF
	 * programs only. */
	if ((p = join(dir, f->interp, buf, sizeof(buf))) == NULL) {
		f->err = ENAMETOOLONG;
		return UXS_NATIVE;
	}
	if ((fd = open_exec(p, f)) < 0)
		return UXS_NATIVE;
	f->os = uxs_elf_os(fd);
	close(fd);
	if (uxs_os_foreign(f->os))
		kind = UXS_SCRIPT;
	return kind;
}
