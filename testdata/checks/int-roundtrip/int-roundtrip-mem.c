// Pointer bits changed as an integer and read back as a pointer from memory: copied with memcpy
// into a pointer object, or a local union written as a pointer, changed through its integer member
// and read as a pointer (in the function's own view: a union handed to callees is not judged).  The conversion back is the load, which has no AST site: without -g the
// finding is placed at the function (with -g, at the load's line).
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O0 -g %ptrcheck_both %s -o %t.o 2>&1 | FileCheck %s --check-prefix=DEBUG
// DEBUG: int-roundtrip-mem.c:18:10: warning: pointer bits set with '|' and used as a pointer through local 'q'
// DEBUG: int-roundtrip-mem.c:26:12: warning: pointer arithmetic done on an integer and converted back to a pointer through local 'w'; do the arithmetic on a 'char *' instead
// DEBUG: int-roundtrip-mem.c:33:12: warning: pointer bits set with '|'
#include <stdint.h>
#include <string.h>

void *via_memcpy(void *p) { // expected-warning {{pointer bits set with '|' and used as a pointer through local 'q'}}
  uintptr_t u = (uintptr_t)p | 1; // expected-note {{pointer converted to integer here}}
  void *q;
  memcpy(&q, &u, sizeof q);
  return q;
}

union word { void *p; uintptr_t u; };
void *via_union(void *p) { // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer through local 'w'}}; do the arithmetic on a 'char *' instead
  union word w;
  w.p = p;
  w.u += 16;
  return w.p;
}

#define TAG(w, t) ((w).u |= (t))
void *via_union_macro(void *p) { // expected-warning {{pointer bits set with '|' and used as a pointer through local 'w'}}
  union word w = {p};
  TAG(w, 2);
  return w.p;
}

/* a sum of the full-width word and its narrowed low bits keeps every pointer bit: a round trip,
 * not a truncation; the low bits, narrowed and masked, are a small number added to the word */
void *rebuild(void *p) {
  uintptr_t w = (uintptr_t)p; // expected-note {{pointer converted to integer here}}
  uint32_t lo = (uint32_t)w & 7;
  return (void *)(w + lo); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer through local 'w'; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]}}
}
static uintptr_t low_bits(uintptr_t w) { return (uint32_t)w & 7; }
void *rebuild_callee(void *p) {
  uintptr_t w = (uintptr_t)p; // expected-note {{pointer converted to integer here}}
  return (void *)(w + low_bits(w)); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer through local 'w'; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]}}
}
