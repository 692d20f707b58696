// ptr-truncation (IR): a program that tests whether pointer bits fit in w bits keeps w-bit copies of
// pointers only where they fit (a table with small and big entry arrays, chosen by that test), so
// its w-bit narrowings are no truncation: a copy that is converted back is a round trip, and is
// reported as one (int-roundtrip).  Built without the fit test (NO_FIT_TEST) the same narrowings are
// truncations.  A narrowing to another width than the one tested is still reported.
// RUN: %clang -c -O0 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation %s -o %t.o 2>&1 | FileCheck %s --check-prefix=FIT --implicit-check-not=warning:
// RUN: %clang -c -O2 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation %s -o %t.o 2>&1 | FileCheck %s --check-prefix=FIT --implicit-check-not=warning:
// RUN: %clang -c -O0 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation -DNO_FIT_TEST %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=FIT,NOFIT --implicit-check-not=warning:
// RUN: %clang -c -O2 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation -DNO_FIT_TEST %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=FIT,NOFIT --implicit-check-not=warning:
// RUN: %clang -c -O0 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-int-roundtrip %s -o %t.o 2>&1 | FileCheck %s --check-prefix=RT
#include <stdint.h>
#include <stdlib.h>

#ifndef NO_FIT_TEST
/* ---- the test, in a helper */
static int entry_is_big(void *v) { return ((uintptr_t)v >> 32) != 0; }
#else
static int entry_is_big(void *v) { return v == NULL; }
#endif

struct table { void *keys; int big; unsigned n; };

static void *fetch(void *a, unsigned i, int big) {
  return big ? ((void **)a)[i] : (void *)(uintptr_t)((uint32_t *)a)[i];
  // NOFIT: fit-tested.c:[[@LINE-1]]:{{[0-9]+}}: warning: pointer truncated to 32 bits {{.*}}[ptrcheck-ptr-truncation]
  // RT: fit-tested.c:[[@LINE-2]]:{{[0-9]+}}: warning: pointer converted to an integer and back to a pointer {{.*}}[ptrcheck-int-roundtrip]
}
static void assign(void *a, unsigned i, int big, void *v) {
  if (big)
    ((void **)a)[i] = v;
  else
    ((uint32_t *)a)[i] = (uint32_t)(uintptr_t)v;
}
void table_put(struct table *t, void *key) {
  if (!t->big && entry_is_big(key))
    t->big = 1; /* the arrays are widened here */
  assign(t->keys, t->n++, t->big, key);
}
void *table_get(struct table *t, unsigned i) { return fetch(t->keys, i, t->big); }

/* ---- the test inline, as a comparison, through a macro */
#ifndef NO_FIT_TEST
#define FITS32(p) ((uintptr_t)(p) <= UINT32_MAX)
#else
#define FITS32(p) ((p) != NULL)
#endif
struct slot { uint32_t small; void *wide; };
void slot_put(struct slot *s, void *p) {
  if (FITS32(p))
    s->small = (uint32_t)(uintptr_t)p;
  else
    s->wide = p;
}
void *slot_get(struct slot *s) { return s->wide ? s->wide : (void *)(uintptr_t)s->small; }
// NOFIT: fit-tested.c:[[@LINE-1]]:{{[0-9]+}}: warning: pointer truncated to 32 bits {{.*}}[ptrcheck-ptr-truncation]

/* ---- still reported: a narrowing to 16 bits, which no test in the program guards */
void *narrow16(void *p) {
  uint16_t h = (uint16_t)(uintptr_t)p;
  return (void *)(uintptr_t)h;
  // FIT: fit-tested.c:[[@LINE-1]]:10: warning: pointer truncated to 16 bits in local 'h' and converted back to a pointer [ptrcheck-ptr-truncation]
}
