// The bad twins of stack-escape-frames-good.c: the same shapes where the address does outlive
// its frame or block.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t.o
#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>
#include <stdint.h>

struct node { struct node *next; int *data; };
struct list { struct node *head; };
struct ctx { char *buf; struct list *l; int n; };
int use_ctx(struct ctx *c);

// ---- 1. the callee's destination is this function's parameter: the caller's memory outlives tmp
static void set_buf(struct ctx *c, char *b) { c->buf = b; }
static void set_buf_via(struct ctx *c, char *b) { set_buf(c, b); }
void attach(struct ctx *c) {
  char tmp[8];
  set_buf_via(c, tmp); // expected-warning {{address of local 'tmp' escapes into the memory parameter 'c' points to via call to 'set_buf_via'}}
}
static struct ctx g_ctx;
void attach_global(void) {
  char tmp[8];
  set_buf_via(&g_ctx, tmp); // expected-warning {{address of local 'tmp' escapes into global 'g_ctx' via call to 'set_buf_via'}}
}
// the parameter reaches the summary as an edge, judged again at the next call
void attach_outer(struct ctx *c, char *b) { set_buf_via(c, b); }
void attach_twice(struct ctx *c) {
  char tmp[8];
  attach_outer(c, tmp); // expected-warning {{address of local 'tmp' escapes into the memory parameter 'c' points to via call to 'attach_outer'}}
}

// ---- 4. linked by a callee, not unlinked on every path, or unlinked from somewhere else
struct fstate { struct fstate *prev; int n; };
struct lex { struct fstate *fs; int tok; };
static void open_fs(struct lex *ls, struct fstate *fs) { fs->prev = ls->fs; ls->fs = fs; }
static void close_fs(struct lex *ls) { struct fstate *fs = ls->fs; ls->fs = fs->prev; }
int statement(struct lex *ls);
void body_leak(struct lex *ls) {
  struct fstate fs = {0};
  open_fs(ls, &fs); // expected-warning {{address of local 'fs' escapes into the memory parameter 'ls' points to via call to 'open_fs'}}
  statement(ls);
}
void body_early_return(struct lex *ls) {
  struct fstate fs = {0};
  open_fs(ls, &fs); // expected-warning {{address of local 'fs' escapes into the memory parameter 'ls' points to via call to 'open_fs'}}
  if (statement(ls))
    return;
  close_fs(ls);
}
void body_other(struct lex *ls, struct lex *other) {
  struct fstate fs = {0};
  open_fs(ls, &fs); // expected-warning {{address of local 'fs' escapes into the memory parameter 'ls' points to via call to 'open_fs'}}
  close_fs(other);
}
// a "reset" that only sometimes resets
static void maybe_reset(struct ctx *c, int n) { if (n) c->buf = NULL; }
void init_maybe_reset(struct ctx *c, int n) {
  char tmp[32];
  set_buf(c, tmp); // expected-warning {{address of local 'tmp' escapes into the memory parameter 'c' points to via call to 'set_buf'}}
  maybe_reset(c, n);
}
// the second call stores a stack address again
void set_twice(struct ctx *c) {
  char a[8], b[8];
  set_buf(c, a); // expected-warning {{address of local 'a' escapes into the memory parameter 'c' points to via call to 'set_buf'}}
  set_buf(c, b); // expected-warning {{address of local 'b' escapes into the memory parameter 'c' points to via call to 'set_buf'}}
}
static struct fstate *g_top;
static void push(struct fstate *f) { f->prev = g_top; g_top = f; }
void pushed_only(void) {
  struct fstate f = {0};
  push(&f); // expected-warning {{address of local 'f' escapes into global 'g_top' via call to 'push'}}
}

// ---- 3. an address (not a difference) is still an address
uintptr_t g_bits;
void addr_int(void) { char a[8]; g_bits = (uintptr_t)&a[4]; } // expected-warning {{address of local 'a' escapes into global 'g_bits' (as an integer)}}
void addr_minus_const(void) { char a[8]; g_bits = (uintptr_t)a - 1; } // expected-warning {{address of local 'a' escapes into global 'g_bits' (as an integer)}}

// ---- 6. a handshake on something the thread cannot signal, or only on some paths
struct start { int value; sem_t ready; };
static void *starter(void *arg) { struct start *s = arg; sem_post(&s->ready); return 0; }
static sem_t g_other;
int start_other_sem(pthread_t *t) {
  struct start s;
  s.value = 1;
  pthread_create(t, NULL, starter, &s); // expected-warning {{address of local 's' escapes to a thread started by 'pthread_create' that is not joined on every path}}
  sem_wait(&g_other);
  return 0;
}
int start_sem_sometimes(pthread_t *t, int c) {
  struct start s;
  s.value = 1;
  pthread_create(t, NULL, starter, &s); // expected-warning {{address of local 's' escapes to a thread started by 'pthread_create' that is not joined on every path}}
  if (c)
    return 1;
  sem_wait(&s.ready);
  return 0;
}

// ---- 2. the guard holds at this call, or the argument is not a constant
static int *g_kept;
enum { NO_CACHE = 0, CACHE = 2 };
static void keep_if(int *p, int keep) { if (keep) g_kept = p; }
static void keep_mode(int *p, int mode) {
  if (mode != CACHE)
    return;
  g_kept = p;
}
static void keep_twice(int *p, int keep) { if (keep) g_kept = p; else g_kept = p + 1; }
int guard_true(int v) {
  int x = 0, y = 0, z = 0, w = 0;
  keep_if(&x, 1);         // expected-warning {{address of local 'x' escapes into global 'g_kept' via call to 'keep_if'}}
  keep_mode(&y, CACHE);   // expected-warning {{address of local 'y' escapes into global 'g_kept' via call to 'keep_mode'}}
  keep_if(&z, v);         // expected-warning {{address of local 'z' escapes into global 'g_kept' via call to 'keep_if'}}
  keep_twice(&w, 0);      // expected-warning {{address of local 'w' escapes into global 'g_kept' via call to 'keep_twice'}}
  return x + y + z + w;
}

// the guard compares with something else, or the arm is the one where p is the local
char *strdup(const char *);
void fill(char *buf, unsigned n);
char *get_name_wrong(unsigned n, char *other) {
  char tmp[64];
  char *p = n ? tmp : other;
  fill(p, n);
  return p == other ? strdup(p) : p; // expected-warning {{address of local 'tmp' escapes through the return value of 'get_name_wrong'}}
}
char *get_name_inverted(unsigned n) {
  char tmp[64];
  char *p = tmp;
  fill(p, n);
  return p == tmp ? p : strdup(p); // expected-warning {{address of local 'tmp' escapes through the return value of 'get_name_inverted'}}
}

// ... not when the unlink goes through another parameter's object
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
void main_other(struct lex2 *ls, struct lex2 *other, struct fst2 *fs) {
  struct bcnt bl;
  open_f(ls, fs, &bl); // expected-warning {{address of local 'bl' escapes into the memory parameter 'fs' points to via call to 'open_f'}}
  close_f(other);
}

// ... reset on another connection's object, or not at all
struct conn;
struct parse { struct conn *db; struct parse *outer; int rc; };
struct conn { struct parse *cur; int flags; };
static void parse_init(struct parse *p, struct conn *db) { p->outer = db->cur; db->cur = p; p->db = db; p->rc = 0; }
static void parse_reset(struct parse *p) { struct conn *db = p->db; db->cur = p->outer; p->db = 0; }
int run_parse(struct parse *p);
int parse_not_reset(struct conn *db) {
  struct parse sp;
  parse_init(&sp, db); // expected-warning {{address of local 'sp' escapes into the memory parameter 'db' points to via call to 'parse_init'}}
  return run_parse(&sp);
}
int parse_reset_other(struct conn *db, struct parse *other) {
  struct parse sp;
  parse_init(&sp, db); // expected-warning {{address of local 'sp' escapes into the memory parameter 'db' points to via call to 'parse_init'}}
  parse_reset(other);
  return 0;
}
// the status variable also changes on the success path
int start_status_changed(pthread_t *t, int c) {
  int ret = 0;
  struct start s;
  s.value = 4;
  if (pthread_create(t, NULL, starter, &s)) // expected-warning {{address of local 's' escapes to a thread started by 'pthread_create' that is not joined on every path}}
    ret = -1;
  if (c)
    ret = 1;
  if (!ret)
    sem_wait(&s.ready);
  return ret;
}

// ---- 2. the guard does not hold on every path that joins, or it compares with something else
const char *catalog_find(const char *id);
static int g_enabled;
static const char *translate(const char *id) {
  if (!g_enabled)
    return id;
  return catalog_find(id);
}
char *strcpy(char *, const char *);
const char *lookup_one_path(const char *ctx, const char *id, int retry) {
  char tmp[64];
  strcpy(tmp, ctx);
  const char *t = translate(tmp);
  if (retry) {
    if (t == tmp)
      return id;
  }
  return t; // expected-warning {{address of local 'tmp' escapes through the return value of 'lookup_one_path'}}
}
const char *lookup_other(const char *ctx, const char *id, const char *other) {
  char tmp[64];
  strcpy(tmp, ctx);
  const char *t = translate(tmp);
  if (t == other)
    return id;
  return t; // expected-warning {{address of local 'tmp' escapes through the return value of 'lookup_other'}}
}
const char *lookup_reassigned(const char *ctx, const char *id) {
  char tmp[64];
  strcpy(tmp, ctx);
  const char *t = translate(id);
  if (t == tmp)
    return id;
  t = translate(tmp);
  return t; // expected-warning {{address of local 'tmp' escapes through the return value of 'lookup_reassigned'}}
}

// ---- 4. popped by a search that may return without finding it, or a pop of another node
struct emission { struct emission *next; int id; };
static struct emission *g_emissions;
void assert_fail(const char *) __attribute__((noreturn));
static void em_push(struct emission *e) { e->next = g_emissions; g_emissions = e; }
static void em_pop_maybe(struct emission *e) {
  struct emission *node, *last = NULL;
  for (node = g_emissions; node; last = node, node = last->next)
    if (node == e) {
      if (last)
        last->next = node->next;
      else
        g_emissions = node->next;
      return;
    }
}
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
void emit_maybe(int id) {
  struct emission e = {0, id};
  em_push(&e); // expected-warning {{address of local 'e' escapes into global 'g_emissions' via call to 'em_push'}}
  statement(0);
  em_pop_maybe(&e);
}
void emit_other(int id, struct emission *other) {
  struct emission e = {0, id};
  em_push(&e); // expected-warning {{address of local 'e' escapes into global 'g_emissions' via call to 'em_push'}}
  statement(0);
  em_pop(other);
}
void emit_early(int id) {
  struct emission e = {0, id};
  em_push(&e); // expected-warning {{address of local 'e' escapes into global 'g_emissions' via call to 'em_push'}}
  if (statement(0))
    return;
  em_pop(&e);
}

// ... and in scopes with locals of their own (cleanup blocks at -O2): the way out that returns
int use_int(int *p);
const char *lookup_scoped(const char *ctx, const char *id) {
  char tmp[64];
  const char *t = translate(id);
  if (ctx[0]) {
    int n = 0;
    strcpy(tmp, ctx);
    t = translate(tmp);
    if (use_int(&n))
      return t; // expected-warning {{address of local 'tmp' escapes through the return value of 'lookup_scoped'}}
    if (t == tmp)
      return id;
  }
  return t;
}
void emit_scoped_return(int n) {
  struct emission e = {0, n};
  em_push(&e); // expected-warning {{address of local 'e' escapes into global 'g_emissions' via call to 'em_push'}}
  for (int i = 0; i < n; i++) {
    int local = i;
    if (use_int(&local))
      return;
  }
  em_pop(&e);
}

// ---- 6. a helper that waits only sometimes, or on another object
static void wait_ready_if(struct start *s, int c) {
  if (c)
    sem_wait(&s->ready);
}
static void wait_other(struct start *s) { (void)s; sem_wait(&g_other); }
int start_helper_sometimes(pthread_t *t, int c) {
  struct start s;
  s.value = 1;
  pthread_create(t, NULL, starter, &s); // expected-warning {{address of local 's' escapes to a thread started by 'pthread_create' that is not joined on every path}}
  wait_ready_if(&s, c);
  return 0;
}
int start_helper_other(pthread_t *t) {
  struct start s;
  s.value = 1;
  pthread_create(t, NULL, starter, &s); // expected-warning {{address of local 's' escapes to a thread started by 'pthread_create' that is not joined on every path}}
  wait_other(&s);
  return 0;
}

// ---- 3. an address plus a difference is an address
char *g_ptr;
#define SPAN(a, p) ((p) - (a))
void diff_plus_addr(void) { char a[8]; char *p = a + 5; g_ptr = a + SPAN(a, p); } // expected-warning {{address of local 'a' escapes into global 'g_ptr'}}

// ---- 5. a moved list whose head is linked into a global list is still the head
struct q { struct q *next, *prev; };
static struct q g_q;
void head_into_global(void) {
  struct q wq;
  wq.next = wq.prev = &wq;
  g_q.next = &wq; // expected-warning {{address of local 'wq' escapes into}}
}

// ---- 6. a loop on a plain field (this thread's own work), or a volatile read that waits for nothing
struct instance { volatile int count, finished; int steps; };
struct barrier { struct instance *inst; int limit; };
void futex_wait(volatile int *addr, int val);
int step(struct barrier *b);
int plain_loop(struct barrier *b) {
  struct instance inst = {0, 0, 3};
  b->inst = &inst; // expected-warning {{address of local 'inst' escapes into field 'inst' of 'struct barrier' through parameter 'b'}}
  while (inst.steps)
    inst.steps -= step(b);
  return 0;
}
int volatile_once(struct barrier *b) {
  struct instance inst = {0, 0, 3};
  b->inst = &inst; // expected-warning {{address of local 'inst' escapes into field 'inst' of 'struct barrier' through parameter 'b'}}
  if (inst.finished == 0)
    futex_wait(&inst.finished, 0);
  return 0;
}

// ---- 2. the callee's equality guard compares with something else, is on the other arm, or
// this call passes another object (or a pointer into the local) as the guarding argument
static char *own_copy(char *p, char *buf) { return p == buf ? strdup(p) : p; }
static char *own_copy_inverted(char *p, char *buf) { return p == buf ? p : strdup(p); }
char *name_via_other(unsigned n, char *other) {
  char tmp[64];
  char *p = n ? tmp : other;
  fill(p, n);
  return own_copy(p, other); // expected-warning {{address of local 'tmp' escapes through the return value of 'name_via_other'}}
}
char *name_via_inverted(unsigned n) {
  char tmp[64];
  fill(tmp, n);
  return own_copy_inverted(tmp, tmp); // expected-warning {{address of local 'tmp' escapes through the return value of 'name_via_inverted'}}
}
char *name_via_interior(unsigned n) {
  char tmp[64];
  fill(tmp, n);
  return own_copy(tmp, tmp + 1); // expected-warning {{address of local 'tmp' escapes through the return value of 'name_via_interior'}}
}
static const char *or_default_first(const char *t, const char *buf, const char *dflt) {
  if (t == buf)
    return dflt;
  return buf; // returns buf, not t
}
const char *lookup_via_wrong_side(const char *ctx, const char *id) {
  char tmp[64];
  strcpy(tmp, ctx);
  return or_default_first(translate(id), tmp, id); // expected-warning {{address of local 'tmp' escapes through the return value of 'lookup_via_wrong_side'}}
}
const char *g_last_name;
static void remember(const char *t, const char *buf) {
  if (t != buf)
    g_last_name = t;
}
static void remember_always(const char *t, const char *buf) {
  if (t != buf)
    g_last_name = t;
  else
    g_last_name = buf;
}
void lookup_remember_other(const char *ctx, const char *other) {
  char tmp[64];
  strcpy(tmp, ctx);
  remember(tmp, other); // expected-warning {{address of local 'tmp' escapes into global 'g_last_name' via call to 'remember'}}
}
void lookup_remember_always(const char *ctx) {
  char tmp[64];
  strcpy(tmp, ctx);
  remember_always(translate(tmp), tmp); // expected-warning {{address of local 'tmp' escapes into global 'g_last_name' via call to 'remember_always'}}
}
extern const char *g_default_name;
static void remember_default(const char *t) { remember(t, g_default_name); }
void lookup_remember_chain(const char *ctx) {
  char tmp[64];
  strcpy(tmp, ctx);
  remember_default(tmp); // expected-warning {{address of local 'tmp' escapes into global 'g_last_name' via call to 'remember_default'}}
}

// ---- 4b. a whole-object restore that does not undo the link
struct conf { void *ctx; void *pool; int (*handler)(struct conf *); void *handler_conf; };
int conf_parse(struct conf *cf);
struct map_ctx { int hits; void *pool; };
int saved_after_link(struct conf *cf) {
  struct map_ctx ctx = {0};
  struct conf save;
  cf->ctx = &ctx; // expected-warning {{address of local 'ctx' escapes into field 'ctx' of 'struct conf' through parameter 'cf'}}
  save = *cf;     /* taken after the link: holds &ctx */
  int rv = conf_parse(cf);
  *cf = save;
  return rv + ctx.hits;
}
int saved_on_one_path(struct conf *cf, int c) {
  struct map_ctx ctx = {0};
  struct conf save = {0};
  if (c)
    save = *cf;
  cf->ctx = &ctx; // expected-warning {{address of local 'ctx' escapes into field 'ctx' of 'struct conf' through parameter 'cf'}}
  int rv = conf_parse(cf);
  *cf = save;
  return rv + ctx.hits;
}
int saved_then_changed(struct conf *cf) {
  struct map_ctx ctx = {0};
  struct conf save = *cf;
  save.ctx = cf->pool; /* the copy is no longer what cf held */
  cf->ctx = &ctx; // expected-warning {{address of local 'ctx' escapes into field 'ctx' of 'struct conf' through parameter 'cf'}}
  int rv = conf_parse(cf);
  *cf = save;
  return rv + ctx.hits;
}
int restored_in_part(struct conf *cf) {
  struct map_ctx ctx = {0};
  struct conf save = *cf;
  cf->pool = &ctx; // expected-warning {{address of local 'ctx' escapes into field 'pool' of 'struct conf' through parameter 'cf'}}
  int rv = conf_parse(cf);
  __builtin_memcpy(cf, &save, sizeof(void *)); /* only 'ctx' */
  return rv + ctx.hits;
}

// ---- a local's field replaced on one path only, or lent again after it was replaced
typedef struct { size_t len; unsigned char *data; } str_t;
struct value { unsigned len; unsigned char *data; };
int local_name(void *conn, str_t *s);
void *pool_alloc(void *pool, size_t n);
int name_maybe_copied(void *conn, void *pool, struct value *v, int copy) {
  str_t s;
  unsigned char addr[64]; // expected-note {{'addr' declared here}}
  s.len = sizeof addr;
  s.data = addr;
  local_name(conn, &s);
  if (copy)
    s.data = pool_alloc(pool, s.len);
  v->data = s.data; // expected-warning {{address of local 'addr' escapes into field 'data' of 'struct value' through parameter 'v'}}
  return 0;
}

// ---- 4c. linked under one condition and undone under another, or under the same name after
// it changed: some path returns with the link in place
struct gframe { struct gframe *prev; int v; };
static struct gframe *g_frames;
int gwork(int);
int link_if_other(int track, int keep, int n) {
  struct gframe f;
  f.v = n;
  if (track) {
    f.prev = g_frames;
    g_frames = &f; // expected-warning {{address of local 'f' escapes into global 'g_frames'}}
  }
  int r = gwork(n);
  if (keep)
    g_frames = f.prev;
  return r;
}
int link_if_changed(int track, int n) {
  struct gframe f;
  f.v = n;
  if (track) {
    f.prev = g_frames;
    g_frames = &f; // expected-warning {{address of local 'f' escapes into global 'g_frames'}}
  }
  track = gwork(n);
  if (track)
    g_frames = f.prev;
  return n;
}
int link_if_fresh(int n) {
  struct gframe f;
  for (int i = 0; i < n; i++) {
    int c = gwork(i);
    if (c) {
      f.prev = g_frames;
      g_frames = &f; // expected-warning {{address of local 'f' escapes into global 'g_frames'}}
    }
    if (gwork(c))
      g_frames = f.prev;
  }
  return n;
}
static void gpush(struct gframe *f) { f->prev = g_frames; g_frames = f; }
static void gpop(struct gframe *f) { g_frames = f->prev; }
int link_if_negated(int track, int n) {
  struct gframe f;
  f.v = n;
  if (track)
    gpush(&f); // expected-warning {{address of local 'f' escapes into global 'g_frames' via call to 'gpush'}}
  int r = gwork(n);
  if (!track)
    gpop(&f);
  return r;
}
