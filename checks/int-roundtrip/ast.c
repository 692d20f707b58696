/* ptrcheck-int-roundtrip (AST part): a pointer converted to an integer and back to a pointer inside
 * one expression, e.g. (T *)((uintptr_t)p + 8).  Round trips through variables, fields, globals,
 * calls and memory are found by the IR pass (plugin/engine/ir_ptrint.c); both report at the int->ptr
 * conversion, and the engine keeps the first.
 *
 * Policy (docs/checks/int-roundtrip.md):
 *   - offsetting, setting bits, masking with a non-alignment mask, XOR and other mixing: reported;
 *   - aligning the pointer ((p + a-1) & ~(a-1), p & ~(a-1), p - p % a): silent unless
 *     strict-provenance, which suggests __builtin_align_up/down;
 *   - (T *)(uintptr_t)p with no change in between (the const-cast idiom): silent unless
 *     strict-provenance;
 *   - a pointer truncated to fewer bits on the way: reported as ptrcheck-ptr-truncation. */
#include <stdio.h>
#include <string.h>

#include "ptrcheck_private/hooks.h"
#include "int-roundtrip.h"

enum {
    OP_ARITH = 1u << 0,   /* + - */
    OP_SETBITS = 1u << 1, /* | constant */
    OP_MASK = 1u << 2,    /* & constant that is not an alignment mask */
    OP_XOR = 1u << 3,     /* ^ */
    OP_MIX = 1u << 4,     /* two pointers combined, or | with a variable */
    OP_OTHER = 1u << 5    /* * / % << >> ~ - ... */
};

#define MAX_PTOI 8

typedef struct scan_s {
    const ptrcheck_expr_t *ptoi[MAX_PTOI]; /* pointer->integer conversions feeding the result */
    unsigned nptoi;
    unsigned ops;
    const ptrcheck_expr_t *trunc; /* an integer conversion that drops pointer bits */
    const ptrcheck_expr_t *setbits_op;
    unsigned host_ptr_bits;
} scan_t;

static const ptrcheck_expr_t *strip_int_casts(const ptrcheck_expr_t *x)
{
    while (x && x->kind == PTRCHECK_E_CAST && (x->cast == PTRCHECK_C_INTEGRAL || x->cast == PTRCHECK_C_OTHER) &&
           x->nkids == 1)
        x = x->kids[0];
    return x;
}

/* Does x (an integer expression) carry bits of a pointer converted within this expression? */
static int carries_ptr(const ptrcheck_expr_t *x)
{
    if (!x)
        return 0;
    switch (x->kind) {
    case PTRCHECK_E_CAST:
        if (x->cast == PTRCHECK_C_PTR_TO_INT)
            return 1;
        if (x->cast == PTRCHECK_C_INT_TO_PTR || x->cast == PTRCHECK_C_LVALUE)
            return 0;
        return x->nkids == 1 && carries_ptr(x->kids[0]);
    case PTRCHECK_E_BINARY:
        if (x->op == PTRCHECK_OP_CMP || x->op == PTRCHECK_OP_LAND || x->op == PTRCHECK_OP_LOR)
            return 0;
        if (x->op == PTRCHECK_OP_COMMA || x->op == PTRCHECK_OP_ASSIGN)
            return x->nkids == 2 && carries_ptr(x->kids[1]);
        return x->nkids == 2 && (carries_ptr(x->kids[0]) || carries_ptr(x->kids[1]));
    case PTRCHECK_E_UNARY:
        if (x->op == PTRCHECK_OP_NOT || x->op == PTRCHECK_OP_NEG || x->op == PTRCHECK_OP_PLUS)
            return x->nkids == 1 && carries_ptr(x->kids[0]);
        return 0;
    case PTRCHECK_E_CONDITIONAL:
        return x->nkids == 3 && (carries_ptr(x->kids[1]) || carries_ptr(x->kids[2]));
    default:
        return 0;
    }
}

static void scan(scan_t *s, const ptrcheck_expr_t *x, unsigned depth)
{
    if (!x || depth > 64)
        return;
    switch (x->kind) {
    case PTRCHECK_E_CAST:
        if (x->cast == PTRCHECK_C_PTR_TO_INT) {
            if (s->nptoi < MAX_PTOI)
                s->ptoi[s->nptoi++] = x;
            if (x->type.bits && x->type.bits < s->host_ptr_bits && !s->trunc)
                s->trunc = x;
            return;
        }
        if (x->cast == PTRCHECK_C_INT_TO_PTR || x->cast == PTRCHECK_C_LVALUE)
            return;
        if (x->cast == PTRCHECK_C_INTEGRAL && x->type.bits && x->type.bits < s->host_ptr_bits && !s->trunc &&
            x->nkids == 1 && carries_ptr(x->kids[0]))
            s->trunc = x;
        if (x->nkids == 1)
            scan(s, x->kids[0], depth + 1);
        return;
    case PTRCHECK_E_BINARY: {
        if (x->nkids != 2)
            return;
        if (x->op == PTRCHECK_OP_CMP || x->op == PTRCHECK_OP_LAND || x->op == PTRCHECK_OP_LOR)
            return;
        if (x->op == PTRCHECK_OP_COMMA || x->op == PTRCHECK_OP_ASSIGN) {
            scan(s, x->kids[1], depth + 1);
            return;
        }
        int l = carries_ptr(x->kids[0]), r = carries_ptr(x->kids[1]);
        if (!l && !r)
            return;
        if (x->op == PTRCHECK_OP_REM && !r) {
            /* p % a, (p - base) % a: an offset within a block; no pointer bits survive it */
            s->ops |= OP_OTHER;
            return;
        }
        switch (x->op) {
        case PTRCHECK_OP_ADD:
        case PTRCHECK_OP_SUB: s->ops |= (l && r) ? OP_MIX | OP_ARITH : OP_ARITH; break;
        case PTRCHECK_OP_OR:
            if (l && r)
                s->ops |= OP_MIX;
            else if (strip_int_casts(x->kids[l ? 1 : 0])->has_value) {
                s->ops |= OP_SETBITS;
                if (!s->setbits_op)
                    s->setbits_op = x;
            } else
                s->ops |= OP_MIX;
            break;
        case PTRCHECK_OP_XOR: s->ops |= OP_XOR; break;
        case PTRCHECK_OP_AND: s->ops |= (l && r) ? OP_MIX : OP_MASK; break;
        default: s->ops |= OP_OTHER; break;
        }
        {
            /* a truncated operand next to a full-width pointer (a colour bit OR-ed in, a distance
             * computed from low bits and added back): the pointer comes from the full-width side;
             * a round trip if anything, not a truncation */
            const ptrcheck_expr_t *before = s->trunc, *tl, *tr;
            scan(s, x->kids[0], depth + 1);
            tl = s->trunc;
            s->trunc = before;
            scan(s, x->kids[1], depth + 1);
            tr = s->trunc;
            s->trunc = before ? before : (l && r && !(tl != before && tr != before)) ? NULL : (tl != before ? tl : tr);
        }
        return;
    }
    case PTRCHECK_E_UNARY:
        if (x->nkids == 1 && (x->op == PTRCHECK_OP_NOT || x->op == PTRCHECK_OP_NEG || x->op == PTRCHECK_OP_PLUS)) {
            if (x->op != PTRCHECK_OP_PLUS && carries_ptr(x->kids[0]))
                s->ops |= OP_OTHER;
            scan(s, x->kids[0], depth + 1);
        }
        return;
    case PTRCHECK_E_CONDITIONAL:
        if (x->nkids == 3) {
            scan(s, x->kids[1], depth + 1);
            scan(s, x->kids[2], depth + 1);
        }
        return;
    default:
        return;
    }
}

/* ~(2^k - 1) in the expression's width: clears the k low bits, keeps the rest. */
static int is_align_mask_value(const ptrcheck_expr_t *m)
{
    unsigned bits = m->type.bits ? m->type.bits : 64;
    unsigned long long v = (unsigned long long)m->value;
    unsigned long long all = bits >= 64 ? ~0ull : ((1ull << bits) - 1);
    unsigned long long low = ~v & all;
    if ((v & all) == 0)
        return 0;
    return low != 0 && ((low + 1) & low) == 0;
}

/* An operand of '&' that clears low bits: an alignment-form constant, ~x, -x, or an unknown value
 * (a variable mask such as page_mask: we cannot prove it is not an alignment mask, so we stay
 * silent rather than guess). */
static int is_mask_operand(const ptrcheck_expr_t *m)
{
    m = strip_int_casts(m);
    if (carries_ptr(m))
        return 0;
    if (m->has_value)
        return is_align_mask_value(m);
    return 1;
}

/* p, or p + k / p - k with k free of pointer bits */
static int is_align_base(const ptrcheck_expr_t *b, unsigned depth)
{
    b = strip_int_casts(b);
    if (!b || depth > 8)
        return 0;
    if (b->kind == PTRCHECK_E_CAST && b->cast == PTRCHECK_C_PTR_TO_INT)
        return 1;
    if (b->kind == PTRCHECK_E_BINARY && b->nkids == 2 && (b->op == PTRCHECK_OP_ADD || b->op == PTRCHECK_OP_SUB)) {
        if (is_align_base(b->kids[0], depth + 1) && !carries_ptr(b->kids[1]))
            return 1;
        if (b->op == PTRCHECK_OP_ADD && is_align_base(b->kids[1], depth + 1) && !carries_ptr(b->kids[0]))
            return 1;
    }
    return 0;
}

static int single_ptoi(const ptrcheck_expr_t *x)
{
    x = strip_int_casts(x);
    return x && x->kind == PTRCHECK_E_CAST && x->cast == PTRCHECK_C_PTR_TO_INT;
}

/* Through integer casts and const locals to the value (`const uintptr_t adjust = ...`). */
static const ptrcheck_expr_t *value_of(const ptrcheck_expr_t *x)
{
    for (unsigned guard = 0; x && guard < 8; guard++) {
        x = strip_int_casts(x);
        if (x && x->kind == PTRCHECK_E_CAST && x->cast == PTRCHECK_C_LVALUE && x->nkids == 1) {
            x = x->kids[0];
            continue;
        }
        if (!x || x->kind != PTRCHECK_E_DECLREF || !x->init)
            break;
        x = x->init;
    }
    return x;
}

/* p, its distance from a base (p - base), or p moved by a value free of pointer bits. */
static int derives_from_ptoi(const ptrcheck_expr_t *e)
{
    e = value_of(e);
    if (single_ptoi(e))
        return 1;
    if (e && e->kind == PTRCHECK_E_BINARY && e->nkids == 2 && (e->op == PTRCHECK_OP_SUB || e->op == PTRCHECK_OP_ADD)) {
        if (e->op == PTRCHECK_OP_SUB && e->kids[0] && e->kids[0]->type.kind == PTRCHECK_T_POINTER)
            return 1; /* (char *)p - start: p's offset from a base */
        return single_ptoi(e->kids[0]) && (e->op == PTRCHECK_OP_SUB || !carries_ptr(e->kids[1]));
    }
    return 0;
}

/* p % a, p & (a-1), (p - base) % a: p's offset in its block. */
static int is_low_bits(const ptrcheck_expr_t *r)
{
    r = value_of(r);
    return r && r->kind == PTRCHECK_E_BINARY && r->nkids == 2 &&
           (r->op == PTRCHECK_OP_AND || r->op == PTRCHECK_OP_REM) && derives_from_ptoi(r->kids[0]) &&
           !carries_ptr(r->kids[1]);
}

/* The distance from p up to the next multiple: (a - low) % a, (a - low) & (a-1), a - low, -p & (a-1). */
static int is_adjust_up(const ptrcheck_expr_t *v)
{
    v = value_of(v);
    if (!v)
        return 0;
    if (v->kind == PTRCHECK_E_CONDITIONAL && v->nkids == 3) { /* (low == 0 ? 0 : a - low) */
        for (unsigned i = 1; i < 3; i++) {
            const ptrcheck_expr_t *arm = value_of(v->kids[i]);
            if (!arm || !((arm->has_value && arm->value == 0) || is_adjust_up(arm)))
                return 0;
        }
        return 1;
    }
    if (v->kind == PTRCHECK_E_BINARY && v->nkids == 2 && (v->op == PTRCHECK_OP_AND || v->op == PTRCHECK_OP_REM) &&
        !carries_ptr(v->kids[1])) {
        const ptrcheck_expr_t *e = strip_int_casts(v->kids[0]);
        if (e && e->kind == PTRCHECK_E_UNARY && e->op == PTRCHECK_OP_NEG && e->nkids == 1)
            return derives_from_ptoi(e->kids[0]);
        v = e;
    }
    return v && v->kind == PTRCHECK_E_BINARY && v->nkids == 2 && v->op == PTRCHECK_OP_SUB &&
           !carries_ptr(v->kids[0]) && is_low_bits(v->kids[1]);
}

/* (p + a-1) & ~(a-1), p & ~(a-1), p - (p & (a-1)), p - p % a, p - (p - base) % a,
 * p + (a - p % a) % a: the same pointer, aligned. */
static int is_align_idiom(const ptrcheck_expr_t *x)
{
    x = strip_int_casts(x);
    if (!x || x->kind != PTRCHECK_E_BINARY || x->nkids != 2)
        return 0;
    if (x->op == PTRCHECK_OP_AND) {
        return (is_align_base(x->kids[0], 0) && is_mask_operand(x->kids[1])) ||
               (is_align_base(x->kids[1], 0) && is_mask_operand(x->kids[0]));
    }
    if (x->op == PTRCHECK_OP_SUB && is_align_base(x->kids[0], 0) && is_low_bits(x->kids[1]))
        return 1;
    if (x->op == PTRCHECK_OP_ADD)
        return (single_ptoi(x->kids[0]) && is_adjust_up(x->kids[1])) ||
               (single_ptoi(x->kids[1]) && is_adjust_up(x->kids[0]));
    return 0;
}

static int is_explicit_ptoi(const ptrcheck_expr_t *x)
{
    return x && x->kind == PTRCHECK_E_CAST && x->cast == PTRCHECK_C_PTR_TO_INT && !x->implicit &&
           x->type_begin.raw && x->type_end.raw && !x->in_macro;
}

/* (T *)((uintptr_t)p + n)  ->  (T *)((char *)p + n) */
static void add_char_fixit(ptrcheck_diag_t *d, const ptrcheck_expr_t *operand, unsigned host_ptr_bits)
{
    const ptrcheck_expr_t *b = operand;
    if (!b || b->kind != PTRCHECK_E_BINARY || b->nkids != 2 || b->in_macro)
        return;
    if (b->op != PTRCHECK_OP_ADD && b->op != PTRCHECK_OP_SUB)
        return;
    const ptrcheck_expr_t *c = NULL, *other = NULL;
    if (is_explicit_ptoi(b->kids[0])) {
        c = b->kids[0];
        other = b->kids[1];
    } else if (b->op == PTRCHECK_OP_ADD && is_explicit_ptoi(b->kids[1])) {
        c = b->kids[1];
        other = b->kids[0];
    }
    if (!c || carries_ptr(other) || c->nkids != 1)
        return;
    if (c->type.rank != PTRCHECK_R_PTRSIZED && c->type.bits != host_ptr_bits)
        return;
    const ptrcheck_type_t *pt = &c->kids[0]->type;
    if (pt->kind != PTRCHECK_T_POINTER || pt->pointee_kind == PTRCHECK_T_FUNCTION)
        return;
    ptrcheck_diag_add_fixit(d, c->type_begin, c->type_end, pt->pointee_const ? "(const char *)" : "(char *)");
}

void ptrcheck_int_roundtrip_on_int_to_ptr(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cast)
{
    scan_t s;
    const ptrcheck_config_t *cfg = ptrcheck_engine_config(e);
    ptrcheck_diag_t *d = NULL;
    (void)fn;
    if (cast->nkids != 1)
        return;
    memset(&s, 0, sizeof s);
    s.host_ptr_bits = cast->type.bits ? cast->type.bits : 64;
    scan(&s, cast->kids[0], 0);
    if (!s.nptoi)
        return; /* no pointer bits inside this expression: data flow is the IR pass's job */

    const ptrcheck_expr_t *operand = strip_int_casts(cast->kids[0]);
    const char *ity = s.ptoi[0]->type.spelling ? s.ptoi[0]->type.spelling : "integer";

    if (s.trunc) {
        d = ptrcheck_diag_create(PTRCHECK_PTR_TRUNCATION, cast->loc, PTRCHECK_LAYER_AST,
                                 "pointer truncated to %u bits ('%s') and converted back to a pointer",
                                 s.trunc->type.bits, s.trunc->type.spelling ? s.trunc->type.spelling : "integer");
        if (d)
            ptrcheck_diag_add_note(d, s.trunc->loc, "pointer bits dropped here");
    } else if (s.ops == 0) {
        if (!cfg->strict_provenance)
            return; /* (T *)(uintptr_t)p: the const-cast idiom */
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST,
                                 "pointer converted to '%s' and straight back to a pointer; the round trip "
                                 "discards its provenance",
                                 ity);
    } else if (is_align_idiom(operand)) {
        if (!cfg->strict_provenance)
            return;
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST,
                                 "pointer aligned through an integer; use __builtin_align_up or "
                                 "__builtin_align_down to keep its provenance");
    } else if (s.ops & (OP_XOR | OP_MIX)) {
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST,
                                 s.nptoi > 1 ? "pointers mixed as integers (%s) and converted back to a pointer; "
                                               "the result points at no object the compiler can track"
                                             : "pointer mixed with another value as an integer (%s) and converted "
                                               "back to a pointer; the result points at no object the compiler can track",
                                 (s.ops & OP_XOR) ? "'^'" : "'|', '&', '+' or '-' of two values");
    } else if (s.ops & OP_SETBITS) {
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST,
                                 "bits set in a pointer with '|' and the result used as a pointer; it no longer "
                                 "points at the object it came from");
    } else if (s.ops & OP_MASK) {
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST,
                                 "pointer bits masked with '&' and the result used as a pointer");
    } else if (s.ops == OP_ARITH) {
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST,
                                 "pointer arithmetic done on an integer ('%s') and converted back to a pointer; "
                                 "do the arithmetic on a 'char *' instead",
                                 ity);
        if (d)
            add_char_fixit(d, operand, s.host_ptr_bits);
    } else {
        d = ptrcheck_diag_create(PTRCHECK_INT_ROUNDTRIP, cast->loc, PTRCHECK_LAYER_AST,
                                 "pointer converted to an integer ('%s'), transformed, and converted back to a pointer",
                                 ity);
    }
    if (!d)
        return;
    for (unsigned i = 0; i < s.nptoi; i++)
        ptrcheck_diag_add_note(d, s.ptoi[i]->loc, "pointer converted to integer here");
    ptrcheck_engine_report(e, d);
}

static void on_cast(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cast)
{
    if (cast->cast == PTRCHECK_C_INT_TO_PTR)
        ptrcheck_int_roundtrip_on_int_to_ptr(e, fn, cast);
}

const ptrcheck_ast_hooks_t ptrcheck_int_roundtrip_ast_hooks = {
    .on_cast = on_cast,
};
