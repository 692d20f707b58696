#!/bin/sh
# gated-clang.sh: a PTRCHECK_CLANG that runs $REAL_CLANG, but first holds some files back so a test
# can see what ptrcheck prints while other files are still being compiled.
#   GATE_MODE=stream: net.c waits until $GATE_OUT (the report) shows alloc.c's finding.
#   GATE_MODE=order:  alloc.c waits until net.c and clean.c have finished (it finishes last).
# A wait that times out (60 s) leaves $GATE_DIR/timeout-<file>, which the test checks is absent.
src=
for a in "$@"; do
  case "$a" in *.c) src=$(basename "$a") ;; esac
done
wait_for() { # wait_for NAME CONDITION...
  name=$1; shift
  n=0
  until eval "$@"; do
    n=$((n + 1))
    if [ "$n" -ge 600 ]; then : > "$GATE_DIR/timeout-$name"; return; fi
    sleep 0.1
  done
}
case "$GATE_MODE:$src" in
  stream:net.c) wait_for "$src" 'grep -q "src/alloc.c:6:10: warning" "$GATE_OUT" 2>/dev/null' ;;
  order:alloc.c) wait_for "$src" '[ -e "$GATE_DIR/net.c.done" ] && [ -e "$GATE_DIR/clean.c.done" ]' ;;
esac
"$REAL_CLANG" "$@"
rc=$?
[ -z "$src" ] || : > "$GATE_DIR/$src.done"
exit "$rc"
