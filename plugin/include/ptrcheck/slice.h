/* AST facts for ptrcheck-slice-forge: slice headers ({data, len[, cap]} records), how they are
 * initialised and written, and memory reinterpreted as one.  Like ast.h, these are plain C
 * descriptions made by the C++ adapter (plugin/clang/AstFacts.cpp); every decision is made in C
 * (checks/slice-forge/ast.c).  Nodes live in the engine's AST arena and are valid during the call
 * only. */
#ifndef PTRCHECK_SLICE_H
#define PTRCHECK_SLICE_H

#include "ast.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ptrcheck_sfield_s {
    const char *name;          /* "" for unnamed members */
    ptrcheck_type_t type;      /* pointers: pointee_bytes / pointee_kind / pointee_spelling */
    unsigned long long offset; /* bytes from the start of the record */
    int is_bitfield;
} ptrcheck_sfield_t;

/* A record type, described once per definition. */
typedef struct ptrcheck_srecord_s {
    uint64_t id;               /* unique per record definition within the translation unit */
    const char *tag;           /* "struct span", "struct iovec"; NULL when anonymous */
    const char *const *typedefs; /* typedef names that name this record (directly or via another typedef) */
    unsigned ntypedefs;
    const char *ir_name;       /* the name clang's code generator gives the type: "struct.GoSlice" */
    int is_union;
    unsigned long long bytes;
    ptrcheck_loc_t loc;
    const ptrcheck_sfield_t *fields; /* their types come without spelling / pointee_spelling ... */
    unsigned nfields;
    /* ... which are printed on demand: the pointee spelling of pointer (or array) field `field`,
     * valid as long as the engine (printing every field's type costs more than the few records a
     * check keeps need). */
    const char *(*pointee_spelling)(const struct ptrcheck_srecord_s *rec, unsigned field);
    void *user; /* the adapter's, for pointee_spelling */
} ptrcheck_srecord_t;

/* Which conditional arms, loop bodies and short-circuit operands enclose a fact, outermost first
 * (opaque ids, unique within the function).  A fact that is not inside every arm another one was in
 * may run without it.  `unordered` is set when statement order says little about execution order in
 * this function (goto labels, switch cases): flow-dependent conclusions must not be drawn there. */
typedef struct ptrcheck_flow_s {
    const uint64_t *arms;
    unsigned narms;
    int unordered;
} ptrcheck_flow_t;

/* Describes a record the adapter met as the type of an initialiser, an assignment or a field write.
 * Returns 1 when a check wants facts about this record (ptrcheck_ast_on_record_write); the adapter
 * caches the answer per record. */
PTRCHECK_API int ptrcheck_ast_on_record(ptrcheck_engine_t *e, const ptrcheck_srecord_t *rec);

typedef enum ptrcheck_rwrite_e {
    PTRCHECK_RW_INIT = 0, /* an initialiser list / compound literal: values[] by field index */
    PTRCHECK_RW_COPY,     /* the whole object is assigned from `value` (`s = t`, `s = f()`, `T s = t`) */
    PTRCHECK_RW_FIELD,    /* field `field` is written; `value` is the assignment / compound assignment /
                             increment / decrement expression itself */
    PTRCHECK_RW_ESCAPE    /* the object's (or a field's) address is taken: anything may change it */
} ptrcheck_rwrite_t;

typedef struct ptrcheck_record_write_s {
    ptrcheck_rwrite_t kind;
    const ptrcheck_srecord_t *record;
    /* The object written, when it is a named variable: a PTRCHECK_E_DECLREF node (name, decl_kind,
     * decl_loc identify it).  For `p->f` writes: the pointer `p` with via_pointer set.  NULL for
     * temporaries (a compound literal that is passed on) and for other objects (`a[i].len`). */
    const ptrcheck_expr_t *object;
    int via_pointer;
    const ptrcheck_expr_t *const *values; /* INIT: nfields entries; NULL = not written (zero) */
    unsigned field;                       /* FIELD */
    const ptrcheck_expr_t *value;         /* FIELD, COPY */
    ptrcheck_loc_t loc; /* where a finding about this write goes: the variable's name for `T s = {...}`,
                           the compound literal / brace, the member name of `s.len = ...` */
    ptrcheck_flow_t flow;
} ptrcheck_record_write_t;

PTRCHECK_API void ptrcheck_ast_on_record_write(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                               const ptrcheck_record_write_t *w);

/* Other memory reinterpreted as a record: `x` is an explicit cast to a pointer to the record
 * (kids[0] is the operand), or a call to memcpy/memmove whose destination points to the record
 * (kids[1..3] are the arguments). */
PTRCHECK_API void ptrcheck_ast_on_reinterpret(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                              const ptrcheck_srecord_t *rec, const ptrcheck_expr_t *x);

/* End of a function body's facts (flushes what a check deferred). */
PTRCHECK_API void ptrcheck_ast_on_function_end(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn);

#ifdef __cplusplus
}
#endif
#endif
