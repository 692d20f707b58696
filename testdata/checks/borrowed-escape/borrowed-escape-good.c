// Silent twins of borrowed-escape.c: a borrowed pointer used, copied from, or returned during the call.
// RUN: rm -rf %t && mkdir -p %t && printf 'borrowed-functions: ["GoCallback*"]\n' > %t/cfg.yaml
// RUN: %clang -c -O0 -I%ptrcheck_src/plugin/include %ptrcheck_both -fplugin-arg-ptrcheck-config=%t/cfg.yaml -Xclang -verify %s -o %t/a.o
// RUN: %clang -c -O2 -I%ptrcheck_src/plugin/include %ptrcheck_both -fplugin-arg-ptrcheck-config=%t/cfg.yaml -Xclang -verify %s -o %t/a.o
// expected-no-diagnostics
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ptrcheck/annotations.h"

char *g_copy;
size_t g_len;
char *g_kept;
static void *worker(void *arg) { return arg; }

void copies(const char *buf PTRCHECK_BORROWED, size_t n) {
  g_copy = malloc(n);
  memcpy(g_copy, buf, n); // copying the data is fine
  g_len = strlen(buf);
}
char *returns(char *buf PTRCHECK_BORROWED) { return buf + 1; }
void GoCallbackRead(char *p) {
  if (p[0])
    g_len = 1;
}
void GoCallbackJoined(char *p) {
  pthread_t t;
  pthread_create(&t, 0, worker, p);
  pthread_join(t, 0);
}
void GoCallbackCleared(char *p) {
  g_kept = p;
  g_len = strlen(g_kept);
  g_kept = NULL;
}
// not borrowed: keeping it is this function's contract
void keeper(char *p) { g_kept = p; }

// the stack-escape rules apply: pushed and popped (the pop searches the list), a guard on a
// constant argument, a semaphore handshake in a helper
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
void GoCallbackScoped(struct ent *e) {
  ent_push(e);
  work();
  ent_pop(e);
}
static void keep_if(char *p, int keep) { if (keep) g_kept = p; }
void GoCallbackLookup(char *p) { keep_if(p, 0); }
