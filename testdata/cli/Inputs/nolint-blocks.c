#include <stdint.h>
// NOLINTBEGIN(ptrcheck-int-roundtrip)
void *a(void *p) { return (void *)((uintptr_t)p + 1); }
void *b(void *p) { uintptr_t u = (uintptr_t)p; return (void *)u; }
// NOLINTEND(ptrcheck-int-roundtrip)
void *c(void *p) { return (void *)((uintptr_t)p + 2); }
// NOLINTBEGIN(ptrcheck-stack-escape)
void *d(void *p) { return (void *)((uintptr_t)p + 3); }
// NOLINTEND(ptrcheck-stack-escape)
// NOLINTBEGIN
void *e(void *p) { return (void *)((uintptr_t)p + 4); }
// NOLINTEND
void *f(void *p) { uintptr_t u = (uintptr_t)p; return (void *)u; }
/* NOLINTBEGIN(ptrcheck-int-*) */
void *g(void *p) { uintptr_t u = (uintptr_t)p; return (void *)u; }
int *h(void) { static int *keep; int x = 0; keep = &x; return keep; }
/* NOLINTEND(ptrcheck-int-*) */
