/* ptrcheck-int-roundtrip (IR part): the conversions back to pointers that the round-trip flow
 * analysis (plugin/analysis/roundtrip.c) finds, judged by what was done to the bits on the way.
 * A truncated pointer is ptr-truncation's (checks/ptr-truncation/ir.c); aligning, and the plain
 * (T *)(uintptr_t)p inside one function's values, are silent unless strict-provenance
 * (docs/checks/int-roundtrip.md). */
#include "ptrcheck_private/ir.h"
#include "ptrcheck_private/roundtrip.h"
#include "hazard.h"

/* What was done to the bits, in the words both parts of the check use (hazard.h). */
static unsigned done_of(unsigned paths)
{
    return ((paths & PTRCHECK_RT_XOR) ? IRT_DONE_XOR : 0u) | ((paths & PTRCHECK_RT_MIX) ? IRT_DONE_MIX : 0u) |
           ((paths & PTRCHECK_RT_SETBITS) ? IRT_DONE_SETBITS : 0u) |
           ((paths & PTRCHECK_RT_TOGGLE) ? IRT_DONE_TOGGLE : 0u) |
           ((paths & PTRCHECK_RT_MASK) ? IRT_DONE_MASK : 0u) |
           ((paths & PTRCHECK_RT_OTHER) ? IRT_DONE_OTHER : 0u) |
           ((paths & (PTRCHECK_RT_ARITH | PTRCHECK_RT_ADDC)) ? IRT_DONE_ARITH : 0u) |
           ((paths & PTRCHECK_RT_UNTAG) ? IRT_DONE_UNTAG : 0u);
}

/* The finding's text for conversion r into msg; 0 when it is no finding. */
static int message(const ptrcheck_rt_conv_t *r, int strict, char *msg, size_t size)
{
    unsigned paths = r->paths;
    if (paths & PTRCHECK_RT_TRUNC)
        return 0;
    if (r->compared_only)
        return 0; /* only tests where an address lies: no access loses provenance */
    if (paths == PTRCHECK_RT_PLAIN && !r->via[0] && !strict)
        return 0; /* (T *)(uintptr_t)p in one expression: the cast-away-const idiom (see int-roundtrip.md) */
    if (!(paths & ~PTRCHECK_RT_ALIGN)) {
        if (!strict)
            return 0;
        const char *b = (paths & PTRCHECK_RT_ALIGN_UP) && (paths & PTRCHECK_RT_ALIGN_DOWN) ? IRT_BUILTIN_BOTH
                        : (paths & PTRCHECK_RT_ALIGN_UP)                                   ? IRT_BUILTIN_UP
                                                                                           : IRT_BUILTIN_DOWN;
        irt_aligned_text(msg, size, r->via, b);
        return 1;
    }
    irt_text(msg, size, irt_hazard(done_of(paths)), r->via);
    return 1;
}

/* The note on where the pointer became an integer. */
static void origin_note(ptrcheck_diag_t *d, const ptrcheck_rt_conv_t *r)
{
    const char *what = r->origin == PTRCHECK_RT_ORIGIN_PUN      ? IRT_ORIGIN_PUN
                       : r->origin == PTRCHECK_RT_ORIGIN_MEMCPY ? IRT_ORIGIN_MEMCPY
                                                                : IRT_ORIGIN_PTOI;
    if (!r->origin_loc.file)
        return;
    if (r->origin == PTRCHECK_RT_ORIGIN_INIT)
        ptrcheck_diag_add_note(d, r->origin_loc, IRT_NOTE_INIT, r->origin_name);
    else if (r->origin_exact)
        ptrcheck_diag_add_note(d, r->origin_loc, IRT_NOTE_ORIGIN_HERE, what);
    else /* without the instruction's own location, the note names the function */
        ptrcheck_diag_add_note(d, r->origin_loc, IRT_NOTE_ORIGIN_IN, what, r->origin_name);
}

/* 0 when out of memory. */
static int on_roundtrip(ptrcheck_ir_module_t *m, const ptrcheck_rt_conv_t *r)
{
    ptrcheck_engine_t *e = ptrcheck_ir_module_engine(m);
    const ptrcheck_config_t *cfg = ptrcheck_engine_config(e);
    char msg[1200];
    if (!message(r, cfg ? cfg->strict_provenance : 0, msg, sizeof msg))
        return 1;
    ptrcheck_diag_t *d = r->loc.line
                             ? ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, r->loc, PTRCHECK_LAYER_IR, "%s", msg)
                             : ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, r->loc, PTRCHECK_LAYER_IR,
                                                    IRT_IN_FUNCTION, msg, r->fn);
    if (!d)
        return 0;
    origin_note(d, r);
    ptrcheck_engine_report(e, d);
    return 1;
}

/* The conversions come one at a time, in module order, interleaved with ptr-truncation's. */
const ptrcheck_ir_hooks_t ptrcheck_int_roundtrip_ir_hooks = {
    .on_roundtrip = on_roundtrip,
};
