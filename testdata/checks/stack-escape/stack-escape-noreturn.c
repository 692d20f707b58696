// A frame every path of which, after the escape, ends in exit(), abort() or another noreturn call
// is never released: what received a local's address through a callee cannot outlive it
// (libmaxminddb's mmdblookup: main starts unjoined threads on &mmdb through a helper, then exits).
// The inline forms were silent already; the same through callees now is.  A path that returns
// keeps the finding.
// RUN: %clang -c -O0 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-stack-escape -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-stack-escape -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t.o
#include <pthread.h>
#include <stdlib.h>
__attribute__((noreturn)) void die(const char *why);
struct ti { pthread_t id; int *db; };
static void *worker(void *p) { return ((struct ti *)p)->db; }
static int start(int *db, int n) {
  struct ti *t = calloc((size_t)n, sizeof *t);
  for (int i = 0; i < n; i++) {
    t[i].db = db;
    if (pthread_create(&t[i].id, 0, worker, &t[i]) != 0) {
      free(t);
      return 0;
    }
  }
  for (int i = 0; i < n; i++)
    pthread_join(t[i].id, 0);
  free(t);
  return 1;
}
int *g_last;
static void remember(int *p) { g_last = p; }
struct box { int *p; };
static void put(struct box *b, int *p) { b->p = p; }

int main(int argc, char **argv) {
  (void)argv;
  int db = 0;
  if (!start(&db, argc))
    exit(1);
  exit(0);
}
void fatal_after_remember(void) {
  int x = 1;
  remember(&x);
  abort();
}
void fatal_after_put(struct box *b, int c) {
  int y = 2;
  put(b, &y);
  if (c)
    die("one");
  die("other");
}

// still reported: some path returns
int maybe_returns(int argc) {
  int db = 0;
  if (!start(&db, argc)) // expected-warning {{address of local 'db' escapes into a heap object}}
    exit(1);
  return 0;
}
void returns_after_remember(int c) {
  int x = 1;
  remember(&x); // expected-warning {{address of local 'x' escapes into global 'g_last' via call to 'remember'}}
  if (c)
    abort();
}
