// Integer uses of pointers the IR pass must stay silent on.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// expected-no-diagnostics
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

unsigned hash(const void *p) { uintptr_t u = (uintptr_t)p; u ^= u >> 16; return (unsigned)u * 2654435761u; }
int same(const void *a, const void *b) { uintptr_t x = (uintptr_t)a, y = (uintptr_t)b; return x == y; }
void show(const void *p) { uintptr_t u = (uintptr_t)p; printf("%lx\n", (unsigned long)u); }
ptrdiff_t dist(const char *a, const char *b) { intptr_t x = (intptr_t)a, y = (intptr_t)b; return y - x; }
void *mmio(void) { uintptr_t base = 0x40000000u; base += 0x1000; return (void *)base; }
void *align_up(void *p) { uintptr_t u = (uintptr_t)p; u = (u + 63) & ~(uintptr_t)63; return (void *)u; }
void *align_down(void *p, size_t a) { uintptr_t u = (uintptr_t)p; u &= ~(a - 1); return (void *)u; }
struct rec { intptr_t id; };
void set_id(struct rec *r, void *p) { r->id = (intptr_t)p; }
long get_id(const struct rec *r) { return r->id; }
void *align_var(void *p, size_t a) { uintptr_t u = (uintptr_t)p; u = (u + a - 1) & ~(a - 1); return (void *)u; }
void *align_neg(void *p, size_t a) { uintptr_t u = (uintptr_t)p; u = (u + (a - 1)) & -a; return (void *)u; }
char *drop_const(const char *s) { return (char *)(uintptr_t)s; }
void *page_of(void *p, uintptr_t page_mask) { uintptr_t u = (uintptr_t)p; return (void *)(u & page_mask); }

/* Allocator idioms (mimalloc, jemalloc): alignment helpers shared by pointers and sizes, pointer
 * differences as sizes, the chunk an interior pointer belongs to. */
static inline uintptr_t align_up_fn(uintptr_t sz, size_t alignment) {
  uintptr_t mask = alignment - 1;
  if ((alignment & mask) == 0)
    return ((sz + mask) & ~mask);
  return (((sz + mask) / alignment) * alignment);
}
static inline uintptr_t align_down_fn(uintptr_t sz, size_t alignment) {
  uintptr_t mask = alignment - 1;
  if ((alignment & mask) == 0)
    return (sz & ~mask);
  return ((sz / alignment) * alignment);
}
void *use_align_up(void *p, size_t a) { return (void *)align_up_fn((uintptr_t)p, a); }
void *use_align_down(void *p, size_t a) { return (void *)align_down_fn((uintptr_t)p, a); }
size_t span(void *a, void *b) { return align_up_fn((uintptr_t)b - (uintptr_t)a, 64); }
void *chunk_of(void *p) { return (void *)(((uintptr_t)p - 1) & ~(uintptr_t)((1u << 22) - 1)); }

/* A helper shared by callers that pass different things: each call is judged with its own
 * arguments (mimalloc's _mi_align_up is called with pointers, sizes and encoded values). */
static inline uintptr_t round_up(uintptr_t x, uintptr_t a) { return (x + a - 1) & ~(a - 1); }
uintptr_t encoded_len(void *p, uintptr_t key) { return round_up((uintptr_t)p ^ key, 8); }
uint32_t short_len(void *p) { return (uint32_t)round_up((uint32_t)(uintptr_t)p, 8); }
void *aligned_ptr(void *p) { return (void *)round_up((uintptr_t)p, 64); }
