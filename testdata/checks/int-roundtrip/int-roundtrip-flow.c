// Round trips the IR pass finds through data flow, reported through clang's diagnostics at the
// AST's locations (no -g), identically at -O0 and -O2.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// With -g the warnings are the same; the notes for union punning and memcpy move from the function
// to the exact line (no AST site maps loads or memcpy intrinsics yet).
// RUN: %clang -c -O2 -g %ptrcheck_both %s -o %t.o 2>&1 | FileCheck %s --check-prefix=DEBUG
// DEBUG-DAG: int-roundtrip-flow.c:69:21: note: pointer stored in memory is read as an integer here
// DEBUG-DAG: int-roundtrip-flow.c:74:3: note: pointer bits copied into integer memory here
#include <stdint.h>
#include <string.h>

void *through_local(void *p) {
  uintptr_t u = (uintptr_t)p;
  u += 16;
  return (void *)u; // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer through local 'u'; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]}} expected-note@-2 {{pointer converted to integer here}}
}

void *unchanged_local(void *p) {
  uintptr_t u = (uintptr_t)p;
  return (void *)u; // expected-warning {{pointer converted to an integer and back to a pointer through local 'u'}} expected-note@-1 {{pointer converted to integer here}}
}

struct handle { int flags; uintptr_t raw; };
void handle_set(struct handle *h, void *obj) { h->raw = (uintptr_t)obj; }
void *handle_get(const struct handle *h) {
  return (void *)h->raw; // expected-warning {{through field 'raw' of 'struct handle'}} expected-note@-2 {{pointer converted to integer}}
}

uintptr_t g_saved;
void save(void *p) { g_saved = (uintptr_t)p; }
void *restore(void) {
  return (void *)g_saved; // expected-warning {{through global 'g_saved'}} expected-note@-2 {{pointer converted to integer}}
}

static uintptr_t to_int(void *p) { return (uintptr_t)p; }
void *via_return(void *p) {
  return (void *)(to_int(p) + 8); // expected-warning {{pointer arithmetic done on an integer}} expected-note@-2 {{pointer converted to integer}}
}

static void *from_int(uintptr_t v) {
  return (void *)v; // expected-warning {{pointer converted to an integer and back to a pointer}}
}
void *via_param(void *p) { return from_int((uintptr_t)p); } // expected-note {{pointer converted to integer}}

static void put(uintptr_t *out, void *p) { *out = (uintptr_t)p; } // expected-note {{pointer converted to integer}}
void *via_out_param(void *p) {
  uintptr_t u;
  put(&u, p);
  return (void *)u; // expected-warning {{through local 'u'}}
}

uintptr_t slots[8];
void stash(int i, void *p) { slots[i] = (uintptr_t)p; }
void *unstash(int i) {
  return (void *)slots[i]; // expected-warning {{through an array element of 'slots'}} expected-note@-2 {{pointer converted to integer}}
}

struct xnode { uintptr_t link; int v; };
struct xnode *xor_walk(struct xnode *n, struct xnode *prev) {
  uintptr_t next = n->link ^ (uintptr_t)prev; // expected-note {{pointer converted to integer}}
  return (struct xnode *)next; // expected-warning {{pointer mixed with another value by XOR and converted back to a pointer}}
}

union pun { void *p; uintptr_t bits; };
void *via_union(void *p) { // expected-note {{pointer stored in memory is read as an integer in 'via_union'}}
  union pun u;
  u.p = p;
  return (void *)(u.bits | 1); // expected-warning {{bits set with '|'}}
}

void *via_memcpy(void *p) { // expected-note {{pointer bits copied into integer memory in 'via_memcpy'}}
  uintptr_t u;
  memcpy(&u, &p, sizeof p);
  return (void *)(u + 4); // expected-warning {{pointer arithmetic done on an integer}}
}

void *truncated(void *p) {
  uint32_t small = (uint32_t)(uintptr_t)p; // expected-note {{pointer converted to integer}}
  return (void *)(uintptr_t)small; // expected-warning {{pointer truncated to 32 bits}}
}

/* A pass-through helper that offsets its argument: reported at the caller's conversion. */
static inline uintptr_t skip_header(uintptr_t x) { return x + 16; }
void *payload(void *p) {
  return (void *)skip_header((uintptr_t)p); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer through the return value of 'skip_header'}} expected-note {{pointer converted to integer here}}
}
