// `_Atomic` pointers read and written with no integer in the source.  Clang 14 lowers a plain
// access to an `_Atomic` pointer through a pointer-sized integer (ptrtoint, atomic store; atomic
// load, inttoptr), and the C11 builtins through integer temporaries: the source has no conversion.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// The IR pass alone (no AST site table) keeps them silent too.
// RUN: %clang -c -O0 -fpass-plugin=%ptrcheck_plugin %s -o %t.o 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
// RUN: %clang -c -O2 -fpass-plugin=%ptrcheck_plugin %s -o %t.o 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
// expected-no-diagnostics
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct arena { int id; _Atomic(unsigned char *) start; size_t size; };
_Atomic(void *) g_slot;

/* plain accesses, inline */
void arena_init(struct arena *a, void *start) { a->start = (unsigned char *)start; }
void *arena_start(struct arena *a) { return a->start; }
unsigned char *arena_end(struct arena *a) { return a->start + a->size; }
void publish(void *p) { g_slot = p; }
void *take(void) { return g_slot; }

/* the C11 operations */
void *take_explicit(void) { return atomic_load_explicit(&g_slot, memory_order_acquire); }
void put_explicit(void *p) { atomic_store_explicit(&g_slot, p, memory_order_release); }
void *swap(void *p) { return atomic_exchange(&g_slot, p); }
int cas(void *old, void *p) { return atomic_compare_exchange_strong(&g_slot, &old, p); }

/* through macros (mimalloc's mi_atomic_load_ptr_relaxed) and callees */
#define atomic_load_ptr(T, p) ((T *)atomic_load_explicit((p), memory_order_relaxed))
#define atomic_store_ptr(p, x) atomic_store_explicit((p), (x), memory_order_release)
struct node { struct node *next; };
_Atomic(struct node *) g_head;
struct node *head(void) { return atomic_load_ptr(struct node, &g_head); }
void push(struct node *n) { n->next = g_head; atomic_store_ptr(&g_head, n); }
static struct node *load_head(_Atomic(struct node *) *h) { return *h; }
static void store_head(_Atomic(struct node *) *h, struct node *n) { *h = n; }
struct node *head2(void) { return load_head(&g_head); }
void push2(struct node *n) { store_head(&g_head, n); }
int cas_head(struct node *n) {
  struct node *old = g_head;
  n->next = old;
  return atomic_compare_exchange_weak(&g_head, &old, n);
}

/* an atomic integer that never held a pointer, next to atomic pointers */
_Atomic uintptr_t g_count;
void *bump(void) { g_count += 1; return g_slot; }
