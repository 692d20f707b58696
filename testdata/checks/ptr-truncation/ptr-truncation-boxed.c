// ptr-truncation (IR): integers boxed in pointer slots and read back are no truncated pointers.  The
// pointer converted to an integer holds no object's address made here (a getter's result, a slot
// reached through a pointer, a local filled by a callee or with boxes) and the program uses it only
// as an integer.  Next to each shape, a real pointer truncated and converted back is still reported.
// RUN: %clang -c -O0 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %clang -c -O2 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <stdint.h>
#include <stdlib.h>

#define UINT_TO_PTR(u) ((void *)(unsigned long)(u))
#define PTR_TO_UINT(p) ((unsigned)(unsigned long)(p))
#define INT_TO_PTR(i) ((void *)(intptr_t)(i))
#define PTR_TO_INT(p) ((int)(intptr_t)(p))

/* ---- a getter/setter pair outside the module (a thread-local slot, GPrivate) */
extern void *slot_get(void *key);
extern void slot_set(void *key, void *value);
static int depth_key;
void enter(void) {
  unsigned depth = PTR_TO_UINT(slot_get(&depth_key));
  depth++;
  slot_set(&depth_key, UINT_TO_PTR(depth));
}
void leave(void) {
  unsigned depth = (unsigned)(uintptr_t)slot_get(&depth_key);
  if (depth)
    slot_set(&depth_key, (void *)(uintptr_t)(depth - 1));
}

/* ---- a thread's return value, read back through the joiner's out-parameter */
extern int thread_join(void *thread, void **out);
static int join_rc(void *thread) {
  void *ret = INT_TO_PTR(-1);
  thread_join(thread, &ret);
  return PTR_TO_INT(ret);
}
void *worker(void *thread) { return INT_TO_PTR(join_rc(thread) + 1); }

/* ---- a slot reached through a pointer: a list node's data, a field */
struct node { void *data; struct node *next; };
void node_bump(struct node *n) {
  unsigned idx = PTR_TO_UINT(n->data);
  n->data = UINT_TO_PTR(idx + 1);
}
struct qdata { unsigned quark; void *data; };
static void *qdata_get(struct qdata *q) { return q->data; }
void flags_add(struct qdata *q, unsigned flags) {
  unsigned f = PTR_TO_UINT(qdata_get(q));
  f |= flags;
  q->data = UINT_TO_PTR(f);
}

/* a getter with several returns (clang's return slot) */
static void *qdata_find(struct qdata *q, unsigned n, unsigned quark) {
  for (unsigned i = 0; i < n; i++)
    if (q[i].quark == quark)
      return q[i].data;
  return NULL;
}
void flags_set(struct qdata *q, unsigned n, unsigned flags) {
  unsigned f = PTR_TO_UINT(qdata_find(q, n, 7));
  q->data = UINT_TO_PTR(f | flags);
}

/* ---- still reported: an object's address, an allocation, a parameter, a slot also used as a pointer */
static char buffer[64];
void *from_object(void) {
  unsigned v = (unsigned)(uintptr_t)buffer;
  return (void *)(uintptr_t)v;
  // CHECK: boxed.c:[[@LINE-1]]:10: warning: pointer truncated to 32 bits in local 'v' and converted back to a pointer [ptrcheck-ptr-truncation]
}
void *from_malloc(void) {
  void *m = malloc(16);
  unsigned v = PTR_TO_UINT(m);
  return UINT_TO_PTR(v);
  // CHECK: boxed.c:[[@LINE-1]]:10: warning: pointer truncated to 32 bits in local 'v' and converted back to a pointer [ptrcheck-ptr-truncation]
}
void *from_param(void *p) {
  unsigned v = PTR_TO_UINT(p);
  return UINT_TO_PTR(v);
  // CHECK: boxed.c:[[@LINE-1]]:10: warning: pointer truncated to 32 bits in local 'v' and converted back to a pointer [ptrcheck-ptr-truncation]
}
extern void use(void *p);
void *also_pointer(struct node *n) {
  void *d = n->data;
  use(d);
  unsigned v = PTR_TO_UINT(d);
  return UINT_TO_PTR(v);
  // CHECK: boxed.c:[[@LINE-1]]:10: warning: pointer truncated to 32 bits in local 'v' and converted back to a pointer [ptrcheck-ptr-truncation]
}
static void *buffer_or_null(int which) {
  if (which)
    return buffer;
  return NULL;
}
void *from_getter(int which) {
  unsigned v = PTR_TO_UINT(buffer_or_null(which));
  return UINT_TO_PTR(v);
  // CHECK: boxed.c:[[@LINE-1]]:10: warning: pointer truncated to 32 bits in local 'v' and converted back to a pointer [ptrcheck-ptr-truncation]
}

/* ---- the integer variant of a tagged union, read where a pointer variant is also stored: the
 * bits read through the narrow member were stored through it (the tag selects the variant) */
enum { V_INT, V_PTR };
struct op { unsigned char code; signed char tag; union { int i; void *p; char *z; } u; };
extern void emit(int code, const char *z, int tag);
extern struct op *op_at(int addr);
void op_set_ptr(struct op *o, void *p) { o->u.p = p; o->tag = V_PTR; }
void op_set_int(struct op *o, int i) { o->u.i = i; o->tag = V_INT; }
void op_copy_field(struct op *o) {
  const char *z = o->tag == V_INT ? INT_TO_PTR(o->u.i) : o->u.z;
  emit(o->code, z, o->tag);
}
void op_copy_local(int addr) {
  struct op x = *op_at(addr);
  const char *z = x.tag == V_INT ? INT_TO_PTR(x.u.i) : x.u.z;
  emit(x.code, z, x.tag);
}
static int op_int(const struct op *o) { return o->u.i; }
void *op_box(const struct op *o) { return o->tag == V_INT ? INT_TO_PTR(op_int(o)) : o->u.p; }
#define OP_BOXED(o) ((o)->tag == V_INT ? UINT_TO_PTR((unsigned)(o)->u.i) : (o)->u.p)
void *op_macro(struct op *o) { return OP_BOXED(o); }
union cell { void *p; unsigned n; };
static union cell last;
void cell_put(union cell *c, void *p) { c->p = p; last.p = p; }
void *cell_count(const union cell *c, int counted) { return counted ? UINT_TO_PTR(c->n) : c->p; }
void *last_count(int counted) { return counted ? UINT_TO_PTR(last.n) : last.p; }

/* still reported: a local union given a pointer and read through its narrow member */
void *local_pun(void *p) {
  union cell w;
  w.p = p;
  return UINT_TO_PTR(w.n);
  // CHECK: boxed.c:[[@LINE-1]]:10: warning: pointer truncated to 32 bits in local 'w' and converted back to a pointer [ptrcheck-ptr-truncation]
}

/* ---- a box narrowed back to its integer is that integer: it adds nothing to the pointers it later
 * joins.  A type id is either an object's address or a small fundamental id; a flags word read
 * from a box reaches the same parameter through a callee (GType-style lookups). */
typedef unsigned long type_id;
struct tnode { type_id self; struct qdata *qd; };
#define NODE_OF(name) \
  static struct tnode *name(type_id t) { return t > 255 ? (struct tnode *)(t & ~(type_id)3) : NULL; }
NODE_OF(node_of)
NODE_OF(node_of2)
NODE_OF(node_of3)
static type_id id_of(struct tnode *n) { return (type_id)n; }
unsigned id_flags(type_id t) {
  struct tnode *n = node_of(t);
  unsigned f = n ? PTR_TO_UINT(qdata_get(n->qd)) : 0;
  return f;
}
struct tnode *flags_node(struct tnode *n) {
  type_id fl = (type_id)PTR_TO_UINT(qdata_get(n->qd)); /* the flags word, widened again */
  if (node_of2(fl))
    return node_of2(fl);
  return node_of2(id_of(n));
}
#define QFLAGS(n) ((unsigned)(uintptr_t)qdata_get((n)->qd))
struct tnode *flags_node_macro(struct tnode *n) {
  type_id t = n && (QFLAGS(n) & 1) ? (type_id)QFLAGS(n) : id_of(n);
  return node_of3(t);
}
struct tnode *flags_node_local(struct tnode *n) {
  unsigned f = QFLAGS(n);
  type_id t = f;
  t = t ? t : id_of(n);
  return node_of3(t);
}

/* still reported: a real pointer narrowed and rebuilt through the same kind of parameter */
static void *rebuild(unsigned long v) { return (void *)v; }
// CHECK: boxed.c:[[@LINE-1]]:48: warning: pointer truncated to 32 bits in parameter 'v' and converted back to a pointer [ptrcheck-ptr-truncation]
void *narrowed_object(void) { return rebuild(PTR_TO_UINT(buffer)); }
