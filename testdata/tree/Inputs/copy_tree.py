#!/usr/bin/env python3
"""copy_tree.py SRC DST: copies the source tree SRC to DST (which must not exist) as it is in the work
tree: the files git tracks plus the untracked ones it does not ignore (build trees are ignored); without
git, every file except .git and build/.  For tests that change a copy of the tree (new-check.test)."""
import os
import shutil
import subprocess
import sys


def files(src):
    if os.path.exists(os.path.join(src, ".git")) and shutil.which("git"):
        out = subprocess.run(["git", "-C", src, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             capture_output=True, check=True).stdout
        return sorted(set(n.decode() for n in out.split(b"\0") if n))
    names = []
    for d, subdirs, fs in os.walk(src):
        subdirs[:] = [s for s in subdirs if s != ".git" and not (d == src and s == "build")]
        names += [os.path.relpath(os.path.join(d, f), src) for f in fs]
    return sorted(names)


def main(src, dst):
    os.makedirs(dst)
    n = 0
    for rel in files(src):
        s = os.path.join(src, rel)
        if not os.path.isfile(s) or os.path.islink(s):
            continue  # deleted in the work tree, or a link
        d = os.path.join(dst, rel)
        os.makedirs(os.path.dirname(d), exist_ok=True)
        shutil.copy2(s, d)
        n += 1
    print(f"copy_tree: {n} files")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: copy_tree.py SRC DST")
    sys.exit(main(sys.argv[1], sys.argv[2]))
