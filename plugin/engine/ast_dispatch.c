/* Dispatches AST facts from the frontend adapters to the checks that asked for them. */
#include "checks_private.h"

void ptrcheck_ast_on_cast(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cast)
{
    if (!cast || cast->kind != PTRCHECK_E_CAST)
        return;
    if (cast->cast == PTRCHECK_C_INT_TO_PTR &&
        (ptrcheck_engine_enabled(e, PTRCHECK_INT_ROUNDTRIP) || ptrcheck_engine_enabled(e, PTRCHECK_PTR_TRUNCATION)))
        ptrcheck_int_roundtrip_on_cast(e, fn, cast);
    if (cast->cast == PTRCHECK_C_PTR_TO_INT && ptrcheck_engine_enabled(e, PTRCHECK_PTR_TRUNCATION)) {
        ptrcheck_ptr_to_int_fact_t f = {0};
        f.cast = cast;
        ptrcheck_ptr_truncation_on_cast(e, fn, &f);
    }
}

void ptrcheck_ast_on_ptr_to_int(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_ptr_to_int_fact_t *f)
{
    if (f && f->cast && f->cast->kind == PTRCHECK_E_CAST && f->cast->cast == PTRCHECK_C_PTR_TO_INT &&
        ptrcheck_engine_enabled(e, PTRCHECK_PTR_TRUNCATION))
        ptrcheck_ptr_truncation_on_cast(e, fn, f);
}

/* ---- ptrcheck-slice-forge (ptrcheck/slice.h) */
#include "slice-forge.h"

int ptrcheck_ast_on_record(ptrcheck_engine_t *e, const ptrcheck_srecord_t *rec)
{
    return ptrcheck_engine_enabled(e, PTRCHECK_SLICE_FORGE) && ptrcheck_slice_forge_on_record(e, rec);
}

void ptrcheck_ast_on_record_write(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_record_write_t *w)
{
    if (w && ptrcheck_engine_enabled(e, PTRCHECK_SLICE_FORGE))
        ptrcheck_slice_forge_on_record_write(e, fn, w);
}

void ptrcheck_ast_on_reinterpret(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_srecord_t *rec,
                                 const ptrcheck_expr_t *x)
{
    if (ptrcheck_engine_enabled(e, PTRCHECK_SLICE_FORGE))
        ptrcheck_slice_forge_on_reinterpret(e, fn, rec, x);
}

void ptrcheck_ast_on_function_end(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn)
{
    if (ptrcheck_engine_enabled(e, PTRCHECK_SLICE_FORGE))
        ptrcheck_slice_forge_on_function_end(e, fn);
}

/* ---- ptrcheck-offset-assumption (checks/offset-assumption.c, in ptrcheck_layout) */
void ptrcheck_ast_on_tu_begin(ptrcheck_engine_t *e, const char *triple)
{
    ptrcheck_engine_set_compiling_triple(e, triple);
    if (ptrcheck_engine_enabled(e, PTRCHECK_OFFSET_ASSUMPTION))
        ptrcheck_offset_assumption_tu_begin(e, triple);
}

void ptrcheck_ast_on_offset(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_offset_fact_t *fact)
{
    if (fact && ptrcheck_engine_enabled(e, PTRCHECK_OFFSET_ASSUMPTION))
        ptrcheck_offset_assumption_on_offset(e, fn, fact);
}

void ptrcheck_ast_on_static_assert(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cond,
                                   ptrcheck_loc_t loc)
{
    if (cond && ptrcheck_engine_enabled(e, PTRCHECK_OFFSET_ASSUMPTION))
        ptrcheck_offset_assumption_on_static_assert(e, fn, cond, loc);
}
