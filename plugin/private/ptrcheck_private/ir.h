/* Private to the IR side: the IR part of a check (checks/<id>/ir.c) and the shared, check-agnostic IR
 * analyses it runs (plugin/analysis/), with the small helpers they share.  Not installed. */
#ifndef PTRCHECK_IR_CHECKS_H
#define PTRCHECK_IR_CHECKS_H

#include <llvm-c/Core.h>
#include <llvm-c/Target.h>

#include <stddef.h>
#include <stdint.h>

#include "ptrcheck/ir.h"
#define PTRCHECK_COMPAT_IR
#include "ptrcheck_compat.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- one IR run over one module (checks/registry_ir.c) */

/* What the IR parts of the checks share during one ptrcheck_ir_run: the engine, the module, and the
 * results of the shared analyses, each computed the first time a check asks for it. */
typedef struct ptrcheck_ir_module_s ptrcheck_ir_module_t;

ptrcheck_engine_t *ptrcheck_ir_module_engine(const ptrcheck_ir_module_t *m);
LLVMModuleRef ptrcheck_ir_module_llvm(const ptrcheck_ir_module_t *m);
/* The result the analysis identified by key (the address of its compute function's static tag)
 * computed for this module; computes it on first use.  compute returns NULL on failure (out of
 * memory), which is remembered: every later call returns NULL too.  destroy frees a result at the
 * end of the run. */
void *ptrcheck_ir_module_result(ptrcheck_ir_module_t *m, const void *key, void *(*compute)(ptrcheck_ir_module_t *m),
                                void (*destroy)(void *result));

struct ptrcheck_rt_conv_s; /* ptrcheck_private/roundtrip.h */

/* The IR part of a check (checks/<id>/ir.c defines ptrcheck_<sym>_ir_hooks).  run turns the shared
 * analyses' results into the check's findings; it runs only when the check is enabled, never
 * modifies the module, and returns 0 on failure (out of memory), 1 otherwise.  The other members
 * take one result of a shared analysis at a time: the registry hands each result, in module order,
 * to every enabled check that has the hook (so the findings of checks that share an analysis come
 * in the order of its results, as one loop would make them), when the first of those checks runs;
 * 0 on failure too.  Every member may be NULL. */
typedef struct ptrcheck_ir_hooks_s {
    int (*run)(ptrcheck_ir_module_t *m);
    /* The AST facts the IR part needs the frontend to collect: bits (1u << ptrcheck_ast_fact_t). */
    unsigned ast_facts;
    /* a conversion back to a pointer found by the round-trip flow (ptrcheck_roundtrip) */
    int (*on_roundtrip)(ptrcheck_ir_module_t *m, const struct ptrcheck_rt_conv_s *conv);
} ptrcheck_ir_hooks_t;

/* ---- instructions and constant expressions alike */
/* The opcode of an instruction or a constant expression (ptrtoaddr reads as ptrtoint:
 * ptrcheck_compat_opcode); 0 for anything else. */
LLVMOpcode ptrcheck_ir_opcode(LLVMValueRef v);
/* Strips bitcasts and address-space casts (not GEPs: see ptrcheck_ir_strip). */
LLVMValueRef ptrcheck_ir_strip_casts(LLVMValueRef v);

/* ---- walking a GEP's indices (plugin/analysis/gep.c) */
typedef enum ptrcheck_ir_gep_kind_e {
    PTRCHECK_IR_GEP_LEADING = 0, /* operand 1: whole objects of the source element type */
    PTRCHECK_IR_GEP_FIELD,       /* a field of a struct (the index is a constant) */
    PTRCHECK_IR_GEP_ARRAY,       /* an element of an array */
    PTRCHECK_IR_GEP_VECTOR       /* an element of a vector */
} ptrcheck_ir_gep_kind_t;

typedef struct ptrcheck_ir_gep_step_s {
    ptrcheck_ir_gep_kind_t kind;
    unsigned operand;      /* the index's operand number (1 for the leading index) */
    LLVMValueRef index;
    int is_const;          /* the index is a ConstantInt; value is then its (sign-extended) value */
    long long value;
    LLVMTypeRef in;        /* the type the index steps in (the source element type for LEADING) */
    LLVMTypeRef type;      /* the type it reaches (LEADING: the source element type itself) */
    unsigned field;        /* FIELD: the field's number */
    unsigned long long field_offset; /* FIELD: its byte offset (0 without a data layout) */
    unsigned long long elem_bytes;   /* LEADING, ARRAY, VECTOR: bytes per index unit (0 when unsized) */
} ptrcheck_ir_gep_step_t;

typedef struct ptrcheck_ir_gep_it_s {
    LLVMTargetDataRef td;
    LLVMValueRef gep;
    unsigned next, n;
    LLVMTypeRef type;
    int stuck; /* the walk stopped at an index it cannot follow (see ptrcheck_ir_gep_next) */
} ptrcheck_ir_gep_it_t;

/* Starts walking the indices of gep (a GEP instruction or constant expression; anything else has
 * none) with the data layout td (may be NULL: offsets and sizes are then 0). */
void ptrcheck_ir_gep_begin(ptrcheck_ir_gep_it_t *it, LLVMTargetDataRef td, LLVMValueRef gep);
/* Fills *s with the next index and returns 1; returns 0 at the end, or (it->stuck set) at an index
 * into a type that is neither a struct, an array nor a vector, or a struct index that is not a
 * constant within the struct. */
int ptrcheck_ir_gep_next(ptrcheck_ir_gep_it_t *it, ptrcheck_ir_gep_step_t *s);
/* The constant byte offset gep adds to its pointer: 1 and *off when every index is a constant and
 * steps over sized types (not into a vector), else 0.  0 without a data layout. */
int ptrcheck_ir_gep_const_offset(LLVMTargetDataRef td, LLVMValueRef gep, long long *off);

/* ---- growable vector of LLVM values */
typedef struct ptrcheck_ir_valvec_s {
    LLVMValueRef *v;
    size_t n, cap;
} ptrcheck_ir_valvec_t;

/* Appends x; returns 0 when out of memory.  The caller frees v. */
int ptrcheck_ir_valvec_push(ptrcheck_ir_valvec_t *vv, LLVMValueRef x);

/* ---- pointer-keyed hash map (open addressing; keys are non-NULL pointers) */
typedef struct ptrcheck_ir_pmap_s {
    const void **keys;
    void **vals;
    size_t cap;   /* power of two, or 0 */
    size_t count;
} ptrcheck_ir_pmap_t;

void ptrcheck_ir_pmap_init(ptrcheck_ir_pmap_t *m);
void ptrcheck_ir_pmap_fini(ptrcheck_ir_pmap_t *m);
/* Returns the slot for key (inserting it with value NULL when absent), or NULL when out of memory. */
void **ptrcheck_ir_pmap_slot(ptrcheck_ir_pmap_t *m, const void *key);
/* Returns 1 and sets *val when key is present. */
int ptrcheck_ir_pmap_get(const ptrcheck_ir_pmap_t *m, const void *key, void **val);

/* ---- reaching stores of local slots (plugin/analysis/reach.c), kept for one IR run */
typedef struct ptrcheck_ir_reach_s ptrcheck_ir_reach_t;

/* NULL when out of memory. */
ptrcheck_ir_reach_t *ptrcheck_ir_reach_create(void);
void ptrcheck_ir_reach_destroy(ptrcheck_ir_reach_t *r);
/* The values of the stores into alloca a that reach `load` (a load whose pointer operand is a): the
 * last store before it in its block; else, when every store into a is in the entry block and the
 * load is not, the last of those; else the last store of each block that stores into a and is
 * reached walking predecessors back from the load's block through blocks that do not.  Owned by
 * r; NULL when out of memory (or load is no load of a). */
const ptrcheck_ir_valvec_t *ptrcheck_ir_reach_stores(ptrcheck_ir_reach_t *r, LLVMValueRef load, LLVMValueRef a);

/* ---- small IR helpers */

/* The function a call instruction calls directly (looking through pointer casts), or NULL. */
LLVMValueRef ptrcheck_ir_called_function(LLVMValueRef call);
/* The lifetime-marker tests of the tree (clang adds llvm.lifetime.start/end from -O1 on, never at
 * -O0; no finding may depend on them).  ptrcheck_ir_is_lifetime_marker: v is a call of
 * llvm.lifetime.*.  ptrcheck_ir_is_lifetime_use: user (a user of an alloca) is only there for the
 * markers: a marker, or (typed pointers) a bitcast that has uses and is used by markers only. */
int ptrcheck_ir_is_lifetime_marker(LLVMValueRef v);
int ptrcheck_ir_is_lifetime_use(LLVMValueRef user);
/* 1 when fn is an LLVM intrinsic (llvm.*). */
int ptrcheck_ir_is_intrinsic(LLVMValueRef fn);
/* Copies the name of a named struct type without LLVM's ".N" uniquing suffixes into buf
 * ("struct.node.3" -> "struct.node").  Returns buf, or NULL for literal (unnamed) structs. */
const char *ptrcheck_ir_record_name(LLVMTypeRef st, char *buf, size_t size);
/* "struct.node" -> "struct node", "union.u" -> "union u" (as C spells the record). */
const char *ptrcheck_ir_record_spelling(const char *record, char *buf, size_t size);
/* The place of field `field` of record `record` (ptrcheck_ir_record_name), as
 * ptrcheck_ir_describe_place words it: "field 'raw' of 'struct handle'" ("an element of field ..."
 * with in_array). */
const char *ptrcheck_ir_describe_field(const char *field, const char *record, int in_array, char *buf, size_t size);
/* The allocated size of t in bytes (0 for unsized types). */
unsigned long long ptrcheck_ir_type_size(LLVMTargetDataRef td, LLVMTypeRef t);
/* The retval alloca clang made for fn (the alloca that the ret instructions load), or NULL. */
LLVMValueRef ptrcheck_ir_retval_alloca(LLVMValueRef fn);
/* The alloca of fn's named return value (a local that every return statement returns, which clang
 * allocates first, as the return slot), when the AST's site table says there is one and it is not
 * in the sret argument; else NULL. */
LLVMValueRef ptrcheck_ir_nrvo_alloca(ptrcheck_engine_t *e, LLVMValueRef fn);
/* The data layout of the function's map (owned by the map). */
LLVMTargetDataRef ptrcheck_ir_fn_target_data(ptrcheck_ir_fn_t *f);
/* Source name of the parameter #i of the function (from the AST's site table or IR names), or NULL. */
const char *ptrcheck_ir_fn_param_name(ptrcheck_ir_fn_t *f, unsigned i);

/* A ptrtoint or inttoptr of the shape clang's code generator makes to access an `_Atomic` pointer
 * through a pointer-sized integer (a ptrtoint only stored atomically or given to cmpxchg/atomicrmw;
 * an inttoptr of an atomic load's, cmpxchg's or atomicrmw's result).  Structural only: an integer
 * `_Atomic` object cast by the source looks the same (see ptrcheck_ir_fn_lowered). */
int ptrcheck_ir_atomic_lowering_shape(LLVMValueRef in);
/* The conversion is one the source does not have: it has the atomic lowering's shape and the AST's
 * site table has no conversion for it (the function's conversions match the sites only without the
 * atomic-shaped ones), or there is no site table. */
int ptrcheck_ir_fn_lowered(ptrcheck_ir_fn_t *f, LLVMValueRef in);
/* The symbol of the function (what the site tables and name globs are keyed on); ptrcheck_ir_fn_name
 * is its readable name, for messages. */
const char *ptrcheck_ir_fn_symbol(ptrcheck_ir_fn_t *f);
/* The readable name of a named value (a callee, a global) for messages: demangled when the engine has
 * a demangler (C++), else the IR name.  Writes into buf and returns it. */
const char *ptrcheck_ir_display_name(ptrcheck_engine_t *e, LLVMValueRef v, char *buf, size_t size);
/* The same for a global variable, as C spells it: a C static local ("fn.var") is shown as "var". */
const char *ptrcheck_ir_global_name(ptrcheck_engine_t *e, LLVMValueRef g, char *buf, size_t size);

/* The !dbg location of a global variable's definition (file NULL when there is none). */
ptrcheck_loc_t ptrcheck_ir_global_loc(ptrcheck_engine_t *e, LLVMValueRef g);

/* ptrcheck_ir_fn_create with the module's data layout td borrowed (NULL: the map makes its own);
 * td must outlive the map. */
ptrcheck_ir_fn_t *ptrcheck_ir_fn_create_with(ptrcheck_engine_t *e, LLVMValueRef fn, LLVMTargetDataRef td);

/* Per-module cache of function maps, created on demand; the maps share one data layout. */
typedef struct ptrcheck_ir_fncache_s {
    ptrcheck_engine_t *e;
    ptrcheck_ir_pmap_t map; /* LLVMValueRef fn -> ptrcheck_ir_fn_t* */
    LLVMTargetDataRef td;   /* of the functions' module, made with the first map */
} ptrcheck_ir_fncache_t;

void ptrcheck_ir_fncache_init(ptrcheck_ir_fncache_t *c, ptrcheck_engine_t *e);
void ptrcheck_ir_fncache_fini(ptrcheck_ir_fncache_t *c);
/* NULL only when out of memory. */
ptrcheck_ir_fn_t *ptrcheck_ir_fncache_get(ptrcheck_ir_fncache_t *c, LLVMValueRef fn);

#ifdef __cplusplus
}
#endif
#endif
