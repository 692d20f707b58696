/* Included by two translation units: its finding must be reported once. */
#include <stdint.h>

static inline void *tag_pointer(void *p) {
  return (void *)((uintptr_t)p | 1);
}
