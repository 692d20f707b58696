// A local linked into a global (an exception handler's jmp_buf, a "current context") and unlinked by
// a function this translation unit cannot see, which receives the value the global held before
// the link on every path out (dash's restore_handler(savehandler, err)): the callee is given what
// it needs to undo the link, so the local is not reported as still linked at return.  Next to
// them, the same link with the saved value not handed back, or handed back on one path only, is
// still reported.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
#include <setjmp.h>

struct jmploc { jmp_buf loc; };
extern struct jmploc *handler;
extern void restore_handler(struct jmploc *savehandler, int err); /* handler = savehandler; ... */
extern void set_current(void *prev);
extern void work(void);

int guarded(void) {
  int err;
  struct jmploc *volatile savehandler = handler;
  struct jmploc jmploc;
  if (!(err = setjmp(jmploc.loc))) {
    handler = &jmploc;
    work();
  }
  restore_handler(savehandler, err);
  return err;
}

/* the saved value in a plain local, the restore on two paths */
extern void *current;
int with_context(int fast) {
  void *prev = current;
  int ctx[4];
  current = ctx;
  work();
  if (fast) {
    set_current(prev);
    return 1;
  }
  set_current(prev);
  return 0;
}

/* through a macro */
#define PUSH_CTX(c, save) ((save) = current, current = (c))
#define POP_CTX(save) set_current(save)
void macro_context(void) {
  void *save;
  int ctx[2];
  PUSH_CTX(ctx, save);
  work();
  POP_CTX(save);
}

/* ---- still reported: the saved value is not what the callee gets */
void not_handed_back(void) {
  void *prev = current;
  int ctx[4];
  current = ctx; // expected-warning {{address of local 'ctx' escapes into global 'current'}} expected-note@-1 {{'ctx' declared here}}
  work();
  set_current(&prev);
}
/* handed back on one path only */
void one_path(int fast) {
  void *prev = current;
  int ctx[4];
  current = ctx; // expected-warning {{address of local 'ctx' escapes into global 'current'}} expected-note@-1 {{'ctx' declared here}}
  work();
  if (fast)
    return;
  set_current(prev);
}
