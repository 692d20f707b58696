// Pointers in memory read as integers and as pointers, with nothing changed: silent.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// expected-no-diagnostics
#include <stdint.h>
#include <string.h>

union word { void *p; uintptr_t u; };
unsigned hash_word(union word *w) { return (unsigned)(w->u >> 4); }
void *keep(void *p, unsigned *h) {
  union word w;
  w.p = p;
  *h = hash_word(&w);
  return w.p;
}
void *copy_ptr(void *p) {
  void *q;
  memcpy(&q, &p, sizeof q);
  return q;
}
void *bits_through_int(void *p) {
  uintptr_t u;
  void *q;
  memcpy(&u, &p, sizeof u);
  memcpy(&q, &u, sizeof q);
  return q;
}
#define LOW(w) ((uint32_t)(w) & 7)
unsigned tag_of(void *p) { uintptr_t w = (uintptr_t)p; return LOW(w) + (unsigned)(w >> 60); }

/* a variant union: which member is live depends on a type tag (musl's printf argument union);
 * the integer member holds a converted pointer for one tag, the pointer member is read for another */
#include <stdarg.h>
union arg { uintmax_t i; long double f; void *p; };
enum { PTR, UIPTR, INT };
static void pop_arg(union arg *arg, int type, va_list *ap) {
  switch (type) {
  case PTR: arg->p = va_arg(*ap, void *); break;
  case UIPTR: arg->i = (uintptr_t)va_arg(*ap, void *); break;
  default: arg->i = va_arg(*ap, int); break;
  }
}
int show(int type, int cnt, ...) {
  union arg arg;
  va_list ap;
  va_start(ap, cnt);
  pop_arg(&arg, type, &ap);
  va_end(ap);
  if (type == INT && (intmax_t)arg.i < 0)
    arg.i = -arg.i;
  if (type == PTR)
    *(int *)arg.p = cnt;
  return (int)arg.i;
}

/* a tagged value in a struct field (Lua's TValue): the union holds a pointer in one object and an
 * integer, changed by arithmetic, in another; the tag says which */
union value { void *p; long long i; };
struct tvalue { union value v; unsigned char tt; };
void set_obj(struct tvalue *o, void *p) { o->v.p = p; o->tt = 1; }
void arith(struct tvalue *r, const struct tvalue *a, const struct tvalue *b) {
  r->v.i = (long long)((unsigned long long)a->v.i ^ (unsigned long long)b->v.i);
  r->tt = 0;
}
void *obj_of(const struct tvalue *o) { return o->tt == 1 ? o->v.p : 0; }
