/* The per-translation-unit engine: configuration, check selection, suppression, de-duplication,
 * the AST fact arena and the IR correlation site tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptrcheck/ast.h"
#include "ptrcheck/ptrcheck.h"
#include "ptrcheck_private/util.h"

typedef struct site_vec_s {
    ptrcheck_site_t *items;
    size_t count, cap;
} site_vec_t;

struct ptrcheck_fn_sites_s {
    ptrcheck_loc_t loc;
    site_vec_t kinds[PTRCHECK_SITE_KIND_COUNT];
};

typedef struct source_file_s {
    char *text;        /* whole file, NUL-terminated */
    size_t len;        /* its length without the NUL */
    size_t *lines;     /* offsets of line starts */
    size_t nlines;
} source_file_t;

/* A region's condition is evaluated once per (target, compiling target): every fact inside it asks. */
struct pp_memo_s {
    unsigned n;
    struct {
        char triple[64];
        const char *compiling; /* interned */
        int value;
    } slot[8];
};

struct ptrcheck_engine_s {
    ptrcheck_config_t cfg;
    unsigned char enabled[PTRCHECK_CHECK_COUNT];
    size_t counts[PTRCHECK_CHECK_COUNT];
    ptrcheck_sink_fn sink;
    void *sink_user;
    ptrcheck_line_fn line_fn;
    void *line_user;
    ptrcheck_loc_fn loc_fn;      /* ptrcheck_engine_set_loc_resolver */
    void *loc_user;
    ptrcheck_system_fn system_fn;
    void *system_user;
    ptrcheck_demangle_fn demangle;
    ptrcheck_strmap_t display;   /* symbol -> interned readable name */
    ptrcheck_strmap_t interned;  /* string -> NULL (the key is the interned copy) */
    ptrcheck_strmap_t reported;  /* "check|file|line|col" -> NULL */
    ptrcheck_strmap_t files;     /* path -> source_file_t*, for the default line reader */
    ptrcheck_strmap_t nolint;    /* path -> ptrcheck_nolint_blocks_t*, read once per file */
    ptrcheck_strmap_t fn_sites;  /* symbol -> ptrcheck_fn_sites_t* */
    ptrcheck_strmap_t fields;    /* "record|offset" -> field name (interned) */
    ptrcheck_fn_sites_t *current;
    int have_sites;
    ptrcheck_arena_t ast_arena;  /* AST facts; reset per fact */
    void *check_state[PTRCHECK_CHECK_COUNT]; /* ptrcheck_engine_set_check_state */
    void (*check_state_free[PTRCHECK_CHECK_COUNT])(void *);
    int analysis_only;           /* ptrcheck_engine_set_analysis_only */
    ptrcheck_loc_t windows_loc;  /* first place the TU showed Windows intent (file interned) */
    const char *windows_what;    /* "tests '_WIN32'" (interned); NULL: no intent seen */
    const char *compiling_triple; /* interned */
    struct pp_region_s {
        const char *file; /* interned */
        unsigned first, last;
        ptrcheck_pp_tok_t *cond; /* texts interned */
        size_t ncond;
        struct pp_memo_s *memo;  /* region_value()'s answers, by target */
    } *regions;                  /* ptrcheck_engine_note_pp_region */
    size_t nregions, capregions;
    ptrcheck_regions_fn regions_fn; /* ptrcheck_engine_set_region_source: not asked yet */
    void *regions_user;
    ptrcheck_origins_fn origins_fn;
    void *origins_user;
};

static void free_fn_sites(void *p)
{
    ptrcheck_fn_sites_t *fs = p;
    if (!fs)
        return;
    for (int k = 0; k < PTRCHECK_SITE_KIND_COUNT; k++)
        free(fs->kinds[k].items);
    free(fs);
}

static void free_source_file(void *p)
{
    source_file_t *f = p;
    if (!f)
        return;
    free(f->text);
    free(f->lines);
    free(f);
}

static void free_nolint_blocks(void *p) { ptrcheck_nolint_blocks_destroy(p); }

ptrcheck_engine_t *ptrcheck_engine_create(ptrcheck_config_t *cfg, ptrcheck_error_t *err)
{
    ptrcheck_engine_t *e = calloc(1, sizeof *e);
    if (!e) {
        if (err)
            ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    e->cfg = *cfg;
    memset(cfg, 0, sizeof *cfg);
    for (int c = 0; c < PTRCHECK_CHECK_COUNT; c++)
        e->enabled[c] = (unsigned char)ptrcheck_config_check_enabled(&e->cfg, (ptrcheck_check_t)c);
    ptrcheck_strmap_init(&e->interned);
    ptrcheck_strmap_init(&e->reported);
    ptrcheck_strmap_init(&e->files);
    ptrcheck_strmap_init(&e->nolint);
    ptrcheck_strmap_init(&e->fn_sites);
    ptrcheck_strmap_init(&e->fields);
    ptrcheck_strmap_init(&e->display);
    ptrcheck_arena_init(&e->ast_arena);
    return e;
}

void ptrcheck_engine_destroy(ptrcheck_engine_t *e)
{
    if (!e)
        return;
    ptrcheck_config_fini(&e->cfg);
    ptrcheck_strmap_fini(&e->interned, NULL);
    ptrcheck_strmap_fini(&e->reported, NULL);
    ptrcheck_strmap_fini(&e->files, free_source_file);
    ptrcheck_strmap_fini(&e->nolint, free_nolint_blocks);
    ptrcheck_strmap_fini(&e->fn_sites, free_fn_sites);
    ptrcheck_strmap_fini(&e->fields, NULL);
    ptrcheck_strmap_fini(&e->display, NULL);
    for (int c = 0; c < PTRCHECK_CHECK_COUNT; c++)
        if (e->check_state[c] && e->check_state_free[c])
            e->check_state_free[c](e->check_state[c]);
    ptrcheck_arena_fini(&e->ast_arena);
    for (size_t i = 0; i < e->nregions; i++) {
        free(e->regions[i].cond);
        free(e->regions[i].memo);
    }
    free(e->regions);
    free(e);
}

const ptrcheck_config_t *ptrcheck_engine_config(const ptrcheck_engine_t *e) { return &e->cfg; }

void ptrcheck_engine_set_sink(ptrcheck_engine_t *e, ptrcheck_sink_fn fn, void *user)
{
    e->sink = fn;
    e->sink_user = user;
}

void ptrcheck_engine_set_analysis_only(ptrcheck_engine_t *e, int on) { e->analysis_only = on != 0; }
int ptrcheck_engine_analysis_only(const ptrcheck_engine_t *e) { return e->analysis_only; }

void ptrcheck_engine_set_line_reader(ptrcheck_engine_t *e, ptrcheck_line_fn fn, void *user)
{
    e->line_fn = fn;
    e->line_user = user;
}

void ptrcheck_engine_set_loc_resolver(ptrcheck_engine_t *e, ptrcheck_loc_fn fn, void *user)
{
    e->loc_fn = fn;
    e->loc_user = user;
}

static void resolve_loc(ptrcheck_engine_t *e, ptrcheck_loc_t *l)
{
    if (e->loc_fn && l->raw && !l->file && !l->line)
        e->loc_fn(e->loc_user, l);
}

void ptrcheck_engine_set_system_filter(ptrcheck_engine_t *e, ptrcheck_system_fn fn, void *user)
{
    e->system_fn = fn;
    e->system_user = user;
}

int ptrcheck_engine_enabled(const ptrcheck_engine_t *e, ptrcheck_check_t check)
{
    return (unsigned)check < PTRCHECK_CHECK_COUNT && e->enabled[check];
}

void *ptrcheck_engine_check_state(const ptrcheck_engine_t *e, ptrcheck_check_t check)
{
    return (unsigned)check < PTRCHECK_CHECK_COUNT ? e->check_state[check] : NULL;
}

void ptrcheck_engine_set_check_state(ptrcheck_engine_t *e, ptrcheck_check_t check, void *state,
                                     void (*destroy)(void *))
{
    if ((unsigned)check >= PTRCHECK_CHECK_COUNT)
        return;
    if (e->check_state[check] && e->check_state[check] != state && e->check_state_free[check])
        e->check_state_free[check](e->check_state[check]);
    e->check_state[check] = state;
    e->check_state_free[check] = destroy;
}

size_t ptrcheck_engine_count(const ptrcheck_engine_t *e, ptrcheck_check_t check)
{
    return (unsigned)check < PTRCHECK_CHECK_COUNT ? e->counts[check] : 0;
}

void ptrcheck_engine_note_windows_intent(ptrcheck_engine_t *e, ptrcheck_loc_t loc, const char *what)
{
    if (!e || e->windows_what)
        return;
    loc.file = ptrcheck_engine_intern(e, loc.file);
    e->windows_loc = loc;
    e->windows_what = ptrcheck_engine_intern(e, what && *what ? what : "shows Windows intent");
}

int ptrcheck_engine_target_in_scope(const ptrcheck_engine_t *e, const char *triple)
{
    ptrcheck_target_t t;
    if (!ptrcheck_target_parse(triple, &t))
        return 0;
    if (e->cfg.targets_given || !t.windows)
        return 1;
    if (e->windows_what)
        return 1;
    /* compiling for Windows is the plainest Windows intent */
    return e->compiling_triple && ptrcheck_target_parse(e->compiling_triple, &t) && t.windows;
}

int ptrcheck_engine_note_pp_region(ptrcheck_engine_t *e, const char *file, unsigned first_line, unsigned last_line,
                                   const ptrcheck_pp_tok_t *cond, size_t ncond)
{
    if (!e || !file || !cond || !ncond || last_line < first_line)
        return 0;
    if (e->nregions == e->capregions) {
        size_t ncap = e->capregions ? e->capregions * 2 : 16;
        struct pp_region_s *n = realloc(e->regions, ncap * sizeof *n);
        if (!n)
            return 0;
        e->regions = n;
        e->capregions = ncap;
    }
    struct pp_region_s *r = &e->regions[e->nregions];
    r->file = ptrcheck_engine_intern(e, file);
    r->cond = malloc(ncond * sizeof *r->cond);
    r->memo = calloc(1, sizeof *r->memo);
    if (!r->file || !r->cond || !r->memo)
        goto fail;
    for (size_t i = 0; i < ncond; i++) {
        r->cond[i] = cond[i];
        r->cond[i].text = cond[i].text ? ptrcheck_engine_intern(e, cond[i].text) : NULL;
        if (cond[i].text && !r->cond[i].text)
            goto fail;
    }
    r->first = first_line;
    r->last = last_line;
    r->ncond = ncond;
    e->nregions++;
    return 1;
fail:
    free(r->cond);
    free(r->memo);
    return 0;
}

void ptrcheck_engine_set_region_source(ptrcheck_engine_t *e, ptrcheck_regions_fn fn, void *user)
{
    e->regions_fn = fn;
    e->regions_user = user;
}

/* The region table is filled from its source on the first question that needs it: the engine is
   logically const to its readers (every engine is made non-const by ptrcheck_engine_create). */
static void pull_regions(const ptrcheck_engine_t *ce)
{
    ptrcheck_engine_t *e = (ptrcheck_engine_t *)ce;
    ptrcheck_regions_fn fn = e->regions_fn;
    if (!fn)
        return;
    e->regions_fn = NULL;
    fn(e->regions_user, e);
}

void ptrcheck_engine_set_origins_resolver(ptrcheck_engine_t *e, ptrcheck_origins_fn fn, void *user)
{
    e->origins_fn = fn;
    e->origins_user = user;
}

static int region_value(const ptrcheck_engine_t *e, const struct pp_region_s *r, const char *triple)
{
    struct pp_memo_s *m = r->memo;
    for (unsigned i = 0; i < m->n; i++)
        if (m->slot[i].compiling == e->compiling_triple && strcmp(m->slot[i].triple, triple) == 0)
            return m->slot[i].value;
    int v = ptrcheck_pp_eval(r->cond, r->ncond, triple, e->compiling_triple);
    if (m->n < sizeof m->slot / sizeof m->slot[0] && strlen(triple) < sizeof m->slot[0].triple) {
        strcpy(m->slot[m->n].triple, triple);
        m->slot[m->n].compiling = e->compiling_triple;
        m->slot[m->n].value = v;
        m->n++;
    }
    return v;
}

/* 1 when no region around l has a condition that is false or not known on triple. */
static int known_on(const ptrcheck_engine_t *e, const char *triple, const ptrcheck_loc_t *l)
{
    if (!l->file)
        return 1;
    for (size_t i = 0; i < e->nregions; i++) {
        const struct pp_region_s *r = &e->regions[i];
        if (l->line >= r->first && l->line <= r->last && strcmp(r->file, l->file) == 0 &&
            region_value(e, r, triple) != 1)
            return 0;
    }
    return 1;
}

int ptrcheck_engine_target_in_scope_at(const ptrcheck_engine_t *e, const char *triple, ptrcheck_loc_t loc)
{
    if (!ptrcheck_engine_target_in_scope(e, triple))
        return 0;
    pull_regions(e);
    if (!e->nregions)
        return 1;
    if (e->loc_fn && loc.raw && !loc.file && !loc.line)
        e->loc_fn(e->loc_user, &loc); /* a lazy location (ptrcheck_engine_set_loc_resolver) */
    if (!known_on(e, triple, &loc))
        return 0;
    if (e->origins_fn && loc.raw) {
        ptrcheck_loc_t o[32];
        size_t n = e->origins_fn(e->origins_user, &loc, o, sizeof o / sizeof o[0]);
        for (size_t i = 0; i < n; i++)
            if (!known_on(e, triple, &o[i]))
                return 0;
    }
    return 1;
}

static int triple_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
}

void ptrcheck_engine_note_scope(const ptrcheck_engine_t *e, ptrcheck_diag_t *d, const char *triples)
{
    const ptrcheck_config_t *cfg = &e->cfg;
    size_t i;
    if (!d || !triples || cfg->targets_given || !e->windows_what)
        return;
    for (i = 0; i < cfg->ntargets; i++) {
        ptrcheck_target_t t;
        const char *hit;
        size_t n = strlen(cfg->targets[i]);
        if (!ptrcheck_target_parse(cfg->targets[i], &t) || !t.windows)
            continue;
        for (hit = strstr(triples, cfg->targets[i]); hit; hit = strstr(hit + 1, cfg->targets[i]))
            if ((hit == triples || !triple_char(hit[-1])) && !triple_char(hit[n]))
                break;
        if (!hit)
            continue;
        ptrcheck_diag_add_note(d, e->windows_loc,
                               "%s is checked because this translation unit %s here (set 'targets' in "
                               ".ptrcheck.yaml to choose the targets)",
                               cfg->targets[i], e->windows_what);
        return;
    }
}

const char *ptrcheck_engine_compiling_triple(const ptrcheck_engine_t *e) { return e->compiling_triple; }

void ptrcheck_engine_set_compiling_triple(ptrcheck_engine_t *e, const char *triple)
{
    e->compiling_triple = ptrcheck_engine_intern(e, triple);
}

const char *ptrcheck_engine_intern(ptrcheck_engine_t *e, const char *s)
{
    if (!s)
        return NULL;
    ptrcheck_strmap_entry_t *ent = ptrcheck_strmap_insert(&e->interned, s, NULL);
    return ent ? ent->key : NULL;
}

void ptrcheck_engine_set_demangler(ptrcheck_engine_t *e, ptrcheck_demangle_fn fn) { e->demangle = fn; }

const char *ptrcheck_engine_display_name(ptrcheck_engine_t *e, const char *sym)
{
    if (!sym)
        return NULL;
    if (sym[0] == '\1') /* asm label: the symbol as written */
        sym++;
    /* Itanium ("_Z...") and Microsoft ("?...") manglings; anything else is a C name already. */
    if (!e->demangle || !((sym[0] == '_' && sym[1] == 'Z') || sym[0] == '?'))
        return ptrcheck_engine_intern(e, sym);
    int is_new = 0;
    ptrcheck_strmap_entry_t *ent = ptrcheck_strmap_insert(&e->display, sym, &is_new);
    if (!ent)
        return ptrcheck_engine_intern(e, sym);
    if (is_new) {
        char *d = e->demangle(sym);
        ent->value = (void *)ptrcheck_engine_intern(e, d && d[0] ? d : sym);
        free(d);
    }
    return ent->value ? ent->value : sym;
}

/* ---------------------------------------------------------------- NOLINT */

static source_file_t *load_source(const char *path)
{
    source_file_t *f = calloc(1, sizeof *f);
    FILE *fp = NULL;
    size_t cap = 0, len = 0, lcap = 0;
    if (!f)
        return NULL;
    fp = fopen(path, "rb");
    if (!fp)
        goto fail;
    for (;;) {
        if (len + 4096 + 1 > cap) {
            size_t ncap = cap ? cap * 2 : 8192;
            char *nt = realloc(f->text, ncap);
            if (!nt)
                goto fail;
            f->text = nt;
            cap = ncap;
        }
        size_t n = fread(f->text + len, 1, cap - len - 1, fp);
        len += n;
        if (n == 0)
            break;
    }
    fclose(fp);
    fp = NULL;
    f->text[len] = '\0';
    f->len = len;
    for (size_t i = 0; i <= len; i++) {
        if (i == 0 || f->text[i - 1] == '\n') {
            if (f->nlines == lcap) {
                size_t ncap = lcap ? lcap * 2 : 256;
                size_t *nl = realloc(f->lines, ncap * sizeof *nl);
                if (!nl)
                    goto fail;
                f->lines = nl;
                lcap = ncap;
            }
            f->lines[f->nlines++] = i;
        }
    }
    return f;
fail:
    if (fp)
        fclose(fp);
    free_source_file(f);
    return NULL;
}

static const char *line_text(ptrcheck_engine_t *e, const char *file, unsigned line, size_t *len)
{
    if (!file)
        return NULL;
    if (e->line_fn)
        return e->line_fn(e->line_user, file, line, len);
    int is_new = 0;
    ptrcheck_strmap_entry_t *ent = ptrcheck_strmap_insert(&e->files, file, &is_new);
    if (!ent)
        return NULL;
    if (is_new)
        ent->value = load_source(file); /* NULL (unreadable) is cached too */
    source_file_t *f = ent->value;
    if (f && line == 0) { /* the whole text (ptrcheck_line_fn) */
        *len = f->len;
        return f->text;
    }
    if (!f || line == 0 || line > f->nlines)
        return NULL;
    size_t start = f->lines[line - 1];
    size_t end = start;
    while (f->text[end] && f->text[end] != '\n')
        end++;
    if (end > start && f->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return f->text + start;
}

static const char *engine_line(void *user, const char *file, unsigned line, size_t *len)
{
    return line_text(user, file, line, len);
}

int ptrcheck_engine_suppressed(ptrcheck_engine_t *e, ptrcheck_check_t check, ptrcheck_loc_t loc)
{
    const ptrcheck_check_info_t *info = ptrcheck_check_info(check);
    size_t len = 0;
    const char *text;
    if (!info || !loc.file || !loc.line)
        return 0;
    text = line_text(e, loc.file, loc.line, &len);
    if (text && ptrcheck_nolint_matches(text, len, info->full_id, 0))
        return 1;
    if (loc.line > 1) {
        text = line_text(e, loc.file, loc.line - 1, &len);
        if (text && ptrcheck_nolint_matches(text, len, info->full_id, 1))
            return 1;
    }
    {
        int is_new = 0;
        ptrcheck_strmap_entry_t *ent = ptrcheck_strmap_insert(&e->nolint, loc.file, &is_new);
        if (!ent) /* out of memory: read the file for this finding only */
            return ptrcheck_nolint_in_block(engine_line, e, loc.file, loc.line, info->full_id);
        if (is_new)
            ent->value = ptrcheck_nolint_blocks_create(engine_line, e, loc.file);
        if (!ent->value)
            return ptrcheck_nolint_in_block(engine_line, e, loc.file, loc.line, info->full_id);
        return ptrcheck_nolint_blocks_covers(ent->value, loc.line, info->full_id);
    }
}

/* The line an #include goes on: the file's first #include line, else line 1. */
static unsigned include_line(ptrcheck_engine_t *e, const char *file)
{
    for (unsigned line = 1; line <= 100000; line++) {
        size_t len = 0, i = 0;
        const char *t = line_text(e, file, line, &len);
        if (!t)
            break;
        while (i < len && (t[i] == ' ' || t[i] == '\t'))
            i++;
        if (i == len || t[i] != '#')
            continue;
        for (i++; i < len && (t[i] == ' ' || t[i] == '\t'); i++)
            ;
        if (len - i >= 7 && strncmp(t + i, "include", 7) == 0)
            return line;
    }
    return 1;
}

/* d->include: one fix-it inserting `#include <header>` into the file the first fix-it edits, unless an
 * earlier diagnostic of this translation unit already inserts it there. */
static int add_include_fixit(ptrcheck_engine_t *e, ptrcheck_diag_t *d)
{
    char key[2048];
    char text[512];
    ptrcheck_loc_t at = {0};
    if (!d->include || !d->nfixits || !d->fixits[0].begin.file)
        return 1;
    snprintf(key, sizeof key, "#include|%s|%s", d->fixits[0].begin.file, d->include);
    if (ptrcheck_strmap_find(&e->reported, key))
        return 1;
    if (!ptrcheck_strmap_insert(&e->reported, key, NULL))
        return 0;
    at.file = d->fixits[0].begin.file;
    at.line = include_line(e, at.file);
    at.col = 1;
    snprintf(text, sizeof text, "#include <%s>\n", d->include);
    return ptrcheck_diag_add_fixit(d, at, at, text);
}

int ptrcheck_engine_report(ptrcheck_engine_t *e, ptrcheck_diag_t *d)
{
    char key[2048];
    int emitted = 0;
    if (!d)
        return 0;
    if (!ptrcheck_engine_enabled(e, d->check))
        goto done;
    resolve_loc(e, &d->loc);
    for (size_t i = 0; i < d->nnotes; i++)
        resolve_loc(e, &d->notes[i].loc);
    for (size_t i = 0; i < d->nfixits; i++) {
        resolve_loc(e, &d->fixits[i].begin);
        resolve_loc(e, &d->fixits[i].end);
    }
    /* Like clang's own warnings, findings in system headers are not shown unless asked for.  Input
     * errors (a malformed layout table) are not findings and always get through. */
    if (!d->is_error && !e->cfg.system_headers && e->system_fn && (d->loc.file || d->loc.raw) &&
        e->system_fn(e->system_user, d->loc))
        goto done;
    /* Findings without a line (the pass plugin alone, no -g) are told apart by their text. */
    snprintf(key, sizeof key, "%d|%s|%u|%u|%s", (int)d->check, d->loc.file ? d->loc.file : "", d->loc.line,
             d->loc.col, d->loc.line ? "" : (d->message ? d->message : ""));
    if (ptrcheck_strmap_find(&e->reported, key))
        goto done;
    if (!ptrcheck_strmap_insert(&e->reported, key, NULL))
        goto done;
    if (ptrcheck_engine_suppressed(e, d->check, d->loc))
        goto done;
    if (!add_include_fixit(e, d))
        goto done;
    e->counts[d->check]++;
    if (e->sink)
        e->sink(e->sink_user, d);
    emitted = 1;
done:
    ptrcheck_diag_destroy(d);
    return emitted;
}

/* ---------------------------------------------------------------- AST arena */

ptrcheck_expr_t *ptrcheck_ast_new_expr(ptrcheck_engine_t *e, unsigned nkids)
{
    ptrcheck_expr_t *x = ptrcheck_arena_alloc(&e->ast_arena, sizeof *x);
    if (!x)
        return NULL;
    if (nkids) {
        x->kids = ptrcheck_arena_alloc(&e->ast_arena, nkids * sizeof *x->kids);
        if (!x->kids)
            return NULL;
        x->nkids = nkids;
    }
    return x;
}

const char *ptrcheck_ast_strdup(ptrcheck_engine_t *e, const char *s, size_t len)
{
    return s ? ptrcheck_arena_strndup(&e->ast_arena, s, len) : NULL;
}

void ptrcheck_ast_reset(ptrcheck_engine_t *e)
{
    ptrcheck_arena_fini(&e->ast_arena);
    ptrcheck_arena_init(&e->ast_arena);
}

/* ---------------------------------------------------------------- site tables */

int ptrcheck_sites_begin_function(ptrcheck_engine_t *e, const char *symbol, ptrcheck_loc_t loc)
{
    int is_new = 0;
    ptrcheck_strmap_entry_t *ent;
    e->have_sites = 1;
    e->current = NULL;
    if (!symbol)
        return 0;
    ent = ptrcheck_strmap_insert(&e->fn_sites, symbol, &is_new);
    if (!ent)
        return 0;
    if (!is_new) {
        /* A redefinition (should not happen in valid C): start over. */
        free_fn_sites(ent->value);
        ent->value = NULL;
    }
    ent->value = calloc(1, sizeof(ptrcheck_fn_sites_t));
    if (!ent->value)
        return 0;
    e->current = ent->value;
    loc.file = ptrcheck_engine_intern(e, loc.file);
    e->current->loc = loc;
    return 1;
}

int ptrcheck_sites_add(ptrcheck_engine_t *e, ptrcheck_site_kind_t kind, const ptrcheck_site_t *site)
{
    site_vec_t *v;
    if (!e->current || (unsigned)kind >= PTRCHECK_SITE_KIND_COUNT)
        return 0;
    v = &e->current->kinds[kind];
    if (v->count == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 8;
        ptrcheck_site_t *ni = realloc(v->items, ncap * sizeof *ni);
        if (!ni)
            return 0;
        v->items = ni;
        v->cap = ncap;
    }
    ptrcheck_site_t *s = &v->items[v->count++];
    *s = *site;
    s->loc.file = ptrcheck_engine_intern(e, site->loc.file);
    s->name = ptrcheck_engine_intern(e, site->name);
    return 1;
}

void ptrcheck_sites_end_function(ptrcheck_engine_t *e) { e->current = NULL; }

int ptrcheck_sites_add_record_field(ptrcheck_engine_t *e, const char *record, unsigned long long byte_offset,
                                    const char *field)
{
    char key[1024];
    ptrcheck_strmap_entry_t *ent;
    e->have_sites = 1;
    snprintf(key, sizeof key, "%s|%llu", record, byte_offset);
    ent = ptrcheck_strmap_insert(&e->fields, key, NULL);
    if (!ent)
        return 0;
    if (!ent->value) /* the first field at an offset names it (a union's first member) */
        ent->value = (void *)ptrcheck_engine_intern(e, field);
    return 1;
}

const ptrcheck_fn_sites_t *ptrcheck_sites_lookup(const ptrcheck_engine_t *e, const char *symbol)
{
    ptrcheck_strmap_entry_t *ent = symbol ? ptrcheck_strmap_find(&e->fn_sites, symbol) : NULL;
    return ent ? ent->value : NULL;
}

ptrcheck_loc_t ptrcheck_sites_fn_loc(const ptrcheck_fn_sites_t *fs)
{
    ptrcheck_loc_t none = {0};
    return fs ? fs->loc : none;
}

size_t ptrcheck_sites_count(const ptrcheck_fn_sites_t *fs, ptrcheck_site_kind_t kind)
{
    return fs && (unsigned)kind < PTRCHECK_SITE_KIND_COUNT ? fs->kinds[kind].count : 0;
}

const ptrcheck_site_t *ptrcheck_sites_get(const ptrcheck_fn_sites_t *fs, ptrcheck_site_kind_t kind, size_t ordinal)
{
    if (!fs || (unsigned)kind >= PTRCHECK_SITE_KIND_COUNT || ordinal >= fs->kinds[kind].count)
        return NULL;
    return &fs->kinds[kind].items[ordinal];
}

const char *ptrcheck_sites_field_name(const ptrcheck_engine_t *e, const char *record, unsigned long long byte_offset)
{
    char key[1024];
    snprintf(key, sizeof key, "%s|%llu", record, byte_offset);
    ptrcheck_strmap_entry_t *ent = ptrcheck_strmap_find(&e->fields, key);
    return ent ? ent->value : NULL;
}

int ptrcheck_sites_available(const ptrcheck_engine_t *e) { return e->have_sites; }
