/* ptrcheck-ptr-truncation (AST part): a pointer converted to an integer type that is narrower than a
 * pointer on at least one configured target.  The IR part (a truncated pointer value that becomes a
 * pointer again through memory or calls) lives in plugin/engine/ir_ptrint.c; a truncation inside a
 * single int->ptr expression is reported by checks/int-roundtrip.c's scanner under this id. */
#include <stdio.h>
#include <string.h>

#include "../plugin/engine/checks_private.h"

unsigned ptrcheck_int_bits_on(const ptrcheck_type_t *t, const ptrcheck_target_t *target)
{
    if (t->kind == PTRCHECK_T_BOOL)
        return 1;
    if (t->kind != PTRCHECK_T_INT)
        return 0;
    switch (t->rank) {
    case PTRCHECK_R_CHAR: return 8;
    case PTRCHECK_R_SHORT: return 16;
    case PTRCHECK_R_INT: return target->int_bits;
    case PTRCHECK_R_LONG: return target->long_bits;
    case PTRCHECK_R_LONGLONG: return 64;
    case PTRCHECK_R_INT128: return 128;
    case PTRCHECK_R_PTRSIZED: return target->pointer_bits;
    case PTRCHECK_R_FIXED:
    case PTRCHECK_R_NONE:
    default: return t->bits;
    }
}

void ptrcheck_ptr_truncation_on_cast(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cast)
{
    const ptrcheck_config_t *cfg = ptrcheck_engine_config(e);
    char where[768] = "";
    size_t used = 0;
    unsigned nbad = 0, int_bits = 0, ptr_bits = 0;
    int mixed = 0;
    (void)fn;
    if (cast->type.per_target_unknown) {
        /* a project typedef (`gsize`, `u32`): its definition on other targets is not known from this
         * preprocessing, so the only claim is about the compiling target */
        const char *here = ptrcheck_engine_compiling_triple(e);
        ptrcheck_target_t t;
        if (!here || !ptrcheck_target_parse(here, &t) || !cast->type.bits || cast->type.bits >= t.pointer_bits)
            return;
        ptrcheck_diag_t *d = ptrcheck_diag_create(
            PTRCHECK_PTR_TRUNCATION, cast->loc, PTRCHECK_LAYER_AST,
            "pointer converted to '%s', which is narrower than a pointer on the compiling target %s (%u < %u bits)",
            cast->type.spelling ? cast->type.spelling : "integer", here, cast->type.bits, t.pointer_bits);
        if (!d)
            return;
        ptrcheck_diag_add_note(d, cast->loc,
                               "use 'uintptr_t' to hold a pointer, or cast through it ('(%s)(uintptr_t)p') "
                               "if the truncation is intended",
                               cast->type.spelling ? cast->type.spelling : "integer");
        ptrcheck_engine_report(e, d);
        return;
    }
    for (size_t i = 0; i < cfg->ntargets; i++) {
        ptrcheck_target_t t;
        if (!ptrcheck_engine_target_in_scope(e, cfg->targets[i]) || !ptrcheck_target_parse(cfg->targets[i], &t))
            continue;
        unsigned bits = ptrcheck_int_bits_on(&cast->type, &t);
        if (!bits || bits >= t.pointer_bits)
            continue;
        if (nbad && (bits != int_bits || t.pointer_bits != ptr_bits))
            mixed = 1;
        int_bits = bits;
        ptr_bits = t.pointer_bits;
        int n = snprintf(where + used, sizeof where - used, "%s%s", nbad ? ", " : "", cfg->targets[i]);
        if (n > 0 && (size_t)n < sizeof where - used)
            used += (size_t)n;
        nbad++;
    }
    if (!nbad)
        return;
    ptrcheck_diag_t *d;
    if (mixed)
        d = ptrcheck_diag_create(PTRCHECK_PTR_TRUNCATION, cast->loc, PTRCHECK_LAYER_AST,
                                 "pointer converted to '%s', which is narrower than a pointer on %s",
                                 cast->type.spelling ? cast->type.spelling : "integer", where);
    else
        d = ptrcheck_diag_create(PTRCHECK_PTR_TRUNCATION, cast->loc, PTRCHECK_LAYER_AST,
                                 "pointer converted to '%s', which is narrower than a pointer on %s (%u < %u bits)",
                                 cast->type.spelling ? cast->type.spelling : "integer", where, int_bits, ptr_bits);
    if (!d)
        return;
    if (cast->type.rank != PTRCHECK_R_PTRSIZED)
        ptrcheck_diag_add_note(d, cast->loc,
                               "use 'uintptr_t' to hold a pointer, or cast through it ('(%s)(uintptr_t)p') "
                               "if the truncation is intended",
                               cast->type.spelling ? cast->type.spelling : "integer");
    ptrcheck_engine_note_scope(e, d, where);
    ptrcheck_engine_report(e, d);
}
