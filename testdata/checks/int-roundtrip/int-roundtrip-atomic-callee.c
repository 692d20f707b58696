// Tagged pointers published into atomic integers through callees (mimalloc's thread-free list:
// a helper makes the tagged word, compare-exchange publishes it into a field the caller's pointer
// reaches, another helper untags it) and through a macro: still found, at -O0 and -O2.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
#include <stdatomic.h>
#include <stdint.h>

typedef struct block_s { struct block_s *next; } block_t;
typedef enum { NO_DELAY = 0, DELAYED = 1, DELAYING = 2 } delayed_t;
typedef struct page_s { _Atomic(uintptr_t) xthread_free; } page_t;

static uintptr_t tf_make(block_t *b, delayed_t d) { return (uintptr_t)b | (uintptr_t)d; } // expected-note {{pointer converted to integer here}}
static block_t *tf_block(uintptr_t tf) { return (block_t *)(tf & ~(uintptr_t)3); } // expected-warning {{pointer combined with another value and converted back to a pointer through parameter 'tf'; the result points at no object the compiler can track [ptrcheck-int-roundtrip]}}

static void publish(page_t *page, block_t *b) {
  uintptr_t tf = atomic_load(&page->xthread_free);
  while (!atomic_compare_exchange_weak(&page->xthread_free, &tf, tf_make(b, DELAYED)))
    ;
}
void free_block(page_t *page, block_t *b) { publish(page, b); }
block_t *collect(page_t *page) { return tf_block(atomic_exchange(&page->xthread_free, 0)); }

/* the tag set with a constant, in a macro, exchanged through a callee's parameter */
#define TAGGED(p) ((uintptr_t)(p) | 1)
static void swap_in(_Atomic(uintptr_t) *w, void *p) { atomic_exchange(w, TAGGED(p)); } // expected-note {{pointer converted to integer here}}
_Atomic(uintptr_t) g_slot;
void put(void *p) { swap_in(&g_slot, p); }
void *take(void) {
  return (void *)atomic_load(&g_slot); // expected-warning {{pointer bits set with '|' and used as a pointer}}
}
