// report-portable-literals: true also flags offsets that are right on every target, suggesting offsetof.
// RUN: rm -rf %t && mkdir -p %t && printf 'report-portable-literals: true\nchecks: ["-*", "ptrcheck-offset-assumption"]\n' > %t/.ptrcheck.yaml && cp %s %t/p.c
// RUN: %clang -target x86_64-linux-gnu -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify %t/p.c
#include <stddef.h>

struct event { char tag; int id; long count; };
struct list_head { struct list_head *next, *prev; };
struct item { int key; int pad; struct list_head link; };

int id_of(struct event *e) {
  return *(int *)((char *)e + 4); // expected-warning {{byte offset 4 into 'struct event' is field 'id' on every configured target; use offsetof(struct event, id)}}
}
struct item *item_of(struct list_head *l) {
  return (struct item *)((char *)l - 8); // expected-warning {{container_of arithmetic subtracts 8 from a pointer to member 'link' of 'struct item', its offset on every configured target; use offsetof(struct item, link)}}
}
int size_ok(void) { return (int)offsetof(struct event, id); }
