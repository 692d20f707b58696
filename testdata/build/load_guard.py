"""The loading guard (testdata/build/load-guard.test): ptrcheck.so and ptrcheck-tidy.so of one LLVM
major, loaded by the clang / clang-tidy of another, end the compile with one error naming both
majors and the library to use (here the other build tree's), in both directions.

  load_guard.py OBJ_ROOT SOURCE.c
OBJ_ROOT is this build (build/llvm-N); the other majors' builds are its siblings build/llvm-M that
have ptrcheck.so and a testdata/lit.site.cfg.py (which names their clang).  Exit status 1 on the
first wrong outcome, with the command and what it printed."""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def site(obj):
    """major, clang, clang-tidy of the build tree obj (from its lit.site.cfg.py)."""
    vals = {}
    with open(os.path.join(obj, "testdata", "lit.site.cfg.py")) as f:
        for line in f:
            m = re.match(r'config\.(llvm_major|clang|clang_tidy) = "(.*)"$', line.strip())
            if m:
                vals[m.group(1)] = m.group(2)
    return int(vals["llvm_major"]), vals["clang"], vals.get("clang_tidy", "")


def others(obj):
    parent = os.path.dirname(os.path.abspath(obj))
    me = os.path.basename(os.path.abspath(obj))
    for name in sorted(os.listdir(parent)):
        d = os.path.join(parent, name)
        if name != me and re.fullmatch(r"llvm-[0-9]+", name) and \
                os.path.exists(os.path.join(d, "ptrcheck.so")) and \
                os.path.exists(os.path.join(d, "testdata", "lit.site.cfg.py")):
            yield d


def expect_refusal(cmd, lib, built, host, right):
    r = subprocess.run(cmd, capture_output=True, text=True)
    out = (r.stdout + r.stderr).strip().splitlines()
    want = ("error: ptrcheck: %s was built for LLVM %d but was loaded by " % (lib, built),
            "(LLVM %d); a plugin only runs in the LLVM major it was built for: use %s" % (host, right))
    # A library from a variant tree (build/llvm-N-asan) has no sibling of its own kind to name:
    # the guard then says how to get the right one.
    alt = "(LLVM %d); a plugin only runs in the LLVM major it was built for: use a %s built for LLVM %d " \
          "(make install LLVM_VERSION=%d)" % (host, os.path.basename(lib), host, host)
    variant = not re.fullmatch(r"llvm-[0-9]+", os.path.basename(os.path.dirname(lib)))
    if r.returncode != 1 or len(out) != 1 or not out[0].startswith(want[0]) or \
            not (out[0].endswith(want[1]) or (variant and out[0].endswith(alt))):
        print("FAIL: %s\n  exit %d, output:\n  %s\n  expected exit 1 and one line: %s...%s"
              % (" ".join(cmd), r.returncode, "\n  ".join(out), want[0], want[1]))
        return False
    shown = [os.path.basename(cmd[0])] + [c for c in cmd[1:] if c.startswith("-f") or c.startswith("--load")]
    print("ok: %s -> %s" % (" ".join(shown), out[0]))
    return True


def main():
    obj, src = sys.argv[1], sys.argv[2]
    obj = os.path.abspath(obj)
    n_major, n_clang, n_tidy = site(obj)
    # The guard names the sibling tree build/llvm-N; from a variant tree (build/llvm-N-asan) that is
    # the plain one when it exists.
    plain = os.path.join(os.path.dirname(obj), "llvm-%d" % n_major)
    n_right = plain if os.path.exists(os.path.join(plain, "ptrcheck.so")) else obj
    ran = 0
    ok = True
    for other in others(obj):
        m_major, m_clang, m_tidy = site(other)
        if m_major == n_major:
            continue
        for (built, bdir, host, hclang, htidy, rdir) in ((m_major, other, n_major, n_clang, n_tidy, n_right),
                                                          (n_major, obj, m_major, m_clang, m_tidy, other)):
            if not os.path.exists(hclang):
                continue
            plugin = os.path.join(bdir, "ptrcheck.so")
            right = os.path.join(rdir, "ptrcheck.so")
            for flags in (["-fplugin=" + plugin], ["-fpass-plugin=" + plugin],
                          ["-fplugin=" + plugin, "-fpass-plugin=" + plugin]):
                ok &= expect_refusal([hclang] + flags + ["-c", src, "-o", os.devnull], plugin, built, host, right)
                ran += 1
            module = os.path.join(bdir, "ptrcheck-tidy.so")
            if htidy and os.path.exists(htidy) and os.path.exists(module):
                ok &= expect_refusal([htidy, "--load=" + module, "--checks=-*,ptrcheck-*", src, "--"],
                                     module, built, host, os.path.join(rdir, "ptrcheck-tidy.so"))
                ran += 1
        # A copy outside any build/llvm-M tree: no sibling to name, so the message says how to get one.
        with tempfile.TemporaryDirectory() as tmp:
            copy = os.path.join(tmp, "ptrcheck.so")
            shutil.copy(os.path.join(other, "ptrcheck.so"), copy)
            ok &= expect_refusal([n_clang, "-fplugin=" + copy, "-c", src, "-o", os.devnull], copy, m_major, n_major,
                                 "a ptrcheck.so built for LLVM %d (make install LLVM_VERSION=%d)" % (n_major, n_major))
            ran += 1
    if not ran:
        print("FAIL: no build of another LLVM major next to %s" % obj)
        return 1
    print("%d refusals checked" % ran)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
