// Where the pointer became an integer, in a function that also subtracts two pointers (`b - a`,
// which clang lowers to two conversions the source does not write): the note still names the
// cast, not the function (pcre2's jit_compile).  With explicit casts in the subtraction the
// conversions are all the source's and map one to one.
// RUN: %clang -c -O0 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-int-roundtrip -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-int-roundtrip -Xclang -verify %s -o %t.o
#include <stdint.h>
struct common { long ctypes; long other; };
const unsigned char *tables;

long init(struct common *c, const char *a, const char *b, const int *p, const int *q) {
  c->ctypes = (long)(tables + 512); // expected-note {{pointer converted to integer here}}
  long n = (b - a) + (q - p);
  return n;
}
int use(struct common *c) {
  return *((const unsigned char *)c->ctypes + 3); // expected-warning {{pointer converted to an integer and back to a pointer through field 'ctypes' of 'struct common'}}
}

long init2(struct common *c, const char *a, const char *b) {
  c->other = (long)(tables + 256); // expected-note {{pointer converted to integer here}}
  return (intptr_t)b - (intptr_t)a;
}
int use2(struct common *c) {
  return *((const unsigned char *)c->other + 1); // expected-warning {{pointer converted to an integer and back to a pointer through field 'other' of 'struct common'}}
}
