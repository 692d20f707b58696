#include <stdint.h>

void *narrow_local(void *p)
{
    unsigned v = (unsigned)(uintptr_t)p;
    return (void *)(uintptr_t)v;
}

struct compact { unsigned ref; };

void compact_set(struct compact *c, void *p)
{
    c->ref = (uint32_t)(uintptr_t)p;
}

void *compact_get(const struct compact *c)
{
    return (void *)(uintptr_t)c->ref;
}

unsigned hash_only(void *p)
{
    return (unsigned)(uintptr_t)p;
}
