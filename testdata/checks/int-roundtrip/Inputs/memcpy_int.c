#include <stdint.h>
#include <string.h>

void *copy_bits(void *p)
{
    uintptr_t u;
    memcpy(&u, &p, sizeof p);
    return (void *)u;
}

void *copy_bits_move(void *p)
{
    uint64_t u;
    memmove(&u, &p, sizeof u);
    return (void *)(uintptr_t)u;
}
