// ptrcheck-borrowed-escape: a borrowed pointer parameter (annotate("ptrcheck_borrowed") on the
// parameter or the function, via ptrcheck/annotations.h, or a borrowed-functions glob) kept after the call.
// RUN: rm -rf %t && mkdir -p %t && printf 'borrowed-functions: ["GoCallback*"]\nretaining-functions: [{name: "registry_add", arg: 2}]\n' > %t/cfg.yaml
// RUN: %clang -c -O0 -I%ptrcheck_src/plugin/include %ptrcheck_both -fplugin-arg-ptrcheck-config=%t/cfg.yaml -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t/a.o
// RUN: %clang -c -O2 -I%ptrcheck_src/plugin/include %ptrcheck_both -fplugin-arg-ptrcheck-config=%t/cfg.yaml -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t/a.o
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ptrcheck/annotations.h"

struct holder { char *buf; };
struct node { struct node *next; char *data; };
char *g_kept;
struct node *g_nodes;
void registry_add(int key, void *p);
static void keep_it(char *p) { g_kept = p; }
static void *worker(void *arg) { return arg; }

void to_global(char *buf PTRCHECK_BORROWED) {
  g_kept = buf + 1; // expected-warning {{borrowed pointer 'buf' escapes into global 'g_kept'}}
}
void to_out(char *buf PTRCHECK_BORROWED, char **out) {
  *out = buf; // expected-warning {{borrowed pointer 'buf' escapes into the memory parameter 'out' points to}}
}
void to_field(struct holder *h, char *buf PTRCHECK_BORROWED) {
  h->buf = buf; // expected-warning {{borrowed pointer 'buf' escapes into field 'buf' of 'struct holder' through parameter 'h'}}
}
PTRCHECK_BORROWED_FN void to_heap(char *data) {
  struct node *n = malloc(sizeof *n);
  n->data = data; // expected-warning {{borrowed pointer 'data' escapes into a heap object (from 'malloc') that is stored into global 'g_nodes'}}
  n->next = g_nodes;
  g_nodes = n;
}
void GoCallbackKeep(char *p) {
  keep_it(p); // expected-warning {{borrowed pointer 'p' escapes into global 'g_kept' via call to 'keep_it'}}
}
void GoCallbackThread(char *p) {
  pthread_t t;
  pthread_create(&t, 0, worker, p); // expected-warning {{borrowed pointer 'p' escapes to a thread started by 'pthread_create'}}
  pthread_detach(t);
}
void to_registry(void *p PTRCHECK_BORROWED) {
  registry_add(1, p); // expected-warning {{borrowed pointer 'p' escapes into 'registry_add', which keeps its argument 2 (retaining-functions)}}
}

// ... but not a pop of another entry, nor a guard the constant makes true
struct ent { struct ent *next; int id; };
static struct ent *g_ents;
void assert_fail(const char *) __attribute__((noreturn));
void work(void);
static void ent_push(struct ent *e) { e->next = g_ents; g_ents = e; }
static void ent_pop(struct ent *e) {
  for (struct ent *n = g_ents, *last = NULL; n; last = n, n = n->next)
    if (n == e) {
      if (last)
        last->next = n->next;
      else
        g_ents = n->next;
      return;
    }
  assert_fail("not pushed");
}
void GoCallbackPopOther(struct ent *e, struct ent *other) {
  ent_push(e); // expected-warning {{borrowed pointer 'e' escapes into global 'g_ents' via call to 'ent_push'}}
  work();
  ent_pop(other);
}
static void keep_if(char *p, int keep) { if (keep) g_kept = p; }
void GoCallbackLookupKeep(char *p) { keep_if(p, 1); } // expected-warning {{borrowed pointer 'p' escapes into global 'g_kept' via call to 'keep_if'}}
