#!/usr/bin/env python3
"""local-hook.py HOOKS.yaml PTRCHECK: a .pre-commit-config.yaml with a `repo: local` copy of the
shipped hook definition whose entry runs the given ptrcheck binary (and -p build)."""
import sys

import yaml

hooks = yaml.safe_load(open(sys.argv[1]))
hook = dict(next(h for h in hooks if h["id"] == "ptrcheck"))
assert hook["entry"].split()[0] == "ptrcheck", hook["entry"]
hook["entry"] = sys.argv[2] + hook["entry"][len("ptrcheck"):]
hook["args"] = ["-p", "build"]
print(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}, sort_keys=False))
