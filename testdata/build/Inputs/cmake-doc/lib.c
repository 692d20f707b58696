/* testdata/build/cmake-doc.test: the target the doc's ptrcheck_enable(mylib ...) enables. */
#include <stdint.h>
void *bump(void *p) { return (void *)((uintptr_t)p + 16); }
int *g_keep;
void keep_local(void) { int x = 0; g_keep = &x; } /* silent: the CONFIG selects int-roundtrip only */
