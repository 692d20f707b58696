/* Layout generation with libclang: each header set is parsed once per target triple
 * (-target T -ffreestanding -x c; clang's own resource headers, which libclang finds next to
 * itself), and every record definition is laid out with clang's record layout. */
#define _XOPEN_SOURCE 700
#include <ptrcheck/layout.h>

#include <clang-c/Index.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef struct gen_s {
    const ptrcheck_layout_gen_options_t *opt;
    const char *triple;
    CXTranslationUnit tu;
    CXFile *hfiles;
    size_t nhfiles;
    ptrcheck_layout_target_t *tg;
    ptrcheck_error_t *err;
    int failed;
} gen_t;

typedef struct walk_s {
    gen_t *g;
    ptrcheck_layout_record_t *rec;
    const char *prefix; /* "" at the top */
    long long base_bits;
} walk_t;

static int walk_fields(gen_t *g, ptrcheck_layout_record_t *rec, CXType type, const char *prefix, long long base_bits);

static enum CXVisitorResult field_visitor(CXCursor c, CXClientData data)
{
    walk_t *w = data;
    gen_t *g = w->g;
    CXString sp = clang_getCursorSpelling(c);
    const char *fname = clang_getCString(sp);
    CXType ftype = clang_getCursorType(c), canon = clang_getCanonicalType(ftype);
    long long off = clang_Cursor_getOffsetOfField(c), abs_bits, sz;
    int bitfield = clang_Cursor_isBitField(c) != 0;
    ptrcheck_layout_field_t f;
    char *path = NULL;
    size_t n;
    enum CXVisitorResult res = CXVisit_Break;

    if (off < 0) {
        ptrcheck_error_set(g->err, PTRCHECK_ERR_CONFIG, NULL, 0, 0, "'%s': cannot lay out member '%s' for %s",
                           w->rec->name, fname ? fname : "?", g->triple);
        goto out;
    }
    abs_bits = w->base_bits + off;
    if (!bitfield && canon.kind == CXType_Record &&
        clang_Cursor_isAnonymousRecordDecl(clang_getTypeDeclaration(canon))) {
        /* C11 anonymous struct/union member: its members belong to the parent. */
        if (!walk_fields(g, w->rec, canon, w->prefix, abs_bits))
            goto out;
        res = CXVisit_Continue;
        goto out;
    }
    if (!fname || !fname[0]) { /* unnamed bit-field: padding */
        res = CXVisit_Continue;
        goto out;
    }
    n = strlen(w->prefix) + strlen(fname) + 2;
    path = malloc(n);
    if (!path) {
        ptrcheck_error_set(g->err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    snprintf(path, n, "%s%s%s", w->prefix, w->prefix[0] ? "." : "", fname);
    memset(&f, 0, sizeof(f));
    f.name = path;
    f.offset = (uint64_t)abs_bits / 8;
    if (bitfield) {
        int width = clang_getFieldDeclBitWidth(c);

        if (width <= 0) {
            res = CXVisit_Continue;
            goto out;
        }
        f.is_bitfield = 1;
        f.bit_offset = (unsigned)(abs_bits % 8);
        f.bit_width = (unsigned)width;
        f.size = (f.bit_offset + f.bit_width + 7) / 8;
    } else {
        sz = clang_Type_getSizeOf(ftype);
        f.size = sz < 0 ? 0 : (uint64_t)sz; /* flexible array member: incomplete, size 0 */
    }
    if (!ptrcheck_layout_record_add_field(w->rec, &f, g->err))
        goto out;
    if (!bitfield && canon.kind == CXType_Record && !walk_fields(g, w->rec, canon, path, abs_bits))
        goto out;
    res = CXVisit_Continue;
out:
    if (res == CXVisit_Break)
        g->failed = 1;
    free(path);
    clang_disposeString(sp);
    return res;
}

static int walk_fields(gen_t *g, ptrcheck_layout_record_t *rec, CXType type, const char *prefix, long long base_bits)
{
    walk_t w;

    w.g = g;
    w.rec = rec;
    w.prefix = prefix;
    w.base_bits = base_bits;
    clang_Type_visitFields(type, field_visitor, &w);
    return !g->failed;
}

static int glob_wanted(const gen_t *g, const char *name)
{
    const char *bare = name;
    size_t i;

    if (strncmp(name, "struct ", 7) == 0)
        bare = name + 7;
    else if (strncmp(name, "union ", 6) == 0)
        bare = name + 6;
    for (i = 0; i < g->opt->nrecord_globs; i++)
        if (ptrcheck_glob_match(g->opt->record_globs[i], name) || ptrcheck_glob_match(g->opt->record_globs[i], bare))
            return 1;
    return 0;
}

static int in_headers(const gen_t *g, CXCursor c)
{
    CXFile file = NULL;
    size_t i;

    clang_getExpansionLocation(clang_getCursorLocation(c), &file, NULL, NULL, NULL);
    if (!file)
        return 0;
    for (i = 0; i < g->nhfiles; i++)
        if (g->hfiles[i] && clang_File_isEqual(file, g->hfiles[i]))
            return 1;
    return 0;
}

/* "struct event", "union value", or the typedef name of a typedef'd anonymous record; NULL for an
 * unnamed record.  Heap string. */
static char *record_name(CXCursor c)
{
    enum CXCursorKind kind = clang_getCursorKind(c);
    const char *kw = kind == CXCursor_UnionDecl ? "union " : "struct ";
    CXString ts, sp;
    const char *tss, *sps;
    char *name = NULL;
    size_t n;

    if (clang_Cursor_isAnonymous(c))
        return NULL;
    ts = clang_getTypeSpelling(clang_getCursorType(c));
    sp = clang_getCursorSpelling(c);
    tss = clang_getCString(ts);
    sps = clang_getCString(sp);
    if (tss && strncmp(tss, kw, strlen(kw)) != 0) {
        /* Typedef'd anonymous record: the type prints as the typedef name (LLVM 14 and 19). */
        if (tss[0] && !strchr(tss, '(') && !strchr(tss, ' '))
            name = strdup(tss);
    } else if (sps && sps[0] && !strchr(sps, '(') && !strchr(sps, ' ')) {
        n = strlen(kw) + strlen(sps) + 1;
        name = malloc(n);
        if (name)
            snprintf(name, n, "%s%s", kw, sps);
    }
    clang_disposeString(ts);
    clang_disposeString(sp);
    return name;
}

static int add_record(gen_t *g, CXCursor c)
{
    CXType t = clang_getCursorType(c);
    long long size, align;
    ptrcheck_layout_record_t *rec;
    char *name;
    int ok = 0;

    if (!clang_isCursorDefinition(c))
        return 1;
    name = record_name(c);
    if (!name)
        return 1;
    if (g->opt->nrecord_globs ? !glob_wanted(g, name) : !in_headers(g, c))
        goto done_ok;
    if (ptrcheck_layout_target_find_record(g->tg, name)) /* seen (nested definitions are visited twice) */
        goto done_ok;
    size = clang_Type_getSizeOf(t);
    align = clang_Type_getAlignOf(t);
    if (size < 0 || align <= 0) /* invalid declaration: clang has reported it */
        goto done_ok;
    rec = ptrcheck_layout_target_add_record(g->tg, name, (uint64_t)size, (uint64_t)align, g->err);
    if (!rec)
        goto out;
    if (!walk_fields(g, rec, t, "", 0))
        goto out;
done_ok:
    ok = 1;
out:
    free(name);
    return ok;
}

static enum CXChildVisitResult decl_visitor(CXCursor c, CXCursor parent, CXClientData data)
{
    gen_t *g = data;
    enum CXCursorKind kind = clang_getCursorKind(c);

    (void)parent;
    if (g->failed)
        return CXChildVisit_Break;
    if (kind == CXCursor_StructDecl || kind == CXCursor_UnionDecl) {
        if (!add_record(g, c)) {
            g->failed = 1;
            return CXChildVisit_Break;
        }
        /* Records defined inside records are file-scope records in C. */
        return CXChildVisit_Recurse;
    }
    if (kind == CXCursor_FieldDecl)
        return CXChildVisit_Recurse; /* `struct inner { ... } member;` */
    return CXChildVisit_Continue;
}

/* First error diagnostic into err; 0 if there was one. */
static int check_diagnostics(gen_t *g)
{
    unsigned i, n = clang_getNumDiagnostics(g->tu), nerr = 0;
    int ok = 1;

    for (i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(g->tu, i);
        enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);

        if (sev >= CXDiagnostic_Error) {
            nerr++;
            if (ok) {
                CXSourceLocation loc = clang_getDiagnosticLocation(d);
                CXString msg = clang_getDiagnosticSpelling(d);
                const char *m = clang_getCString(msg);
                CXFile file = NULL;
                CXString fname;
                unsigned line = 0, col = 0;
                int notfound = m && strstr(m, "file not found") != NULL;

                clang_getExpansionLocation(loc, &file, &line, &col, NULL);
                fname = clang_getFileName(file);
                ptrcheck_error_set(g->err, notfound ? PTRCHECK_ERR_IO : PTRCHECK_ERR_CONFIG,
                                   clang_getCString(fname), line, col, "%s (target %s%s)", m ? m : "error",
                                   g->triple,
                                   notfound ? "; layouts are computed freestanding with clang's own headers only: "
                                              "pass -I for the directory that has this header, or -D to configure it away"
                                            : "");
                clang_disposeString(fname);
                clang_disposeString(msg);
                ok = 0;
            }
        }
        clang_disposeDiagnostic(d);
    }
    if (nerr > 1 && g->err) {
        size_t len = strlen(g->err->message);

        snprintf(g->err->message + len, sizeof(g->err->message) - len, " [and %u more error%s]", nerr - 1,
                 nerr > 2 ? "s" : "");
    }
    return ok;
}

static int gen_target(CXIndex index, const ptrcheck_layout_gen_options_t *opt, char **abs, const char *main_text,
                      const char *resource_dir, const char *triple, ptrcheck_layout_table_t *out, ptrcheck_error_t *err)
{
    struct CXUnsavedFile unsaved;
    const char **args = NULL;
    enum CXErrorCode ec;
    gen_t g;
    size_t i, nargs = 0;
    int ok = 0;

    memset(&g, 0, sizeof(g));
    g.opt = opt;
    g.triple = triple;
    g.err = err;
    args = malloc((opt->nclang_args + 10) * sizeof(*args));
    g.hfiles = calloc(opt->nheaders ? opt->nheaders : 1, sizeof(*g.hfiles));
    if (!args || !g.hfiles) {
        ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    args[nargs++] = "-target";
    args[nargs++] = triple;
    args[nargs++] = "-ffreestanding";
    args[nargs++] = "-nostdlibinc"; /* clang's own headers only, never the host's /usr/include */
    args[nargs++] = "-x";
    args[nargs++] = "c";
    if (resource_dir) {
        args[nargs++] = "-resource-dir";
        args[nargs++] = resource_dir;
    }
    for (i = 0; i < opt->nclang_args; i++)
        args[nargs++] = opt->clang_args[i];
    unsaved.Filename = "ptrcheck-layout-main.c";
    unsaved.Contents = main_text;
    unsaved.Length = (unsigned long)strlen(main_text);
    ec = clang_parseTranslationUnit2(index, unsaved.Filename, args, (int)nargs, &unsaved, 1,
                                     CXTranslationUnit_SkipFunctionBodies, &g.tu);
    if (ec != CXError_Success || !g.tu) {
        ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, NULL, 0, 0,
                           "libclang could not parse the headers for target %s (error %d; is the triple valid?)",
                           triple, (int)ec);
        goto fail;
    }
    if (!check_diagnostics(&g))
        goto fail;
    for (i = 0; i < opt->nheaders; i++)
        g.hfiles[i] = clang_getFile(g.tu, abs[i]);
    g.nhfiles = opt->nheaders;
    g.tg = ptrcheck_layout_table_add_target(out, triple);
    if (!g.tg) {
        ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    clang_visitChildren(clang_getTranslationUnitCursor(g.tu), decl_visitor, &g);
    if (g.failed)
        goto fail;
    ok = 1;
fail:
    if (g.tu)
        clang_disposeTranslationUnit(g.tu);
    free(g.hfiles);
    free(args);
    return ok;
}

/* The resource directory of the clang this was built with, unless the caller chose one or it is gone. */
static const char *builtin_resource_dir(const ptrcheck_layout_gen_options_t *opt)
{
#ifdef PTRCHECK_CLANG_RESOURCE_DIR
    FILE *fp;
    size_t i;

    for (i = 0; i < opt->nclang_args; i++)
        if (strncmp(opt->clang_args[i], "-resource-dir", 13) == 0)
            return NULL;
    fp = fopen(PTRCHECK_CLANG_RESOURCE_DIR "/include/stddef.h", "r");
    if (!fp)
        return NULL;
    fclose(fp);
    return PTRCHECK_CLANG_RESOURCE_DIR;
#else
    (void)opt;
    return NULL;
#endif
}

int ptrcheck_layout_generate(const ptrcheck_layout_gen_options_t *opt, ptrcheck_layout_table_t *out,
                             ptrcheck_error_t *err)
{
    CXIndex index = NULL;
    char **abs = NULL, *main_text = NULL;
    const char *resource_dir = builtin_resource_dir(opt);
    size_t i, len = 1;
    int ok = 0;

    if (opt->nheaders == 0)
        return ptrcheck_error_set(err, PTRCHECK_ERR_USAGE, NULL, 0, 0, "no header to lay out");
    if (opt->ntargets == 0)
        return ptrcheck_error_set(err, PTRCHECK_ERR_USAGE, NULL, 0, 0, "no target triple");
    abs = calloc(opt->nheaders, sizeof(*abs));
    if (!abs)
        return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (i = 0; i < opt->nheaders; i++) {
        abs[i] = realpath(opt->headers[i], NULL);
        if (!abs[i]) {
            ptrcheck_error_set(err, PTRCHECK_ERR_IO, opt->headers[i], 0, 0, "cannot open header: %s", strerror(errno));
            goto fail;
        }
        if (strpbrk(abs[i], "\"\n\\")) {
            ptrcheck_error_set(err, PTRCHECK_ERR_USAGE, opt->headers[i], 0, 0,
                               "header path contains a quote, backslash or newline");
            goto fail;
        }
        len += strlen(abs[i]) + 16;
    }
    main_text = malloc(len);
    if (!main_text) {
        ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    main_text[0] = '\0';
    for (i = 0; i < opt->nheaders; i++) {
        strcat(main_text, "#include \"");
        strcat(main_text, abs[i]);
        strcat(main_text, "\"\n");
    }
    index = clang_createIndex(0, 0);
    if (!index) {
        ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, NULL, 0, 0, "cannot create a libclang index");
        goto fail;
    }
    for (i = 0; i < opt->ntargets; i++)
        if (!gen_target(index, opt, abs, main_text, resource_dir, opt->targets[i], out, err))
            goto fail;
    ok = 1;
fail:
    if (index)
        clang_disposeIndex(index);
    for (i = 0; abs && i < opt->nheaders; i++)
        free(abs[i]);
    free(abs);
    free(main_text);
    return ok;
}
