/* ptrcheck_ir_run: the single entry point of the IR side.  The pass-plugin adapter calls it at
 * PipelineStart with the module straight from IRGen.  Every IR check is a function declared in
 * ir_checks.h; add new ones to the table below (each checks its own ptrcheck_engine_enabled so
 * that one analysis can serve several checks). */
#include "ir_checks.h"

typedef int (*ir_check_fn)(ptrcheck_engine_t *e, LLVMModuleRef m);

typedef struct ir_check_entry_s {
    const ptrcheck_check_t *checks; /* the checks this analysis reports; it runs if any is enabled */
    size_t nchecks;
    ir_check_fn run;
} ir_check_entry_t;

static const ptrcheck_check_t ptrint_checks[] = {PTRCHECK_INT_ROUNDTRIP, PTRCHECK_PTR_TRUNCATION};
static const ptrcheck_check_t slice_checks[] = {PTRCHECK_SLICE_FORGE};
static const ptrcheck_check_t escape_checks[] = {PTRCHECK_STACK_ESCAPE, PTRCHECK_BORROWED_ESCAPE};

/* Dispatch point: stack-escape, borrowed-escape and slice-forge go here. */
static const ir_check_entry_t ir_checks[] = {
    {ptrint_checks, sizeof ptrint_checks / sizeof ptrint_checks[0], ptrcheck_ir_check_ptrint},
    {slice_checks, 1, ptrcheck_ir_check_slice_forge},
    {escape_checks, sizeof escape_checks / sizeof escape_checks[0], ptrcheck_ir_check_escape},
};

int ptrcheck_ir_run(ptrcheck_engine_t *e, LLVMModuleRef m)
{
    int ok = 1;
    if (!e || !m)
        return 0;
    for (size_t i = 0; i < sizeof ir_checks / sizeof ir_checks[0]; i++) {
        int any = 0;
        for (size_t k = 0; k < ir_checks[i].nchecks; k++)
            if (ptrcheck_engine_enabled(e, ir_checks[i].checks[k]))
                any = 1;
        if (any && !ir_checks[i].run(e, m))
            ok = 0;
    }
    return ok;
}
