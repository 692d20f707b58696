#include <ptrcheck/ptrcheck.h>

#include "unit.h"

#define RT "ptrcheck-int-roundtrip"
#define TR "ptrcheck-ptr-truncation"

static int same(const char *line, const char *id)
{
    return ptrcheck_nolint_matches(line, strlen(line), id, 0);
}

static int next(const char *line, const char *id)
{
    return ptrcheck_nolint_matches(line, strlen(line), id, 1);
}

/* NOLINTBEGIN/NOLINTEND blocks: lines of a small in-memory file, read through the line callback. */
static const char *const block_file[] = {
    "int a;",                                  /* 1 */
    "// NOLINTBEGIN(" "ptrcheck-int-roundtrip" ")", /* 2 */
    "int b;",                                  /* 3 */
    "// NOLINTEND(" "ptrcheck-int-roundtrip" ")",   /* 4 */
    "int c;",                                  /* 5 */
    "// NOLINTBEGIN",                          /* 6 */
    "int d; // NOLINTEND(ptrcheck-stack-escape)", /* 7: closes nothing for int-roundtrip */
    "int e;",                                  /* 8 */
    "// NOLINTEND",                            /* 9 */
    "int f; // NOLINTBEGINX NOLINTBEGIN(",     /* 10: neither is a directive */
    "int g;",                                  /* 11 */
};

static const char *block_line(void *user, const char *file, unsigned line, size_t *len)
{
    (void)user;
    (void)file;
    if (line == 0 || line > sizeof(block_file) / sizeof(block_file[0]))
        return NULL;
    *len = strlen(block_file[line - 1]);
    return block_file[line - 1];
}

static const char *counting_line(void *user, const char *file, unsigned line, size_t *len)
{
    ++*(unsigned *)user;
    return block_line(NULL, file, line, len);
}

/* A reader that gives only the whole text (line 0): the file above joined with sep. */
typedef struct whole_s {
    char text[1024];
    unsigned line_reads;
} whole_t;

static void whole_init(whole_t *w, const char *sep)
{
    w->text[0] = '\0';
    w->line_reads = 0;
    for (size_t i = 0; i < sizeof(block_file) / sizeof(block_file[0]); i++) {
        strcat(w->text, block_file[i]);
        if (i + 1 < sizeof(block_file) / sizeof(block_file[0]))
            strcat(w->text, sep);
    }
}

static const char *whole_line(void *user, const char *file, unsigned line, size_t *len)
{
    whole_t *w = user;
    (void)file;
    if (line) {
        w->line_reads++;
        return NULL;
    }
    *len = strlen(w->text);
    return w->text;
}

static int in_block(unsigned line, const char *id)
{
    return ptrcheck_nolint_in_block(block_line, NULL, "f.c", line, id);
}

int main(void)
{
    /* bare NOLINT: every check, this line only */
    CHECK(same("p = (int *)u; // NOLINT", RT));
    CHECK(same("p = (int *)u; // NOLINT", TR));
    CHECK(same("p = (int *)u; /* NOLINT */", RT));
    CHECK(same("//NOLINT", RT));
    CHECK(!next("p = (int *)u; // NOLINT", RT));

    /* no directive */
    CHECK(!same("p = (int *)u;", RT));
    CHECK(!same("", RT));
    CHECK(!same("// nolint", RT)); /* case-sensitive, like clang-tidy */
    CHECK(!same("// NOLIN", RT));

    /* named checks and globs */
    CHECK(same("x; // NOLINT(" RT ")", RT));
    CHECK(!same("x; // NOLINT(" RT ")", TR));
    CHECK(same("x; // NOLINT(ptrcheck-*)", RT));
    CHECK(same("x; // NOLINT(ptrcheck-*)", TR));
    CHECK(same("x; // NOLINT(*)", TR));
    CHECK(!same("x; // NOLINT(ptrcheck-int-*)", TR));
    CHECK(!same("x; // NOLINT(bugprone-*)", RT));
    CHECK(!same("x; // NOLINT(int-roundtrip)", RT)); /* the full id is needed */

    /* comma lists, with and without spaces */
    CHECK(same("x; // NOLINT(bugprone-foo," RT ")", RT));
    CHECK(same("x; // NOLINT(bugprone-foo, " RT ")", RT));
    CHECK(same("x; // NOLINT( bugprone-foo ,  " TR " )", TR));
    CHECK(!same("x; // NOLINT(bugprone-foo, " TR ")", RT));
    CHECK(same("x; // NOLINT(ptrcheck-*, -" TR ")", RT));
    CHECK(!same("x; // NOLINT(ptrcheck-*, -" TR ")", TR));

    /* empty and malformed lists suppress nothing */
    CHECK(!same("x; // NOLINT()", RT));
    CHECK(!same("x; // NOLINT(" RT, RT));
    CHECK(!same("x; // NOLINT(" RT " and more", RT));

    /* NOLINTNEXTLINE */
    CHECK(next("// NOLINTNEXTLINE", RT));
    CHECK(next("// NOLINTNEXTLINE(" RT ")", RT));
    CHECK(!next("// NOLINTNEXTLINE(" RT ")", TR));
    CHECK(next("// NOLINTNEXTLINE(ptrcheck-*)", TR));
    CHECK(next("  /* NOLINTNEXTLINE(bugprone-x, " TR ") */", TR));
    CHECK(!next("// NOLINTNEXTLINE(" RT, RT));

    /* NOLINT does not match inside NOLINTNEXTLINE, and vice versa */
    CHECK(!same("// NOLINTNEXTLINE", RT));
    CHECK(!same("// NOLINTNEXTLINE(" RT ")", RT));
    CHECK(!next("// NOLINT", RT));
    CHECK(!next("// NOLINT(" RT ")", RT));

    /* other NOLINT-prefixed words are not directives */
    CHECK(!same("// NOLINTBEGIN", RT));
    CHECK(!same("// NOLINTEND(" RT ")", RT));
    CHECK(!same("// NOLINTED", RT));
    CHECK(!next("// NOLINTNEXTLINES", RT));

    /* several directives on one line: any match counts */
    CHECK(same("x; // NOLINT(bugprone-x) NOLINT(" RT ")", RT));
    CHECK(same("// NOLINTNEXTLINE(" TR ") NOLINT(" RT ")", RT));
    CHECK(next("// NOLINTNEXTLINE(" TR ") NOLINT(" RT ")", TR));
    CHECK(!next("// NOLINTNEXTLINE(" TR ") NOLINT(" RT ")", RT));

    /* len is honoured: the line is not NUL-terminated in a file buffer */
    {
        const char buf[] = "x; // NOLINT(" RT ")\ny; // NOLINT";
        size_t first = (size_t)(strchr(buf, '\n') - buf);
        CHECK(ptrcheck_nolint_matches(buf, first, RT, 0));
        CHECK(!ptrcheck_nolint_matches(buf, first, TR, 0));
        CHECK(!ptrcheck_nolint_matches(buf, 8, RT, 0)); /* "x; // NO" */
        CHECK(!ptrcheck_nolint_matches(buf, 13, RT, 0)); /* cut inside: "NOLINT(" without ')' */
    }
    CHECK(!ptrcheck_nolint_matches(NULL, 0, RT, 0));

    CHECK(!in_block(1, RT));
    CHECK(in_block(2, RT)); /* the NOLINTBEGIN line itself */
    CHECK(in_block(3, RT));
    CHECK(!in_block(3, TR)); /* another check's block */
    CHECK(in_block(4, RT));  /* the NOLINTEND line itself */
    CHECK(!in_block(5, RT));
    CHECK(in_block(7, RT) && in_block(8, RT) && in_block(8, TR));
    CHECK(!in_block(11, RT));
    CHECK(!ptrcheck_nolint_in_block(NULL, NULL, "f.c", 3, RT));

    /* the file read once (what the engine keeps per file) answers every line as above, and the
     * file is read once, not once per question */
    {
        unsigned reads = 0, line;
        ptrcheck_nolint_blocks_t *b = ptrcheck_nolint_blocks_create(counting_line, &reads, "f.c");
        CHECK(b != NULL);
        CHECK(reads == 13); /* the whole text (not given), then 11 lines and the end */
        for (line = 1; line <= 12; line++) {
            CHECK(ptrcheck_nolint_blocks_covers(b, line, RT) == in_block(line, RT));
            CHECK(ptrcheck_nolint_blocks_covers(b, line, TR) == in_block(line, TR));
        }
        CHECK(reads == 13);
        CHECK(!ptrcheck_nolint_blocks_covers(b, 0, RT));
        CHECK(!ptrcheck_nolint_blocks_covers(NULL, 3, RT));
        ptrcheck_nolint_blocks_destroy(b);
        /* the whole text at once, with \n or \r\n line ends: the same answers, no line read */
        const char *seps[] = {"\n", "\r\n"};
        for (size_t k = 0; k < 2; k++) {
            whole_t w;
            whole_init(&w, seps[k]);
            b = ptrcheck_nolint_blocks_create(whole_line, &w, "f.c");
            CHECK(b != NULL);
            for (line = 1; line <= 12; line++) {
                CHECK(ptrcheck_nolint_blocks_covers(b, line, RT) == in_block(line, RT));
                CHECK(ptrcheck_nolint_blocks_covers(b, line, TR) == in_block(line, TR));
            }
            CHECK(w.line_reads == 0);
            ptrcheck_nolint_blocks_destroy(b);
        }
        b = ptrcheck_nolint_blocks_create(NULL, NULL, "f.c"); /* nothing to read: no directives */
        CHECK(b != NULL && !ptrcheck_nolint_blocks_covers(b, 3, RT));
        ptrcheck_nolint_blocks_destroy(b);
    }
    return UNIT_SUMMARY();
}
