#!/bin/bash
# Fetch the benchmark inputs into bench/cache/ (idempotent):
#   cache/sqlite/sqlite3.c      the SQLite amalgamation shipped in the npm package better-sqlite3@12
#   cache/corpus/compile_commands.json   zlib + lua5.4 + libyaml from Debian source packages
# Uses ../shared/tools (debsrc.sh, realcode.py) when present, else its own `apt-get source` into the cache.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
CACHE=${BENCH_CACHE:-$HERE/cache}
PKGS=${BENCH_PKGS:-zlib lua5.4 libyaml}
mkdir -p "$CACHE/sqlite" "$CACHE/corpus"

# ---- sqlite3.c from npm
if [[ ! -s $CACHE/sqlite/sqlite3.c ]]; then
  command -v npm >/dev/null || { echo "bench: npm is needed (apt-get install npm)" >&2; exit 1; }
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent better-sqlite3@12 >/dev/null)
  tgz=$(ls "$tmp"/better-sqlite3-*.tgz)
  tar -xzf "$tgz" -C "$tmp" package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h package/deps/sqlite3/sqlite3ext.h
  mv "$tmp"/package/deps/sqlite3/sqlite3*.[ch] "$CACHE/sqlite/"
  basename "$tgz" .tgz >"$CACHE/sqlite/VERSION"
  rm -rf "$tmp"
fi
[[ -f $CACHE/sqlite/compile_commands.json ]] || cat >"$CACHE/sqlite/compile_commands.json" <<JSON
[{"directory": "$CACHE/sqlite", "file": "$CACHE/sqlite/sqlite3.c",
  "arguments": ["clang", "-DSQLITE_THREADSAFE=1", "-c", "sqlite3.c", "-o", "sqlite3.o"]}]
JSON

# ---- multi-file corpus from Debian source packages
if [[ ! -s $CACHE/corpus/compile_commands.json ]]; then
  TOOLS=$(git -C "$REPO" rev-parse --show-toplevel 2>/dev/null || echo "$REPO")/../shared/tools
  dbs=()
  if [[ -x $TOOLS/realcode.py || -f $TOOLS/realcode.py ]]; then
    export DEBSRC_CACHE=$CACHE/debsrc
    # Reuse an existing user cache of the same helper instead of downloading again.
    if [[ ! -d $DEBSRC_CACHE && -d ${XDG_CACHE_HOME:-$HOME/.cache}/ptrcheck-debsrc/src ]]; then
      DEBSRC_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/ptrcheck-debsrc
    fi
    while read -r pkg db; do dbs+=("$db"); done < <(python3 "$TOOLS/realcode.py" prepare $PKGS)
  else
    # Fallback: apt-get source with a private deb-src list, and a glob recipe per package.
    A=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$CACHE/apt/parts" -o Dir::State::Lists="$CACHE/apt/lists" -o Dir::Cache="$CACHE/apt/cache")
    mkdir -p "$CACHE/apt/lists/partial" "$CACHE/apt/cache/archives/partial" "$CACHE/apt/parts" "$CACHE/src"
    sed -n '/^Types:/,$p' /etc/apt/sources.list.d/debian.sources | sed 's/^Types: deb$/Types: deb-src/' >"$CACHE/apt/parts/src.sources"
    apt-get "${A[@]}" update >/dev/null
    for pkg in $PKGS; do
      [[ -n $(ls -d "$CACHE/src/$pkg"/*/ 2>/dev/null) ]] || { mkdir -p "$CACHE/src/$pkg"; (cd "$CACHE/src/$pkg" && apt-get "${A[@]}" source "$pkg" >/dev/null); }
      s=$(ls -d "$CACHE/src/$pkg"/*/ | head -n 1); s=${s%/}
      case $pkg in
        zlib) dir=$s; flags='"-O2","-I.","-D_LARGEFILE64_SOURCE=1"' ;;
        lua5*) dir=$s/src; echo '#define DEB_HOST_MULTIARCH "x86_64-linux-gnu"' >"$CACHE/src/$pkg/$pkg-deb-multiarch.h"
               flags="\"-std=gnu99\",\"-DLUA_COMPAT_5_3\",\"-DLUA_USE_LINUX\",\"-I$CACHE/src/$pkg\"" ;;
        libyaml) dir=$s/src; printf '#define YAML_VERSION_MAJOR 0\n#define YAML_VERSION_MINOR 2\n#define YAML_VERSION_PATCH 5\n#define YAML_VERSION_STRING "0.2.5"\n' >"$dir/config.h"
                 flags="\"-DHAVE_CONFIG_H\",\"-I$dir\",\"-I$s/include\"" ;;
        *) echo "bench: no fallback recipe for $pkg" >&2; continue ;;
      esac
      db=$CACHE/src/$pkg/compile_commands.json
      { echo '['; sep=''; for f in "$dir"/*.c; do
          printf '%s{"directory":"%s","file":"%s","arguments":["clang",%s,"-c","%s","-o","/dev/null"]}\n' "$sep" "$dir" "$f" "$flags" "$(basename "$f")"; sep=','; done; echo ']'; } >"$db"
      dbs+=("$db")
    done
  fi
  # One database for the whole corpus; drop standalone programs (lua.c/luac.c have main, fine to keep).
  python3 - "$CACHE/corpus/compile_commands.json" "${dbs[@]}" <<'PY'
import json, sys
out, ents = sys.argv[1], []
for db in sys.argv[2:]:
    for e in json.load(open(db)):
        if e.get('file', '').endswith('.c'):
            ents.append(e)
json.dump(ents, open(out, 'w'), indent=1)
print(f'bench: corpus of {len(ents)} C files -> {out}')
PY
fi
echo "bench: inputs in $CACHE ($(cat "$CACHE/sqlite/VERSION"), $(grep -c '"file"' "$CACHE/corpus/compile_commands.json") corpus files)"
