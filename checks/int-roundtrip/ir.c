/* ptrcheck-int-roundtrip (IR part): runs the shared analysis (plugin/analysis/roundtrip.c) that reports it. */
#include "ptrcheck_private/ir.h"

static int run(ptrcheck_ir_module_t *m)
{
    return ptrcheck_analysis_roundtrip_run(m);
}

const ptrcheck_ir_hooks_t ptrcheck_int_roundtrip_ir_hooks = {
    .run = run,
};
