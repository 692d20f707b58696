#include <stdint.h>

union pun {
    void *p;
    uintptr_t u;
};

void *through_union(void *p)
{
    union pun x;
    x.p = p;
    return (void *)(x.u + 16);
}

struct boxed {
    int kind;
    union pun val;
};

void box(struct boxed *b, void *p)
{
    b->val.p = p;
}

char *unbox(const struct boxed *b)
{
    return (char *)b->val.u;
}
