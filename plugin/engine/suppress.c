/* NOLINT / NOLINTNEXTLINE comments, in clang-tidy's syntax so one comment serves both tools:
 *   NOLINT                      every check, this line
 *   NOLINT(ptrcheck-x, ptrcheck-y*)   the listed checks (globs), this line
 *   NOLINTNEXTLINE[(...)]       the same for the following line
 *   NOLINTBEGIN[(...)] ... NOLINTEND[(...)]   the same for every line in between
 * A '(' without a closing ')' on the line is malformed and suppresses nothing. */
#include <ptrcheck/ptrcheck.h>

#include <stdlib.h>
#include <string.h>

static int is_ident(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Evaluates "a, -b, c*" against full_id like a clang-tidy glob list: later entries win. */
static int list_matches(const char *s, size_t len, const char *full_id)
{
    char buf[256];
    size_t i = 0;
    int result = 0;

    while (i <= len) {
        size_t start = i, end;
        int neg = 0;
        while (i < len && s[i] != ',')
            i++;
        end = i;
        i++; /* skip ',' (or step past the end) */
        while (start < end && is_space(s[start]))
            start++;
        if (start < end && s[start] == '-') {
            neg = 1;
            start++;
            while (start < end && is_space(s[start]))
                start++;
        }
        while (end > start && is_space(s[end - 1]))
            end--;
        if (end == start || end - start >= sizeof(buf))
            continue;
        memcpy(buf, s + start, end - start);
        buf[end - start] = '\0';
        if (ptrcheck_glob_match(buf, full_id))
            result = !neg;
    }
    return result;
}

int ptrcheck_nolint_matches(const char *line, size_t len, const char *full_id, int next_line)
{
    static const char kw[] = "NOLINT";
    const size_t kwlen = sizeof(kw) - 1;
    size_t i;

    if (!line || !full_id)
        return 0;
    for (i = 0; i + kwlen <= len; i++) {
        size_t j;
        int is_next = 0;

        if (memcmp(line + i, kw, kwlen) != 0)
            continue;
        j = i + kwlen;
        if (len - j >= 8 && memcmp(line + j, "NEXTLINE", 8) == 0) {
            is_next = 1;
            j += 8;
        }
        /* NOLINTBEGIN, NOLINTEND, NOLINTFOO, NOLINTNEXTLINEX: not this directive. */
        if (j < len && is_ident(line[j])) {
            i = j - 1;
            continue;
        }
        if (is_next != (next_line != 0)) {
            i = j - 1;
            continue;
        }
        if (j < len && line[j] == '(') {
            const char *close = memchr(line + j + 1, ')', len - j - 1);
            if (!close)
                return 0; /* malformed: "NOLINT(" without ')' */
            if (list_matches(line + j + 1, (size_t)(close - (line + j + 1)), full_id))
                return 1;
            i = (size_t)(close - line);
            continue;
        }
        return 1; /* bare NOLINT / NOLINTNEXTLINE: every check */
    }
    return 0;
}

/* The directive kw ("NOLINTBEGIN"/"NOLINTEND") at line[i..]: 1 if it applies to full_id (bare, or
 * its list matches), 0 if not, -1 if it is not that directive (a longer word, a malformed list). */
static int block_directive(const char *line, size_t len, size_t i, const char *kw, const char *full_id)
{
    size_t j = i + strlen(kw);

    if (i > 0 && is_ident(line[i - 1]))
        return -1;
    if (j < len && is_ident(line[j]))
        return -1;
    if (j < len && line[j] == '(') {
        const char *close = memchr(line + j + 1, ')', len - j - 1);
        if (!close)
            return -1;
        return list_matches(line + j + 1, (size_t)(close - (line + j + 1)), full_id);
    }
    return 1;
}

/* One NOLINTBEGIN or NOLINTEND of a file: its line, and a copy of that line's text. */
typedef struct nolint_directive_s {
    unsigned line;
    int begin;
    size_t pos; /* where the directive starts in text */
    size_t len;
    char *text;
} nolint_directive_t;

struct ptrcheck_nolint_blocks_s {
    nolint_directive_t *items;
    size_t count;
};

void ptrcheck_nolint_blocks_destroy(ptrcheck_nolint_blocks_t *b)
{
    size_t i;

    if (!b)
        return;
    for (i = 0; i < b->count; i++)
        free(b->items[i].text);
    free(b->items);
    free(b);
}

static int add_directive(ptrcheck_nolint_blocks_t *b, unsigned line, int begin, const char *text, size_t len,
                         size_t pos)
{
    nolint_directive_t *v = realloc(b->items, (b->count + 1) * sizeof(*v));
    char *copy = malloc(len + 1);

    if (v)
        b->items = v;
    if (!v || !copy) {
        free(copy);
        return 0;
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    v[b->count].line = line;
    v[b->count].begin = begin;
    v[b->count].pos = pos;
    v[b->count].len = len;
    v[b->count].text = copy;
    b->count++;
    return 1;
}

/* The NOLINTBEGIN/NOLINTEND directives of line n (text, len): 0 when out of memory. */
static int scan_line(ptrcheck_nolint_blocks_t *b, unsigned n, const char *text, size_t len)
{
    for (size_t i = 0; i + 9 <= len; i++) {
        int begin;
        if (text[i] != 'N' || memcmp(text + i, "NOLINT", 6) != 0)
            continue;
        if (i + 11 <= len && memcmp(text + i, "NOLINTBEGIN", 11) == 0)
            begin = 1;
        else if (memcmp(text + i, "NOLINTEND", 9) == 0)
            begin = 0;
        else
            continue;
        if (!add_directive(b, n, begin, text, len, i))
            return 0;
    }
    return 1;
}

/* The whole text at once: only the lines holding "NOLINT" are split out (a large file without
 * directives costs a search, not a reader call per line). */
static int scan_text(ptrcheck_nolint_blocks_t *b, const char *text, size_t len)
{
    const char *end = text + len, *line = text, *p = text;
    unsigned n = 1;
    while (p < end) {
        const char *hit = memchr(p, 'N', (size_t)(end - p));
        if (!hit)
            break;
        if ((size_t)(end - hit) < 9 || memcmp(hit, "NOLINT", 6) != 0) {
            p = hit + 1;
            continue;
        }
        for (const char *nl; (nl = memchr(line, '\n', (size_t)(hit - line))) != NULL; line = nl + 1)
            n++;
        const char *eol = memchr(hit, '\n', (size_t)(end - hit));
        size_t llen = (size_t)((eol ? eol : end) - line);
        if (llen && line[llen - 1] == '\r')
            llen--;
        if (!scan_line(b, n, line, llen))
            return 0;
        if (!eol)
            break;
        p = line = eol + 1;
        n++;
    }
    return 1;
}

ptrcheck_nolint_blocks_t *ptrcheck_nolint_blocks_create(ptrcheck_line_fn read, void *user, const char *file)
{
    ptrcheck_nolint_blocks_t *b = calloc(1, sizeof(*b));
    size_t all = 0;
    const char *whole = read && file ? read(user, file, 0, &all) : NULL;

    if (!b)
        return NULL;
    if (whole) {
        if (!scan_text(b, whole, all))
            goto fail;
        return b;
    }
    for (unsigned n = 1; read && file; n++) {
        size_t len = 0;
        const char *text = read(user, file, n, &len);
        if (!text)
            break;
        if (!scan_line(b, n, text, len))
            goto fail;
    }
    return b;
fail:
    ptrcheck_nolint_blocks_destroy(b);
    return NULL;
}

int ptrcheck_nolint_blocks_covers(const ptrcheck_nolint_blocks_t *b, unsigned line, const char *full_id)
{
    size_t i;
    int depth = 0;

    if (!b || !full_id || line == 0)
        return 0;
    /* directives are in file order: a NOLINTBEGIN on the line itself counts, a NOLINTEND there does
     * not close the block yet (the line is still inside it) */
    for (i = 0; i < b->count && b->items[i].line <= line; i++) {
        const nolint_directive_t *d = &b->items[i];
        if (d->begin) {
            if (block_directive(d->text, d->len, d->pos, "NOLINTBEGIN", full_id) == 1)
                depth++;
        } else if (d->line < line && block_directive(d->text, d->len, d->pos, "NOLINTEND", full_id) == 1 &&
                   depth > 0) {
            depth--;
        }
    }
    return depth > 0;
}

int ptrcheck_nolint_in_block(ptrcheck_line_fn read, void *user, const char *file, unsigned line, const char *full_id)
{
    ptrcheck_nolint_blocks_t *b;
    int r;

    if (!read || !file || !full_id || line == 0)
        return 0;
    b = ptrcheck_nolint_blocks_create(read, user, file);
    r = ptrcheck_nolint_blocks_covers(b, line, full_id);
    ptrcheck_nolint_blocks_destroy(b);
    return r;
}
