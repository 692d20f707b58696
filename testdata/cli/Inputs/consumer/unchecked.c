#include <stdint.h>
void *bump_too(void *p) { return (void *)((uintptr_t)p + 16); }
