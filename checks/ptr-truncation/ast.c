/* ptrcheck-ptr-truncation (AST part): a pointer converted to an integer type that is narrower than a
 * pointer on at least one configured target, and a pointer truncated inside one int->ptr expression
 * and converted back, as the shared scan of that expression sees it (plugin/engine/ast_intexpr.c).
 * The IR part (ir.c) finds truncated pointer values that become pointers again through memory or
 * calls. */
#include <stdio.h>
#include <string.h>

#include "ptrcheck_private/ast_intexpr.h"
#include "ptrcheck_private/hooks.h"
#include "messages.h"

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

/* The path from `top` down to `value` (ancestors of value, innermost last); 0 when value is not in top. */
static int path_to(const ptrcheck_expr_t *top, const ptrcheck_expr_t *value, const ptrcheck_expr_t **path,
                   unsigned *n, unsigned max)
{
    if (!top || *n >= max)
        return 0;
    if (top == value)
        return 1;
    path[(*n)++] = top;
    for (unsigned i = 0; i < top->nkids; i++)
        if (path_to(top->kids[i], value, path, n, max))
            return 1;
    (*n)--;
    return 0;
}

static unsigned bits_needed(unsigned long long v)
{
    unsigned b = 0;
    while (v) {
        b++;
        v >>= 1;
    }
    return b;
}

static int is_zero(const ptrcheck_expr_t *x) { return x && x->has_value && x->value == 0; }

typedef enum { USE_KEEPS = 0, USE_LOW_BITS, USE_ID } use_kind_t;

/* What survives of a pointer narrowed to `narrow` bits in one use: only low bits (a mask keeping fewer
 * bits than the narrow type, `%`, a test against 0, hash mixing with `^`, `*`, `>>`), an explicit cast
 * to another integer type right away (the double-cast ID idiom, whatever the middle type), or the value
 * itself (reported). */
static use_kind_t classify_use(const ptrcheck_int_use_t *u, unsigned narrow, int direct)
{
    const ptrcheck_expr_t *path[64];
    unsigned n = 0;
    const ptrcheck_expr_t *child = u->value;
    int first = 1;

    if (!path_to(u->top, u->value, path, &n, 64))
        return USE_KEEPS;
    while (n > 0) {
        const ptrcheck_expr_t *a = path[--n];
        const ptrcheck_expr_t *other = NULL;
        if (a->kind == PTRCHECK_E_BINARY && a->nkids == 2)
            other = a->kids[0] == child ? a->kids[1] : a->kids[0];
        if (a->kind == PTRCHECK_E_CAST) {
            /* (gint)(glong)p: an ID made on purpose, no wider than the narrowed value where it narrows */
            unsigned ob = a->type.rank == PTRCHECK_R_LONG && u->value->type.rank == PTRCHECK_R_LONG ? narrow
                                                                                                   : a->type.bits;
            if (!a->implicit && direct && first && a->cast == PTRCHECK_C_INTEGRAL && ob && ob <= narrow)
                return USE_ID;
            child = a;
            continue;
        }
        first = 0;
        if (a->kind == PTRCHECK_E_UNARY) {
            if (a->op == PTRCHECK_OP_LNOT)
                return USE_LOW_BITS;
            child = a;
            continue;
        }
        if (a->kind == PTRCHECK_E_CONDITIONAL)
            return a->nkids == 3 && a->kids[0] == child ? USE_LOW_BITS : USE_KEEPS;
        if (a->kind != PTRCHECK_E_BINARY)
            return USE_KEEPS;
        switch (a->op) {
        case PTRCHECK_OP_AND:
            if (other && other->has_value && bits_needed((unsigned long long)other->value) < narrow)
                return USE_LOW_BITS;
            break;
        case PTRCHECK_OP_REM:
            if (child == a->kids[0])
                return USE_LOW_BITS;
            break;
        case PTRCHECK_OP_XOR:
        case PTRCHECK_OP_MUL:
        case PTRCHECK_OP_SHR:
            return USE_LOW_BITS; /* mixed into a hash or an index */
        case PTRCHECK_OP_CMP:
            return is_zero(other) ? USE_LOW_BITS : USE_KEEPS;
        case PTRCHECK_OP_LAND:
        case PTRCHECK_OP_LOR:
            return USE_LOW_BITS;
        default:
            break;
        }
        child = a;
    }
    return u->as_condition ? USE_LOW_BITS : USE_KEEPS;
}

/* 1 when nothing a program needs is lost: every use keeps only low bits, or makes an ID on purpose. */
static int loses_nothing(const ptrcheck_ptr_to_int_fact_t *f, unsigned narrow)
{
    if (f->operand_boxed)
        return 1; /* an integer boxed in a pointer slot, read back: its high bits were never a pointer's */
    if (!f->uses_complete || !f->nuses)
        return 0;
    for (size_t i = 0; i < f->nuses; i++)
        if (classify_use(&f->uses[i], narrow, f->uses[i].value->kind == PTRCHECK_E_CAST) == USE_KEEPS)
            return 0;
    return 1;
}

static void on_ptr_to_int(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                     const ptrcheck_ptr_to_int_fact_t *fact)
{
    const ptrcheck_config_t *cfg = ptrcheck_engine_config(e);
    const ptrcheck_expr_t *cast = fact->cast;
    char where[768] = "";
    size_t used = 0;
    unsigned nbad = 0, int_bits = 0, ptr_bits = 0, narrowest = 0;
    int mixed = 0;
    (void)fn;
    {
        /* `(void *)(int)p`: truncated and a pointer again in one expression; where that truncates on
         * the compiling target the round trip is the hazard there, reported once as such */
        const char *here = ptrcheck_engine_compiling_triple(e);
        ptrcheck_target_t h;
        if (fact->nuses == 1 && fact->uses[0].to_pointer && here && ptrcheck_target_parse(here, &h) &&
            cast->type.bits && cast->type.bits < h.pointer_bits)
            return;
    }
    if (cast->type.per_target_unknown) {
        /* a project typedef (`gsize`, `u32`): its definition on other targets is not known from this
         * preprocessing, so the only claim is about the compiling target */
        const char *here = ptrcheck_engine_compiling_triple(e);
        ptrcheck_target_t t;
        if (!here || !ptrcheck_target_parse(here, &t) || !cast->type.bits || cast->type.bits >= t.pointer_bits ||
            loses_nothing(fact, cast->type.bits))
            return;
        ptrcheck_diag_t *d = ptrcheck_diag_create(
            PTRCHECK_PTR_TRUNCATION, cast->loc, PTRCHECK_LAYER_AST, PT_NARROWER_HERE,
            cast->type.spelling ? cast->type.spelling : PT_INTEGER, here, cast->type.bits, t.pointer_bits);
        if (!d)
            return;
        ptrcheck_diag_add_note(d, cast->loc, PT_NOTE_USE_UINTPTR,
                               cast->type.spelling ? cast->type.spelling : PT_INTEGER);
        ptrcheck_engine_report(e, d);
        return;
    }
    for (size_t i = 0; i < cfg->ntargets; i++) {
        ptrcheck_target_t t;
        if (!ptrcheck_target_parse(cfg->targets[i], &t))
            continue;
        unsigned bits = ptrcheck_int_bits_on(&cast->type, &t);
        /* whether the code exists there is asked only of targets where the cast narrows; so is
         * whether its type is this one there, when a macro spells it (`#define word_t unsigned
         * long` under `#if SIZEOF_LONG >= SIZEOF_VOIDP`: another target may define it otherwise) */
        if (!bits || bits >= t.pointer_bits || !ptrcheck_engine_target_in_scope_at(e, cfg->targets[i], cast->loc) ||
            (cast->type_macro.raw && !ptrcheck_engine_target_in_scope_at(e, cfg->targets[i], cast->type_macro)))
            continue;
        if (nbad && (bits != int_bits || t.pointer_bits != ptr_bits))
            mixed = 1;
        int_bits = bits;
        ptr_bits = t.pointer_bits;
        if (!narrowest || bits < narrowest)
            narrowest = bits;
        int n = snprintf(where + used, sizeof where - used, "%s%s", nbad ? PT_TARGETS_SEP : "", cfg->targets[i]);
        if (n > 0 && (size_t)n < sizeof where - used)
            used += (size_t)n;
        nbad++;
    }
    if (!nbad || loses_nothing(fact, narrowest))
        return;
    ptrcheck_diag_t *d;
    if (mixed)
        d = ptrcheck_diag_create(PTRCHECK_PTR_TRUNCATION, cast->loc, PTRCHECK_LAYER_AST, PT_NARROWER_ON,
                                 cast->type.spelling ? cast->type.spelling : PT_INTEGER, where);
    else
        d = ptrcheck_diag_create(PTRCHECK_PTR_TRUNCATION, cast->loc, PTRCHECK_LAYER_AST, PT_NARROWER_ON_BITS,
                                 cast->type.spelling ? cast->type.spelling : PT_INTEGER, where, int_bits, ptr_bits);
    if (!d)
        return;
    if (cast->type.rank != PTRCHECK_R_PTRSIZED)
        ptrcheck_diag_add_note(d, cast->loc, PT_NOTE_USE_UINTPTR,
                               cast->type.spelling ? cast->type.spelling : PT_INTEGER);
    ptrcheck_engine_note_scope(e, d, where);
    ptrcheck_engine_report(e, d);
}

/* (void *)(int)p: a pointer truncated on the way to a pointer again, inside one expression. */
static void on_int_to_ptr(ptrcheck_engine_t *e, const ptrcheck_expr_t *cast)
{
    ptrcheck_intexpr_t s;
    if (!ptrcheck_intexpr_scan(cast, &s) || !s.trunc)
        return;
    ptrcheck_diag_t *d = ptrcheck_diag_create(PTRCHECK_PTR_TRUNCATION, cast->loc, PTRCHECK_LAYER_AST,
                                              PT_TRUNCATED_ROUNDTRIP, s.trunc->type.bits, "", "");
    if (!d)
        return;
    ptrcheck_diag_add_note(d, s.trunc->loc, PT_NOTE_DROPPED_HERE,
                           s.trunc->type.spelling ? s.trunc->type.spelling : PT_INTEGER);
    for (unsigned i = 0; i < s.nptoi; i++)
        ptrcheck_diag_add_note(d, s.ptoi[i]->loc, PT_NOTE_PTOI_HERE);
    ptrcheck_engine_report(e, d);
}

static void on_cast(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cast)
{
    if (cast->cast == PTRCHECK_C_PTR_TO_INT) {
        ptrcheck_ptr_to_int_fact_t f = {0};
        f.cast = cast;
        on_ptr_to_int(e, fn, &f);
    } else if (cast->cast == PTRCHECK_C_INT_TO_PTR) {
        on_int_to_ptr(e, cast);
    }
}

const ptrcheck_ast_hooks_t ptrcheck_ptr_truncation_ast_hooks = {
    .on_cast = on_cast,
    .on_ptr_to_int = on_ptr_to_int,
};
