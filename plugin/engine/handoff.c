/* The one process-wide table in ptrcheck: how the LLVM pass plugin finds the engine that the
 * clang frontend plugin created for the same translation unit.  `clang -fpass-plugin=` gives a
 * pass no way to reach the frontend's objects, so the frontend publishes its engine under the
 * module's name (the input file as clang names the IR module) and withdraws it when the
 * translation unit ends.  Guarded by a mutex: one clang process may compile on several threads
 * (clang-repl, libclang users). */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ptrcheck/handoff.h"

typedef struct handoff_entry_s {
    char *key;
    ptrcheck_engine_t *engine;
    struct handoff_entry_s *next;
} handoff_entry_t;

static pthread_mutex_t handoff_lock = PTHREAD_MUTEX_INITIALIZER;
static handoff_entry_t *handoff_head;

int ptrcheck_handoff_publish(const char *key, ptrcheck_engine_t *engine)
{
    handoff_entry_t *ent = malloc(sizeof *ent);
    if (!ent)
        return 0;
    ent->key = strdup(key);
    if (!ent->key) {
        free(ent);
        return 0;
    }
    ent->engine = engine;
    pthread_mutex_lock(&handoff_lock);
    ent->next = handoff_head;
    handoff_head = ent;
    pthread_mutex_unlock(&handoff_lock);
    return 1;
}

ptrcheck_engine_t *ptrcheck_handoff_find(const char *key)
{
    ptrcheck_engine_t *found = NULL;
    pthread_mutex_lock(&handoff_lock);
    for (handoff_entry_t *p = handoff_head; p; p = p->next) {
        if (strcmp(p->key, key) == 0) {
            found = p->engine;
            break;
        }
    }
    pthread_mutex_unlock(&handoff_lock);
    return found;
}

void ptrcheck_handoff_withdraw(ptrcheck_engine_t *engine)
{
    pthread_mutex_lock(&handoff_lock);
    for (handoff_entry_t **pp = &handoff_head; *pp;) {
        handoff_entry_t *p = *pp;
        if (p->engine == engine) {
            *pp = p->next;
            free(p->key);
            free(p);
        } else {
            pp = &p->next;
        }
    }
    pthread_mutex_unlock(&handoff_lock);
}
