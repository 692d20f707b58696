/* Layout tables: in-memory model, libyaml loader (strict, event based) and emitter, lookups.
 * No libclang here: the plugin links this library. */
#define _POSIX_C_SOURCE 200809L
#include <ptrcheck/layout.h>

#include <yaml.h>

#include <errno.h>
#include <stdarg.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct ptrcheck_layout_target_s {
    char *triple;
    ptrcheck_layout_record_t **records;
    size_t nrecords;
    size_t caprecords;
    size_t *index; /* open addressing over record names: record position + 1, 0 = empty */
    size_t capindex; /* power of two, 0 when no index yet */
};

struct ptrcheck_layout_table_s {
    ptrcheck_layout_target_t **targets;
    size_t ntargets;
    size_t captargets;
};

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);

    if (p)
        memcpy(p, s, n);
    return p;
}

static int grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    size_t ncap;
    void *p;

    if (need <= *cap)
        return 1;
    ncap = *cap ? *cap * 2 : 8;
    while (ncap < need)
        ncap *= 2;
    p = realloc(*arr, ncap * elem);
    if (!p)
        return 0;
    *arr = p;
    *cap = ncap;
    return 1;
}

/* ------------------------------------------------------------------ lifetime */

ptrcheck_layout_table_t *ptrcheck_layout_table_create(void)
{
    return calloc(1, sizeof(ptrcheck_layout_table_t));
}

static void record_destroy(ptrcheck_layout_record_t *r)
{
    size_t i;

    if (!r)
        return;
    for (i = 0; i < r->nfields; i++)
        free(r->fields[i].name);
    free(r->fields);
    free(r->name);
    free(r);
}

static void target_destroy(ptrcheck_layout_target_t *tg)
{
    size_t i;

    if (!tg)
        return;
    for (i = 0; i < tg->nrecords; i++)
        record_destroy(tg->records[i]);
    free(tg->records);
    free(tg->index);
    free(tg->triple);
    free(tg);
}

void ptrcheck_layout_table_destroy(ptrcheck_layout_table_t *t)
{
    size_t i;

    if (!t)
        return;
    for (i = 0; i < t->ntargets; i++)
        target_destroy(t->targets[i]);
    free(t->targets);
    free(t);
}

/* ------------------------------------------------------------------ triples */

/* Next '-'-separated component of *p, skipping "unknown"; returns its length, 0 at the end. */
static size_t triple_part(const char **p, const char **start)
{
    for (;;) {
        const char *s = *p, *e;
        size_t n;

        if (!*s)
            return 0;
        e = strchr(s, '-');
        n = e ? (size_t)(e - s) : strlen(s);
        *p = e ? e + 1 : s + n;
        if (n == 7 && strncmp(s, "unknown", 7) == 0)
            continue;
        *start = s;
        return n;
    }
}

int ptrcheck_layout_triple_equal(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    if (strcmp(a, b) == 0)
        return 1;
    for (;;) {
        const char *sa = NULL, *sb = NULL;
        size_t na = triple_part(&a, &sa), nb = triple_part(&b, &sb);

        if (na != nb)
            return 0;
        if (na == 0)
            return 1;
        if (strncmp(sa, sb, na) != 0)
            return 0;
    }
}

/* ------------------------------------------------------------------ building */

ptrcheck_layout_target_t *ptrcheck_layout_table_add_target(ptrcheck_layout_table_t *t, const char *triple)
{
    ptrcheck_layout_target_t *tg;
    size_t i;

    for (i = 0; i < t->ntargets; i++)
        if (strcmp(t->targets[i]->triple, triple) == 0)
            return t->targets[i];
    if (!grow((void **)&t->targets, &t->captargets, t->ntargets + 1, sizeof(*t->targets)))
        return NULL;
    tg = calloc(1, sizeof(*tg));
    if (!tg)
        return NULL;
    tg->triple = dup_str(triple);
    if (!tg->triple) {
        free(tg);
        return NULL;
    }
    t->targets[t->ntargets++] = tg;
    return tg;
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */

    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 1099511628211ull;
    }
    return h;
}

/* Slot for name: the one holding it or the empty one where it would go. */
static size_t index_slot(const ptrcheck_layout_target_t *tg, const char *name)
{
    size_t mask = tg->capindex - 1, i = (size_t)hash_str(name) & mask;

    while (tg->index[i] && strcmp(tg->records[tg->index[i] - 1]->name, name) != 0)
        i = (i + 1) & mask;
    return i;
}

static int index_rebuild(ptrcheck_layout_target_t *tg, size_t cap)
{
    size_t *idx = calloc(cap, sizeof(*idx)), i;

    if (!idx)
        return 0;
    free(tg->index);
    tg->index = idx;
    tg->capindex = cap;
    for (i = 0; i < tg->nrecords; i++)
        tg->index[index_slot(tg, tg->records[i]->name)] = i + 1;
    return 1;
}

ptrcheck_layout_record_t *ptrcheck_layout_target_add_record(ptrcheck_layout_target_t *tg, const char *name,
                                                            uint64_t size, uint64_t align, ptrcheck_error_t *err)
{
    ptrcheck_layout_record_t *r;

    if (ptrcheck_layout_target_find_record(tg, name)) {
        ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, NULL, 0, 0, "duplicate record '%s' for target %s", name,
                           tg->triple);
        return NULL;
    }
    if ((tg->nrecords + 1) * 2 > tg->capindex && !index_rebuild(tg, tg->capindex ? tg->capindex * 2 : 16))
        goto nomem;
    if (!grow((void **)&tg->records, &tg->caprecords, tg->nrecords + 1, sizeof(*tg->records)))
        goto nomem;
    r = calloc(1, sizeof(*r));
    if (!r)
        goto nomem;
    r->name = dup_str(name);
    if (!r->name) {
        free(r);
        goto nomem;
    }
    r->size = size;
    r->align = align;
    tg->records[tg->nrecords++] = r;
    tg->index[index_slot(tg, name)] = tg->nrecords;
    return r;
nomem:
    ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return NULL;
}

int ptrcheck_layout_record_add_field(ptrcheck_layout_record_t *r, const ptrcheck_layout_field_t *f,
                                     ptrcheck_error_t *err)
{
    ptrcheck_layout_field_t *nf;
    const char *dot;
    size_t i;

    if (ptrcheck_layout_find_field(r, f->name))
        return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, NULL, 0, 0, "duplicate field '%s' in '%s'", f->name,
                                  r->name);
    if (!grow((void **)&r->fields, &r->capfields, r->nfields + 1, sizeof(*r->fields)))
        return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
    nf = &r->fields[r->nfields];
    *nf = *f;
    nf->name = dup_str(f->name);
    if (!nf->name)
        return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
    nf->depth = 0;
    for (dot = f->name; *dot; dot++)
        nf->depth += *dot == '.';
    nf->is_leaf = 1;
    dot = strrchr(f->name, '.');
    if (dot) {
        size_t plen = (size_t)(dot - f->name);

        for (i = r->nfields; i-- > 0;)
            if (strlen(r->fields[i].name) == plen && strncmp(r->fields[i].name, f->name, plen) == 0) {
                r->fields[i].is_leaf = 0;
                break;
            }
    }
    r->nfields++;
    return 1;
}

static int copy_record(ptrcheck_layout_target_t *tg, const ptrcheck_layout_record_t *src, ptrcheck_error_t *err)
{
    ptrcheck_layout_record_t *r = ptrcheck_layout_target_add_record(tg, src->name, src->size, src->align, err);
    size_t i;

    if (!r)
        return 0;
    r->yaml_line = src->yaml_line;
    r->yaml_col = src->yaml_col;
    for (i = 0; i < src->nfields; i++)
        if (!ptrcheck_layout_record_add_field(r, &src->fields[i], err))
            return 0;
    return 1;
}

int ptrcheck_layout_table_merge(ptrcheck_layout_table_t *dst, const ptrcheck_layout_table_t *src,
                                ptrcheck_error_t *err)
{
    size_t i, j;

    for (i = 0; i < src->ntargets; i++) {
        const ptrcheck_layout_target_t *st = src->targets[i];
        ptrcheck_layout_target_t *dt = (ptrcheck_layout_target_t *)ptrcheck_layout_table_find_target(dst, st->triple);

        if (!dt)
            dt = ptrcheck_layout_table_add_target(dst, st->triple);
        if (!dt)
            return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
        for (j = 0; j < st->nrecords; j++) {
            const ptrcheck_layout_record_t *have = ptrcheck_layout_target_find_record(dt, st->records[j]->name);

            if (have) {
                if (!ptrcheck_layout_record_equal(have, st->records[j]))
                    return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, NULL, 0, 0,
                                              "conflicting layouts of '%s' for target %s", have->name, dt->triple);
                continue;
            }
            if (!copy_record(dt, st->records[j], err))
                return 0;
        }
    }
    return 1;
}

/* ------------------------------------------------------------------ queries */

size_t ptrcheck_layout_table_ntargets(const ptrcheck_layout_table_t *t)
{
    return t ? t->ntargets : 0;
}

const ptrcheck_layout_target_t *ptrcheck_layout_table_target_at(const ptrcheck_layout_table_t *t, size_t i)
{
    return t && i < t->ntargets ? t->targets[i] : NULL;
}

const char *ptrcheck_layout_target_triple(const ptrcheck_layout_target_t *tg)
{
    return tg ? tg->triple : NULL;
}

size_t ptrcheck_layout_target_nrecords(const ptrcheck_layout_target_t *tg)
{
    return tg ? tg->nrecords : 0;
}

const ptrcheck_layout_record_t *ptrcheck_layout_target_record_at(const ptrcheck_layout_target_t *tg, size_t i)
{
    return tg && i < tg->nrecords ? tg->records[i] : NULL;
}

const ptrcheck_layout_target_t *ptrcheck_layout_table_find_target(const ptrcheck_layout_table_t *t,
                                                                  const char *triple)
{
    size_t i;

    if (!t || !triple)
        return NULL;
    for (i = 0; i < t->ntargets; i++) /* exact spelling first */
        if (strcmp(t->targets[i]->triple, triple) == 0)
            return t->targets[i];
    for (i = 0; i < t->ntargets; i++)
        if (ptrcheck_layout_triple_equal(t->targets[i]->triple, triple))
            return t->targets[i];
    return NULL;
}

const ptrcheck_layout_record_t *ptrcheck_layout_target_find_record(const ptrcheck_layout_target_t *tg,
                                                                   const char *name)
{
    size_t slot;

    if (!tg || !name || !tg->capindex)
        return NULL;
    slot = index_slot(tg, name);
    return tg->index[slot] ? tg->records[tg->index[slot] - 1] : NULL;
}

const ptrcheck_layout_record_t *ptrcheck_layout_find_record(const ptrcheck_layout_table_t *t, const char *triple,
                                                            const char *name)
{
    return ptrcheck_layout_target_find_record(ptrcheck_layout_table_find_target(t, triple), name);
}

const ptrcheck_layout_field_t *ptrcheck_layout_find_field(const ptrcheck_layout_record_t *r, const char *name)
{
    size_t i;

    if (!r || !name)
        return NULL;
    for (i = 0; i < r->nfields; i++)
        if (strcmp(r->fields[i].name, name) == 0)
            return &r->fields[i];
    return NULL;
}

static int field_contains(const ptrcheck_layout_field_t *f, uint64_t offset)
{
    return offset >= f->offset && offset - f->offset < f->size;
}

ptrcheck_layout_hit_t ptrcheck_layout_lookup_offset(const ptrcheck_layout_record_t *r, uint64_t offset,
                                                    ptrcheck_layout_lookup_t *out)
{
    const ptrcheck_layout_field_t *start = NULL, *inside = NULL;
    ptrcheck_layout_lookup_t res;
    size_t i;

    memset(&res, 0, sizeof(res));
    if (offset > r->size) {
        res.hit = PTRCHECK_LAYOUT_HIT_PAST_END;
    } else if (offset == r->size) {
        res.hit = PTRCHECK_LAYOUT_HIT_END;
    } else {
        for (i = 0; i < r->nfields; i++) {
            const ptrcheck_layout_field_t *f = &r->fields[i];

            if (!field_contains(f, offset))
                continue;
            if (f->offset == offset && !f->is_bitfield) {
                if (!start || f->depth > start->depth)
                    start = f;
            } else if (!inside || f->depth > inside->depth) {
                inside = f;
            }
        }
        if (start) {
            res.hit = PTRCHECK_LAYOUT_HIT_FIELD;
            res.field = start;
        } else if (inside) {
            res.hit = PTRCHECK_LAYOUT_HIT_INSIDE;
            res.field = inside;
            res.delta = offset - inside->offset;
        } else {
            res.hit = PTRCHECK_LAYOUT_HIT_PADDING;
        }
    }
    if (out)
        *out = res;
    return res.hit;
}

size_t ptrcheck_layout_fields_at(const ptrcheck_layout_record_t *r, uint64_t offset,
                                 const ptrcheck_layout_field_t **out, size_t max)
{
    size_t i, n = 0;

    for (i = 0; i < r->nfields; i++)
        if (field_contains(&r->fields[i], offset)) {
            if (n < max)
                out[n] = &r->fields[i];
            n++;
        }
    return n;
}

size_t ptrcheck_layout_record_holes(const ptrcheck_layout_record_t *r, ptrcheck_layout_hole_fn fn, void *user)
{
    uint64_t pos = 0;
    size_t nholes = 0;

    /* Sweep: the next uncovered byte from pos is found by extending pos over every leaf field that
     * starts at or before it.  Quadratic in fields, fine for records of human size. */
    while (pos < r->size) {
        uint64_t next = UINT64_MAX, reach = pos;
        int moved = 1;
        size_t i;

        while (moved) {
            moved = 0;
            for (i = 0; i < r->nfields; i++) {
                const ptrcheck_layout_field_t *f = &r->fields[i];

                if (!f->is_leaf || f->size == 0)
                    continue;
                if (f->offset <= reach && f->offset + f->size > reach) {
                    reach = f->offset + f->size;
                    moved = 1;
                }
            }
        }
        if (reach >= r->size)
            break;
        if (reach > pos) {
            pos = reach;
            continue;
        }
        for (i = 0; i < r->nfields; i++) {
            const ptrcheck_layout_field_t *f = &r->fields[i];

            if (f->is_leaf && f->size && f->offset > pos && f->offset < next)
                next = f->offset;
        }
        if (next > r->size)
            next = r->size;
        if (fn)
            fn(user, pos, next - pos);
        nholes++;
        pos = next;
    }
    return nholes;
}

int ptrcheck_layout_record_equal(const ptrcheck_layout_record_t *a, const ptrcheck_layout_record_t *b)
{
    size_t i;

    if (a->size != b->size || a->align != b->align || a->nfields != b->nfields || strcmp(a->name, b->name) != 0)
        return 0;
    for (i = 0; i < a->nfields; i++) {
        const ptrcheck_layout_field_t *x = &a->fields[i], *y = &b->fields[i];

        if (strcmp(x->name, y->name) != 0 || x->offset != y->offset || x->size != y->size ||
            x->is_bitfield != y->is_bitfield)
            return 0;
        if (x->is_bitfield && (x->bit_offset != y->bit_offset || x->bit_width != y->bit_width))
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ loader */

typedef struct loader_s {
    yaml_parser_t parser;
    yaml_event_t ev;
    int have_ev;
    const char *name;
    ptrcheck_error_t *err;
} loader_t;

static int ld_fail(loader_t *ld, yaml_mark_t mark, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int ld_fail(loader_t *ld, yaml_mark_t mark, const char *fmt, ...)
{
    char msg[900];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return ptrcheck_error_set(ld->err, PTRCHECK_ERR_CONFIG, ld->name, (unsigned)mark.line + 1,
                              (unsigned)mark.column + 1, "%s", msg);
}

static const char *event_what(const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_SCALAR_EVENT: return "a scalar";
    case YAML_SEQUENCE_START_EVENT: return "a sequence";
    case YAML_MAPPING_START_EVENT: return "a mapping";
    case YAML_SEQUENCE_END_EVENT: return "the end of a sequence";
    case YAML_MAPPING_END_EVENT: return "the end of a mapping";
    case YAML_DOCUMENT_START_EVENT: return "another document";
    default: return "the end of the file";
    }
}

static int ld_next(loader_t *ld)
{
    if (ld->have_ev)
        yaml_event_delete(&ld->ev);
    ld->have_ev = 0;
    if (!yaml_parser_parse(&ld->parser, &ld->ev)) {
        yaml_mark_t m = ld->parser.problem_mark;

        if (ld->parser.error == YAML_MEMORY_ERROR)
            return ptrcheck_error_set(ld->err, PTRCHECK_ERR_NOMEM, ld->name, 0, 0, "out of memory");
        if (ld->parser.error == YAML_READER_ERROR)
            return ptrcheck_error_set(ld->err, PTRCHECK_ERR_CONFIG, ld->name, 0, 0, "%s at byte %zu",
                                      ld->parser.problem ? ld->parser.problem : "unreadable input",
                                      ld->parser.problem_offset);
        if (ld->parser.context)
            return ld_fail(ld, m, "%s %s", ld->parser.problem ? ld->parser.problem : "syntax error",
                           ld->parser.context);
        return ld_fail(ld, m, "%s", ld->parser.problem ? ld->parser.problem : "syntax error");
    }
    ld->have_ev = 1;
    if (ld->ev.type == YAML_ALIAS_EVENT)
        return ld_fail(ld, ld->ev.start_mark, "YAML aliases are not allowed in layout tables");
    return 1;
}

static int ld_expect(loader_t *ld, yaml_event_type_t type, const char *what)
{
    if (!ld_next(ld))
        return 0;
    if (ld->ev.type != type)
        return ld_fail(ld, ld->ev.start_mark, "expected %s, found %s", what, event_what(&ld->ev));
    return 1;
}

/* Current event is a scalar value: copies it. */
static int ld_string(loader_t *ld, const char *key, char **out)
{
    if (ld->ev.type != YAML_SCALAR_EVENT)
        return ld_fail(ld, ld->ev.start_mark, "'%s' must be a string, found %s", key, event_what(&ld->ev));
    if (ld->ev.data.scalar.length == 0)
        return ld_fail(ld, ld->ev.start_mark, "'%s' must not be empty", key);
    if (strlen((const char *)ld->ev.data.scalar.value) != ld->ev.data.scalar.length)
        return ld_fail(ld, ld->ev.start_mark, "'%s' contains a NUL character", key);
    free(*out);
    *out = dup_str((const char *)ld->ev.data.scalar.value);
    if (!*out)
        return ptrcheck_error_set(ld->err, PTRCHECK_ERR_NOMEM, ld->name, 0, 0, "out of memory");
    return 1;
}

static int ld_uint(loader_t *ld, const char *key, uint64_t max, uint64_t *out)
{
    const char *s = (const char *)ld->ev.data.scalar.value;
    uint64_t v = 0;
    size_t i;

    if (ld->ev.type != YAML_SCALAR_EVENT)
        return ld_fail(ld, ld->ev.start_mark, "'%s' must be an unsigned integer, found %s", key,
                       event_what(&ld->ev));
    if (ld->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE || ld->ev.data.scalar.length == 0)
        return ld_fail(ld, ld->ev.start_mark, "'%s' must be an unsigned integer, found a string", key);
    for (i = 0; i < ld->ev.data.scalar.length; i++) {
        if (s[i] < '0' || s[i] > '9')
            return ld_fail(ld, ld->ev.start_mark, "'%s' must be an unsigned integer, found '%s'", key, s);
        if (v > (max - (uint64_t)(s[i] - '0')) / 10)
            return ld_fail(ld, ld->ev.start_mark, "'%s' is too large: %s (at most %" PRIu64 ")", key, s, max);
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    *out = v;
    return 1;
}

/* Reads the next mapping key (scalar) or the mapping end.  *done = 1 at the end. */
static int ld_key(loader_t *ld, int *done, const char *const *keys, size_t nkeys, unsigned *seen, size_t *which)
{
    size_t i;

    *done = 0;
    if (!ld_next(ld))
        return 0;
    if (ld->ev.type == YAML_MAPPING_END_EVENT) {
        *done = 1;
        return 1;
    }
    if (ld->ev.type != YAML_SCALAR_EVENT)
        return ld_fail(ld, ld->ev.start_mark, "expected a key, found %s", event_what(&ld->ev));
    for (i = 0; i < nkeys; i++)
        if (strcmp((const char *)ld->ev.data.scalar.value, keys[i]) == 0) {
            if (*seen & (1u << i))
                return ld_fail(ld, ld->ev.start_mark, "duplicate key '%s'", keys[i]);
            *seen |= 1u << i;
            *which = i;
            return 1;
        }
    {
        char list[256] = "";
        size_t n = 0;

        for (i = 0; i < nkeys && n < sizeof(list); i++)
            n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%s", i ? ", " : "", keys[i]);
        return ld_fail(ld, ld->ev.start_mark, "unknown key '%s' (expected %s)",
                       (const char *)ld->ev.data.scalar.value, list);
    }
}

static int ld_field(loader_t *ld, ptrcheck_layout_record_t *r)
{
    static const char *const keys[] = {"name", "offset", "size", "bit_offset", "bit_width"};
    yaml_mark_t start = ld->ev.start_mark, bo_mark = start;
    ptrcheck_layout_field_t f;
    unsigned seen = 0;
    uint64_t v;
    int done, ok = 0;
    size_t which = 0;

    memset(&f, 0, sizeof(f));
    f.yaml_line = (unsigned)start.line + 1;
    f.yaml_col = (unsigned)start.column + 1;
    for (;;) {
        if (!ld_key(ld, &done, keys, 5, &seen, &which))
            goto out;
        if (done)
            break;
        if (!ld_next(ld))
            goto out;
        switch (which) {
        case 0:
            if (!ld_string(ld, "name", &f.name))
                goto out;
            break;
        case 1:
            if (!ld_uint(ld, "offset", UINT64_MAX / 16, &f.offset))
                goto out;
            break;
        case 2:
            if (!ld_uint(ld, "size", UINT64_MAX / 16, &f.size))
                goto out;
            break;
        case 3:
            bo_mark = ld->ev.start_mark;
            if (!ld_uint(ld, "bit_offset", 7, &v))
                goto out;
            f.bit_offset = (unsigned)v;
            break;
        default:
            if (!ld_uint(ld, "bit_width", 4096, &v))
                goto out;
            if (v == 0) {
                ld_fail(ld, ld->ev.start_mark, "'bit_width' must be at least 1");
                goto out;
            }
            f.bit_width = (unsigned)v;
            break;
        }
    }
    if (!(seen & 1u) || !(seen & 2u) || !(seen & 4u)) {
        ld_fail(ld, start, "field needs %s", !(seen & 1u) ? "a 'name'" : !(seen & 2u) ? "an 'offset'" : "a 'size'");
        goto out;
    }
    if (((seen >> 3) & 3u) == 1u || ((seen >> 3) & 3u) == 2u) {
        ld_fail(ld, (seen & 8u) ? bo_mark : start, "field '%s': 'bit_offset' and 'bit_width' go together", f.name);
        goto out;
    }
    f.is_bitfield = (seen & 16u) != 0;
    if (f.is_bitfield && f.size != (f.bit_offset + f.bit_width + 7) / 8) {
        ld_fail(ld, start, "bit-field '%s': size must be %u (the bytes bits %u..%u touch), not %" PRIu64, f.name,
                (f.bit_offset + f.bit_width + 7) / 8, f.bit_offset, f.bit_offset + f.bit_width - 1, f.size);
        goto out;
    }
    if (f.offset > r->size || f.size > r->size - f.offset) {
        ld_fail(ld, start, "field '%s' (offset %" PRIu64 ", size %" PRIu64 ") extends past the end of '%s' (size %" PRIu64 ")",
                f.name, f.offset, f.size, r->name, r->size);
        goto out;
    }
    if (ptrcheck_layout_find_field(r, f.name)) {
        ld_fail(ld, start, "duplicate field '%s' in '%s'", f.name, r->name);
        goto out;
    }
    ok = ptrcheck_layout_record_add_field(r, &f, ld->err);
    if (!ok)
        ld_fail(ld, start, "%s", ld->err->message);
out:
    free(f.name);
    return ok;
}

static int ld_record(loader_t *ld, ptrcheck_layout_target_t *tg)
{
    static const char *const keys[] = {"name", "size", "align", "fields"};
    yaml_mark_t start = ld->ev.start_mark, align_mark = start;
    ptrcheck_layout_record_t *r = NULL;
    char *name = NULL;
    uint64_t size = 0, align = 0;
    unsigned seen = 0;
    int done, ok = 0;
    size_t which = 0;

    for (;;) {
        if (!ld_key(ld, &done, keys, 4, &seen, &which))
            goto out;
        if (done)
            break;
        if (which == 3) {
            if (!(seen & 1u) || !(seen & 2u) || !(seen & 4u)) {
                ld_fail(ld, ld->ev.start_mark, "'fields' must come after 'name', 'size' and 'align'");
                goto out;
            }
            if (ptrcheck_layout_target_find_record(tg, name)) {
                ld_fail(ld, start, "duplicate record '%s' for target %s", name, tg->triple);
                goto out;
            }
            r = ptrcheck_layout_target_add_record(tg, name, size, align, ld->err);
            if (!r)
                goto out;
            r->yaml_line = (unsigned)start.line + 1;
            r->yaml_col = (unsigned)start.column + 1;
            if (!ld_expect(ld, YAML_SEQUENCE_START_EVENT, "'fields' as a sequence"))
                goto out;
            for (;;) {
                if (!ld_next(ld))
                    goto out;
                if (ld->ev.type == YAML_SEQUENCE_END_EVENT)
                    break;
                if (ld->ev.type != YAML_MAPPING_START_EVENT) {
                    ld_fail(ld, ld->ev.start_mark, "expected a field mapping {name, offset, size}, found %s",
                            event_what(&ld->ev));
                    goto out;
                }
                if (!ld_field(ld, r))
                    goto out;
            }
            continue;
        }
        if (!ld_next(ld))
            goto out;
        if (which == 0 && !ld_string(ld, "name", &name))
            goto out;
        if (which == 1 && !ld_uint(ld, "size", UINT64_MAX / 16, &size))
            goto out;
        if (which == 2) {
            align_mark = ld->ev.start_mark;
            if (!ld_uint(ld, "align", UINT64_MAX / 16, &align))
                goto out;
            if (align == 0 || (align & (align - 1)) != 0) {
                ld_fail(ld, align_mark, "'align' must be a power of two, not %" PRIu64, align);
                goto out;
            }
        }
    }
    if (!(seen & 1u) || !(seen & 2u) || !(seen & 4u) || !(seen & 8u)) {
        ld_fail(ld, start, "record needs %s", !(seen & 1u)   ? "a 'name'"
                                              : !(seen & 2u) ? "a 'size'"
                                              : !(seen & 4u) ? "an 'align'"
                                                             : "'fields' (use 'fields: []' for none)");
        goto out;
    }
    if (size % align != 0) {
        ld_fail(ld, align_mark, "'%s': size %" PRIu64 " is not a multiple of its alignment %" PRIu64, name, size,
                align);
        goto out;
    }
    ok = 1;
out:
    free(name);
    return ok;
}

static int ld_target(loader_t *ld, ptrcheck_layout_table_t *t)
{
    static const char *const keys[] = {"triple", "records"};
    yaml_mark_t start = ld->ev.start_mark;
    ptrcheck_layout_target_t *tg = NULL;
    char *triple = NULL;
    unsigned seen = 0;
    int done, ok = 0;
    size_t which = 0, i;

    for (;;) {
        if (!ld_key(ld, &done, keys, 2, &seen, &which))
            goto out;
        if (done)
            break;
        if (which == 0) {
            if (!ld_next(ld) || !ld_string(ld, "triple", &triple))
                goto out;
            for (i = 0; i < t->ntargets; i++)
                if (ptrcheck_layout_triple_equal(t->targets[i]->triple, triple)) {
                    ld_fail(ld, ld->ev.start_mark, "duplicate target '%s'", triple);
                    goto out;
                }
            continue;
        }
        if (!triple) {
            ld_fail(ld, ld->ev.start_mark, "'records' must come after 'triple'");
            goto out;
        }
        tg = ptrcheck_layout_table_add_target(t, triple);
        if (!tg) {
            ptrcheck_error_set(ld->err, PTRCHECK_ERR_NOMEM, ld->name, 0, 0, "out of memory");
            goto out;
        }
        if (!ld_expect(ld, YAML_SEQUENCE_START_EVENT, "'records' as a sequence"))
            goto out;
        for (;;) {
            if (!ld_next(ld))
                goto out;
            if (ld->ev.type == YAML_SEQUENCE_END_EVENT)
                break;
            if (ld->ev.type != YAML_MAPPING_START_EVENT) {
                ld_fail(ld, ld->ev.start_mark, "expected a record mapping {name, size, align, fields}, found %s",
                        event_what(&ld->ev));
                goto out;
            }
            if (!ld_record(ld, tg))
                goto out;
        }
    }
    if (!(seen & 1u) || !(seen & 2u)) {
        ld_fail(ld, start, "target needs %s", !(seen & 1u) ? "a 'triple'" : "'records' (use 'records: []' for none)");
        goto out;
    }
    ok = 1;
out:
    free(triple);
    return ok;
}

static int ld_document(loader_t *ld, ptrcheck_layout_table_t *t)
{
    static const char *const keys[] = {"format", "targets"};
    unsigned seen = 0;
    size_t which = 0;
    int done;
    yaml_mark_t start;

    if (!ld_expect(ld, YAML_STREAM_START_EVENT, "a YAML stream") || !ld_next(ld))
        return 0;
    if (ld->ev.type == YAML_STREAM_END_EVENT)
        return ld_fail(ld, ld->ev.start_mark, "empty file: expected 'format: " PTRCHECK_LAYOUT_FORMAT "'");
    if (ld->ev.type != YAML_DOCUMENT_START_EVENT)
        return ld_fail(ld, ld->ev.start_mark, "expected a YAML document");
    if (!ld_next(ld))
        return 0;
    if (ld->ev.type != YAML_MAPPING_START_EVENT)
        return ld_fail(ld, ld->ev.start_mark,
                       "expected a mapping with 'format: " PTRCHECK_LAYOUT_FORMAT "' and 'targets', found %s",
                       event_what(&ld->ev));
    start = ld->ev.start_mark;
    for (;;) {
        if (!ld_key(ld, &done, keys, 2, &seen, &which))
            return 0;
        if (done)
            break;
        if (which == 0) {
            if (!ld_next(ld))
                return 0;
            if (ld->ev.type != YAML_SCALAR_EVENT ||
                strcmp((const char *)ld->ev.data.scalar.value, PTRCHECK_LAYOUT_FORMAT) != 0)
                return ld_fail(ld, ld->ev.start_mark, "unsupported format '%s' (expected " PTRCHECK_LAYOUT_FORMAT ")",
                               ld->ev.type == YAML_SCALAR_EVENT ? (const char *)ld->ev.data.scalar.value : "?");
            continue;
        }
        if (!(seen & 1u))
            return ld_fail(ld, ld->ev.start_mark, "'format: " PTRCHECK_LAYOUT_FORMAT "' must come first");
        if (!ld_expect(ld, YAML_SEQUENCE_START_EVENT, "'targets' as a sequence"))
            return 0;
        for (;;) {
            if (!ld_next(ld))
                return 0;
            if (ld->ev.type == YAML_SEQUENCE_END_EVENT)
                break;
            if (ld->ev.type != YAML_MAPPING_START_EVENT)
                return ld_fail(ld, ld->ev.start_mark, "expected a target mapping {triple, records}, found %s",
                               event_what(&ld->ev));
            if (!ld_target(ld, t))
                return 0;
        }
    }
    if (!(seen & 1u))
        return ld_fail(ld, start, "missing 'format: " PTRCHECK_LAYOUT_FORMAT "'");
    if (!(seen & 2u))
        return ld_fail(ld, start, "missing 'targets'");
    if (!ld_expect(ld, YAML_DOCUMENT_END_EVENT, "the end of the document") || !ld_next(ld))
        return 0;
    if (ld->ev.type != YAML_STREAM_END_EVENT)
        return ld_fail(ld, ld->ev.start_mark, "a layout table is a single YAML document");
    return 1;
}

static int load_common(loader_t *ld, ptrcheck_layout_table_t **out)
{
    ptrcheck_layout_table_t *t = ptrcheck_layout_table_create();
    int ok = 0;

    if (!t) {
        ptrcheck_error_set(ld->err, PTRCHECK_ERR_NOMEM, ld->name, 0, 0, "out of memory");
        goto fail;
    }
    ok = ld_document(ld, t);
fail:
    if (ld->have_ev)
        yaml_event_delete(&ld->ev);
    yaml_parser_delete(&ld->parser);
    if (!ok) {
        ptrcheck_layout_table_destroy(t);
        t = NULL;
    }
    *out = t;
    return ok;
}

int ptrcheck_layout_table_load_string(const char *name, const char *text, size_t len, ptrcheck_layout_table_t **out,
                                      ptrcheck_error_t *err)
{
    ptrcheck_error_t local;
    loader_t ld;

    if (!err)
        err = &local;
    *out = NULL;
    memset(&ld, 0, sizeof(ld));
    ld.name = name;
    ld.err = err;
    if (!yaml_parser_initialize(&ld.parser))
        return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, name, 0, 0, "out of memory");
    yaml_parser_set_input_string(&ld.parser, (const unsigned char *)text, len);
    return load_common(&ld, out);
}

int ptrcheck_layout_table_load(const char *path, ptrcheck_layout_table_t **out, ptrcheck_error_t *err)
{
    ptrcheck_error_t local;
    loader_t ld;
    FILE *fp;
    int ok;

    if (!err)
        err = &local;
    *out = NULL;
    fp = fopen(path, "rb");
    if (!fp)
        return ptrcheck_error_set(err, PTRCHECK_ERR_IO, path, 0, 0, "cannot open layout table: %s", strerror(errno));
    memset(&ld, 0, sizeof(ld));
    ld.name = path;
    ld.err = err;
    if (!yaml_parser_initialize(&ld.parser)) {
        fclose(fp);
        return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    yaml_parser_set_input_file(&ld.parser, fp);
    ok = load_common(&ld, out);
    if (ok && ferror(fp)) {
        ptrcheck_layout_table_destroy(*out);
        *out = NULL;
        ok = ptrcheck_error_set(err, PTRCHECK_ERR_IO, path, 0, 0, "read error");
    }
    fclose(fp);
    return ok;
}

/* ------------------------------------------------------------------ writer */

static int em_event(yaml_emitter_t *em, yaml_event_t *ev)
{
    return yaml_emitter_emit(em, ev);
}

static int em_scalar(yaml_emitter_t *em, const char *s)
{
    yaml_event_t ev;

    if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
                                      YAML_ANY_SCALAR_STYLE))
        return 0;
    return em_event(em, &ev);
}

/* Names must come back as strings: quote anything a YAML 1.1 reader would take for another type. */
static int em_name(yaml_emitter_t *em, const char *s)
{
    yaml_event_t ev;
    int quote = s[0] == '\0' || strchr("0123456789+-.~", s[0]) != NULL || strcmp(s, "true") == 0 ||
                strcmp(s, "false") == 0 || strcmp(s, "null") == 0 || strcmp(s, "yes") == 0 || strcmp(s, "no") == 0 ||
                strcmp(s, "on") == 0 || strcmp(s, "off") == 0 || strcmp(s, "y") == 0 || strcmp(s, "n") == 0;

    if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), !quote, 1,
                                      quote ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE))
        return 0;
    return em_event(em, &ev);
}

static int em_uint(yaml_emitter_t *em, uint64_t v)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%" PRIu64, v);
    return em_scalar(em, buf);
}

static int em_kv_uint(yaml_emitter_t *em, const char *k, uint64_t v)
{
    return em_scalar(em, k) && em_uint(em, v);
}

static int em_map_start(yaml_emitter_t *em, int flow)
{
    yaml_event_t ev;

    if (!yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                             flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE))
        return 0;
    return em_event(em, &ev);
}

static int em_map_end(yaml_emitter_t *em)
{
    yaml_event_t ev;

    return yaml_mapping_end_event_initialize(&ev) && em_event(em, &ev);
}

static int em_seq_start(yaml_emitter_t *em, int flow)
{
    yaml_event_t ev;

    if (!yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                              flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE))
        return 0;
    return em_event(em, &ev);
}

static int em_seq_end(yaml_emitter_t *em)
{
    yaml_event_t ev;

    return yaml_sequence_end_event_initialize(&ev) && em_event(em, &ev);
}

static int em_table(yaml_emitter_t *em, const ptrcheck_layout_table_t *t)
{
    yaml_event_t ev;
    size_t i, j, k;

    if (!yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) || !em_event(em, &ev))
        return 0;
    if (!yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) || !em_event(em, &ev))
        return 0;
    if (!em_map_start(em, 0) || !em_scalar(em, "format") || !em_scalar(em, PTRCHECK_LAYOUT_FORMAT) ||
        !em_scalar(em, "targets") || !em_seq_start(em, 0))
        return 0;
    for (i = 0; i < t->ntargets; i++) {
        const ptrcheck_layout_target_t *tg = t->targets[i];

        if (!em_map_start(em, 0) || !em_scalar(em, "triple") || !em_name(em, tg->triple) ||
            !em_scalar(em, "records") || !em_seq_start(em, tg->nrecords == 0))
            return 0;
        for (j = 0; j < tg->nrecords; j++) {
            const ptrcheck_layout_record_t *r = tg->records[j];

            if (!em_map_start(em, 0) || !em_scalar(em, "name") || !em_name(em, r->name) ||
                !em_kv_uint(em, "size", r->size) || !em_kv_uint(em, "align", r->align) ||
                !em_scalar(em, "fields") || !em_seq_start(em, r->nfields == 0))
                return 0;
            for (k = 0; k < r->nfields; k++) {
                const ptrcheck_layout_field_t *f = &r->fields[k];

                if (!em_map_start(em, 1) || !em_scalar(em, "name") || !em_name(em, f->name) ||
                    !em_kv_uint(em, "offset", f->offset) || !em_kv_uint(em, "size", f->size))
                    return 0;
                if (f->is_bitfield &&
                    (!em_kv_uint(em, "bit_offset", f->bit_offset) || !em_kv_uint(em, "bit_width", f->bit_width)))
                    return 0;
                if (!em_map_end(em))
                    return 0;
            }
            if (!em_seq_end(em) || !em_map_end(em))
                return 0;
        }
        if (!em_seq_end(em) || !em_map_end(em))
            return 0;
    }
    if (!em_seq_end(em) || !em_map_end(em))
        return 0;
    if (!yaml_document_end_event_initialize(&ev, 1) || !em_event(em, &ev))
        return 0;
    if (!yaml_stream_end_event_initialize(&ev) || !em_event(em, &ev))
        return 0;
    return yaml_emitter_flush(em);
}

static int write_fp(const ptrcheck_layout_table_t *t, FILE *fp, const char *name, ptrcheck_error_t *err)
{
    yaml_emitter_t em;
    int ok;

    if (!yaml_emitter_initialize(&em))
        return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, name, 0, 0, "out of memory");
    yaml_emitter_set_output_file(&em, fp);
    yaml_emitter_set_unicode(&em, 1);
    yaml_emitter_set_width(&em, -1);
    yaml_emitter_set_indent(&em, 2);
    ok = em_table(&em, t);
    if (!ok)
        ptrcheck_error_set(err, em.error == YAML_MEMORY_ERROR ? PTRCHECK_ERR_NOMEM : PTRCHECK_ERR_IO, name, 0, 0,
                           "cannot write layout table: %s", em.problem ? em.problem : strerror(errno));
    yaml_emitter_delete(&em);
    if (ok && (fflush(fp) != 0 || ferror(fp)))
        ok = ptrcheck_error_set(err, PTRCHECK_ERR_IO, name, 0, 0, "cannot write layout table: %s", strerror(errno));
    return ok;
}

int ptrcheck_layout_table_write_file(const ptrcheck_layout_table_t *t, FILE *fp, ptrcheck_error_t *err)
{
    return write_fp(t, fp, NULL, err);
}

int ptrcheck_layout_table_write(const ptrcheck_layout_table_t *t, const char *path, ptrcheck_error_t *err)
{
    char *tmp = NULL;
    FILE *fp = NULL;
    size_t n;
    int ok = 0;

    if (strcmp(path, "-") == 0)
        return write_fp(t, stdout, "<stdout>", err);
    n = strlen(path) + 32;
    tmp = malloc(n);
    if (!tmp)
        return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, path, 0, 0, "out of memory");
    snprintf(tmp, n, "%s.tmp%ld", path, (long)getpid());
    fp = fopen(tmp, "w");
    if (!fp) {
        ptrcheck_error_set(err, PTRCHECK_ERR_IO, path, 0, 0, "cannot create: %s", strerror(errno));
        goto fail;
    }
    if (!write_fp(t, fp, path, err))
        goto fail;
    if (fclose(fp) != 0) {
        fp = NULL;
        ptrcheck_error_set(err, PTRCHECK_ERR_IO, path, 0, 0, "cannot write: %s", strerror(errno));
        goto fail;
    }
    fp = NULL;
    if (rename(tmp, path) != 0) {
        ptrcheck_error_set(err, PTRCHECK_ERR_IO, path, 0, 0, "cannot replace: %s", strerror(errno));
        goto fail;
    }
    ok = 1;
fail:
    if (fp)
        fclose(fp);
    if (!ok)
        remove(tmp);
    free(tmp);
    return ok;
}
