/* Small containers for the engine: an arena and a string-keyed hash map.  Private to the engine. */
#ifndef PTRCHECK_UTIL_H
#define PTRCHECK_UTIL_H

#include <stddef.h>

/* ---- arena: bump allocator; everything is released at once */
typedef struct ptrcheck_arena_chunk_s ptrcheck_arena_chunk_t;
typedef struct ptrcheck_arena_s {
    ptrcheck_arena_chunk_t *head;
} ptrcheck_arena_t;

void ptrcheck_arena_init(ptrcheck_arena_t *a);
void ptrcheck_arena_fini(ptrcheck_arena_t *a);
/* Zeroed memory, aligned for any object; NULL when out of memory. */
void *ptrcheck_arena_alloc(ptrcheck_arena_t *a, size_t size);
char *ptrcheck_arena_strndup(ptrcheck_arena_t *a, const char *s, size_t len);

/* ---- string map: keys are copied; values are owned by the caller */
typedef struct ptrcheck_strmap_entry_s {
    char *key;
    void *value;
} ptrcheck_strmap_entry_t;

typedef struct ptrcheck_strmap_s {
    ptrcheck_strmap_entry_t *slots;
    size_t cap;   /* power of two or 0 */
    size_t count;
} ptrcheck_strmap_t;

void ptrcheck_strmap_init(ptrcheck_strmap_t *m);
/* Calls free_value (if not NULL) on every value, frees the keys. */
void ptrcheck_strmap_fini(ptrcheck_strmap_t *m, void (*free_value)(void *));
/* Returns the entry for key, or NULL. */
ptrcheck_strmap_entry_t *ptrcheck_strmap_find(const ptrcheck_strmap_t *m, const char *key);
/* Finds or inserts key (value NULL when new; *is_new set).  NULL when out of memory. */
ptrcheck_strmap_entry_t *ptrcheck_strmap_insert(ptrcheck_strmap_t *m, const char *key, int *is_new);

#endif
