/* ptrcheck-int-roundtrip: what its parts share with each other (private to checks/int-roundtrip/ and,
 * until the truncated round trip has its own scan, checks/ptr-truncation/ast.c). */
#ifndef PTRCHECK_INT_ROUNDTRIP_H
#define PTRCHECK_INT_ROUNDTRIP_H

#include "ptrcheck/ast.h"

/* An int->ptr cast: reports the round trip inside its operand (int-roundtrip), or the pointer
 * truncated on the way (ptr-truncation). */
void ptrcheck_int_roundtrip_on_int_to_ptr(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                          const ptrcheck_expr_t *cast);

#endif
