/* Text output in clang's format: "file:line:col: warning: message [id]", the source line with a
 * caret under the column, the fix-it's replacement text under the range it replaces, and the notes
 * the same way; colours as clang uses them on a terminal. */
#define _XOPEN_SOURCE 700

#include <ptrcheck/sarif.h>

#include "project.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ source cache */

typedef struct srcfile_s {
    char *path;
    char *data; /* NULL when unreadable */
    size_t len;
    size_t *lines; /* offsets of line starts */
    size_t nlines;
} srcfile_t;

struct ptrcheck_sources_s {
    srcfile_t *files;
    size_t count;
};

ptrcheck_sources_t *ptrcheck_sources_create(void)
{
    return calloc(1, sizeof(ptrcheck_sources_t));
}

void ptrcheck_sources_destroy(ptrcheck_sources_t *s)
{
    size_t i;

    if (!s)
        return;
    for (i = 0; i < s->count; i++) {
        free(s->files[i].path);
        free(s->files[i].data);
        free(s->files[i].lines);
    }
    free(s->files);
    free(s);
}

static int load_file(srcfile_t *f)
{
    FILE *in = fopen(f->path, "rb");
    size_t cap = 0, i, n;
    char buf[65536];

    if (!in)
        return 0;
    while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
        if (f->len + n + 1 > cap) {
            char *p;
            cap = (f->len + n + 1) * 2;
            p = realloc(f->data, cap);
            if (!p)
                goto fail;
            f->data = p;
        }
        memcpy(f->data + f->len, buf, n);
        f->len += n;
    }
    fclose(in);
    in = NULL;
    if (!f->data && !(f->data = calloc(1, 1)))
        goto fail;
    f->data[f->len] = '\0';
    f->lines = malloc(sizeof(*f->lines) * 64);
    cap = 64;
    if (!f->lines)
        goto fail;
    f->lines[f->nlines++] = 0;
    for (i = 0; i < f->len; i++) {
        if (f->data[i] != '\n' || i + 1 >= f->len)
            continue;
        if (f->nlines == cap) {
            size_t *p = realloc(f->lines, sizeof(*p) * cap * 2);
            if (!p)
                goto fail;
            f->lines = p;
            cap *= 2;
        }
        f->lines[f->nlines++] = i + 1;
    }
    return 1;
fail:
    if (in)
        fclose(in);
    free(f->data);
    free(f->lines);
    f->data = NULL;
    f->lines = NULL;
    f->len = f->nlines = 0;
    return 0;
}

const char *ptrcheck_sources_line(ptrcheck_sources_t *s, const char *path, unsigned line, size_t *len)
{
    srcfile_t *f = NULL, *files;
    size_t i, end;

    if (!s || !path || line == 0)
        return NULL;
    for (i = 0; i < s->count; i++)
        if (strcmp(s->files[i].path, path) == 0)
            f = &s->files[i];
    if (!f) {
        files = realloc(s->files, (s->count + 1) * sizeof(*files));
        if (!files)
            return NULL;
        s->files = files;
        f = &s->files[s->count];
        memset(f, 0, sizeof(*f));
        f->path = malloc(strlen(path) + 1);
        if (!f->path)
            return NULL;
        strcpy(f->path, path);
        s->count++;
        load_file(f);
    }
    if (!f->data || line > f->nlines)
        return NULL;
    i = f->lines[line - 1];
    end = line < f->nlines ? f->lines[line] : f->len;
    while (end > i && (f->data[end - 1] == '\n' || f->data[end - 1] == '\r'))
        end--;
    *len = end - i;
    return f->data + i;
}

/* ------------------------------------------------------------------ rendering */

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_WARNING "\033[1;35m"
#define C_NOTE "\033[1;30m"
#define C_ERROR "\033[1;31m"
#define C_CARET "\033[1;32m"
#define C_FIXIT "\033[0;32m"

/* Display column (0-based) of byte column col (1-based) with tabs to multiples of 8, as clang does. */
static size_t display_col(const char *line, size_t len, unsigned col)
{
    size_t i, d = 0;

    for (i = 0; i + 1 < col && i < len; i++)
        d = line[i] == '\t' ? (d / 8 + 1) * 8 : d + 1;
    if (col > len + 1)
        d += col - 1 - len;
    return d;
}

/* Puts text into buf (a line of spaces of size cap) at position at; grows *used. */
static void place(char *buf, size_t cap, size_t *used, size_t at, const char *text, size_t n)
{
    size_t i;

    for (i = 0; i < n && at + i + 1 < cap; i++)
        buf[at + i] = text[i];
    if (at + i > *used)
        *used = at + i;
}

static void print_snippet(FILE *out, ptrcheck_sources_t *src, const char *file, unsigned line, unsigned col,
                          const ptrcheck_ffix_t *fixits, size_t nfixits, int color)
{
    const char *text;
    size_t len, i, caret_at, carets = 0, inserts = 0;
    char cbuf[1024], ibuf[1024];

    text = ptrcheck_sources_line(src, file, line, &len);
    if (!text || len > 900)
        return;
    memset(cbuf, ' ', sizeof(cbuf));
    memset(ibuf, ' ', sizeof(ibuf));
    /* the source line, tabs expanded */
    for (i = 0; i < len; i++) {
        if (text[i] == '\t') {
            size_t d = display_col(text, len, (unsigned)i + 1), e = (d / 8 + 1) * 8;
            for (; d < e; d++)
                fputc(' ', out);
        } else {
            fputc(text[i], out);
        }
    }
    fputc('\n', out);
    /* '~' under what a fix-it on this line replaces, its text on the line below */
    for (i = 0; i < nfixits; i++) {
        const ptrcheck_ffix_t *x = &fixits[i];
        size_t a, b, k;
        if (!x->file || strcmp(x->file, file) != 0 || x->line != line)
            continue;
        a = display_col(text, len, x->col);
        b = x->end_line == line ? display_col(text, len, x->end_col) : display_col(text, len, (unsigned)len + 1);
        for (k = a; k < b && k + 1 < sizeof(cbuf); k++)
            cbuf[k] = '~';
        if (b > carets)
            carets = b < sizeof(cbuf) - 1 ? b : sizeof(cbuf) - 1;
        if (x->text)
            place(ibuf, sizeof(ibuf), &inserts, a, x->text, strlen(x->text));
    }
    caret_at = display_col(text, len, col ? col : 1);
    if (caret_at + 1 < sizeof(cbuf)) {
        cbuf[caret_at] = '^';
        if (caret_at + 1 > carets)
            carets = caret_at + 1;
    }
    if (color)
        fputs(C_CARET, out);
    fwrite(cbuf, 1, carets, out);
    if (color)
        fputs(C_RESET, out);
    fputc('\n', out);
    if (inserts) {
        if (color)
            fputs(C_FIXIT, out);
        fwrite(ibuf, 1, inserts, out);
        if (color)
            fputs(C_RESET, out);
        fputc('\n', out);
    }
}

static void print_head(FILE *out, const char *where, unsigned line, unsigned col, const char *kind, const char *kcolor,
                       const char *message, const char *id, int color)
{
    if (color)
        fprintf(out, C_BOLD "%s:%u:%u: %s%s:" C_RESET C_BOLD " %s", where, line, col, kcolor, kind, message);
    else
        fprintf(out, "%s:%u:%u: %s: %s", where, line, col, kind, message);
    if (id)
        fprintf(out, " [%s]", id);
    fputs(color ? C_RESET "\n" : "\n", out);
}

void ptrcheck_print_finding(FILE *out, const ptrcheck_finding_t *f, const char *cwd, ptrcheck_sources_t *src,
                            int color)
{
    const ptrcheck_check_info_t *info = ptrcheck_check_info(f->check);
    const char *rel;
    size_t k;

    rel = f->file ? ptrcheck_path_under(f->file, cwd) : NULL;
    print_head(out, f->file ? (rel ? rel : f->file) : "<unknown>", f->line, f->col, "warning", C_WARNING, f->message,
               info->full_id, color);
    if (f->file)
        print_snippet(out, src, f->file, f->line, f->col, f->fixits, f->nfixits, color);
    for (k = 0; k < f->nnotes; k++) {
        const ptrcheck_fnote_t *n = &f->notes[k];
        rel = n->file ? ptrcheck_path_under(n->file, cwd) : NULL;
        print_head(out, n->file ? (rel ? rel : n->file) : "<unknown>", n->line, n->col, "note", C_NOTE, n->message,
                   NULL, color);
        if (n->file)
            print_snippet(out, src, n->file, n->line, n->col, NULL, 0, color);
    }
}
