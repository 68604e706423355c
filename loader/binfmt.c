/*
 * binfmt_misc registration: one entry per foreign OS, matching the ELF
 * header of an x86-64 program whose EI_OSABI names that OS.
 *
 * What the entries can and cannot catch.  The kernel compares bytes at
 * fixed offsets, so an entry can only test EI_OSABI, not an ABI note.
 *   FreeBSD: its toolchains (clang/lld or GNU ld with FreeBSD's emulation,
 *     Go) write ELFOSABI_FREEBSD (9); every sample here, Go's FreeBSD test
 *     binaries and npm's @esbuild/freebsd-x64 carry it.  A FreeBSD program
 *     linked without that emulation has EI_OSABI 0 and only its .note.tag.
 *   NetBSD: Go writes ELFOSABI_NETBSD (2); NetBSD's own toolchain writes 0
 *     and a .note.netbsd.ident.
 *   OpenBSD: Go and newer LLVM releases write ELFOSABI_OPENBSD (12); older
 *     clang (14, for one) writes 0, leaving only the .note.openbsd.ident.
 * A rule for EI_OSABI 0 would take every Linux program as well, so those
 * binaries are left to an explicit `uxrun PROGRAM`.
 *
 * Flags, and why:
 *   P (preserve argv[0]): the guest sees the argv[0] its caller chose.  The
 *     kernel passes [uxrun, PATH, ARGV0, ARGS...] and, from Linux 5.12 on,
 *     sets AT_FLAGS_PRESERVE_ARGV0 in uxrun's AT_FLAGS, which is the only
 *     way to tell that layout from `uxrun PATH ARGS...`.  On older kernels
 *     the entries are registered without P: the guest's argv[0] is then
 *     the path the caller executed, and its own argv[0] is lost.
 *   never C (credentials): with C the kernel would compute the new
 *     credentials from the foreign file, so a setuid FreeBSD binary would
 *     run uxrun, a program never written to be setuid, with raised
 *     privileges.  Without it a setuid bit on a foreign program is ignored
 *     and the program runs with its caller's rights.  (C implies O, which
 *     is not needed either: uxrun opens the program by its path.)
 *   no F (fix binary): F opens the interpreter once, at registration, so
 *     it works inside other mount namespaces and chroots.  But uxrun is
 *     linked dynamically, so a chroot would still need its libraries, and
 *     F would keep running the old uxrun after an upgrade or a rebuild
 *     until the entry is registered again.  Without F the kernel opens
 *     the path at each exec, and --binfmt-status can report one that is
 *     gone.
 */
#include "config.h"

#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "loader/binfmt.h"

/* linux/binfmts.h; older headers lack it. */
#define UX_AT_FLAGS_PRESERVE_ARGV0	1

/* e_ident (16 bytes), e_type and e_machine. */
#define RULE_LEN	20

static const struct rule {
	const char *suffix;	/* the entry is PREFIX-suffix */
	const char *os;
	unsigned char osabi;
} rules[] = {
	{ "freebsd", "FreeBSD", ELFOSABI_FREEBSD },
	{ "netbsd", "NetBSD", ELFOSABI_NETBSD },
	{ "openbsd", "OpenBSD", ELFOSABI_OPENBSD },
};
#define NRULES	(sizeof(rules) / sizeof(rules[0]))

const char *
ux_binfmt_invoked_path(int argc, char **argv)
{
	if (argc < 2 || !(getauxval(AT_FLAGS) & UX_AT_FLAGS_PRESERVE_ARGV0))
		return NULL;
	return argv[1];
}

static void
rule_bytes(const struct rule *r, unsigned char *magic, unsigned char *mask)
{
	memset(magic, 0, RULE_LEN);
	memset(mask, 0, RULE_LEN);
	memcpy(magic, ELFMAG, SELFMAG);
	memset(mask, 0xff, SELFMAG);
	magic[EI_CLASS] = ELFCLASS64;
	magic[EI_DATA] = ELFDATA2LSB;
	magic[EI_VERSION] = EV_CURRENT;
	magic[EI_OSABI] = r->osabi;
	memset(mask + EI_CLASS, 0xff, EI_OSABI - EI_CLASS + 1);
	/* EI_ABIVERSION and the padding are not matched: they say nothing
	 * about the OS. */
	magic[16] = ET_EXEC;	/* e_type: ET_EXEC (2) or, masked, ET_DYN (3) */
	mask[16] = 0xfe;
	mask[17] = 0xff;
	magic[18] = EM_X86_64 & 0xff;
	magic[19] = EM_X86_64 >> 8;
	mask[18] = mask[19] = 0xff;
}

static void
hex_escape(char *o, const unsigned char *b, int n)
{
	for (int i = 0; i < n; i++)
		o += sprintf(o, "\\x%02x", b[i]);
}

/* The registration line, without the newline; -1 if nothing fits. */
static int
rule_line(char *buf, size_t size, const char *prefix, const struct rule *r, const char *interp,
    const char *flags)
{
	unsigned char magic[RULE_LEN], mask[RULE_LEN];
	char m[RULE_LEN * 4 + 1], k[RULE_LEN * 4 + 1];
	char name[NAME_MAX + 1];
	const char *d;

	snprintf(name, sizeof(name), "%s-%s", prefix, r->suffix);
	/* The first character is the field separator: one that no field has. */
	for (d = ":|,;#%"; *d; d++)
		if (!strchr(name, *d) && !strchr(interp, *d))
			break;
	if (!*d)
		return -1;
	rule_bytes(r, magic, mask);
	hex_escape(m, magic, RULE_LEN);
	hex_escape(k, mask, RULE_LEN);
	int n = snprintf(buf, size, "%c%s%cM%c0%c%s%c%s%c%s%c%s", *d, name, *d, *d, *d, m, *d, k, *d,
	    interp, *d, flags);
	return n < 0 || (size_t)n >= size ? -1 : n;
}

static int
self_path(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);

	if (n <= 0 || (size_t)n >= size - 1) {
		fprintf(stderr, "uxrun: cannot tell where this uxrun is (/proc/self/exe): %s\n",
		    n < 0 ? strerror(errno) : "path too long");
		return -1;
	}
	buf[n] = '\0';
	return 0;
}

static int
prefix_ok(const char *prefix)
{
	size_t n = strlen(prefix);

	if (n == 0 || n > 64 || strspn(prefix, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != n || prefix[0] == '.') {
		fprintf(stderr, "uxrun: '%s' cannot name a binfmt_misc entry "
		    "(letters, digits, '.', '_' and '-' only)\n", prefix);
		return 0;
	}
	return 1;
}

/* Root, and binfmt_misc mounted: else a message and 0. */
static int
can_register(const char *what)
{
	if (geteuid() != 0) {
		fprintf(stderr, "uxrun: %s needs root: it writes to %s (try: sudo uxrun %s)\n",
		    what, UX_BINFMT_DIR, what);
		return 0;
	}
	if (access(UX_BINFMT_DIR "/register", F_OK) != 0) {
		fprintf(stderr, "uxrun: binfmt_misc is not mounted on %s (mount it with: "
		    "mount -t binfmt_misc binfmt_misc %s)\n", UX_BINFMT_DIR, UX_BINFMT_DIR);
		return 0;
	}
	return 1;
}

static int
write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	/* The kernel takes each write as one whole command. */
	ssize_t n = write(fd, s, strlen(s));
	int e = n < 0 ? errno : 0;
	close(fd);
	if (e)
		return -e;
	return n == (ssize_t)strlen(s) ? 0 : -EIO;
}

static int
read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t len = 0;

	if (fd < 0)
		return -1;
	while (len < size - 1) {
		ssize_t n = read(fd, buf + len, size - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	buf[len] = '\0';
	return 0;
}

static void
entry_path(char *buf, size_t size, const char *prefix, const struct rule *r)
{
	snprintf(buf, size, "%s/%s-%s", UX_BINFMT_DIR, prefix, r->suffix);
}

/* Linux 5.12 added AT_FLAGS_PRESERVE_ARGV0. */
static int
kernel_tells_p(void)
{
	struct utsname u;
	int major = 0, minor = 0;

	if (uname(&u) != 0 || sscanf(u.release, "%d.%d", &major, &minor) != 2)
		return 0;
	return major > 5 || (major == 5 && minor >= 12);
}

static int
remove_entry(const char *path)
{
	int r = write_file(path, "-1");

	return r == -ENOENT ? 0 : r;
}

int
ux_binfmt_install(const char *prefix)
{
	char interp[PATH_MAX], line[PATH_MAX + 512], path[PATH_MAX], st[64];
	const char *flags = kernel_tells_p() ? "P" : "";
	size_t done;
	int r = 0;

	if (!prefix_ok(prefix) || !can_register("--install-binfmt") ||
	    self_path(interp, sizeof(interp)) != 0)
		return 1;
	if (read_file(UX_BINFMT_DIR "/status", st, sizeof(st)) == 0 && strncmp(st, "disabled", 8) == 0)
		fprintf(stderr, "uxrun: note: binfmt_misc is disabled as a whole "
		    "(echo 1 > %s/status to enable it)\n", UX_BINFMT_DIR);
	for (done = 0; done < NRULES; done++) {
		const struct rule *ru = &rules[done];
		if (rule_line(line, sizeof(line) - 1, prefix, ru, interp, flags) < 0) {
			fprintf(stderr, "uxrun: cannot register %s: no separator fits it\n", interp);
			r = -EINVAL;
			break;
		}
		strcat(line, "\n");
		/* Registering again replaces the entry, e.g. after uxrun moved. */
		entry_path(path, sizeof(path), prefix, ru);
		if ((r = remove_entry(path)) != 0 ||
		    (r = write_file(UX_BINFMT_DIR "/register", line)) != 0) {
			fprintf(stderr, "uxrun: cannot register %s-%s: %s\n", prefix, ru->suffix, strerror(-r));
			break;
		}
	}
	if (r != 0) {
		/* All or nothing. */
		while (done-- > 0) {
			entry_path(path, sizeof(path), prefix, &rules[done]);
			remove_entry(path);
		}
		return 1;
	}
	for (size_t i = 0; i < NRULES; i++)
		printf("registered %s-%s: %s x86-64 programs (EI_OSABI %u) now run through %s\n",
		    prefix, rules[i].suffix, rules[i].os, rules[i].osabi, interp);
	if (!*flags)
		printf("note: this kernel does not tell uxrun the caller's argv[0] (Linux 5.12 and "
		    "later do): registered without the P flag, programs see their path as argv[0]\n");
	return 0;
}

int
ux_binfmt_uninstall(const char *prefix)
{
	char path[PATH_MAX];
	int removed = 0, bad = 0;

	if (!prefix_ok(prefix) || !can_register("--uninstall-binfmt"))
		return 1;
	for (size_t i = 0; i < NRULES; i++) {
		entry_path(path, sizeof(path), prefix, &rules[i]);
		if (access(path, F_OK) != 0)
			continue;
		int r = write_file(path, "-1");
		if (r != 0 && r != -ENOENT) {
			fprintf(stderr, "uxrun: cannot remove %s: %s\n", path, strerror(-r));
			bad = 1;
		} else {
			printf("removed %s-%s\n", prefix, rules[i].suffix);
			removed++;
		}
	}
	if (!removed && !bad)
		printf("no binfmt_misc entry named %s-{freebsd,netbsd,openbsd}: nothing to remove\n", prefix);
	return bad;
}

int
ux_binfmt_rules(FILE *out, const char *prefix)
{
	char interp[PATH_MAX], line[PATH_MAX + 512];

	if (!prefix_ok(prefix) || self_path(interp, sizeof(interp)) != 0)
		return 1;
	fprintf(out, "# uxrun %s: FreeBSD, NetBSD and OpenBSD x86-64 programs; binfmt.d(5) format.\n"
	    "# P needs Linux 5.12 or later; never add C (see uxrun(1)).\n", PACKAGE_VERSION);
	for (size_t i = 0; i < NRULES; i++) {
		if (rule_line(line, sizeof(line), prefix, &rules[i], interp, "P") < 0) {
			fprintf(stderr, "uxrun: no separator fits %s\n", interp);
			return 1;
		}
		fprintf(out, "%s\n", line);
	}
	return 0;
}

/* The value after "key " (or "key: ") on one line of an entry, or NULL. */
static const char *
field(char *text, const char *key, char *val, size_t size)
{
	size_t kl = strlen(key);

	for (char *l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		if (strncmp(l, key, kl) != 0 || (l[kl] != ' ' && l[kl] != ':'))
			continue;
		const char *v = l + kl + (l[kl] == ':');
		v += strspn(v, " ");
		size_t n = strcspn(v, "\n");
		if (n >= size)
			n = size - 1;
		memcpy(val, v, n);
		val[n] = '\0';
		return val;
	}
	return NULL;
}

/* Which OS a magic/mask pair picks, from the hex the kernel shows. */
static void
describe_magic(const char *magic, const char *mask, char *out, size_t size)
{
	unsigned a, k = 0xff;

	if (strncmp(magic, "7f454c46", 8) != 0 || strlen(magic) < 16 || sscanf(magic + 14, "%2x", &a) != 1) {
		snprintf(out, size, "magic %s", magic);
		return;
	}
	if (mask && strlen(mask) >= 16)
		sscanf(mask + 14, "%2x", &k);
	if (k != 0xff) {
		snprintf(out, size, "ELF, any EI_OSABI");
		return;
	}
	for (size_t i = 0; i < NRULES; i++)
		if (rules[i].osabi == a) {
			snprintf(out, size, "%s ELF (EI_OSABI %u)", rules[i].os, a);
			return;
		}
	snprintf(out, size, "ELF with EI_OSABI %u", a);
}

static int
is_uxrun(const char *interp, const struct stat *self)
{
	const char *base = strrchr(interp, '/');
	struct stat st;

	base = base ? base + 1 : interp;
	if (strcmp(base, "uxrun") == 0)
		return 1;
	return stat(interp, &st) == 0 && st.st_dev == self->st_dev && st.st_ino == self->st_ino;
}

int
ux_binfmt_status(FILE *out)
{
	char text[4096], path[PATH_MAX], interp[PATH_MAX], flags[32], magic[512], mask[512], what[128];
	struct stat self;
	struct dirent **de = NULL;
	int found = 0, n = -1;

	if (access(UX_BINFMT_DIR "/register", F_OK) != 0 ||
	    (n = scandir(UX_BINFMT_DIR, &de, NULL, alphasort)) < 0) {
		fprintf(stderr, "uxrun: binfmt_misc is not mounted on %s: nothing is registered "
		    "(mount -t binfmt_misc binfmt_misc %s)\n", UX_BINFMT_DIR, UX_BINFMT_DIR);
		return 1;
	}
	if (stat("/proc/self/exe", &self) != 0)
		memset(&self, 0, sizeof(self));
	if (read_file(UX_BINFMT_DIR "/status", text, sizeof(text)) == 0)
		fprintf(out, "binfmt_misc: mounted on %s, %s", UX_BINFMT_DIR, text);
	for (int i = 0; i < n; i++) {
		const char *name = de[i]->d_name;
		if (name[0] == '.' || strcmp(name, "register") == 0 || strcmp(name, "status") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", UX_BINFMT_DIR, name);
		if (read_file(path, text, sizeof(text)) != 0 ||
		    !field(text, "interpreter", interp, sizeof(interp)) || !is_uxrun(interp, &self))
			continue;
		if (!field(text, "flags", flags, sizeof(flags)))
			flags[0] = '\0';
		describe_magic(field(text, "magic", magic, sizeof(magic)) ? magic : "",
		    field(text, "mask", mask, sizeof(mask)), what, sizeof(what));
		fprintf(out, "%s: %s, %s, interpreter %s%s, flags %s\n", name,
		    strncmp(text, "enabled", 7) == 0 ? "enabled" : "disabled", what, interp,
		    access(interp, X_OK) == 0 ? "" : " (missing: this entry cannot run anything)",
		    flags[0] ? flags : "none");
		found++;
	}
	for (int i = 0; i < n; i++)
		free(de[i]);
	free(de);
	if (!found)
		fprintf(out, "no binfmt_misc entry runs uxrun (register them with: sudo uxrun --install-binfmt)\n");
	return 0;
}
