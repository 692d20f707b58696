// Bad cases of ptrcheck-int-roundtrip that the AST pass sees inside one expression.
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify %s
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <stdint.h>

struct hdr { int kind; int len; };

struct hdr *next_header(struct hdr *h) {
  return (struct hdr *)((uintptr_t)h + sizeof(struct hdr)); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
// FIX: fix-it:"{{.*}}int-roundtrip.c":{[[@LINE-2]]:25-[[@LINE-2]]:36}:"(char *)"

const int *skip(const int *p, intptr_t n) {
  return (const int *)((intptr_t)p - n); // expected-warning {{pointer arithmetic done on an integer}} expected-note {{converted to integer here}}
}
// FIX: fix-it:"{{.*}}int-roundtrip.c":{[[@LINE-2]]:24-[[@LINE-2]]:34}:"(const char *)"

void *tag(void *p) {
  return (void *)((uintptr_t)p | 1); // expected-warning {{pointer bits set with '|' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]}} expected-note {{converted to integer here}}
}

struct node { uintptr_t link; };
struct node *xor_next(struct node *n, struct node *prev) {
  return (struct node *)(n->link ^ (uintptr_t)prev); // expected-warning {{pointer mixed with another value by XOR and converted back to a pointer}} expected-note {{converted to integer here}}
}

void *xor_two(void *a, void *b) {
  return (void *)((uintptr_t)a ^ (uintptr_t)b); // expected-warning {{pointer mixed with another value by XOR}} expected-note 2 {{converted to integer here}}
}

void *clear_bits(void *p) {
  return (void *)((uintptr_t)p & ~(uintptr_t)0x30); // expected-warning {{pointer bits masked with '&' and used as a pointer}} expected-note {{converted to integer here}}
}

char *rebase(char *p, char *old_base, char *new_base) {
  return (char *)((uintptr_t)p - (uintptr_t)old_base + (uintptr_t)new_base); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer}} expected-note {{converted to integer here}}
}

void *scaled(void *p) {
  return (void *)((uintptr_t)p * 2); // expected-warning {{pointer converted to an integer, transformed and converted back to a pointer}} expected-note {{converted to integer here}}
}

void *cond(void *p, int c) {
  return (void *)(c ? (uintptr_t)p + 4 : 0); // expected-warning {{pointer arithmetic done on an integer}} expected-note {{converted to integer here}}
}

#define PTR_ADD(p, n) ((void *)((uintptr_t)(p) + (n)))
void *via_macro(void *p) {
  return PTR_ADD(p, 16); // expected-warning {{pointer arithmetic done on an integer}} expected-note {{converted to integer here}}
}

void *suppressed(void *p) {
  return (void *)((uintptr_t)p + 8); // NOLINT(ptrcheck-int-roundtrip)
}

void *suppressed_next(void *p) {
  // NOLINTNEXTLINE(ptrcheck-*)
  return (void *)((uintptr_t)p + 8);
}
