/* Owned findings, the plugin's JSON Lines side file, and SARIF 2.1.0 output and input (jansson).
 * See plugin/include/ptrcheck/sarif.h. */
#include <ptrcheck/sarif.h>
#include <ptrcheck/version.h>

#include <jansson.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ small helpers */

static char *dup_str(const char *s)
{
    size_t n;
    char *d;

    if (!s)
        return NULL;
    n = strlen(s) + 1;
    d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static int nomem(ptrcheck_error_t *err)
{
    return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

/* ------------------------------------------------------------------ paths */

char *ptrcheck_path_absolute(const char *path, const char *cwd)
{
    size_t plen, clen, i, n = 0;
    char *joined, *out;
    const char *p;

    if (!path)
        return NULL;
    plen = strlen(path);
    clen = (path[0] == '/' || !cwd) ? 0 : strlen(cwd);
    joined = malloc(clen + plen + 3);
    out = malloc(clen + plen + 3);
    if (!joined || !out) {
        free(joined);
        free(out);
        return NULL;
    }
    joined[0] = '\0';
    if (clen) {
        memcpy(joined, cwd, clen);
        joined[clen++] = '/';
    }
    memcpy(joined + clen, path, plen + 1);

    /* Lexical normalisation: components separated by '/', "." dropped, ".." pops one. */
    p = joined;
    if (*p == '/')
        out[n++] = '/';
    while (*p) {
        const char *start;
        size_t len;

        while (*p == '/')
            p++;
        start = p;
        while (*p && *p != '/')
            p++;
        len = (size_t)(p - start);
        if (len == 0 || (len == 1 && start[0] == '.'))
            continue;
        if (len == 2 && start[0] == '.' && start[1] == '.') {
            /* out never ends in '/' except for the root: its last component is out[i, n) */
            i = n;
            while (i > 0 && out[i - 1] != '/')
                i--;
            if (n > i && !(n - i == 2 && out[i] == '.' && out[i + 1] == '.')) {
                n = i > 1 ? i - 1 : i; /* drop the component and its slash, keep the root */
                continue;
            }
            if (n == 1 && out[0] == '/')
                continue; /* "/.." is "/" */
        }
        if (n > 0 && out[n - 1] != '/')
            out[n++] = '/';
        memcpy(out + n, start, len);
        n += len;
    }
    if (n > 1 && out[n - 1] == '/')
        n--;
    if (n == 0)
        out[n++] = '.';
    out[n] = '\0';
    free(joined);
    return out;
}

const char *ptrcheck_path_under(const char *path, const char *dir)
{
    size_t n;

    if (!path || !dir)
        return NULL;
    n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    if (n == 1 && dir[0] == '/')
        return path[0] == '/' ? path + 1 : NULL;
    if (strncmp(path, dir, n) != 0 || path[n] != '/')
        return NULL;
    return path + n + 1;
}

static int uri_plain(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~' || c == '/';
}

char *ptrcheck_path_to_uri(const char *path, int absolute)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path), i, o = 0;
    char *out = malloc(3 * n + 8);

    if (!out)
        return NULL;
    if (absolute) {
        memcpy(out, "file://", 7);
        o = 7;
    }
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if (uri_plain(c)) {
            out[o++] = (char)c;
        } else {
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        }
    }
    out[o] = '\0';
    return out;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *ptrcheck_uri_to_path(const char *uri)
{
    size_t i, o = 0, n;
    char *out;

    if (!uri)
        return NULL;
    if (strncmp(uri, "file://", 7) == 0) {
        uri += 7;
        /* file://host/path: skip an authority ("localhost" or empty) */
        if (*uri != '/') {
            const char *slash = strchr(uri, '/');
            uri = slash ? slash : uri + strlen(uri);
        }
    } else if (strncmp(uri, "file:", 5) == 0) {
        uri += 5;
    }
    n = strlen(uri);
    out = malloc(n + 1);
    if (!out)
        return NULL;
    for (i = 0; i < n; i++) {
        if (uri[i] == '%' && i + 2 < n && hexval(uri[i + 1]) >= 0 && hexval(uri[i + 2]) >= 0) {
            out[o++] = (char)(hexval(uri[i + 1]) * 16 + hexval(uri[i + 2]));
            i += 2;
        } else {
            out[o++] = uri[i];
        }
    }
    out[o] = '\0';
    return out;
}

/* ------------------------------------------------------------------ findings */

void ptrcheck_findings_init(ptrcheck_findings_t *fs)
{
    fs->items = NULL;
    fs->count = 0;
    fs->cap = 0;
}

void ptrcheck_finding_fini(ptrcheck_finding_t *f)
{
    size_t i;

    if (!f)
        return;
    for (i = 0; i < f->nnotes; i++) {
        free(f->notes[i].file);
        free(f->notes[i].message);
    }
    for (i = 0; i < f->nfixits; i++) {
        free(f->fixits[i].file);
        free(f->fixits[i].text);
    }
    free(f->notes);
    free(f->fixits);
    free(f->file);
    free(f->message);
    memset(f, 0, sizeof(*f));
}

void ptrcheck_findings_fini(ptrcheck_findings_t *fs)
{
    size_t i;

    if (!fs)
        return;
    for (i = 0; i < fs->count; i++)
        ptrcheck_finding_fini(&fs->items[i]);
    free(fs->items);
    ptrcheck_findings_init(fs);
}

int ptrcheck_findings_take(ptrcheck_findings_t *fs, ptrcheck_finding_t *f, ptrcheck_error_t *err)
{
    if (fs->count == fs->cap) {
        size_t cap = fs->cap ? fs->cap * 2 : 16;
        ptrcheck_finding_t *items = realloc(fs->items, cap * sizeof(*items));
        if (!items) {
            ptrcheck_finding_fini(f);
            return nomem(err);
        }
        fs->items = items;
        fs->cap = cap;
    }
    fs->items[fs->count++] = *f;
    memset(f, 0, sizeof(*f));
    return 1;
}

static char *abs_or_null(const char *file, const char *cwd, int *ok)
{
    char *r;

    if (!file)
        return NULL;
    r = ptrcheck_path_absolute(file, cwd);
    if (!r)
        *ok = 0;
    return r;
}

int ptrcheck_findings_add_diag(ptrcheck_findings_t *fs, const ptrcheck_diag_t *d, const char *cwd,
                               ptrcheck_error_t *err)
{
    ptrcheck_finding_t f;
    size_t i;
    int ok = 1;

    memset(&f, 0, sizeof(f));
    f.check = d->check;
    f.layer = d->layer;
    f.line = d->loc.line;
    f.col = d->loc.col;
    f.file = abs_or_null(d->loc.file, cwd, &ok);
    f.message = dup_str(d->message ? d->message : "");
    if (!f.message)
        ok = 0;
    if (ok && d->nnotes) {
        f.notes = calloc(d->nnotes, sizeof(*f.notes));
        if (!f.notes)
            ok = 0;
        for (i = 0; ok && i < d->nnotes; i++) {
            f.nnotes++;
            f.notes[i].file = abs_or_null(d->notes[i].loc.file, cwd, &ok);
            f.notes[i].line = d->notes[i].loc.line;
            f.notes[i].col = d->notes[i].loc.col;
            f.notes[i].message = dup_str(d->notes[i].message ? d->notes[i].message : "");
            if (!f.notes[i].message)
                ok = 0;
        }
    }
    if (ok && d->nfixits) {
        f.fixits = calloc(d->nfixits, sizeof(*f.fixits));
        if (!f.fixits)
            ok = 0;
        for (i = 0; ok && i < d->nfixits; i++) {
            const ptrcheck_fixit_t *x = &d->fixits[i];
            f.nfixits++;
            f.fixits[i].file = abs_or_null(x->begin.file ? x->begin.file : d->loc.file, cwd, &ok);
            f.fixits[i].line = x->begin.line;
            f.fixits[i].col = x->begin.col;
            f.fixits[i].end_line = x->end.line;
            f.fixits[i].end_col = x->end.col;
            f.fixits[i].text = dup_str(x->text ? x->text : "");
            if (!f.fixits[i].text)
                ok = 0;
        }
    }
    if (!ok) {
        ptrcheck_finding_fini(&f);
        return nomem(err);
    }
    return ptrcheck_findings_take(fs, &f, err);
}

static int cmp_str(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int cmp_uint(unsigned a, unsigned b)
{
    return (a > b) - (a < b);
}

static int cmp_finding(const void *pa, const void *pb)
{
    const ptrcheck_finding_t *a = pa, *b = pb;
    const ptrcheck_check_info_t *ia = ptrcheck_check_info(a->check), *ib = ptrcheck_check_info(b->check);
    size_t i;
    int c;

    if ((c = cmp_str(a->file, b->file)) || (c = cmp_uint(a->line, b->line)) || (c = cmp_uint(a->col, b->col)))
        return c;
    if ((c = cmp_str(ia ? ia->full_id : "", ib ? ib->full_id : "")) || (c = cmp_str(a->message, b->message)))
        return c;
    if ((c = cmp_uint((unsigned)a->nnotes, (unsigned)b->nnotes)))
        return c;
    for (i = 0; i < a->nnotes; i++) {
        const ptrcheck_fnote_t *x = &a->notes[i], *y = &b->notes[i];
        if ((c = cmp_str(x->file, y->file)) || (c = cmp_uint(x->line, y->line)) || (c = cmp_uint(x->col, y->col)) ||
            (c = cmp_str(x->message, y->message)))
            return c;
    }
    if ((c = cmp_uint((unsigned)a->nfixits, (unsigned)b->nfixits)))
        return c;
    for (i = 0; i < a->nfixits; i++) {
        const ptrcheck_ffix_t *x = &a->fixits[i], *y = &b->fixits[i];
        if ((c = cmp_str(x->file, y->file)) || (c = cmp_uint(x->line, y->line)) || (c = cmp_uint(x->col, y->col)) ||
            (c = cmp_uint(x->end_line, y->end_line)) || (c = cmp_uint(x->end_col, y->end_col)) ||
            (c = cmp_str(x->text, y->text)))
            return c;
    }
    /* The layer is not part of a finding's identity: the same hazard seen by both passes (or by two
     * TUs, one of which generated code) is one finding.  Order AST first so the survivor is stable. */
    return cmp_uint(a->layer, b->layer);
}

/* Same location, rule and message: one finding, whatever the notes and the pass that found it. */
static int same_finding(const ptrcheck_finding_t *a, const ptrcheck_finding_t *b)
{
    return a->check == b->check && cmp_str(a->file, b->file) == 0 && a->line == b->line && a->col == b->col &&
           cmp_str(a->message, b->message) == 0;
}

void ptrcheck_findings_sort_unique(ptrcheck_findings_t *fs)
{
    size_t i, o = 0;

    if (fs->count < 2)
        return;
    qsort(fs->items, fs->count, sizeof(*fs->items), cmp_finding);
    for (i = 0; i < fs->count; i++) {
        if (o > 0 && same_finding(&fs->items[o - 1], &fs->items[i])) {
            ptrcheck_finding_fini(&fs->items[i]);
            continue;
        }
        if (o != i)
            fs->items[o] = fs->items[i];
        o++;
    }
    fs->count = o;
}

void ptrcheck_findings_filter(ptrcheck_findings_t *fs, int (*keep)(void *user, const ptrcheck_finding_t *f),
                              void *user)
{
    size_t i, o = 0;

    for (i = 0; i < fs->count; i++) {
        if (!keep(user, &fs->items[i])) {
            ptrcheck_finding_fini(&fs->items[i]);
            continue;
        }
        if (o != i)
            fs->items[o] = fs->items[i];
        o++;
    }
    fs->count = o;
}

/* ------------------------------------------------------------------ side file */

static char *dump_line(json_t *obj)
{
    char *text, *line = NULL;
    size_t n;

    if (!obj)
        return NULL;
    text = json_dumps(obj, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(obj);
    if (!text)
        return NULL;
    n = strlen(text);
    line = malloc(n + 2);
    if (line) {
        memcpy(line, text, n);
        line[n] = '\n';
        line[n + 1] = '\0';
    }
    free(text);
    return line;
}

char *ptrcheck_side_header_line(const char *tu, const char *cwd)
{
    return dump_line(json_pack("{s:i,s:s?,s:s?,s:s}", "ptrcheck-side-file", 1, "tu", tu, "cwd", cwd, "version",
                               PTRCHECK_VERSION_STRING));
}

/* json_pack's "s?" takes a possibly-NULL string; absolute paths are owned by the caller of pack. */
char *ptrcheck_side_diag_line(const ptrcheck_diag_t *d, const char *cwd)
{
    ptrcheck_findings_t one;
    ptrcheck_error_t err;
    const ptrcheck_finding_t *f;
    const ptrcheck_check_info_t *info;
    json_t *obj = NULL, *notes = NULL, *fixits = NULL;
    char *line = NULL;
    size_t i;

    ptrcheck_findings_init(&one);
    ptrcheck_error_clear(&err);
    if (!ptrcheck_findings_add_diag(&one, d, cwd, &err))
        return NULL;
    f = &one.items[0];
    info = ptrcheck_check_info(f->check);
    notes = json_array();
    fixits = json_array();
    if (!notes || !fixits)
        goto done;
    for (i = 0; i < f->nnotes; i++) {
        if (json_array_append_new(notes, json_pack("{s:s?,s:I,s:I,s:s}", "file", f->notes[i].file, "line",
                                                   (json_int_t)f->notes[i].line, "col", (json_int_t)f->notes[i].col,
                                                   "message", f->notes[i].message)) != 0)
            goto done;
    }
    for (i = 0; i < f->nfixits; i++) {
        const ptrcheck_ffix_t *x = &f->fixits[i];
        if (json_array_append_new(fixits, json_pack("{s:s?,s:I,s:I,s:I,s:I,s:s}", "file", x->file, "line",
                                                    (json_int_t)x->line, "col", (json_int_t)x->col, "end_line",
                                                    (json_int_t)x->end_line, "end_col", (json_int_t)x->end_col,
                                                    "text", x->text)) != 0)
            goto done;
    }
    obj = json_pack("{s:s,s:s?,s:I,s:I,s:s,s:s,s:O,s:O}", "check", info ? info->id : "unknown", "file", f->file,
                    "line", (json_int_t)f->line, "col", (json_int_t)f->col, "message", f->message, "layer",
                    f->layer == PTRCHECK_LAYER_IR ? "ir" : "ast", "notes", notes, "fixits", fixits);
    line = dump_line(obj); /* consumes obj */
done:
    json_decref(notes);
    json_decref(fixits);
    ptrcheck_findings_fini(&one);
    return line;
}

static char *json_str_dup(json_t *obj, const char *key, int *ok)
{
    json_t *v = json_object_get(obj, key);
    char *s;

    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        *ok = 0;
        return NULL;
    }
    s = dup_str(json_string_value(v));
    if (!s)
        *ok = 0;
    return s;
}

static unsigned json_uint(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    json_int_t i = json_is_integer(v) ? json_integer_value(v) : 0;
    return i > 0 && i < 0x7fffffff ? (unsigned)i : 0u;
}

static int side_object(ptrcheck_findings_t *fs, json_t *obj, ptrcheck_error_t *err, const char *path,
                       unsigned lineno)
{
    ptrcheck_finding_t f;
    json_t *notes, *fixits, *v;
    const char *check;
    size_t i;
    int ok = 1;

    if (json_object_get(obj, "ptrcheck-side-file"))
        return 1; /* the header */
    check = json_string_value(json_object_get(obj, "check"));
    memset(&f, 0, sizeof(f));
    f.check = check ? ptrcheck_check_lookup(check) : PTRCHECK_CHECK_COUNT;
    if (f.check == PTRCHECK_CHECK_COUNT)
        return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, path, lineno, 0, "unknown check '%s' in side file",
                                  check ? check : "(none)");
    f.file = json_str_dup(obj, "file", &ok);
    f.line = json_uint(obj, "line");
    f.col = json_uint(obj, "col");
    f.message = json_str_dup(obj, "message", &ok);
    v = json_object_get(obj, "layer");
    f.layer = json_is_string(v) && strcmp(json_string_value(v), "ir") == 0 ? PTRCHECK_LAYER_IR : PTRCHECK_LAYER_AST;
    if (!f.message && ok)
        f.message = dup_str("");
    notes = json_object_get(obj, "notes");
    fixits = json_object_get(obj, "fixits");
    if (ok && json_array_size(notes)) {
        f.notes = calloc(json_array_size(notes), sizeof(*f.notes));
        ok = f.notes != NULL;
        json_array_foreach(notes, i, v)
        {
            if (!ok)
                break;
            f.nnotes++;
            f.notes[i].file = json_str_dup(v, "file", &ok);
            f.notes[i].line = json_uint(v, "line");
            f.notes[i].col = json_uint(v, "col");
            f.notes[i].message = json_str_dup(v, "message", &ok);
        }
    }
    if (ok && json_array_size(fixits)) {
        f.fixits = calloc(json_array_size(fixits), sizeof(*f.fixits));
        ok = f.fixits != NULL;
        json_array_foreach(fixits, i, v)
        {
            if (!ok)
                break;
            f.nfixits++;
            f.fixits[i].file = json_str_dup(v, "file", &ok);
            f.fixits[i].line = json_uint(v, "line");
            f.fixits[i].col = json_uint(v, "col");
            f.fixits[i].end_line = json_uint(v, "end_line");
            f.fixits[i].end_col = json_uint(v, "end_col");
            f.fixits[i].text = json_str_dup(v, "text", &ok);
            if (ok && !f.fixits[i].text)
                f.fixits[i].text = dup_str("");
        }
    }
    if (!ok || !f.message) {
        ptrcheck_finding_fini(&f);
        return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, path, lineno, 0, "malformed finding in side file");
    }
    return ptrcheck_findings_take(fs, &f, err);
}

int ptrcheck_side_read(ptrcheck_findings_t *fs, const char *path, ptrcheck_error_t *err)
{
    FILE *in = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, len;
    unsigned lineno = 0;
    int c, rc = 1;

    if (!in)
        return ptrcheck_error_set(err, PTRCHECK_ERR_IO, path, 0, 0, "cannot open side file");
    for (;;) {
        json_t *obj;
        json_error_t jerr;
        int complete = 0;

        len = 0;
        while ((c = getc(in)) != EOF) {
            if (len + 1 >= cap) {
                size_t ncap = cap ? cap * 2 : 4096;
                char *nb = realloc(buf, ncap);
                if (!nb) {
                    rc = nomem(err);
                    goto done;
                }
                buf = nb;
                cap = ncap;
            }
            if (c == '\n') {
                complete = 1;
                break;
            }
            buf[len++] = (char)c;
        }
        if (!complete)
            break; /* EOF; a partial last line comes from an interrupted compile */
        lineno++;
        buf[len] = '\0';
        if (len == 0)
            continue;
        obj = json_loadb(buf, len, 0, &jerr);
        if (!json_is_object(obj)) {
            json_decref(obj);
            rc = ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, path, lineno, (unsigned)jerr.column, "%s",
                                    jerr.text[0] ? jerr.text : "expected a JSON object");
            goto done;
        }
        rc = side_object(fs, obj, err, path, lineno);
        json_decref(obj);
        if (!rc)
            goto done;
    }
done:
    free(buf);
    fclose(in);
    return rc;
}

/* ------------------------------------------------------------------ SARIF out */

static json_t *artifact_location(const char *file, const ptrcheck_sarif_options_t *opt)
{
    const char *rel = opt && opt->base_dir ? ptrcheck_path_under(file, opt->base_dir) : NULL;
    char *uri = ptrcheck_path_to_uri(rel ? rel : file, rel ? 0 : file[0] == '/');
    json_t *loc;

    if (!uri)
        return NULL;
    if (rel)
        loc = json_pack("{s:s,s:s}", "uri", uri, "uriBaseId", "SRCROOT");
    else
        loc = json_pack("{s:s}", "uri", uri);
    free(uri);
    return loc;
}

static json_t *physical_location(const char *file, unsigned line, unsigned col, const ptrcheck_sarif_options_t *opt)
{
    json_t *loc, *region;

    if (!file)
        return NULL;
    loc = json_object();
    if (!loc || json_object_set_new(loc, "artifactLocation", artifact_location(file, opt)) != 0) {
        json_decref(loc);
        return NULL;
    }
    if (line) {
        region = col ? json_pack("{s:I,s:I}", "startLine", (json_int_t)line, "startColumn", (json_int_t)col)
                     : json_pack("{s:I}", "startLine", (json_int_t)line);
        if (json_object_set_new(loc, "region", region) != 0) {
            json_decref(loc);
            return NULL;
        }
    }
    return loc;
}

/* {"physicalLocation": …, "message"?: …}; NULL-file locations become message-only. */
static json_t *location(const char *file, unsigned line, unsigned col, const char *message, int id,
                        const ptrcheck_sarif_options_t *opt)
{
    json_t *loc = json_object();

    if (!loc)
        return NULL;
    if (id >= 0 && json_object_set_new(loc, "id", json_integer(id)) != 0)
        goto fail;
    if (file && json_object_set_new(loc, "physicalLocation", physical_location(file, line, col, opt)) != 0)
        goto fail;
    if (message && json_object_set_new(loc, "message", json_pack("{s:s}", "text", message)) != 0)
        goto fail;
    return loc;
fail:
    json_decref(loc);
    return NULL;
}

/* GitHub code scanning's properties per check: security-severity (CVSS-like 0-10; >= 7 shows as
 * "high") and precision (how often a report is a real bug), as docs/usage.md lists them. */
static const struct {
    const char *id, *severity, *precision;
} rule_props[] = {
    {"int-roundtrip", "5.0", "high"},  {"ptr-truncation", "7.5", "high"},   {"slice-forge", "7.5", "medium"},
    {"offset-assumption", "6.5", "high"}, {"stack-escape", "8.0", "high"}, {"borrowed-escape", "7.0", "medium"},
};

/* The whole of a small text file, or NULL. */
static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, n;
    char tmp[8192];

    if (!f)
        return NULL;
    while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0 && len < (1u << 20)) {
        char *p = realloc(buf, len + n + 1);
        if (!p) {
            free(buf);
            fclose(f);
            return NULL;
        }
        buf = p;
        memcpy(buf + len, tmp, n);
        len += n;
        buf[len] = '\0';
    }
    fclose(f);
    return buf;
}

static json_t *rules(const ptrcheck_sarif_options_t *opt)
{
    json_t *arr = json_array();
    size_t i, k;

    if (!arr)
        return NULL;
    for (i = 0; i < (size_t)PTRCHECK_CHECK_COUNT; i++) {
        const ptrcheck_check_info_t *info = ptrcheck_check_info((ptrcheck_check_t)i);
        const char *severity = "5.0", *precision = "medium";
        char text[1024], *markdown = NULL;
        json_t *rule, *help;

        for (k = 0; k < sizeof(rule_props) / sizeof(rule_props[0]); k++) {
            if (strcmp(rule_props[k].id, info->id) == 0) {
                severity = rule_props[k].severity;
                precision = rule_props[k].precision;
            }
        }
        if (opt && opt->docs_dir) {
            char path[4096];
            snprintf(path, sizeof(path), "%s/checks/%s.md", opt->docs_dir, info->id);
            markdown = read_text(path);
        }
        snprintf(text, sizeof(text), "%s. Documentation: `ptrcheck --explain %s` (docs/checks/%s.md).", info->summary,
                 info->id, info->id);
        help = markdown ? json_pack("{s:s,s:s}", "text", text, "markdown", markdown) : json_pack("{s:s}", "text", text);
        free(markdown);
        rule = json_pack("{s:s,s:s,s:{s:s},s:{s:s},s:o,s:{s:s},s:{s:[s,s],s:s,s:s}}", "id", info->full_id, "name",
                         info->id, "shortDescription", "text", info->summary, "fullDescription", "text", text, "help",
                         help, "defaultConfiguration", "level", "warning", "properties", "tags", "security",
                         "correctness", "security-severity", severity, "precision", precision);
        if (!rule)
            goto fail;
        if (opt && opt->docs_url) {
            char url[2048];
            size_t n = strlen(opt->docs_url);
            snprintf(url, sizeof(url), "%s%schecks/%s.md", opt->docs_url, n && opt->docs_url[n - 1] == '/' ? "" : "/",
                     info->id);
            if (json_object_set_new(rule, "helpUri", json_string(url)) != 0) {
                json_decref(rule);
                goto fail;
            }
        }
        if (json_array_append_new(arr, rule) != 0)
            goto fail;
    }
    return arr;
fail:
    json_decref(arr);
    return NULL;
}

static json_t *fixes(const ptrcheck_finding_t *f, const ptrcheck_sarif_options_t *opt)
{
    json_t *arr = json_array(), *changes = json_array();
    size_t i, j;

    if (!arr || !changes)
        goto fail;
    /* one artifactChange per file, replacements in the order the engine made them */
    for (i = 0; i < f->nfixits; i++) {
        const char *file = f->fixits[i].file;
        json_t *repl;
        int seen = 0;

        if (!file)
            continue;
        for (j = 0; j < i; j++)
            if (f->fixits[j].file && strcmp(f->fixits[j].file, file) == 0)
                seen = 1;
        if (seen)
            continue;
        repl = json_array();
        if (!repl)
            goto fail;
        for (j = i; j < f->nfixits; j++) {
            const ptrcheck_ffix_t *x = &f->fixits[j];
            if (!x->file || strcmp(x->file, file) != 0)
                continue;
            if (json_array_append_new(repl, json_pack("{s:{s:I,s:I,s:I,s:I},s:{s:s}}", "deletedRegion", "startLine",
                                                      (json_int_t)x->line, "startColumn", (json_int_t)x->col,
                                                      "endLine", (json_int_t)x->end_line, "endColumn",
                                                      (json_int_t)x->end_col, "insertedContent", "text", x->text)) !=
                0) {
                json_decref(repl);
                goto fail;
            }
        }
        if (json_array_append_new(changes, json_pack("{s:o,s:o}", "artifactLocation", artifact_location(file, opt),
                                                     "replacements", repl)) != 0)
            goto fail;
    }
    if (json_array_size(changes) == 0) {
        json_decref(changes);
        return arr;
    }
    if (json_array_append_new(arr, json_pack("{s:{s:s},s:o}", "description", "text", "apply ptrcheck's suggested rewrite",
                                             "artifactChanges", changes)) != 0) {
        changes = NULL;
        goto fail;
    }
    return arr;
fail:
    json_decref(changes);
    json_decref(arr);
    return NULL;
}

/* The steps of a finding as a code flow: every note in order, then the finding itself. */
static json_t *code_flows(const ptrcheck_finding_t *f, const ptrcheck_sarif_options_t *opt)
{
    json_t *steps = json_array();
    size_t i;

    if (!steps)
        return NULL;
    for (i = 0; i <= f->nnotes; i++) {
        const char *file = i < f->nnotes ? f->notes[i].file : f->file;
        unsigned line = i < f->nnotes ? f->notes[i].line : f->line, col = i < f->nnotes ? f->notes[i].col : f->col;
        const char *msg = i < f->nnotes ? f->notes[i].message : f->message;
        json_t *loc = location(file, line, col, msg, -1, opt);
        if (!loc || json_array_append_new(steps, json_pack("{s:o,s:i,s:i}", "location", loc, "nestingLevel", 0,
                                                           "executionOrder", (int)i + 1)) != 0) {
            json_decref(steps);
            return NULL;
        }
    }
    return json_pack("[{s:{s:s},s:[{s:o}]}]", "message", "text", f->message, "threadFlows", "locations", steps);
}

static json_t *result(const ptrcheck_finding_t *f, const ptrcheck_sarif_options_t *opt, const char *fingerprint)
{
    const ptrcheck_check_info_t *info = ptrcheck_check_info(f->check);
    json_t *r, *locs, *related;
    size_t i;

    r = json_pack("{s:s,s:i,s:s,s:{s:s}}", "ruleId", info->full_id, "ruleIndex", (int)f->check, "level", "warning",
                  "message", "text", f->message);
    if (!r)
        return NULL;
    locs = json_array();
    if (!locs || json_object_set_new(r, "locations", locs) != 0)
        goto fail;
    if (f->file && json_array_append_new(locs, location(f->file, f->line, f->col, NULL, -1, opt)) != 0)
        goto fail;
    if (f->nnotes) {
        related = json_array();
        if (!related || json_object_set_new(r, "relatedLocations", related) != 0)
            goto fail;
        for (i = 0; i < f->nnotes; i++)
            if (json_array_append_new(related, location(f->notes[i].file, f->notes[i].line, f->notes[i].col,
                                                        f->notes[i].message, (int)i + 1, opt)) != 0)
                goto fail;
    }
    if (f->nnotes && json_object_set_new(r, "codeFlows", code_flows(f, opt)) != 0)
        goto fail;
    if (fingerprint && json_object_set_new(r, "partialFingerprints", json_pack("{s:s}", "ptrcheck/v1", fingerprint)) != 0)
        goto fail;
    if (f->nfixits) {
        json_t *fx = fixes(f, opt);
        if (!fx || json_object_set_new(r, "fixes", fx) != 0)
            goto fail;
    }
    if (json_object_set_new(r, "properties", json_pack("{s:s}", "ptrcheckLayer",
                                                       f->layer == PTRCHECK_LAYER_IR ? "ir" : "ast")) != 0)
        goto fail;
    return r;
fail:
    json_decref(r);
    return NULL;
}

/* partialFingerprints["ptrcheck/v1"]: a hash of what identifies a finding independently of where the
 * code around it moved: the rule, the file (relative to the base directory), the message, and the
 * text of the finding's source line without its indentation; then ":N" counting equal hashes in
 * the file (two identical lines). Line and column numbers are not part of it. */
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return (h ^ 0xff) * 1099511628211ull;
}

typedef struct srcline_cache_s {
    char *path, *text;
} srcline_cache_t;

/* Line `line` of path, trimmed of surrounding blanks, from a one-file cache. */
static const char *source_line(srcline_cache_t *c, const char *path, unsigned line, size_t *len)
{
    const char *p, *e;
    unsigned n = 1;

    if (!c->path || strcmp(c->path, path) != 0) {
        free(c->path);
        free(c->text);
        c->path = dup_str(path);
        c->text = read_text(path);
    }
    if (!c->text || line == 0)
        return NULL;
    for (p = c->text; *p && n < line; p++)
        if (*p == '\n')
            n++;
    if (n != line)
        return NULL;
    while (*p == ' ' || *p == '\t')
        p++;
    e = strchr(p, '\n');
    if (!e)
        e = p + strlen(p);
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    *len = (size_t)(e - p);
    return p;
}

static char **fingerprints(const ptrcheck_findings_t *fs, const ptrcheck_sarif_options_t *opt)
{
    char **fp = calloc(fs->count + 1, sizeof(*fp));
    uint64_t *h = calloc(fs->count + 1, sizeof(*h));
    srcline_cache_t cache = {NULL, NULL};
    size_t i, k;

    if (!fp || !h)
        goto fail;
    for (i = 0; i < fs->count; i++) {
        const ptrcheck_finding_t *f = &fs->items[i];
        const char *id = ptrcheck_check_info(f->check)->full_id, *rel = NULL, *text = NULL;
        size_t len = 0;
        unsigned dup = 0;
        if (f->file) {
            rel = opt && opt->base_dir ? ptrcheck_path_under(f->file, opt->base_dir) : NULL;
            text = source_line(&cache, f->file, f->line, &len);
        }
        h[i] = fnv(1469598103934665603ull, id, strlen(id));
        h[i] = fnv(h[i], rel ? rel : f->file ? f->file : "", strlen(rel ? rel : f->file ? f->file : ""));
        h[i] = fnv(h[i], f->message, strlen(f->message));
        h[i] = fnv(h[i], text ? text : "", len);
        for (k = 0; k < i; k++)
            dup += h[k] == h[i];
        fp[i] = malloc(32);
        if (!fp[i])
            goto fail;
        snprintf(fp[i], 32, "%016llx:%u", (unsigned long long)h[i], dup + 1);
    }
    free(cache.path);
    free(cache.text);
    free(h);
    return fp;
fail:
    free(cache.path);
    free(cache.text);
    free(h);
    for (i = 0; fp && i < fs->count; i++)
        free(fp[i]);
    free(fp);
    return NULL;
}

int ptrcheck_sarif_write(const ptrcheck_findings_t *fs, const ptrcheck_sarif_options_t *opt, FILE *out,
                         ptrcheck_error_t *err)
{
    char **fp = NULL;
    json_t *log = NULL, *run, *results, *invocation, *notes, *driver;
    size_t i;
    int rc = 0;

    driver = json_pack("{s:s,s:s,s:s,s:o}", "name", "ptrcheck", "version", PTRCHECK_VERSION_STRING,
                       "semanticVersion", PTRCHECK_VERSION_STRING, "rules", rules(opt));
    if (!driver)
        return nomem(err);
    if (opt && opt->docs_url && json_object_set_new(driver, "informationUri", json_string(opt->docs_url)) != 0) {
        json_decref(driver);
        return nomem(err);
    }
    fp = fingerprints(fs, opt);
    if (!fp) {
        json_decref(driver);
        return nomem(err);
    }
    results = json_array();
    notes = json_array();
    invocation = json_pack("{s:b,s:o}", "executionSuccessful", !(opt && opt->nfailures), "toolExecutionNotifications",
                           notes);
    run = json_pack("{s:{s:o},s:o,s:[o]}", "tool", "driver", driver, "results", results, "invocations", invocation);
    log = json_pack("{s:s,s:s,s:[o]}", "$schema", "https://json.schemastore.org/sarif-2.1.0.json", "version",
                    "2.1.0", "runs", run);
    if (!log) {
        rc = nomem(err);
        goto done;
    }
    if (opt && opt->base_dir) {
        char *base = NULL, *uri;
        size_t n = strlen(opt->base_dir);
        base = malloc(n + 2);
        if (!base)
            goto nomem;
        memcpy(base, opt->base_dir, n);
        base[n] = n && opt->base_dir[n - 1] == '/' ? '\0' : '/';
        base[n + 1] = '\0';
        uri = ptrcheck_path_to_uri(base, 1);
        free(base);
        if (!uri || json_object_set_new(run, "originalUriBaseIds", json_pack("{s:{s:s}}", "SRCROOT", "uri", uri)) != 0) {
            free(uri);
            goto nomem;
        }
        free(uri);
    }
    for (i = 0; i < fs->count; i++)
        if (json_array_append_new(results, result(&fs->items[i], opt, fp[i])) != 0)
            goto nomem;
    for (i = 0; opt && i < opt->nfailures; i++) {
        const ptrcheck_sarif_failure_t *fl = &opt->failures[i];
        json_t *n = json_pack("{s:s,s:{s:s},s:[o]}", "level", "error", "message", "text",
                              fl->message ? fl->message : "could not be analysed", "locations",
                              location(fl->file, 0, 0, NULL, -1, opt));
        if (json_array_append_new(notes, n) != 0)
            goto nomem;
    }
    if (json_dumpf(log, out, JSON_INDENT(2) | JSON_ENSURE_ASCII) != 0 || fputc('\n', out) == EOF) {
        rc = ptrcheck_error_set(err, PTRCHECK_ERR_IO, NULL, 0, 0, "cannot write the SARIF log");
        goto done;
    }
    rc = 1;
    goto done;
nomem:
    rc = nomem(err);
done:
    json_decref(log);
    for (i = 0; fp && i < fs->count; i++)
        free(fp[i]);
    free(fp);
    return rc;
}

/* ------------------------------------------------------------------ SARIF in (baselines) */

/* Absolute path of an artifactLocation, resolved against originalUriBaseIds when relative. */
static char *resolve_artifact(json_t *art, json_t *bases)
{
    const char *uri = json_string_value(json_object_get(art, "uri"));
    const char *base_id = json_string_value(json_object_get(art, "uriBaseId"));
    char *path, *base_path = NULL, *abs;

    if (!uri)
        return NULL;
    path = ptrcheck_uri_to_path(uri);
    if (!path || path[0] == '/')
        return path;
    if (base_id) {
        const char *base_uri = json_string_value(json_object_get(json_object_get(bases, base_id), "uri"));
        if (base_uri)
            base_path = ptrcheck_uri_to_path(base_uri);
    }
    abs = ptrcheck_path_absolute(path, base_path ? base_path : NULL);
    free(base_path);
    free(path);
    return abs;
}

int ptrcheck_sarif_read(ptrcheck_findings_t *fs, const char *path, ptrcheck_error_t *err)
{
    json_error_t jerr;
    json_t *log = json_load_file(path, 0, &jerr), *runs, *run;
    size_t r, i;

    if (!log) {
        if (jerr.line <= 0)
            return ptrcheck_error_set(err, PTRCHECK_ERR_IO, path, 0, 0, "cannot read SARIF file: %s", jerr.text);
        return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, path, (unsigned)jerr.line, (unsigned)jerr.column, "%s",
                                  jerr.text);
    }
    runs = json_object_get(log, "runs");
    if (!json_is_array(runs)) {
        json_decref(log);
        return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, path, 0, 0, "not a SARIF log: no \"runs\" array");
    }
    json_array_foreach(runs, r, run)
    {
        json_t *bases = json_object_get(run, "originalUriBaseIds");
        json_t *results = json_object_get(run, "results"), *res;
        json_array_foreach(results, i, res)
        {
            const char *rule = json_string_value(json_object_get(res, "ruleId"));
            const char *msg = json_string_value(json_object_get(json_object_get(res, "message"), "text"));
            json_t *phys = json_object_get(json_array_get(json_object_get(res, "locations"), 0), "physicalLocation");
            json_t *region = json_object_get(phys, "region");
            ptrcheck_finding_t f;

            if (!rule || strncmp(rule, "ptrcheck-", 9) != 0 || !msg)
                continue;
            memset(&f, 0, sizeof(f));
            f.check = ptrcheck_check_lookup(rule);
            if (f.check == PTRCHECK_CHECK_COUNT)
                continue; /* a check this build does not have cannot match anything */
            f.file = resolve_artifact(json_object_get(phys, "artifactLocation"), bases);
            f.line = json_uint(region, "startLine");
            f.col = json_uint(region, "startColumn");
            f.message = dup_str(msg);
            if (!f.message) {
                ptrcheck_finding_fini(&f);
                json_decref(log);
                return nomem(err);
            }
            if (!ptrcheck_findings_take(fs, &f, err)) {
                json_decref(log);
                return 0;
            }
        }
    }
    json_decref(log);
    return 1;
}
