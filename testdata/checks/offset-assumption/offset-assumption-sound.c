// Claims about another target only where this one preprocessing knows the layout there (docs/checks/
// offset-assumption.md, "What one build can know"): records with a preprocessor conditional inside, fields
// of project integer typedefs, array bounds computed from sizeof are not laid out for other targets.
// Each silent case sits next to a bad case over a record whose layout is known everywhere.
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-checks=-*,ptrcheck-offset-assumption -Xclang -verify %s
// A layout table that has the record is authoritative: the claim is made again.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/t.c && cp %S/Inputs/offset-sound.yaml %t/layouts.yaml
// RUN: printf 'targets: [x86_64-linux-gnu, i686-linux-gnu]\nlayout-tables: [layouts.yaml]\nchecks: ["-*", "ptrcheck-offset-assumption"]\n' > %t/.ptrcheck.yaml
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -fplugin=%ptrcheck_plugin %t/t.c 2>&1 | FileCheck %s --check-prefix=TABLE
#include <stddef.h>

#define SIZEOF_VOID_P 8
#define UNIT 16

/* 1. fields that exist per preprocessing */
struct cond {
  void *p;
#if SIZEOF_VOID_P == 8
  long wide;
#else
  int narrow;
#endif
  int tail;
};
struct nocond { void *p; long wide; int tail; };
int cond_tail(struct cond *c) { return *(int *)((char *)c + 16); }
int cond_tail_macro(struct cond *c) {
#define TAIL_OFF 16
  return *(int *)((char *)c + TAIL_OFF);
}
_Static_assert(offsetof(struct cond, tail) == 16, "cond");
struct holds_cond { struct cond c; int after; };
int holds_cond_after(struct holds_cond *h) { return *(int *)((char *)h + 24); }
int nocond_tail(struct nocond *c) {
  return *(int *)((char *)c + 16); // expected-warning {{byte offset 16 into 'struct nocond' is field 'tail' here but is past the end (sizeof is 12) on i686-linux-gnu, armv7-linux-gnueabihf}}
}

/* 2. a project typedef of an integer type: another target's configuration may define it otherwise */
typedef unsigned long gsize;
struct gsz { gsize n; void *p; };
union gsz_u { gsize n; char bytes[8]; };
struct holds_gsz { union gsz_u u; void *q; };
void *gsz_p(struct gsz *g) { return *(void **)((char *)g + 8); }
// TABLE: t.c:[[@LINE-1]]:{{[0-9]+}}: warning: byte offset 8 into 'struct gsz' is field 'p' here but is past the end (sizeof is 8) on i686-linux-gnu
void *holds_gsz_q(struct holds_gsz *h) { return *(void **)((char *)h + 8); }
_Static_assert(sizeof(struct gsz) == 16, "gsz");
// TABLE: t.c:[[@LINE-1]]:{{[0-9]+}}: warning: static assertion 'sizeof(struct gsz) == 16' holds here but fails on i686-linux-gnu (sizeof(struct gsz) is 8)
struct ulong_sz { unsigned long n; void *p; };
void *ulong_p(struct ulong_sz *g) {
  return *(void **)((char *)g + 8); // expected-warning {{byte offset 8 into 'struct ulong_sz' is field 'p' here but is past the end (sizeof is 8) on i686-linux-gnu, armv7-linux-gnueabihf}}
}

/* 3. array bounds computed from sizeof keep the record's size per target */
struct meta;
struct group {
  struct meta *meta;
  unsigned char active_idx : 5;
  char pad[UNIT - sizeof(struct meta *) - 1];
  unsigned char storage[];
};
typedef char pad_t[UNIT - sizeof(void *)];
struct group2 { void *m; pad_t pad; int after; };
unsigned char group_byte(struct group *g) { return *((unsigned char *)g + 12); }
int group2_after(struct group2 *g) { return *(int *)((char *)g + 16); }
_Static_assert(sizeof(struct group) == UNIT, "group");
struct fixed_pad { void *m; char pad[8]; int after; };
int fixed_after(struct fixed_pad *g) {
  return *(int *)((char *)g + 16); // expected-warning {{byte offset 16 into 'struct fixed_pad' is field 'after' here but is past the end (sizeof is 16) on i686-linux-gnu, armv7-linux-gnueabihf}}
}

