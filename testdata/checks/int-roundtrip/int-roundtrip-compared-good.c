// A pointer rebuilt from an integer only to be compared (a wrap-around or bounds test done on
// integers so that the pointer arithmetic cannot overflow) never accesses memory: nothing loses
// provenance, and "do the arithmetic on a char *" would make the test undefined.  Inline, through
// locals, through a macro, at both -O levels, in the AST check and the IR pass alike.  Next to
// them, the same value dereferenced, returned or stored is still reported.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify=ast %s
#include <stddef.h>
#include <stdint.h>

int wraps_inline(const unsigned char *p, size_t n) {
  return (const unsigned char *)((uintptr_t)p + n) < p;
}
int fits_local(const unsigned char *ip, size_t ll, size_t t) {
  uintptr_t ll_end = (uintptr_t)ip + ll;
  if ((ll_end + ((t + ll) >> 5)) <= ll_end || (const unsigned char *)(ll_end + ((t + ll) >> 5)) <= ip + ll)
    return 0;
  return 1;
}
#define END_OF(p, n) ((const char *)((uintptr_t)(p) + (n)))
int past_end(const char *p, size_t n, const char *limit) {
  const char *e = END_OF(p, n);
  return e > limit || e < p;
}

/* still reported: the rebuilt pointer is used */
char first_after(const char *p, size_t n) {
  const char *e = (const char *)((uintptr_t)p + n); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer}} expected-note {{converted to integer here}} ast-warning {{pointer arithmetic done on an integer and converted back to a pointer}} ast-note {{converted to integer here}}
  return e < p ? 0 : *e;
}
