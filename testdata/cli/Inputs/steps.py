#!/usr/bin/env python3
"""steps.py TEXT SARIF HTML: checks that every finding has the same steps in the three outputs:
its notes in the text output, in order, then the finding itself; SARIF's codeFlows[0] thread flow
(location, message, executionOrder 1..n); the HTML report's numbered steps.  Prints one line per
finding ("N steps: file:line:col ...") and "steps agree: K findings", or the first difference."""
import html
import json
import re
import sys

LINE = re.compile(r"^(\S+?):(\d+):(\d+): (warning|note): (.*?)(?: \[(ptrcheck-[a-z-]+)\])?$")


def text_steps(path):
    findings, cur = [], None
    for line in open(path, encoding="utf-8"):
        m = LINE.match(line.rstrip("\n"))
        if not m:
            continue
        step = (m.group(1), int(m.group(2)), int(m.group(3)), m.group(5))
        if m.group(4) == "warning":
            cur = {"finding": step, "notes": []}
            findings.append(cur)
        elif cur is not None:
            cur["notes"].append(step)
    return [f["notes"] + [f["finding"]] for f in findings if f["notes"]]


def sarif_steps(path):
    out = []
    for r in json.load(open(path))["runs"][0]["results"]:
        if "codeFlows" not in r:
            assert "relatedLocations" not in r, "notes without a code flow: %s" % r["message"]["text"]
            continue
        flow = r["codeFlows"][0]["threadFlows"][0]["locations"]
        steps = []
        for n, s in enumerate(flow, 1):
            assert s["executionOrder"] == n, "executionOrder %s at step %d" % (s["executionOrder"], n)
            loc = s["location"]
            p = loc["physicalLocation"]
            steps.append((p["artifactLocation"]["uri"], p["region"]["startLine"], p["region"]["startColumn"],
                          loc["message"]["text"]))
        related = [(x["physicalLocation"]["artifactLocation"]["uri"], x["physicalLocation"]["region"]["startLine"],
                    x["physicalLocation"]["region"]["startColumn"], x["message"]["text"]) for x in r["relatedLocations"]]
        assert related == steps[:-1], "relatedLocations differ from the code flow: %s" % r["message"]["text"]
        out.append(steps)
    return out


def html_steps(path):
    doc = open(path, encoding="utf-8").read()
    out = []
    for ol in re.findall(r'<ol class="steps">\n(.*?)</ol>', doc, re.S):
        steps = []
        for where, msg in re.findall(r'<li><span class="where">(.*?)</span> (.*?)</li>', ol):
            file, line, col = html.unescape(where).rsplit(":", 2)
            steps.append((file, int(line), int(col), html.unescape(msg)))
        out.append(steps)
    return out


text, sarif, page = text_steps(sys.argv[1]), sarif_steps(sys.argv[2]), html_steps(sys.argv[3])
for name, other in (("SARIF", sarif), ("HTML", page)):
    if other != text:
        for i, (a, b) in enumerate(zip(text, other)):
            if a != b:
                print("finding %d: text %r\n%s %r" % (i + 1, a, name, b))
                break
        else:
            print("text has %d findings with steps, %s %d" % (len(text), name, len(other)))
        sys.exit(1)
for s in text:
    print("%d steps: %s" % (len(s), " ".join("%s:%d:%d" % x[:3] for x in s)))
print("steps agree: %d findings" % len(text))
