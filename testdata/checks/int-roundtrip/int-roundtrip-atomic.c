// Pointer bits kept in atomic integers and converted back: found however they are published
// (plain atomic store, compare-exchange, exchange, GNU and __sync builtins) and next to `_Atomic`
// pointers whose conversions only clang's lowering has.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
#include <stdatomic.h>
#include <stdint.h>

_Atomic uintptr_t g_word;
atomic_uintptr_t g_word2;
uintptr_t g_plain;
_Atomic uintptr_t g_direct;
_Atomic(void *) g_ptr;

void pub_store(void *p) { atomic_store(&g_word, (uintptr_t)p | 1); }
void *get_store(void) {
  return (void *)(atomic_load(&g_word) + 8); // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note@-2 {{pointer converted to integer here}}
}

void pub_cas(void *p) {
  uintptr_t old = atomic_load(&g_word2);
  atomic_compare_exchange_strong(&g_word2, &old, (uintptr_t)p | 1);
}
void pub_xchg(void *p) { atomic_exchange(&g_word2, (uintptr_t)p | 2); }
void *get2(void) {
  return (void *)atomic_load(&g_word2); // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note@-4 {{pointer converted to integer here}}
}

#define PUBLISH(w, p) __atomic_compare_exchange_n(&(w), &(uintptr_t){0}, (uintptr_t)(p) | 1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
void pub_gnu(void *p) { PUBLISH(g_plain, p); }
void pub_sync(void *p) { __sync_val_compare_and_swap(&g_plain, 0, (uintptr_t)p | 1); }
void pub_gxchg(void *p) { __atomic_exchange_n(&g_plain, (uintptr_t)p | 1, __ATOMIC_SEQ_CST); }
void *getp(void) {
  return (void *)__atomic_load_n(&g_plain, __ATOMIC_ACQUIRE); // expected-warning {{pointer bits set with '|' and used as a pointer}} expected-note@-4 {{pointer converted to integer here}}
}

/* a real conversion of a plain `_Atomic` integer, in a function that also stores an `_Atomic`
 * pointer (whose conversion is clang's) */
void pubd(void *p) { g_direct = (uintptr_t)p; }
void *getd(void *other) {
  g_ptr = other;
  return (void *)g_direct; // expected-warning {{pointer converted to an integer and back to a pointer through global 'g_direct'}} expected-note@-3 {{pointer converted to integer}}
}

/* fetch-or on the atomic word: bits set in memory */
_Atomic uintptr_t g_tagged;
void tag_set(void *p) { atomic_store(&g_tagged, (uintptr_t)p); atomic_fetch_or(&g_tagged, 1); }
void *tag_get(void) {
  return (void *)atomic_load(&g_tagged); // expected-warning {{pointer bits set with '|' and used as a pointer through a local variable; the result does not point at the original object}} expected-note@-2 {{pointer converted to integer here}}
}
