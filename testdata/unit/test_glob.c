#include <ptrcheck/ptrcheck.h>

#include "unit.h"

int main(void)
{
    CHECK(ptrcheck_glob_match("*", ""));
    CHECK(ptrcheck_glob_match("*", "ptrcheck-int-roundtrip"));
    CHECK(ptrcheck_glob_match("ptrcheck-*", "ptrcheck-int-roundtrip"));
    CHECK(ptrcheck_glob_match("ptrcheck-int-*", "ptrcheck-int-roundtrip"));
    CHECK(!ptrcheck_glob_match("ptrcheck-int-*", "ptrcheck-ptr-truncation"));
    CHECK(ptrcheck_glob_match("ptrcheck-int-roundtrip", "ptrcheck-int-roundtrip"));
    CHECK(!ptrcheck_glob_match("ptrcheck-int-roundtrip", "ptrcheck-int-roundtrips"));
    CHECK(!ptrcheck_glob_match("ptrcheck-int-roundtrips", "ptrcheck-int-roundtrip"));
    CHECK(ptrcheck_glob_match("*-truncation", "ptrcheck-ptr-truncation"));
    CHECK(ptrcheck_glob_match("*ptr*", "ptrcheck-ptr-truncation"));
    CHECK(ptrcheck_glob_match("p*t*n", "ptrcheck-ptr-truncation"));
    CHECK(ptrcheck_glob_match("**", "abc"));
    CHECK(ptrcheck_glob_match("a*b*c", "aXbYbZc"));
    CHECK(!ptrcheck_glob_match("a*b*c", "aXbYbZ"));
    CHECK(ptrcheck_glob_match("a*bc", "abcbc"));
    /* '?' is exactly one character (strings split to dodge C trigraphs) */
    CHECK(ptrcheck_glob_match("ptrcheck-?" "??" "-truncation", "ptrcheck-ptr-truncation"));
    CHECK(!ptrcheck_glob_match("ptrcheck-?" "?" "-truncation", "ptrcheck-ptr-truncation"));
    CHECK(!ptrcheck_glob_match("?", ""));
    CHECK(ptrcheck_glob_match("?*", "x"));
    /* case-sensitive, like clang-tidy */
    CHECK(!ptrcheck_glob_match("PTRCHECK-*", "ptrcheck-int-roundtrip"));
    CHECK(!ptrcheck_glob_match("", "x"));
    CHECK(ptrcheck_glob_match("", ""));
    CHECK(!ptrcheck_glob_match(NULL, "x"));
    CHECK(!ptrcheck_glob_match("x", NULL));
    /* function-name globs */
    CHECK(ptrcheck_glob_match("list_*_push", "list_node_push"));
    CHECK(!ptrcheck_glob_match("list_*_push", "list_node_pop"));
    /* pathological pattern stays fast (no exponential backtracking) */
    {
        char text[4001];
        memset(text, 'a', sizeof(text) - 1);
        text[sizeof(text) - 1] = '\0';
        CHECK(!ptrcheck_glob_match("*a*a*a*a*a*a*a*a*a*a*b", text));
    }
    return UNIT_SUMMARY();
}
