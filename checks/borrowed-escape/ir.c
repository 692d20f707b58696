/* ptrcheck-borrowed-escape, IR part: a borrowed pointer parameter (annotate("ptrcheck_borrowed") on
 * it or its function, or a borrowed-functions glob) kept after the call returns.  The flow is the
 * shared escape analysis (plugin/analysis/escape.c), which follows only the parameters that are
 * borrowed; this file turns their escapes into findings. */
#include <stdio.h>

#include "ptrcheck_private/escape.h"
#include "messages.h"

#define MSG(id) borrowed_escape_msg[id]
#define ROUTE_MSG BORROWED_ESCAPE_ROUTE_MSG

static void report(ptrcheck_engine_t *e, const ptrcheck_escape_t *x)
{
    char what[300], nm[256], route[2048], step[2600];
    if (x->name)
        snprintf(what, sizeof what, MSG(BE_PARAM), x->name);
    else
        snprintf(what, sizeof what, MSG(BE_PARAM_UNNAMED), x->param + 1);
    ptrcheck_diag_t *d = ptrcheck_diag_create(PTRCHECK_BORROWED_ESCAPE, x->loc, PTRCHECK_LAYER_IR, MSG(BE_ESCAPES),
                                              what, ptrcheck_escape_route_text(x->route, ROUTE_MSG, route, sizeof route),
                                              x->as_int ? MSG(BE_AS_INT) : "");
    if (!d)
        return;
    if (x->name)
        snprintf(nm, sizeof nm, MSG(BE_THE_NAMED), x->name);
    else
        snprintf(nm, sizeof nm, "%s", MSG(BE_THE_UNNAMED));
    ptrcheck_diag_add_note(d, x->decl_loc, MSG(BE_NOTE_BORROWED), nm, x->fn_name);
    if (x->has_heap)
        ptrcheck_diag_add_note(d, x->heap_loc, "%s", MSG(BE_NOTE_HEAP));
    for (size_t i = 0; i < x->nsteps; i++)
        ptrcheck_diag_add_note(d, x->steps[i].loc, "%s",
                               ptrcheck_escape_step_text(&x->steps[i], ROUTE_MSG, step, sizeof step));
    ptrcheck_engine_report(e, d);
}

static int run(ptrcheck_ir_module_t *m)
{
    const ptrcheck_escape_result_t *r = ptrcheck_escape_analysis(m);
    if (!r)
        return 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->v[i].object == PTRCHECK_ESCAPE_OBJ_BORROWED)
            report(ptrcheck_ir_module_engine(m), &r->v[i]);
    return 1;
}

const ptrcheck_ir_hooks_t ptrcheck_borrowed_escape_ir_hooks = {
    .run = run,
    .ast_facts = 1u << PTRCHECK_AST_FACT_ESCAPE_SITES,
};
