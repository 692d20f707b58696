/* Diagnostic objects and their plain-text rendering. */
#include <ptrcheck/ptrcheck.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    char *s;
    int n;

    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return NULL;
    s = malloc((size_t)n + 1);
    if (!s)
        return NULL;
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

static char *dup_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

ptrcheck_diag_t *ptrcheck_diag_create(ptrcheck_check_t check, ptrcheck_loc_t loc, unsigned layer,
                                      const char *fmt, ...)
{
    ptrcheck_diag_t *d;
    va_list ap;

    if (!fmt)
        return NULL;
    d = calloc(1, sizeof(*d));
    if (!d)
        return NULL;
    d->check = check;
    d->loc = loc;
    d->layer = layer;
    va_start(ap, fmt);
    d->message = vformat(fmt, ap);
    va_end(ap);
    if (!d->message) {
        free(d);
        return NULL;
    }
    return d;
}

int ptrcheck_diag_add_note(ptrcheck_diag_t *d, ptrcheck_loc_t loc, const char *fmt, ...)
{
    ptrcheck_note_t *notes;
    va_list ap;
    char *msg;

    if (!d || !fmt)
        return 0;
    va_start(ap, fmt);
    msg = vformat(fmt, ap);
    va_end(ap);
    if (!msg)
        return 0;
    notes = realloc(d->notes, (d->nnotes + 1) * sizeof(*notes));
    if (!notes) {
        free(msg);
        return 0;
    }
    d->notes = notes;
    d->notes[d->nnotes].loc = loc;
    d->notes[d->nnotes].message = msg;
    d->nnotes++;
    return 1;
}

int ptrcheck_diag_add_fixit(ptrcheck_diag_t *d, ptrcheck_loc_t begin, ptrcheck_loc_t end, const char *text)
{
    ptrcheck_fixit_t *fixits;
    char *copy;

    if (!d || !text)
        return 0;
    copy = dup_string(text);
    if (!copy)
        return 0;
    fixits = realloc(d->fixits, (d->nfixits + 1) * sizeof(*fixits));
    if (!fixits) {
        free(copy);
        return 0;
    }
    d->fixits = fixits;
    d->fixits[d->nfixits].begin = begin;
    d->fixits[d->nfixits].end = end;
    d->fixits[d->nfixits].text = copy;
    d->nfixits++;
    return 1;
}

int ptrcheck_diag_require_include(ptrcheck_diag_t *d, const char *header)
{
    char *copy;

    if (!d || !header)
        return 0;
    copy = dup_string(header);
    if (!copy)
        return 0;
    free(d->include);
    d->include = copy;
    return 1;
}

void ptrcheck_diag_destroy(ptrcheck_diag_t *d)
{
    size_t i;

    if (!d)
        return;
    for (i = 0; i < d->nnotes; i++)
        free(d->notes[i].message);
    for (i = 0; i < d->nfixits; i++)
        free(d->fixits[i].text);
    free(d->notes);
    free(d->fixits);
    free(d->include);
    free(d->message);
    free(d);
}

/* A growable string; on allocation failure `failed` sticks and the result is NULL. */
typedef struct strbuf_s {
    char *data;
    size_t len;
    size_t cap;
    int failed;
} strbuf_t;

static void sb_append(strbuf_t *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void sb_append(strbuf_t *sb, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (sb->failed)
        return;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        sb->failed = 1;
        return;
    }
    if (sb->len + (size_t)n + 1 > sb->cap) {
        size_t cap = sb->cap ? sb->cap : 128;
        char *p;
        while (cap < sb->len + (size_t)n + 1)
            cap *= 2;
        p = realloc(sb->data, cap);
        if (!p) {
            sb->failed = 1;
            return;
        }
        sb->data = p;
        sb->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(sb->data + sb->len, sb->cap - sb->len, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

static void sb_loc(strbuf_t *sb, ptrcheck_loc_t loc)
{
    sb_append(sb, "%s", loc.file ? loc.file : "<unknown>");
    if (loc.line) {
        sb_append(sb, ":%u", loc.line);
        if (loc.col)
            sb_append(sb, ":%u", loc.col);
    }
}

char *ptrcheck_diag_format_text(const ptrcheck_diag_t *d)
{
    const ptrcheck_check_info_t *info;
    strbuf_t sb = {NULL, 0, 0, 0};
    size_t i;

    if (!d)
        return NULL;
    info = ptrcheck_check_info(d->check);
    sb_loc(&sb, d->loc);
    sb_append(&sb, ": warning: %s [%s]\n", d->message ? d->message : "",
              info ? info->full_id : "ptrcheck-unknown");
    for (i = 0; i < d->nnotes; i++) {
        sb_loc(&sb, d->notes[i].loc);
        sb_append(&sb, ": note: %s\n", d->notes[i].message ? d->notes[i].message : "");
    }
    if (sb.failed) {
        free(sb.data);
        return NULL;
    }
    return sb.data;
}
