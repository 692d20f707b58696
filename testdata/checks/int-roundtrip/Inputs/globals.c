#include <stdint.h>

static uintptr_t g_saved;
static int g_object;
uintptr_t g_init = (uintptr_t)&g_object;

void save(void *p)
{
    g_saved = (uintptr_t)p;
}

void *restore(void)
{
    return (void *)g_saved;
}

int *from_initializer(void)
{
    return (int *)g_init;
}

void *from_static_local(void *p, int first)
{
    static uintptr_t keep;
    if (first)
        keep = (uintptr_t)p;
    return (void *)keep;
}
