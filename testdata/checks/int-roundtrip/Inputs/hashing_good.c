#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

unsigned long hash_ptr(const void *p)
{
    uintptr_t v = (uintptr_t)p;
    v ^= v >> 17;
    v *= 0x9E3779B97F4A7C15ull;
    return (unsigned long)(v >> 32);
}

int same_page(const void *a, const void *b)
{
    return ((uintptr_t)a >> 12) == ((uintptr_t)b >> 12);
}

void print_ptr(const void *p)
{
    printf("%lx\n", (unsigned long)(uintptr_t)p);
}

ptrdiff_t distance(const char *a, const char *b)
{
    return (ptrdiff_t)((intptr_t)b - (intptr_t)a);
}

intptr_t id_of(const void *p)
{
    intptr_t id = (intptr_t)p;
    return id;
}

unsigned seed(const void *p)
{
    return (unsigned)(uintptr_t)p;
}

int is_aligned(const void *p)
{
    return ((uintptr_t)p & 7) == 0;
}
