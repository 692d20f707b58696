#include <stdint.h>

void *align_up(void *p)
{
    return (void *)(((uintptr_t)p + 15) & ~(uintptr_t)15);
}

void *align_down(void *p)
{
    return (void *)((uintptr_t)p & ~(uintptr_t)63);
}

char *align_up_local(char *p)
{
    uintptr_t u = (uintptr_t)p;
    u = (u + 7) & ~(uintptr_t)7;
    return (char *)u;
}

void *align_down_int_mask(void *p)
{
    return (void *)((uintptr_t)p & -4096);
}
