# uxrun's FreeBSD runtime linker (doc/dynamic.md): linked into the uxrun
# command, and into libuxrun.so with the entry points the LD_PRELOAD shim
# uses to dlopen a foreign object into a native process (rtld_hosted.*).
# Included from the top-level Makefile.am.
UXRUN_RTLD_SOURCES = \
	loader/rtld.h loader/rtld_obj.h \
	loader/rtld_load.c loader/rtld_sym.c loader/rtld_reloc.c \
	loader/rtld_tls.c loader/rtld_init.c loader/rtld_ldd.c \
	loader/rtld_tramp.c loader/rtld_asm.S \
	loader/rtld_dl.c loader/rtld_dltls.c loader/rtld_dlunwind.c
UXRUN_HOSTED_SOURCES = loader/rtld_hosted.h loader/rtld_hosted.c
