// With strict-provenance the alignment idioms and plain round trips are reported too.
// RUN: rm -rf %t && mkdir -p %t && printf 'strict-provenance: true\n' > %t/.ptrcheck.yaml && cp %s %t/strict.c
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify %t/strict.c
#include <stdint.h>

void *align_up(void *p) {
  return (void *)(((uintptr_t)p + 15) & ~(uintptr_t)15); // expected-warning {{pointer aligned through an integer; use __builtin_align_up or __builtin_align_down to keep its provenance}} expected-note {{converted to integer here}}
}

char *drop_const(const char *s) {
  return (char *)(uintptr_t)s; // expected-warning {{pointer converted to 'uintptr_t' and straight back to a pointer}} expected-note {{converted to integer here}}
}
