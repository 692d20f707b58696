/* ptrcheck demo: pointer/integer round trips and truncation. */
#include <stdint.h>
#include <stdlib.h>

struct msg { int kind; int len; char body[]; };

/* Offsetting a pointer as an integer: the compiler can no longer tell which object it points to. */
char *body_of(struct msg *m) { return (char *)((uintptr_t)m + sizeof(struct msg)); }

/* A pointer parked in an integer field, resurrected in another function. */
struct handle { uintptr_t raw; int flags; };
void handle_set(struct handle *h, void *obj) { h->raw = (uintptr_t)obj; }
void *handle_get(const struct handle *h) { return (void *)h->raw; }

/* XOR linked list. */
struct xnode { uintptr_t link; int value; };
struct xnode *xnext(struct xnode *n, struct xnode *prev) {
  return (struct xnode *)(n->link ^ (uintptr_t)prev);
}

/* Pointer tagging. */
void *tagged(void *p) { return (void *)((uintptr_t)p | 1); }

/* 'long' is 32 bits on 64-bit Windows. */
long as_cookie(void *p) { return (long)p; }

/* Fine: alignment of the same pointer, hashing, MMIO. */
void *align16(void *p) { return (void *)(((uintptr_t)p + 15) & ~(uintptr_t)15); }
unsigned hash(const void *p) { return (unsigned)(uintptr_t)p * 2654435761u; }
volatile uint32_t *uart(void) { return (volatile uint32_t *)0x40001000u; }
