// Pointers in memory read as integers and as pointers, with nothing changed: silent.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// expected-no-diagnostics
#include <stdint.h>
#include <string.h>

union word { void *p; uintptr_t u; };
unsigned hash_word(union word *w) { return (unsigned)(w->u >> 4); }
void *keep(void *p, unsigned *h) {
  union word w;
  w.p = p;
  *h = hash_word(&w);
  return w.p;
}
void *copy_ptr(void *p) {
  void *q;
  memcpy(&q, &p, sizeof q);
  return q;
}
void *bits_through_int(void *p) {
  uintptr_t u;
  void *q;
  memcpy(&u, &p, sizeof u);
  memcpy(&q, &u, sizeof q);
  return q;
}
#define LOW(w) ((uint32_t)(w) & 7)
unsigned tag_of(void *p) { uintptr_t w = (uintptr_t)p; return LOW(w) + (unsigned)(w >> 60); }
