/* ptrcheck-slice-forge: what its AST part (ast.c) learnt about slice-header records, for its IR
 * part (ir.c), which hands it to the slice-flow analysis (ptrcheck_private/slice.h).  Private to
 * checks/slice-forge/. */
#ifndef PTRCHECK_SLICE_FORGE_H
#define PTRCHECK_SLICE_FORGE_H

#include "ptrcheck_private/slice.h"

/* The slice header whose IR struct name (LLVM ".N" suffixes stripped) is ir_name in the translation
 * unit of engine (a ptrcheck_engine_t *), or NULL when that name is not a slice header or names more
 * than one record.  The lookup of a ptrcheck_slice_headers_t. */
const ptrcheck_slice_layout_t *ptrcheck_slice_forge_header(void *engine, const char *ir_name);

#endif
