# Turns a libshim spec (libshim/<personality>/<soname>.spec, format in its
# header) into C and into the pieces of a stub shared library:
#
#   out_c    the hook table, `const struct ux_shim_lib TABLE`, sorted by name
#            (each name's default version first), with a stub per unimpl
#            entry that reports the call once and fails as the spec says
#   out_s    assembler for the stub library: every symbol, functions as ud2,
#            data objects zero-filled at their size, old versions by .symver
#   out_map  its version script, one node per @versions entry, each
#            inheriting from the one before.  It has no `local: *`: ld.lld 14
#            would hide the old versions with it, and the .symver labels are
#            removed anyway, so every symbol in the stub is meant to be seen.
#   out_md   the Markdown compatibility table
#
#   LC_ALL=C awk -v soname=libc.so.7 -v table=ux_shim_freebsd_libc_so_7 \
#       -v os=FreeBSD -v spec_name=libshim/freebsd/libc.so.7.spec \
#       -v enosys=shim_enosys -v out_c=F.c -v out_s=F.S -v out_map=F.map \
#       -v out_md=F.md -f gen_shim.awk libc.so.7.spec
#
# `enosys` names an `int f(void)` that sets the guest's errno to its ENOSYS
# and returns that number.  Run under LC_ALL=C: the table is sorted the way
# strcmp() compares.

function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }

function fail(msg) {
	print FILENAME ":" FNR ": " msg > "/dev/stderr"
	err = 1
	exit 1
}

function key(i) { return sname[i] "\t" (scompat[i] ? "1" : "0") "\t" sver[i] }

# Quicksort of ord[lo..hi] by key().
function qsort_ord(lo, hi,    i, last, t, p) {
	if (lo >= hi)
		return
	t = ord[lo]; ord[lo] = ord[int((lo + hi) / 2)]; ord[int((lo + hi) / 2)] = t
	p = key(ord[lo])
	last = lo
	for (i = lo + 1; i <= hi; i++)
		if (key(ord[i]) < p) {
			last++
			t = ord[last]; ord[last] = ord[i]; ord[i] = t
		}
	t = ord[lo]; ord[lo] = ord[last]; ord[last] = t
	qsort_ord(lo, last - 1)
	qsort_ord(last + 1, hi)
}

function cstr(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }

BEGIN { n = 0; nver = 0; ninc = 0 }

/^[ \t]*#/ || /^[ \t]*$/ { next }

/^@versions[ \t]/ {
	for (i = 2; i <= NF; i++) {
		if ($i in isver)
			fail("version " $i " listed twice")
		vlist[++nver] = $i
		isver[$i] = nver
	}
	next
}

/^@include[ \t]/ {
	incs[++ninc] = trim(substr($0, index($0, "@include") + 8))
	next
}

/^@/ { fail("unknown directive " $1) }

{
	line = $0
	note = ""
	bar = index(line, "|")
	if (bar > 0) { note = trim(substr(line, bar + 1)); line = substr(line, 1, bar - 1) }
	nf = split(trim(line), f, /[ \t]+/)
	if (nf != 4)
		fail("want SYMBOL VERSION IMPL STATUS, got " nf " fields")
	name = f[1]; ver = f[2]; impl = f[3]; status = f[4]
	if (name !~ /^[A-Za-z_][A-Za-z0-9_]*$/)
		fail("bad symbol name " name)
	compat = 0
	if (substr(ver, 1, 1) == "@") { compat = 1; ver = substr(ver, 2) }
	if (!(ver in isver))
		fail("version " ver " of " name " is not in @versions")
	size = 0
	tls = status ~ /^tls:[0-9]+$/
	if (tls)
		status = "data:" substr(status, 5)
	if (status ~ /^data:[0-9]+$/) {
		size = substr(status, 6) + 0
		if (size <= 0)
			fail("data object " name " needs a size above 0")
		status = "data"
	} else if (status != "impl" && status != "partial" && status != "unimpl") {
		fail("bad status " status " (impl, partial, unimpl, data:SIZE or tls:SIZE)")
	}
	if (status == "unimpl") {
		if (impl != "-" && impl != "=-1" && impl != "=NULL" && impl != "=ENOSYS")
			fail("unimpl " name ": IMPL must be -, =-1, =NULL or =ENOSYS")
	} else if (impl !~ /^[A-Za-z_][A-Za-z0-9_]*$/) {
		fail(status " " name ": IMPL must name a C object")
	}
	if (status == "partial" && note == "")
		fail("partial " name " needs a note saying what is missing")
	if ((name SUBSEP ver) in seen)
		fail(name "@" ver " listed twice")
	seen[name, ver] = 1
	if (!compat) {
		if (name in hasdef)
			fail(name " has two default versions")
		hasdef[name] = 1
	}
	n++
	sname[n] = name; sver[n] = ver; scompat[n] = compat; simpl[n] = impl
	sstat[n] = status; ssize[n] = size; snote[n] = note; stls[n] = tls
	ord[n] = n
}

END {
	if (err)
		exit 1
	for (i = 1; i <= n; i++)
		if (!(sname[i] in hasdef)) {
			print spec_name ": " sname[i] " has no default version" > "/dev/stderr"
			exit 1
		}
	qsort_ord(1, n)

	# --- the table
	print "/* Generated from " spec_name " by libshim/gen_shim.awk. DO NOT EDIT. */" > out_c
	print "#include \"config.h\"\n\n#include <stdint.h>\n" > out_c
	print "#include \"libshim/shim.h\"\n#include \"libshim/shim_gen.h\"" > out_c
	for (i = 1; i <= ninc; i++)
		print "#include " incs[i] > out_c
	print "\nstatic const char libname_[] __attribute__((unused)) = " cstr(os " " soname) ";" > out_c
	nun = 0
	for (k = 1; k <= n; k++) {
		i = ord[k]
		if (sstat[i] != "unimpl")
			continue
		stub[i] = "unimpl_" k "_" sname[i]
		if (simpl[i] == "-") {
			print "\nstatic void __attribute__((noreturn))\n" stub[i] "(void)\n{" > out_c
			print "\tux_shim_unimpl_exit(libname_, " cstr(sname[i]) ");\n}" > out_c
			continue
		}
		print "\nstatic uint8_t reported_" k ";\n\nstatic long\n" stub[i] "(void)\n{" > out_c
		print "\tux_shim_unimpl_report(&reported_" k ", libname_, " cstr(sname[i]) ");" > out_c
		if (simpl[i] == "=ENOSYS")
			print "\treturn " enosys "();\n}" > out_c
		else
			print "\t" enosys "();\n\treturn " (simpl[i] == "=-1" ? "-1" : "0") ";\n}" > out_c
	}
	print "" > out_c
	for (k = 1; k <= n; k++) {
		i = ord[k]
		if (sstat[i] == "data")
			printf "_Static_assert(sizeof(%s) == %d, \"%s %s is %d bytes on %s\");\n", \
			    simpl[i], ssize[i], soname, sname[i], ssize[i], os > out_c
	}
	print "\nstatic const struct ux_shim_sym syms[] = {" > out_c
	for (k = 1; k <= n; k++) {
		i = ord[k]
		if (sstat[i] == "unimpl")
			addr = "(void *)" stub[i]
		else if (sstat[i] == "data")
			addr = "(void *)&" simpl[i]
		else
			addr = "(void *)" simpl[i]
		st = sstat[i] == "partial" ? "UX_SHIM_PARTIAL" : sstat[i] == "unimpl" ? "UX_SHIM_UNIMPL" : "UX_SHIM_IMPL"
		printf "\t{ %s, %s, %s, %d, %s, %s, %s },\n", cstr(sname[i]), cstr(sver[i]), addr, \
		    ssize[i], sstat[i] == "data" ? "UX_SHIM_DATA" : "UX_SHIM_FUNC", st, \
		    snote[i] == "" ? "NULL" : cstr(snote[i]) > out_c
	}
	print "};\n" > out_c
	print "const struct ux_shim_lib " table " = {\n\t" cstr(soname) ", syms, sizeof(syms) / sizeof(syms[0])\n};" > out_c

	# --- the stub library
	print "/* Generated from " spec_name " by libshim/gen_shim.awk. DO NOT EDIT." > out_s
	print " * The link-time image of " os "'s " soname ": names, versions and data" > out_s
	print " * sizes only; uxrun binds every symbol to libshim at run time. */" > out_s
	for (k = 1; k <= n; k++) {
		i = ord[k]
		label = scompat[i] ? "__shim_compat_" k "_" sname[i] : sname[i]
		if (sstat[i] == "data") {
			print "\n\t" (stls[i] ? ".section .tbss,\"awT\",@nobits" : ".bss") "\n\t.balign\t" \
			    (ssize[i] >= 16 ? 16 : 8) > out_s
			print "\t.globl\t" label "\n\t.type\t" label ", " (stls[i] ? "@tls_object" : "@object") > out_s
			print label ":\n\t.zero\t" ssize[i] "\n\t.size\t" label ", " ssize[i] > out_s
		} else {
			print "\n\t.text\n\t.globl\t" label "\n\t.type\t" label ", @function" > out_s
			print label ":\n\tud2\n\t.size\t" label ", . - " label > out_s
		}
		if (scompat[i])
			print "\t.symver\t" label ", " sname[i] "@" sver[i] ", remove" > out_s
	}
	print "\n\t.section .note.GNU-stack,\"\",@progbits" > out_s

	print "/* Generated from " spec_name " by libshim/gen_shim.awk. DO NOT EDIT. */" > out_map
	for (v = 1; v <= nver; v++) {
		print vlist[v] " {" > out_map
		any = 0
		for (k = 1; k <= n; k++) {
			i = ord[k]
			if (sver[i] != vlist[v] || scompat[i])
				continue
			if (!any)
				print "\tglobal:" > out_map
			any = 1
			print "\t\t" sname[i] ";" > out_map
		}
		print "}" (v > 1 ? " " vlist[v - 1] : "") ";" > out_map
	}

	# --- the compatibility table
	print "# " os " " soname " in uxrun's libshim\n" > out_md
	print "Generated from `" spec_name "`; do not edit.\n" > out_md
	print "What a guest's import of each symbol binds to.  Unimplemented functions are" > out_md
	print "reported once by name when called and fail as the last column says.\n" > out_md
	print "| symbol | version | status | implementation | note |" > out_md
	print "|---|---|---|---|---|" > out_md
	ni = np = nd = nu = 0
	for (k = 1; k <= n; k++) {
		i = ord[k]
		v = sver[i] (scompat[i] ? " (old ABI)" : "")
		if (sstat[i] == "unimpl") {
			how = simpl[i] == "-" ? "exits with status 127" : \
			    simpl[i] == "=-1" ? "-1, errno ENOSYS" : \
			    simpl[i] == "=NULL" ? "NULL, errno ENOSYS" : "returns ENOSYS"
			nu++
		} else {
			how = "`" simpl[i] "`"
			if (sstat[i] == "data") { how = how ", " ssize[i] " bytes"; nd++ }
			else if (sstat[i] == "partial") np++
			else ni++
		}
		note = snote[i]
		gsub(/\|/, "\\|", note)
		printf "| `%s` | %s | %s | %s | %s |\n", sname[i], v, sstat[i], how, note > out_md
	}
	printf "\n%d implemented, %d partial, %d data objects, %d not implemented.\n", \
	    ni, np, nd, nu > out_md
}
