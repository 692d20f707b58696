/* What a check plugs into: the hooks of its AST part (checks/<id>/ast.c) and of its IR part
 * (checks/<id>/ir.c).  checks/registry.c and checks/registry_ir.c build the tables from
 * checks/checks.def and dispatch each fact to the enabled checks that have a hook for it.
 * Private to the engine and the checks; not installed. */
#ifndef PTRCHECK_PRIVATE_HOOKS_H
#define PTRCHECK_PRIVATE_HOOKS_H

#include "ptrcheck/ast.h"
#include "ptrcheck/slice.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The AST part of a check: every member may be NULL.  Each runs only when its check is enabled. */
typedef struct ptrcheck_ast_hooks_s {
    /* The translation unit begins; triple is the target it is compiled for. */
    void (*tu_begin)(ptrcheck_engine_t *e, const char *triple);
    /* An explicit or implicit cast between pointers and integers (ptrcheck_ast_on_cast). */
    void (*on_cast)(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cast);
    /* A ptr->int conversion with what the adapter knows of its use (ptrcheck_ast_on_ptr_to_int). */
    void (*on_ptr_to_int)(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_ptr_to_int_fact_t *f);
    /* A record definition; returns 1 when the check wants the writes to and reinterpretations of it. */
    int (*on_record)(ptrcheck_engine_t *e, const ptrcheck_srecord_t *rec);
    void (*on_record_write)(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_record_write_t *w);
    void (*on_reinterpret)(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_srecord_t *rec,
                           const ptrcheck_expr_t *x);
    void (*on_function_end)(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn);
    void (*on_offset)(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_offset_fact_t *fact);
    void (*on_static_assert)(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cond,
                             ptrcheck_loc_t loc);
    void (*on_scope_events)(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_scope_event_t *ev,
                            size_t n);
} ptrcheck_ast_hooks_t;

/* The AST hooks of check c, or NULL when it has no AST part (checks/registry.c). */
const ptrcheck_ast_hooks_t *ptrcheck_ast_hooks(ptrcheck_check_t c);

/* Bits of an integer type on a target (0 when unknown); shared by the cross-target checks
 * (checks/ptr-truncation/ast.c). */
unsigned ptrcheck_int_bits_on(const ptrcheck_type_t *t, const ptrcheck_target_t *target);

#ifdef __cplusplus
}
#endif
#endif
