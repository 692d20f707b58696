/* Words an escape's route and steps (ptrcheck_private/escape_route.h) with the phrases of the check
 * that reports it: the structure is the analysis's, every word is the check's. */
#include <stdio.h>

#include "ptrcheck_private/escape_route.h"

#define PH(id) phrases[PTRCHECK_ESCAPE_PH_##id]

/* "'p'" or "#2", as the route or step phrases name a parameter */
static const char *param_text(const char *name, unsigned index, const char *named, const char *nth, char *buf,
                              size_t size)
{
    if (name)
        snprintf(buf, size, named, name);
    else
        snprintf(buf, size, nth, index + 1);
    return buf;
}

const char *ptrcheck_escape_route_text(const ptrcheck_escape_route_t *r, const char *const *phrases, char *buf,
                                       size_t size)
{
    char inner[2048], pn[300];
    if (!buf || !size)
        return buf;
    buf[0] = 0;
    if (!r)
        return buf;
    if (r->inner)
        ptrcheck_escape_route_text(r->inner, phrases, inner, sizeof inner);
    else
        inner[0] = 0;
    param_text(r->name, r->index, PH(PARAM_NAMED), PH(PARAM_NTH), pn, sizeof pn);
    switch (r->kind) {
    case PTRCHECK_ROUTE_INTO: snprintf(buf, size, PH(INTO), r->place); break;
    case PTRCHECK_ROUTE_GLOBAL_REACH:
        if (r->place)
            snprintf(buf, size, PH(GLOBAL_REACH_AT), r->place, r->name);
        else
            snprintf(buf, size, PH(GLOBAL_REACH), r->name);
        break;
    case PTRCHECK_ROUTE_PARAM_MEMORY: snprintf(buf, size, PH(PARAM_MEMORY), pn); break;
    case PTRCHECK_ROUTE_PARAM_PLACE: snprintf(buf, size, PH(PARAM_PLACE), r->place, pn); break;
    case PTRCHECK_ROUTE_PARAM_REACH: snprintf(buf, size, PH(PARAM_REACH), pn); break;
    case PTRCHECK_ROUTE_RETURN_VALUE: snprintf(buf, size, PH(RETURN_VALUE), r->fn); break;
    case PTRCHECK_ROUTE_VIA_CALL: snprintf(buf, size, PH(VIA_CALL), inner, r->callee); break;
    case PTRCHECK_ROUTE_THREAD: snprintf(buf, size, PH(THREAD), r->callee, r->fn); break;
    case PTRCHECK_ROUTE_KEEPS_ARG: snprintf(buf, size, PH(KEEPS_ARG), r->callee, r->index + 1); break;
    case PTRCHECK_ROUTE_RETAINING: snprintf(buf, size, PH(RETAINING), r->callee, r->index + 1); break;
    case PTRCHECK_ROUTE_HEAP: snprintf(buf, size, PH(HEAP), r->callee, inner); break;
    case PTRCHECK_ROUTE_HEAP_STORED: snprintf(buf, size, PH(HEAP_STORED), inner); break;
    case PTRCHECK_ROUTE_HEAP_RETURNED: snprintf(buf, size, PH(HEAP_RETURNED), r->fn); break;
    case PTRCHECK_ROUTE_HEAP_PASSED: snprintf(buf, size, PH(HEAP_PASSED), inner); break;
    case PTRCHECK_ROUTE_HEAP_LINKED: snprintf(buf, size, PH(HEAP_LINKED), inner); break;
    }
    return buf;
}

const char *ptrcheck_escape_step_text(const ptrcheck_escape_step_t *s, const char *const *phrases, char *buf,
                                      size_t size)
{
    char route[2048], pn[300];
    if (!buf || !size)
        return buf;
    param_text(s->param, s->param_index, PH(STEP_PARAM_NAMED), PH(STEP_PARAM_NTH), pn, sizeof pn);
    if (s->next)
        snprintf(buf, size, PH(STEP_PASSES), s->fn, pn, s->next);
    else
        snprintf(buf, size, PH(STEP_ESCAPES), s->fn, pn,
                 ptrcheck_escape_route_text(s->route, phrases, route, sizeof route));
    return buf;
}
