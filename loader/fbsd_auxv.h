/* FreeBSD auxiliary vector types (sys/sys/elf_common.h). */
#ifndef FBSD_AUXV_H
#define FBSD_AUXV_H

#define FBSD_AT_NULL		0
#define FBSD_AT_IGNORE		1
#define FBSD_AT_EXECFD		2
#define FBSD_AT_PHDR		3
#define FBSD_AT_PHENT		4
#define FBSD_AT_PHNUM		5
#define FBSD_AT_PAGESZ		6
#define FBSD_AT_BASE		7
#define FBSD_AT_FLAGS		8
#define FBSD_AT_ENTRY		9
#define FBSD_AT_NOTELF		10
#define FBSD_AT_UID		11
#define FBSD_AT_EUID		12
#define FBSD_AT_GID		13
#define FBSD_AT_EGID		14
#define FBSD_AT_EXECPATH	15
#define FBSD_AT_CANARY		16
#define FBSD_AT_CANARYLEN	17
#define FBSD_AT_OSRELDATE	18
#define FBSD_AT_NCPUS		19
#define FBSD_AT_PAGESIZES	20
#define FBSD_AT_PAGESIZESLEN	21
#define FBSD_AT_TIMEKEEP	22
#define FBSD_AT_STACKPROT	23
#define FBSD_AT_EHDRFLAGS	24
#define FBSD_AT_HWCAP		25
#define FBSD_AT_HWCAP2		26
#define FBSD_AT_BSDFLAGS	27
#define FBSD_AT_ARGC		28
#define FBSD_AT_ARGV		29
#define FBSD_AT_ENVC		30
#define FBSD_AT_ENVV		31
#define FBSD_AT_PS_STRINGS	32
#define FBSD_AT_FXRNG		33
#define FBSD_AT_KPRELOAD	34
#define FBSD_AT_USRSTACKBASE	35
#define FBSD_AT_USRSTACKLIM	36
#define FBSD_AT_COUNT		37

#define FBSD_CANARYLEN		64	/* sizeof(long) * 8 */
#define FBSD_MAXPAGESIZES	3
#define FBSD_VM_PROT_READ	1
#define FBSD_VM_PROT_WRITE	2
#define FBSD_VM_PROT_EXECUTE	4
#define FBSD_ELF_BSDF_SIGFASTBLK 0x1

#endif
