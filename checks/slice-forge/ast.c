/* ptrcheck-slice-forge (AST part): a {data, len[, cap]} header that claims more memory than exists.
 *
 * Which records are slice headers (ptrcheck_ast_on_record): the built-ins (GoSlice, GoString,
 * _GoString_, struct iovec), the `slice-types` of the configuration, and -- unless
 * `infer-slice-types: false` -- records of exactly one data pointer and one or two integer fields
 * named like a length (len, length, size, count, n) or a capacity (cap, capacity), nothing else.
 *
 * What the AST pass proves, from facts visible in the source without data flow:
 *   - an initialiser / compound literal whose len > cap, or whose len / cap (times the element size)
 *     exceed the memory behind data, when data is an array, a string literal, `&x`, a constant-size
 *     malloc/calloc/realloc/alloca in the same expression, or such a pointer moved forward by a
 *     constant (`buf + 4`, `&buf[4]`);
 *   - len = sizeof of the data pointer itself (`{msg, sizeof(msg)}`);
 *   - len written as cap + k (`s->len = s->cap + 1`, `{p, n + 1, n}`);
 *   - a local header changed later so that the invariant breaks (`s.len = 1000`, `s.len += 4`,
 *     `s.data += 4`): the header's fields are tracked in statement order through the function,
 *     forgotten when a write happens in an arm another write was not in, when its address is
 *     taken, or in functions with labels; a broken header is reported unless the writes that
 *     immediately follow mend it (`s.len = n; s.cap = n;`);
 *   - memory reinterpreted as a header: `(GoSlice *)bytes`, memcpy of raw bytes into a header.
 * Everything that needs data flow (data from a local assigned earlier, lengths from variables,
 * arguments of calls) is the IR part's (ir.c, over plugin/analysis/slice.c); it reports only findings
 * that needed such a step, so the two layers never report the same hazard.  Both word their findings
 * from messages.h.
 * Unknown is silence: nothing is reported unless every number in the message is known. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptrcheck_private/hooks.h"
#include "ptrcheck_private/util.h"
#include "ptrcheck/slice.h"
#include "messages.h"
#include "slice-forge.h"

/* ------------------------------------------------------------------ state */

typedef struct stype_s {
    int is_slice;
    int data_idx, len_idx, cap_idx; /* field indexes; cap_idx -1 when none */
    ptrcheck_slice_layout_t lay;
} stype_t;

typedef struct dval_s {
    int known;
    int is_null;
    unsigned long long total; /* bytes of the object */
    long long offset;         /* where data points inside it */
    const char *what;         /* "'buf'", "the string literal" (interned) */
    ptrcheck_loc_t at;        /* the allocation / declaration */
    int at_is_alloc;          /* at is an allocation call (vs a declaration / literal) */
} dval_t;

typedef struct ival_s {
    int known;
    long long v;
} ival_t;

typedef struct header_s {
    dval_t data;
    ival_t len, cap;
} header_t;

typedef struct var_s {
    ptrcheck_loc_t decl;
    const stype_t *t;
    header_t h;
    uint64_t *arms;
    unsigned narms;
} var_t;

typedef struct pending_s {
    int active;
    ptrcheck_loc_t decl; /* the variable */
    ptrcheck_loc_t loc;
    const stype_t *t;
    header_t h;
} pending_t;

typedef struct sf_state_s {
    ptrcheck_strmap_t by_id; /* record id -> stype_t* */
    ptrcheck_strmap_t by_ir; /* ir name -> stype_t* (NULL value: ambiguous) */
    var_t *vars;
    size_t nvars, capvars;
    pending_t pending;
    const char *fn; /* function the tracked state belongs to */
} sf_state_t;

static void free_var(var_t *v) { free(v->arms); }

static void sf_state_destroy(void *p)
{
    sf_state_t *st = p;
    if (!st)
        return;
    ptrcheck_strmap_fini(&st->by_id, free);
    ptrcheck_strmap_fini(&st->by_ir, NULL);
    for (size_t i = 0; i < st->nvars; i++)
        free_var(&st->vars[i]);
    free(st->vars);
    free(st);
}

static sf_state_t *state_of(ptrcheck_engine_t *e)
{
    sf_state_t *st = ptrcheck_engine_check_state(e, PTRCHECK_SLICE_FORGE);
    if (st)
        return st;
    st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    ptrcheck_strmap_init(&st->by_id);
    ptrcheck_strmap_init(&st->by_ir);
    ptrcheck_engine_set_check_state(e, PTRCHECK_SLICE_FORGE, st, sf_state_destroy);
    return st;
}

const ptrcheck_slice_layout_t *ptrcheck_slice_forge_header(void *engine, const char *ir_name)
{
    ptrcheck_engine_t *e = engine;
    sf_state_t *st = ptrcheck_engine_check_state(e, PTRCHECK_SLICE_FORGE);
    if (!st || !ir_name)
        return NULL;
    ptrcheck_strmap_entry_t *en = ptrcheck_strmap_find(&st->by_ir, ir_name);
    return en && en->value ? &((const stype_t *)en->value)->lay : NULL;
}

/* ------------------------------------------------------------------ which records are slice headers */

static int find_field(const ptrcheck_srecord_t *r, const char *name)
{
    for (unsigned i = 0; i < r->nfields; i++)
        if (r->fields[i].name && strcmp(r->fields[i].name, name) == 0 && !r->fields[i].is_bitfield)
            return (int)i;
    return -1;
}

static int names_record(const ptrcheck_srecord_t *r, const char *type)
{
    if (r->tag && strcmp(r->tag, type) == 0)
        return 1;
    for (unsigned i = 0; i < r->ntypedefs; i++)
        if (strcmp(r->typedefs[i], type) == 0)
            return 1;
    return 0;
}

static int is_data_ptr(const ptrcheck_sfield_t *f)
{
    return f->type.kind == PTRCHECK_T_POINTER && f->type.pointee_kind != PTRCHECK_T_FUNCTION && !f->is_bitfield;
}

static int is_int(const ptrcheck_sfield_t *f) { return f->type.kind == PTRCHECK_T_INT && !f->is_bitfield; }

/* 1: length-like name, 2: capacity-like name, 0: neither.  `iov_len`, `buf_size` count too. */
static int size_name(const char *n)
{
    static const char *const lens[] = {"len", "length", "size", "count", "n"};
    static const char *const caps[] = {"cap", "capacity"};
    if (!n || !*n)
        return 0;
    const char *u = strrchr(n, '_');
    const char *tail = u && u[1] ? u + 1 : n;
    if (tail != n && strcmp(tail, "n") == 0)
        return 0; /* "foo_n": too vague */
    char low[32];
    size_t k = 0;
    for (; tail[k] && k + 1 < sizeof low; k++)
        low[k] = (char)tolower((unsigned char)tail[k]);
    low[k] = 0;
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
        if (strcmp(low, caps[i]) == 0)
            return 2;
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++)
        if (strcmp(low, lens[i]) == 0)
            return 1;
    return 0;
}

static int classify(const ptrcheck_config_t *cfg, const ptrcheck_srecord_t *r, int *d, int *l, int *c,
                    int *unit_bytes)
{
    *d = *l = *c = -1;
    *unit_bytes = 0;
    if (r->is_union)
        return 0;
    for (size_t i = 0; i < cfg->nslice_types; i++) {
        const ptrcheck_slice_type_t *s = &cfg->slice_types[i];
        if (!s->type || !names_record(r, s->type))
            continue;
        *d = find_field(r, s->data);
        *l = find_field(r, s->len);
        *c = s->cap ? find_field(r, s->cap) : -1;
        *unit_bytes = s->unit_bytes;
        if (*d < 0 || *l < 0 || (s->cap && *c < 0) || !is_data_ptr(&r->fields[*d]) || !is_int(&r->fields[*l]) ||
            (*c >= 0 && !is_int(&r->fields[*c])))
            return 0;
        return 1;
    }
    static const struct {
        const char *type, *data, *len, *cap;
        int bytes;
    } builtin[] = {
        {"GoSlice", "data", "len", "cap", 0},
        {"GoString", "p", "n", NULL, 1},
        {"_GoString_", "p", "n", NULL, 1},
        {"struct iovec", "iov_base", "iov_len", NULL, 1},
    };
    for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
        if (!names_record(r, builtin[i].type))
            continue;
        *d = find_field(r, builtin[i].data);
        *l = find_field(r, builtin[i].len);
        *c = builtin[i].cap ? find_field(r, builtin[i].cap) : -1;
        *unit_bytes = builtin[i].bytes;
        if (*d >= 0 && *l >= 0 && (!builtin[i].cap || *c >= 0) && is_data_ptr(&r->fields[*d]) &&
            is_int(&r->fields[*l]) && (*c < 0 || is_int(&r->fields[*c])))
            return 1;
        return 0;
    }
    if (!cfg->infer_slice_types)
        return 0;
    /* shape: exactly one data pointer, one or two length-like integers, nothing else */
    int nlen = 0, ncap = 0;
    for (unsigned i = 0; i < r->nfields; i++) {
        const ptrcheck_sfield_t *f = &r->fields[i];
        if (is_data_ptr(f)) {
            if (*d >= 0)
                return 0;
            *d = (int)i;
        } else if (is_int(f)) {
            int k = size_name(f->name);
            if (k == 1) {
                nlen++;
                *l = (int)i;
            } else if (k == 2) {
                ncap++;
                *c = (int)i;
            } else {
                return 0;
            }
        } else {
            return 0;
        }
    }
    return *d >= 0 && nlen == 1 && ncap <= 1;
}

static int on_record(ptrcheck_engine_t *e, const ptrcheck_srecord_t *rec)
{
    if (!rec || !ptrcheck_engine_enabled(e, PTRCHECK_SLICE_FORGE))
        return 0;
    sf_state_t *st = state_of(e);
    if (!st)
        return 0;
    char key[32];
    snprintf(key, sizeof key, "%llu", (unsigned long long)rec->id);
    int is_new = 0;
    ptrcheck_strmap_entry_t *en = ptrcheck_strmap_insert(&st->by_id, key, &is_new);
    if (!en)
        return 0;
    if (!is_new)
        return en->value && ((stype_t *)en->value)->is_slice;
    stype_t *t = calloc(1, sizeof *t);
    if (!t)
        return 0;
    en->value = t;
    int unit_bytes = 0;
    t->is_slice = classify(ptrcheck_engine_config(e), rec, &t->data_idx, &t->len_idx, &t->cap_idx, &unit_bytes);
    if (!t->is_slice)
        return 0;
    const ptrcheck_sfield_t *df = &rec->fields[t->data_idx];
    const char *disp = rec->ntypedefs ? rec->typedefs[0] : rec->tag ? rec->tag : SF_ANONYMOUS_RECORD;
    if (rec->tag && rec->ntypedefs && strcmp(rec->tag, "struct iovec") == 0)
        disp = rec->tag;
    t->lay.display = ptrcheck_engine_intern(e, disp);
    t->lay.data_off = df->offset;
    t->lay.len_off = rec->fields[t->len_idx].offset;
    t->lay.has_cap = t->cap_idx >= 0;
    t->lay.cap_off = t->cap_idx >= 0 ? rec->fields[t->cap_idx].offset : 0;
    t->lay.data_name = ptrcheck_engine_intern(e, df->name);
    t->lay.len_name = ptrcheck_engine_intern(e, rec->fields[t->len_idx].name);
    t->lay.cap_name = t->cap_idx >= 0 ? ptrcheck_engine_intern(e, rec->fields[t->cap_idx].name) : NULL;
    t->lay.bytes = rec->bytes;
    if (unit_bytes || df->type.pointee_bytes <= 1) {
        t->lay.elem_bytes = 1; /* void / incomplete / char data: at least one byte per element */
    } else {
        t->lay.elem_bytes = df->type.pointee_bytes;
        const char *sp = df->type.pointee_spelling;
        if (!sp && rec->pointee_spelling)
            sp = rec->pointee_spelling(rec, (unsigned)t->data_idx);
        t->lay.elem_spelling = sp ? ptrcheck_engine_intern(e, sp) : NULL;
    }
    if (rec->ir_name) {
        ptrcheck_strmap_entry_t *ir = ptrcheck_strmap_insert(&st->by_ir, rec->ir_name, &is_new);
        if (ir)
            ir->value = is_new ? t : NULL; /* two records with one IR name: ambiguous */
    }
    return 1;
}

static const stype_t *type_of(sf_state_t *st, const ptrcheck_srecord_t *rec)
{
    char key[32];
    snprintf(key, sizeof key, "%llu", (unsigned long long)rec->id);
    ptrcheck_strmap_entry_t *en = ptrcheck_strmap_find(&st->by_id, key);
    const stype_t *t = en ? en->value : NULL;
    return t && t->is_slice ? t : NULL;
}

/* ------------------------------------------------------------------ tracked local headers */

static int same_loc(ptrcheck_loc_t a, ptrcheck_loc_t b)
{
    if (a.raw && b.raw)
        return a.raw == b.raw;
    return a.file && b.file && strcmp(a.file, b.file) == 0 && a.line == b.line && a.col == b.col;
}

static int arms_prefix(const uint64_t *p, unsigned np, const ptrcheck_flow_t *f)
{
    if (np > f->narms)
        return 0;
    for (unsigned i = 0; i < np; i++)
        if (p[i] != f->arms[i])
            return 0;
    return 1;
}

static int same_arms(const uint64_t *p, unsigned np, const ptrcheck_flow_t *f)
{
    return np == f->narms && arms_prefix(p, np, f);
}

typedef struct ctx_s {
    ptrcheck_engine_t *e;
    sf_state_t *st;
    const ptrcheck_flow_t *flow;
} ctx_t;

static var_t *find_var(sf_state_t *st, ptrcheck_loc_t decl)
{
    for (size_t i = 0; i < st->nvars; i++)
        if (same_loc(st->vars[i].decl, decl))
            return &st->vars[i];
    return NULL;
}

static void drop_var(sf_state_t *st, var_t *v)
{
    size_t i = (size_t)(v - st->vars);
    free_var(v);
    st->vars[i] = st->vars[--st->nvars];
}

/* The tracked state of a local, when it holds at a fact with this flow. */
static var_t *usable_var(const ctx_t *c, ptrcheck_loc_t decl)
{
    var_t *v = find_var(c->st, decl);
    if (!v)
        return NULL;
    if (c->flow->unordered || !arms_prefix(v->arms, v->narms, c->flow)) {
        drop_var(c->st, v);
        return NULL;
    }
    return v;
}

static var_t *set_var(const ctx_t *c, ptrcheck_loc_t decl, const stype_t *t, const header_t *h)
{
    var_t *v = find_var(c->st, decl);
    if (!v) {
        if (c->st->nvars == c->st->capvars) {
            size_t ncap = c->st->capvars ? c->st->capvars * 2 : 8;
            var_t *nv = realloc(c->st->vars, ncap * sizeof *nv);
            if (!nv)
                return NULL;
            c->st->vars = nv;
            c->st->capvars = ncap;
        }
        v = &c->st->vars[c->st->nvars++];
        memset(v, 0, sizeof *v);
        v->decl = decl;
    }
    uint64_t *arms = NULL;
    if (c->flow->narms) {
        arms = malloc(c->flow->narms * sizeof *arms);
        if (!arms) {
            drop_var(c->st, v);
            return NULL;
        }
        memcpy(arms, c->flow->arms, c->flow->narms * sizeof *arms);
    }
    free(v->arms);
    v->arms = arms;
    v->narms = c->flow->narms;
    v->t = t;
    v->h = *h;
    return v;
}

/* ------------------------------------------------------------------ evaluating facts */

static const ptrcheck_expr_t *strip(const ptrcheck_expr_t *x, int lvalue)
{
    while (x && x->kind == PTRCHECK_E_CAST && x->nkids == 1 &&
           (x->cast == PTRCHECK_C_INTEGRAL || x->cast == PTRCHECK_C_PTR_TO_PTR ||
            (lvalue && x->cast == PTRCHECK_C_LVALUE)))
        x = x->kids[0];
    return x;
}

/* Does x read a variable (other than through sizeof)?  A constant folded from a `const` variable
 * is data flow, the IR pass's. */
static int reads_variable(const ptrcheck_expr_t *x)
{
    if (!x)
        return 0;
    if (x->kind == PTRCHECK_E_DECLREF)
        return x->decl_kind != PTRCHECK_D_ENUMERATOR && x->decl_kind != PTRCHECK_D_FUNCTION;
    if (x->kind == PTRCHECK_E_SIZEOF || x->kind == PTRCHECK_E_OFFSETOF)
        return 0;
    for (unsigned i = 0; i < x->nkids; i++)
        if (reads_variable(x->kids[i]))
            return 1;
    return 0;
}

/* The tracked local a member expression `s.f` reads, and which field: -1 none. */
static int member_of_var(const ctx_t *c, const ptrcheck_expr_t *m, var_t **out)
{
    *out = NULL;
    if (!m || m->kind != PTRCHECK_E_MEMBER || m->nkids != 1 || !m->kids[0])
        return -1;
    const ptrcheck_expr_t *b = m->kids[0];
    if (b->kind != PTRCHECK_E_DECLREF || b->decl_kind != PTRCHECK_D_LOCAL)
        return -1;
    var_t *v = usable_var(c, b->decl_loc);
    if (!v)
        return -1;
    const ptrcheck_slice_layout_t *l = &v->t->lay;
    *out = v;
    if (strcmp(m->name, l->data_name) == 0)
        return 0;
    if (strcmp(m->name, l->len_name) == 0)
        return 1;
    if (l->cap_name && strcmp(m->name, l->cap_name) == 0)
        return 2;
    return -1;
}

static ival_t eval_int(const ctx_t *c, const ptrcheck_expr_t *x, unsigned depth)
{
    ival_t r = {0, 0};
    if (!x || depth > 32)
        return r;
    if (x->has_value && !reads_variable(x)) {
        r.known = 1;
        r.v = x->value;
        return r;
    }
    switch (x->kind) {
    case PTRCHECK_E_CAST:
        if ((x->cast == PTRCHECK_C_INTEGRAL || x->cast == PTRCHECK_C_LVALUE) && x->nkids == 1)
            return eval_int(c, x->kids[0], depth + 1);
        return r;
    case PTRCHECK_E_MEMBER: {
        var_t *v;
        int k = member_of_var(c, x, &v);
        if (k == 1)
            return v->h.len.known ? (ival_t){1, v->h.len.v} : r;
        if (k == 2)
            return v->h.cap.known ? (ival_t){1, v->h.cap.v} : r;
        return r;
    }
    case PTRCHECK_E_BINARY: {
        if (x->nkids != 2)
            return r;
        ival_t a = eval_int(c, x->kids[0], depth + 1);
        if (!a.known)
            return r;
        ival_t b = eval_int(c, x->kids[1], depth + 1);
        if (!b.known)
            return r;
        switch (x->op) {
        case PTRCHECK_OP_ADD: return (ival_t){1, a.v + b.v};
        case PTRCHECK_OP_SUB: return (ival_t){1, a.v - b.v};
        case PTRCHECK_OP_MUL: return (ival_t){1, a.v * b.v};
        case PTRCHECK_OP_DIV: return b.v ? (ival_t){1, a.v / b.v} : r;
        case PTRCHECK_OP_SHL: return b.v >= 0 && b.v < 62 ? (ival_t){1, a.v << b.v} : r;
        default: return r;
        }
    }
    default:
        return r;
    }
}

static const char *quoted(ptrcheck_engine_t *e, const char *name)
{
    char buf[300];
    snprintf(buf, sizeof buf, SF_MEM_NAMED, name ? name : "?");
    return ptrcheck_engine_intern(e, buf);
}

static int is_alloc_fn(const char *n)
{
    static const char *const fns[] = {"malloc", "calloc", "realloc", "alloca", "__builtin_alloca",
                                      "_alloca", "aligned_alloc", "__builtin_malloc"};
    for (size_t i = 0; n && i < sizeof fns / sizeof fns[0]; i++)
        if (strcmp(n, fns[i]) == 0)
            return 1;
    return 0;
}

static dval_t eval_data(const ctx_t *c, const ptrcheck_expr_t *x, unsigned depth)
{
    dval_t r;
    memset(&r, 0, sizeof r);
    x = strip(x, 0);
    if (!x || depth > 32)
        return r;
    switch (x->kind) {
    case PTRCHECK_E_CAST:
        if (x->cast == PTRCHECK_C_DECAY && x->nkids == 1)
            return eval_data(c, x->kids[0], depth + 1);
        if (x->cast == PTRCHECK_C_NULL_TO_PTR) {
            r.known = r.is_null = 1;
            return r;
        }
        if (x->cast == PTRCHECK_C_LVALUE && x->nkids == 1) {
            const ptrcheck_expr_t *m = x->kids[0];
            var_t *v;
            if (member_of_var(c, m, &v) == 0 && v->h.data.known)
                return v->h.data;
        }
        return r;
    case PTRCHECK_E_DECLREF:
        if (x->type.kind == PTRCHECK_T_ARRAY && x->type.bits && x->type.array_len &&
            (x->decl_kind == PTRCHECK_D_LOCAL || x->decl_kind == PTRCHECK_D_STATIC_LOCAL ||
             x->decl_kind == PTRCHECK_D_GLOBAL)) {
            r.known = 1;
            r.total = x->type.bits / 8;
            r.what = quoted(c->e, x->name);
            r.at = x->decl_loc;
        }
        return r;
    case PTRCHECK_E_STRING:
        if (x->type.kind == PTRCHECK_T_ARRAY && x->type.bits) {
            r.known = 1;
            r.total = x->type.bits / 8;
            r.what = SF_MEM_STRING;
            r.at = x->loc;
        }
        return r;
    case PTRCHECK_E_COMPOUND_LITERAL:
        if (x->type.kind == PTRCHECK_T_ARRAY && x->type.bits) {
            r.known = 1;
            r.total = x->type.bits / 8;
            r.what = SF_MEM_COMPOUND;
            r.at = x->loc;
        }
        return r;
    case PTRCHECK_E_CALL: {
        if (!is_alloc_fn(x->name) || x->nkids < 2)
            return r;
        ival_t a = eval_int(c, x->kids[1], depth + 1);
        ival_t b = {1, 1};
        if (strcmp(x->name, "calloc") == 0 && x->nkids >= 3)
            b = eval_int(c, x->kids[2], depth + 1);
        else if (strcmp(x->name, "realloc") == 0 && x->nkids >= 3)
            a = eval_int(c, x->kids[2], depth + 1);
        else if (strcmp(x->name, "aligned_alloc") == 0 && x->nkids >= 3)
            a = eval_int(c, x->kids[2], depth + 1);
        if (!a.known || !b.known || a.v <= 0 || b.v <= 0)
            return r;
        r.known = 1;
        r.total = (unsigned long long)a.v * (unsigned long long)b.v;
        char buf[300];
        snprintf(buf, sizeof buf, SF_MEM_BLOCK, x->name);
        r.what = ptrcheck_engine_intern(c->e, buf);
        r.at = x->loc;
        r.at_is_alloc = 1;
        return r;
    }
    case PTRCHECK_E_UNARY:
        if (x->op == PTRCHECK_OP_ADDROF && x->nkids == 1) {
            const ptrcheck_expr_t *o = x->kids[0];
            if (o && o->kind == PTRCHECK_E_SUBSCRIPT && o->nkids == 2) {
                dval_t b = eval_data(c, o->kids[0], depth + 1);
                ival_t i = eval_int(c, o->kids[1], depth + 1);
                if (!b.known || b.is_null || !i.known || !o->type.bits)
                    return r;
                b.offset += i.v * (long long)(o->type.bits / 8);
                return b;
            }
            if (o && o->kind == PTRCHECK_E_DECLREF && o->type.bits &&
                (o->decl_kind == PTRCHECK_D_LOCAL || o->decl_kind == PTRCHECK_D_STATIC_LOCAL ||
                 o->decl_kind == PTRCHECK_D_GLOBAL || o->decl_kind == PTRCHECK_D_PARAM) &&
                o->type.kind != PTRCHECK_T_RECORD) {
                r.known = 1;
                r.total = o->type.bits / 8;
                r.what = quoted(c->e, o->name);
                r.at = o->decl_loc;
                return r;
            }
        }
        return r;
    case PTRCHECK_E_BINARY:
        if ((x->op == PTRCHECK_OP_ADD || x->op == PTRCHECK_OP_SUB) && x->nkids == 2 &&
            x->type.kind == PTRCHECK_T_POINTER && x->type.pointee_bytes) {
            int pi = strip(x->kids[0], 0) && strip(x->kids[0], 0)->type.kind == PTRCHECK_T_INT ? 1 : 0;
            if (x->op == PTRCHECK_OP_SUB && pi)
                return r;
            dval_t b = eval_data(c, x->kids[pi], depth + 1);
            ival_t i = eval_int(c, x->kids[1 - pi], depth + 1);
            if (!b.known || b.is_null || !i.known)
                return r;
            b.offset += (x->op == PTRCHECK_OP_ADD ? i.v : -i.v) * (long long)x->type.pointee_bytes;
            return b;
        }
        return r;
    default:
        return r;
    }
}

/* ------------------------------------------------------------------ the invariant */

typedef struct finding_s {
    char msg[512];
    char note[256];
    ptrcheck_loc_t note_loc;
} finding_t;

/* len or cap (k = 0 / 1) larger than the memory behind data: 1 and a message. */
static int exceeds(const ptrcheck_slice_layout_t *l, const header_t *h, int k, finding_t *f)
{
    const ival_t *val = k == 0 ? &h->len : l->has_cap ? &h->cap : NULL;
    const char *name = k == 0 ? l->len_name : l->cap_name;
    if (!h->data.known || !val || !val->known || val->v <= 0)
        return 0;
    char what[200];
    sf_amount(what, sizeof what, l, name, val->v);
    if (h->data.is_null) {
        size_t at = sf_header(f->msg, sizeof f->msg, l->display);
        snprintf(f->msg + at, sizeof f->msg - at, SF_CLAIM_NULL_DATA, what, l->data_name);
        return 1;
    }
    long long avail = (long long)h->data.total - h->data.offset;
    if (h->data.offset < 0 || avail < 0)
        return 0; /* data outside its object: not this check's business */
    if (val->v * (long long)l->elem_bytes <= avail)
        return 0;
    size_t at = sf_header(f->msg, sizeof f->msg, l->display);
    sf_claim_exceeds(f->msg + at, sizeof f->msg - at, l, what, h->data.total, h->data.offset, h->data.what);
    if (h->data.at.file || h->data.at.raw) {
        f->note_loc = h->data.at;
        if (h->data.at_is_alloc)
            snprintf(f->note, sizeof f->note, SF_NOTE_ALLOCATED, h->data.total);
        else
            snprintf(f->note, sizeof f->note, SF_NOTE_HAS_BYTES, h->data.what, h->data.total);
    }
    return 1;
}

/* 1 and a message when h breaks len <= cap <= bytes behind data. */
static int broken(const ptrcheck_slice_layout_t *l, const header_t *h, finding_t *f)
{
    memset(f, 0, sizeof *f);
    if (exceeds(l, h, 0, f))
        return 1;
    if (h->len.known && h->cap.known && l->has_cap && h->len.v > h->cap.v && h->cap.v >= 0) {
        size_t at = sf_header(f->msg, sizeof f->msg, l->display);
        snprintf(f->msg + at, sizeof f->msg - at, SF_CLAIM_LEN_OVER_CAP, l->len_name, h->len.v, l->cap_name,
                 h->cap.v);
        return 1;
    }
    return exceeds(l, h, 1, f);
}

static void report(ptrcheck_engine_t *e, ptrcheck_loc_t loc, const finding_t *f)
{
    ptrcheck_diag_t *d = ptrcheck_diag_create(PTRCHECK_SLICE_FORGE, loc, PTRCHECK_LAYER_AST, "%s", f->msg);
    if (!d)
        return;
    if (f->note[0])
        ptrcheck_diag_add_note(d, f->note_loc, "%s", f->note);
    ptrcheck_engine_report(e, d);
}

static void flush_pending(ptrcheck_engine_t *e, sf_state_t *st)
{
    if (!st->pending.active)
        return;
    finding_t f;
    st->pending.active = 0;
    if (broken(&st->pending.t->lay, &st->pending.h, &f))
        report(e, st->pending.loc, &f);
}

static void reset_function(ptrcheck_engine_t *e, sf_state_t *st, const char *fn)
{
    flush_pending(e, st);
    for (size_t i = 0; i < st->nvars; i++)
        free_var(&st->vars[i]);
    st->nvars = 0;
    st->fn = fn;
}

/* A broken local header is reported once the writes right after it have had a chance to mend it. */
static void check_var(const ctx_t *c, var_t *v, ptrcheck_loc_t loc)
{
    finding_t f;
    if (broken(&v->t->lay, &v->h, &f)) {
        c->st->pending.active = 1;
        c->st->pending.decl = v->decl;
        c->st->pending.loc = loc;
        c->st->pending.t = v->t;
        c->st->pending.h = v->h;
    } else if (c->st->pending.active && same_loc(c->st->pending.decl, v->decl)) {
        c->st->pending.active = 0;
    }
}

/* ------------------------------------------------------------------ symbolic len > cap */

static int has_side_effects(const ptrcheck_expr_t *x)
{
    if (!x)
        return 0;
    if (x->kind == PTRCHECK_E_CALL || (x->kind == PTRCHECK_E_BINARY && x->op == PTRCHECK_OP_ASSIGN) ||
        (x->kind == PTRCHECK_E_UNARY && x->op >= PTRCHECK_OP_PREINC))
        return 1;
    for (unsigned i = 0; i < x->nkids; i++)
        if (has_side_effects(x->kids[i]))
            return 1;
    return 0;
}

static int same_expr(const ptrcheck_expr_t *a, const ptrcheck_expr_t *b)
{
    a = strip(a, 0);
    b = strip(b, 0);
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind || a->op != b->op || a->cast != b->cast || a->nkids != b->nkids)
        return 0;
    if (a->kind == PTRCHECK_E_INT && a->value != b->value)
        return 0;
    if ((a->name || b->name) && (!a->name || !b->name || strcmp(a->name, b->name) != 0))
        return 0;
    if (a->kind == PTRCHECK_E_DECLREF && !same_loc(a->decl_loc, b->decl_loc))
        return 0;
    if (a->kind != PTRCHECK_E_DECLREF && a->kind != PTRCHECK_E_MEMBER && a->kind != PTRCHECK_E_CAST &&
        a->kind != PTRCHECK_E_BINARY && a->kind != PTRCHECK_E_UNARY && a->kind != PTRCHECK_E_INT)
        return 0;
    for (unsigned i = 0; i < a->nkids; i++)
        if (!same_expr(a->kids[i], b->kids[i]))
            return 0;
    return 1;
}

/* x = base + k with k constant (k = 0 when x has no constant term). */
static const ptrcheck_expr_t *affine(const ptrcheck_expr_t *x, long long *k)
{
    *k = 0;
    for (unsigned guard = 0; x && guard < 16; guard++) {
        x = strip(x, 0);
        if (x->kind == PTRCHECK_E_BINARY && x->nkids == 2 && (x->op == PTRCHECK_OP_ADD || x->op == PTRCHECK_OP_SUB)) {
            const ptrcheck_expr_t *r = strip(x->kids[1], 0);
            const ptrcheck_expr_t *l = strip(x->kids[0], 0);
            if (r->has_value && !reads_variable(r)) {
                *k += x->op == PTRCHECK_OP_ADD ? r->value : -r->value;
                x = x->kids[0];
                continue;
            }
            if (x->op == PTRCHECK_OP_ADD && l->has_value && !reads_variable(l)) {
                *k += l->value;
                x = x->kids[1];
                continue;
            }
        }
        break;
    }
    return x;
}

/* Member `m` reads field `field` of the same object as `obj` (a declref, or the pointer of p->f). */
static int member_of_object(const ptrcheck_expr_t *m, const char *field, const ptrcheck_expr_t *obj)
{
    m = strip(m, 1);
    if (!m || m->kind != PTRCHECK_E_MEMBER || !m->name || !field || strcmp(m->name, field) != 0 || m->nkids != 1)
        return 0;
    const ptrcheck_expr_t *b = strip(m->kids[0], 1);
    const ptrcheck_expr_t *o = strip(obj, 1);
    return b && o && b->kind == PTRCHECK_E_DECLREF && o->kind == PTRCHECK_E_DECLREF && same_loc(b->decl_loc, o->decl_loc);
}

static void text_of(char *buf, size_t size, const ptrcheck_expr_t *x, const char *fallback)
{
    x = strip(x, 1);
    if (x && x->text && strlen(x->text) < 80)
        snprintf(buf, size, "%s", x->text);
    else if (x && (x->kind == PTRCHECK_E_DECLREF || x->kind == PTRCHECK_E_MEMBER) && x->name)
        snprintf(buf, size, "%s", x->name);
    else
        snprintf(buf, size, "%s", fallback);
}

/* ------------------------------------------------------------------ facts */

/* {msg, sizeof(msg)}: a length that is the size of the data pointer itself. */
static int sizeof_pointer(ptrcheck_engine_t *e, const ptrcheck_slice_layout_t *l, const ptrcheck_expr_t *data,
                          const ptrcheck_expr_t *n, const char *field, ptrcheck_loc_t loc)
{
    const ptrcheck_expr_t *s = strip(n, 0);
    const ptrcheck_expr_t *d = strip(data, 1);
    if (!s || !d || s->kind != PTRCHECK_E_SIZEOF || !s->name || !s->has_value)
        return 0;
    if (d->kind != PTRCHECK_E_DECLREF || d->type.kind != PTRCHECK_T_POINTER || !same_loc(d->decl_loc, s->decl_loc))
        return 0;
    ptrcheck_diag_t *dg = ptrcheck_diag_create(PTRCHECK_SLICE_FORGE, loc, PTRCHECK_LAYER_AST, SF_MSG_SIZEOF_POINTER,
                                               l->display, field, s->name, s->value);
    if (dg) {
        ptrcheck_diag_add_note(dg, d->decl_loc, SF_NOTE_DECLARED_POINTER, d->name);
        ptrcheck_engine_report(e, dg);
    }
    return 1;
}

static void on_init(const ctx_t *c, const stype_t *t, const ptrcheck_record_write_t *w, var_t **tracked)
{
    const ptrcheck_slice_layout_t *l = &t->lay;
    const ptrcheck_expr_t *data = w->values ? w->values[t->data_idx] : NULL;
    const ptrcheck_expr_t *len = w->values ? w->values[t->len_idx] : NULL;
    const ptrcheck_expr_t *cap = w->values && t->cap_idx >= 0 ? w->values[t->cap_idx] : NULL;
    header_t h;
    memset(&h, 0, sizeof h);
    if (data)
        h.data = eval_data(c, data, 0);
    else
        h.data.known = h.data.is_null = 1;
    if (len)
        h.len = eval_int(c, len, 0);
    else
        h.len.known = 1;
    if (t->cap_idx >= 0) {
        if (cap)
            h.cap = eval_int(c, cap, 0);
        else
            h.cap.known = 1;
    }
    int reported = 0;
    if (data && len)
        reported |= sizeof_pointer(c->e, l, data, len, l->len_name, w->loc);
    if (!reported && data && cap)
        reported |= sizeof_pointer(c->e, l, data, cap, l->cap_name, w->loc);
    if (!reported && len && cap && !(h.len.known && h.cap.known) && !has_side_effects(len) && !has_side_effects(cap)) {
        long long kl, kc;
        const ptrcheck_expr_t *bl = affine(len, &kl), *bc = affine(cap, &kc);
        if (kl > kc && same_expr(bl, bc)) {
            finding_t f;
            memset(&f, 0, sizeof f);
            snprintf(f.msg, sizeof f.msg, SF_MSG_ALWAYS_MORE, l->display,
                     l->len_name, l->cap_name, l->len_name, kl - kc, l->cap_name);
            report(c->e, w->loc, &f);
            reported = 1;
        }
    }
    const ptrcheck_expr_t *obj = w->object;
    if (obj && obj->kind == PTRCHECK_E_DECLREF && obj->decl_kind == PTRCHECK_D_LOCAL && !w->via_pointer &&
        !c->flow->unordered) {
        *tracked = set_var(c, obj->decl_loc, t, &h);
        if (*tracked && !reported)
            check_var(c, *tracked, w->loc);
        return;
    }
    finding_t f;
    if (!reported && broken(l, &h, &f))
        report(c->e, w->loc, &f);
}

static void on_field(const ctx_t *c, const stype_t *t, const ptrcheck_record_write_t *w)
{
    const ptrcheck_slice_layout_t *l = &t->lay;
    const ptrcheck_expr_t *x = w->value;
    int which = (int)w->field == t->data_idx ? 0 : (int)w->field == t->len_idx ? 1 : (int)w->field == t->cap_idx ? 2 : -1;
    const ptrcheck_expr_t *obj = w->object;
    int local = obj && obj->kind == PTRCHECK_E_DECLREF && obj->decl_kind == PTRCHECK_D_LOCAL && !w->via_pointer;
    if (which < 0 || !x)
        return;
    /* s->len = s->cap + k: len > cap whatever cap is */
    if (obj && which >= 1 && l->has_cap && x->kind == PTRCHECK_E_BINARY && x->op == PTRCHECK_OP_ASSIGN &&
        x->compound_op == PTRCHECK_OP_NONE && x->nkids == 2 && !has_side_effects(x->kids[1])) {
        long long k;
        const ptrcheck_expr_t *b = affine(x->kids[1], &k);
        const char *other = which == 1 ? l->cap_name : l->len_name;
        if ((which == 1 ? k > 0 : k < 0) && member_of_object(b, other, obj)) {
            finding_t f;
            memset(&f, 0, sizeof f);
            snprintf(f.msg, sizeof f.msg, SF_MSG_FIELD_SET, l->display,
                     which == 1 ? l->len_name : l->cap_name, other, k < 0 ? '-' : '+', k < 0 ? -k : k, l->len_name,
                     l->cap_name);
            report(c->e, w->loc, &f);
            if (local) {
                var_t *v = find_var(c->st, obj->decl_loc);
                if (v)
                    drop_var(c->st, v);
            }
            return;
        }
    }
    if (!local || c->flow->unordered)
        return;
    var_t *v = usable_var(c, obj->decl_loc);
    header_t h;
    if (v)
        h = v->h;
    else
        memset(&h, 0, sizeof h);
    /* the new value of the field */
    if (x->kind == PTRCHECK_E_BINARY && x->op == PTRCHECK_OP_ASSIGN && x->nkids == 2) {
        if (which == 0) {
            dval_t d;
            if (x->compound_op == PTRCHECK_OP_NONE) {
                d = eval_data(c, x->kids[1], 0);
            } else {
                ival_t n = eval_int(c, x->kids[1], 0);
                d = h.data;
                if (!d.known || d.is_null || !n.known || !x->type.pointee_bytes ||
                    (x->compound_op != PTRCHECK_OP_ADD && x->compound_op != PTRCHECK_OP_SUB))
                    memset(&d, 0, sizeof d);
                else
                    d.offset += (x->compound_op == PTRCHECK_OP_ADD ? n.v : -n.v) * (long long)x->type.pointee_bytes;
            }
            h.data = d;
        } else {
            ival_t *dst = which == 1 ? &h.len : &h.cap;
            ival_t n = eval_int(c, x->kids[1], 0);
            if (x->compound_op == PTRCHECK_OP_NONE) {
                *dst = n;
            } else if (dst->known && n.known && (x->compound_op == PTRCHECK_OP_ADD || x->compound_op == PTRCHECK_OP_SUB)) {
                dst->v += x->compound_op == PTRCHECK_OP_ADD ? n.v : -n.v;
            } else {
                dst->known = 0;
            }
        }
    } else if (x->kind == PTRCHECK_E_UNARY && x->op >= PTRCHECK_OP_PREINC) {
        int inc = x->op == PTRCHECK_OP_PREINC || x->op == PTRCHECK_OP_POSTINC;
        if (which == 0) {
            if (h.data.known && !h.data.is_null && x->type.pointee_bytes)
                h.data.offset += (inc ? 1 : -1) * (long long)x->type.pointee_bytes;
            else
                memset(&h.data, 0, sizeof h.data);
        } else {
            ival_t *dst = which == 1 ? &h.len : &h.cap;
            if (dst->known)
                dst->v += inc ? 1 : -1;
        }
    } else {
        return;
    }
    v = set_var(c, obj->decl_loc, t, &h);
    if (v)
        check_var(c, v, w->loc);
}

static void on_copy(const ctx_t *c, const stype_t *t, const ptrcheck_record_write_t *w)
{
    const ptrcheck_expr_t *obj = w->object;
    if (!obj || obj->kind != PTRCHECK_E_DECLREF || obj->decl_kind != PTRCHECK_D_LOCAL || w->via_pointer)
        return;
    const ptrcheck_expr_t *src = strip(w->value, 1);
    var_t *from = NULL;
    if (!c->flow->unordered && src && src->kind == PTRCHECK_E_DECLREF && src->decl_kind == PTRCHECK_D_LOCAL)
        from = usable_var(c, src->decl_loc);
    if (from) {
        header_t h = from->h;
        set_var(c, obj->decl_loc, t, &h);
        return;
    }
    var_t *v = find_var(c->st, obj->decl_loc);
    if (v)
        drop_var(c->st, v);
}

static void on_record_write(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_record_write_t *w)
{
    sf_state_t *st = state_of(e);
    if (!st || !w->record)
        return;
    const stype_t *t = type_of(st, w->record);
    if (!t)
        return;
    const char *fname = fn ? fn->name : NULL;
    if (fname != st->fn)
        reset_function(e, st, fname);
    static const ptrcheck_flow_t none = {NULL, 0, 0};
    ctx_t c = {e, st, &w->flow};
    if (!fname)
        c.flow = &none;
    /* a pending broken header that this write does not continue to mend is reported now */
    if (st->pending.active) {
        const ptrcheck_expr_t *o = w->object;
        var_t *pv = find_var(st, st->pending.decl);
        int continues = w->kind == PTRCHECK_RW_FIELD && o && o->kind == PTRCHECK_E_DECLREF && !w->via_pointer &&
                        same_loc(o->decl_loc, st->pending.decl) && pv && same_arms(pv->arms, pv->narms, c.flow);
        if (!continues)
            flush_pending(e, st);
    }
    var_t *tracked = NULL;
    switch (w->kind) {
    case PTRCHECK_RW_INIT: on_init(&c, t, w, &tracked); break;
    case PTRCHECK_RW_FIELD: on_field(&c, t, w); break;
    case PTRCHECK_RW_COPY: on_copy(&c, t, w); break;
    case PTRCHECK_RW_ESCAPE: {
        const ptrcheck_expr_t *o = w->object;
        var_t *v = o && o->kind == PTRCHECK_E_DECLREF ? find_var(st, o->decl_loc) : NULL;
        if (v)
            drop_var(st, v);
        break;
    }
    }
}

static void on_function_end(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn)
{
    sf_state_t *st = ptrcheck_engine_check_state(e, PTRCHECK_SLICE_FORGE);
    if (st)
        reset_function(e, st, NULL);
}

/* Is the pointer operand of `(char *)obj + off` (or `- off`), through the casts to a byte pointer,
 * a pointer to something other than bytes (a record, void, a pointer)?  That is byte addressing
 * into obj (a field reached through an offset table, `(T *)((char *)r + offsetof(...))`): the
 * memory is obj's, as for `(T *)obj` itself, not raw bytes. */
static int byte_offset_into_object(const ptrcheck_expr_t *src)
{
    if (!src || src->kind != PTRCHECK_E_BINARY || src->nkids != 2 ||
        (src->op != PTRCHECK_OP_ADD && src->op != PTRCHECK_OP_SUB))
        return 0;
    const ptrcheck_expr_t *base = src->kids[0];
    if (base && base->type.kind != PTRCHECK_T_POINTER && src->op == PTRCHECK_OP_ADD)
        base = src->kids[1]; /* off + (char *)obj */
    for (unsigned guard = 0; base && guard < 8; guard++) {
        if (base->kind == PTRCHECK_E_DECLREF && base->init) { /* char *p = conf; unchanged after */
            base = base->init;
            continue;
        }
        if (base->kind != PTRCHECK_E_CAST || base->nkids != 1)
            return 0;
        const ptrcheck_expr_t *from = base->kids[0];
        if (!from || (base->cast != PTRCHECK_C_PTR_TO_PTR && base->cast != PTRCHECK_C_LVALUE))
            return 0;
        if (base->cast == PTRCHECK_C_PTR_TO_PTR && from->type.kind == PTRCHECK_T_POINTER &&
            from->type.pointee_kind != PTRCHECK_T_INT && from->type.pointee_kind != PTRCHECK_T_FLOAT &&
            from->type.pointee_kind != PTRCHECK_T_OTHER)
            return 1;
        base = from;
    }
    return 0;
}

/* (GoSlice *)bytes, memcpy(&s, bytes, n) */
static void on_reinterpret(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_srecord_t *rec,
                           const ptrcheck_expr_t *x)
{
    sf_state_t *st = state_of(e);
    const stype_t *t = st && rec ? type_of(st, rec) : NULL;
    if (!t || !x)
        return;
    const ptrcheck_expr_t *src = NULL;
    int via_memcpy = 0;
    if (x->kind == PTRCHECK_E_CAST && x->nkids == 1) {
        src = x->kids[0];
    } else if (x->kind == PTRCHECK_E_CALL && x->nkids >= 3) {
        src = x->kids[2];
        via_memcpy = 1;
    }
    /* the source as written, before conversion to void * */
    while (src && src->kind == PTRCHECK_E_CAST && src->implicit && src->nkids == 1 &&
           (src->cast == PTRCHECK_C_PTR_TO_PTR || src->cast == PTRCHECK_C_DECAY))
        src = src->kids[0];
    if (!src || byte_offset_into_object(src))
        return;
    const char *raw = NULL;
    if (src->kind == PTRCHECK_E_STRING || (src->type.kind == PTRCHECK_T_ARRAY && src->type.pointee_kind == PTRCHECK_T_INT))
        raw = src->type.pointee_spelling ? src->type.pointee_spelling : "char";
    else if (src->type.kind == PTRCHECK_T_POINTER &&
             (src->type.pointee_kind == PTRCHECK_T_INT || src->type.pointee_kind == PTRCHECK_T_FLOAT))
        raw = src->type.pointee_spelling;
    if (!raw)
        return;
    const ptrcheck_slice_layout_t *l = &t->lay;
    char what[300];
    text_of(what, sizeof what, src,
            strip(src, 1)->kind == PTRCHECK_E_STRING ? SF_REINTERPRET_SOURCE_STRING : SF_REINTERPRET_SOURCE_OTHER);
    ptrcheck_diag_t *d;
    if (via_memcpy)
        d = ptrcheck_diag_create(PTRCHECK_SLICE_FORGE, x->loc, PTRCHECK_LAYER_AST, SF_MSG_MEMCPY_RAW, l->display, raw,
                                 what, l->data_name, l->len_name);
    else
        d = ptrcheck_diag_create(PTRCHECK_SLICE_FORGE, x->loc, PTRCHECK_LAYER_AST, SF_MSG_REINTERPRET_RAW, l->display,
                                 raw, what, l->data_name, l->len_name);
    if (d)
        ptrcheck_engine_report(e, d);
    (void)fn;
}

const ptrcheck_ast_hooks_t ptrcheck_slice_forge_ast_hooks = {
    .on_record = on_record,
    .on_record_write = on_record_write,
    .on_reinterpret = on_reinterpret,
    .on_function_end = on_function_end,
};
