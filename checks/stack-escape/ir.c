/* ptrcheck-stack-escape (IR part): runs the shared analysis (plugin/analysis/escape.c) that reports it. */
#include "ptrcheck_private/ir.h"

static int run(ptrcheck_ir_module_t *m)
{
    return ptrcheck_analysis_escape_run(m);
}

const ptrcheck_ir_hooks_t ptrcheck_stack_escape_ir_hooks = {
    .run = run,
};
