/* ptrcheck-stack-escape, IR part: the address of automatic storage (a local, a parameter's copy, a
 * compound literal, alloca() memory) that is still reachable after the function returns.  The flow
 * is the shared escape analysis (plugin/analysis/escape.c); this file turns its escapes of locals
 * into findings. */
#include <stdio.h>
#include <string.h>

#include "ptrcheck_private/escape.h"
#include "messages.h"

#define MSG(id) stack_escape_msg[id]
#define ROUTE_MSG STACK_ESCAPE_ROUTE_MSG

/* "local 'x'", "parameter 'x'", "a compound literal", "alloca() memory" */
static const char *describe(const ptrcheck_escape_t *x, char *buf, size_t size)
{
    const char *nm = x->name;
    if (x->object == PTRCHECK_ESCAPE_OBJ_PARAM && nm)
        snprintf(buf, size, MSG(SE_PARAM), nm);
    else if (x->object == PTRCHECK_ESCAPE_OBJ_PARAM)
        snprintf(buf, size, "%s", MSG(SE_PARAM_UNNAMED));
    else if (nm && strcmp(nm, "(compound literal)") == 0)
        snprintf(buf, size, "%s", MSG(SE_LITERAL));
    else if (nm && strcmp(nm, "alloca") == 0)
        snprintf(buf, size, "%s", MSG(SE_ALLOCA));
    else if (nm)
        snprintf(buf, size, MSG(x->spill ? SE_PARAM : SE_LOCAL), nm);
    else
        snprintf(buf, size, "%s", MSG(SE_UNNAMED));
    return buf;
}

/* The same as the notes refer back to it: "'x'", "the compound literal" ... */
static const char *short_name(const ptrcheck_escape_t *x, char *buf, size_t size)
{
    const char *nm = x->name;
    if (nm && strcmp(nm, "(compound literal)") == 0)
        snprintf(buf, size, "%s", MSG(SE_THE_LITERAL));
    else if (nm && strcmp(nm, "alloca") == 0)
        snprintf(buf, size, "%s", MSG(SE_THE_ALLOCA));
    else if (nm)
        snprintf(buf, size, MSG(SE_THE_NAMED), nm);
    else
        snprintf(buf, size, "%s", MSG(SE_THE_UNNAMED));
    return buf;
}

static void report(ptrcheck_engine_t *e, const ptrcheck_escape_t *x)
{
    char what[300], nm[256], route[2048], step[2600];
    ptrcheck_diag_t *d = ptrcheck_diag_create(PTRCHECK_STACK_ESCAPE, x->loc, PTRCHECK_LAYER_IR, MSG(SE_ESCAPES),
                                              describe(x, what, sizeof what),
                                              ptrcheck_escape_route_text(x->route, ROUTE_MSG, route, sizeof route),
                                              x->as_int ? MSG(SE_AS_INT) : "");
    if (!d)
        return;
    ptrcheck_diag_add_note(d, x->decl_loc, MSG(SE_NOTE_DECL), short_name(x, nm, sizeof nm), x->fn_name);
    if (x->has_heap)
        ptrcheck_diag_add_note(d, x->heap_loc, "%s", MSG(SE_NOTE_HEAP));
    if (x->only_if_null)
        ptrcheck_diag_add_note(d, x->restore_loc, "%s", MSG(SE_NOTE_ONLY_IF_NULL));
    for (size_t i = 0; i < x->nsteps; i++)
        ptrcheck_diag_add_note(d, x->steps[i].loc, "%s",
                               ptrcheck_escape_step_text(&x->steps[i], ROUTE_MSG, step, sizeof step));
    ptrcheck_engine_report(e, d);
}

static int run(ptrcheck_ir_module_t *m)
{
    const ptrcheck_escape_result_t *r = ptrcheck_escape_analysis(m);
    ptrcheck_engine_t *e = ptrcheck_ir_module_engine(m);
    if (!r)
        return 0;
    int strict = ptrcheck_engine_config(e)->strict_provenance;
    for (size_t i = 0; i < r->n; i++) {
        const ptrcheck_escape_t *x = &r->v[i];
        if (x->object == PTRCHECK_ESCAPE_OBJ_BORROWED)
            continue;
        /* an address returned as an integer is a stack-depth probe, unless provenance is strict */
        if (x->kind == PTRCHECK_ESCAPE_RETURNED && x->as_int && !strict)
            continue;
        report(e, x);
    }
    return 1;
}

const ptrcheck_ir_hooks_t ptrcheck_stack_escape_ir_hooks = {
    .run = run,
    .ast_facts = 1u << PTRCHECK_AST_FACT_ESCAPE_SITES,
};
