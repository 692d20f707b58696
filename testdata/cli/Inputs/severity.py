#!/usr/bin/env python3
"""severity.py SARIF USAGE_MD: every rule's properties security-severity and precision against the
table in docs/usage.md ("| check | security-severity | precision |"), and every rule's help.markdown
against its doc page (docs/checks/<id>.md).  Prints "rules: N agree with docs/usage.md" or the
differences."""
import json
import os
import re
import sys

sarif, usage = sys.argv[1], sys.argv[2]
docs = os.path.dirname(os.path.abspath(usage))
table = {}
for m in re.finditer(r"^ *\| ([a-z-]+) \| ([0-9.]+) \| (high|very-high|medium|low) \|$", open(usage).read(), re.M):
    table["ptrcheck-" + m.group(1)] = (m.group(2), m.group(3))
bad = []
rules = json.load(open(sarif))["runs"][0]["tool"]["driver"]["rules"]
for r in rules:
    p = r.get("properties", {})
    got = (p.get("security-severity"), p.get("precision"))
    if table.get(r["id"]) != got:
        bad.append("%s: SARIF %s, docs %s" % (r["id"], got, table.get(r["id"])))
    page = open(os.path.join(docs, "checks", r["id"][len("ptrcheck-"):] + ".md")).read()
    if r["help"]["markdown"] != page:
        bad.append("%s: help.markdown is not docs/checks page" % r["id"])
if len(table) != len(rules):
    bad.append("docs table has %d rows, SARIF %d rules" % (len(table), len(rules)))
print("\n".join(bad) if bad else "rules: %d agree with docs/usage.md" % len(rules))
sys.exit(1 if bad else 0)
