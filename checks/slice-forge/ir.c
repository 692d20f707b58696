/* ptrcheck-slice-forge (IR part): runs the shared analysis (plugin/analysis/slice.c) that reports it. */
#include "ptrcheck_private/ir.h"

static int run(ptrcheck_ir_module_t *m)
{
    return ptrcheck_analysis_slice_run(m);
}

const ptrcheck_ir_hooks_t ptrcheck_slice_forge_ir_hooks = {
    .run = run,
};
