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
#include "messages.h"

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

static void on_cast(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cast)
{
    ptrcheck_intexpr_t s;
    const ptrcheck_config_t *cfg = ptrcheck_engine_config(e);
    ptrcheck_diag_t *d = NULL;
    (void)fn;
    if (cast->cast != PTRCHECK_C_INT_TO_PTR)
        return;
    if (!ptrcheck_intexpr_scan(cast, &s))
        return; /* no pointer bits inside this expression: data flow is the IR part's job */
    if (s.trunc)
        return; /* the pointer was truncated on the way: ptr-truncation's */

    const char *ity = s.ptoi[0]->type.spelling ? s.ptoi[0]->type.spelling : IRT_INTEGER;

    if (s.ops == 0) {
        if (!cfg->strict_provenance)
            return; /* (T *)(uintptr_t)p: the const-cast idiom */
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST, IRT_AST_STRAIGHT_BACK, ity);
    } else if (ptrcheck_intexpr_is_align_idiom(s.operand)) {
        if (!cfg->strict_provenance)
            return;
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST, IRT_AST_ALIGNED);
    } else if (s.ops & (PTRCHECK_INTEXPR_XOR | PTRCHECK_INTEXPR_MIX)) {
        const char *ops = (s.ops & PTRCHECK_INTEXPR_XOR) ? IRT_AST_OPS_XOR : IRT_AST_OPS_MIX;
        if (s.nptoi > 1)
            d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST, IRT_AST_MIXED_POINTERS,
                                     ops);
        else
            d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST, IRT_AST_MIXED, ops);
    } else if (s.ops & PTRCHECK_INTEXPR_SETBITS) {
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST, IRT_AST_SETBITS);
    } else if (s.ops & PTRCHECK_INTEXPR_MASK) {
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST, IRT_AST_MASK);
    } else if (s.ops == PTRCHECK_INTEXPR_ARITH) {
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST, IRT_AST_ARITH, ity);
        if (d)
            add_char_fixit(d, s.operand, s.host_ptr_bits);
    } else {
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST, IRT_AST_TRANSFORMED, ity);
    }
    if (!d)
        return;
    for (unsigned i = 0; i < s.nptoi; i++)
        ptrcheck_diag_add_note(d, s.ptoi[i]->loc, IRT_NOTE_PTOI_HERE);
    ptrcheck_engine_report(e, d);
}

const ptrcheck_ast_hooks_t ptrcheck_int_roundtrip_ast_hooks = {
    .on_cast = on_cast,
};
