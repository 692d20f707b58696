#include <stdint.h>

static void *from_int(uintptr_t v)
{
    return (void *)v;
}

void *caller(void *p)
{
    return from_int((uintptr_t)p);
}

static void put(uintptr_t *out, const void *p)
{
    *out = (uintptr_t)p;
}

void *out_param(const void *p)
{
    uintptr_t u;
    put(&u, p);
    return (void *)u;
}

static void *get(const uintptr_t *in)
{
    return (void *)*in;
}

void *in_param(void *p)
{
    uintptr_t u = (uintptr_t)p;
    return get(&u);
}

void *through_pointer(void *p)
{
    uintptr_t u;
    uintptr_t *q = &u;
    *q = (uintptr_t)p;
    return (void *)u;
}
