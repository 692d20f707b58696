/* ptrcheck-int-roundtrip (AST part): a pointer converted to an integer and back to a pointer inside
 * one expression, e.g. (T *)((uintptr_t)p + 8), as the shared scan of the int->ptr conversion's
 * operand sees it (plugin/engine/ast_intexpr.c).  Round trips through variables, fields, globals,
 * calls and memory are found by the IR part (ir.c); both report at the int->ptr conversion, and
 * the engine keeps the first.
 *
 * Policy (docs/checks/int-roundtrip.md):
 *   - offsetting, setting bits, masking with a non-alignment mask, XOR and other mixing: reported;
 *   - aligning the pointer ((p + a-1) & ~(a-1), p & ~(a-1), p - p % a): silent unless
 *     strict-provenance, which suggests __builtin_align_up/down;
 *   - (T *)(uintptr_t)p with no change in between (the const-cast idiom): silent unless
 *     strict-provenance;
 *   - a pointer truncated to fewer bits on the way: ptr-truncation's (checks/ptr-truncation/ast.c). */
#include "ptrcheck_private/ast_intexpr.h"
#include "ptrcheck_private/hooks.h"
#include "hazard.h"

static int is_explicit_ptoi(const ptrcheck_expr_t *x)
{
    return x && x->kind == PTRCHECK_E_CAST && x->cast == PTRCHECK_C_PTR_TO_INT && !x->implicit &&
           x->type_begin.raw && x->type_end.raw && !x->in_macro;
}

/* (T *)((uintptr_t)p + n)  ->  (T *)((char *)p + n) */
static void add_char_fixit(ptrcheck_diag_t *d, const ptrcheck_expr_t *operand, unsigned host_ptr_bits)
{
    const ptrcheck_expr_t *b = operand;
    if (!b || b->kind != PTRCHECK_E_BINARY || b->nkids != 2 || b->in_macro)
        return;
    if (b->op != PTRCHECK_OP_ADD && b->op != PTRCHECK_OP_SUB)
        return;
    const ptrcheck_expr_t *c = NULL, *other = NULL;
    if (is_explicit_ptoi(b->kids[0])) {
        c = b->kids[0];
        other = b->kids[1];
    } else if (b->op == PTRCHECK_OP_ADD && is_explicit_ptoi(b->kids[1])) {
        c = b->kids[1];
        other = b->kids[0];
    }
    if (!c || ptrcheck_intexpr_carries_ptr(other) || c->nkids != 1)
        return;
    if (c->type.rank != PTRCHECK_R_PTRSIZED && c->type.bits != host_ptr_bits)
        return;
    const ptrcheck_type_t *pt = &c->kids[0]->type;
    if (pt->kind != PTRCHECK_T_POINTER || pt->pointee_kind == PTRCHECK_T_FUNCTION)
        return;
    ptrcheck_diag_add_fixit(d, c->type_begin, c->type_end, pt->pointee_const ? IRT_FIXIT_CONST_CHAR : IRT_FIXIT_CHAR);
}

/* What the expression did to the bits, in the words both parts of the check use (hazard.h). */
static unsigned done_of(unsigned ops)
{
    return ((ops & PTRCHECK_INTEXPR_XOR) ? IRT_DONE_XOR : 0u) | ((ops & PTRCHECK_INTEXPR_MIX) ? IRT_DONE_MIX : 0u) |
           ((ops & PTRCHECK_INTEXPR_SETBITS) ? IRT_DONE_SETBITS : 0u) |
           ((ops & PTRCHECK_INTEXPR_TOGGLE) ? IRT_DONE_TOGGLE : 0u) |
           ((ops & PTRCHECK_INTEXPR_MASK) ? IRT_DONE_MASK : 0u) |
           ((ops & PTRCHECK_INTEXPR_OTHER) ? IRT_DONE_OTHER : 0u) |
           ((ops & PTRCHECK_INTEXPR_ARITH) ? IRT_DONE_ARITH : 0u);
}

static void on_cast(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cast)
{
    ptrcheck_intexpr_t s;
    const ptrcheck_config_t *cfg = ptrcheck_engine_config(e);
    ptrcheck_diag_t *d = NULL;
    char msg[600];
    unsigned align;
    irt_hazard_t h = IRT_H_STRAIGHT;
    (void)fn;
    if (cast->cast != PTRCHECK_C_INT_TO_PTR)
        return;
    if (!ptrcheck_intexpr_scan(cast, &s))
        return; /* no pointer bits inside this expression: data flow is the IR part's job */
    if (s.trunc)
        return; /* the pointer was truncated on the way: ptr-truncation's */
    if (cast->compared_only)
        return; /* only tests where an address lies: no access loses provenance */

    if (s.ops == 0) {
        if (!cfg->strict_provenance)
            return; /* (T *)(uintptr_t)p: the const-cast idiom */
        irt_text(msg, sizeof msg, IRT_H_STRAIGHT, "");
    } else if ((align = ptrcheck_intexpr_is_align_idiom(s.operand)) != 0) {
        if (!cfg->strict_provenance)
            return;
        irt_aligned_text(msg, sizeof msg, "",
                         align == PTRCHECK_INTEXPR_ALIGN_UP ? IRT_BUILTIN_UP : IRT_BUILTIN_DOWN);
    } else {
        h = irt_hazard(done_of(s.ops));
        irt_text(msg, sizeof msg, h, "");
    }
    d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST, "%s", msg);
    if (!d)
        return;
    if (h == IRT_H_ARITH && s.ops == PTRCHECK_INTEXPR_ARITH)
        add_char_fixit(d, s.operand, s.host_ptr_bits);
    for (unsigned i = 0; i < s.nptoi; i++)
        ptrcheck_diag_add_note(d, s.ptoi[i]->loc, IRT_NOTE_ORIGIN_HERE, IRT_ORIGIN_PTOI);
    ptrcheck_engine_report(e, d);
}

const ptrcheck_ast_hooks_t ptrcheck_int_roundtrip_ast_hooks = {
    .on_cast = on_cast,
};
