#include <stdint.h>
#include <stddef.h>

size_t distance(const char *a, const char *b) { return (size_t)(b - a); }
unsigned hash(const void *p) { return (unsigned)(uintptr_t)p; }
