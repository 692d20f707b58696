/* The IR side of the check registry: ptrcheck_ir_run, the single entry point of the IR side (the
 * pass-plugin adapter calls it at PipelineStart with the module straight from IRGen).  The hook
 * table is built from checks/checks.def: each check with an IR part defines ptrcheck_<sym>_ir_hooks
 * in checks/<id>/ir.c.  Shared analyses are computed on demand, once per module, and freed here;
 * the results of those that checks take one at a time (on_roundtrip) are handed to them here. */
#include "ptrcheck_private/ir.h"
#include "ptrcheck_private/roundtrip.h"

#include <stdlib.h>
#include <string.h>

#define PTRCHECK_IR_DECL_0(sym)
#define PTRCHECK_IR_DECL_1(sym) extern const ptrcheck_ir_hooks_t ptrcheck_##sym##_ir_hooks;
#define PTRCHECK_CHECK(E, sym, id, ast, ir, on, summary) PTRCHECK_IR_DECL_##ir(sym)
#include "checks.def"

#define PTRCHECK_IR_REF_0(sym) NULL
#define PTRCHECK_IR_REF_1(sym) &ptrcheck_##sym##_ir_hooks
static const ptrcheck_ir_hooks_t *const ir_hooks[PTRCHECK_CHECK_COUNT] = {
#define PTRCHECK_CHECK(E, sym, id, ast, ir, on, summary) [PTRCHECK_##E] = PTRCHECK_IR_REF_##ir(sym),
#include "checks.def"
};

typedef struct memo_s {
    const void *key;
    void *result; /* NULL: the analysis failed */
    void (*destroy)(void *result);
} memo_t;

#define MAX_ANALYSES 16

struct ptrcheck_ir_module_s {
    ptrcheck_engine_t *e;
    LLVMModuleRef m;
    memo_t memo[MAX_ANALYSES];
    size_t nmemo;
};

ptrcheck_engine_t *ptrcheck_ir_module_engine(const ptrcheck_ir_module_t *m) { return m->e; }
LLVMModuleRef ptrcheck_ir_module_llvm(const ptrcheck_ir_module_t *m) { return m->m; }

void *ptrcheck_ir_module_result(ptrcheck_ir_module_t *m, const void *key, void *(*compute)(ptrcheck_ir_module_t *m),
                                void (*destroy)(void *result))
{
    for (size_t i = 0; i < m->nmemo; i++)
        if (m->memo[i].key == key)
            return m->memo[i].result;
    if (m->nmemo == MAX_ANALYSES)
        return NULL; /* more analyses than the registry was sized for: a failure, not a silent skip */
    void *r = compute(m);
    m->memo[m->nmemo].key = key;
    m->memo[m->nmemo].result = r;
    m->memo[m->nmemo].destroy = destroy;
    m->nmemo++;
    return r;
}

int ptrcheck_ir_wants(const ptrcheck_engine_t *e, ptrcheck_ast_fact_t fact)
{
    for (unsigned c = 0; c < (unsigned)PTRCHECK_CHECK_COUNT; c++)
        if (ir_hooks[c] && (ir_hooks[c]->ast_facts & (1u << fact)) && ptrcheck_engine_enabled(e, (ptrcheck_check_t)c))
            return 1;
    return 0;
}

/* The hooks of check c when it is enabled, else NULL. */
static const ptrcheck_ir_hooks_t *enabled_hooks(const ptrcheck_ir_module_t *m, unsigned c)
{
    const ptrcheck_ir_hooks_t *h = ir_hooks[c];
    return h && ptrcheck_engine_enabled(m->e, (ptrcheck_check_t)c) ? h : NULL;
}

/* Each conversion of the round-trip flow to every enabled check with on_roundtrip. */
static int dispatch_roundtrip(ptrcheck_ir_module_t *m)
{
    const ptrcheck_roundtrip_t *rt = ptrcheck_roundtrip(m);
    if (!rt)
        return 0;
    for (size_t i = 0; i < rt->n; i++)
        for (unsigned c = 0; c < (unsigned)PTRCHECK_CHECK_COUNT; c++) {
            const ptrcheck_ir_hooks_t *h = enabled_hooks(m, c);
            if (h && h->on_roundtrip && !h->on_roundtrip(m, &rt->convs[i]))
                return 0;
        }
    return 1;
}

int ptrcheck_ir_run(ptrcheck_engine_t *e, LLVMModuleRef llvm)
{
    ptrcheck_ir_module_t m;
    int ok = 1, roundtrip_done = 0;
    if (!e || !llvm)
        return 0;
    memset(&m, 0, sizeof m);
    m.e = e;
    m.m = llvm;
    for (unsigned c = 0; c < (unsigned)PTRCHECK_CHECK_COUNT; c++) {
        const ptrcheck_ir_hooks_t *h = enabled_hooks(&m, c);
        if (h && h->run && !h->run(&m))
            ok = 0;
        if (h && h->on_roundtrip && !roundtrip_done) {
            roundtrip_done = 1;
            if (!dispatch_roundtrip(&m))
                ok = 0;
        }
    }
    for (size_t i = m.nmemo; i-- > 0;)
        if (m.memo[i].result && m.memo[i].destroy)
            m.memo[i].destroy(m.memo[i].result);
    return ok;
}
