// retaining-functions (config) and strict-provenance (the stack-depth probe is reported).
// RUN: rm -rf %t && mkdir -p %t && printf 'strict-provenance: true\nretaining-functions:\n  - {name: "register_*", arg: 2}\n' > %t/cfg.yaml
// RUN: %clang -c -O0 %ptrcheck_both -Wno-return-stack-address -fplugin-arg-ptrcheck-config=%t/cfg.yaml -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t/a.o
// RUN: %clang -c -O2 %ptrcheck_both -Wno-return-stack-address -fplugin-arg-ptrcheck-config=%t/cfg.yaml -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t/a.o
#include <stdint.h>

void register_cb(void (*fn)(void *), void *ctx);
void call_now(void (*fn)(void *), void *ctx);
static void on_event(void *ctx) { (void)ctx; }

void retained(void) {
  int state = 0;
  register_cb(on_event, &state); // expected-warning {{address of local 'state' escapes into 'register_cb', which keeps its argument 2 (retaining-functions)}}
}
void retained_wrong_arg(void) {
  int state = 0;
  call_now(on_event, &state); // not listed: assumed not to keep it
}
uintptr_t stack_depth(void) {
  char marker;
  return (uintptr_t)&marker; // expected-warning {{address of local 'marker' escapes through the return value of 'stack_depth' (as an integer)}}
}
// NOLINT silences a finding
int *g;
void suppressed(void) {
  int x;
  g = &x; // NOLINT(ptrcheck-stack-escape)
}
