#!/usr/bin/env python3
"""fingerprints.py OLD.sarif NEW.sarif: how many results moved line, how many of OLD's
partialFingerprints NEW still has, and NEW's fingerprints that OLD lacks."""
import json
import sys


def results(path):
    out = {}
    for run in json.load(open(path))["runs"]:
        for r in run["results"]:
            fp = r["partialFingerprints"]["ptrcheck/v1"]
            assert fp not in out, "duplicate fingerprint " + fp
            out[fp] = r["locations"][0]["physicalLocation"]["region"]["startLine"]
    return out


old, new = results(sys.argv[1]), results(sys.argv[2])
print("lines moved: %d" % sum(1 for fp in old if fp in new and new[fp] != old[fp]))
print("same fingerprints: %d of %d" % (sum(1 for fp in old if fp in new), len(old)))
added = sorted(fp for fp in new if fp not in old)
print("new: %d %s" % (len(added), " ".join(added)))
