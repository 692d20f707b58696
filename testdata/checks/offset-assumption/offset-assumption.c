// Bad cases of ptrcheck-offset-assumption: hard-coded byte offsets that name a field on the compiling
// target (x86_64 Linux) but something else on another default target.
// RUN: %clang -target x86_64-linux-gnu -fsyntax-only -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-checks=-*,ptrcheck-offset-assumption -Xclang -verify %s
// RUN: %clang -target x86_64-linux-gnu -fsyntax-only -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-checks=-*,ptrcheck-offset-assumption -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct event { char tag; int id; long count; double when; void *payload; };

double when_of(struct event *e) {
  return *(double *)((char *)e + 16); // expected-warning {{byte offset 16 into 'struct event' is field 'when' here but lands inside field 'when' on i686-linux-gnu; use offsetof(struct event, when) [ptrcheck-offset-assumption]}}
}
// FIX: fix-it:"{{.*}}offset-assumption.c":{[[@LINE-2]]:34-[[@LINE-2]]:36}:"offsetof(struct event, when)"

void *payload_of(struct event *e) {
  return *(void **)((uint8_t *)e + 24); // expected-warning {{byte offset 24 into 'struct event' is field 'payload' here but is past the end (sizeof is 24) on i686-linux-gnu; use offsetof(struct event, payload)}}
}

void *payload_chain(struct event *e) {
  return *(void **)((char *)e + 8 + 16); // expected-warning {{byte offset 24 into 'struct event' is field 'payload' here but is past the end (sizeof is 24) on i686-linux-gnu; use offsetof(struct event, payload)}}
}
// FIX-NOT: fix-it:"{{.*}}offset-assumption.c":{[[@LINE-2]]

double when_copy(struct event *e) {
  double d;
  memcpy(&d, (char *)e + 16, sizeof d); // expected-warning {{byte offset 16 into 'struct event' is field 'when' here but lands inside field 'when' on i686-linux-gnu}}
  return d;
}

/* `double` after `int`: 4 on i686 Linux, 8 elsewhere. */
struct sample { int id; double value; };
double value_of(const struct sample *s) {
  return *(const double *)((const char *)s + 8); // expected-warning {{byte offset 8 into 'struct sample' is field 'value' here but lands inside field 'value' on i686-linux-gnu}}
}

/* Bit-fields: MSVC starts a new unit when the declared type's size changes. */
struct flags { unsigned char kind; unsigned ready : 1; unsigned mode : 3; unsigned : 0; unsigned short level : 5; int tail; };
int tail_of(struct flags *f) {
  return *(int *)((char *)f + 8); // expected-warning {{byte offset 8 into 'struct flags' is field 'tail' here but lands inside field 'level' on x86_64-pc-windows-msvc}}
}

/* Packed struct with a long and a pointer. */
struct __attribute__((packed)) plong { char c; long v; void *p; };
void *p_of(struct plong *x) {
  return *(void **)((char *)x + 9); // expected-warning {{byte offset 9 into 'struct plong' is field 'p' here but is past the end (sizeof is 9) on i686-linux-gnu, armv7-linux-gnueabihf and lands inside field 'p' on x86_64-pc-windows-msvc}}
}

/* Nested anonymous unions and structs. */
struct msg { int kind; union { int64_t i; double d; struct { uint16_t lo; uint16_t hi; }; }; long tail; };
uint16_t hi_of(struct msg *m) {
  return *(uint16_t *)((char *)m + 10); // expected-warning {{byte offset 10 into 'struct msg' is field 'hi' here but lands inside field 'i' on i686-linux-gnu}}
}

/* Literal container_of arithmetic. */
struct list_head { struct list_head *next, *prev; };
struct item { int key; struct list_head link; };
struct item *item_of(struct list_head *l) {
  return (struct item *)((char *)l - 8); // expected-warning {{container_of arithmetic subtracts 8 from a pointer to member 'link' of 'struct item': offsetof is 8 here but 4 on i686-linux-gnu, armv7-linux-gnueabihf; use offsetof(struct item, link)}}
}
// FIX: fix-it:"{{.*}}offset-assumption.c":{[[@LINE-2]]:38-[[@LINE-2]]:39}:"offsetof(struct item, link)"

struct counter { long total; int val; };
struct counter *counter_of(int *v) {
  return (struct counter *)((char *)v - 8); // expected-warning {{container_of arithmetic subtracts 8 from a pointer to member 'val' of 'struct counter': offsetof is 8 here but 4 on i686-linux-gnu, armv7-linux-gnueabihf, x86_64-pc-windows-msvc}}
}

/* Wrong even here. */
struct hole { char c; int i; };
char *in_padding(struct hole *h) {
  return (char *)h + 2; // expected-warning {{byte offset 2 into 'struct hole' lands in padding on the compiling target}}
}

/* Static assertions on offsetof/sizeof/_Alignof. */
_Static_assert(offsetof(struct event, payload) == 24, "payload"); // expected-warning {{static assertion 'offsetof(struct event, payload) == 24' holds here but fails on i686-linux-gnu (offsetof(struct event, payload) is 20)}}
_Static_assert(sizeof(struct sample) == 16, "size"); // expected-warning {{static assertion 'sizeof(struct sample) == 16' holds here but fails on i686-linux-gnu (sizeof(struct sample) is 12)}}
_Static_assert(_Alignof(struct sample) == 8, "align"); // expected-warning {{holds here but fails on i686-linux-gnu (_Alignof(struct sample) is 4)}}
_Static_assert(sizeof(struct flags) == 12 && offsetof(struct flags, tail) == 8, "flags"); // expected-warning {{holds here but fails on x86_64-pc-windows-msvc (sizeof(struct flags) is 16)}}
void local_assert(void) {
  _Static_assert(offsetof(struct item, link) == 8, "link"); // expected-warning {{fails on i686-linux-gnu, armv7-linux-gnueabihf (offsetof(struct item, link) is 4)}}
}

/* Written for Windows too: the tests above count x86_64-pc-windows-msvc. */
#ifdef _WIN32 // expected-note 4 {{x86_64-pc-windows-msvc is checked because this translation unit tests '_WIN32' here}}
#endif
