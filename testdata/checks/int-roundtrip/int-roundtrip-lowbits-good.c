// Only low bits of a pointer come back: a pointer masked down to its low 16 bits (its tag or colour
// bits, `p & 7`, an index kept in a handle), or (uintptr_t)NULL, carries no object's address (no
// object lives below 64 KiB), so the conversion back to a pointer is no round trip (glib's datalist flags kept when the list is set to NULL, musl's
// iconv handle rebuilt from an index).  Inline, in macros, through locals and callees.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O0 -g -fpass-plugin=%ptrcheck_plugin %s -o %t.o 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
// RUN: %clang -c -O2 -g -fpass-plugin=%ptrcheck_plugin %s -o %t.o 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
// expected-no-diagnostics
#include <stddef.h>
#include <stdint.h>

typedef struct data data_t;
#define FLAGS_MASK 0x7

/* inline: the old value's flags, and no pointer */
void *flags_only(void *old) { return (void *)((uintptr_t)old & FLAGS_MASK); }
void *low_16(void *p) { return (void *)((uintptr_t)p & 0xffff); }
void *flags_and_null(void *old) { return (void *)(((uintptr_t)old & FLAGS_MASK) | (uintptr_t)NULL); }

/* glib's G_DATALIST_SET_POINTER (datalist, NULL): compare-and-exchange keeping the flags */
#define SET_POINTER(dl, ptr)                                                                       \
  do {                                                                                             \
    void *_oldv, *_newv;                                                                           \
    do {                                                                                           \
      _oldv = __atomic_load_n((void **)(dl), __ATOMIC_SEQ_CST);                                    \
      _newv = (void *)(((uintptr_t)_oldv & FLAGS_MASK) | (uintptr_t)(ptr));                        \
    } while (!__atomic_compare_exchange_n((void **)(dl), &_oldv, _newv, 0, __ATOMIC_SEQ_CST,      \
                                          __ATOMIC_SEQ_CST));                                      \
  } while (0)
void list_clear(data_t **dl) { SET_POINTER(dl, NULL); }

/* through a local and a callee */
void *flags_local(void *old) {
  uintptr_t f = (uintptr_t)old & 3;
  return (void *)f;
}
static uintptr_t colour_of(const void *node) { return (uintptr_t)node & 1; }
void *colour_as_pointer(const void *node) { return (void *)(colour_of(node) | 2); }

/* musl's iconv: a handle that is an encoded index, decoded with a shift and a mask and encoded
 * again */
typedef void *handle_t;
static size_t extract_to(handle_t cd) { return (size_t)cd >> 1 & 0x7fff; }
static handle_t combine(size_t t, size_t f) { return (void *)(f << 16 | t << 1 | 1); }
handle_t reopen(handle_t cd, size_t utf8) { return combine(extract_to(cd), utf8); }

// CHECK-NOT: warning:
