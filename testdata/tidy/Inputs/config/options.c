/* testdata/tidy/clang-tidy-config.test: findings that depend on the .clang-tidy options. */
#include <stdint.h>

/* reported only with StrictProvenance (an alignment round-up) */
void *align16(void *p) { return (void *)(((uintptr_t)p + 15) & ~(uintptr_t)15); }

/* reported only when a configured target has 32-bit long and 64-bit pointers (the default targets
 * include x86_64-pc-windows-msvc, this file testing _WIN32 below; the documented Targets do not) */
long as_long(void *p) { return (long)p; }

#ifdef _WIN32 /* written for Windows too */
#endif
