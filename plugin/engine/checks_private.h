/* Entry points of the checks in checks/<id>.c, called by the engine's fact dispatchers. */
#ifndef PTRCHECK_CHECKS_PRIVATE_H
#define PTRCHECK_CHECKS_PRIVATE_H

#include "ptrcheck/ast.h"

/* checks/int-roundtrip.c */
void ptrcheck_int_roundtrip_on_cast(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cast);
/* checks/ptr-truncation.c */
void ptrcheck_ptr_truncation_on_cast(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                     const ptrcheck_ptr_to_int_fact_t *fact);
/* Bits of an integer type on a target (0 when unknown); shared by the cross-target checks. */
unsigned ptrcheck_int_bits_on(const ptrcheck_type_t *t, const ptrcheck_target_t *target);

/* checks/offset-assumption.c (linked from ptrcheck_layout: it needs the layout tables) */
void ptrcheck_offset_assumption_tu_begin(ptrcheck_engine_t *e, const char *triple);
void ptrcheck_offset_assumption_on_offset(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                          const ptrcheck_offset_fact_t *fact);
void ptrcheck_offset_assumption_on_static_assert(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                                 const ptrcheck_expr_t *cond, ptrcheck_loc_t loc);

#endif
