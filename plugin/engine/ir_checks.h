/* Private to the IR side of the engine (plugin/engine/ir_*.c): the IR checks that ptrcheck_ir_run
 * dispatches to, and small helpers they share.  Not installed, not part of the public API. */
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

/* ---- the IR checks.  Each returns 1 on success, 0 on failure (out of memory); each checks
 * ptrcheck_engine_enabled itself and never modifies the module.
 * Add new checks here and in the table in ir_run.c. */

/* ptrcheck-int-roundtrip and ptrcheck-ptr-truncation (IR part): plugin/engine/ir_ptrint.c */
int ptrcheck_ir_check_ptrint(ptrcheck_engine_t *e, LLVMModuleRef m);
/* ptrcheck-slice-forge (IR part): plugin/engine/ir_slice.c */
int ptrcheck_ir_check_slice_forge(ptrcheck_engine_t *e, LLVMModuleRef m);
/* ptrcheck-stack-escape and ptrcheck-borrowed-escape: plugin/engine/ir_escape.c */
int ptrcheck_ir_check_escape(ptrcheck_engine_t *e, LLVMModuleRef m);


/* ---- instructions and constant expressions alike */
/* The opcode of an instruction or a constant expression (ptrtoaddr reads as ptrtoint:
 * ptrcheck_compat_opcode); 0 for anything else. */
LLVMOpcode ptrcheck_ir_opcode(LLVMValueRef v);
/* Strips bitcasts and address-space casts (not GEPs: see ptrcheck_ir_strip). */
LLVMValueRef ptrcheck_ir_strip_casts(LLVMValueRef v);

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
void ptrcheck_ir_pmap_free(ptrcheck_ir_pmap_t *m);
/* Returns the slot for key (inserting it with value NULL when absent), or NULL when out of memory. */
void **ptrcheck_ir_pmap_slot(ptrcheck_ir_pmap_t *m, const void *key);
/* Returns 1 and sets *val when key is present. */
int ptrcheck_ir_pmap_get(const ptrcheck_ir_pmap_t *m, const void *key, void **val);

/* ---- small IR helpers */

/* The function a call instruction calls directly (looking through pointer casts), or NULL. */
LLVMValueRef ptrcheck_ir_called_function(LLVMValueRef call);
/* 1 when user (a user of an alloca) is only there for llvm.lifetime.start/end: a lifetime call,
 * or (typed pointers) a bitcast used only by lifetime calls.  -O1+ adds these; -O0 does not. */
int ptrcheck_ir_is_lifetime_use(LLVMValueRef user);
/* 1 when fn is an LLVM intrinsic (llvm.*). */
int ptrcheck_ir_is_intrinsic(LLVMValueRef fn);
/* Copies the name of a named struct type without LLVM's ".N" uniquing suffixes into buf
 * ("struct.node.3" -> "struct.node").  Returns buf, or NULL for literal (unnamed) structs. */
const char *ptrcheck_ir_record_name(LLVMTypeRef st, char *buf, size_t size);
/* "struct.node" -> "struct node", "union.u" -> "union u" (as C spells the record). */
const char *ptrcheck_ir_record_spelling(const char *record, char *buf, size_t size);
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

/* The !dbg location of a global variable's definition (file NULL when there is none). */
ptrcheck_loc_t ptrcheck_ir_global_loc(ptrcheck_engine_t *e, LLVMValueRef g);

/* Per-module cache of function maps, created on demand. */
typedef struct ptrcheck_ir_fncache_s {
    ptrcheck_engine_t *e;
    ptrcheck_ir_pmap_t map; /* LLVMValueRef fn -> ptrcheck_ir_fn_t* */
} ptrcheck_ir_fncache_t;

void ptrcheck_ir_fncache_init(ptrcheck_ir_fncache_t *c, ptrcheck_engine_t *e);
void ptrcheck_ir_fncache_free(ptrcheck_ir_fncache_t *c);
/* NULL only when out of memory. */
ptrcheck_ir_fn_t *ptrcheck_ir_fncache_get(ptrcheck_ir_fncache_t *c, LLVMValueRef fn);

#ifdef __cplusplus
}
#endif
#endif
