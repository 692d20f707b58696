/* Frontend plugin -> pass plugin hand-off of the per-TU engine (see plugin/engine/handoff.c). */
#ifndef PTRCHECK_HANDOFF_H
#define PTRCHECK_HANDOFF_H

#include "ptrcheck.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The engine stays owned by the caller; publish it under the IR module's name. */
PTRCHECK_API int ptrcheck_handoff_publish(const char *key, ptrcheck_engine_t *engine);
PTRCHECK_API ptrcheck_engine_t *ptrcheck_handoff_find(const char *key);
PTRCHECK_API void ptrcheck_handoff_withdraw(ptrcheck_engine_t *engine);

#ifdef __cplusplus
}
#endif
#endif
