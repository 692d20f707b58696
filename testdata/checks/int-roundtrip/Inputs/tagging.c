#include <stdint.h>

struct node { struct node *next; int v; };

void *tag(struct node *p)
{
    return (void *)((uintptr_t)p | 1);
}

struct tagged { uintptr_t bits; };

void set_tagged(struct tagged *t, struct node *p, int mark)
{
    t->bits = (uintptr_t)p | (uintptr_t)(mark & 1);
}

void set_marked(struct tagged *t, struct node *p)
{
    t->bits = (uintptr_t)p | 2;
}

struct node *untag(const struct tagged *t)
{
    return (struct node *)(t->bits & ~(uintptr_t)3);
}
