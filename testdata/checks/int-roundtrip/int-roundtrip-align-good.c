// Alignment written other ways than the mask: p + adjust with adjust the distance to the next
// multiple, p - (p - start) % size, with the adjustment in a local, a const local, a helper or a
// macro.  The alignment idiom the policy keeps silent, in the AST check and the IR pass alike.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify %s
// expected-no-diagnostics
#include <stddef.h>
#include <stdint.h>

void *up_adjust(void *p, size_t a) {
  uintptr_t u = (uintptr_t)p;
  uintptr_t adjust = (a - (u % a)) % a;
  return (void *)(u + adjust);
}
void *up_adjust_mask(void *p, size_t a) {
  uintptr_t u = (uintptr_t)p;
  size_t adjust = (a - (u & (a - 1))) & (a - 1);
  return (void *)(u + adjust);
}
void *up_neg(void *p) {
  uintptr_t u = (uintptr_t)p;
  return (void *)(u + ((-u) & 15));
}
void *up_inline(void *p, size_t a) { return (void *)((uintptr_t)p + (a - (uintptr_t)p % a) % a); }
void *down_rem_base(void *p, void *start, size_t size) {
  uintptr_t u = (uintptr_t)p;
  return (void *)(u - (u - (uintptr_t)start) % size);
}
void *down_rem(void *p, size_t size) { return (void *)((uintptr_t)p - (uintptr_t)p % size); }

/* mimalloc's aligned allocation and unalign, with const locals */
void *alloc(size_t);
void *aligned_at(size_t size, size_t alignment, size_t offset) {
  void *p = alloc(size + alignment - 1);
  if (p == NULL)
    return NULL;
  const uintptr_t align_mask = alignment - 1;
  const uintptr_t poffset = ((uintptr_t)p + offset) & align_mask;
  const uintptr_t adjust = (poffset == 0 ? 0 : alignment - poffset);
  void *aligned_p = (void *)((uintptr_t)p + adjust);
  return aligned_p;
}
void *aligned_fallback(size_t size, size_t alignment, size_t offset, int huge) {
  void *p;
  if (huge)
    p = alloc(size);
  else
    p = alloc(size + alignment - 1);
  if (p == NULL)
    return NULL;
  const uintptr_t poffset = ((uintptr_t)p + offset) & (alignment - 1);
  const uintptr_t adjust = (poffset == 0 ? 0 : alignment - poffset);
  return (void *)((uintptr_t)p + adjust);
}
void *unalign(const void *p, const char *start, size_t bsize) {
  const size_t diff = (const char *)p - start;
  const size_t adjust = (diff % bsize);
  return (void *)((uintptr_t)p - adjust);
}

/* through macros and helpers */
#define ALIGN_UP_BY(x, a) ((x) + ((a) - (x) % (a)) % (a))
void *up_macro(void *p) { return (void *)ALIGN_UP_BY((uintptr_t)p, 64); }
static uintptr_t adj(uintptr_t x, size_t a) { return (a - (x % a)) % a; }
void *up_callee(void *p, size_t a) {
  uintptr_t u = (uintptr_t)p;
  return (void *)(u + adj(u, a));
}
static uintptr_t down_to(uintptr_t x, uintptr_t base, size_t a) { return x - (x - base) % a; }
void *down_callee(void *p, void *base) { return (void *)down_to((uintptr_t)p, (uintptr_t)base, 4096); }

/* a helper with a local (lifetime markers from -O1 on) used for pointers, sizes and encoded
 * values: judged per call at every -O level (mimalloc's _mi_align_up) */
static inline uintptr_t align_up_fn(uintptr_t sz, size_t alignment) {
  uintptr_t mask = alignment - 1;
  if ((alignment & mask) == 0)
    return ((sz + mask) & ~mask);
  return (((sz + mask) / alignment) * alignment);
}
void *align_ptr(void *p, size_t a) { return (void *)align_up_fn((uintptr_t)p, a); }
uintptr_t encoded(void *p, uintptr_t key) { return align_up_fn((uintptr_t)p ^ key, 8); }
uint32_t narrow(void *p) { return (uint32_t)align_up_fn((uint32_t)(uintptr_t)p, 8); }

/* rounding up with '|': ((p - 1) | (a - 1)) + 1, inline, through a local, in a macro, in a helper */
void *up_or(void *p, size_t a) { return (void *)((((uintptr_t)p - 1) | (a - 1)) + 1); }
void *up_or_const(char *p) { return (void *)((((uintptr_t)p - 1) | 15) + 1); }
void *up_or_local(void *p, size_t a) {
  uintptr_t u = (uintptr_t)p;
  return (void *)(((u - 1) | (a - 1)) + 1);
}
#define ROUND_UP_OR(x, a) ((((x) - 1) | ((a) - 1)) + 1)
void *up_or_macro(void *p) { return (void *)ROUND_UP_OR((uintptr_t)p, 32); }
static uintptr_t round_up_or(uintptr_t x, uintptr_t a) { return ((x - 1) | (a - 1)) + 1; }
void *up_or_callee(void *p) { return (void *)round_up_or((uintptr_t)p, 16); }

/* an aligned value cast to its own type again, or to another integer of the pointer's width */
void *down_recast(void *p) { return (void *)(uintptr_t)(((uintptr_t)p + 7) & ~(uintptr_t)7); }
void *down_recast_long(void *p) { return (void *)(unsigned long)((uintptr_t)p & ~(uintptr_t)63); }
#define ALIGN8(x) ((uintptr_t)(((uintptr_t)(x) + 7) & ~(uintptr_t)7))
void *up_recast_macro(void *p) { return (void *)ALIGN8(p); }

/* the distance to the block's start in a local that nothing changes after it */
char *down_local_adjust(char *p) {
  uintptr_t adjust = (uintptr_t)p & 15;
  return (char *)((uintptr_t)p - adjust);
}
char *down_local_rem(char *p, size_t a) {
  size_t off = (uintptr_t)p % a;
  return (char *)((uintptr_t)p - off);
}
