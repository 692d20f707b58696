"""make check's ctest entries (testdata/build/make-check-jobs.test): every lit test belongs to exactly
one ctest entry (one per test directory, lit.<dir> or lit.checks.<id>), and every entry runs lit with
one worker, so `ctest -j JOBS` is the only parallelism.

  ctest_entries.py OBJ_ROOT LIT-COMMAND...   (LIT-COMMAND: python3 .../lit.py)
Prints one line per entry ("lit.cli: 21 tests") and "ok"; exit 1 with the reason otherwise."""
import json
import re
import subprocess
import sys


def main(obj, lit):
    shown = subprocess.run(["ctest", "--test-dir", obj, "--show-only=json-v1"], capture_output=True, text=True,
                           check=True).stdout
    entries = {}
    for t in json.loads(shown)["tests"]:
        cmd = t.get("command") or []
        if any(c.endswith(("lit.py", "/lit")) for c in cmd):
            entries[t["name"]] = cmd
    listed = subprocess.run(lit + ["--show-tests", obj + "/testdata"], capture_output=True, text=True,
                            check=True).stdout
    tests = re.findall(r"^\s+(ptrcheck :: \S+)$", listed, re.M)
    ok = bool(entries) and bool(tests)
    if not ok:
        print("FAIL: %d lit entries in ctest, %d lit tests" % (len(entries), len(tests)))
    owner = {t: [] for t in tests}
    for name, cmd in sorted(entries.items()):
        if "-j" not in cmd or cmd[cmd.index("-j") + 1] != "1":
            print("FAIL: %s does not run lit with -j 1: %s" % (name, " ".join(cmd)))
            ok = False
        if "--filter" not in cmd:
            print("FAIL: %s runs every lit test (no --filter)" % name)
            ok = False
            continue
        pat = re.compile(cmd[cmd.index("--filter") + 1])
        n = 0
        for t in tests:
            if pat.search(t):
                owner[t].append(name)
                n += 1
        print("%s: %d tests" % (name, n))
        if n == 0:
            print("FAIL: %s runs no test" % name)
            ok = False
    for t, names in sorted(owner.items()):
        if len(names) != 1:
            print("FAIL: %s is run by %d ctest entries (%s)" % (t, len(names), ", ".join(names) or "none"))
            ok = False
    print("ok" if ok else "not ok")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
