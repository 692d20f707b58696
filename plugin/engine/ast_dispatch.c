/* Dispatches AST facts from the frontend adapters to the checks that asked for them. */
#include "checks_private.h"

void ptrcheck_ast_on_cast(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cast)
{
    if (!cast || cast->kind != PTRCHECK_E_CAST)
        return;
    if (cast->cast == PTRCHECK_C_INT_TO_PTR &&
        (ptrcheck_engine_enabled(e, PTRCHECK_INT_ROUNDTRIP) || ptrcheck_engine_enabled(e, PTRCHECK_PTR_TRUNCATION)))
        ptrcheck_int_roundtrip_on_cast(e, fn, cast);
    if (cast->cast == PTRCHECK_C_PTR_TO_INT && ptrcheck_engine_enabled(e, PTRCHECK_PTR_TRUNCATION))
        ptrcheck_ptr_truncation_on_cast(e, fn, cast);
}
