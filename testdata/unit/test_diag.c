#include <ptrcheck/ptrcheck.h>

#include <stdlib.h>

#include "unit.h"

static ptrcheck_loc_t loc(const char *file, unsigned line, unsigned col)
{
    ptrcheck_loc_t l;
    l.file = file;
    l.line = line;
    l.col = col;
    l.raw = 0;
    return l;
}

int main(void)
{
    ptrcheck_diag_t *d;
    char *text;
    /* Checks are named by id outside their own folder (tools/check-id-homes). */
    const ptrcheck_check_t int_roundtrip = ptrcheck_check_lookup("int-roundtrip");
    const ptrcheck_check_t ptr_truncation = ptrcheck_check_lookup("ptr-truncation");
    const ptrcheck_check_t stack_escape = ptrcheck_check_lookup("stack-escape");
    const ptrcheck_check_t slice_forge = ptrcheck_check_lookup("slice-forge");

    CHECK(int_roundtrip != PTRCHECK_CHECK_COUNT && ptr_truncation != PTRCHECK_CHECK_COUNT &&
          stack_escape != PTRCHECK_CHECK_COUNT && slice_forge != PTRCHECK_CHECK_COUNT);

    d = ptrcheck_diag_create(int_roundtrip, loc("foo.c", 12, 5), PTRCHECK_LAYER_AST,
                             "integer '%s' becomes a pointer again", "u");
    CHECK(d != NULL);
    CHECK_STR(d->message, "integer 'u' becomes a pointer again");
    CHECK(d->check == int_roundtrip);
    CHECK(d->layer == PTRCHECK_LAYER_AST);
    CHECK(ptrcheck_diag_add_note(d, loc("foo.c", 10, 7), "pointer converted to integer %s", "here"));
    CHECK(ptrcheck_diag_add_note(d, loc("bar.h", 3, 0), "declared here"));
    CHECK(ptrcheck_diag_add_note(d, loc(NULL, 0, 0), "in an inlined call"));
    CHECK(ptrcheck_diag_add_fixit(d, loc("foo.c", 12, 5), loc("foo.c", 12, 15), "(char *)"));
    CHECK(d->nnotes == 3);
    CHECK(d->nfixits == 1);
    CHECK_STR(d->fixits[0].text, "(char *)");
    text = ptrcheck_diag_format_text(d);
    CHECK_STR(text, "foo.c:12:5: warning: integer 'u' becomes a pointer again [ptrcheck-int-roundtrip]\n"
                    "foo.c:10:7: note: pointer converted to integer here\n"
                    "bar.h:3: note: declared here\n"
                    "<unknown>: note: in an inlined call\n");
    ptrcheck_free(text);
    ptrcheck_diag_destroy(d);

    /* unknown location parts are omitted */
    d = ptrcheck_diag_create(ptr_truncation, loc(NULL, 0, 0), PTRCHECK_LAYER_IR, "plain %d%%", 100);
    text = ptrcheck_diag_format_text(d);
    CHECK_STR(text, "<unknown>: warning: plain 100% [ptrcheck-ptr-truncation]\n");
    ptrcheck_free(text);
    ptrcheck_diag_destroy(d);

    d = ptrcheck_diag_create(stack_escape, loc("a.c", 7, 0), PTRCHECK_LAYER_AST, "m");
    text = ptrcheck_diag_format_text(d);
    CHECK_STR(text, "a.c:7: warning: m [ptrcheck-stack-escape]\n");
    ptrcheck_free(text);
    ptrcheck_diag_destroy(d);

    /* long messages are not truncated */
    {
        char big[5000];
        memset(big, 'x', sizeof(big) - 1);
        big[sizeof(big) - 1] = '\0';
        d = ptrcheck_diag_create(slice_forge, loc("b.c", 1, 1), PTRCHECK_LAYER_AST, "%s", big);
        CHECK(d && strlen(d->message) == sizeof(big) - 1);
        text = ptrcheck_diag_format_text(d);
        CHECK(text && strlen(text) == strlen("b.c:1:1: warning:  [ptrcheck-slice-forge]\n") + sizeof(big) - 1);
        ptrcheck_free(text);
        ptrcheck_diag_destroy(d);
    }

    /* NULL-safety */
    ptrcheck_diag_destroy(NULL);
    CHECK(ptrcheck_diag_format_text(NULL) == NULL);
    CHECK(!ptrcheck_diag_add_note(NULL, loc("a", 1, 1), "x"));
    CHECK(!ptrcheck_diag_add_fixit(NULL, loc("a", 1, 1), loc("a", 1, 2), "x"));

    /* the catalogue, version and error formatting live next to the diagnostics */
    {
        const ptrcheck_check_info_t *info = ptrcheck_check_info(int_roundtrip);
        ptrcheck_error_t err;
        char buf[2300];

        CHECK(info && info->check == int_roundtrip);
        CHECK_STR(info->id, "int-roundtrip");
        CHECK_STR(info->full_id, "ptrcheck-int-roundtrip");
        CHECK(info->layers == (PTRCHECK_LAYER_AST | PTRCHECK_LAYER_IR));
        CHECK(ptrcheck_check_info(PTRCHECK_CHECK_COUNT) == NULL);
        CHECK(ptrcheck_check_lookup("ptrcheck-int-roundtrip") == int_roundtrip);
        CHECK(ptrcheck_check_lookup("ptrcheck-ptr-truncation") == ptr_truncation && ptr_truncation != int_roundtrip);
        for (unsigned c = 0; c < (unsigned)PTRCHECK_CHECK_COUNT; c++) {
            const ptrcheck_check_info_t *ci = ptrcheck_check_info((ptrcheck_check_t)c);
            CHECK(ci && ci->check == (ptrcheck_check_t)c && ptrcheck_check_lookup(ci->id) == ci->check &&
                  ptrcheck_check_lookup(ci->full_id) == ci->check);
        }
        CHECK(ptrcheck_check_lookup("ptrcheck-") == PTRCHECK_CHECK_COUNT);
        CHECK(ptrcheck_check_lookup("int-roundtrips") == PTRCHECK_CHECK_COUNT);
        CHECK(ptrcheck_check_lookup(NULL) == PTRCHECK_CHECK_COUNT);
        CHECK(ptrcheck_version()[0] != '\0');
        CHECK(ptrcheck_llvm_major() >= 14);

        ptrcheck_error_clear(&err);
        CHECK(err.status == PTRCHECK_OK);
        CHECK(ptrcheck_error_set(&err, PTRCHECK_ERR_CONFIG, "x.yaml", 3, 9, "bad '%s'", "k") == 0);
        CHECK_STR(ptrcheck_error_format(&err, buf, sizeof(buf)), "x.yaml:3:9: error: bad 'k'");
        ptrcheck_error_set(&err, PTRCHECK_ERR_IO, "x.yaml", 0, 0, "cannot open");
        CHECK_STR(ptrcheck_error_format(&err, buf, sizeof(buf)), "x.yaml: error: cannot open");
        ptrcheck_error_set(&err, PTRCHECK_ERR_USAGE, NULL, 4, 2, "no file");
        CHECK_STR(ptrcheck_error_format(&err, buf, sizeof(buf)), "error: no file");
        ptrcheck_error_format(&err, buf, 6);
        CHECK_STR(buf, "error");
        CHECK(ptrcheck_error_set(NULL, PTRCHECK_ERR_USAGE, NULL, 0, 0, "ignored") == 0);
    }
    return UNIT_SUMMARY();
}
