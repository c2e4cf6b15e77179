# A dynamically linked PIE program (sysroot: the guest's C library, set by
# run-test.sh): a breakpoint in main; `info sharedlibrary` lists exactly
# the dynamic linker and libc, symbols read; a breakpoint in libc's write
# is hit with main in the backtrace; auxv's AT_ENTRY is _start, AT_PHDR
# is in the program and AT_BASE is where the dynamic linker is loaded.
a64-connect
break main
run-to run
check-stop breakpoint
python
check(gdb.selected_frame().name() == "main", "stopped in main", str(frame_names()))
check_line("L:write")
main_addr = int(gdb.parse_and_eval("(long)&main"))
check(main_addr >= 0x10000 and (main_addr & 0xfff) == (int(gdb.lookup_global_symbol("main").value().address) & 0xfff),
      "main is relocated (PIE)", "%#x" % main_addr)
end
check-eq dyn_global 0x5a5a -- data relocated
python
import re
out = gdb.execute("info sharedlibrary", to_string=True)
libs = [l for l in out.splitlines() if l.startswith("0x")]
names = [l.split()[-1] for l in libs]
root = os.environ["A64_LIBC_ROOT"]
check([os.path.relpath(n, root) for n in names] ==
      ["lib/ld-linux-aarch64.so.1", "lib/aarch64-linux-gnu/libc.so.6"],
      "info sharedlibrary: ld-linux-aarch64.so.1 and libc.so.6, from the sysroot", out)
check(all(re.match(r"0x\S+\s+0x\S+\s+Yes\s", l) for l in libs) and len(libs) == 2,
      "symbols read for both libraries", out)
auxv = {}
for l in gdb.execute("info auxv", to_string=True).splitlines():
    m = re.match(r"\d+\s+(AT_\w+)\s.*\s(0x[0-9a-f]+|\d+)$", l)
    if m:
        auxv[m.group(1)] = int(m.group(2), 0)
start = int(gdb.parse_and_eval("(long)&_start"))
check(auxv.get("AT_ENTRY") == start, "AT_ENTRY is _start", "%s vs %#x" % (auxv.get("AT_ENTRY"), start))
check(auxv.get("AT_PAGESZ") == 4096, "AT_PAGESZ is 4096", str(auxv.get("AT_PAGESZ")))
phdr = auxv.get("AT_PHDR", 0)
check(gdb.execute("info symbol %d" % phdr, to_string=True).strip() != "" and
      0 < start - phdr < 0x100000, "AT_PHDR is in the program's image", "%#x" % phdr)
ld_lo = int(libs[0].split()[0], 16)
base = auxv.get("AT_BASE", 0)
check(base != 0 and (base & 0xfff) == 0 and 0 < ld_lo - base < 0x100000,
      "AT_BASE is the dynamic linker's load address", "AT_BASE %#x, ld text %#x" % (base, ld_lo))
check(gdb.solib_name(ld_lo).endswith("/ld-linux-aarch64.so.1"), "ld.so's text is ld.so", str(gdb.solib_name(ld_lo)))
end
break write
run-to continue
check-stop breakpoint
python
names = frame_names()
check(names[0] in ("write", "__GI___libc_write", "__libc_write"), "stopped in libc's write", str(names))
check(gdb.solib_name(int(gdb.parse_and_eval("$pc"))).endswith("/libc.so.6"), "the pc is in libc.so.6", str(gdb.solib_name(int(gdb.parse_and_eval("$pc")))))
check(names[1] == "main", "frame 1 is main", str(names))
end
check-eq $x0 1 -- write's fd
check-eq $x2 10 -- write's length
python check_str("(char *)$x1", "dyn_basic\n")
delete
run-to continue
check-stop exited
check-eq $_exitcode 7
check-done
