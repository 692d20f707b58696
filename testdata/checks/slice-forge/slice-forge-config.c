// slice-types from .ptrcheck.yaml (unit bytes vs elements, a typedef name), and
// infer-slice-types: false turning shape inference off.
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-config=%S/Inputs/slice-forge.ptrcheck.yaml -Xclang -verify=cfg %s
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-config=%S/Inputs/slice-forge-noinfer.ptrcheck.yaml -Xclang -verify=noinfer %s
// noinfer-no-diagnostics
#include <stddef.h>

struct blob { int *bytes; size_t used; size_t room; int tag; }; // a fourth field: only the config makes it a header
typedef struct { double *items; unsigned count; } vec_t;          // inferred too, unless inference is off
struct span { char *ptr; size_t len; };                          // inferred only

void use_blob(struct blob);
void use_vec(vec_t);
void use_span(struct span);

void configured(void) {
  int words[4];
  struct blob b = {words, 16, 16, 0};   // unit: bytes, so 16 fits the 16 bytes of 'words'
  use_blob(b);
  struct blob c = {words, 16, 20, 0};   // cfg-warning {{'struct blob' header claims room 20, which exceeds the 16 bytes of 'words'}} cfg-note@-3 {{'words' has 16 bytes}}
  use_blob(c);
  double d[2];
  vec_t v = {d, 3};                     // cfg-warning {{'vec_t' header claims count 3 (24 bytes of 'double'), which exceeds the 16 bytes of 'd'}} cfg-note@-1 {{'d' has 16 bytes}}
  use_vec(v);
}

void inferred(void) {
  char buf[4];
  struct span s = {buf, 8};             // cfg-warning {{'struct span' header claims len 8, which exceeds the 4 bytes of 'buf'}} cfg-note@-1 {{'buf' has 4 bytes}}
  use_span(s);
}
