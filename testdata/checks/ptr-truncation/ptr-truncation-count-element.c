// ptr-truncation (IR): an array of pointer-sized ids that keeps its count in element [0] (the entries
// are stored through a varying index, the count through the constant one).  Reading [0] as a narrow
// count does not truncate a pointer: only the varying-index stores could have put pointer bits
// there, and the narrowing says the program reads that element as the integer it holds.  Next to
// each shape, a pointer stored at the constant index itself and read back narrow is still reported.
// RUN: %clang -c -O0 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %clang -c -O2 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <stdint.h>
#include <stdlib.h>

typedef uintptr_t ident_t;
struct obj { struct obj *peer; };
extern ident_t *deps_get(struct obj *o);
extern void deps_set(struct obj *o, ident_t *deps);
#define OBJ_OF(name) \
  static struct obj *name(ident_t id) { return (struct obj *)id; }
OBJ_OF(obj_of)
OBJ_OF(obj_of2)

/* ---- a local pointer to the array, reassigned (realloc) */
void deps_add(struct obj *o, struct obj *dep) {
  ident_t *deps = deps_get(o);
  unsigned n = deps ? (unsigned)deps[0] : 0;
  n += 1;
  deps = realloc(deps, (n + 1) * sizeof *deps);
  if (!deps)
    return;
  deps[n] = (ident_t)dep;
  deps[0] = n;
  deps_set(o, deps);
}
void deps_notify(struct obj *o) {
  ident_t *deps = deps_get(o);
  unsigned n = deps ? (unsigned)deps[0] : 0;
  for (unsigned i = 1; i <= n; i++)
    deps_notify(obj_of(deps[i]));
}

/* ---- the array in a field, the count read through a macro */
struct table { ident_t *ids; };
#define TABLE_COUNT(t) ((unsigned)(t)->ids[0])
void table_add(struct table *t, struct obj *o) {
  unsigned n = TABLE_COUNT(t) + 1;
  t->ids[n] = (ident_t)o;
  t->ids[0] = n;
}
struct obj *table_last(struct table *t) {
  unsigned n = TABLE_COUNT(t);
  return n ? obj_of2(t->ids[n]) : NULL;
}

/* ---- a local array */
struct obj *local_ids(struct obj **objs, unsigned k) {
  ident_t ids[9];
  ids[0] = 0;
  for (unsigned i = 0; i < k && i < 8; i++)
    ids[i + 1] = (ident_t)objs[i];
  ids[0] = k < 8 ? k : 8;
  unsigned n = (unsigned)ids[0];
  return n ? (struct obj *)ids[n] : NULL;
}

/* ---- still reported: the pointer stored at the constant index that is read back narrow */
struct obj *first_narrow(ident_t *ids, struct obj *o) {
  ids[0] = (ident_t)o;
  unsigned k = (unsigned)ids[0];
  return (struct obj *)(ident_t)k;
  // CHECK: count-element.c:[[@LINE-1]]:10: warning: pointer truncated to 32 bits {{.*}}and converted back to a pointer [ptrcheck-ptr-truncation]
}
struct obj *field_first_narrow(struct table *t, struct obj *o) {
  t->ids[1] = (ident_t)o;
  unsigned k = (unsigned)t->ids[1];
  return (struct obj *)(ident_t)k;
  // CHECK: count-element.c:[[@LINE-1]]:10: warning: pointer truncated to 32 bits {{.*}}and converted back to a pointer [ptrcheck-ptr-truncation]
}
