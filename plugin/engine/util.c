#include "ptrcheck_private/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ptrcheck_arena_chunk_s {
    ptrcheck_arena_chunk_t *next;
    size_t used;
    size_t size;
    max_align_t data[]; /* flexible: keeps the payload maximally aligned */
};

#define ARENA_CHUNK (64u * 1024u)

void ptrcheck_arena_init(ptrcheck_arena_t *a) { a->head = NULL; }

void ptrcheck_arena_fini(ptrcheck_arena_t *a)
{
    ptrcheck_arena_chunk_t *c = a->head;
    while (c) {
        ptrcheck_arena_chunk_t *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

void *ptrcheck_arena_alloc(ptrcheck_arena_t *a, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    if (!a->head || a->head->size - a->head->used < size) {
        size_t cap = size > ARENA_CHUNK ? size : ARENA_CHUNK;
        ptrcheck_arena_chunk_t *c = malloc(sizeof *c + cap);
        if (!c)
            return NULL;
        c->next = a->head;
        c->used = 0;
        c->size = cap;
        a->head = c;
    }
    char *p = (char *)a->head->data + a->head->used;
    a->head->used += size;
    memset(p, 0, size);
    return p;
}

char *ptrcheck_arena_strndup(ptrcheck_arena_t *a, const char *s, size_t len)
{
    char *p = ptrcheck_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

void ptrcheck_strmap_init(ptrcheck_strmap_t *m)
{
    m->slots = NULL;
    m->cap = 0;
    m->count = 0;
}

void ptrcheck_strmap_fini(ptrcheck_strmap_t *m, void (*free_value)(void *))
{
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key) {
            if (free_value)
                free_value(m->slots[i].value);
            free(m->slots[i].key);
        }
    }
    free(m->slots);
    ptrcheck_strmap_init(m);
}

ptrcheck_strmap_entry_t *ptrcheck_strmap_find(const ptrcheck_strmap_t *m, const char *key)
{
    if (!m->cap)
        return NULL;
    for (size_t i = hash_str(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->slots[i].key)
            return NULL;
        if (strcmp(m->slots[i].key, key) == 0)
            return &m->slots[i];
    }
}

static int grow(ptrcheck_strmap_t *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 64;
    ptrcheck_strmap_entry_t *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return 0;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        size_t j = hash_str(m->slots[i].key) & (ncap - 1);
        while (ns[j].key)
            j = (j + 1) & (ncap - 1);
        ns[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
    return 1;
}

ptrcheck_strmap_entry_t *ptrcheck_strmap_insert(ptrcheck_strmap_t *m, const char *key, int *is_new)
{
    ptrcheck_strmap_entry_t *e = ptrcheck_strmap_find(m, key);
    if (is_new)
        *is_new = 0;
    if (e)
        return e;
    if ((m->count + 1) * 4 > m->cap * 3 && !grow(m))
        return NULL;
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->slots[i].key)
        i = (i + 1) & (m->cap - 1);
    size_t len = strlen(key);
    char *k = malloc(len + 1);
    if (!k)
        return NULL;
    memcpy(k, key, len + 1);
    m->slots[i].key = k;
    m->slots[i].value = NULL;
    m->count++;
    if (is_new)
        *is_new = 1;
    return &m->slots[i];
}
