// ptr-truncation: pointers stored at varying offsets of an object (a node's payload after a
// bit-field header, written and read with memcpy or through a computed slot) do not make a narrow
// read of the header a truncated pointer: nothing says the pointer went to those bytes.
// RUN: %clang -c -O0 %ptrcheck_both %s -o %t.o 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
// RUN: %clang -c -O2 %ptrcheck_both %s -o %t.o 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
#include <stdint.h>
#include <string.h>

typedef struct node {
  uint32_t iskey : 1, isnull : 1, size : 30;
  unsigned char data[];
} node;

static size_t node_len(const node *n) { return sizeof(node) + n->size + (n->iskey ? sizeof(void *) : 0); }

void node_set(node *n, void *p) {
  n->iskey = 1;
  memcpy((char *)n + node_len(n) - sizeof p, &p, sizeof p);
}

void *node_get(node *n) {
  void *p;
  if (n->isnull)
    return 0;
  memcpy(&p, n->data + n->size, sizeof p);
  return p;
}

node *node_child(node *n, unsigned i) {
  node **slot = (node **)(n->data + n->size + i * sizeof(node *));
  node *h = *slot;
  return h->iskey ? h + h->size : 0;
}

/* the header's length updated from a value computed from it, then the payload pointer read back with
 * memcpy: the header never held pointer bits, so nothing was truncated */
#define NODE_LEN(n) (sizeof(node) + (n)->size + sizeof(void *))
void *node_step(node *h, void *p, size_t extra) {
  memcpy((char *)h + NODE_LEN(h) - sizeof p, &p, sizeof p);
  uint32_t len = (uint32_t)(h->size + extra);
  h->size = len;
  memcpy(&h, (char *)h + NODE_LEN(h) - sizeof h, sizeof h);
  return h;
}
struct wide { uint32_t hdr; uint32_t count; unsigned char payload[]; };
struct wide *wide_next(struct wide *w) {
  struct wide *next;
  w->count = (uint32_t)(w->count + 1u);
  memcpy(&next, w->payload + w->hdr, sizeof next);
  memcpy(w->payload + w->count, &next, sizeof next);
  return next;
}
