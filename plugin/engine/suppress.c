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

int ptrcheck_nolint_in_block(ptrcheck_line_fn read, void *user, const char *file, unsigned line, const char *full_id)
{
    unsigned n;
    int depth = 0;

    if (!read || !file || !full_id || line == 0)
        return 0;
    for (n = 1; n <= line; n++) {
        size_t len = 0, i;
        const char *text = read(user, file, n, &len);
        if (!text)
            return 0;
        for (i = 0; i + 9 <= len; i++) {
            int r;
            if (text[i] != 'N' || memcmp(text + i, "NOLINT", 6) != 0)
                continue;
            if (i + 11 <= len && memcmp(text + i, "NOLINTBEGIN", 11) == 0) {
                if ((r = block_directive(text, len, i, "NOLINTBEGIN", full_id)) == 1)
                    depth++;
            } else if (n < line && memcmp(text + i, "NOLINTEND", 9) == 0) {
                if ((r = block_directive(text, len, i, "NOLINTEND", full_id)) == 1 && depth > 0)
                    depth--;
            }
        }
    }
    return depth > 0;
}
