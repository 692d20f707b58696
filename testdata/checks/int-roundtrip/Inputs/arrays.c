#include <stdint.h>

static uintptr_t g_table[16];

void table_put(int i, void *p)
{
    g_table[i] = (uintptr_t)p;
}

void *table_get(int i)
{
    return (void *)g_table[i & 15];
}

void *local_array(void *p, int i, int j)
{
    uintptr_t slots[4];
    slots[i] = (uintptr_t)p;
    return (void *)slots[j];
}
