/* ptrcheck demo: stack addresses that outlive their frame, borrowed pointers kept after the call. */
#include <pthread.h>
#include <stddef.h>

struct ctx { int *slot; };
static int *g_saved;

static void keep(int *p) { g_saved = p; }

void remember(struct ctx *c) {
  int local = 42;
  c->slot = &local;              /* the caller's struct keeps a dead address */
}

void via_callee(void) {
  int x = 1;
  keep(&x);                      /* keep() stores its argument in a global */
}

static void *worker(void *arg) { return arg; }
void detached(void) {
  int data[4] = {0};
  pthread_t t;
  pthread_create(&t, NULL, worker, data);   /* never joined */
}

static void *g_buf;
void go_callback(void *buf __attribute__((annotate("ptrcheck_borrowed")))) {
  g_buf = buf;                   /* cgo: C may not keep a Go pointer after the call */
}

/* Fine: used during the call, cleared before return. */
void fine(void) { int y = 0; keep(&y); g_saved = NULL; }
