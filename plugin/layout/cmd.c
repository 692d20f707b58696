/* `ptrcheck layout gen|show|check|asserts`. */
#define _POSIX_C_SOURCE 200809L
#include <ptrcheck/layout.h>

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXIT_DIFF 1
#define EXIT_USAGE 2

/* Mirrors the default `targets:` of share/default.ptrcheck.yaml. */
static const char *const default_targets[] = {
    "x86_64-linux-gnu", "aarch64-linux-gnu",      "i686-linux-gnu",
    "armv7-linux-gnueabihf", "x86_64-pc-windows-msvc", "arm64-apple-darwin",
};

static const char usage_text[] =
    "usage: ptrcheck layout gen [--targets T1,T2,...] [-I DIR] [-D NAME[=VAL]] [-U NAME] [--records GLOB[,GLOB...]]\n"
    "                           HEADER... [-o layouts.yaml]\n"
    "       ptrcheck layout show [--color auto|always|never] RECORD layouts.yaml\n"
    "       ptrcheck layout check layouts.yaml [-I DIR] [-D NAME[=VAL]] [-U NAME] [--records GLOB[,...]] HEADER...\n"
    "       ptrcheck layout asserts layouts.yaml [--target T] [--include HEADER]... [-o layout_asserts.h]\n"
    "exit status: 0 ok, 1 layouts differ (check), 2 usage or input error\n";

/* ------------------------------------------------------------------ small helpers */

typedef struct strvec_s {
    char **v;
    size_t n, cap;
} strvec_t;

static int sv_push(strvec_t *sv, const char *s)
{
    char *c;

    if (sv->n == sv->cap) {
        size_t ncap = sv->cap ? sv->cap * 2 : 8;
        char **p = realloc(sv->v, ncap * sizeof(*p));

        if (!p)
            return 0;
        sv->v = p;
        sv->cap = ncap;
    }
    c = strdup(s);
    if (!c)
        return 0;
    sv->v[sv->n++] = c;
    return 1;
}

static void sv_free(strvec_t *sv)
{
    size_t i;

    for (i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    memset(sv, 0, sizeof(*sv));
}

/* Splits "a,b,,c" into sv (empty parts dropped). */
static int sv_push_list(strvec_t *sv, const char *list)
{
    char *copy = strdup(list), *p, *save = NULL;
    int ok = copy != NULL;

    for (p = copy ? strtok_r(copy, ",", &save) : NULL; ok && p; p = strtok_r(NULL, ",", &save))
        ok = sv_push(sv, p);
    free(copy);
    return ok;
}

static int usage_error(const char *sub, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static int usage_error(const char *sub, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "ptrcheck layout%s%s: error: ", sub ? " " : "", sub ? sub : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (see 'ptrcheck layout --help')\n");
    return EXIT_USAGE;
}

static int report_error(const ptrcheck_error_t *err)
{
    char buf[2200];

    fprintf(stderr, "%s\n", ptrcheck_error_format(err, buf, sizeof(buf)));
    return EXIT_USAGE;
}

/* Options shared by gen and check. */
typedef struct genargs_s {
    strvec_t targets, clang_args, globs, positional;
    const char *output;
} genargs_t;

static void ga_free(genargs_t *ga)
{
    sv_free(&ga->targets);
    sv_free(&ga->clang_args);
    sv_free(&ga->globs);
    sv_free(&ga->positional);
}

/* Value of option `opt` at argv[*i]: "--opt=V", "-IV" (short) or "--opt V".  NULL if argv[*i] is
 * not this option; *missing = 1 when it is but has no value. */
static const char *opt_value(int argc, char **argv, int *i, const char *opt, int *missing)
{
    size_t n = strlen(opt);
    const char *a = argv[*i];

    if (strncmp(a, opt, n) != 0)
        return NULL;
    if (a[n] == '\0') {
        if (*i + 1 >= argc) {
            *missing = 1;
            return NULL;
        }
        return argv[++*i];
    }
    if (opt[1] != '-') /* short: -Idir */
        return a + n;
    if (a[n] == '=')
        return a + n + 1;
    return NULL;
}

/* Parses gen/check arguments from argv[first]. */
static int parse_genargs(const char *sub, int argc, char **argv, int first, genargs_t *ga, int allow_output)
{
    int i, missing = 0;
    const char *v;

    for (i = first; i < argc; i++) {
        const char *a = argv[i];

        missing = 0;
        if ((v = opt_value(argc, argv, &i, "--targets", &missing))) {
            if (!sv_push_list(&ga->targets, v))
                return usage_error(sub, "out of memory");
        } else if ((v = opt_value(argc, argv, &i, "--records", &missing))) {
            if (!sv_push_list(&ga->globs, v))
                return usage_error(sub, "out of memory");
        } else if ((v = opt_value(argc, argv, &i, "-I", &missing)) || (v = opt_value(argc, argv, &i, "-D", &missing)) ||
                   (v = opt_value(argc, argv, &i, "-U", &missing))) {
            char buf[4096];

            snprintf(buf, sizeof(buf), "-%c%s", a[1], v);
            if (!sv_push(&ga->clang_args, buf))
                return usage_error(sub, "out of memory");
        } else if (allow_output && (v = opt_value(argc, argv, &i, "-o", &missing))) {
            ga->output = v;
        } else if (missing) {
            return usage_error(sub, "option '%s' needs a value", a);
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error(sub, "unknown option '%s'", a);
        } else if (!sv_push(&ga->positional, a)) {
            return usage_error(sub, "out of memory");
        }
        if (missing)
            return usage_error(sub, "option '%s' needs a value", a);
    }
    return 0;
}

static int run_generate(const genargs_t *ga, const strvec_t *targets, size_t header0, ptrcheck_layout_table_t *out,
                        ptrcheck_error_t *err)
{
    ptrcheck_layout_gen_options_t opt;

    memset(&opt, 0, sizeof(opt));
    opt.targets = (const char *const *)targets->v;
    opt.ntargets = targets->n;
    opt.headers = (const char *const *)ga->positional.v + header0;
    opt.nheaders = ga->positional.n - header0;
    opt.clang_args = (const char *const *)ga->clang_args.v;
    opt.nclang_args = ga->clang_args.n;
    opt.record_globs = (const char *const *)ga->globs.v;
    opt.nrecord_globs = ga->globs.n;
    return ptrcheck_layout_generate(&opt, out, err);
}

/* ------------------------------------------------------------------ gen */

static int cmd_gen(int argc, char **argv)
{
    genargs_t ga;
    ptrcheck_layout_table_t *t = NULL;
    ptrcheck_error_t err;
    size_t i;
    int rc = EXIT_USAGE;

    memset(&ga, 0, sizeof(ga));
    ptrcheck_error_clear(&err);
    if (parse_genargs("gen", argc, argv, 1, &ga, 1))
        goto out;
    if (ga.positional.n == 0) {
        usage_error("gen", "no header given");
        goto out;
    }
    if (ga.targets.n == 0)
        for (i = 0; i < sizeof(default_targets) / sizeof(default_targets[0]); i++)
            if (!sv_push(&ga.targets, default_targets[i]))
                goto out;
    t = ptrcheck_layout_table_create();
    if (!t) {
        usage_error("gen", "out of memory");
        goto out;
    }
    if (!run_generate(&ga, &ga.targets, 0, t, &err) ||
        !ptrcheck_layout_table_write(t, ga.output ? ga.output : "-", &err)) {
        report_error(&err);
        goto out;
    }
    rc = 0;
out:
    ptrcheck_layout_table_destroy(t);
    ga_free(&ga);
    return rc;
}

/* ------------------------------------------------------------------ show */

typedef struct hole_s {
    uint64_t offset, size;
} hole_t;

typedef struct holes_s {
    hole_t *v;
    size_t n, cap;
} holes_t;

static void collect_hole(void *user, uint64_t offset, uint64_t size)
{
    holes_t *h = user;

    if (h->n == h->cap) {
        size_t ncap = h->cap ? h->cap * 2 : 8;
        hole_t *p = realloc(h->v, ncap * sizeof(*p));

        if (!p)
            return;
        h->v = p;
        h->cap = ncap;
    }
    h->v[h->n].offset = offset;
    h->v[h->n].size = size;
    h->n++;
}

static void field_cell(char *buf, size_t n, const ptrcheck_layout_field_t *f)
{
    if (!f)
        snprintf(buf, n, "-");
    else if (f->is_bitfield)
        snprintf(buf, n, "%" PRIu64 ".%u [%ub]", f->offset, f->bit_offset, f->bit_width);
    else
        snprintf(buf, n, "%" PRIu64 " [%" PRIu64 "]", f->offset, f->size);
}

typedef struct show_s {
    FILE *out;
    int color;
    size_t ntargets;
    size_t namew;
    size_t *colw;
} show_t;

static void show_row(const show_t *s, int mark, const char *kind, const char *name, char **cells, const int *hot)
{
    size_t i;
    const char *on = "", *off = "";

    if (s->color && kind[0] == 'd') {
        on = "\033[1;33m";
        off = "\033[0m";
    } else if (s->color && kind[0] == 'p') {
        on = "\033[2m";
        off = "\033[0m";
    }
    fprintf(s->out, "%s%c %-*s", on, mark && !s->color ? '*' : ' ', (int)s->namew, name);
    for (i = 0; i < s->ntargets; i++) {
        if (s->color && hot && hot[i])
            fprintf(s->out, "  \033[1;31m%-*s\033[0m%s", (int)s->colw[i], cells[i], on);
        else
            fprintf(s->out, "  %-*s", (int)s->colw[i], cells[i]);
    }
    fprintf(s->out, "%s\n", off);
}

/* hot[i] = key[i] differs from the most common key among present[i] (ties: the first one). */
static void mark_outliers(const uint64_t *key, const int *present, size_t n, int *hot)
{
    size_t i, j, best = 0, bestn = 0;

    for (i = 0; i < n; i++) {
        size_t c = 0;

        if (!present[i])
            continue;
        for (j = 0; j < n; j++)
            c += present[j] && key[j] == key[i];
        if (c > bestn) {
            bestn = c;
            best = i;
        }
    }
    for (i = 0; i < n; i++)
        hot[i] = present[i] && key[i] != key[best];
}

static const ptrcheck_layout_record_t *find_record_loose(const ptrcheck_layout_target_t *tg, const char *name)
{
    const ptrcheck_layout_record_t *r = ptrcheck_layout_target_find_record(tg, name);
    char buf[1024];

    if (r)
        return r;
    snprintf(buf, sizeof(buf), "struct %s", name);
    if ((r = ptrcheck_layout_target_find_record(tg, buf)))
        return r;
    snprintf(buf, sizeof(buf), "union %s", name);
    return ptrcheck_layout_target_find_record(tg, buf);
}

#define CELL 64

static int cmd_show(int argc, char **argv)
{
    const char *recname = NULL, *path = NULL, *color_opt = "auto";
    ptrcheck_layout_table_t *t = NULL;
    const ptrcheck_layout_record_t **recs = NULL;
    holes_t *holes = NULL;
    const char **rows = NULL; /* field names, union over targets */
    size_t nrows = 0, nt = 0, i, j, k;
    char **cells = NULL;
    int *hot = NULL, *present = NULL;
    uint64_t *keys = NULL;
    ptrcheck_error_t err;
    show_t s;
    int rc = EXIT_USAGE, any = 0, missing = 0;

    memset(&s, 0, sizeof(s));
    ptrcheck_error_clear(&err);
    for (i = 1; i < (size_t)argc; i++) {
        int ii = (int)i;
        const char *v = opt_value(argc, argv, &ii, "--color", &missing);

        i = (size_t)ii;
        if (v)
            color_opt = v;
        else if (missing)
            return usage_error("show", "option '--color' needs a value");
        else if (argv[i][0] == '-' && argv[i][1])
            return usage_error("show", "unknown option '%s'", argv[i]);
        else if (!recname)
            recname = argv[i];
        else if (!path)
            path = argv[i];
        else
            return usage_error("show", "unexpected argument '%s'", argv[i]);
    }
    if (!path)
        return usage_error("show", "expected a record name and a layout table: show 'struct event' layouts.yaml");
    if (strcmp(color_opt, "always") == 0)
        s.color = 1;
    else if (strcmp(color_opt, "never") == 0)
        s.color = 0;
    else if (strcmp(color_opt, "auto") == 0)
        s.color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
    else
        return usage_error("show", "--color takes auto, always or never, not '%s'", color_opt);
    if (!ptrcheck_layout_table_load(path, &t, &err))
        return report_error(&err);
    nt = ptrcheck_layout_table_ntargets(t);
    recs = calloc(nt + 1, sizeof(*recs));
    holes = calloc(nt + 1, sizeof(*holes));
    cells = calloc(nt + 1, sizeof(*cells));
    hot = calloc(nt + 1, sizeof(*hot));
    present = calloc(nt + 1, sizeof(*present));
    keys = calloc(nt + 1, sizeof(*keys));
    s.colw = calloc(nt + 1, sizeof(*s.colw));
    if (!recs || !holes || !cells || !hot || !present || !keys || !s.colw)
        goto nomem;
    for (i = 0; i < nt; i++)
        if (!(cells[i] = malloc(CELL)))
            goto nomem;
    for (i = 0; i < nt; i++) {
        const ptrcheck_layout_record_t *r = find_record_loose(ptrcheck_layout_table_target_at(t, i), recname);

        recs[i] = r;
        if (!r)
            continue;
        any = 1;
        ptrcheck_layout_record_holes(r, collect_hole, &holes[i]);
        for (j = 0; j < r->nfields; j++) {
            for (k = 0; k < nrows; k++)
                if (strcmp(rows[k], r->fields[j].name) == 0)
                    break;
            if (k == nrows) {
                const char **p = realloc(rows, (nrows + 1) * sizeof(*rows));

                if (!p)
                    goto nomem;
                rows = p;
                rows[nrows++] = r->fields[j].name;
            }
        }
    }
    if (!any) {
        fprintf(stderr, "%s: error: no record '%s' in the layout table (spell it as in the table: 'struct event', "
                        "'union u', 'typedef_name')\n", path, recname);
        goto out;
    }
    /* Column widths. */
    s.out = stdout;
    s.ntargets = nt;
    s.namew = strlen(recs[0] ? recs[0]->name : recname);
    for (i = 0; i < nt; i++)
        if (recs[i] && strlen(recs[i]->name) > s.namew)
            s.namew = strlen(recs[i]->name);
    for (k = 0; k < nrows; k++)
        if (strlen(rows[k]) > s.namew)
            s.namew = strlen(rows[k]);
    if (s.namew < 10)
        s.namew = 10;
    for (i = 0; i < nt; i++) {
        const char *tr = ptrcheck_layout_target_triple(ptrcheck_layout_table_target_at(t, i));

        s.colw[i] = strlen(tr) > 12 ? strlen(tr) : 12;
    }
    /* Header, size, align. */
    for (i = 0; i < nt; i++)
        snprintf(cells[i], CELL, "%s", ptrcheck_layout_target_triple(ptrcheck_layout_table_target_at(t, i)));
    show_row(&s, 0, "h", recs[0] ? recs[0]->name : recname, cells, NULL);
    for (j = 0; j < 2; j++) {
        int differ = 0;
        uint64_t first = 0;
        int have = 0;

        for (i = 0; i < nt; i++) {
            uint64_t v = recs[i] ? (j == 0 ? recs[i]->size : recs[i]->align) : 0;

            if (recs[i])
                snprintf(cells[i], CELL, "%" PRIu64, v);
            else
                snprintf(cells[i], CELL, "(absent)");
            if (recs[i] && have && v != first)
                differ = 1;
            if (recs[i] && !have) {
                have = 1;
                first = v;
            }
        }
        for (i = 0; i < nt; i++) {
            keys[i] = recs[i] ? (j == 0 ? recs[i]->size : recs[i]->align) : 0;
            present[i] = recs[i] != NULL;
        }
        mark_outliers(keys, present, nt, hot);
        show_row(&s, differ, differ ? "d" : "n", j == 0 ? "sizeof" : "_Alignof", cells, hot);
    }
    /* Fields, each followed by the padding holes that start right after it. */
    for (k = 0; k < nrows; k++) {
        const ptrcheck_layout_field_t *fs[64], *first = NULL;
        int differ = 0, anyhole = 0;
        size_t ntt = nt < 64 ? nt : 64;

        for (i = 0; i < ntt; i++) {
            fs[i] = recs[i] ? ptrcheck_layout_find_field(recs[i], rows[k]) : NULL;
            field_cell(cells[i], CELL, fs[i]);
            if (recs[i] && !fs[i])
                differ = 1;
            if (fs[i] && first &&
                (fs[i]->offset != first->offset || fs[i]->is_bitfield != first->is_bitfield ||
                 (fs[i]->is_bitfield && fs[i]->bit_offset != first->bit_offset)))
                differ = 1;
            if (fs[i] && !first)
                first = fs[i];
        }
        for (i = 0; i < ntt; i++) {
            /* absent fields sort as their own value */
            keys[i] = fs[i] ? fs[i]->offset * 16 + (fs[i]->is_bitfield ? 8u + fs[i]->bit_offset : 0u) : UINT64_MAX;
            present[i] = recs[i] != NULL;
        }
        mark_outliers(keys, present, ntt, hot);
        for (; i < nt; i++)
            snprintf(cells[i], CELL, "?");
        show_row(&s, differ, differ ? "d" : "n", rows[k], cells, hot);
        /* Holes attached to this field: the hole starts where the field's bytes end, and no later
         * leaf field of the same target ends there too. */
        for (i = 0; i < ntt; i++) {
            cells[i][0] = '\0';
            if (!fs[i] || !fs[i]->is_leaf)
                continue;
            for (j = 0; j < holes[i].n; j++) {
                uint64_t end = fs[i]->offset + fs[i]->size;
                const ptrcheck_layout_field_t *f;
                int later = 0;

                if (holes[i].v[j].offset != end)
                    continue;
                for (f = fs[i] + 1; f < recs[i]->fields + recs[i]->nfields; f++)
                    if (f->is_leaf && f->offset + f->size == end)
                        later = 1;
                if (later)
                    continue;
                snprintf(cells[i], CELL, "%" PRIu64 " [%" PRIu64 " pad]", holes[i].v[j].offset, holes[i].v[j].size);
                anyhole = 1;
            }
        }
        if (anyhole) {
            for (i = 0; i < nt; i++) {
                hot[i] = 0;
                if (!cells[i][0])
                    snprintf(cells[i], CELL, " ");
            }
            show_row(&s, 0, "p", "  (padding)", cells, NULL);
        }
    }
    fprintf(stdout, "\ncells: offset [size] in bytes; bit-fields: byte.bit [width in bits]; "
                    "%s: offset differs between targets\n", s.color ? "highlighted" : "*");
    rc = 0;
    goto out;
nomem:
    fprintf(stderr, "ptrcheck layout show: error: out of memory\n");
out:
    for (i = 0; cells && i < nt; i++)
        free(cells[i]);
    for (i = 0; holes && i < nt; i++)
        free(holes[i].v);
    free(cells);
    free(holes);
    free(hot);
    free(present);
    free(keys);
    free(recs);
    free(rows);
    free(s.colw);
    ptrcheck_layout_table_destroy(t);
    return rc;
}

/* ------------------------------------------------------------------ check */

typedef struct diff_s {
    char *msg;
    char *targets;
} diff_t;

typedef struct diffs_s {
    diff_t *v;
    size_t n, cap;
    int oom;
} diffs_t;

static void diff_add(diffs_t *d, const char *triple, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void diff_add(diffs_t *d, const char *triple, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    size_t i;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    for (i = 0; i < d->n; i++)
        if (strcmp(d->v[i].msg, msg) == 0) {
            size_t n = strlen(d->v[i].targets) + strlen(triple) + 3;
            char *p = realloc(d->v[i].targets, n);

            if (!p) {
                d->oom = 1;
                return;
            }
            strcat(p, ", ");
            strcat(p, triple);
            d->v[i].targets = p;
            return;
        }
    if (d->n == d->cap) {
        size_t ncap = d->cap ? d->cap * 2 : 16;
        diff_t *p = realloc(d->v, ncap * sizeof(*p));

        if (!p) {
            d->oom = 1;
            return;
        }
        d->v = p;
        d->cap = ncap;
    }
    d->v[d->n].msg = strdup(msg);
    d->v[d->n].targets = strdup(triple);
    if (!d->v[d->n].msg || !d->v[d->n].targets) {
        free(d->v[d->n].msg);
        free(d->v[d->n].targets);
        d->oom = 1;
        return;
    }
    d->n++;
}

static void diff_record(diffs_t *d, const char *triple, const ptrcheck_layout_record_t *a,
                        const ptrcheck_layout_record_t *b)
{
    size_t i;

    if (a->size != b->size)
        diff_add(d, triple, "%s: size %" PRIu64 " -> %" PRIu64, a->name, a->size, b->size);
    if (a->align != b->align)
        diff_add(d, triple, "%s: align %" PRIu64 " -> %" PRIu64, a->name, a->align, b->align);
    for (i = 0; i < a->nfields; i++) {
        const ptrcheck_layout_field_t *x = &a->fields[i], *y = ptrcheck_layout_find_field(b, x->name);

        if (!y) {
            diff_add(d, triple, "%s: field '%s' removed (was offset %" PRIu64 ", size %" PRIu64 ")", a->name, x->name,
                     x->offset, x->size);
            continue;
        }
        if (x->offset != y->offset)
            diff_add(d, triple, "%s: field '%s' offset %" PRIu64 " -> %" PRIu64, a->name, x->name, x->offset,
                     y->offset);
        if (x->size != y->size)
            diff_add(d, triple, "%s: field '%s' size %" PRIu64 " -> %" PRIu64, a->name, x->name, x->size, y->size);
        if (x->is_bitfield != y->is_bitfield)
            diff_add(d, triple, "%s: field '%s' %s a bit-field", a->name, x->name,
                     y->is_bitfield ? "is now" : "is no longer");
        else if (x->is_bitfield) {
            if (x->bit_offset != y->bit_offset)
                diff_add(d, triple, "%s: field '%s' bit offset %u -> %u", a->name, x->name, x->bit_offset,
                         y->bit_offset);
            if (x->bit_width != y->bit_width)
                diff_add(d, triple, "%s: field '%s' bit width %u -> %u", a->name, x->name, x->bit_width,
                         y->bit_width);
        }
    }
    for (i = 0; i < b->nfields; i++) {
        const ptrcheck_layout_field_t *y = &b->fields[i];

        if (!ptrcheck_layout_find_field(a, y->name))
            diff_add(d, triple, "%s: field '%s' added (offset %" PRIu64 ", size %" PRIu64 ")", a->name, y->name,
                     y->offset, y->size);
    }
}

static int cmd_check(int argc, char **argv)
{
    genargs_t ga;
    ptrcheck_layout_table_t *old = NULL, *cur = NULL;
    strvec_t triples;
    diffs_t d;
    ptrcheck_error_t err;
    size_t i, j, nrec = 0;
    int rc = EXIT_USAGE;

    memset(&ga, 0, sizeof(ga));
    memset(&triples, 0, sizeof(triples));
    memset(&d, 0, sizeof(d));
    ptrcheck_error_clear(&err);
    if (parse_genargs("check", argc, argv, 1, &ga, 0))
        goto out;
    if (ga.targets.n) {
        usage_error("check", "--targets is not used by check: the table's targets are recomputed");
        goto out;
    }
    if (ga.positional.n < 2) {
        usage_error("check", "expected a layout table and the headers: check layouts.yaml HEADER...");
        goto out;
    }
    if (!ptrcheck_layout_table_load(ga.positional.v[0], &old, &err)) {
        report_error(&err);
        goto out;
    }
    for (i = 0; i < ptrcheck_layout_table_ntargets(old); i++)
        if (!sv_push(&triples, ptrcheck_layout_target_triple(ptrcheck_layout_table_target_at(old, i)))) {
            usage_error("check", "out of memory");
            goto out;
        }
    if (triples.n == 0) {
        fprintf(stderr, "%s: error: the layout table has no targets\n", ga.positional.v[0]);
        goto out;
    }
    cur = ptrcheck_layout_table_create();
    if (!cur || !run_generate(&ga, &triples, 1, cur, &err)) {
        if (cur)
            report_error(&err);
        goto out;
    }
    for (i = 0; i < triples.n; i++) {
        const ptrcheck_layout_target_t *ot = ptrcheck_layout_table_target_at(old, i);
        const ptrcheck_layout_target_t *nt = ptrcheck_layout_table_find_target(cur, triples.v[i]);

        for (j = 0; j < ptrcheck_layout_target_nrecords(ot); j++) {
            const ptrcheck_layout_record_t *a = ptrcheck_layout_target_record_at(ot, j);
            const ptrcheck_layout_record_t *b = ptrcheck_layout_target_find_record(nt, a->name);

            nrec++;
            if (!b)
                diff_add(&d, triples.v[i], "%s: record removed", a->name);
            else
                diff_record(&d, triples.v[i], a, b);
        }
        for (j = 0; j < ptrcheck_layout_target_nrecords(nt); j++) {
            const ptrcheck_layout_record_t *b = ptrcheck_layout_target_record_at(nt, j);

            if (!ptrcheck_layout_target_find_record(ot, b->name))
                diff_add(&d, triples.v[i], "%s: record added (size %" PRIu64 ", align %" PRIu64 ")", b->name, b->size,
                         b->align);
        }
    }
    if (d.oom) {
        usage_error("check", "out of memory");
        goto out;
    }
    for (i = 0; i < d.n; i++)
        printf("%s on %s\n", d.v[i].msg, d.v[i].targets);
    if (d.n) {
        fprintf(stderr, "%s: %zu layout difference%s; if intended, regenerate it with 'ptrcheck layout gen'\n",
                ga.positional.v[0], d.n, d.n == 1 ? "" : "s");
        rc = EXIT_DIFF;
    } else {
        printf("%s: %zu record layout%s on %zu target%s unchanged\n", ga.positional.v[0], nrec, nrec == 1 ? "" : "s",
               triples.n, triples.n == 1 ? "" : "s");
        rc = 0;
    }
out:
    for (i = 0; i < d.n; i++) {
        free(d.v[i].msg);
        free(d.v[i].targets);
    }
    free(d.v);
    sv_free(&triples);
    ptrcheck_layout_table_destroy(old);
    ptrcheck_layout_table_destroy(cur);
    ga_free(&ga);
    return rc;
}

/* ------------------------------------------------------------------ asserts */

static int is_ident(const char *s, size_t n)
{
    size_t i;

    if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
        return 0;
    for (i = 1; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
              s[i] == '_'))
            return 0;
    return 1;
}

static int valid_type_name(const char *s)
{
    if (strncmp(s, "struct ", 7) == 0)
        s += 7;
    else if (strncmp(s, "union ", 6) == 0)
        s += 6;
    return is_ident(s, strlen(s));
}

static int valid_designator(const char *s)
{
    for (;;) {
        const char *dot = strchr(s, '.');
        size_t n = dot ? (size_t)(dot - s) : strlen(s);

        if (!is_ident(s, n))
            return 0;
        if (!dot)
            return 1;
        s = dot + 1;
    }
}

static int cmd_asserts(int argc, char **argv)
{
    const char *path = NULL, *triple = NULL, *output = NULL, *v;
    strvec_t includes;
    ptrcheck_layout_table_t *t = NULL;
    const ptrcheck_layout_target_t *tg;
    ptrcheck_error_t err;
    FILE *fp = NULL;
    char guard[256];
    size_t i, j, n = 0;
    int rc = EXIT_USAGE, missing = 0, ii;

    memset(&includes, 0, sizeof(includes));
    ptrcheck_error_clear(&err);
    for (ii = 1; ii < argc; ii++) {
        missing = 0;
        if ((v = opt_value(argc, argv, &ii, "--target", &missing)))
            triple = v;
        else if ((v = opt_value(argc, argv, &ii, "--include", &missing))) {
            if (!sv_push(&includes, v)) {
                usage_error("asserts", "out of memory");
                goto out;
            }
        } else if ((v = opt_value(argc, argv, &ii, "-o", &missing)))
            output = v;
        else if (missing) {
            usage_error("asserts", "option '%s' needs a value", argv[ii]);
            goto out;
        } else if (argv[ii][0] == '-' && argv[ii][1]) {
            usage_error("asserts", "unknown option '%s'", argv[ii]);
            goto out;
        } else if (!path)
            path = argv[ii];
        else {
            usage_error("asserts", "unexpected argument '%s'", argv[ii]);
            goto out;
        }
    }
    if (!path) {
        usage_error("asserts", "expected a layout table: asserts layouts.yaml --target T -o layout_asserts.h");
        goto out;
    }
    if (!ptrcheck_layout_table_load(path, &t, &err)) {
        report_error(&err);
        goto out;
    }
    if (!triple) {
        if (ptrcheck_layout_table_ntargets(t) != 1) {
            usage_error("asserts", "--target is required: %s has %zu targets", path, ptrcheck_layout_table_ntargets(t));
            goto out;
        }
        triple = ptrcheck_layout_target_triple(ptrcheck_layout_table_target_at(t, 0));
    }
    tg = ptrcheck_layout_table_find_target(t, triple);
    if (!tg) {
        fprintf(stderr, "%s: error: no target '%s' in the layout table (it has:", path, triple);
        for (i = 0; i < ptrcheck_layout_table_ntargets(t); i++)
            fprintf(stderr, " %s", ptrcheck_layout_target_triple(ptrcheck_layout_table_target_at(t, i)));
        fprintf(stderr, ")\n");
        goto out;
    }
    for (i = 0; i < ptrcheck_layout_target_nrecords(tg); i++) {
        const ptrcheck_layout_record_t *r = ptrcheck_layout_target_record_at(tg, i);

        if (!valid_type_name(r->name)) {
            fprintf(stderr, "%s:%u:%u: error: record name '%s' is not a C type name\n", path, r->yaml_line,
                    r->yaml_col, r->name);
            goto out;
        }
        for (j = 0; j < r->nfields; j++)
            if (!valid_designator(r->fields[j].name)) {
                fprintf(stderr, "%s:%u:%u: error: field name '%s' is not a member designator\n", path,
                        r->fields[j].yaml_line, r->fields[j].yaml_col, r->fields[j].name);
                goto out;
            }
    }
    fp = output && strcmp(output, "-") != 0 ? fopen(output, "w") : stdout;
    if (!fp) {
        fprintf(stderr, "%s: error: cannot create: %s\n", output, strerror(errno));
        goto out;
    }
    snprintf(guard, sizeof(guard), "PTRCHECK_LAYOUT_ASSERTS_%s", ptrcheck_layout_target_triple(tg));
    for (i = 0; guard[i]; i++)
        if (!is_ident(guard + i, 1) && !(guard[i] >= '0' && guard[i] <= '9'))
            guard[i] = '_';
        else if (guard[i] >= 'a' && guard[i] <= 'z')
            guard[i] = (char)(guard[i] - 'a' + 'A');
    fprintf(fp, "/* Generated by `ptrcheck layout asserts` from %s for target %s.  Do not edit.\n"
                " * Include it only in code compiled for that target, after the headers that define the records. */\n"
                "#ifndef %s\n#define %s\n\n#include <stddef.h>\n",
            path, ptrcheck_layout_target_triple(tg), guard, guard);
    for (i = 0; i < includes.n; i++) {
        if (includes.v[i][0] == '<' || includes.v[i][0] == '"')
            fprintf(fp, "#include %s\n", includes.v[i]);
        else
            fprintf(fp, "#include \"%s\"\n", includes.v[i]);
    }
    for (i = 0; i < ptrcheck_layout_target_nrecords(tg); i++) {
        const ptrcheck_layout_record_t *r = ptrcheck_layout_target_record_at(tg, i);
        const char *tr = ptrcheck_layout_target_triple(tg);

        fprintf(fp, "\n/* %s */\n", r->name);
        fprintf(fp, "_Static_assert(sizeof(%s) == %" PRIu64 ", \"sizeof(%s) == %" PRIu64 " on %s\");\n", r->name,
                r->size, r->name, r->size, tr);
        fprintf(fp, "_Static_assert(_Alignof(%s) == %" PRIu64 ", \"_Alignof(%s) == %" PRIu64 " on %s\");\n", r->name,
                r->align, r->name, r->align, tr);
        n += 2;
        for (j = 0; j < r->nfields; j++) {
            const ptrcheck_layout_field_t *f = &r->fields[j];

            if (f->is_bitfield) {
                fprintf(fp, "/* %s: bit-field, byte %" PRIu64 " bit %u width %u (offsetof does not apply) */\n",
                        f->name, f->offset, f->bit_offset, f->bit_width);
                continue;
            }
            fprintf(fp,
                    "_Static_assert(offsetof(%s, %s) == %" PRIu64 ", \"offsetof(%s, %s) == %" PRIu64 " on %s\");\n",
                    r->name, f->name, f->offset, r->name, f->name, f->offset, tr);
            n++;
        }
    }
    fprintf(fp, "\n#endif /* %s */\n", guard);
    if (fflush(fp) != 0 || ferror(fp)) {
        fprintf(stderr, "%s: error: write failed: %s\n", output ? output : "<stdout>", strerror(errno));
        goto out;
    }
    (void)n;
    rc = 0;
out:
    if (fp && fp != stdout && fclose(fp) != 0 && rc == 0) {
        fprintf(stderr, "%s: error: write failed: %s\n", output, strerror(errno));
        rc = EXIT_USAGE;
    }
    sv_free(&includes);
    ptrcheck_layout_table_destroy(t);
    return rc;
}

/* ------------------------------------------------------------------ entry */

int ptrcheck_layout_main(int argc, char **argv)
{
    const char *sub;

    if (argc < 2)
        return usage_error(NULL, "expected a subcommand: gen, show, check or asserts");
    sub = argv[1];
    if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0 || strcmp(sub, "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(sub, "gen") == 0)
        return cmd_gen(argc - 1, argv + 1);
    if (strcmp(sub, "show") == 0)
        return cmd_show(argc - 1, argv + 1);
    if (strcmp(sub, "check") == 0)
        return cmd_check(argc - 1, argv + 1);
    if (strcmp(sub, "asserts") == 0)
        return cmd_asserts(argc - 1, argv + 1);
    return usage_error(NULL, "unknown subcommand '%s' (expected gen, show, check or asserts)", sub);
}
