// One text per hazard, whichever layer reports it: each hazard in one expression (which the AST
// part reports, with the frontend plugin) reads the same as when the pass plugin alone (the IR
// part) reports it, and, through a local, the IR part adds only the carrier (named from the AST
// when the frontend plugin runs too, "a local variable" without it).  At -O0 and -O2.
// With -g and the pass plugin alone, LLVM 22 names the local from its debug information; 14 and 19 do not.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O0 -g -fpass-plugin=%ptrcheck_plugin %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %clang -c -O2 -g -fpass-plugin=%ptrcheck_plugin %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <stdint.h>

void *arith(void *p, uintptr_t n) {
  return (void *)((uintptr_t)p + n); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer arithmetic done on an integer and converted back to a pointer; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]
void *arith_local(void *p, uintptr_t n) {
  uintptr_t u = (uintptr_t)p + n; // expected-note {{pointer converted to integer here}}
  return (void *)u; // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer through local 'u'; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer arithmetic done on an integer and converted back to a pointer through {{local 'u'|a local variable}}; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]

void *setbits(void *p) {
  return (void *)((uintptr_t)p | 1); // expected-warning {{pointer bits set with '|' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer bits set with '|' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]

void *mask(void *p) {
  return (void *)((uintptr_t)p & ~(uintptr_t)0x30); // expected-warning {{pointer bits masked with '&' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer bits masked with '&' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]

void *xor2(void *a, void *b) {
  return (void *)((uintptr_t)a ^ (uintptr_t)b); // expected-warning {{pointer mixed with another value by XOR and converted back to a pointer; the result points at no object the compiler can track [ptrcheck-int-roundtrip]}} expected-note 2 {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer mixed with another value by XOR and converted back to a pointer; the result points at no object the compiler can track [ptrcheck-int-roundtrip]
void *not(void *a) {
  return (void *)~(uintptr_t)a; // expected-warning {{pointer mixed with another value by XOR and converted back to a pointer; the result points at no object the compiler can track [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer mixed with another value by XOR and converted back to a pointer; the result points at no object the compiler can track [ptrcheck-int-roundtrip]

void *mix(void *p, uintptr_t bits) {
  return (void *)((uintptr_t)p | bits); // expected-warning {{pointer combined with another value and converted back to a pointer; the result points at no object the compiler can track [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer combined with another value and converted back to a pointer; the result points at no object the compiler can track [ptrcheck-int-roundtrip]
/* p - old + new: the difference is a distance, new_base's bits come back moved by it */
char *rebase(char *p, char *old_base, char *new_base) {
  return (char *)((uintptr_t)p - (uintptr_t)old_base + (uintptr_t)new_base); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer arithmetic done on an integer and converted back to a pointer; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]
void *mix2(void *a, void *b) {
  return (void *)((uintptr_t)a + (uintptr_t)b); // expected-warning {{pointer combined with another value and converted back to a pointer; the result points at no object the compiler can track [ptrcheck-int-roundtrip]}} expected-note 2 {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer combined with another value and converted back to a pointer; the result points at no object the compiler can track [ptrcheck-int-roundtrip]

void *shifted(void *p) {
  return (void *)((uintptr_t)p << 1); // expected-warning {{pointer converted to an integer, transformed and converted back to a pointer [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer converted to an integer, transformed and converted back to a pointer [ptrcheck-int-roundtrip]
void *scaled_local(void *p) {
  uintptr_t u = (uintptr_t)p * 2; // expected-note {{pointer converted to integer here}}
  return (void *)u; // expected-warning {{pointer converted to an integer, transformed and converted back to a pointer through local 'u' [ptrcheck-int-roundtrip]}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer converted to an integer, transformed and converted back to a pointer through {{local 'u'|a local variable}} [ptrcheck-int-roundtrip]

void *straight_local(void *p) {
  uintptr_t u = (uintptr_t)p; // expected-note {{pointer converted to integer here}}
  return (void *)u; // expected-warning {{pointer converted to an integer and back to a pointer through local 'u' [ptrcheck-int-roundtrip]}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer converted to an integer and back to a pointer through {{local 'u'|a local variable}} [ptrcheck-int-roundtrip]

// Tag bits: a bit-field of a few bits, or a choice between small constants, OR-ed in sets tag
// bits (not "combined with another value"); '^' with such a value toggles them (not "mixed by
// XOR"); cleared again before the pointer is used, they were tagged and untagged.
struct tagbits {
  unsigned mark : 1;
  unsigned kind : 3;
  unsigned wide : 20;
  uintptr_t word;
};
void *or_bitfield(void *p, const struct tagbits *t) {
  return (void *)((uintptr_t)p | t->mark); // expected-warning {{pointer bits set with '|' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer bits set with '|' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]
void *or_choice(void *p, int last) {
  return (void *)((uintptr_t)p | (last ? 1u : 2u)); // expected-warning {{pointer bits set with '|' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer bits set with '|' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]
void *or_wide_bitfield(void *p, const struct tagbits *t) {
  return (void *)((uintptr_t)p | t->wide); // expected-warning {{pointer combined with another value and converted back to a pointer; the result points at no object the compiler can track [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer combined with another value and converted back to a pointer; the result points at no object the compiler can track [ptrcheck-int-roundtrip]
void *xor_flag(void *p) {
  return (void *)((uintptr_t)p ^ 1); // expected-warning {{pointer tag bits toggled with '^' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer tag bits toggled with '^' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]
void *xor_kind(void *p, const struct tagbits *t) {
  return (void *)((uintptr_t)p ^ t->kind); // expected-warning {{pointer tag bits toggled with '^' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer tag bits toggled with '^' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]
void *xor_flag_local(void *p) {
  uintptr_t u = (uintptr_t)p; // expected-note {{pointer converted to integer here}}
  u ^= 2;
  return (void *)u; // expected-warning {{pointer tag bits toggled with '^' and used as a pointer through local 'u'; the result does not point at the original object [ptrcheck-int-roundtrip]}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer tag bits toggled with '^' and used as a pointer through {{local 'u'|a local variable}}; the result does not point at the original object [ptrcheck-int-roundtrip]
void keep_word(struct tagbits *t, void *p) {
  t->word = (uintptr_t)p; // expected-note 2 {{pointer converted to integer here}}
}
void toggle_word(struct tagbits *t) { t->word ^= 1; }
void copy_flag(struct tagbits *d, const struct tagbits *s) { d->word ^= (d->word ^ s->word) & 1; }
void *word_untagged(const struct tagbits *t) {
  return (void *)(t->word & ~(uintptr_t)3); // expected-warning {{pointer converted to an integer, tagged and untagged, and converted back to a pointer through field 'word' of 'struct tagbits' [ptrcheck-int-roundtrip]}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer converted to an integer, tagged and untagged, and converted back to a pointer through field {{'word' of 'struct tagbits'|#[0-9] of 'struct tagbits'}} [ptrcheck-int-roundtrip]
void *word_tagged(const struct tagbits *t) {
  return (void *)t->word; // expected-warning {{pointer tag bits toggled with '^' and used as a pointer through field 'word' of 'struct tagbits'; the result does not point at the original object [ptrcheck-int-roundtrip]}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer tag bits toggled with '^' and used as a pointer through field {{'word' of 'struct tagbits'|#[0-9] of 'struct tagbits'}}; the result does not point at the original object [ptrcheck-int-roundtrip]
void *xor_key(void *p) {
  return (void *)((uintptr_t)p ^ 0x5bd1e995u); // expected-warning {{pointer mixed with another value by XOR and converted back to a pointer; the result points at no object the compiler can track [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// CHECK-DAG: wording.c:[[@LINE-2]]:10: warning: pointer mixed with another value by XOR and converted back to a pointer; the result points at no object the compiler can track [ptrcheck-int-roundtrip]
