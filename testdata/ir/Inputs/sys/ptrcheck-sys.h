/* A header found through -isystem (testdata/ir/system-headers.c, testdata/cli/system-headers.test):
 * its inline functions hold hazards only the IR pass finds. */
#ifndef PTRCHECK_SYS_H
#define PTRCHECK_SYS_H
#include <stdint.h>

static inline void *sys_tag(void *p) {
  uintptr_t u = (uintptr_t)p;
  u |= 1;
  return (void *)u;
}

static inline void sys_publish(int **out) {
  int x = 0;
  *out = &x;
}
#endif
