/*
 * mkforeign SRC DST OSABI: a copy of the x86-64 ELF program SRC whose only
 * mark of its OS is EI_OSABI (its PT_NOTE headers become PT_NULL), for a
 * NetBSD or OpenBSD program the shim must hand to uxrun, which refuses it.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int
main(int argc, char **argv)
{
	static unsigned char buf[16 << 20];
	Elf64_Ehdr eh;
	FILE *in, *out;
	size_t n;

	if (argc != 4) {
		fprintf(stderr, "usage: mkforeign SRC DST OSABI\n");
		return 2;
	}
	if ((in = fopen(argv[1], "rb")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	n = fread(buf, 1, sizeof(buf), in);
	fclose(in);
	if (n < sizeof(eh) || memcmp(buf, ELFMAG, SELFMAG) != 0 || buf[EI_CLASS] != ELFCLASS64) {
		fprintf(stderr, "%s: not a 64-bit ELF file\n", argv[1]);
		return 1;
	}
	memcpy(&eh, buf, sizeof(eh));
	buf[EI_OSABI] = (unsigned char)atoi(argv[3]);
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		size_t o = eh.e_phoff + (size_t)i * eh.e_phentsize;
		Elf64_Phdr ph;
		if (o + sizeof(ph) > n)
			break;
		memcpy(&ph, buf + o, sizeof(ph));
		if (ph.p_type == PT_NOTE) {
			ph.p_type = PT_NULL;
			memcpy(buf + o, &ph, sizeof(ph));
		}
	}
	if ((out = fopen(argv[2], "wb")) == NULL || fwrite(buf, 1, n, out) != n || fclose(out) != 0) {
		perror(argv[2]);
		return 1;
	}
	return chmod(argv[2], 0755) == 0 ? 0 : 1;
}
