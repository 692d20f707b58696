#!/bin/sh
# mkproj.sh INPUTS DIR [nobroken]: a fresh copy of Inputs/proj in DIR whose build/compile_commands.json
# has absolute paths into DIR; "nobroken" leaves out the entry (and file) that does not compile.
set -e
rm -rf "$2"
mkdir -p "$2/build"
cp -R "$1/proj/src" "$1/proj/include" "$2/"
sed -e "s|@DIR@|$2|g" "$1/proj/compile_commands.json.in" > "$2/build/compile_commands.json"
if [ "$3" = nobroken ]; then
  rm -f "$2/src/broken.c"
  python3 -c '
import json, sys
p = sys.argv[1]
db = [e for e in json.load(open(p)) if "broken" not in e["file"]]
json.dump(db, open(p, "w"), indent=1)
' "$2/build/compile_commands.json"
fi
