# Turns a personality's syscalls.master into C: the dispatch table with
# argument formats for --trace, one typed thunk per call, handler
# prototypes, and a Markdown compatibility table.
#
#   awk -v prefix=fbsd -v os=FreeBSD -v out_c=F.c -v out_h=F.h -v out_md=F.md \
#       -f gen_sysent.awk syscalls.master
#
# Line format (columns separated by blanks; '#' starts a comment line):
#   NUMBER  NAME  STATUS  (TYPE NAME:FMT, ...)  [| NOTE]
# STATUS is impl, partial or unimpl, optionally followed by ",frame" for a
# call whose handler needs the trap's register frame (it replaces or reads
# the guest's registers or signal mask, or does not return): patched call
# sites hand those to the trap (syscalls/patch.c).  FMT is an argument format from
# enum ux_argfmt in syscalls/ux_call.h, lower case without UXA_.
# The handler for NAME is PREFIX_sys_NAME(struct uxcall *, typed args...).

function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }

BEGIN { n = 0; maxnr = 0 }

/^[ \t]*#/ || /^[ \t]*$/ { next }

{
	line = $0
	note = ""
	bar = index(line, "|")
	if (bar > 0) { note = trim(substr(line, bar + 1)); line = substr(line, 1, bar - 1) }
	lp = index(line, "("); rp = index(line, ")")
	if (lp == 0 || rp < lp) { print FILENAME ":" NR ": missing (arguments)" > "/dev/stderr"; err = 1; exit 1 }
	split(trim(substr(line, 1, lp - 1)), head, /[ \t]+/)
	nr = head[1] + 0; name = head[2]; status = head[3]; frame = 0
	if (status ~ /,frame$/) { frame = 1; sub(/,frame$/, "", status) }
	if (status != "impl" && status != "partial" && status != "unimpl") {
		print FILENAME ":" NR ": bad status " status > "/dev/stderr"; err = 1; exit 1
	}
	if (nr in seen) { print FILENAME ":" NR ": duplicate number " nr > "/dev/stderr"; err = 1; exit 1 }
	seen[nr] = 1
	args = trim(substr(line, lp + 1, rp - lp - 1))
	na = 0
	if (args != "" && args != "void") {
		cnt = split(args, parts, /,/)
		for (i = 1; i <= cnt; i++) {
			p = trim(parts[i])
			# last blank-separated word is NAME:FMT; stars belong to the type
			m = split(p, w, /[ \t]+/)
			last = w[m]; type = ""
			for (j = 1; j < m; j++) type = type (j > 1 ? " " : "") w[j]
			while (substr(last, 1, 1) == "*") { type = type " *"; last = substr(last, 2) }
			c = index(last, ":")
			if (c == 0) { print FILENAME ":" NR ": argument without :format: " p > "/dev/stderr"; err = 1; exit 1 }
			aname[n, na] = substr(last, 1, c - 1)
			afmt[n, na] = toupper(substr(last, c + 1))
			atype[n, na] = type
			na++
		}
	}
	if (na > 8) { print FILENAME ":" NR ": more than 8 arguments" > "/dev/stderr"; err = 1; exit 1 }
	enr[n] = nr; ename[n] = name; estat[n] = status; enarg[n] = na; enote[n] = note
	eframe[n] = frame
	if (nr > maxnr) maxnr = nr
	n++
}

END {
	if (err) exit 1
	P = prefix; U = toupper(prefix)
	print "/* Generated from syscalls.master by gen_sysent.awk. DO NOT EDIT. */" > out_h
	print "#ifndef " U "_SYSENT_H\n#define " U "_SYSENT_H\n" > out_h
	print "#include <stddef.h>\n#include <stdint.h>\n#include \"syscalls/ux_call.h\"" > out_h
	if (abi_include != "") print "#include \"" abi_include "\"" > out_h
	print "" > out_h
	print "#define " U "_SYS_MAXNR " (maxnr + 1) > out_h
	print "extern const struct ux_sysent " P "_sysent[" U "_SYS_MAXNR];\n" > out_h
	for (i = 0; i < n; i++) print "#define " U "_SYS_" ename[i] " " enr[i] > out_h
	print "" > out_h
	for (i = 0; i < n; i++) {
		if (estat[i] == "unimpl") continue
		proto = "long " P "_sys_" ename[i] "(struct uxcall *c"
		for (j = 0; j < enarg[i]; j++) proto = proto ", " atype[i, j] " " aname[i, j]
		print proto ") __attribute__((weak));" > out_h
	}
	print "\n#endif" > out_h

	print "/* Generated from syscalls.master by gen_sysent.awk. DO NOT EDIT. */" > out_c
	print "#include <errno.h>\n#include \"syscalls/fault.h\"\n#include \"syscalls/hostfd.h\"\n#include \"" out_h_include "\"\n" > out_c
	for (i = 0; i < n; i++) {
		if (estat[i] == "unimpl") continue
		print "static long\n" P "_thunk_" ename[i] "(struct uxcall *c)\n{" > out_c
		print "\tif (!" P "_sys_" ename[i] ")\n\t\treturn -ENOSYS;" > out_c
		if (enarg[i] > 6)
			print "\tif (ux_copyin(&c->a[6], c->stkarg, 8 * " (enarg[i] - 6) ") != 0)\n\t\treturn -EFAULT;" > out_c
		for (j = 0; j < enarg[i]; j++) {
			if (afmt[i, j] == "FD")
				print "\tif (ux_fd_is_host((int)c->a[" j "]))\n\t\treturn -EBADF;" > out_c
			if (afmt[i, j] == "DIRFD")
				print "\tif (ux_fd_is_host((int)c->a[" j "]))\n\t\treturn -EBADF;" > out_c
		}
		call = "\treturn " P "_sys_" ename[i] "(c"
		for (j = 0; j < enarg[i]; j++) call = call ", (" atype[i, j] ")c->a[" j "]"
		print call ");\n}\n" > out_c
	}
	print "const struct ux_sysent " P "_sysent[" U "_SYS_MAXNR] = {" > out_c
	for (i = 0; i < n; i++) {
		fm = ""; an = ""
		for (j = 0; j < enarg[i]; j++) {
			fm = fm (j ? ", " : "") "UXA_" afmt[i, j]
			an = an (j ? ", " : "") "\"" aname[i, j] "\""
		}
		st = estat[i] == "impl" ? "UX_IMPL" : estat[i] == "partial" ? "UX_PARTIAL" : "UX_UNIMPL"
		gsub(/"/, "\\\"", enote[i])
		printf "\t[%d] = { \"%s\", %s, %d, %s, { %s }, { %s }, %s, %s },\n", enr[i], ename[i], \
		    estat[i] == "unimpl" ? "NULL" : P "_thunk_" ename[i], enarg[i], st, \
		    fm == "" ? "0" : fm, an == "" ? "NULL" : an, \
		    enote[i] == "" ? "NULL" : "\"" enote[i] "\"", eframe[i] ? "UX_SY_FRAME" : "0" > out_c
	}
	print "};" > out_c

	print "# " os " system calls in uxrun\n" > out_md
	print "Generated from `syscalls/" prefix_dir "/syscalls.master`; do not edit.\n" > out_md
	print "| number | call | status | arguments | note |" > out_md
	print "|---:|---|---|---|---|" > out_md
	ni = 0; np = 0; nu = 0
	for (i = 0; i < n; i++) {
		a = ""
		for (j = 0; j < enarg[i]; j++) a = a (j ? ", " : "") atype[i, j] " " aname[i, j]
		printf "| %d | %s | %s%s | %s | %s |\n", enr[i], ename[i], estat[i], eframe[i] ? " (trap frame)" : "", a, enote[i] > out_md
		if (estat[i] == "impl") ni++; else if (estat[i] == "partial") np++; else nu++
	}
	printf "\n%d implemented, %d partial, %d not implemented (ENOSYS, reported once by name).\n", ni, np, nu > out_md
}
