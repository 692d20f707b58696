#include <stdint.h>

static uintptr_t to_bits(const void *p)
{
    return (uintptr_t)p;
}

static uintptr_t offset_bits(const void *p, unsigned long off)
{
    uintptr_t b = to_bits(p);
    return b + off;
}

void *direct(const void *p)
{
    return (void *)to_bits(p);
}

char *with_offset(const char *p)
{
    uintptr_t v = offset_bits(p, 4);
    return (char *)v;
}
