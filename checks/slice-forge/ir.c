/* ptrcheck-slice-forge (IR part): reports the slice headers that the slice-flow analysis
 * (plugin/analysis/slice.c) finds broken through data flow the AST part cannot see.  Which records
 * are headers is what the AST part learnt (ast.c, ptrcheck_slice_forge_header); the wording is the
 * AST part's too (messages.h). */
#include <stdio.h>

#include "ptrcheck_private/ir.h"
#include "ptrcheck_private/slice.h"
#include "messages.h"
#include "slice-forge.h"

/* "'buf'", "the block from 'malloc'", ...: the memory behind data, as the AST part names it. */
static void memory_text(char *buf, size_t size, const ptrcheck_slice_memory_t *m)
{
    switch (m->kind) {
    case PTRCHECK_SLICE_MEM_LOCAL:
        if (m->name)
            snprintf(buf, size, SF_MEM_NAMED, m->name);
        else
            snprintf(buf, size, SF_MEM_LOCAL);
        break;
    case PTRCHECK_SLICE_MEM_ALLOC: snprintf(buf, size, SF_MEM_BLOCK, m->name); break;
    case PTRCHECK_SLICE_MEM_GLOBAL: snprintf(buf, size, SF_MEM_NAMED, m->name); break;
    case PTRCHECK_SLICE_MEM_STRING: snprintf(buf, size, SF_MEM_STRING); break;
    }
}

static void report(ptrcheck_engine_t *e, const ptrcheck_slice_claim_t *cl)
{
    const ptrcheck_slice_layout_t *l = cl->layout;
    char what[256] = "", claim[1024];
    if (cl->flaw == PTRCHECK_SLICE_LEN_OVER_CAP) {
        snprintf(claim, sizeof claim, SF_CLAIM_LEN_OVER_CAP, l->len_name, cl->len, l->cap_name, cl->cap);
    } else {
        char amount[200];
        if (cl->field == 1)
            sf_amount(amount, sizeof amount, l, l->len_name, cl->len);
        else
            sf_amount(amount, sizeof amount, l, l->cap_name, cl->cap);
        memory_text(what, sizeof what, &cl->data);
        sf_claim_exceeds(claim, sizeof claim, l, amount, cl->data.bytes, cl->data.offset, what);
    }
    ptrcheck_diag_t *d;
    if (cl->builder)
        d = ptrcheck_diag_create(PTRCHECK_SLICE_FORGE, cl->loc, PTRCHECK_LAYER_IR, SF_MSG_BUILT_BY_CALL, l->display,
                                 cl->builder, claim);
    else
        d = ptrcheck_diag_create(PTRCHECK_SLICE_FORGE, cl->loc, PTRCHECK_LAYER_IR, SF_MSG_HEADER, l->display, claim);
    if (!d)
        return;
    if (cl->flaw == PTRCHECK_SLICE_OVER_DATA && (cl->data.at.file || cl->data.at.raw)) {
        if (cl->data.kind == PTRCHECK_SLICE_MEM_ALLOC)
            ptrcheck_diag_add_note(d, cl->data.at, SF_NOTE_ALLOCATED, cl->data.bytes);
        else
            ptrcheck_diag_add_note(d, cl->data.at, SF_NOTE_HAS_BYTES, what, cl->data.bytes);
    }
    if (cl->builder) {
        if (cl->built_exact)
            ptrcheck_diag_add_note(d, cl->built, SF_NOTE_BUILT_HERE);
        else
            ptrcheck_diag_add_note(d, cl->built, SF_NOTE_BUILT_FROM_PARAMS, cl->builder);
    }
    ptrcheck_engine_report(e, d);
}

static int run(ptrcheck_ir_module_t *m)
{
    ptrcheck_engine_t *e = ptrcheck_ir_module_engine(m);
    const ptrcheck_slice_headers_t headers = {ptrcheck_slice_forge_header, e};
    const ptrcheck_slice_flow_t *flow = ptrcheck_slice_flow(m, &headers);
    if (!flow)
        return 0;
    for (size_t i = 0; i < flow->n; i++)
        report(e, &flow->claims[i]);
    return 1;
}

const ptrcheck_ir_hooks_t ptrcheck_slice_forge_ir_hooks = {
    .run = run,
};
