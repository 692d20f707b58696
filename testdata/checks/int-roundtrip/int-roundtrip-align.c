// Offsets that only look like alignment are still reported.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
#include <stddef.h>
#include <stdint.h>

void *skip_low(void *p) {
  uintptr_t u = (uintptr_t)p; // expected-note {{pointer converted to integer here}}
  return (void *)(u + (u & 7)); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer through local 'u'}}; do the arithmetic on a 'char *' instead
}
void *minus_other(void *p, size_t n) {
  uintptr_t u = (uintptr_t)p; // expected-note {{pointer converted to integer here}}
  return (void *)(u - n % 64); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer through local 'u'}}; do the arithmetic on a 'char *' instead
}
void *adjust_of_other(void *p, void *q, size_t a) {
  uintptr_t u = (uintptr_t)p, v = (uintptr_t)q; // expected-note {{pointer converted to integer here}}
  return (void *)(u + (a - v % a) % a); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer through local 'u'}}; do the arithmetic on a 'char *' instead
}
void *inline_offset(void *p, size_t a) {
  return (void *)((uintptr_t)p + a % 64); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer}} expected-note {{pointer converted to integer here}}
}

/* what only looks like rounding up with '|', or an adjustment that changes after it is computed */
void *or_not_low_ones(void *p) {
  return (void *)((((uintptr_t)p - 1) | 0x10) + 1); // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note {{pointer converted to integer here}}
}
void *or_minus_two(void *p) {
  return (void *)((((uintptr_t)p - 2) | 15) + 1); // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note {{pointer converted to integer here}}
}
char *changed_adjust(char *p, size_t n) {
  uintptr_t adjust = (uintptr_t)p & 15;
  adjust += n;
  return (char *)((uintptr_t)p - adjust); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer}} expected-note {{pointer converted to integer here}}
}
char *asm_changed_adjust(char *p) {
  uintptr_t adjust = (uintptr_t)p & 15;
  __asm__("" : "+r"(adjust));
  return (char *)((uintptr_t)p - adjust); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer}} expected-note {{pointer converted to integer here}}
}
char *moved_after_adjust(char *p) {
  uintptr_t adjust = (uintptr_t)p & 15;
  p += 4;
  return (char *)((uintptr_t)p - adjust); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer}} expected-note {{pointer converted to integer here}}
}
