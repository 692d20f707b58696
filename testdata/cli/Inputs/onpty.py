#!/usr/bin/env python3
"""onpty.py [--stdout FILE] CMD ARGS...: runs CMD with a pseudo-terminal as stderr (and as stdout
unless --stdout FILE redirects it), prints what the terminal received with ESC shown as "<ESC>",
then "exit: N"."""
import os
import pty
import subprocess
import sys

args = sys.argv[1:]
out_file = None
if args[:1] == ["--stdout"]:
    out_file, args = args[1], args[2:]
master, slave = pty.openpty()
stdout = open(out_file, "wb") if out_file else slave
proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=stdout, stderr=slave)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
rc = proc.wait()
sys.stdout.write(data.decode("utf-8", "replace").replace("\x1b", "<ESC>").replace("\r\n", "\n"))
print("exit: %d" % rc)
