#!/usr/bin/env python3
"""Runs the same C files through the clang plugin (-fsyntax-only, the AST checks) and through
clang-tidy with ptrcheck-tidy.so, normalises both to `file:line:col: id: message` (+ notes) and
diffs them.  Exit 0 when they agree and at least one finding was compared.

parity.py --clang CLANG --plugin SO --clang-tidy TIDY --module SO [--plugin-arg A]...
          [--tidy-config YAML] [--cflag F]... [--min N] FILE-OR-DIR..."""
import argparse
import difflib
import glob
import os
import re
import subprocess
import sys

DIAG = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): (?P<kind>warning|error|note): (?P<msg>.*)$")
TAG = re.compile(r" \[(?P<ids>[^\]]+)\]$")


def normalise(text, cwd):
    out, keep_notes = [], False
    for raw in text.splitlines():
        m = DIAG.match(raw)
        if not m:
            continue
        path = os.path.realpath(os.path.join(cwd, m["file"]))
        loc = f"{os.path.basename(path)}:{m['line']}:{m['col']}"
        msg = m["msg"]
        if m["kind"] == "note":
            if keep_notes:
                out[-1].append(f"  {loc}: note: {msg}")
            continue
        tag = TAG.search(msg)
        ids = [i for i in (tag["ids"].split(",") if tag else []) if i.startswith("ptrcheck-")]
        keep_notes = bool(ids)
        if not ids:
            continue
        out.append([f"{loc}: {ids[0]}: {msg[:tag.start()]}"])
    return sorted("\n".join(group) for group in out)


def run_line_flags(path):
    """Warning, -D and -std flags of the file's first plugin RUN line (the test's own compile flags)."""
    with open(path, errors="replace") as f:
        for line in f:
            if "RUN:" in line and "%clang" in line and "-fplugin=" in line:
                return [t for t in line.split() if t.startswith(("-W", "-D", "-std="))]
    return []


def compile_errors(text):
    """clang errors other than ptrcheck findings (a file that does not compile)."""
    errs = []
    for raw in text.splitlines():
        m = DIAG.match(raw)
        if m and m["kind"] == "error":
            tag = TAG.search(m["msg"])
            if not tag or not tag["ids"].startswith("ptrcheck-"):
                errs.append(raw)
    return errs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clang", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--module", required=True)
    ap.add_argument("--plugin-arg", action="append", default=[])
    ap.add_argument("--tidy-config", default="{}")
    ap.add_argument("--cflag", action="append", default=[])
    ap.add_argument("--min", type=int, default=1)
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    a.plugin, a.module = os.path.abspath(a.plugin), os.path.abspath(a.module)

    files = []
    for i in a.inputs:
        files += [os.path.abspath(x) for x in (sorted(glob.glob(os.path.join(i, "*.c"))) if os.path.isdir(i) else [i])]
    total, failed = 0, False
    for f in files:
        cwd = os.path.dirname(os.path.abspath(f))
        cflags = run_line_flags(f) + a.cflag
        plugin_cmd = [a.clang, "-fsyntax-only", "-fno-caret-diagnostics", "-fplugin=" + a.plugin] + \
            ["-fplugin-arg-ptrcheck-" + x for x in a.plugin_arg] + cflags + [f]
        tidy_cmd = [a.clang_tidy, "--load=" + a.module, "--checks=-*,ptrcheck-*", "--header-filter=.*",
                    "--config=" + a.tidy_config, f, "--"] + cflags
        p = subprocess.run(plugin_cmd, capture_output=True, text=True, cwd=cwd)
        t = subprocess.run(tidy_cmd, capture_output=True, text=True, cwd=cwd)
        if compile_errors(p.stderr):
            print(f"{f}: plugin run failed:\n{p.stderr}")
            failed = True
            continue
        got_p = normalise(p.stderr, cwd)
        got_t = normalise(t.stdout + t.stderr, cwd)
        total += len(got_p)
        if got_p != got_t:
            failed = True
            print(f"{f}: plugin and clang-tidy disagree:")
            for line in difflib.unified_diff(got_p, got_t, "plugin", "clang-tidy", lineterm="", n=0):
                print("  " + line)
    if total < a.min:
        print(f"parity: only {total} finding(s) compared, expected at least {a.min}")
        failed = True
    print(f"parity: {len(files)} files, {total} findings {'DIFFER' if failed else 'identical'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
