/* The AST side of the check registry: the hook table built from checks/checks.def (each check with
 * an AST part defines ptrcheck_<sym>_ast_hooks in checks/<id>/ast.c), and the ptrcheck_ast_on_*
 * entry points of ptrcheck/ast.h, which hand each fact to every enabled check that has a hook for it. */
#include "ptrcheck_private/hooks.h"

#include <stddef.h>

#define PTRCHECK_AST_DECL_0(sym)
#define PTRCHECK_AST_DECL_1(sym) extern const ptrcheck_ast_hooks_t ptrcheck_##sym##_ast_hooks;
#define PTRCHECK_CHECK(E, sym, id, ast, ir, on, summary) PTRCHECK_AST_DECL_##ast(sym)
#include "checks.def"

#define PTRCHECK_AST_REF_0(sym) NULL
#define PTRCHECK_AST_REF_1(sym) &ptrcheck_##sym##_ast_hooks
static const ptrcheck_ast_hooks_t *const ast_hooks[PTRCHECK_CHECK_COUNT] = {
#define PTRCHECK_CHECK(E, sym, id, ast, ir, on, summary) [PTRCHECK_##E] = PTRCHECK_AST_REF_##ast(sym),
#include "checks.def"
};

const ptrcheck_ast_hooks_t *ptrcheck_ast_hooks(ptrcheck_check_t c)
{
    return (unsigned)c < (unsigned)PTRCHECK_CHECK_COUNT ? ast_hooks[c] : NULL;
}

static int has_hook(const ptrcheck_ast_hooks_t *h, ptrcheck_ast_fact_t fact)
{
    switch (fact) {
    case PTRCHECK_AST_FACT_OFFSET: return h->on_offset != NULL;
    case PTRCHECK_AST_FACT_STATIC_ASSERT: return h->on_static_assert != NULL;
    case PTRCHECK_AST_FACT_RECORD: return h->on_record != NULL;
    case PTRCHECK_AST_FACT_PTR_TO_INT: return h->on_ptr_to_int != NULL;
    case PTRCHECK_AST_FACT_SCOPE_EVENTS: return h->on_scope_events != NULL;
    case PTRCHECK_AST_FACT_ESCAPE_SITES: return 0; /* an IR need: ptrcheck_ir_wants */
    case PTRCHECK_AST_FACT_CAST: return h->on_cast != NULL;
    }
    return 0;
}

int ptrcheck_ast_wants(const ptrcheck_engine_t *e, ptrcheck_ast_fact_t fact)
{
    for (unsigned c = 0; c < (unsigned)PTRCHECK_CHECK_COUNT; c++)
        if (ast_hooks[c] && has_hook(ast_hooks[c], fact) && ptrcheck_engine_enabled(e, (ptrcheck_check_t)c))
            return 1;
    return 0;
}

/* Runs CALL with h bound to the hooks of every enabled check that has member M. */
#define FOR_EACH_HOOK(e, M, CALL)                                                    \
    do {                                                                             \
        for (unsigned c_ = 0; c_ < (unsigned)PTRCHECK_CHECK_COUNT; c_++) {           \
            const ptrcheck_ast_hooks_t *h = ast_hooks[c_];                           \
            if (h && h->M && ptrcheck_engine_enabled((e), (ptrcheck_check_t)c_))     \
                CALL;                                                                \
        }                                                                            \
    } while (0)

void ptrcheck_ast_on_tu_begin(ptrcheck_engine_t *e, const char *triple)
{
    ptrcheck_engine_set_compiling_triple(e, triple);
    FOR_EACH_HOOK(e, tu_begin, h->tu_begin(e, triple));
}

void ptrcheck_ast_on_cast(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cast)
{
    if (!cast || cast->kind != PTRCHECK_E_CAST)
        return;
    FOR_EACH_HOOK(e, on_cast, h->on_cast(e, fn, cast));
}

void ptrcheck_ast_on_ptr_to_int(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_ptr_to_int_fact_t *f)
{
    if (!f || !f->cast || f->cast->kind != PTRCHECK_E_CAST || f->cast->cast != PTRCHECK_C_PTR_TO_INT)
        return;
    FOR_EACH_HOOK(e, on_ptr_to_int, h->on_ptr_to_int(e, fn, f));
}

int ptrcheck_ast_on_record(ptrcheck_engine_t *e, const ptrcheck_srecord_t *rec)
{
    int want = 0;
    FOR_EACH_HOOK(e, on_record, want |= h->on_record(e, rec));
    return want;
}

void ptrcheck_ast_on_record_write(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_record_write_t *w)
{
    if (w)
        FOR_EACH_HOOK(e, on_record_write, h->on_record_write(e, fn, w));
}

void ptrcheck_ast_on_reinterpret(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_srecord_t *rec,
                                 const ptrcheck_expr_t *x)
{
    FOR_EACH_HOOK(e, on_reinterpret, h->on_reinterpret(e, fn, rec, x));
}

void ptrcheck_ast_on_function_end(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn)
{
    FOR_EACH_HOOK(e, on_function_end, h->on_function_end(e, fn));
}

void ptrcheck_ast_on_offset(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_offset_fact_t *fact)
{
    if (fact)
        FOR_EACH_HOOK(e, on_offset, h->on_offset(e, fn, fact));
}

void ptrcheck_ast_on_static_assert(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cond,
                                   ptrcheck_loc_t loc)
{
    if (cond)
        FOR_EACH_HOOK(e, on_static_assert, h->on_static_assert(e, fn, cond, loc));
}

void ptrcheck_ast_on_scope_events(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_scope_event_t *ev,
                                  size_t n)
{
    if (ev && n)
        FOR_EACH_HOOK(e, on_scope_events, h->on_scope_events(e, fn, ev, n));
}
