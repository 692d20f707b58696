/* ptrcheck-slice-forge: what the AST pass (checks/slice-forge.c) learnt about slice header records,
 * for the IR pass (plugin/engine/ir_slice.c).  Private to the engine. */
#ifndef PTRCHECK_SLICE_FORGE_H
#define PTRCHECK_SLICE_FORGE_H

#include "ptrcheck/ptrcheck.h"

typedef struct ptrcheck_slice_layout_s {
    const char *display;        /* "GoSlice", "struct iovec" (interned) */
    unsigned long long data_off; /* byte offsets of the fields */
    unsigned long long len_off;
    unsigned long long cap_off;
    int has_cap;
    const char *data_name, *len_name, *cap_name; /* field names (interned) */
    unsigned elem_bytes;        /* bytes per unit of len/cap: 1 for unit bytes and void/incomplete data */
    const char *elem_spelling;  /* pointee type spelling when elem_bytes counts elements, else NULL */
    unsigned long long bytes;   /* sizeof the record */
} ptrcheck_slice_layout_t;

/* The slice header whose IR struct name (LLVM ".N" suffixes stripped) is ir_name, or NULL when that
 * name is not a slice header or names more than one record. */
const ptrcheck_slice_layout_t *ptrcheck_slice_lookup_ir(ptrcheck_engine_t *e, const char *ir_name);

/* Entry points for plugin/engine/ast_dispatch.c (see ptrcheck/slice.h). */
#include "ptrcheck/slice.h"
int ptrcheck_slice_forge_on_record(ptrcheck_engine_t *e, const ptrcheck_srecord_t *rec);
void ptrcheck_slice_forge_on_record_write(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                          const ptrcheck_record_write_t *w);
void ptrcheck_slice_forge_on_reinterpret(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                         const ptrcheck_srecord_t *rec, const ptrcheck_expr_t *x);
void ptrcheck_slice_forge_on_function_end(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn);

#endif
