/* ptrcheck-ptr-truncation (IR part): pointers truncated on the way to a pointer again -- through
 * locals, fields, globals, parameters, return values or memory -- as the round-trip flow analysis
 * (plugin/analysis/roundtrip.c) finds them: the conversions whose bits went through an integer
 * narrower than a pointer.  The other round trips are int-roundtrip's (checks/int-roundtrip/ir.c). */
#include "ptrcheck_private/ir.h"
#include "ptrcheck_private/roundtrip.h"
#include "messages.h"

/* The note on where the pointer became an integer. */
static void origin_note(ptrcheck_diag_t *d, const ptrcheck_rt_conv_t *r)
{
    const char *what = r->origin == PTRCHECK_RT_ORIGIN_PUN      ? PT_ORIGIN_PUN
                       : r->origin == PTRCHECK_RT_ORIGIN_MEMCPY ? PT_ORIGIN_MEMCPY
                                                                : PT_ORIGIN_PTOI;
    if (!r->origin_loc.file)
        return;
    if (r->origin == PTRCHECK_RT_ORIGIN_INIT)
        ptrcheck_diag_add_note(d, r->origin_loc, PT_NOTE_INIT, r->origin_name);
    else if (r->origin_exact)
        ptrcheck_diag_add_note(d, r->origin_loc, PT_NOTE_ORIGIN_HERE, what);
    else /* without the instruction's own location, the note names the function */
        ptrcheck_diag_add_note(d, r->origin_loc, PT_NOTE_ORIGIN_IN, what, r->origin_name);
}

/* 0 when out of memory. */
static int on_roundtrip(ptrcheck_ir_module_t *m, const ptrcheck_rt_conv_t *r)
{
    const char *in = r->via[0] ? PT_IN : "";
    ptrcheck_diag_t *d;
    if (!(r->paths & PTRCHECK_RT_TRUNC) || r->boxed)
        return 1; /* not truncated, or an integer boxed in a pointer slot read back (its high bits were never
                     a pointer's) */
    if (r->loc.line)
        d = ptrcheck_diag_create(PTRCHECK_PTR_TRUNCATION, r->loc, PTRCHECK_LAYER_IR, PT_TRUNCATED_ROUNDTRIP,
                                 r->trunc_bits, in, r->via);
    else
        d = ptrcheck_diag_create(PTRCHECK_PTR_TRUNCATION, r->loc, PTRCHECK_LAYER_IR,
                                 PT_TRUNCATED_ROUNDTRIP PT_IR_IN_FUNCTION, r->trunc_bits, in, r->via, r->fn);
    if (!d)
        return 0;
    origin_note(d, r);
    ptrcheck_engine_report(ptrcheck_ir_module_engine(m), d);
    return 1;
}

/* The conversions come one at a time, in module order, interleaved with int-roundtrip's. */
const ptrcheck_ir_hooks_t ptrcheck_ptr_truncation_ir_hooks = {
    .on_roundtrip = on_roundtrip,
};
