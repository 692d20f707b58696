// The walk skips the arm of a constant condition that clang's code generator drops, and walks every
// arm of a condition that reads a variable (only const-qualified ones can fold).  Arms the walk
// skips hold no findings; the hazard is the same in every function.
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify -Wno-tautological-compare -Wno-pointer-bool-conversion %s
#include <stdint.h>

struct s { int flags; int n; };
static const int K = 0;
int g;

// live: the condition reads a variable that is not const
void *live_cmp(void *p, int n) {
  if (n > 0)
    return (void *)((uintptr_t)p | 1); // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note {{converted to integer here}}
  return p;
}
void *live_mask(void *p, struct s *x) {
  if (x->flags & 0) // no folding through a variable's value
    return (void *)((uintptr_t)p | 1); // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note {{converted to integer here}}
  return p;
}
void *live_mul(void *p, int n) {
  if (n * 0)
    return (void *)((uintptr_t)p | 1); // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note {{converted to integer here}}
  return p;
}
void *live_self(void *p, int n) {
  if (n != n)
    return (void *)((uintptr_t)p | 1); // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note {{converted to integer here}}
  return p;
}
void *live_global(void *p) {
  if (!g)
    return (void *)((uintptr_t)p | 1); // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note {{converted to integer here}}
  return p;
}
void *live_member(void *p) {
  struct s t = {0, 0};
  if (t.n)
    return (void *)((uintptr_t)p | 1); // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note {{converted to integer here}}
  return p;
}
void *live_arm(void *p, int n) {
  return n * 0 ? (void *)((uintptr_t)p | 1) : p; // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note {{converted to integer here}}
}

// dead: constant conditions, including ones that read a const-qualified variable or fold
// around a variable (`n && 0`, `!&g`)
void *dead_zero(void *p) {
  if (0)
    return (void *)((uintptr_t)p | 1);
  return p;
}
void *dead_sizeof(void *p) {
  if (sizeof(long) == 3)
    return (void *)((uintptr_t)p | 1);
  return p;
}
void *dead_and(void *p, int n) {
  if (n && 0)
    return (void *)((uintptr_t)p | 1);
  return p;
}
void *dead_or(void *p, int n) {
  if ((n >> 1) || 1)
    return p;
  else
    return (void *)((uintptr_t)p | 1);
}
void *dead_const_global(void *p) {
  if (K)
    return (void *)((uintptr_t)p | 1);
  return p;
}
void *dead_const_local(void *p) {
  const int z = 0;
  if (z)
    return (void *)((uintptr_t)p | 1);
  return p;
}
void *dead_address(void *p) {
  if (!&g)
    return (void *)((uintptr_t)p | 1);
  return p;
}
void *dead_arm(void *p) { return 0 ? (void *)((uintptr_t)p | 1) : p; }
