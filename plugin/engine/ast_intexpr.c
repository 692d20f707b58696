/* Pointer bits inside one integer expression of the AST (ptrcheck_private/ast_intexpr.h): the scan
 * of an int->ptr conversion's operand that int-roundtrip and ptr-truncation both judge.  Reports
 * nothing itself. */
#include <string.h>

#include "ptrcheck_private/ast_intexpr.h"

static const ptrcheck_expr_t *strip_int_casts(const ptrcheck_expr_t *x)
{
    while (x && x->kind == PTRCHECK_E_CAST && (x->cast == PTRCHECK_C_INTEGRAL || x->cast == PTRCHECK_C_OTHER) &&
           x->nkids == 1)
        x = x->kids[0];
    return x;
}

/* A pointer masked down to its low 16 bits (`p & 7`, the tag or colour bits, an index kept in a
 * handle) keeps none of its address: values below 64 KiB are no object's address on the platforms
 * ptrcheck targets (the IR part, plugin/analysis/roundtrip.c, draws the same line). */
#define LOW_BITS_MAX 0xffff
#define SMALL_MAX 0xfff /* the IR part's small_value: a constant below 4096 */
/* x & k with k a constant in [0, LOW_BITS_MAX]: only low bits survive. */
static int is_low_bits_mask(const ptrcheck_expr_t *x)
{
    if (!x || x->kind != PTRCHECK_E_BINARY || x->op != PTRCHECK_OP_AND || x->nkids != 2)
        return 0;
    for (unsigned i = 0; i < 2; i++) {
        const ptrcheck_expr_t *k = strip_int_casts(x->kids[i]);
        if (k && k->has_value && k->value >= 0 && k->value <= LOW_BITS_MAX)
            return 1;
    }
    return 0;
}

/* A value that fits in the tag bits, as the IR part's small_value has it: a constant, a bool or
 * char widened, a bit-field of at most 12 bits (loaded, it is masked with a small constant), a
 * choice between such values, or something masked with a small constant.  Setting it with '|' or
 * toggling it with '^' tags a pointer rather than mixing two values. */
static int is_small(const ptrcheck_expr_t *x, unsigned depth)
{
    const ptrcheck_expr_t *v = strip_int_casts(x);
    while (v && v->kind == PTRCHECK_E_CAST && v->cast == PTRCHECK_C_LVALUE && v->nkids == 1)
        v = strip_int_casts(v->kids[0]);
    if (!v || depth > 8)
        return 0;
    if (v->has_value)
        return 1;
    if (v->type.kind == PTRCHECK_T_BOOL || (v->type.bits && v->type.bits <= 8))
        return 1;
    if (v->kind == PTRCHECK_E_MEMBER && v->bit_width && v->bit_width <= 12)
        return 1;
    if (v->kind == PTRCHECK_E_CONDITIONAL && v->nkids == 3)
        return is_small(v->kids[1], depth + 1) && is_small(v->kids[2], depth + 1);
    if (v->kind == PTRCHECK_E_BINARY && v->op == PTRCHECK_OP_AND && v->nkids == 2) {
        for (unsigned i = 0; i < 2; i++) {
            const ptrcheck_expr_t *k = strip_int_casts(v->kids[i]);
            if (k && k->has_value && k->value >= 0 && k->value <= SMALL_MAX)
                return 1;
        }
    }
    return 0;
}

static int is_rem(const ptrcheck_expr_t *x)
{
    x = strip_int_casts(x);
    return x && x->kind == PTRCHECK_E_BINARY && x->op == PTRCHECK_OP_REM;
}

/* Does x (an integer expression) carry bits of a pointer converted within this expression?
 * Not when it is an integer constant expression ((uintptr_t)NULL) or only low bits survive. */
static int carries_ptr(const ptrcheck_expr_t *x)
{
    if (!x || x->has_value || is_low_bits_mask(x))
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
        if (x->op == PTRCHECK_OP_SUB && x->nkids == 2 && carries_ptr(x->kids[0]) && carries_ptr(x->kids[1]) &&
            !is_rem(x->kids[1]))
            return 0; /* p - q: a distance, not pointer bits (rebasing p - old + new carries new's);
                         p - p % a is p, aligned */
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

static void scan(ptrcheck_intexpr_t *s, const ptrcheck_expr_t *x, unsigned depth)
{
    if (!x || depth > 64)
        return;
    switch (x->kind) {
    case PTRCHECK_E_CAST:
        if (x->has_value)
            return; /* (uintptr_t)NULL: a constant, no object's address */
        if (x->cast == PTRCHECK_C_PTR_TO_INT) {
            if (s->nptoi < PTRCHECK_INTEXPR_MAX_PTOI)
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
        if ((!l && !r) || !carries_ptr(x))
            return;
        if (x->op == PTRCHECK_OP_REM && !r) {
            /* p % a, (p - base) % a: an offset within a block; no pointer bits survive it */
            s->ops |= PTRCHECK_INTEXPR_OTHER;
            return;
        }
        switch (x->op) {
        case PTRCHECK_OP_ADD:
        case PTRCHECK_OP_SUB:
            s->ops |= (l && r) ? PTRCHECK_INTEXPR_MIX | PTRCHECK_INTEXPR_ARITH : PTRCHECK_INTEXPR_ARITH;
            break;
        case PTRCHECK_OP_OR:
            if (l && r)
                s->ops |= PTRCHECK_INTEXPR_MIX;
            else if (is_small(x->kids[l ? 1 : 0], 0))
                s->ops |= PTRCHECK_INTEXPR_SETBITS;
            else
                s->ops |= PTRCHECK_INTEXPR_MIX;
            break;
        case PTRCHECK_OP_XOR: { /* p ^ FLAG toggles a tag bit: tagging, not mixing two values; a
                                   constant key above the tag bits (p ^ 0xdeadbeef) mixes */
            const ptrcheck_expr_t *o = strip_int_casts(x->kids[l ? 1 : 0]);
            int small = !(l && r) && is_small(o, 0) && (!o || !o->has_value || (o->value >= 0 && o->value <= SMALL_MAX));
            s->ops |= small ? PTRCHECK_INTEXPR_TOGGLE : PTRCHECK_INTEXPR_XOR;
            break;
        }
        case PTRCHECK_OP_AND: s->ops |= (l && r) ? PTRCHECK_INTEXPR_MIX : PTRCHECK_INTEXPR_MASK; break;
        default: s->ops |= PTRCHECK_INTEXPR_OTHER; break;
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
            /* ~p is p ^ ~0; -p is 0 - p (as the IR part sees them) */
            if (x->op != PTRCHECK_OP_PLUS && carries_ptr(x->kids[0]))
                s->ops |= x->op == PTRCHECK_OP_NOT ? PTRCHECK_INTEXPR_XOR : PTRCHECK_INTEXPR_ARITH;
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
        if (!x || x->kind != PTRCHECK_E_DECLREF || x->type.kind == PTRCHECK_T_POINTER || !x->init)
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

/* k - 1 for a k free of pointer bits */
static int is_minus_one(const ptrcheck_expr_t *v)
{
    v = value_of(v);
    if (!v || v->kind != PTRCHECK_E_BINARY || v->nkids != 2 || v->op != PTRCHECK_OP_SUB)
        return 0;
    const ptrcheck_expr_t *one = strip_int_casts(v->kids[1]);
    return one && one->has_value && one->value == 1;
}

/* ones in the low bits only: 2^k - 1, or a - 1 for an a free of pointer bits */
static int is_low_ones(const ptrcheck_expr_t *m)
{
    m = value_of(m);
    if (!m || carries_ptr(m))
        return 0;
    if (m->has_value) {
        unsigned long long k = (unsigned long long)m->value;
        return k != 0 && ((k + 1) & k) == 0;
    }
    return is_minus_one(m);
}

/* ((p - 1) | m) + 1 with m low ones: p rounded up to a multiple of m + 1 */
static int is_or_round_up(const ptrcheck_expr_t *one, const ptrcheck_expr_t *orv)
{
    one = strip_int_casts(one);
    orv = value_of(orv);
    if (!one || !one->has_value || one->value != 1 || !orv || orv->kind != PTRCHECK_E_BINARY || orv->nkids != 2 ||
        orv->op != PTRCHECK_OP_OR)
        return 0;
    for (unsigned i = 0; i < 2; i++) {
        const ptrcheck_expr_t *d = value_of(orv->kids[i]);
        if (is_minus_one(d) && single_ptoi(d->kids[0]) && is_low_ones(orv->kids[1 - i]))
            return 1;
    }
    return 0;
}

/* (p + a-1) & ~(a-1), p & ~(a-1), p - (p & (a-1)), p - p % a, p - (p - base) % a,
 * p + (a - p % a) % a, ((p - 1) | (a - 1)) + 1: the same pointer, aligned.  Returns PTRCHECK_INTEXPR_ALIGN_UP when
 * something is added before a mask or the adjustment up is added, PTRCHECK_INTEXPR_ALIGN_DOWN
 * otherwise (as the IR part tells them apart), 0 when x is no alignment. */
static unsigned is_align_idiom(const ptrcheck_expr_t *x)
{
    x = strip_int_casts(x);
    if (!x || x->kind != PTRCHECK_E_BINARY || x->nkids != 2)
        return 0;
    if (x->op == PTRCHECK_OP_AND) {
        for (unsigned i = 0; i < 2; i++)
            if (is_align_base(x->kids[i], 0) && is_mask_operand(x->kids[1 - i]))
                return single_ptoi(x->kids[i]) ? PTRCHECK_INTEXPR_ALIGN_DOWN : PTRCHECK_INTEXPR_ALIGN_UP;
        return 0;
    }
    if (x->op == PTRCHECK_OP_SUB && is_align_base(x->kids[0], 0) && is_low_bits(x->kids[1]))
        return PTRCHECK_INTEXPR_ALIGN_DOWN;
    if (x->op == PTRCHECK_OP_ADD && ((single_ptoi(x->kids[0]) && is_adjust_up(x->kids[1])) ||
                                     (single_ptoi(x->kids[1]) && is_adjust_up(x->kids[0]))))
        return PTRCHECK_INTEXPR_ALIGN_UP;
    if (x->op == PTRCHECK_OP_ADD && (is_or_round_up(x->kids[1], x->kids[0]) || is_or_round_up(x->kids[0], x->kids[1])))
        return PTRCHECK_INTEXPR_ALIGN_UP;
    return 0;
}

int ptrcheck_intexpr_carries_ptr(const ptrcheck_expr_t *x) { return carries_ptr(x); }

unsigned ptrcheck_intexpr_is_align_idiom(const ptrcheck_expr_t *x) { return is_align_idiom(x); }

unsigned ptrcheck_intexpr_scan(const ptrcheck_expr_t *cast, ptrcheck_intexpr_t *out)
{
    memset(out, 0, sizeof *out);
    if (!cast || cast->nkids != 1)
        return 0;
    out->host_ptr_bits = cast->type.bits ? cast->type.bits : 64;
    scan(out, cast->kids[0], 0);
    out->operand = strip_int_casts(cast->kids[0]);
    return out->nptoi;
}
