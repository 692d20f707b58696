// Good cases of ptrcheck-offset-assumption: offsets that mean the same on every default target, and
// code that does not hard-code offsets.  All silent.
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify %s
// RUN: %clang -target i686-linux-gnu -ffreestanding -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify %s
// expected-no-diagnostics
#include <stddef.h>
#include <stdint.h>

struct event { char tag; int id; long count; double when; void *payload; };
struct __attribute__((packed)) wire { uint8_t type; uint32_t len; uint16_t crc; };
struct list_head { struct list_head *next, *prev; };
struct item { struct list_head link; int key; };

int id_of(struct event *e) { return *(int *)((char *)e + 4); }            /* 4 everywhere */
long count_of(struct event *e) { return *(long *)((char *)e + 8); }       /* 8 everywhere */
double when_of(struct event *e) { return *(double *)((char *)e + offsetof(struct event, when)); }
uint32_t len_of(struct wire *w) { return *(uint32_t *)((uint8_t *)w + 1); } /* packed: 1 everywhere */
uint16_t crc_of(struct wire *w) { uint16_t c; __builtin_memcpy(&c, (char *)w + 5, sizeof c); return c; }
struct item *item_of(struct list_head *l) { return (struct item *)((char *)l - 0); }
struct item *item_of2(struct list_head *l) { return (struct item *)((char *)l - offsetof(struct item, link)); }
char *after(char *buf) { return buf + 24; }                               /* not a record */
int *ints(int *p) { return p + 3; }                                       /* scaled arithmetic */
char *var(struct event *e, size_t off) { return (char *)e + off; }       /* not a constant */
void *payload_after(struct wire *w) { return (char *)w + 7; }             /* sizeof(struct wire): 7 everywhere */

_Static_assert(offsetof(struct event, id) == 4, "id");
_Static_assert(sizeof(struct wire) == 7, "wire");
_Static_assert(_Alignof(struct wire) == 1, "wire align");
_Static_assert(sizeof(long) >= 4, "long"); /* not about a record */

/* Offsets computed with sizeof/offsetof follow every target: not hard-coded assumptions. */
struct sized_hdr { long a; void *b; };
char *after_header(struct sized_hdr *h) { return (char *)h + sizeof(struct sized_hdr); }
char *after_two(struct sized_hdr *h) { return (char *)h + 2 * sizeof(struct sized_hdr); }
struct sized_tail { struct sized_hdr h; char name[8]; };
char *after_var(struct sized_hdr *h) {
  const unsigned long n = sizeof(struct sized_tail);
  return (char *)h + n;
}
