/* IR analyses over LLVM-C.  The pass-plugin adapter hands the module straight from IRGen
 * (PipelineStart, before any optimisation, at every -O level) to ptrcheck_ir_run. */
#ifndef PTRCHECK_IR_H
#define PTRCHECK_IR_H

#include <llvm-c/Core.h>

#include "ast.h"
#include "ptrcheck.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Runs every enabled IR check on m and reports through the engine.  Never modifies m. */
PTRCHECK_API int ptrcheck_ir_run(ptrcheck_engine_t *e, LLVMModuleRef m);
/* 1 when the IR part of an enabled check needs the frontend to collect fact (checks/registry_ir.c),
 * so the frontend need not name check ids to know what to collect for the IR side. */
PTRCHECK_API int ptrcheck_ir_wants(const ptrcheck_engine_t *e, ptrcheck_ast_fact_t fact);

/* ---- helpers shared by the IR analyses and checks (plugin/analysis/loc.c, util.c) */

typedef struct ptrcheck_ir_fn_s ptrcheck_ir_fn_t; /* per-function location map */

/* Builds the map between fn's instructions and the AST's site table for fn (when there is one).
 * Returns NULL only when out of memory. */
PTRCHECK_API ptrcheck_ir_fn_t *ptrcheck_ir_fn_create(ptrcheck_engine_t *e, LLVMValueRef fn);
PTRCHECK_API void ptrcheck_ir_fn_destroy(ptrcheck_ir_fn_t *f);
/* Location of an instruction: the AST site it corresponds to when the site table matches the IR
 * (inttoptr, ptrtoint, alloca, call, ret), else its !dbg location, else the function's location.
 * *exact is set to 1 when the location is the instruction's own. */
PTRCHECK_API ptrcheck_loc_t ptrcheck_ir_fn_loc(ptrcheck_ir_fn_t *f, LLVMValueRef inst, int *exact);
/* Source name of an alloca (local variable or parameter), or NULL. */
PTRCHECK_API const char *ptrcheck_ir_fn_local_name(ptrcheck_ir_fn_t *f, LLVMValueRef alloca_inst);
/* Readable name of the function, for messages ("g()", "S::f()" for C++; the symbol for C). */
PTRCHECK_API const char *ptrcheck_ir_fn_name(ptrcheck_ir_fn_t *f);

/* Describes the memory a pointer operand designates, for messages: "local 'u'", "global 'g_raw'",
 * "field 'raw' of 'struct handle'", "memory" ...  Writes into buf and returns it. */
PTRCHECK_API const char *ptrcheck_ir_describe_place(ptrcheck_engine_t *e, ptrcheck_ir_fn_t *f, LLVMValueRef ptr,
                                                    char *buf, size_t size);

/* Strips GEPs (collecting nothing), bitcasts and address-space casts. */
PTRCHECK_API LLVMValueRef ptrcheck_ir_strip(LLVMValueRef v);

#ifdef __cplusplus
}
#endif
#endif
