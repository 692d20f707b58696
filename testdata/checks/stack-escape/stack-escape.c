// ptrcheck-stack-escape: every way the address of automatic storage outlives its frame.
// Clang's own -Wreturn-stack-address is turned off so that only ptrcheck's findings are verified here
// (stack-escape-clang.c shows both together).
// RUN: %clang -c -O0 %ptrcheck_both -Wno-return-stack-address -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Wno-return-stack-address -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t.o
#include <alloca.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <threads.h>

struct pair { int *p; int n; };
struct big { int *p; long a, b, c; };
struct node { struct node *next; int *data; };
struct list { struct node *head; };

int *g_saved;
uintptr_t g_bits;
struct list g_list;

// ---- returned, directly or through aliases, casts, conditionals, structs
int *ret_direct(void) { int x = 1; return &x; } // expected-warning {{address of local 'x' escapes through the return value of 'ret_direct'}}
int *ret_alias(void) {
  int x = 1;
  int *p = &x;
  int *q = p + 0;
  return q; // expected-warning {{address of local 'x' escapes through the return value of 'ret_alias'}}
}
void *ret_cast(void) { long x = 1; return (void *)(char *)&x; } // expected-warning {{address of local 'x' escapes}}
int *ret_cond(int c, int *other) {
  int x = 1;
  return c ? &x : other; // expected-warning {{address of local 'x' escapes through the return value of 'ret_cond'}}
}
struct pair ret_pair(void) {
  int x = 1;
  struct pair s = {&x, 1};
  return s; // expected-warning {{escapes through the return value of 'ret_pair'}}
}
struct big ret_big(int n) {
  int x = n;
  struct big b = {0};
  b.p = &x;
  return b; // expected-warning {{address of local 'x' escapes through the return value of 'ret_big'}}
}
char *ret_array(void) { char buf[16] = "hi"; return buf; } // expected-warning {{address of local 'buf' escapes}}
char *ret_alloca(unsigned n) { char *p = alloca(n); return p; } // expected-warning {{address of alloca() memory escapes}}
int *ret_literal(void) { return (int[]){1, 2, 3}; } // expected-warning {{address of a compound literal escapes}}
int *ret_vla(int n) {
  int v[n];
  v[0] = 1;
  return v; // expected-warning {{address of local 'v' escapes}}
}

// ---- stored into a global or a static, also as an integer
void to_global(void) { int x; g_saved = &x; } // expected-warning {{address of local 'x' escapes into global 'g_saved'}}
void to_static(void) {
  static int *s_last;
  int x;
  s_last = &x; // expected-warning {{address of local 'x' escapes into global 's_last'}}
}
void to_global_int(void) { int x; g_bits = (uintptr_t)&x; } // expected-warning {{address of local 'x' escapes into global 'g_bits' (as an integer)}}
void to_global_field(void) { struct node n = {0}; g_list.head = &n; } // expected-warning {{address of local 'n' escapes into field 'head' of 'struct list'}}
void not_cleared_everywhere(int c) {
  int x;
  g_saved = &x; // expected-warning {{address of local 'x' escapes into global 'g_saved'}}
  if (c)
    return;
  g_saved = 0;
}

// ---- stored into memory reachable from a parameter
void to_out(int **out) { int x; *out = &x; } // expected-warning {{address of local 'x' escapes into the memory parameter 'out' points to}}
void to_field(struct pair *c) { int x; c->p = &x; } // expected-warning {{address of local 'x' escapes into field 'p' of 'struct pair' through parameter 'c'}}
void to_list(struct list *l) {
  struct node n = {0};
  n.next = l->head;
  l->head = &n; // expected-warning {{address of local 'n' escapes into field 'head' of 'struct list' through parameter 'l'}}
}

// ---- stored into a heap object that is returned, stored globally or linked into reachable structure
struct pair *heap_returned(void) {
  int x;
  struct pair *h = malloc(sizeof *h);
  h->p = &x; // expected-warning {{address of local 'x' escapes into a heap object (from 'malloc') that is returned from 'heap_returned'}}
  return h;
}
void heap_global(void) {
  int x;
  struct node *n = calloc(1, sizeof *n);
  n->data = &x; // expected-warning {{address of local 'x' escapes into a heap object (from 'calloc') that is stored into field 'head' of 'struct list'}}
  g_list.head = n;
}
void heap_linked(struct list *l) {
  int x;
  struct node *n = malloc(sizeof *n);
  n->data = &x; // expected-warning {{escapes into a heap object (from 'malloc') that is stored into field 'head' of 'struct list' through parameter 'l'}}
  n->next = l->head;
  l->head = n;
}

// ---- handed to a callee that keeps it (summaries, chains)
void keep(int *p) { g_saved = p; }
void pass_on(int *p) { keep(p); }
void link_node(struct list *l, struct node *n) { n->next = l->head; l->head = n; }
int *identity(int *p) { return p; }
void via_call(void) { int x; keep(&x); } // expected-warning {{address of local 'x' escapes into global 'g_saved' via call to 'keep'}}
void via_chain(void) { int x; pass_on(&x); } // expected-warning {{address of local 'x' escapes into global 'g_saved' via call to 'pass_on'}}
void via_link(struct list *l) {
  struct node n = {0};
  link_node(l, &n); // expected-warning {{address of local 'n' escapes into the memory parameter 'l' points to via call to 'link_node'}}
}
int *via_identity(void) {
  int x;
  return identity(&x); // expected-warning {{address of local 'x' escapes through the return value of 'via_identity'}}
}

// ---- handed to a thread that is not joined on every path
static void *worker(void *arg) { return arg; }
static int thrd_worker(void *arg) { return arg != 0; }
void thread_detached(void) {
  int x = 0;
  pthread_t t;
  pthread_create(&t, 0, worker, &x); // expected-warning {{address of local 'x' escapes to a thread started by 'pthread_create' that is not joined on every path before 'thread_detached' returns}}
  pthread_detach(t);
}
int thread_joined_sometimes(int c) {
  int x = 0;
  pthread_t t;
  pthread_create(&t, 0, worker, &x); // expected-warning {{not joined on every path}}
  if (c)
    return 1;
  pthread_join(t, 0);
  return 0;
}
// the status tested is an earlier call's, not the create's: a thread may be running at the return
int status_stale(int (*step)(int *)) {
  int x = 0, rc;
  pthread_t t;
  rc = step(&x);
  pthread_create(&t, NULL, worker, &x); // expected-warning {{not joined on every path}}
  if (rc)
    return rc;
  return pthread_join(t, NULL);
}
int status_overwritten(int (*step)(int *)) {
  int x = 0, rc;
  pthread_t t;
  rc = pthread_create(&t, NULL, worker, &x); // expected-warning {{not joined on every path}}
  rc = step(&x);
  if (rc)
    return rc;
  return pthread_join(t, NULL);
}
void c11_thread(void) {
  int x = 0;
  thrd_t t;
  thrd_create(&t, thrd_worker, &x); // expected-warning {{address of local 'x' escapes to a thread started by 'thrd_create'}}
}

// ---- used after its block ends
int after_block(void) {
  int *p;
  {
    int x = 1;
    p = &x;
  }
  return *p; // expected-warning {{address of local 'x' is used through 'p' after the block of 'x' ends}}
}
int *after_block_returned(void) {
  int *p;
  {
    int x = 1;
    p = &x;
  }
  return p; // expected-warning {{address of local 'x' is used through 'p' after the block of 'x' ends}}
}

// ---- parameters are automatic storage too
int **param_address(int *p) { return &p; } // expected-warning {{address of parameter 'p' escapes through the return value of 'param_address'}}

/* Cleared on some paths only: still an escape. */
static int *g_cur2;
static void set_cur2(int *p) { g_cur2 = p; }
int with_cur_sometimes(int v) {
  int x = v;
  set_cur2(&x); // expected-warning {{address of local 'x' escapes into global 'g_cur2' via call to 'set_cur2'}}
  if (v)
    g_cur2 = 0;
  return v;
}
