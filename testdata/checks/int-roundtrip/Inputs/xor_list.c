#include <stddef.h>
#include <stdint.h>

struct xnode {
    int value;
    uintptr_t link; /* prev ^ next */
};

void xlink(struct xnode *n, struct xnode *prev, struct xnode *next)
{
    n->link = (uintptr_t)prev ^ (uintptr_t)next;
}

struct xnode *xnext(struct xnode *n, struct xnode *prev)
{
    return (struct xnode *)(n->link ^ (uintptr_t)prev);
}

void *obfuscated(void *p, uintptr_t key)
{
    uintptr_t hidden = (uintptr_t)p ^ key;
    return (void *)(hidden ^ key);
}
