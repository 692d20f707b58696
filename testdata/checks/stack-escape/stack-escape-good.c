// Silent twins of stack-escape.c: nothing here outlives its frame.
// (Clang 14 itself warns on the stack-depth probe with -Wreturn-stack-address; that is not ours.)
// RUN: %clang -c -O0 %ptrcheck_both -Wno-return-stack-address -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Wno-return-stack-address -Xclang -verify %s -o %t.o
// expected-no-diagnostics
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

struct node { struct node *next; int *data; };
struct list { struct node *head; };

int *g_saved;
static int s_counter;

void use(int *p);
int read_only(const int *p) { return *p + 1; }
void write_through(int *p) { *p = 3; }

// callees that only read or write through the pointer
int readers(void) {
  int x = 0, y;
  char buf[32], out[32];
  use(&x);
  write_through(&x);
  if (scanf("%d", &y) != 1)
    return 0;
  memcpy(out, buf, sizeof buf);
  snprintf(buf, sizeof buf, "%d %p", x, (void *)&x);
  printf("%s %s\n", buf, out);
  return read_only(&x) + y;
}

// a global that is cleared or overwritten with a non-stack value on every path before return
void cleared(void) {
  int x = 0;
  g_saved = &x;
  use(g_saved);
  g_saved = NULL;
}
void cleared_on_every_path(int c) {
  int x = 0;
  g_saved = &x;
  if (c) {
    g_saved = NULL;
    return;
  }
  g_saved = &s_counter;
}

// a stack node linked into a list and unlinked before return
void scoped_push(struct list *l, void (*visit)(struct list *)) {
  struct node n = {0};
  n.next = l->head;
  l->head = &n;
  visit(l);
  l->head = n.next;
}
void scoped_push_out(struct node **head) {
  struct node n = {0};
  n.next = *head;
  *head = &n;
  *head = n.next;
}

// statics, heap memory, parameters returned as-is
int *static_address(void) { static int s; return &s; }
int *heap_address(void) { int *p = malloc(sizeof *p); return p; }
int *param_as_is(int *p) { return p; }
char *param_offset(char *p) { return p + 1; }
int *reassigned(void) {
  int x = 0;
  int *p = &x;
  *p = 2;
  p = malloc(sizeof *p);
  return p;
}
void heap_freed(void) {
  int x = 0;
  struct node *n = malloc(sizeof *n);
  n->data = &x;
  use(n->data);
  free(n);
}
void local_links(void) {
  int x = 0;
  struct node a = {0}, b = {0};
  a.next = &b;
  b.data = &x;
  use(a.next->data);
}

// threads joined before return
static void *worker(void *arg) { return arg; }
static int thrd_worker(void *arg) { return arg != 0; }
void joined(void) {
  int x = 0;
  pthread_t t;
  pthread_create(&t, NULL, worker, &x);
  pthread_join(t, NULL);
}
void joined_array(void) {
  int xs[4];
  pthread_t ts[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&ts[i], NULL, worker, &xs[i]);
  for (int i = 0; i < 4; i++)
    pthread_join(ts[i], NULL);
}
int c11_joined(void) {
  int x = 0, r = 0;
  thrd_t t;
  if (thrd_create(&t, thrd_worker, &x) != thrd_success)
    return -1;
  thrd_join(t, &r);
  return r;
}
// the status variable of the create tested, then reused for other calls and the join (lmdb's
// mdb_env_copyfd1): the failure branch still reads the create's result
int status_reused(int (*step)(int *)) {
  int x = 0, rc = 0;
  pthread_t t;
  rc = pthread_create(&t, NULL, worker, &x);
  if (rc)
    goto done;
  rc = step(&x);
  if (rc)
    goto finish;
  rc = step(&x);
finish:
  rc = pthread_join(t, NULL);
done:
  return rc;
}
#define START(th, fn, arg) pthread_create(&(th), NULL, fn, arg)
#define FINISH(th) pthread_join(th, NULL)
int status_reused_macro(int n) {
  int x = n, rc;
  pthread_t t;
  rc = START(t, worker, &x);
  if (rc != 0) {
    rc = -rc;
    goto out;
  }
  rc = FINISH(t);
out:
  return rc;
}

// the address of a local converted to an integer and returned: a stack-depth probe
uintptr_t stack_depth(void) {
  char marker;
  return (uintptr_t)&marker;
}

// a pointer into a block that is still alive, and one re-pointed before the block ends
int inner_alive(void) {
  int y = 0;
  int *p = &y;
  {
    int x = 1;
    p = &x;
    y = *p;
    p = &y;
  }
  return *p;
}

/* Real-code idioms (zlib, lua, libuv) that must stay silent. */

/* An integer read from a struct that also holds a stack address carries no address (zlib's
 * uncompress2: stream.next_out = buf; ... *sourceLen -= stream.avail_in). */
struct zstream { unsigned char *next_out; unsigned avail_in; unsigned long total_out; };
int drain(struct zstream *s);
int uncompress_like(unsigned long *destLen, unsigned long *sourceLen) {
  unsigned char buf[1];
  struct zstream stream;
  stream.next_out = buf;
  stream.avail_in = 4;
  stream.total_out = 0;
  int err = drain(&stream);
  *sourceLen -= stream.avail_in;
  *destLen = stream.total_out;
  return err;
}

/* A block linked into the caller's scope chain and unlinked again (lua's enterblock/leaveblock):
 * the chain is reached through a loaded pointer. */
struct blockcnt { struct blockcnt *previous; int isloop; };
struct funcstate { struct blockcnt *bl; };
struct lexstate { struct funcstate *fs; };
static void enterblock(struct funcstate *fs, struct blockcnt *bl) { bl->previous = fs->bl; fs->bl = bl; }
static void leaveblock(struct funcstate *fs) { fs->bl = fs->bl->previous; }
void whilestat(struct lexstate *ls) {
  struct funcstate *fs = ls->fs;
  struct blockcnt bl;
  enterblock(fs, &bl);
  leaveblock(fs);
}

/* A list moved to a local head and drained (libuv's QUEUE_MOVE + while (!QUEUE_EMPTY)). */
struct qnode { struct qnode *next, *prev; };
struct qloop { struct qnode handles; };
void walk(struct qloop *loop, void (*cb)(struct qnode *)) {
  struct qnode queue;
  if (loop->handles.next == &loop->handles) {
    queue.next = queue.prev = &queue;
  } else {
    struct qnode *q = loop->handles.next;
    queue.prev = loop->handles.prev;
    queue.prev->next = &queue;
    queue.next = q;
    loop->handles.prev = q->prev;
    loop->handles.prev->next = &loop->handles;
    q->prev = &queue;
  }
  while (queue.next != &queue) {
    struct qnode *q = queue.next;
    q->prev->next = q->next;
    q->next->prev = q->prev;
    q->next = &loop->handles;
    q->prev = loop->handles.prev;
    q->prev->next = q;
    loop->handles.prev = q;
    cb(q);
  }
}

/* Stored into a global by a callee, cleared by the caller on every path before it returns. */
static int *g_cur;
static void set_cur(int *p) { g_cur = p; }
int with_cur(int v) {
  int x = v;
  set_cur(&x);
  int r = *g_cur;
  g_cur = NULL;
  return r;
}

/* Local structs are field-sensitive: the pointer read from one field does not carry the address
 * stored in another (sqlite's `Parse sParse` with sParse.zErrMsg handed to a keeping function). */
struct parse { char *err; struct parse *self; };
static char *g_last_err;
static void keep_err(char *e) { g_last_err = e; }
void parse_once(void) {
  struct parse p;
  p.self = &p;
  p.err = malloc(4);
  keep_err(p.err);
}

/* A deallocator that keeps blocks on a free list (sqlite3DbFree's lookaside): handed a pointer that
 * is the stack buffer only on paths where it is not called. */
static void *g_pool;
static void pool_free(void *p) { *(void **)p = g_pool; g_pool = p; }
void scratch(int dynamic) {
  char buf[32];
  char *p = dynamic ? malloc(32) : buf;
  p[0] = 0;
  if (dynamic)
    pool_free(p);
}
