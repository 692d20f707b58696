// With strict-provenance the alignment idioms and plain round trips are reported too, in the words
// the IR part uses for the same hazards (int-roundtrip-align-strict.test): the builtin named is the
// one that rounds the same way.
// RUN: rm -rf %t && mkdir -p %t && printf 'strict-provenance: true\n' > %t/.ptrcheck.yaml && cp %s %t/strict.c
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify %t/strict.c
#include <stdint.h>

void *align_up(void *p) {
  return (void *)(((uintptr_t)p + 15) & ~(uintptr_t)15); // expected-warning {{pointer aligned as an integer and converted back to a pointer; use __builtin_align_up to keep its provenance}} expected-note {{pointer converted to integer here}}
}

void *align_down(void *p) {
  return (void *)((uintptr_t)p & ~(uintptr_t)63); // expected-warning {{pointer aligned as an integer and converted back to a pointer; use __builtin_align_down to keep its provenance}} expected-note {{pointer converted to integer here}}
}

void *align_down_rem(void *p, uintptr_t a) {
  return (void *)((uintptr_t)p - (uintptr_t)p % a); // expected-warning {{use __builtin_align_down to keep its provenance}} expected-note {{pointer converted to integer here}}
}

void *align_up_adjust(void *p) {
  return (void *)((uintptr_t)p + (-(uintptr_t)p & 15)); // expected-warning {{use __builtin_align_up to keep its provenance}} expected-note {{pointer converted to integer here}}
}

char *drop_const(const char *s) {
  return (char *)(uintptr_t)s; // expected-warning {{pointer converted to an integer and back to a pointer [ptrcheck-int-roundtrip]}} expected-note {{converted to integer here}}
}
