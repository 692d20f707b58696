/* .ptrcheck.yaml: defaults, loading (libyaml event API), lookup and check selection.
 *
 * Loading happens in two steps.  First the libyaml event stream is turned into a small tree
 * (refusing anchors, aliases, nesting deeper than CONFIG_MAX_DEPTH and multiple documents), then
 * the tree is validated key by key into a staging configuration.  Only when the whole file is
 * valid are the keys it gives moved into the caller's configuration, so a failed load leaves the
 * configuration exactly as it was. */
#define _XOPEN_SOURCE 700

#include <ptrcheck/ptrcheck.h>

#include <yaml.h>

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <regex.h>
#include <sys/stat.h>

#define CONFIG_FILE_NAME ".ptrcheck.yaml"
#define CONFIG_MAX_DEPTH 32
#define CONFIG_MAX_SIZE (4u << 20) /* a configuration file is small; refuse /dev/zero-like input */

#if defined(__GNUC__)
#define CONFIG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CONFIG_PRINTF(f, a)
#endif

static const char *const default_targets[] = {
    "x86_64-linux-gnu",      "aarch64-linux-gnu",      "i686-linux-gnu",
    "armv7-linux-gnueabihf", "x86_64-pc-windows-msvc", "arm64-apple-darwin",
};

typedef enum config_key_e {
    KEY_CHECKS,
    KEY_TARGETS,
    KEY_STRICT_PROVENANCE,
    KEY_LAYOUT_TABLES,
    KEY_REPORT_PORTABLE_LITERALS,
    KEY_SLICE_TYPES,
    KEY_INFER_SLICE_TYPES,
    KEY_RETAINING_FUNCTIONS,
    KEY_BORROWED_FUNCTIONS,
    KEY_EXCLUDE,
    KEY_HEADER_FILTER,
    KEY_SYSTEM_HEADERS,
    KEY_COUNT
} config_key_t;

static const char *const top_keys[KEY_COUNT] = {
    "checks",      "targets",           "strict-provenance",   "layout-tables",     "report-portable-literals",
    "slice-types", "infer-slice-types", "retaining-functions", "borrowed-functions", "exclude",
    "header-filter", "system-headers",
};

static const char *const slice_keys[] = {"type", "data", "len", "cap", "unit"};
static const char *const retaining_keys[] = {"name", "arg"};

/* ------------------------------------------------------------------ small helpers */

static char *dup_range(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static char *dup_string(const char *s)
{
    return dup_range(s, strlen(s));
}

static void free_strv(char **v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void free_slice(ptrcheck_slice_type_t *s)
{
    free(s->type);
    free(s->data);
    free(s->len);
    free(s->cap);
    memset(s, 0, sizeof(*s));
}

static void free_slices(ptrcheck_slice_type_t *v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        free_slice(&v[i]);
    free(v);
}

static void free_retaining(ptrcheck_retaining_t *v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        free(v[i].name);
    free(v);
}

/* Copies s for a message: at most 60 characters, non-printable bytes shown as '?'. */
static const char *shown(const char *s, char buf[72])
{
    size_t i;
    for (i = 0; s[i] && i < 60; i++)
        buf[i] = isprint((unsigned char)s[i]) ? s[i] : '?';
    if (s[i]) {
        memcpy(buf + i, "...", 3);
        i += 3;
    }
    buf[i] = '\0';
    return buf;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static int has_wildcard(const char *s)
{
    return strchr(s, '*') != NULL || strchr(s, '?') != NULL;
}

/* Case-insensitive Levenshtein distance; (size_t)-1 when either string is too long to bother. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t row[65];
    size_t la = strlen(a), lb = strlen(b), i, j;

    if (la > 64 || lb > 64)
        return (size_t)-1;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]) ? 0 : 1;
            size_t best = diag + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* True when the shorter of a and b (at least 3 characters) starts the longer: "lenght" / "len". */
static int prefix_related(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), n = la < lb ? la : lb, i;

    if (n < 3)
        return 0;
    for (i = 0; i < n; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return 0;
    return 1;
}

/* The closest candidate to word, or NULL when none is close enough to be a plausible typo. */
static const char *closest(const char *word, const char *const *cands, size_t n)
{
    const char *best = NULL;
    size_t bestd = (size_t)-1, i, len = strlen(word);

    for (i = 0; i < n; i++) {
        size_t d = edit_distance(word, cands[i]);
        if (d != (size_t)-1 && d > 2 && prefix_related(word, cands[i]))
            d = 2; /* "argument" for "arg": as plausible as a two-letter typo */
        if (d < bestd) {
            bestd = d;
            best = cands[i];
        }
    }
    if (best && (bestd <= 2 || bestd * 3 <= len))
        return best;
    return NULL;
}

/* ------------------------------------------------------------------ check globs */

/* A glob that contains no wildcard must name a check exactly: catches typos in check names. */
static int glob_names_known_check(const char *glob)
{
    size_t i;
    if (has_wildcard(glob))
        return 1;
    for (i = 0; i < (size_t)PTRCHECK_CHECK_COUNT; i++) {
        const ptrcheck_check_info_t *info = ptrcheck_check_info((ptrcheck_check_t)i);
        if (info && strcmp(info->full_id, glob) == 0)
            return 1;
    }
    return 0;
}

/* Fills buf with "; did you mean 'ptrcheck-x'?" for a mistyped check name, or "". */
static const char *check_suggestion(const char *glob, char *buf, size_t size)
{
    const char *best = NULL;
    size_t bestd = (size_t)-1, i;
    char prefixed[128];

    buf[0] = '\0';
    snprintf(prefixed, sizeof(prefixed), "ptrcheck-%s", glob);
    for (i = 0; i < (size_t)PTRCHECK_CHECK_COUNT; i++) {
        const ptrcheck_check_info_t *info = ptrcheck_check_info((ptrcheck_check_t)i);
        size_t d1 = edit_distance(glob, info->full_id);
        size_t d2 = edit_distance(prefixed, info->full_id);
        size_t d = d1 < d2 ? d1 : d2;
        if (d < bestd) {
            bestd = d;
            best = info->full_id;
        }
    }
    if (best && (bestd <= 2 || bestd * 3 <= strlen(glob)))
        snprintf(buf, size, "; did you mean '%s'?", best);
    else
        snprintf(buf, size, " (see ptrcheck --list-checks)");
    return buf;
}

static size_t count_pieces(const char *list)
{
    size_t n = 1;
    for (; *list; list++)
        n += *list == ',';
    return n;
}

/* Splits a comma-separated glob list into trimmed, non-empty globs ("- x" becomes "-x") appended
 * at out[*n]; out must have room for count_pieces(list) more entries.  Returns 1, 0 when out of
 * memory, -1 when a glob names no check (then *bad is a heap copy of that glob). */
static int split_check_globs(const char *list, char **out, size_t *n, char **bad)
{
    const char *p = list;

    *bad = NULL;
    for (;;) {
        const char *start = p, *end;
        const char *comma = strchr(p, ',');
        size_t len;
        int neg = 0;
        char *g;

        end = comma ? comma : p + strlen(p);
        while (start < end && is_space(*start))
            start++;
        if (start < end && *start == '-') {
            neg = 1;
            start++;
            while (start < end && is_space(*start))
                start++;
        }
        while (end > start && is_space(end[-1]))
            end--;
        len = (size_t)(end - start);
        if (len > 0 || neg) {
            g = malloc(len + (size_t)neg + 1);
            if (!g)
                return 0;
            if (neg)
                g[0] = '-';
            memcpy(g + neg, start, len);
            g[len + (size_t)neg] = '\0';
            if (len == 0 || !glob_names_known_check(g + neg)) {
                *bad = g;
                return -1;
            }
            out[(*n)++] = g;
        }
        if (!comma)
            break;
        p = comma + 1;
    }
    return 1;
}

/* ------------------------------------------------------------------ defaults and lifetime */

static void config_free_contents(ptrcheck_config_t *cfg)
{
    free(cfg->path);
    free_strv(cfg->checks, cfg->nchecks);
    free_strv(cfg->targets, cfg->ntargets);
    free_strv(cfg->layout_tables, cfg->nlayout_tables);
    free_slices(cfg->slice_types, cfg->nslice_types);
    free_retaining(cfg->retaining_functions, cfg->nretaining_functions);
    free_strv(cfg->borrowed_functions, cfg->nborrowed_functions);
    free_strv(cfg->exclude, cfg->nexclude);
    free(cfg->header_filter);
    memset(cfg, 0, sizeof(*cfg));
}

int ptrcheck_config_init(ptrcheck_config_t *cfg, ptrcheck_error_t *err)
{
    size_t i, n = sizeof(default_targets) / sizeof(default_targets[0]);

    if (!cfg)
        return ptrcheck_error_set(err, PTRCHECK_ERR_USAGE, NULL, 0, 0, "no configuration object");
    memset(cfg, 0, sizeof(*cfg));
    cfg->infer_slice_types = 1;
    cfg->checks = calloc(1, sizeof(char *));
    if (!cfg->checks)
        goto nomem;
    cfg->checks[0] = dup_string("ptrcheck-*");
    if (!cfg->checks[0])
        goto nomem;
    cfg->nchecks = 1;
    cfg->targets = calloc(n, sizeof(char *));
    if (!cfg->targets)
        goto nomem;
    for (i = 0; i < n; i++) {
        cfg->targets[i] = dup_string(default_targets[i]);
        if (!cfg->targets[i])
            goto nomem;
        cfg->ntargets++;
    }
    return 1;

nomem:
    config_free_contents(cfg);
    cfg->infer_slice_types = 1;
    return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

void ptrcheck_config_fini(ptrcheck_config_t *cfg)
{
    if (cfg)
        config_free_contents(cfg);
}

/* ------------------------------------------------------------------ YAML -> tree */

typedef enum node_kind_e { NODE_SCALAR, NODE_SEQUENCE, NODE_MAPPING } node_kind_t;

typedef struct node_s {
    node_kind_t kind;
    unsigned line, col; /* 1-based */
    char *value;        /* scalars: NUL-terminated copy */
    size_t length;      /* scalars: length in bytes (may differ from strlen on "\0" escapes) */
    int plain;          /* scalars: unquoted */
    struct node_s **kids; /* sequences: items; mappings: key, value, key, value, ... */
    size_t nkids, capkids;
} node_t;

typedef struct loader_s {
    yaml_parser_t parser;
    const char *name;
    const unsigned char *text;
    size_t len;
    ptrcheck_error_t *err;
} loader_t;

static void node_free(node_t *n)
{
    size_t i;
    if (!n)
        return;
    for (i = 0; i < n->nkids; i++)
        node_free(n->kids[i]);
    free(n->kids);
    free(n->value);
    free(n);
}

static int at_error(const loader_t *ld, unsigned line, unsigned col, const char *fmt, ...) CONFIG_PRINTF(4, 5);
static int at_error(const loader_t *ld, unsigned line, unsigned col, const char *fmt, ...)
{
    char msg[sizeof(((ptrcheck_error_t *)0)->message)];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return ptrcheck_error_set(ld->err, PTRCHECK_ERR_CONFIG, ld->name, line, col, "%s", msg);
}

#define node_error(ld, n, ...) at_error((ld), (n)->line, (n)->col, __VA_ARGS__)
#define mark_error(ld, m, ...) at_error((ld), (unsigned)(m)->line + 1, (unsigned)(m)->column + 1, __VA_ARGS__)

static int nomem(const loader_t *ld)
{
    return ptrcheck_error_set(ld->err, PTRCHECK_ERR_NOMEM, ld->name, 0, 0, "out of memory");
}

/* Line and column (in characters) of a byte offset, for libyaml reader errors which carry only an
 * offset. */
static void offset_position(const loader_t *ld, size_t off, unsigned *line, unsigned *col)
{
    size_t i;
    *line = 1;
    *col = 1;
    for (i = 0; i < off && i < ld->len; i++) {
        if (ld->text[i] == '\n') {
            ++*line;
            *col = 1;
        } else if ((ld->text[i] & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

static int libyaml_error(const loader_t *ld)
{
    const yaml_parser_t *p = &ld->parser;
    const char *problem = p->problem ? p->problem : "malformed YAML";
    unsigned line, col;

    switch (p->error) {
    case YAML_MEMORY_ERROR:
        return nomem(ld);
    case YAML_READER_ERROR:
        offset_position(ld, p->problem_offset, &line, &col);
        if (p->problem_value != -1)
            return at_error(ld, line, col, "not a UTF-8 text file: %s (0x%02X)", problem,
                            (unsigned)p->problem_value);
        return at_error(ld, line, col, "not a UTF-8 text file: %s", problem);
    case YAML_SCANNER_ERROR:
    case YAML_PARSER_ERROR:
    default:
        if (p->context && (p->context_mark.line != p->problem_mark.line ||
                           p->context_mark.column != p->problem_mark.column))
            return mark_error(ld, &p->problem_mark, "invalid YAML: %s (%s that started at line %u, column %u)",
                              problem, p->context, (unsigned)p->context_mark.line + 1,
                              (unsigned)p->context_mark.column + 1);
        if (p->context)
            return mark_error(ld, &p->problem_mark, "invalid YAML: %s (%s)", problem, p->context);
        return mark_error(ld, &p->problem_mark, "invalid YAML: %s", problem);
    }
}

static int next_event(loader_t *ld, yaml_event_t *ev)
{
    if (!yaml_parser_parse(&ld->parser, ev))
        return libyaml_error(ld);
    return 1;
}

static node_t *node_new(node_kind_t kind, const yaml_mark_t *m)
{
    node_t *n = calloc(1, sizeof(*n));
    if (n) {
        n->kind = kind;
        n->line = (unsigned)m->line + 1;
        n->col = (unsigned)m->column + 1;
    }
    return n;
}

static int node_push(node_t *parent, node_t *kid)
{
    if (parent->nkids == parent->capkids) {
        size_t cap = parent->capkids ? parent->capkids * 2 : 8;
        node_t **kids = realloc(parent->kids, cap * sizeof(*kids));
        if (!kids)
            return 0;
        parent->kids = kids;
        parent->capkids = cap;
    }
    parent->kids[parent->nkids++] = kid;
    return 1;
}

/* Builds the node that starts with *ev (owned by the caller).  depth counts enclosing collections. */
static int build_node(loader_t *ld, const yaml_event_t *ev, unsigned depth, node_t **out)
{
    yaml_event_t kid_ev;
    yaml_event_type_t end_type;
    const yaml_char_t *anchor;
    node_t *n = NULL, *kid = NULL;
    char buf[72];

    *out = NULL;
    switch (ev->type) {
    case YAML_ALIAS_EVENT:
        return mark_error(ld, &ev->start_mark, "aliases are not allowed in .ptrcheck.yaml");
    case YAML_SCALAR_EVENT:
        anchor = ev->data.scalar.anchor;
        end_type = YAML_NO_EVENT;
        break;
    case YAML_SEQUENCE_START_EVENT:
        anchor = ev->data.sequence_start.anchor;
        end_type = YAML_SEQUENCE_END_EVENT;
        break;
    case YAML_MAPPING_START_EVENT:
        anchor = ev->data.mapping_start.anchor;
        end_type = YAML_MAPPING_END_EVENT;
        break;
    default:
        return mark_error(ld, &ev->start_mark, "invalid YAML: unexpected event");
    }
    if (anchor)
        return mark_error(ld, &ev->start_mark, "anchors (&%s) and aliases are not allowed in .ptrcheck.yaml",
                          shown((const char *)anchor, buf));

    if (ev->type == YAML_SCALAR_EVENT) {
        n = node_new(NODE_SCALAR, &ev->start_mark);
        if (!n)
            return nomem(ld);
        n->value = dup_range((const char *)ev->data.scalar.value, ev->data.scalar.length);
        if (!n->value) {
            node_free(n);
            return nomem(ld);
        }
        n->length = ev->data.scalar.length;
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        *out = n;
        return 1;
    }

    if (depth >= CONFIG_MAX_DEPTH)
        return mark_error(ld, &ev->start_mark, "nesting deeper than %d levels is not allowed in .ptrcheck.yaml",
                          CONFIG_MAX_DEPTH);
    n = node_new(ev->type == YAML_MAPPING_START_EVENT ? NODE_MAPPING : NODE_SEQUENCE, &ev->start_mark);
    if (!n)
        return nomem(ld);
    memset(&kid_ev, 0, sizeof(kid_ev));
    for (;;) {
        if (!next_event(ld, &kid_ev))
            goto fail;
        if (kid_ev.type == end_type)
            break;
        if (!build_node(ld, &kid_ev, depth + 1, &kid))
            goto fail;
        yaml_event_delete(&kid_ev);
        if (!node_push(n, kid)) {
            nomem(ld);
            goto fail;
        }
        kid = NULL;
    }
    yaml_event_delete(&kid_ev);
    *out = n;
    return 1;

fail:
    yaml_event_delete(&kid_ev);
    node_free(kid);
    node_free(n);
    return 0;
}

/* Parses the single document of the stream; *root is NULL for an empty stream. */
static int build_tree(loader_t *ld, node_t **root)
{
    yaml_event_t ev;
    node_t *n = NULL;

    *root = NULL;
    memset(&ev, 0, sizeof(ev));
    if (!next_event(ld, &ev)) /* STREAM-START */
        return 0;
    yaml_event_delete(&ev);
    if (!next_event(ld, &ev))
        return 0;
    if (ev.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&ev);
        return 1; /* empty file, or only comments */
    }
    yaml_event_delete(&ev); /* DOCUMENT-START */
    if (!next_event(ld, &ev))
        return 0;
    if (!build_node(ld, &ev, 0, &n))
        goto fail;
    yaml_event_delete(&ev);
    if (!next_event(ld, &ev)) /* DOCUMENT-END */
        goto fail;
    yaml_event_delete(&ev);
    if (!next_event(ld, &ev))
        goto fail;
    if (ev.type != YAML_STREAM_END_EVENT) {
        mark_error(ld, &ev.start_mark, "a .ptrcheck.yaml must contain a single YAML document");
        goto fail;
    }
    yaml_event_delete(&ev);
    *root = n;
    return 1;

fail:
    yaml_event_delete(&ev);
    node_free(n);
    return 0;
}

/* ------------------------------------------------------------------ tree -> configuration */

typedef struct staged_s {
    ptrcheck_config_t c;
    unsigned first_line[KEY_COUNT]; /* 0: key not given */
} staged_t;

static int is_null(const node_t *n)
{
    return n->kind == NODE_SCALAR && n->plain &&
           (n->length == 0 || strcmp(n->value, "~") == 0 || strcmp(n->value, "null") == 0 ||
            strcmp(n->value, "Null") == 0 || strcmp(n->value, "NULL") == 0);
}

static int is_string(const node_t *n)
{
    return n->kind == NODE_SCALAR && !is_null(n) && strlen(n->value) == n->length;
}

static int get_bool(loader_t *ld, const node_t *n, const char *key, int *out)
{
    static const char *const yes[] = {"true", "yes", "on"};
    static const char *const no[] = {"false", "no", "off"};
    size_t i;

    if (n->kind == NODE_SCALAR && n->plain) {
        for (i = 0; i < 3; i++) {
            char lower[8];
            size_t j;
            if (n->length >= sizeof(lower))
                break;
            for (j = 0; j <= n->length; j++)
                lower[j] = (char)tolower((unsigned char)n->value[j]);
            if (strcmp(lower, yes[i]) == 0) {
                *out = 1;
                return 1;
            }
            if (strcmp(lower, no[i]) == 0) {
                *out = 0;
                return 1;
            }
        }
    }
    return node_error(ld, n, "'%s' must be a boolean (true or false)", key);
}

/* A non-empty string scalar, copied. */
static int get_string(loader_t *ld, const node_t *n, const char *what, char **out)
{
    *out = NULL;
    if (!is_string(n))
        return node_error(ld, n, "%s must be a string", what);
    if (n->length == 0)
        return node_error(ld, n, "%s must not be empty", what);
    *out = dup_range(n->value, n->length);
    return *out ? 1 : nomem(ld);
}

/* A sequence of non-empty strings. */
static int get_string_list(loader_t *ld, const node_t *n, const char *key, char ***out, size_t *count)
{
    char **v = NULL;
    size_t i, k = 0;
    char what[64];

    *out = NULL;
    *count = 0;
    if (is_null(n))
        return 1; /* "key:" with every entry commented out: an empty list */
    if (n->kind != NODE_SEQUENCE)
        return node_error(ld, n, "'%s' must be a sequence of strings", key);
    if (n->nkids == 0)
        return 1;
    v = calloc(n->nkids, sizeof(*v));
    if (!v)
        return nomem(ld);
    snprintf(what, sizeof(what), "an entry of '%s'", key);
    for (i = 0; i < n->nkids; i++) {
        if (!is_string(n->kids[i])) {
            node_error(ld, n->kids[i], "'%s' must be a sequence of strings", key);
            goto fail;
        }
        if (!get_string(ld, n->kids[i], what, &v[k]))
            goto fail;
        k++;
    }
    *out = v;
    *count = k;
    return 1;

fail:
    free_strv(v, k);
    return 0;
}

static int key_string(loader_t *ld, const node_t *k)
{
    if (!is_string(k))
        return node_error(ld, k, "keys in .ptrcheck.yaml must be strings");
    return 1;
}

static int unknown_key(loader_t *ld, const node_t *k, const char *const *known, size_t nknown, const char *where)
{
    char buf[72];
    const char *guess = closest(k->value, known, nknown);

    if (guess)
        return node_error(ld, k, "unknown key '%s'%s; did you mean '%s'?", shown(k->value, buf), where, guess);
    if (nknown == KEY_COUNT)
        return node_error(ld, k,
                          "unknown key '%s'%s (known keys: checks, targets, strict-provenance, layout-tables, "
                          "report-portable-literals, slice-types, infer-slice-types, retaining-functions, "
                          "borrowed-functions, exclude, header-filter, system-headers)",
                          shown(k->value, buf), where);
    return node_error(ld, k, "unknown key '%s'%s", shown(k->value, buf), where);
}

/* header-filter: a POSIX extended regular expression, checked here so a bad one is an error at its line. */
static int parse_header_filter(loader_t *ld, const node_t *n, staged_t *st)
{
    regex_t re;
    int rc;

    if (!get_string(ld, n, "'header-filter' (a regular expression)", &st->c.header_filter))
        return 0;
    rc = regcomp(&re, st->c.header_filter, REG_EXTENDED | REG_NOSUB);
    if (rc != 0) {
        char msg[256];
        regerror(rc, &re, msg, sizeof(msg));
        return node_error(ld, n, "'header-filter' is not a valid regular expression: %s", msg);
    }
    regfree(&re);
    return 1;
}

static int parse_checks(loader_t *ld, const node_t *n, staged_t *st)
{
    size_t i, cap = 0;
    char **v;

    if (n->kind == NODE_SCALAR && is_string(n)) {
        cap = count_pieces(n->value);
    } else if (n->kind == NODE_SEQUENCE) {
        for (i = 0; i < n->nkids; i++) {
            if (!is_string(n->kids[i]))
                return node_error(ld, n->kids[i], "'checks' must be a sequence of strings");
            cap += count_pieces(n->kids[i]->value);
        }
    } else {
        return node_error(ld, n, "'checks' must be a sequence of strings or a comma-separated string");
    }
    v = calloc(cap ? cap : 1, sizeof(*v));
    if (!v)
        return nomem(ld);
    st->c.checks = v;
    st->c.nchecks = 0;
    for (i = 0; i < (n->kind == NODE_SCALAR ? 1 : n->nkids); i++) {
        const node_t *item = n->kind == NODE_SCALAR ? n : n->kids[i];
        char *bad = NULL;
        int rc = split_check_globs(item->value, st->c.checks, &st->c.nchecks, &bad);
        if (rc == 0)
            return nomem(ld);
        if (rc < 0) {
            char buf[72], hint[128];
            node_error(ld, item, "unknown check '%s' in 'checks'%s", shown(bad, buf),
                       check_suggestion(bad[0] == '-' ? bad + 1 : bad, hint, sizeof(hint)));
            free(bad);
            return 0;
        }
    }
    return 1;
}

static int parse_targets(loader_t *ld, const node_t *n, staged_t *st)
{
    size_t i;
    char buf[72];

    if (n->kind != NODE_SEQUENCE)
        return node_error(ld, n, "'targets' must be a sequence of strings");
    if (n->nkids == 0)
        return node_error(ld, n, "'targets' must list at least one target triple");
    if (!get_string_list(ld, n, "targets", &st->c.targets, &st->c.ntargets))
        return 0;
    for (i = 0; i < st->c.ntargets; i++) {
        if (!ptrcheck_target_parse(st->c.targets[i], NULL))
            return node_error(ld, n->kids[i],
                              "unknown target triple '%s' (expected e.g. x86_64-linux-gnu, "
                              "x86_64-pc-windows-msvc, armv7-linux-gnueabihf)",
                              shown(st->c.targets[i], buf));
    }
    return 1;
}

/* "tables/x.yaml" next to the configuration file: dir(name) + "/" + path. */
static char *resolve_path(const char *config_name, const char *path)
{
    const char *slash = strrchr(config_name, '/');
    size_t dirlen, plen;
    char *r;

    if (path[0] == '/' || !slash)
        return dup_string(path);
    dirlen = (size_t)(slash - config_name) + 1; /* keep the '/' */
    plen = strlen(path);
    r = malloc(dirlen + plen + 1);
    if (r) {
        memcpy(r, config_name, dirlen);
        memcpy(r + dirlen, path, plen + 1);
    }
    return r;
}

static int parse_layout_tables(loader_t *ld, const node_t *n, staged_t *st)
{
    size_t i;

    if (!get_string_list(ld, n, "layout-tables", &st->c.layout_tables, &st->c.nlayout_tables))
        return 0;
    for (i = 0; i < st->c.nlayout_tables; i++) {
        char *r = resolve_path(ld->name, st->c.layout_tables[i]);
        if (!r)
            return nomem(ld);
        free(st->c.layout_tables[i]);
        st->c.layout_tables[i] = r;
    }
    return 1;
}

/* Checks that mapping m uses only `known` keys, once each; first[i] gets the index of key i's value
 * node (or (size_t)-1). */
static int map_keys(loader_t *ld, const node_t *m, const char *const *known, size_t nknown, const char *where,
                    size_t *first)
{
    size_t i, j;

    for (j = 0; j < nknown; j++)
        first[j] = (size_t)-1;
    for (i = 0; i + 1 < m->nkids; i += 2) {
        const node_t *k = m->kids[i];
        if (!key_string(ld, k))
            return 0;
        for (j = 0; j < nknown; j++)
            if (strcmp(k->value, known[j]) == 0)
                break;
        if (j == nknown)
            return unknown_key(ld, k, known, nknown, where);
        if (first[j] != (size_t)-1)
            return node_error(ld, k, "duplicate key '%s'%s (first given at line %u)", known[j], where,
                              m->kids[first[j] - 1]->line);
        first[j] = i + 1;
    }
    return 1;
}

static int parse_slice_types(loader_t *ld, const node_t *n, staged_t *st)
{
    size_t i, j, idx[5];
    ptrcheck_slice_type_t s;

    if (is_null(n))
        return 1;
    if (n->kind != NODE_SEQUENCE)
        return node_error(ld, n, "'slice-types' must be a sequence of mappings");
    if (n->nkids == 0)
        return 1;
    st->c.slice_types = calloc(n->nkids, sizeof(*st->c.slice_types));
    if (!st->c.slice_types)
        return nomem(ld);
    for (i = 0; i < n->nkids; i++) {
        const node_t *m = n->kids[i];
        char *fields[4] = {NULL, NULL, NULL, NULL};
        char what[48];

        if (m->kind != NODE_MAPPING)
            return node_error(ld, m, "'slice-types' must be a sequence of mappings");
        if (!map_keys(ld, m, slice_keys, 5, " in a slice-types entry", idx))
            return 0;
        for (j = 0; j < 3; j++)
            if (idx[j] == (size_t)-1)
                return node_error(ld, m, "slice-types entry is missing required key '%s'", slice_keys[j]);
        memset(&s, 0, sizeof(s));
        for (j = 0; j < 4; j++) {
            if (idx[j] == (size_t)-1)
                continue;
            snprintf(what, sizeof(what), "'%s' in a slice-types entry", slice_keys[j]);
            if (!get_string(ld, m->kids[idx[j]], what, &fields[j])) {
                while (j-- > 0)
                    free(fields[j]);
                return 0;
            }
        }
        s.type = fields[0];
        s.data = fields[1];
        s.len = fields[2];
        s.cap = fields[3];
        if (idx[4] != (size_t)-1) {
            const node_t *u = m->kids[idx[4]];
            if (is_string(u) && strcmp(u->value, "bytes") == 0) {
                s.unit_bytes = 1;
            } else if (!(is_string(u) && strcmp(u->value, "elements") == 0)) {
                free_slice(&s);
                return node_error(ld, u, "'unit' in a slice-types entry must be 'elements' or 'bytes'");
            }
        }
        st->c.slice_types[st->c.nslice_types++] = s;
    }
    return 1;
}

static int parse_retaining(loader_t *ld, const node_t *n, staged_t *st)
{
    size_t i, idx[2];

    if (is_null(n))
        return 1;
    if (n->kind != NODE_SEQUENCE)
        return node_error(ld, n, "'retaining-functions' must be a sequence of mappings");
    if (n->nkids == 0)
        return 1;
    st->c.retaining_functions = calloc(n->nkids, sizeof(*st->c.retaining_functions));
    if (!st->c.retaining_functions)
        return nomem(ld);
    for (i = 0; i < n->nkids; i++) {
        const node_t *m = n->kids[i], *a;
        unsigned long arg = 0;
        size_t j;
        char *name;

        if (m->kind != NODE_MAPPING)
            return node_error(ld, m, "'retaining-functions' must be a sequence of mappings");
        if (!map_keys(ld, m, retaining_keys, 2, " in a retaining-functions entry", idx))
            return 0;
        for (j = 0; j < 2; j++)
            if (idx[j] == (size_t)-1)
                return node_error(ld, m, "retaining-functions entry is missing required key '%s'",
                                  retaining_keys[j]);
        a = m->kids[idx[1]];
        if (!(a->kind == NODE_SCALAR && a->plain) || a->length == 0 || a->length > 9)
            return node_error(ld, a, "'arg' must be a positive integer (1 is the first argument)");
        for (j = 0; j < a->length; j++) {
            if (a->value[j] < '0' || a->value[j] > '9')
                return node_error(ld, a, "'arg' must be a positive integer (1 is the first argument)");
            arg = arg * 10 + (unsigned long)(a->value[j] - '0');
        }
        if (arg == 0)
            return node_error(ld, a, "'arg' must be a positive integer (1 is the first argument)");
        if (!get_string(ld, m->kids[idx[0]], "'name' in a retaining-functions entry", &name))
            return 0;
        st->c.retaining_functions[i].name = name;
        st->c.retaining_functions[i].arg = (unsigned)arg;
        st->c.nretaining_functions++;
    }
    return 1;
}

static int apply_tree(loader_t *ld, const node_t *root, staged_t *st)
{
    size_t i, k;

    if (!root || is_null(root))
        return 1; /* empty document: the defaults stand */
    if (root->kind != NODE_MAPPING)
        return node_error(ld, root, "the top level of .ptrcheck.yaml must be a mapping (key: value)");
    for (i = 0; i + 1 < root->nkids; i += 2) {
        const node_t *key = root->kids[i], *val = root->kids[i + 1];
        int ok = 1;

        if (!key_string(ld, key))
            return 0;
        for (k = 0; k < KEY_COUNT; k++)
            if (strcmp(key->value, top_keys[k]) == 0)
                break;
        if (k == KEY_COUNT)
            return unknown_key(ld, key, top_keys, KEY_COUNT, "");
        if (st->first_line[k])
            return node_error(ld, key, "duplicate key '%s' (first given at line %u)", top_keys[k],
                              st->first_line[k]);
        st->first_line[k] = key->line;

        switch ((config_key_t)k) {
        case KEY_CHECKS:
            ok = parse_checks(ld, val, st);
            break;
        case KEY_TARGETS:
            ok = parse_targets(ld, val, st);
            break;
        case KEY_STRICT_PROVENANCE:
            ok = get_bool(ld, val, top_keys[k], &st->c.strict_provenance);
            break;
        case KEY_LAYOUT_TABLES:
            ok = parse_layout_tables(ld, val, st);
            break;
        case KEY_REPORT_PORTABLE_LITERALS:
            ok = get_bool(ld, val, top_keys[k], &st->c.report_portable_literals);
            break;
        case KEY_SLICE_TYPES:
            ok = parse_slice_types(ld, val, st);
            break;
        case KEY_INFER_SLICE_TYPES:
            ok = get_bool(ld, val, top_keys[k], &st->c.infer_slice_types);
            break;
        case KEY_RETAINING_FUNCTIONS:
            ok = parse_retaining(ld, val, st);
            break;
        case KEY_BORROWED_FUNCTIONS:
            ok = get_string_list(ld, val, top_keys[k], &st->c.borrowed_functions, &st->c.nborrowed_functions);
            break;
        case KEY_EXCLUDE:
            ok = get_string_list(ld, val, top_keys[k], &st->c.exclude, &st->c.nexclude);
            break;
        case KEY_HEADER_FILTER:
            ok = parse_header_filter(ld, val, st);
            break;
        case KEY_SYSTEM_HEADERS:
            ok = get_bool(ld, val, top_keys[k], &st->c.system_headers);
            break;
        case KEY_COUNT:
            break;
        }
        if (!ok)
            return 0;
    }
    return 1;
}

#define MOVE_FIELD(dst, src, field) \
    do {                            \
        (dst)->field = (src)->field; \
        (src)->field = 0;           \
    } while (0)

/* Moves every key the file gave from the staging area into cfg, freeing what it replaces. */
static void commit(ptrcheck_config_t *cfg, staged_t *st, char *path)
{
    ptrcheck_config_t *s = &st->c;

    free(cfg->path);
    cfg->path = path;
    if (st->first_line[KEY_CHECKS]) {
        free_strv(cfg->checks, cfg->nchecks);
        MOVE_FIELD(cfg, s, checks);
        MOVE_FIELD(cfg, s, nchecks);
    }
    if (st->first_line[KEY_TARGETS]) {
        free_strv(cfg->targets, cfg->ntargets);
        MOVE_FIELD(cfg, s, targets);
        MOVE_FIELD(cfg, s, ntargets);
        cfg->targets_given = 1;
    }
    if (st->first_line[KEY_STRICT_PROVENANCE])
        cfg->strict_provenance = s->strict_provenance;
    if (st->first_line[KEY_LAYOUT_TABLES]) {
        free_strv(cfg->layout_tables, cfg->nlayout_tables);
        MOVE_FIELD(cfg, s, layout_tables);
        MOVE_FIELD(cfg, s, nlayout_tables);
    }
    if (st->first_line[KEY_REPORT_PORTABLE_LITERALS])
        cfg->report_portable_literals = s->report_portable_literals;
    if (st->first_line[KEY_SLICE_TYPES]) {
        free_slices(cfg->slice_types, cfg->nslice_types);
        MOVE_FIELD(cfg, s, slice_types);
        MOVE_FIELD(cfg, s, nslice_types);
    }
    if (st->first_line[KEY_INFER_SLICE_TYPES])
        cfg->infer_slice_types = s->infer_slice_types;
    if (st->first_line[KEY_SYSTEM_HEADERS])
        cfg->system_headers = s->system_headers;
    if (st->first_line[KEY_RETAINING_FUNCTIONS]) {
        free_retaining(cfg->retaining_functions, cfg->nretaining_functions);
        MOVE_FIELD(cfg, s, retaining_functions);
        MOVE_FIELD(cfg, s, nretaining_functions);
    }
    if (st->first_line[KEY_BORROWED_FUNCTIONS]) {
        free_strv(cfg->borrowed_functions, cfg->nborrowed_functions);
        MOVE_FIELD(cfg, s, borrowed_functions);
        MOVE_FIELD(cfg, s, nborrowed_functions);
    }
    if (st->first_line[KEY_EXCLUDE]) {
        free_strv(cfg->exclude, cfg->nexclude);
        MOVE_FIELD(cfg, s, exclude);
        MOVE_FIELD(cfg, s, nexclude);
    }
    if (st->first_line[KEY_HEADER_FILTER]) {
        free(cfg->header_filter);
        MOVE_FIELD(cfg, s, header_filter);
    }
}

int ptrcheck_config_load_string(ptrcheck_config_t *cfg, const char *name, const char *text, size_t len,
                                ptrcheck_error_t *err)
{
    loader_t ld;
    staged_t st;
    node_t *root = NULL;
    char *path = NULL;
    int ok = 0;
    size_t i;

    if (!name)
        name = "<string>";
    if (!cfg || (!text && len))
        return ptrcheck_error_set(err, PTRCHECK_ERR_USAGE, name, 0, 0, "no configuration or text to load");
    if (!text)
        text = "";
    memset(&ld, 0, sizeof(ld));
    memset(&st, 0, sizeof(st));
    ld.name = name;
    ld.text = (const unsigned char *)text;
    ld.len = len;
    ld.err = err;

    /* A NUL byte means a binary file (unless the file is UTF-16, which libyaml also reads). */
    if (!(len >= 2 && ((ld.text[0] == 0xFF && ld.text[1] == 0xFE) || (ld.text[0] == 0xFE && ld.text[1] == 0xFF)))) {
        const char *nul = memchr(text, '\0', len);
        if (nul) {
            unsigned line, col;
            offset_position(&ld, (size_t)(nul - text), &line, &col);
            return at_error(&ld, line, col, "not a text file: it contains a NUL byte");
        }
    }

    if (!yaml_parser_initialize(&ld.parser))
        return nomem(&ld);
    yaml_parser_set_input_string(&ld.parser, ld.text, len);
    if (!build_tree(&ld, &root))
        goto done;
    if (!apply_tree(&ld, root, &st))
        goto done;
    path = dup_string(name);
    if (!path) {
        nomem(&ld);
        goto done;
    }
    commit(cfg, &st, path);
    ok = 1;

done:
    node_free(root);
    yaml_parser_delete(&ld.parser);
    /* Whatever the staging area still owns (everything, on failure). */
    free_strv(st.c.checks, st.c.nchecks);
    free_strv(st.c.targets, st.c.ntargets);
    free_strv(st.c.layout_tables, st.c.nlayout_tables);
    free_slices(st.c.slice_types, st.c.nslice_types);
    for (i = 0; i < st.c.nretaining_functions; i++)
        free(st.c.retaining_functions[i].name);
    free(st.c.retaining_functions);
    free_strv(st.c.borrowed_functions, st.c.nborrowed_functions);
    free_strv(st.c.exclude, st.c.nexclude);
    free(st.c.header_filter);
    return ok;
}

int ptrcheck_config_load_file(ptrcheck_config_t *cfg, const char *path, ptrcheck_error_t *err)
{
    struct stat sb;
    FILE *f = NULL;
    char *buf = NULL;
    size_t len = 0, cap;
    int ok;

    if (!cfg || !path || !*path)
        return ptrcheck_error_set(err, PTRCHECK_ERR_USAGE, NULL, 0, 0, "no configuration file given");
    if (stat(path, &sb) != 0)
        return ptrcheck_error_set(err, PTRCHECK_ERR_IO, path, 0, 0, "cannot open configuration file: %s",
                                  strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, path, 0, 0,
                                  "is a directory; expected a .ptrcheck.yaml file");
    if (!S_ISREG(sb.st_mode))
        return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, path, 0, 0,
                                  "is not a regular file; expected a .ptrcheck.yaml file");
    if ((unsigned long long)sb.st_size > CONFIG_MAX_SIZE)
        return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, path, 0, 0,
                                  "configuration file is too large (%llu bytes; the limit is %u)",
                                  (unsigned long long)sb.st_size, CONFIG_MAX_SIZE);
    f = fopen(path, "rb");
    if (!f)
        return ptrcheck_error_set(err, PTRCHECK_ERR_IO, path, 0, 0, "cannot open configuration file: %s",
                                  strerror(errno));
    cap = (size_t)sb.st_size + 1;
    buf = malloc(cap);
    if (!buf)
        goto nomem;
    for (;;) {
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (len < cap)
            break;
        if (cap > CONFIG_MAX_SIZE) { /* the file grew while we read it */
            fclose(f);
            free(buf);
            return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, path, 0, 0,
                                      "configuration file is too large (the limit is %u bytes)", CONFIG_MAX_SIZE);
        }
        {
            char *nb = realloc(buf, cap * 2);
            if (!nb)
                goto nomem;
            buf = nb;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        int e = errno;
        fclose(f);
        free(buf);
        return ptrcheck_error_set(err, PTRCHECK_ERR_IO, path, 0, 0, "cannot read configuration file: %s",
                                  strerror(e));
    }
    fclose(f);
    ok = ptrcheck_config_load_string(cfg, path, buf, len, err);
    free(buf);
    return ok;

nomem:
    fclose(f);
    free(buf);
    return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, path, 0, 0, "out of memory");
}

/* ------------------------------------------------------------------ lookup */

static char *join_path(const char *dir, const char *file)
{
    size_t dl = strlen(dir), fl = strlen(file);
    int sep = dl == 0 || dir[dl - 1] != '/';
    char *r = malloc(dl + (size_t)sep + fl + 1);
    if (r) {
        memcpy(r, dir, dl);
        if (sep)
            r[dl] = '/';
        memcpy(r + dl + (size_t)sep, file, fl + 1);
    }
    return r;
}

int ptrcheck_config_find(const char *dir, char **out, ptrcheck_error_t *err)
{
    char *cur, *cand;
    struct stat sb;

    if (!out)
        return ptrcheck_error_set(err, PTRCHECK_ERR_USAGE, NULL, 0, 0, "no output for the configuration path");
    *out = NULL;
    if (!dir || !*dir)
        dir = ".";
    cur = realpath(dir, NULL);
    if (!cur) {
        if (errno == ENOMEM)
            return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return ptrcheck_error_set(err, PTRCHECK_ERR_IO, dir, 0, 0,
                                  "cannot look for .ptrcheck.yaml from this directory: %s", strerror(errno));
    }
    for (;;) {
        char *slash;

        cand = join_path(cur, CONFIG_FILE_NAME);
        if (!cand) {
            free(cur);
            return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
        }
        if (stat(cand, &sb) == 0) {
            if (S_ISREG(sb.st_mode)) {
                free(cur);
                *out = cand;
                return 1;
            }
            ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, cand, 0, 0, "%s; expected a .ptrcheck.yaml file",
                               S_ISDIR(sb.st_mode) ? "is a directory" : "is not a regular file");
            free(cand);
            free(cur);
            return 0;
        }
        if (errno == ENOENT && lstat(cand, &sb) == 0) {
            ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, cand, 0, 0, "is a broken symbolic link");
            free(cand);
            free(cur);
            return 0;
        }
        if (errno != ENOENT && errno != ENOTDIR) {
            /* There is something by that name that cannot be examined (a symbolic link loop, a
             * name too long, an I/O error): an error, never a silent fall-back to a parent's file. */
            ptrcheck_error_set(err, PTRCHECK_ERR_IO, cand, 0, 0, "cannot read configuration file: %s",
                               strerror(errno));
            free(cand);
            free(cur);
            return 0;
        }
        free(cand);
        if (strcmp(cur, "/") == 0)
            break;
        slash = strrchr(cur, '/');
        if (!slash)
            break;
        if (slash == cur)
            cur[1] = '\0';
        else
            *slash = '\0';
    }
    free(cur);
    return 1;
}

/* ------------------------------------------------------------------ one source file's configuration */

int ptrcheck_config_resolve(ptrcheck_config_t *cfg, const char *source, const char *config_file,
                            const char *check_globs, ptrcheck_error_t *err)
{
    char *found = NULL, *dir = NULL;

    if (!ptrcheck_config_init(cfg, err))
        return 0;
    if (!config_file || !*config_file) {
        if (source && *source) {
            /* The source file's directory (relative ones against the current directory: realpath). */
            const char *slash = strrchr(source, '/');
            size_t n = !slash ? 0 : slash == source ? 1 : (size_t)(slash - source);
            dir = malloc(n ? n + 1 : 2);
            if (!dir) {
                ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
                goto fail;
            }
            if (n)
                memcpy(dir, source, n);
            else
                dir[n++] = '.';
            dir[n] = '\0';
            if (!ptrcheck_config_find(dir, &found, err))
                goto fail;
        }
        config_file = found;
    }
    if (config_file && !ptrcheck_config_load_file(cfg, config_file, err))
        goto fail;
    if (check_globs && *check_globs && !ptrcheck_config_add_check_globs(cfg, check_globs, err))
        goto fail;
    free(found);
    free(dir);
    return 1;
fail:
    free(found);
    free(dir);
    ptrcheck_config_fini(cfg);
    return 0;
}

/* ------------------------------------------------------------------ check selection */

int ptrcheck_config_add_check_globs(ptrcheck_config_t *cfg, const char *globs, ptrcheck_error_t *err)
{
    char **v, *bad = NULL;
    size_t n, room;
    int rc;

    if (!cfg)
        return ptrcheck_error_set(err, PTRCHECK_ERR_USAGE, NULL, 0, 0, "no configuration object");
    if (!globs)
        return 1;
    room = count_pieces(globs);
    v = realloc(cfg->checks, (cfg->nchecks + room) * sizeof(*v));
    if (!v)
        return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
    cfg->checks = v;
    n = cfg->nchecks;
    rc = split_check_globs(globs, cfg->checks, &n, &bad);
    if (rc == 1) {
        cfg->nchecks = n;
        return 1;
    }
    /* All or nothing: drop what this call appended. */
    while (n > cfg->nchecks)
        free(cfg->checks[--n]);
    if (rc == 0)
        return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
    {
        char buf[72], hint[128];
        ptrcheck_error_set(err, PTRCHECK_ERR_USAGE, NULL, 0, 0, "unknown check '%s' in the check list%s",
                           shown(bad, buf), check_suggestion(bad[0] == '-' ? bad + 1 : bad, hint, sizeof(hint)));
    }
    free(bad);
    return 0;
}

int ptrcheck_config_check_enabled(const ptrcheck_config_t *cfg, ptrcheck_check_t check)
{
    const ptrcheck_check_info_t *info = ptrcheck_check_info(check);
    int enabled = 0;
    size_t i;

    if (!cfg || !info)
        return 0;
    for (i = 0; i < cfg->nchecks; i++) {
        const char *g = cfg->checks[i];
        int neg;

        if (!g)
            continue;
        while (is_space(*g))
            g++;
        neg = *g == '-';
        if (neg) {
            g++;
            while (is_space(*g))
                g++;
        }
        if (!ptrcheck_glob_match(g, info->full_id))
            continue;
        if (neg)
            enabled = 0;
        else if (info->default_on || !has_wildcard(g)) /* off-by-default checks only when named */
            enabled = 1;
    }
    return enabled;
}
