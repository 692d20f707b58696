/* The route of an escape as data (plugin/analysis/escape.c fills it; interface of the analysis in
 * ptrcheck_private/escape.h): where an address goes when it leaves the frame, and the steps through
 * the callees on the way.  The analysis words nothing; the checks word a route with their own
 * phrase table (checks/<id>/messages.h, indexed by ptrcheck_escape_phrase_t) through
 * ptrcheck_escape_route_text / ptrcheck_escape_step_text.  No LLVM types: the checks' message
 * headers include it. */
#ifndef PTRCHECK_PRIVATE_ESCAPE_ROUTE_H
#define PTRCHECK_PRIVATE_ESCAPE_ROUTE_H

#include <stddef.h>

#include "ptrcheck/ptrcheck.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where it goes.  A route may hold another (`inner`): the route in a callee, or the fate of the heap
 * object it is stored into.  Places are worded as ptrcheck_ir_describe_place words memory ("global
 * 'g'", "field 'raw' of 'struct handle'"): they describe memory, not a finding. */
typedef enum ptrcheck_escape_route_kind_e {
    PTRCHECK_ROUTE_INTO = 1,      /* into `place` (a global's memory) */
    PTRCHECK_ROUTE_GLOBAL_REACH,  /* into memory reachable from global `name`: `place` when known */
    PTRCHECK_ROUTE_PARAM_MEMORY,  /* into the memory parameter `name`/`index` points to */
    PTRCHECK_ROUTE_PARAM_PLACE,   /* into `place` through parameter `name`/`index` */
    PTRCHECK_ROUTE_PARAM_REACH,   /* into memory reachable from parameter `name`/`index` */
    PTRCHECK_ROUTE_RETURN_VALUE,  /* through the return value of `fn` */
    PTRCHECK_ROUTE_VIA_CALL,      /* `inner` (in the callee), via a call to `callee` */
    PTRCHECK_ROUTE_THREAD,        /* to a thread started by `callee` not joined on every path before `fn` returns */
    PTRCHECK_ROUTE_KEEPS_ARG,     /* to `callee` (a thread-style API), which keeps its argument `index` */
    PTRCHECK_ROUTE_RETAINING,     /* into `callee`, which keeps its argument `index` (retaining-functions) */
    PTRCHECK_ROUTE_HEAP,          /* into a heap object (from allocator `callee`) whose fate is `inner` */
    /* the fate of a heap object (the `inner` of ROUTE_HEAP and of HEAP_LINKED) */
    PTRCHECK_ROUTE_HEAP_STORED,   /* it is stored by route `inner` */
    PTRCHECK_ROUTE_HEAP_RETURNED, /* it is returned from `fn` */
    PTRCHECK_ROUTE_HEAP_PASSED,   /* it is passed on by route `inner` */
    PTRCHECK_ROUTE_HEAP_LINKED,   /* it is linked into a heap object whose fate is `inner` */
} ptrcheck_escape_route_kind_t;

typedef struct ptrcheck_escape_route_s {
    ptrcheck_escape_route_kind_t kind;
    const char *place;  /* INTO, PARAM_PLACE; GLOBAL_REACH (or NULL) */
    const char *name;   /* GLOBAL_REACH: the global; PARAM_*: the parameter (NULL: unnamed, see index) */
    unsigned index;     /* PARAM_*: parameter index; KEEPS_ARG, RETAINING: argument index (0-based) */
    const char *fn;     /* RETURN_VALUE, THREAD, HEAP_RETURNED: the function */
    const char *callee; /* VIA_CALL, THREAD, KEEPS_ARG, RETAINING, HEAP: the function called */
    const struct ptrcheck_escape_route_s *inner;
} ptrcheck_escape_route_t;

/* One step of the path in a callee: function `fn` passes its parameter on to `next` here, or (next
 * NULL) lets it escape by `route` here. */
typedef struct ptrcheck_escape_step_s {
    ptrcheck_loc_t loc;
    const char *fn;
    const char *param;    /* the parameter's name, NULL when unnamed (see param_index) */
    unsigned param_index; /* 0-based */
    const char *next;
    const ptrcheck_escape_route_t *route;
} ptrcheck_escape_step_t;

/* The slots of a check's phrase table for routes and steps (printf formats; arguments in order). */
typedef enum ptrcheck_escape_phrase_e {
    PTRCHECK_ESCAPE_PH_INTO,              /* place */
    PTRCHECK_ESCAPE_PH_GLOBAL_REACH,      /* global */
    PTRCHECK_ESCAPE_PH_GLOBAL_REACH_AT,   /* place, global */
    PTRCHECK_ESCAPE_PH_PARAM_MEMORY,      /* parameter (PH_PARAM_*) */
    PTRCHECK_ESCAPE_PH_PARAM_PLACE,       /* place, parameter (PH_PARAM_*) */
    PTRCHECK_ESCAPE_PH_PARAM_REACH,       /* parameter (PH_PARAM_*) */
    PTRCHECK_ESCAPE_PH_PARAM_NAMED,       /* name */
    PTRCHECK_ESCAPE_PH_PARAM_NTH,         /* 1-based position (unsigned) */
    PTRCHECK_ESCAPE_PH_RETURN_VALUE,      /* function */
    PTRCHECK_ESCAPE_PH_VIA_CALL,          /* inner route, callee */
    PTRCHECK_ESCAPE_PH_THREAD,            /* callee, function */
    PTRCHECK_ESCAPE_PH_KEEPS_ARG,         /* callee, 1-based argument (unsigned) */
    PTRCHECK_ESCAPE_PH_RETAINING,         /* callee, 1-based argument (unsigned) */
    PTRCHECK_ESCAPE_PH_HEAP,              /* allocator, fate */
    PTRCHECK_ESCAPE_PH_HEAP_STORED,       /* route */
    PTRCHECK_ESCAPE_PH_HEAP_RETURNED,     /* function */
    PTRCHECK_ESCAPE_PH_HEAP_PASSED,       /* route */
    PTRCHECK_ESCAPE_PH_HEAP_LINKED,       /* fate */
    PTRCHECK_ESCAPE_PH_STEP_PASSES,       /* function, parameter (PH_STEP_PARAM_*), next function */
    PTRCHECK_ESCAPE_PH_STEP_ESCAPES,      /* function, parameter (PH_STEP_PARAM_*), route */
    PTRCHECK_ESCAPE_PH_STEP_PARAM_NAMED,  /* name */
    PTRCHECK_ESCAPE_PH_STEP_PARAM_NTH,    /* 1-based position (unsigned) */
    PTRCHECK_ESCAPE_PH_COUNT
} ptrcheck_escape_phrase_t;

/* Words route r (NULL: "") with the check's phrases into buf; returns buf. */
const char *ptrcheck_escape_route_text(const ptrcheck_escape_route_t *r, const char *const *phrases, char *buf,
                                       size_t size);
/* Words step s with the check's phrases into buf; returns buf. */
const char *ptrcheck_escape_step_text(const ptrcheck_escape_step_t *s, const char *const *phrases, char *buf,
                                      size_t size);

#ifdef __cplusplus
}
#endif
#endif
