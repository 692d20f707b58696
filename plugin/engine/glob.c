/* Glob matching for check selection and function-name patterns: '*' matches any run of characters
 * (including none), '?' exactly one; everything else literally and case-sensitively, like
 * clang-tidy's check globs. */
#include <ptrcheck/ptrcheck.h>

int ptrcheck_glob_match(const char *pattern, const char *text)
{
    const char *star = NULL; /* position after the last '*' seen */
    const char *retry = NULL; /* text position to resume from when backtracking */

    if (!pattern || !text)
        return 0;
    /* Iterative matcher with single-star backtracking: linear-ish, no recursion, no blow-up. */
    while (*text) {
        if (*pattern == '*') {
            while (*pattern == '*')
                pattern++;
            if (!*pattern)
                return 1;
            star = pattern;
            retry = text;
        } else if (*pattern == '?' || *pattern == *text) {
            pattern++;
            text++;
        } else if (star) {
            pattern = star;
            text = ++retry;
        } else {
            return 0;
        }
    }
    while (*pattern == '*')
        pattern++;
    return *pattern == '\0';
}
