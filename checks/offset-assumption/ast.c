/* ptrcheck-offset-assumption: a hard-coded byte offset into a struct (`*(T *)((char *)p + 24)`,
 * `memcpy(d, (char *)p + 24, n)`, literal container_of arithmetic `(struct S *)((char *)m - 8)`) or a
 * static assertion on offsetof/sizeof/_Alignof of a record that is right on the compiling target but
 * wrong on another configured target.
 *
 * Layouts per configured target come from the `layout-tables:` files when they have the record, else
 * they are computed from the adapter's target-neutral description (plugin/engine/layout_compute.c),
 * once per record and TU, and only for records that appear in a candidate.  The compiling target's
 * layout is clang's own (carried in the description).  Linked from ptrcheck_layout (it needs the
 * table model), not ptrcheck_core. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptrcheck_private/hooks.h"
#include "ptrcheck_private/util.h"
#include "ptrcheck/layout_compute.h"
#include "messages.h"

/* ---------------------------------------------------------------- per-TU state */

typedef struct oa_target_s {
    const char *triple;                    /* configured triple (owned by the config) */
    ptrcheck_abi_t abi;
    int have_abi;
    const ptrcheck_layout_target_t *table; /* from layout-tables, or NULL */
    ptrcheck_layout_target_t *computed;
} oa_target_t;

typedef struct oa_entry_s {
    const ptrcheck_layout_record_t **per; /* [ntargets + 1]; the last one is the compiling target */
} oa_entry_t;

typedef struct oa_state_s {
    ptrcheck_layout_table_t *tables;   /* merged layout-tables; NULL when none */
    ptrcheck_layout_table_t *computed; /* computed layouts: one target per configured triple + "here" */
    ptrcheck_layout_target_t *here;
    oa_target_t *targets;
    size_t ntargets;
    ptrcheck_strmap_t cache;           /* record id -> oa_entry_t */
} oa_state_t;

static void free_entry(void *p)
{
    oa_entry_t *en = p;
    if (!en)
        return;
    free(en->per);
    free(en);
}

static void state_destroy(void *p)
{
    oa_state_t *st = p;
    if (!st)
        return;
    ptrcheck_strmap_fini(&st->cache, free_entry);
    ptrcheck_layout_table_destroy(st->tables);
    ptrcheck_layout_table_destroy(st->computed);
    free(st->targets);
    free(st);
}

static oa_state_t *state_create(ptrcheck_engine_t *e, const char *here_triple)
{
    const ptrcheck_config_t *cfg = ptrcheck_engine_config(e);
    oa_state_t *st = calloc(1, sizeof *st);
    size_t i;

    if (!st)
        return NULL;
    ptrcheck_strmap_init(&st->cache);
    st->computed = ptrcheck_layout_table_create();
    st->targets = calloc(cfg->ntargets ? cfg->ntargets : 1, sizeof *st->targets);
    if (!st->computed || !st->targets)
        goto fail;
    for (i = 0; i < cfg->ntargets; i++) {
        oa_target_t *t;
        if (!ptrcheck_engine_target_in_scope(e, cfg->targets[i]))
            continue; /* a Windows default target in a TU that shows no Windows intent */
        t = &st->targets[st->ntargets++];
        t->triple = cfg->targets[i];
        t->have_abi = ptrcheck_abi_for_triple(t->triple, &t->abi);
        t->computed = ptrcheck_layout_table_add_target(st->computed, t->triple);
        if (!t->computed)
            goto fail;
    }
    st->here = ptrcheck_layout_table_add_target(st->computed, here_triple && *here_triple ? here_triple : "(here)");
    if (!st->here)
        goto fail;
    ptrcheck_engine_set_check_state(e, PTRCHECK_OFFSET_ASSUMPTION, st, state_destroy);
    return st;
fail:
    state_destroy(st);
    return NULL;
}

static oa_state_t *state_get(ptrcheck_engine_t *e)
{
    oa_state_t *st = ptrcheck_engine_check_state(e, PTRCHECK_OFFSET_ASSUMPTION);
    return st ? st : state_create(e, NULL);
}

/* Line and column of `triple: <triple>` in a table file, for the unconfigured-target warning. */
static void find_triple(const char *path, const char *triple, unsigned *line, unsigned *col)
{
    char buf[1024];
    unsigned n = 0;
    FILE *fp = fopen(path, "r");

    *line = *col = 0;
    if (!fp)
        return;
    while (fgets(buf, sizeof buf, fp)) {
        char *k = strstr(buf, "triple:"), *v;
        n++;
        if (!k || !(v = strstr(k, triple)))
            continue;
        *line = n;
        *col = (unsigned)(v - buf) + 1;
        break;
    }
    fclose(fp);
}

static void report_error(ptrcheck_engine_t *e, const ptrcheck_error_t *err, const char *fallback_file)
{
    ptrcheck_loc_t loc = {0};
    ptrcheck_diag_t *d;

    loc.file = ptrcheck_engine_intern(e, err->file[0] ? err->file : fallback_file);
    loc.line = err->line;
    loc.col = err->col;
    if (!loc.line) {
        d = ptrcheck_diag_create(PTRCHECK_OFFSET_ASSUMPTION, loc, PTRCHECK_LAYER_AST, OA_MSG_TABLE_ERROR,
                                 loc.file ? loc.file : "?", err->message);
    } else {
        d = ptrcheck_diag_create(PTRCHECK_OFFSET_ASSUMPTION, loc, PTRCHECK_LAYER_AST, "%s", err->message);
    }
    if (d) {
        d->is_error = 1;
        ptrcheck_engine_report(e, d);
    }
}

static void tu_begin(ptrcheck_engine_t *e, const char *triple)
{
    const ptrcheck_config_t *cfg = ptrcheck_engine_config(e);
    oa_state_t *st = ptrcheck_engine_check_state(e, PTRCHECK_OFFSET_ASSUMPTION);
    size_t i, j, k;

    if (st)
        return; /* once per TU */
    st = state_create(e, triple);
    if (!st || !cfg->nlayout_tables)
        return;
    for (i = 0; i < cfg->nlayout_tables; i++) {
        ptrcheck_layout_table_t *t = NULL;
        ptrcheck_error_t err;

        ptrcheck_error_clear(&err);
        if (!ptrcheck_layout_table_load(cfg->layout_tables[i], &t, &err)) {
            report_error(e, &err, cfg->layout_tables[i]);
            continue;
        }
        for (j = 0; j < ptrcheck_layout_table_ntargets(t); j++) {
            const char *tt = ptrcheck_layout_target_triple(ptrcheck_layout_table_target_at(t, j));
            int configured = 0;
            for (k = 0; k < cfg->ntargets; k++)
                configured |= ptrcheck_layout_triple_equal(tt, cfg->targets[k]);
            if (!configured) {
                ptrcheck_loc_t loc = {0};
                ptrcheck_diag_t *d;
                loc.file = ptrcheck_engine_intern(e, cfg->layout_tables[i]);
                find_triple(cfg->layout_tables[i], tt, &loc.line, &loc.col);
                d = ptrcheck_diag_create(PTRCHECK_OFFSET_ASSUMPTION, loc, PTRCHECK_LAYER_AST,
                                         OA_MSG_TABLE_TARGET_UNUSED, tt);
                if (d)
                    ptrcheck_engine_report(e, d);
            }
        }
        if (!st->tables) {
            st->tables = t;
            continue;
        }
        if (!ptrcheck_layout_table_merge(st->tables, t, &err))
            report_error(e, &err, cfg->layout_tables[i]);
        ptrcheck_layout_table_destroy(t);
    }
    for (k = 0; st->tables && k < st->ntargets; k++)
        st->targets[k].table = ptrcheck_layout_table_find_target(st->tables, st->targets[k].triple);
}

/* 1 when r's layout on another target cannot be known from this preprocessing: a conditional inside
 * its definition (or a nested record's), a field of a project integer typedef or with an array bound
 * computed from sizeof.  Only a layout table can tell then. */
static int unknown_elsewhere(const ptrcheck_rdesc_t *r, unsigned depth)
{
    unsigned i;
    if (!r || depth > 32)
        return 1;
    if (r->has_conditional)
        return 1;
    for (i = 0; i < r->nfields; i++) {
        if (r->fields[i].per_target_unknown)
            return 1;
        if (r->fields[i].record && unknown_elsewhere(r->fields[i].record, depth + 1))
            return 1;
    }
    return 0;
}

/* The layouts of r on every configured target (NULL where unknown) and, last, on the compiling target. */
static const ptrcheck_layout_record_t *const *layouts_of(oa_state_t *st, const ptrcheck_rdesc_t *r)
{
    char key[40];
    ptrcheck_strmap_entry_t *ent;
    oa_entry_t *en;
    ptrcheck_error_t err;
    size_t i;
    int is_new = 0, unknown;

    snprintf(key, sizeof key, "#%llx", (unsigned long long)r->id);
    ent = ptrcheck_strmap_insert(&st->cache, key, &is_new);
    if (!ent)
        return NULL;
    if (!is_new)
        return ent->value ? (const ptrcheck_layout_record_t *const *)((oa_entry_t *)ent->value)->per : NULL;
    en = calloc(1, sizeof *en);
    if (en)
        en->per = calloc(st->ntargets + 1, sizeof *en->per);
    if (!en || !en->per) {
        free_entry(en);
        return NULL;
    }
    ent->value = en;
    unknown = unknown_elsewhere(r, 0);
    for (i = 0; i < st->ntargets; i++) {
        oa_target_t *t = &st->targets[i];
        ptrcheck_error_clear(&err);
        if (t->table && r->name)
            en->per[i] = ptrcheck_layout_target_find_record(t->table, r->name);
        if (!en->per[i] && t->have_abi && !unknown)
            en->per[i] = ptrcheck_layout_add_described(t->computed, key, &t->abi, r, &err);
    }
    ptrcheck_error_clear(&err);
    en->per[st->ntargets] = ptrcheck_layout_add_described(st->here, key, NULL, r, &err);
    return en->per;
}

/* ---------------------------------------------------------------- grouping targets by outcome */

#define OA_MAX_GROUPS 8

typedef struct oa_groups_s {
    char what[OA_MAX_GROUPS][160];
    char where[OA_MAX_GROUPS][512];
    size_t n;
    size_t bad;
} oa_groups_t;

static void group_add(oa_groups_t *g, const char *what, const char *triple)
{
    size_t i, len;

    g->bad++;
    for (i = 0; i < g->n; i++)
        if (!strcmp(g->what[i], what))
            break;
    if (i == g->n) {
        if (g->n == OA_MAX_GROUPS)
            return;
        snprintf(g->what[i], sizeof g->what[i], "%s", what);
        g->where[i][0] = '\0';
        g->n++;
    }
    len = strlen(g->where[i]);
    snprintf(g->where[i] + len, sizeof g->where[i] - len, "%s%s", len ? OA_TARGET_SEP : "", triple);
}

/* "lands in padding on A, B and is field 'x' on C" */
static void groups_text(const oa_groups_t *g, char *out, size_t size)
{
    size_t i, len = 0;

    out[0] = '\0';
    for (i = 0; i < g->n && len < size; i++) {
        int n = snprintf(out + len, size - len, OA_ON_TARGETS, i ? OA_AND : "", g->what[i], g->where[i]);
        if (n < 0)
            break;
        len += (size_t)n;
    }
}

static const char *rec_name(const ptrcheck_rdesc_t *r) { return r->name ? r->name : OA_ANONYMOUS_RECORD; }

/* ---------------------------------------------------------------- byte offsets */

/* sizeof, _Alignof and offsetof adapt to every target: an offset built from them is not a
 * hard-coded assumption. */
static int target_adaptive(const ptrcheck_expr_t *x, unsigned depth)
{
    if (!x || depth > 32)
        return 0;
    if (x->kind == PTRCHECK_E_SIZEOF || x->kind == PTRCHECK_E_OFFSETOF)
        return 1;
    /* a variable (`const size_t ss = sizeof(struct sockaddr_in6); p + ss`) holds whatever it was
     * computed from: not a literal written against one layout */
    if (x->kind == PTRCHECK_E_DECLREF && x->decl_kind != PTRCHECK_D_ENUMERATOR)
        return 1;
    for (unsigned i = 0; i < x->nkids; i++)
        if (target_adaptive(x->kids[i], depth + 1))
            return 1;
    return 0;
}

/* Sums the constant byte offsets down the chain of additions and subtractions.  *lit is the single
 * literal when the offset is written as exactly one integer literal outside macros. */
static int sum_offset(const ptrcheck_expr_t *x, long long *sum, const ptrcheck_expr_t **lit)
{
    int nlits = 0, other = 0;

    *sum = 0;
    *lit = NULL;
    while (x && x->kind == PTRCHECK_E_BINARY && (x->op == PTRCHECK_OP_ADD || x->op == PTRCHECK_OP_SUB) &&
           x->nkids == 2 && x->kids[0] && x->kids[1]) {
        const ptrcheck_expr_t *ptr = x->kids[0]->type.kind == PTRCHECK_T_POINTER ? x->kids[0] : x->kids[1];
        const ptrcheck_expr_t *num = ptr == x->kids[0] ? x->kids[1] : x->kids[0];
        if (!num->has_value || (x->op == PTRCHECK_OP_SUB && num == x->kids[0]) || target_adaptive(num, 0))
            return 0;
        *sum += x->op == PTRCHECK_OP_SUB ? -num->value : num->value;
        if (num->kind == PTRCHECK_E_INT && !num->in_macro && num->begin.raw && num->end.raw) {
            nlits++;
            *lit = num;
        } else {
            other++;
        }
        x = ptr;
    }
    if (nlits != 1 || other)
        *lit = NULL;
    return x && x->kind == PTRCHECK_E_CAST;
}

typedef enum { M_FIELD, M_INSIDE, M_END } meaning_t;

static void outcome_on(const ptrcheck_layout_record_t *r, uint64_t o, uint64_t access, const char *fname, char *out,
                       size_t size)
{
    ptrcheck_layout_lookup_t lk;

    switch (ptrcheck_layout_lookup_offset(r, o, &lk)) {
    case PTRCHECK_LAYOUT_HIT_FIELD:
        if (fname && !strcmp(lk.field->name, fname) && access && o + access > r->size)
            snprintf(out, size, OA_RUNS_PAST_END, (unsigned long long)r->size);
        else
            snprintf(out, size, OA_IS_FIELD, lk.field->name);
        break;
    case PTRCHECK_LAYOUT_HIT_INSIDE:
        snprintf(out, size, OA_INSIDE_FIELD, lk.field->name);
        break;
    case PTRCHECK_LAYOUT_HIT_PADDING:
        snprintf(out, size, OA_IN_PADDING);
        break;
    default:
        snprintf(out, size, OA_PAST_END, (unsigned long long)r->size);
        break;
    }
}

/* One finding, with the note on why a target is in scope.  A fix-it that spells offsetof needs
 * <stddef.h> when the translation unit does not define the macro yet (f says; NULL: no fix-it). */
static void report_offset(ptrcheck_engine_t *e, const ptrcheck_offset_fact_t *f, ptrcheck_loc_t loc,
                          const ptrcheck_expr_t *lit, const char *fix, const char *fmt_msg)
{
    ptrcheck_diag_t *d = ptrcheck_diag_create(PTRCHECK_OFFSET_ASSUMPTION, loc, PTRCHECK_LAYER_AST, "%s", fmt_msg);
    if (!d)
        return;
    ptrcheck_engine_note_scope(e, d, fmt_msg);
    if (f && lit && fix && ptrcheck_diag_add_fixit(d, lit->begin, lit->end, fix) && !f->offsetof_defined &&
        strstr(fix, "offsetof("))
        ptrcheck_diag_require_include(d, "stddef.h");
    ptrcheck_engine_report(e, d);
}

static void positional(ptrcheck_engine_t *e, oa_state_t *st, const ptrcheck_offset_fact_t *f, long long off,
                       const ptrcheck_expr_t *lit)
{
    const ptrcheck_rdesc_t *r = f->base_record;
    const ptrcheck_layout_record_t *const *per = layouts_of(st, r);
    const ptrcheck_layout_record_t *here;
    const ptrcheck_layout_field_t *fld = NULL;
    ptrcheck_layout_lookup_t lk;
    uint64_t o = (uint64_t)off, access = f->access_bytes, delta = 0;
    meaning_t m;
    oa_groups_t g;
    char here_desc[256], fix[512] = "", rest[2048], msg[3072];
    ptrcheck_loc_t loc = lit ? lit->loc : f->arith->loc;
    size_t i;

    if (!per || !(here = per[st->ntargets]))
        return;
    switch (ptrcheck_layout_lookup_offset(here, o, &lk)) {
    case PTRCHECK_LAYOUT_HIT_FIELD: {
        const ptrcheck_layout_field_t *at[64];
        size_t n = ptrcheck_layout_fields_at(here, o, at, 64), j;
        fld = lk.field;
        if (access)
            for (j = 0; j < n && j < 64; j++)
                if (at[j]->offset == o && !at[j]->is_bitfield && at[j]->size == access &&
                    (fld->size != access || at[j]->depth > fld->depth))
                    fld = at[j];
        m = M_FIELD;
        snprintf(here_desc, sizeof here_desc, OA_IS_FIELD, fld->name);
        if (r->name)
            snprintf(fix, sizeof fix, OA_FIX_OFFSETOF, r->name, fld->name);
        break;
    }
    case PTRCHECK_LAYOUT_HIT_INSIDE:
        fld = lk.field;
        delta = lk.delta;
        m = M_INSIDE;
        snprintf(here_desc, sizeof here_desc, OA_IS_BYTE_OF_FIELD, (unsigned long long)delta, fld->name);
        if (r->name)
            snprintf(fix, sizeof fix, OA_FIX_OFFSETOF_PLUS, r->name, fld->name, (unsigned long long)delta);
        break;
    case PTRCHECK_LAYOUT_HIT_END:
        m = M_END;
        snprintf(here_desc, sizeof here_desc, OA_IS_END);
        if (r->name)
            snprintf(fix, sizeof fix, OA_FIX_SIZEOF, r->name);
        break;
    case PTRCHECK_LAYOUT_HIT_PADDING:
        snprintf(msg, sizeof msg, OA_MSG_PADDING_HERE, off,
                 rec_name(r));
        report_offset(e, NULL, loc, NULL, NULL, msg);
        return;
    default:
        snprintf(msg, sizeof msg, OA_MSG_PAST_END_HERE,
                 off, rec_name(r), (unsigned long long)here->size);
        report_offset(e, NULL, loc, NULL, NULL, msg);
        return;
    }
    memset(&g, 0, sizeof g);
    for (i = 0; i < st->ntargets; i++) {
        const ptrcheck_layout_record_t *t = per[i];
        const ptrcheck_layout_field_t *tf = fld ? ptrcheck_layout_find_field(t ? t : here, fld->name) : NULL;
        char what[160];
        int ok;

        if (!t)
            continue; /* no layout for this target */
        if (m == M_END)
            ok = t->size == o;
        else
            ok = tf && tf->offset + delta == o && !(access && o + access > t->size);
        if (ok)
            continue;
        if (m != M_END && !tf)
            snprintf(what, sizeof what, OA_NO_FIELD, fld->name);
        else
            outcome_on(t, o, access, fld ? fld->name : NULL, what, sizeof what);
        group_add(&g, what, st->targets[i].triple);
    }
    if (!g.bad) {
        if (!ptrcheck_engine_config(e)->report_portable_literals)
            return;
        snprintf(msg, sizeof msg, OA_MSG_PORTABLE, off, rec_name(r), here_desc, fix[0] ? OA_USE : "", fix);
        report_offset(e, f, loc, m == M_INSIDE ? NULL : lit, fix[0] ? fix : NULL, msg);
        return;
    }
    groups_text(&g, rest, sizeof rest);
    snprintf(msg, sizeof msg, OA_MSG_DIFFERS, off, rec_name(r), here_desc, rest, fix[0] ? OA_USE : "", fix);
    report_offset(e, f, loc, m == M_INSIDE ? NULL : lit, fix[0] ? fix : NULL, msg);
}

static void container_of(ptrcheck_engine_t *e, oa_state_t *st, const ptrcheck_offset_fact_t *f, long long off,
                         const ptrcheck_expr_t *lit)
{
    const ptrcheck_rdesc_t *r = f->result_record;
    const ptrcheck_layout_record_t *const *per = layouts_of(st, r);
    const ptrcheck_layout_record_t *here;
    const ptrcheck_layout_field_t *fld = NULL;
    uint64_t o = (uint64_t)off;
    oa_groups_t g;
    char fix[512] = "", rest[2048], msg[3072];
    ptrcheck_loc_t loc = lit ? lit->loc : f->arith->loc;
    size_t i;

    if (!per || !(here = per[st->ntargets]))
        return;
    if (f->member) {
        fld = ptrcheck_layout_find_field(here, f->member);
    } else {
        const ptrcheck_layout_field_t *at[64];
        size_t n = ptrcheck_layout_fields_at(here, o, at, 64), j;
        for (j = 0; j < n && j < 64 && !fld; j++)
            if (at[j]->offset == o && !at[j]->is_bitfield && at[j]->size == f->base_pointee_bytes)
                fld = at[j];
    }
    if (fld && r->name)
        snprintf(fix, sizeof fix, OA_FIX_OFFSETOF, r->name, fld->name);
    if (!fld) {
        snprintf(msg, sizeof msg, OA_MSG_CONTAINER_NO_MEMBER, off, f->base_pointee_spelling ? f->base_pointee_spelling : "?", rec_name(r), off);
        report_offset(e, NULL, loc, NULL, NULL, msg);
        return;
    }
    if (fld->offset != o) {
        snprintf(msg, sizeof msg, OA_MSG_CONTAINER_WRONG_HERE, off, fld->name, rec_name(r),
                 (unsigned long long)fld->offset, fix[0] ? OA_USE : "", fix);
        report_offset(e, f, loc, lit, fix[0] ? fix : NULL, msg);
        return;
    }
    memset(&g, 0, sizeof g);
    for (i = 0; i < st->ntargets; i++) {
        const ptrcheck_layout_record_t *t = per[i];
        const ptrcheck_layout_field_t *tf;
        char what[160];

        if (!t)
            continue;
        tf = ptrcheck_layout_find_field(t, fld->name);
        if (tf && tf->offset == o)
            continue;
        if (tf)
            snprintf(what, sizeof what, OA_OFFSET_IS, (unsigned long long)tf->offset);
        else
            snprintf(what, sizeof what, OA_OFFSET_MISSING);
        group_add(&g, what, st->targets[i].triple);
    }
    if (!g.bad) {
        if (!ptrcheck_engine_config(e)->report_portable_literals)
            return;
        snprintf(msg, sizeof msg, OA_MSG_CONTAINER_PORTABLE, off, fld->name, rec_name(r), fix[0] ? OA_USE : "", fix);
        report_offset(e, f, loc, lit, fix[0] ? fix : NULL, msg);
        return;
    }
    groups_text(&g, rest, sizeof rest);
    snprintf(msg, sizeof msg, OA_MSG_CONTAINER_DIFFERS, off, fld->name, rec_name(r), off, rest, fix[0] ? OA_USE : "",
             fix);
    report_offset(e, f, loc, lit, fix[0] ? fix : NULL, msg);
}

static void on_offset(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                      const ptrcheck_offset_fact_t *f)
{
    oa_state_t *st = state_get(e);
    const ptrcheck_expr_t *lit;
    long long off;

    (void)fn;
    if (!st || !f->arith || f->arith->in_macro || !sum_offset(f->arith, &off, &lit))
        return;
    if (off < 0 && f->result_record)
        container_of(e, st, f, -off, lit);
    else if (off > 0 && f->base_record)
        positional(e, st, f, off, lit);
}

/* ---------------------------------------------------------------- static assertions */

/* 2: depends on the target in a way ptrcheck cannot evaluate; 1: on record layouts; 0: not at all. */
static int dependence(const ptrcheck_expr_t *x)
{
    int d = 0;
    unsigned i;

    if (!x)
        return 0;
    if (x->kind == PTRCHECK_E_SIZEOF)
        return x->record && x->trait ? 1 : 2;
    if (x->kind == PTRCHECK_E_OFFSETOF)
        return x->record && x->field_path ? 1 : 2;
    for (i = 0; i < x->nkids; i++) {
        int k = dependence(x->kids[i]);
        if (k > d)
            d = k;
    }
    return d;
}

typedef struct sa_ctx_s {
    oa_state_t *st;
    size_t ti;                    /* target index; st->ntargets = compiling target */
    const ptrcheck_expr_t *leaf;  /* first record leaf evaluated */
    long long leaf_value;
} sa_ctx_t;

static int eval(sa_ctx_t *c, const ptrcheck_expr_t *x, long long *out)
{
    long long a = 0, b = 0;

    if (!x)
        return 0;
    if (!dependence(x)) {
        *out = x->value;
        return x->has_value;
    }
    switch (x->kind) {
    case PTRCHECK_E_SIZEOF:
    case PTRCHECK_E_OFFSETOF: {
        const ptrcheck_layout_record_t *const *per = layouts_of(c->st, x->record);
        const ptrcheck_layout_record_t *r = per ? per[c->ti] : NULL;
        if (!r)
            return 0;
        if (x->kind == PTRCHECK_E_SIZEOF) {
            *out = (long long)(x->trait == PTRCHECK_TRAIT_ALIGNOF ? r->align : r->size);
        } else {
            const ptrcheck_layout_field_t *f = ptrcheck_layout_find_field(r, x->field_path);
            if (!f || f->is_bitfield)
                return 0;
            *out = (long long)f->offset;
        }
        if (!c->leaf) {
            c->leaf = x;
            c->leaf_value = *out;
        }
        return 1;
    }
    case PTRCHECK_E_CAST:
        return x->nkids == 1 && eval(c, x->kids[0], out);
    case PTRCHECK_E_UNARY:
        if (x->nkids != 1 || !eval(c, x->kids[0], &a))
            return 0;
        switch (x->op) {
        case PTRCHECK_OP_LNOT: *out = !a; return 1;
        case PTRCHECK_OP_NEG: *out = -a; return 1;
        case PTRCHECK_OP_NOT: *out = ~a; return 1;
        case PTRCHECK_OP_PLUS: *out = a; return 1;
        default: return 0;
        }
    case PTRCHECK_E_CONDITIONAL:
        if (x->nkids != 3 || !eval(c, x->kids[0], &a))
            return 0;
        return eval(c, x->kids[a ? 1 : 2], out);
    case PTRCHECK_E_BINARY:
        if (x->nkids != 2 || !eval(c, x->kids[0], &a) || !eval(c, x->kids[1], &b))
            return 0;
        switch (x->op) {
        case PTRCHECK_OP_ADD: *out = a + b; return 1;
        case PTRCHECK_OP_SUB: *out = a - b; return 1;
        case PTRCHECK_OP_MUL: *out = a * b; return 1;
        case PTRCHECK_OP_DIV: if (!b) return 0; *out = a / b; return 1;
        case PTRCHECK_OP_REM: if (!b) return 0; *out = a % b; return 1;
        case PTRCHECK_OP_SHL: if (b < 0 || b > 62) return 0; *out = a << b; return 1;
        case PTRCHECK_OP_SHR: if (b < 0 || b > 62) return 0; *out = a >> b; return 1;
        case PTRCHECK_OP_AND: *out = a & b; return 1;
        case PTRCHECK_OP_OR: *out = a | b; return 1;
        case PTRCHECK_OP_XOR: *out = a ^ b; return 1;
        case PTRCHECK_OP_LAND: *out = a && b; return 1;
        case PTRCHECK_OP_LOR: *out = a || b; return 1;
        case PTRCHECK_OP_CMP:
            switch (x->cmp) {
            case PTRCHECK_CMP_EQ: *out = a == b; return 1;
            case PTRCHECK_CMP_NE: *out = a != b; return 1;
            case PTRCHECK_CMP_LT: *out = a < b; return 1;
            case PTRCHECK_CMP_GT: *out = a > b; return 1;
            case PTRCHECK_CMP_LE: *out = a <= b; return 1;
            case PTRCHECK_CMP_GE: *out = a >= b; return 1;
            default: return 0;
            }
        default: return 0;
        }
    default:
        return 0;
    }
}

static void leaf_text(const ptrcheck_expr_t *x, char *out, size_t size)
{
    const char *name = rec_name(x->record);
    if (x->kind == PTRCHECK_E_OFFSETOF)
        snprintf(out, size, OA_FIX_OFFSETOF, name, x->field_path);
    else
        snprintf(out, size, "%s(%s)", x->trait == PTRCHECK_TRAIT_ALIGNOF ? "_Alignof" : "sizeof", name);
}

static void on_static_assert(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                             const ptrcheck_expr_t *cond, ptrcheck_loc_t loc)
{
    oa_state_t *st = state_get(e);
    sa_ctx_t c;
    long long v;
    oa_groups_t g;
    char rest[2048], msg[3072];
    size_t i;

    (void)fn;
    if (!st || dependence(cond) != 1)
        return;
    memset(&c, 0, sizeof c);
    c.st = st;
    c.ti = st->ntargets;
    if (!eval(&c, cond, &v) || !v)
        return; /* false here: clang reports it */
    memset(&g, 0, sizeof g);
    for (i = 0; i < st->ntargets; i++) {
        char what[256], leaf[200];
        memset(&c, 0, sizeof c);
        c.st = st;
        c.ti = i;
        if (!eval(&c, cond, &v) || v)
            continue;
        if (c.leaf) {
            leaf_text(c.leaf, leaf, sizeof leaf);
            snprintf(what, sizeof what, OA_ASSERT_LEAF, leaf, c.leaf_value);
        } else {
            what[0] = '\0';
        }
        group_add(&g, what, st->targets[i].triple);
    }
    if (!g.bad)
        return;
    /* "fails on A, B (offsetof(struct event, ts) is 20) and C (...)" */
    rest[0] = '\0';
    for (i = 0; i < g.n; i++) {
        size_t len = strlen(rest);
        snprintf(rest + len, sizeof rest - len, "%s%s%s%s", i ? OA_AND : "", g.where[i], g.what[i][0] ? " " : "",
                 g.what[i]);
    }
    snprintf(msg, sizeof msg, OA_MSG_ASSERT_FAILS_ELSEWHERE, cond->text ? " '" : "",
             cond->text ? cond->text : "", cond->text ? "'" : "", rest);
    report_offset(e, NULL, loc, NULL, NULL, msg);
}

/* ---------------------------------------------------------------- testing aid */

int ptrcheck_ast_dump_layouts(ptrcheck_engine_t *e, const ptrcheck_rdesc_t *const *recs, size_t n, const char *path,
                              ptrcheck_error_t *err)
{
    const ptrcheck_config_t *cfg = ptrcheck_engine_config(e);
    ptrcheck_layout_table_t *t = ptrcheck_layout_table_create();
    size_t i, j;
    int ok = 0;

    if (!t)
        return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (i = 0; i < cfg->ntargets; i++) {
        ptrcheck_abi_t abi;
        ptrcheck_layout_target_t *tg;
        if (!ptrcheck_abi_for_triple(cfg->targets[i], &abi))
            continue;
        tg = ptrcheck_layout_table_add_target(t, cfg->targets[i]);
        if (!tg) {
            ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
            goto out;
        }
        for (j = 0; j < n; j++)
            if (recs[j]->name && !ptrcheck_layout_add_described(tg, recs[j]->name, &abi, recs[j], err))
                goto out;
    }
    ok = ptrcheck_layout_table_write(t, path, err);
out:
    ptrcheck_layout_table_destroy(t);
    return ok;
}

const ptrcheck_ast_hooks_t ptrcheck_offset_assumption_ast_hooks = {
    .tu_begin = tu_begin,
    .on_offset = on_offset,
    .on_static_assert = on_static_assert,
};
