#!/bin/sh
# make demo: compile the demo sources with both ptrcheck plugins, as a user's build would.
set -u
: "${LLVM_PREFIX:=/usr/lib/llvm-14}" "${BUILD_DIR:=build/llvm-14}"
here=$(dirname "$0")
plugin="$BUILD_DIR/ptrcheck.so"
echo "ptrcheck demo: $LLVM_PREFIX/bin/clang -fplugin=$plugin -fpass-plugin=$plugin -c <file>"
echo
for f in "$here"/*.c; do
  echo "== $f"
  "$LLVM_PREFIX/bin/clang" -fplugin="$plugin" -fpass-plugin="$plugin" -O2 -c "$f" -o /dev/null
done
echo
echo "Checks: $("$BUILD_DIR/ptrcheck" --list-checks | cut -f1 | tr '\n' ' ')"
