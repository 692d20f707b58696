/* --html DIR: a static report a person can read in a browser, with no network and no server:
 * DIR/index.html (summary by check and by directory, then every finding with its code excerpt and
 * its numbered steps, the same path as SARIF's code flow) and DIR/checks/<id>.html (the check's
 * documentation, linked from each finding). */
#define _XOPEN_SOURCE 700

#include <ptrcheck/sarif.h>
#include <ptrcheck/version.h>

#include "project.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void esc(FILE *out, const char *s, size_t n)
{
    size_t i;

    for (i = 0; s && i < n && s[i]; i++) {
        switch (s[i]) {
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '&':
            fputs("&amp;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        default:
            fputc(s[i], out);
        }
    }
}

static void esc_str(FILE *out, const char *s)
{
    esc(out, s, s ? strlen(s) : 0);
}

static const char *shown_path(const char *file, const char *cwd)
{
    const char *rel = file ? ptrcheck_path_under(file, cwd) : NULL;
    return rel ? rel : file ? file : "<unknown>";
}

static const char STYLE[] =
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:75em}"
    "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .7em;text-align:left}"
    "td.n{text-align:right}"
    ".finding{border:1px solid #ddd;border-left:4px solid #b5179e;margin:1.2em 0;padding:.6em 1em}"
    ".loc{font-family:monospace;font-weight:bold}.msg{margin:.3em 0}.check{font-size:.9em}"
    "pre.code{background:#f6f6f6;padding:.5em;overflow-x:auto;margin:.4em 0}"
    "pre.code .hl{background:#ffe3f3;display:inline-block;width:100%}"
    "ol.steps{margin:.4em 0}ol.steps li{margin:.2em 0}ol.steps .where{font-family:monospace}"
    ".fix{font-family:monospace;color:#176b17}.failed{border-left-color:#c00}";

/* Lines line-2 .. line+2 of file, the finding's line highlighted. */
static void excerpt(FILE *out, ptrcheck_sources_t *src, const char *file, unsigned line)
{
    unsigned first = line > 2 ? line - 2 : 1, l;
    size_t len;
    const char *text;
    int any = 0;

    for (l = first; l <= line + 2; l++) {
        text = ptrcheck_sources_line(src, file, l, &len);
        if (!text)
            break;
        if (!any)
            fputs("<pre class=\"code\">", out);
        any = 1;
        fprintf(out, "%s%5u  ", l == line ? "<span class=\"hl\">" : "", l);
        esc(out, text, len);
        fputs(l == line ? "</span>\n" : "\n", out);
    }
    if (any)
        fputs("</pre>\n", out);
}

static int write_check_page(const char *dir, const ptrcheck_check_info_t *info, const char *docs_dir)
{
    char path[4096], doc[4096];
    FILE *out, *in = NULL;
    char buf[8192];
    size_t n;

    snprintf(path, sizeof(path), "%s/checks/%s.html", dir, info->id);
    out = fopen(path, "w");
    if (!out)
        return 0;
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title>"
                 "<style>%s</style></head><body>\n<p><a href=\"../index.html\">&larr; report</a></p>\n<h1>%s</h1>\n"
                 "<p>",
            info->full_id, STYLE, info->full_id);
    esc_str(out, info->summary);
    fputs("</p>\n", out);
    if (docs_dir) {
        snprintf(doc, sizeof(doc), "%s/checks/%s.md", docs_dir, info->id);
        in = fopen(doc, "r");
    }
    if (in) {
        fputs("<pre style=\"white-space:pre-wrap\">", out);
        while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
            esc(out, buf, n);
        fputs("</pre>\n", out);
        fclose(in);
    } else {
        fprintf(out, "<p>Run <code>ptrcheck --explain %s</code> for the documentation.</p>\n", info->id);
    }
    fputs("</body></html>\n", out);
    return fclose(out) == 0;
}

/* Directory part of a displayed path ("." for none). */
static size_t dir_len(const char *shown)
{
    const char *slash = strrchr(shown, '/');
    return slash ? (size_t)(slash - shown) : 0;
}

int ptrcheck_write_html(const char *dir, const ptrcheck_findings_t *fs, const ptrcheck_sarif_failure_t *failures,
                        size_t nfailures, const char *cwd, const char *docs_dir, ptrcheck_sources_t *src)
{
    char path[4096];
    FILE *out;
    size_t per[PTRCHECK_CHECK_COUNT] = {0}, i, k;
    const char **dirs = NULL;
    size_t *dircount = NULL, *dirlen = NULL, ndirs = 0;

    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "ptrcheck: error: cannot create %s: %s\n", dir, strerror(errno));
        return 0;
    }
    snprintf(path, sizeof(path), "%s/checks", dir);
    if (mkdir(path, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "ptrcheck: error: cannot create %s: %s\n", path, strerror(errno));
        return 0;
    }
    for (i = 0; i < (size_t)PTRCHECK_CHECK_COUNT; i++) {
        if (!write_check_page(dir, ptrcheck_check_info((ptrcheck_check_t)i), docs_dir)) {
            fprintf(stderr, "ptrcheck: error: cannot write the check pages under %s/checks\n", dir);
            return 0;
        }
    }
    dirs = calloc(fs->count + 1, sizeof(*dirs));
    dircount = calloc(fs->count + 1, sizeof(*dircount));
    dirlen = calloc(fs->count + 1, sizeof(*dirlen));
    if (!dirs || !dircount || !dirlen)
        goto nomem;
    for (i = 0; i < fs->count; i++) {
        const char *shown = shown_path(fs->items[i].file, cwd);
        size_t n = dir_len(shown);
        per[fs->items[i].check]++;
        for (k = 0; k < ndirs; k++)
            if (dirlen[k] == n && strncmp(dirs[k], shown, n) == 0)
                break;
        if (k == ndirs) {
            dirs[ndirs] = shown;
            dirlen[ndirs++] = n;
        }
        dircount[k]++;
    }
    snprintf(path, sizeof(path), "%s/index.html", dir);
    out = fopen(path, "w");
    if (!out) {
        fprintf(stderr, "ptrcheck: error: cannot write %s: %s\n", path, strerror(errno));
        goto fail;
    }
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ptrcheck report</title>"
                 "<style>%s</style></head><body>\n<h1>ptrcheck report</h1>\n"
                 "<p id=\"summary\" data-findings=\"%zu\" data-failed=\"%zu\">%zu finding%s",
            STYLE, fs->count, nfailures, fs->count, fs->count == 1 ? "" : "s");
    if (nfailures)
        fprintf(out, "; %zu file%s could not be analysed", nfailures, nfailures == 1 ? "" : "s");
    fprintf(out, ". ptrcheck %s, LLVM %u.</p>\n", ptrcheck_version(), ptrcheck_llvm_major());
    fputs("<h2>By check</h2>\n<table id=\"by-check\"><tr><th>check</th><th>findings</th><th>what it finds</th></tr>\n",
          out);
    for (i = 0; i < (size_t)PTRCHECK_CHECK_COUNT; i++) {
        const ptrcheck_check_info_t *info = ptrcheck_check_info((ptrcheck_check_t)i);
        if (!per[i])
            continue;
        fprintf(out, "<tr><td><a href=\"checks/%s.html\">%s</a></td><td class=\"n\">%zu</td><td>", info->id,
                info->full_id, per[i]);
        esc_str(out, info->summary);
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n<h2>By directory</h2>\n<table id=\"by-directory\"><tr><th>directory</th><th>findings</th></tr>\n",
          out);
    for (k = 0; k < ndirs; k++) {
        fputs("<tr><td>", out);
        if (dirlen[k])
            esc(out, dirs[k], dirlen[k]);
        else
            fputs(".", out);
        fprintf(out, "</td><td class=\"n\">%zu</td></tr>\n", dircount[k]);
    }
    fputs("</table>\n<h2>Findings</h2>\n", out);
    for (i = 0; i < fs->count; i++) {
        const ptrcheck_finding_t *f = &fs->items[i];
        const ptrcheck_check_info_t *info = ptrcheck_check_info(f->check);
        fprintf(out, "<section class=\"finding\" id=\"finding-%zu\" data-check=\"%s\">\n<div class=\"loc\">", i + 1,
                info->full_id);
        esc_str(out, shown_path(f->file, cwd));
        fprintf(out, ":%u:%u</div>\n<div class=\"msg\">", f->line, f->col);
        esc_str(out, f->message);
        fprintf(out, "</div>\n<div class=\"check\"><a href=\"checks/%s.html\">%s</a></div>\n", info->id, info->full_id);
        if (f->file)
            excerpt(out, src, f->file, f->line);
        if (f->nnotes) {
            fputs("<ol class=\"steps\">\n", out);
            for (k = 0; k <= f->nnotes; k++) {
                const char *file = k < f->nnotes ? f->notes[k].file : f->file;
                unsigned line = k < f->nnotes ? f->notes[k].line : f->line;
                unsigned col = k < f->nnotes ? f->notes[k].col : f->col;
                fputs("<li><span class=\"where\">", out);
                esc_str(out, shown_path(file, cwd));
                fprintf(out, ":%u:%u</span> ", line, col);
                esc_str(out, k < f->nnotes ? f->notes[k].message : f->message);
                fputs("</li>\n", out);
            }
            fputs("</ol>\n", out);
        }
        for (k = 0; k < f->nfixits; k++) {
            fputs("<div class=\"fix\">fix: replace ", out);
            fprintf(out, "%u:%u&ndash;%u:%u with &ldquo;", f->fixits[k].line, f->fixits[k].col, f->fixits[k].end_line,
                    f->fixits[k].end_col);
            esc_str(out, f->fixits[k].text);
            fputs("&rdquo;</div>\n", out);
        }
        fputs("</section>\n", out);
    }
    if (nfailures) {
        fputs("<h2>Not analysed</h2>\n", out);
        for (i = 0; i < nfailures; i++) {
            fputs("<section class=\"finding failed\"><div class=\"loc\">", out);
            esc_str(out, shown_path(failures[i].file, cwd));
            fputs("</div><pre class=\"code\">", out);
            esc_str(out, failures[i].message);
            fputs("</pre></section>\n", out);
        }
    }
    fputs("</body></html>\n", out);
    if (fclose(out) != 0) {
        fprintf(stderr, "ptrcheck: error: cannot write %s\n", path);
        goto fail;
    }
    free(dirs);
    free(dircount);
    free(dirlen);
    return 1;
nomem:
    fprintf(stderr, "ptrcheck: error: out of memory\n");
fail:
    free(dirs);
    free(dircount);
    free(dirlen);
    return 0;
}
