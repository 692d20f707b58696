// Next to the low-bits rule (int-roundtrip-lowbits-good.c): a pointer that does come back with its
// flags is still found, and reads as bits set, not as two pointers mixed; a mask that keeps more
// than the low 16 bits, or keeps the high bits, is still a mask; bits narrowed to 16 and added to the full-width
// pointer (jemalloc's cache_bin) are an offset: pointer arithmetic.  The same text whether the
// AST part (one expression) or the IR part (through locals, callees) reports it.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
#include <stddef.h>
#include <stdint.h>

typedef struct data data_t;
#define FLAGS_MASK 0x7

/* inline */
void *keep_flags(void *old, void *p) {
  return (void *)(((uintptr_t)old & FLAGS_MASK) | (uintptr_t)p); // expected-warning {{pointer bits set with '|' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}

/* glib's G_DATALIST_SET_POINTER (datalist, d) */
#define SET_POINTER(dl, ptr)                                                                       \
  do {                                                                                             \
    void *_oldv, *_newv;                                                                           \
    do {                                                                                           \
      _oldv = __atomic_load_n((void **)(dl), __ATOMIC_SEQ_CST);                                    \
      _newv = (void *)(((uintptr_t)_oldv & FLAGS_MASK) | (uintptr_t)(ptr));                        \
    } while (!__atomic_compare_exchange_n((void **)(dl), &_oldv, _newv, 0, __ATOMIC_SEQ_CST,      \
                                          __ATOMIC_SEQ_CST));                                      \
  } while (0)
void list_set(data_t **dl, data_t *d) {
  SET_POINTER(dl, d); // expected-warning {{pointer bits set with '|' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}

/* through a local and a callee: the IR part, same words plus the carrier */
void *keep_flags_local(void *old, void *p) {
  uintptr_t f = (uintptr_t)old & FLAGS_MASK;
  uintptr_t v = f | (uintptr_t)p; // expected-note {{pointer converted to integer here}}
  return (void *)v; // expected-warning {{pointer bits set with '|' and used as a pointer through local 'v'; the result does not point at the original object [ptrcheck-int-roundtrip]}}
}
/* a callee's result is not known to be small: combined (still found) */
static uintptr_t colour_of(const void *node) { return (uintptr_t)node & 1; }
void *set_right(const void *node, void *right) {
  uintptr_t v = (uintptr_t)right | colour_of(node); // expected-note {{pointer converted to integer here}}
  return (void *)v; // expected-warning {{pointer combined with another value and converted back to a pointer through local 'v'; the result points at no object the compiler can track [ptrcheck-int-roundtrip]}}
}

/* a mask that keeps the high bits and is no alignment mask, and one keeping more than 16 bits */
void *clear_bits(void *p) {
  return (void *)((uintptr_t)p & ~(uintptr_t)0xf0); // expected-warning {{pointer bits masked with '&' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
void *low_4g(void *p) {
  return (void *)((uintptr_t)p & 0xffffffffu); // expected-warning {{pointer bits masked with '&' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}

/* jemalloc's cache_bin: a distance computed from the low 16 bits, added to the full-width value */
void **empty_position(void **head, uint16_t low_bits_empty) {
  uint16_t diff = (uint16_t)(low_bits_empty - (uint16_t)(uintptr_t)head);
  uintptr_t bits = (uintptr_t)head + diff; // expected-note {{pointer converted to integer here}}
  return (void **)bits; // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer through local 'bits'; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]}}
}
void **full_position(void **head, uint16_t low_bits_full) {
  uint16_t diff = (uint16_t)((uint16_t)(uintptr_t)head - low_bits_full);
  return (void **)((uintptr_t)head - diff); // expected-warning {{pointer arithmetic done on an integer and converted back to a pointer; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]}} expected-note {{pointer converted to integer here}}
}
