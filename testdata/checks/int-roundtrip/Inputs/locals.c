#include <stdint.h>

struct obj { int a, b; };

struct obj *via_local(struct obj *p)
{
    uintptr_t u = (uintptr_t)p;
    return (struct obj *)u;
}

char *arith_local(char *p, long n)
{
    uintptr_t u = (uintptr_t)p;
    u += (uintptr_t)n;
    return (char *)u;
}

int *via_two_locals(int *p, int c)
{
    intptr_t a = (intptr_t)p;
    intptr_t b = c ? a : 0;
    return (int *)b;
}

struct obj *one_expression(struct obj *p)
{
    return (struct obj *)((uintptr_t)p + sizeof(struct obj));
}
