/* Escape flow of automatic storage and of borrowed pointer parameters (plugin/analysis/escape.c):
 * which addresses of a function's frame, and which borrowed pointers it was given, are still
 * reachable after it returns, and by which route.  Check-agnostic: it names no check and makes no
 * finding; checks/stack-escape/ir.c and checks/borrowed-escape/ir.c turn its escapes into findings.
 * Computed once per module (ptrcheck_ir_module_result) for both of them. */
#ifndef PTRCHECK_PRIVATE_ESCAPE_H
#define PTRCHECK_PRIVATE_ESCAPE_H

#include "ptrcheck_private/escape_route.h"
#include "ptrcheck_private/ir.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What the escaping address is the address of. */
typedef enum ptrcheck_escape_object_e {
    PTRCHECK_ESCAPE_OBJ_LOCAL = 1, /* an alloca: a local, a parameter's spill slot, a compound literal,
                                      alloca() memory */
    PTRCHECK_ESCAPE_OBJ_PARAM,     /* a parameter passed in the caller's memory (byval) */
    PTRCHECK_ESCAPE_OBJ_BORROWED,  /* the value of a borrowed pointer parameter (what it points to) */
} ptrcheck_escape_object_t;

/* The route by which it leaves the frame. */
typedef enum ptrcheck_escape_kind_e {
    PTRCHECK_ESCAPE_RETURNED = 1,   /* returned (or stored into the return slot) */
    PTRCHECK_ESCAPE_STORED_GLOBAL,  /* stored into a global or memory reachable from one */
    PTRCHECK_ESCAPE_STORED_PARAM,   /* stored into memory a parameter points to */
    PTRCHECK_ESCAPE_CALL_STORES,    /* passed to a callee that stores it into a global or parameter memory */
    PTRCHECK_ESCAPE_VIA_CALL,       /* passed to a callee in which it escapes (steps: the chain) */
    PTRCHECK_ESCAPE_THREAD,         /* handed to a thread (or a thread-style API) that keeps it */
    PTRCHECK_ESCAPE_RETAINED,       /* passed to a function named in retaining-functions */
    PTRCHECK_ESCAPE_INTO_HEAP,      /* stored into a heap object that itself escapes */
} ptrcheck_escape_kind_t;

typedef struct ptrcheck_escape_s {
    ptrcheck_escape_kind_t kind;
    ptrcheck_escape_object_t object;
    /* Source name of the object (local, parameter; "(compound literal)" and "alloca" as the site
     * tables name those), or NULL when unknown. */
    const char *name;
    unsigned param;          /* OBJ_BORROWED: the parameter's index (0-based) */
    int spill;               /* OBJ_LOCAL: the alloca is a parameter's spill slot */
    int as_int;              /* the address went through ptrtoint on the way */
    LLVMValueRef fn, inst;   /* the function and the instruction where it leaves the frame */
    LLVMValueRef value;      /* the alloca / Argument */
    const char *fn_name;     /* readable name of fn */
    ptrcheck_loc_t loc;      /* where it leaves the frame, as mapped to the source */
    ptrcheck_loc_t decl_loc; /* the object's declaration (the function, for a parameter) */
    const ptrcheck_escape_route_t *route; /* where it goes (ptrcheck_private/escape_route.h) */
    int has_heap;            /* INTO_HEAP: heap_loc is where that heap object is allocated */
    ptrcheck_loc_t heap_loc;
    const ptrcheck_escape_step_t *steps; /* VIA_CALL: the chain of callees, outermost first */
    size_t nsteps;
    /* STORED_*: the address stays there only when the place held a null pointer before the store:
     * the value saved from it is put back (at restore_loc) on every path on which it is not null
     * (`saved = f->buf; f->buf = local; ... if (saved) f->buf = saved;`) */
    int only_if_null;
    ptrcheck_loc_t restore_loc;
} ptrcheck_escape_t;

typedef struct ptrcheck_escape_result_s {
    const ptrcheck_escape_t *v; /* in module order, then in the order the function's sinks are walked */
    size_t n;
} ptrcheck_escape_result_t;

/* The escapes of module m (computed on first use, owned by the IR run), or NULL when out of memory.
 * Reads retaining-functions and borrowed-functions from the configuration: they decide what the
 * flow is, for both checks. */
const ptrcheck_escape_result_t *ptrcheck_escape_analysis(ptrcheck_ir_module_t *m);

#ifdef __cplusplus
}
#endif
#endif
