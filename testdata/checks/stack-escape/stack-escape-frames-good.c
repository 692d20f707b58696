// Silent twins of stack-escape-frames.c (issue 12): the escape judged with what the program does.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// expected-no-diagnostics
#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>
#include <stdint.h>

struct node { struct node *next; int *data; };
struct list { struct node *head; };
struct ctx { char *buf; struct list *l; int n; };

// ---- 1. same-frame destinations: the memory a callee stores into is a local of this frame
static void set_buf(struct ctx *c, char *b) { c->buf = b; }
static void set_buf_via(struct ctx *c, char *b) { set_buf(c, b); } // a chain of two callees
#define SET_BUF(c, b) set_buf_via((c), (b))
static void link_node(struct list *l, struct node *n) { n->next = l->head; l->head = n; }
static void link_via(struct list *l, struct node *n) { link_node(l, n); }
int use_ctx(struct ctx *c);
int same_frame(void) {
  char buf[64];
  struct ctx c = {0};
  set_buf_via(&c, buf);
  return use_ctx(&c);
}
int same_frame_macro(void) {
  char buf[64];
  struct ctx c = {0};
  SET_BUF(&c, buf);
  return use_ctx(&c);
}
int same_frame_list(void) {
  struct list l = {0};
  struct node a = {0}, b = {0};
  link_via(&l, &a);
  link_via(&l, &b);
  return l.head == &b;
}
int same_frame_alloca(unsigned n) {
  struct ctx c = {0};
  char *p = __builtin_alloca(n);
  set_buf_via(&c, p);
  return use_ctx(&c);
}
// a helper whose parameter memory is always a caller's local: its summary says "stores b into *c",
// not "b escapes"
static void init_pair(struct ctx *c, struct list *l, char *b) { c->l = l; set_buf(c, b); }
int same_frame_two(void) {
  char buf[8];
  struct list l = {0};
  struct ctx c;
  init_pair(&c, &l, buf);
  return use_ctx(&c);
}

// ---- 4. linked by one callee, unlinked by another before return (open_func/close_func style)
struct blk { struct blk *prev; int depth; };
struct fstate { struct fstate *prev; struct blk *bl; };
struct lex { struct fstate *fs; int tok; };
static void open_fs(struct lex *ls, struct fstate *fs) { fs->prev = ls->fs; ls->fs = fs; }
static void close_fs(struct lex *ls) { struct fstate *fs = ls->fs; ls->fs = fs->prev; }
static void close_fs_via(struct lex *ls) { close_fs(ls); }
#define OPEN(ls, fs) open_fs((ls), (fs))
#define CLOSE(ls) close_fs_via(ls)
void statement(struct lex *ls);
void body(struct lex *ls) {
  struct fstate fs = {0};
  open_fs(ls, &fs);
  statement(ls);
  close_fs(ls);
}
void body_macro(struct lex *ls) {
  struct fstate fs = {0};
  OPEN(ls, &fs);
  statement(ls);
  CLOSE(ls);
}
// linked inline, unlinked by a callee
void body_inline_link(struct lex *ls) {
  struct fstate fs = {0};
  fs.prev = ls->fs;
  ls->fs = &fs;
  statement(ls);
  close_fs(ls);
}
// push/pop on a global stack
static struct fstate *g_top;
static void push(struct fstate *f) { f->prev = g_top; g_top = f; }
static void pop(void) { g_top = g_top->prev; }
void with_pushed(void) {
  struct fstate f = {0};
  push(&f);
  statement(0);
  pop();
}
// init/reset pair: reset stores NULL
static void ctx_init(struct ctx *c, char *b) { c->buf = b; c->n = 0; }
static void ctx_reset(struct ctx *c) { c->buf = NULL; c->n = 0; }
void init_reset(struct ctx *c) {
  char tmp[32];
  ctx_init(c, tmp);
  use_ctx(c);
  ctx_reset(c);
}
// a setter called again with a non-stack value
static void set_cur(struct ctx *c, char *b) { c->buf = b; }
void set_then_clear(struct ctx *c) {
  char tmp[32];
  set_cur(c, tmp);
  use_ctx(c);
  set_cur(c, NULL);
}

// ---- 3. pointer differences are integers, whatever the element type
ptrdiff_t g_len;
uintptr_t g_off;
void char_diff(void) { char a[8]; g_len = &a[4] - a; }
void int_diff(void) { int a[8]; g_len = &a[4] - a; }
void ptr_diff(const char *end) { char a[8]; char *p = a + 3; g_len = p - a; (void)end; }
void uint_diff(void) { char a[8]; g_off = (uintptr_t)&a[5] - (uintptr_t)a; }
static ptrdiff_t span(const char *b, const char *e) { return e - b; }
void diff_via(void) { char a[8]; g_len = span(a, a + 4); }

// ---- 5. a drained local list head: its elements reach a callee, the head never does
struct q { struct q *next, *prev; };
struct loop { struct q pending; struct q wq; };
static void q_insert_tail(struct q *h, struct q *x) { x->next = h; x->prev = h->prev; x->prev->next = x; h->prev = x; }
static void q_remove(struct q *x) { x->prev->next = x->next; x->next->prev = x->prev; }
void drain(struct loop *loop) {
  struct q wq;
  if (loop->wq.next == &loop->wq) {
    wq.next = wq.prev = &wq;
  } else {
    wq.next = loop->wq.next;
    wq.prev = loop->wq.prev;
    wq.next->prev = &wq;
    wq.prev->next = &wq;
    loop->wq.next = loop->wq.prev = &loop->wq;
  }
  while (wq.next != &wq) {
    struct q *x = wq.next;
    q_remove(x);
    q_insert_tail(&loop->pending, x);
  }
}

// ---- 6. thread handshakes: the creator waits on a semaphore / barrier / condition variable
// reachable from the argument before it returns
struct start { int value; sem_t ready; pthread_barrier_t bar; };
static void *starter(void *arg) {
  struct start *s = arg;
  int v = s->value;
  sem_post(&s->ready);
  return (void *)(intptr_t)v;
}
int start_sem(pthread_t *t) {
  struct start s;
  s.value = 1;
  sem_init(&s.ready, 0, 0);
  if (pthread_create(t, NULL, starter, &s) != 0)
    return -1;
  sem_wait(&s.ready);
  sem_destroy(&s.ready);
  return 0;
}
int start_barrier(pthread_t *t) {
  struct start s;
  s.value = 2;
  pthread_barrier_init(&s.bar, NULL, 2);
  pthread_create(t, NULL, starter, &s);
  pthread_barrier_wait(&s.bar);
  return 0;
}
struct start2 { int value; int done; pthread_mutex_t *mu; pthread_cond_t *cv; };
int start_cond(pthread_t *t) {
  pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
  struct start2 s = {3, 0, &mu, &cv};
  pthread_create(t, NULL, starter, &s);
  pthread_mutex_lock(&mu);
  while (!s.done)
    pthread_cond_wait(&cv, &mu);
  pthread_mutex_unlock(&mu);
  return 0;
}
// threads created in a loop, each signalling the semaphore the creator waits on as often
static pthread_t g_threads[4];
static void *sem_starter(void *arg) { sem_post(arg); return 0; }
void start_pool(unsigned n) {
  sem_t sem;
  sem_init(&sem, 0, 0);
  for (unsigned i = 0; i < n; i++)
    pthread_create(&g_threads[i], NULL, sem_starter, &sem);
  for (unsigned i = 0; i < n; i++)
    sem_wait(&sem);
  sem_destroy(&sem);
}

// ---- 2. stores the call cannot reach: the callee keeps its argument only under a condition on
// another parameter that this call's constant argument makes false
static int *g_kept;
enum { NO_CACHE = 0, CACHE = 2 };
static void keep_if(int *p, int keep) { if (keep) g_kept = p; }
static void keep_mode(int *p, int mode) {
  if (mode != CACHE)
    return;
  g_kept = p;
}
static void keep_flag(int *p, _Bool keep) { if (keep) g_kept = p; }
#define LOOKUP(p) keep_mode((p), NO_CACHE)
int guarded_calls(void) {
  int x = 0, y = 0, z = 0, w = 0;
  keep_if(&x, 0);
  keep_mode(&y, NO_CACHE);
  keep_flag(&z, 0);
  LOOKUP(&w);
  return x + y + z + w;
}

// a local returned only when a guard has already replaced it
char *strdup(const char *);
void *malloc(unsigned long);
void fill(char *buf, unsigned n);
char *get_name(unsigned n) {
  char tmp[64];
  char *p = tmp;
  if (n >= sizeof tmp)
    p = malloc(n);
  fill(p, n);
  return p == tmp ? strdup(p) : p;
}
char *get_name_if(unsigned n) {
  char tmp[64];
  char *p = n < sizeof tmp ? tmp : malloc(n);
  fill(p, n);
  if (p != tmp)
    return p;
  return strdup(p);
}
#define OWNED(p, buf) ((p) == (buf) ? strdup(p) : (p))
char *get_name_macro(unsigned n) {
  char tmp[64];
  char *p = n < sizeof tmp ? tmp : malloc(n);
  fill(p, n);
  return OWNED(p, tmp);
}

// linked into a parameter's memory by one callee, unlinked through the object the link made
// current by another (lua's mainfunc: open_func(ls, fs, &bl) ... close_func(ls) runs
// leaveblock(ls->fs))
struct bcnt { struct bcnt *previous; int nactvar; };
struct fst2 { struct fst2 *prev; struct bcnt *bl; };
struct lex2 { struct fst2 *fs; int tok; };
static void enter_bl(struct fst2 *fs, struct bcnt *bl) { bl->previous = fs->bl; fs->bl = bl; }
static void leave_bl(struct fst2 *fs) { struct bcnt *bl = fs->bl; fs->bl = bl->previous; }
static void open_f(struct lex2 *ls, struct fst2 *fs, struct bcnt *bl) {
  fs->prev = ls->fs;
  ls->fs = fs;
  enter_bl(fs, bl);
}
static void close_f(struct lex2 *ls) {
  struct fst2 *fs = ls->fs;
  leave_bl(fs);
  ls->fs = fs->prev;
}
void stat2(struct lex2 *ls);
void main_f(struct lex2 *ls, struct fst2 *fs) {
  struct bcnt bl;
  open_f(ls, fs, &bl);
  stat2(ls);
  close_f(ls);
}

// a parse object initialised into the connection's current-parse slot and reset from it
// (sqlite's sqlite3ParseObjectInit/sqlite3ParseObjectReset): reset reaches the connection
// through the object itself
struct conn;
struct parse { struct conn *db; struct parse *outer; int rc; };
struct conn { struct parse *cur; int flags; };
static void parse_init(struct parse *p, struct conn *db) { p->outer = db->cur; db->cur = p; p->db = db; p->rc = 0; }
static void parse_reset(struct parse *p) { struct conn *db = p->db; db->cur = p->outer; p->db = 0; }
int run_parse(struct parse *p);
int with_parse(struct conn *db) {
  struct parse sp;
  parse_init(&sp, db);
  int rc = run_parse(&sp);
  parse_reset(&sp);
  return rc;
}
// the wait runs on every path where the thread exists: a status variable only the create's
// failure path changes (musl's aio submit)
int start_status(pthread_t *t) {
  int ret = 0;
  struct start s;
  s.value = 4;
  sem_init(&s.ready, 0, 0);
  if (pthread_create(t, NULL, starter, &s)) {
    ret = -1;
  }
  if (!ret) {
    while (sem_wait(&s.ready))
      ;
  }
  return ret;
}

// ---- 2. a local returned only when a guard has replaced it, however the guarded paths join
// (glib's g_dpgettext: a lookup that returns its argument when it has no translation, retried)
const char *catalog_find(const char *id);
static int g_enabled;
static const char *translate(const char *id) {
  if (!g_enabled)
    return id;
  return catalog_find(id);
}
unsigned long strlen(const char *);
char *strcpy(char *, const char *);
const char *ctx_lookup(const char *ctx, const char *id) {
  char *tmp = __builtin_alloca(strlen(ctx) + 1);
  strcpy(tmp, ctx);
  const char *t = translate(tmp);
  if (t == tmp) {
    tmp[0] = '|';
    t = translate(tmp);
    if (t == tmp)
      return id;
  }
  return t;
}
const char *ctx_lookup_array(const char *ctx, const char *id, int retry) {
  char tmp[64];
  const char *t = id;
  strcpy(tmp, ctx);
  if (retry) {
    t = translate(tmp);
    if (t == tmp)
      t = id;
  }
  return t;
}
#define RETURN_IF_UNTRANSLATED(t, buf, dflt) do { if ((t) == (buf)) return (dflt); } while (0)
const char *ctx_lookup_macro(const char *ctx, const char *id) {
  char tmp[64];
  strcpy(tmp, ctx);
  const char *t = translate(tmp);
  RETURN_IF_UNTRANSLATED(t, tmp, id);
  t = t[0] ? t : id;
  return t;
}
const char *ctx_lookup_ne(const char *ctx, const char *id) {
  char tmp[64];
  strcpy(tmp, ctx);
  const char *t = translate(tmp);
  if (t != tmp)
    goto out;
  t = id;
out:
  return t;
}

// ---- 4. pushed by one callee, popped by another that searches the list for it and links around
// it (glib's emission_push/emission_pop); the search asserts it is found
struct emission { struct emission *next; int id; };
static struct emission *g_emissions;
void assert_fail(const char *) __attribute__((noreturn));
static void em_push(struct emission *e) { e->next = g_emissions; g_emissions = e; }
static void em_pop(struct emission *e) {
  struct emission *node, *last = NULL;
  for (node = g_emissions; node; last = node, node = last->next)
    if (node == e) {
      if (last)
        last->next = node->next;
      else
        g_emissions = node->next;
      return;
    }
  assert_fail("not reached");
}
static void em_pop_via(struct emission *e) { em_pop(e); }
#define EMIT_BEGIN(e) em_push(e)
#define EMIT_END(e) em_pop_via(e)
void emit(int id) {
  struct emission e = {0, id};
  em_push(&e);
  statement(0);
  em_pop(&e);
}
void emit_macro(int id) {
  struct emission e = {0, id};
  EMIT_BEGIN(&e);
  statement(0);
  EMIT_END(&e);
}
void emit_inline_push(int id) {
  struct emission e = {0, id};
  e.next = g_emissions;
  g_emissions = &e;
  statement(0);
  em_pop(&e);
}
// the list hangs from a parameter's memory
struct elist { struct emission *head; };
static void el_push(struct elist *l, struct emission *e) { e->next = l->head; l->head = e; }
static void el_remove(struct elist *l, struct emission *e) {
  struct emission **pp = &l->head;
  for (struct emission *n = l->head; n; pp = &n->next, n = n->next)
    if (n == e) {
      *pp = n->next;
      return;
    }
  assert_fail("not on the list");
}
void emit_on(struct elist *l, int id) {
  struct emission e = {0, id};
  el_push(l, &e);
  statement(0);
  el_remove(l, &e);
}

// the same in scopes with locals of their own: at -O2 such a scope ends in a cleanup block shared
// by every way out of it (a switch on clang's cleanup destination after it), which -O0 does not
// have; the findings are the same at both levels
int use_int(int *p);
const char *ctx_lookup_scoped(const char *ctx, const char *id) {
  const char *t = translate(id);
  if (t == id && ctx[0]) {
    char *tmp = __builtin_alloca(strlen(ctx) + 1);
    strcpy(tmp, ctx);
    t = translate(tmp);
    if (t == tmp)
      return id + 1;
  }
  return t;
}
void emit_scoped(int n) {
  struct emission e = {0, n};
  em_push(&e);
  for (int i = 0; i < n; i++) {
    int local = i;
    if (use_int(&local))
      break;
  }
  em_pop(&e);
}
static void em_pop_scoped(struct emission *e) {
  for (struct emission *node = g_emissions, *last = NULL; node; last = node, node = node->next) {
    struct emission *next = node->next;
    if (node == e) {
      if (last)
        last->next = next;
      else
        g_emissions = next;
      return;
    }
  }
  assert_fail("not reached");
}
void emit_pop_scoped(int n) {
  struct emission e = {0, n};
  em_push(&e);
  statement(0);
  em_pop_scoped(&e);
}

// ---- 6. the handshake's wait in a helper, or spelled by a macro
static void wait_ready(struct start *s) {
  while (sem_wait(&s->ready))
    ;
}
static void wait_ready_via(struct start *s) { wait_ready(s); }
#define WAIT_STARTED(s) sem_wait(&(s)->ready)
int start_sem_helper(pthread_t *t) {
  struct start s;
  s.value = 5;
  sem_init(&s.ready, 0, 0);
  if (pthread_create(t, NULL, starter, &s) != 0)
    return -1;
  wait_ready_via(&s);
  return 0;
}
int start_sem_macro(pthread_t *t) {
  struct start s;
  s.value = 6;
  sem_init(&s.ready, 0, 0);
  if (pthread_create(t, NULL, starter, &s) != 0)
    return -1;
  WAIT_STARTED(&s);
  return 0;
}

// ---- 3. a difference spelled by a macro
#define SPAN(a, p) ((p) - (a))
void diff_macro(void) { char a[8]; char *p = a + 5; g_len = SPAN(a, p); }

// ---- 5. the list moved onto a local head by a callee, or by macros (libuv's QUEUE_MOVE), then drained
static void q_init(struct q *h) { h->next = h->prev = h; }
static int q_empty(const struct q *h) { return h->next == h; }
static void q_move(struct q *from, struct q *to) {
  if (q_empty(from)) {
    q_init(to);
  } else {
    to->next = from->next;
    to->prev = from->prev;
    to->next->prev = to;
    to->prev->next = to;
    q_init(from);
  }
}
void drain_callee(struct loop *loop) {
  struct q wq;
  q_move(&loop->wq, &wq);
  while (!q_empty(&wq)) {
    struct q *x = wq.next;
    q_remove(x);
    q_insert_tail(&loop->pending, x);
  }
}
#define Q_INIT(h) ((h)->next = (h)->prev = (h))
#define Q_EMPTY(h) ((h)->next == (h))
#define Q_MOVE(from, to)                                                                                     \
  do {                                                                                                       \
    if (Q_EMPTY(from)) {                                                                                     \
      Q_INIT(to);                                                                                            \
    } else {                                                                                                 \
      (to)->next = (from)->next;                                                                             \
      (to)->prev = (from)->prev;                                                                             \
      (to)->next->prev = (to);                                                                               \
      (to)->prev->next = (to);                                                                               \
      Q_INIT(from);                                                                                          \
    }                                                                                                        \
  } while (0)
void drain_macro(struct loop *loop) {
  struct q wq;
  Q_MOVE(&loop->wq, &wq);
  while (!Q_EMPTY(&wq)) {
    struct q *x = wq.next;
    q_remove(x);
    q_insert_tail(&loop->pending, x);
  }
}

// ---- 6. a hand-written handshake: the owner publishes a local and waits in a loop on a
// volatile (or atomic) field of it until the other threads say they are done (musl's barrier)
struct instance { volatile int count, finished; };
struct barrier { struct instance *inst; int limit; };
void futex_wait(volatile int *addr, int val);
int barrier_owner(struct barrier *b) {
  struct instance *inst = b->inst;
  if (!inst) {
    struct instance new_inst = {0, 0};
    b->inst = inst = &new_inst;
    while (inst->finished == 0)
      futex_wait(&inst->finished, 0);
    return 1;
  }
  return 0;
}
struct waiter { struct waiter *next; int state; };
struct cv { struct waiter *head; };
int cv_wait(struct cv *c) {
  struct waiter node = {c->head, 0};
  c->head = &node;
  while (__atomic_load_n(&node.state, __ATOMIC_ACQUIRE) == 0)
    futex_wait((volatile int *)&node.state, 0);
  return node.state;
}

// ---- 2. the equality guard in a callee: it returns (keeps) its argument only where it is not
// the other argument, and this call passes the local as that other argument
static char *own_copy(char *p, char *buf) { return p == buf ? strdup(p) : p; }
char *name_via(unsigned n) {
  char tmp[64];
  char *p = n < sizeof tmp ? tmp : malloc(n);
  fill(p, n);
  return own_copy(p, tmp);
}
static const char *or_default(const char *t, const char *buf, const char *dflt) {
  if (t == buf)
    return dflt;
  return t;
}
const char *ctx_lookup_via(const char *ctx, const char *id) {
  char tmp[64];
  strcpy(tmp, ctx);
  return or_default(translate(tmp), tmp, id);
}
static const char *or_default_via(const char *t, const char *buf, const char *dflt) {
  const char *r = or_default(t, buf, dflt); // a chain: the guard is the inner callee's
  return r;
}
#define LOOKUP_OR(t, buf, dflt) or_default_via((t), (buf), (dflt))
const char *ctx_lookup_via_macro(const char *ctx, const char *id) {
  char *tmp = __builtin_alloca(strlen(ctx) + 1);
  strcpy(tmp, ctx);
  const char *t = LOOKUP_OR(translate(tmp), tmp, id);
  return t;
}
const char *g_last_name;
static void remember(const char *t, const char *buf) {
  if (t != buf)
    g_last_name = t;
}
static void remember_via(const char *t, const char *buf) { remember(t, buf); }
void lookup_remember(const char *ctx) {
  char tmp[64];
  strcpy(tmp, ctx);
  remember(translate(tmp), tmp);
  remember_via(translate(tmp), tmp);
}

// ---- 4b. linked, then undone by copying back the whole object saved before the link
struct conf { void *ctx; void *pool; int (*handler)(struct conf *); void *handler_conf; };
int conf_parse(struct conf *cf);
static int on_line(struct conf *cf) { return cf->ctx != 0; }
struct map_ctx { int hits; void *pool; };
int block_saved(struct conf *cf, void *conf) {
  struct map_ctx ctx = {0};
  struct conf save;
  int rv;
  save = *cf;
  cf->ctx = &ctx;
  cf->handler = on_line;
  cf->handler_conf = conf;
  rv = conf_parse(cf);
  *cf = save;
  return rv ? rv : ctx.hits;
}
#define CONF_SAVE(cf, s) ((s) = *(cf))
#define CONF_RESTORE(cf, s) (*(cf) = (s))
int block_macro(struct conf *cf, int n) {
  struct map_ctx ctx = {0};
  struct conf save;
  CONF_SAVE(cf, save);
  cf->ctx = &ctx;
  if (n > 1 && conf_parse(cf) != 0) {
    CONF_RESTORE(cf, save);
    return -1;
  }
  CONF_RESTORE(cf, save);
  return ctx.hits;
}
struct conf g_conf;
int block_global(void) {
  struct map_ctx ctx = {0};
  struct conf save = g_conf;
  g_conf.ctx = &ctx;
  int rv = conf_parse(&g_conf);
  g_conf = save;
  return rv + ctx.hits;
}
int block_loop(struct conf *cf, int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    struct map_ctx ctx = {i, 0};
    struct conf save = *cf;
    cf->ctx = &ctx;
    total += conf_parse(cf);
    *cf = save;
  }
  return total;
}

// ---- a field of a local lent to a callee, then replaced before it is copied out
typedef struct { size_t len; unsigned char *data; } str_t;
struct value { unsigned len; unsigned char *data; };
int local_name(void *conn, str_t *s);
void *pool_alloc(void *pool, size_t n);
int name_copy(void *conn, void *pool, struct value *v) {
  str_t s;
  unsigned char addr[64];
  s.len = sizeof addr;
  s.data = addr;
  if (local_name(conn, &s) != 0)
    return -1;
  s.data = pool_alloc(pool, s.len);
  if (s.data == NULL)
    return -1;
  __builtin_memcpy(s.data, addr, s.len);
  v->len = (unsigned)s.len;
  v->data = s.data;
  return 0;
}
int name_same_block(void *conn, void *pool, struct value *v) {
  str_t s = {sizeof(int), NULL};
  int tmp = 0;
  s.data = (unsigned char *)&tmp;
  local_name(conn, &s);
  s.data = pool_alloc(pool, 16);
  v->data = s.data;
  return tmp;
}

// ---- restored to the address of the parameter's own array
struct filt { long id; void *opts; };
struct blockopts { int version; struct filt *filters; };
struct coder { int seq; struct blockopts opts; struct filt filters[5]; };
int block_init(struct blockopts *b);
int coder_update(struct coder *coder) {
  struct filt temp[5] = {{0, 0}};
  coder->opts.filters = temp;
  int ret = block_init(&coder->opts);
  coder->opts.filters = coder->filters;
  return ret;
}

// ---- 4c. linked and undone under the same condition: a parameter (or a local set once from
// one) decides both, so no path links without undoing
struct gframe { struct gframe *prev; int v; };
static struct gframe *g_frames;
int gwork(int);
int link_if_param(int track, int n) {
  struct gframe f;
  f.v = n;
  if (track) {
    f.prev = g_frames;
    g_frames = &f;
  }
  int r = gwork(n);
  if (track)
    g_frames = f.prev;
  return r;
}
int link_if_bool(_Bool track, int n) {
  struct gframe f;
  f.v = n;
  if (track) {
    f.prev = g_frames;
    g_frames = &f;
  }
  int r = gwork(n);
  if (!track)
    return r;
  g_frames = f.prev;
  return r;
}
static void gpush(struct gframe *f) { f->prev = g_frames; g_frames = f; }
static void gpop(struct gframe *f) { g_frames = f->prev; }
#define GPUSH_IF(c, f) do { if (c) gpush(f); } while (0)
#define GPOP_IF(c, f) do { if (c) gpop(f); } while (0)
int link_if_callee(int track, int n) {
  struct gframe f;
  f.v = n;
  GPUSH_IF(track, &f);
  int r = gwork(n);
  GPOP_IF(track, &f);
  return r;
}
struct gctx { struct gframe *top; int depth; };
int link_if_param_mem(struct gctx *c, unsigned mode, int n) {
  struct gframe f;
  const int nested = mode > 2;
  f.v = n;
  if (nested) {
    f.prev = c->top;
    c->top = &f;
  }
  int r = gwork(n);
  if (nested)
    c->top = f.prev;
  return r;
}
