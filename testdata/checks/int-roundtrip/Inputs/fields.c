#include <stdint.h>

struct handle {
    int kind;
    uintptr_t raw;
};

void handle_set(struct handle *h, void *p)
{
    h->kind = 1;
    h->raw = (uintptr_t)p;
}

void *handle_get(const struct handle *h)
{
    if (h->kind != 1)
        return 0;
    return (void *)h->raw;
}

struct wrapper {
    long pad;
    struct handle inner[2];
};

void *wrapper_get(struct wrapper *w, int i)
{
    return (void *)w->inner[i].raw;
}
