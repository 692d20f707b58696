// Element-sensitive memory still finds the element that holds the pointer, and anything read
// through a varying index or copied whole.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
#include <stdint.h>
#include <stddef.h>
#include <string.h>

uintptr_t g_aux[8];
void aux_set(void *self) { g_aux[3] = (uintptr_t)self; }
void *aux_self(void) {
  return (void *)g_aux[3]; // expected-warning {{pointer converted to an integer and back to a pointer through an array element of 'g_aux'}} expected-note@-2 {{pointer converted to integer here}}
}
void *aux_any(int i) {
  return (void *)g_aux[i]; // expected-warning {{pointer converted to an integer and back to a pointer through an array element of 'g_aux'}} expected-note@-5 {{pointer converted to integer here}}
}

enum { REG_SP, REG_PC, NREGS };
struct mctx { int flags; uintptr_t gregs[NREGS]; };
#define REG(c, r) ((c)->gregs[r])
void save_sp(struct mctx *c, void *sp) { REG(c, REG_SP) = (uintptr_t)sp + 16; }
void *sp_of(struct mctx *c) {
  return (void *)REG(c, REG_SP); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer}} expected-note@-2 {{pointer converted to integer here}}
}

void *local_copy(void *p) {
  uintptr_t s[2], d[2];
  s[0] = (uintptr_t)p ^ 0x55;
  s[1] = 0;
  memcpy(d, s, sizeof d);
  return (void *)d[1]; // expected-warning {{pointer tag bits toggled with '^' and used as a pointer}} expected-note@-3 {{pointer converted to integer here}}
}

void *local_wild(void *p, int i) {
  uintptr_t s[4];
  s[i] = (uintptr_t)p | 1;
  return (void *)s[2]; // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note@-1 {{pointer converted to integer here}}
}

/* the element that received the pointer, after a callee filled the array */
static void fill(size_t *a, size_t n) {
  for (size_t i = 0; i < n; i++)
    a[i] = i;
}
void *entry_of(size_t *sp);
void *start(size_t *sp) {
  size_t aux[8];
  fill(aux, 8);
  aux[5] = (size_t)entry_of(sp); // expected-note {{pointer converted to integer here}}
  return (void *)aux[5]; // expected-warning {{pointer converted to an integer and back to a pointer through an array element of 'aux'}}
}
static void poke(uintptr_t *slot, uintptr_t v) { *slot ^= v; }
void *poked(void *p) {
  uintptr_t s[2] = {0, 0};
  s[1] = (uintptr_t)p; // expected-note {{pointer converted to integer here}}
  poke(&s[1], 8);
  return (void *)s[1]; // expected-warning {{pointer mixed with another value by XOR and converted back to a pointer through an array element of 's'}}; the result points at no object the compiler can track
}

/* ... but a callee that stores what it was given reaches every caller */
static void keep_word(size_t *dst, const size_t *src) { *dst = *src; }
void *through_callee_store(void *p) {
  size_t w = (size_t)p ^ 1, out; // expected-note {{pointer converted to integer here}}
  keep_word(&out, &w);
  return (void *)out; // expected-warning {{pointer tag bits toggled with '^' and used as a pointer through local 'out'}}; the result does not point at the original object
}
