/* Unit tests of the layout table library (no libclang): loader, writer, lookups. */
#define _POSIX_C_SOURCE 200809L
#include <ptrcheck/layout.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct tctx_s {
    int failures;
} tctx_t;

#define CHECK(ctx, cond)                                                                                       \
    do {                                                                                                       \
        if (!(cond)) {                                                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                           \
            (ctx)->failures++;                                                                                 \
        }                                                                                                      \
    } while (0)

static const char good[] =
    "format: ptrcheck-layout/1\n"
    "targets:\n"
    "  - triple: x86_64-pc-windows-msvc\n"
    "    records:\n"
    "      - name: struct event\n"
    "        size: 32\n"
    "        align: 8\n"
    "        fields:\n"
    "          - {name: tag, offset: 0, size: 1}\n"
    "          - {name: id, offset: 4, size: 4}\n"
    "          - {name: hdr, offset: 8, size: 8}\n"
    "          - {name: hdr.len, offset: 8, size: 4}\n"
    "          - {name: hdr.kind, offset: 12, size: 2}\n"
    "          - {name: u, offset: 16, size: 8}\n"
    "          - {name: u.a, offset: 16, size: 8}\n"
    "          - {name: u.b, offset: 16, size: 4}\n"
    "          - {name: bits, offset: 24, size: 1, bit_offset: 2, bit_width: 3}\n"
    "      - name: span_t\n"
    "        size: 16\n"
    "        align: 8\n"
    "        fields: []\n"
    "  - triple: x86_64-unknown-linux-gnu\n"
    "    records: []\n";

static void test_lookups(tctx_t *c)
{
    ptrcheck_layout_table_t *t = NULL;
    ptrcheck_error_t err;
    const ptrcheck_layout_record_t *r;
    const ptrcheck_layout_field_t *fs[8];
    ptrcheck_layout_lookup_t lk;

    ptrcheck_error_clear(&err);
    CHECK(c, ptrcheck_layout_table_load_string("good.yaml", good, strlen(good), &t, &err));
    if (!t) {
        fprintf(stderr, "load: %s (%u:%u)\n", err.message, err.line, err.col);
        c->failures++;
        return;
    }
    CHECK(c, ptrcheck_layout_table_ntargets(t) == 2);
    CHECK(c, ptrcheck_layout_find_record(t, "x86_64-linux-gnu", "struct event") == NULL);
    CHECK(c, ptrcheck_layout_table_find_target(t, "x86_64-linux-gnu") != NULL); /* "unknown" vendor */
    r = ptrcheck_layout_find_record(t, "x86_64-pc-windows-msvc", "struct event");
    CHECK(c, r != NULL);
    if (!r)
        goto out;
    CHECK(c, r->size == 32 && r->align == 8 && r->nfields == 9);
    CHECK(c, r->yaml_line == 5 && r->yaml_col == 9);
    CHECK(c, ptrcheck_layout_find_record(t, "x86_64-pc-windows-msvc", "span_t") != NULL);
    CHECK(c, ptrcheck_layout_find_field(r, "hdr.kind") && ptrcheck_layout_find_field(r, "hdr.kind")->offset == 12);
    CHECK(c, ptrcheck_layout_find_field(r, "hdr.kind")->depth == 1);
    CHECK(c, !ptrcheck_layout_find_field(r, "hdr")->is_leaf && ptrcheck_layout_find_field(r, "hdr.len")->is_leaf);
    CHECK(c, ptrcheck_layout_find_field(r, "bits")->is_bitfield && ptrcheck_layout_find_field(r, "bits")->bit_width == 3);
    CHECK(c, ptrcheck_layout_find_field(r, "nope") == NULL);

    CHECK(c, ptrcheck_layout_lookup_offset(r, 4, &lk) == PTRCHECK_LAYOUT_HIT_FIELD && lk.field &&
                 strcmp(lk.field->name, "id") == 0);
    CHECK(c, ptrcheck_layout_lookup_offset(r, 8, &lk) == PTRCHECK_LAYOUT_HIT_FIELD && lk.field &&
                 strcmp(lk.field->name, "hdr.len") == 0); /* deepest */
    CHECK(c, ptrcheck_layout_lookup_offset(r, 6, &lk) == PTRCHECK_LAYOUT_HIT_INSIDE && lk.field &&
                 strcmp(lk.field->name, "id") == 0 && lk.delta == 2);
    CHECK(c, ptrcheck_layout_lookup_offset(r, 2, &lk) == PTRCHECK_LAYOUT_HIT_PADDING && lk.field == NULL);
    CHECK(c, ptrcheck_layout_lookup_offset(r, 14, &lk) == PTRCHECK_LAYOUT_HIT_INSIDE &&
                 strcmp(lk.field->name, "hdr") == 0); /* padding inside hdr is inside hdr */
    CHECK(c, ptrcheck_layout_lookup_offset(r, 24, &lk) == PTRCHECK_LAYOUT_HIT_INSIDE &&
                 strcmp(lk.field->name, "bits") == 0); /* bit-fields never "start" at a byte */
    CHECK(c, ptrcheck_layout_lookup_offset(r, 30, NULL) == PTRCHECK_LAYOUT_HIT_PADDING);
    CHECK(c, ptrcheck_layout_lookup_offset(r, 32, NULL) == PTRCHECK_LAYOUT_HIT_END);
    CHECK(c, ptrcheck_layout_lookup_offset(r, 40, NULL) == PTRCHECK_LAYOUT_HIT_PAST_END);
    CHECK(c, ptrcheck_layout_fields_at(r, 16, fs, 8) == 3); /* u, u.a, u.b */
    CHECK(c, ptrcheck_layout_fields_at(r, 20, fs, 8) == 2 && strcmp(fs[1]->name, "u.a") == 0);
    /* holes: 1..3, 14..15, 25..31 */
    CHECK(c, ptrcheck_layout_record_holes(r, NULL, NULL) == 3);
out:
    ptrcheck_layout_table_destroy(t);
}

static void test_roundtrip(tctx_t *c)
{
    ptrcheck_layout_table_t *t = NULL, *u = NULL, *m = NULL;
    ptrcheck_error_t err;
    char path[] = "/tmp/ptrcheck-layout-unit-XXXXXX";
    char buf[4096];
    FILE *fp;
    size_t n;
    int fd;

    ptrcheck_error_clear(&err);
    CHECK(c, ptrcheck_layout_table_load_string("good.yaml", good, strlen(good), &t, &err));
    fd = mkstemp(path);
    CHECK(c, fd >= 0);
    if (fd < 0 || !t)
        goto out;
    close(fd);
    CHECK(c, ptrcheck_layout_table_write(t, path, &err));
    CHECK(c, ptrcheck_layout_table_load(path, &u, &err));
    if (!u) {
        fprintf(stderr, "reload: %s:%u:%u: %s\n", err.file, err.line, err.col, err.message);
        c->failures++;
        goto out;
    }
    CHECK(c, ptrcheck_layout_record_equal(ptrcheck_layout_find_record(t, "x86_64-pc-windows-msvc", "struct event"),
                                          ptrcheck_layout_find_record(u, "x86_64-pc-windows-msvc", "struct event")));
    fp = fopen(path, "r");
    n = fp ? fread(buf, 1, sizeof(buf) - 1, fp) : 0;
    buf[n] = '\0';
    if (fp)
        fclose(fp);
    CHECK(c, strstr(buf, "format: ptrcheck-layout/1\n") == buf);
    CHECK(c, strstr(buf, "- {name: id, offset: 4, size: 4}\n") != NULL);
    CHECK(c, strstr(buf, "- {name: bits, offset: 24, size: 1, bit_offset: 2, bit_width: 3}\n") != NULL);
    CHECK(c, strstr(buf, "fields: []") != NULL);
    /* merge: identical records are fine, a conflicting one is not */
    m = ptrcheck_layout_table_create();
    CHECK(c, m && ptrcheck_layout_table_merge(m, t, &err) && ptrcheck_layout_table_merge(m, u, &err));
    {
        ptrcheck_layout_target_t *tg = ptrcheck_layout_table_add_target(u, "aarch64-linux-gnu");
        ptrcheck_layout_target_t *tg2 = ptrcheck_layout_table_add_target(m, "aarch64-linux-gnu");

        CHECK(c, tg && tg2 && ptrcheck_layout_target_add_record(tg, "struct x", 4, 4, &err) &&
                     ptrcheck_layout_target_add_record(tg2, "struct x", 8, 4, &err));
        CHECK(c, ptrcheck_layout_target_add_record(tg, "struct x", 4, 4, &err) == NULL); /* duplicate */
        CHECK(c, !ptrcheck_layout_table_merge(m, u, &err) && strstr(err.message, "conflicting") != NULL);
    }
out:
    remove(path);
    ptrcheck_layout_table_destroy(t);
    ptrcheck_layout_table_destroy(u);
    ptrcheck_layout_table_destroy(m);
}

static void test_many_records(tctx_t *c)
{
    ptrcheck_layout_table_t *t = ptrcheck_layout_table_create();
    ptrcheck_layout_target_t *tg = t ? ptrcheck_layout_table_add_target(t, "i686-linux-gnu") : NULL;
    ptrcheck_error_t err;
    char name[64];
    int i, ok = 1;

    CHECK(c, tg != NULL);
    for (i = 0; tg && i < 5000; i++) {
        snprintf(name, sizeof(name), "struct r%d", i);
        ok &= ptrcheck_layout_target_add_record(tg, name, (uint64_t)i * 4, 4, &err) != NULL;
    }
    CHECK(c, ok);
    for (i = 0; tg && i < 5000; i += 97) {
        snprintf(name, sizeof(name), "struct r%d", i);
        ok &= ptrcheck_layout_find_record(t, "i686-linux-gnu", name) != NULL &&
              ptrcheck_layout_find_record(t, "i686-linux-gnu", name)->size == (uint64_t)i * 4;
    }
    CHECK(c, ok);
    CHECK(c, ptrcheck_layout_find_record(t, "i686-linux-gnu", "struct r5000") == NULL);
    ptrcheck_layout_table_destroy(t);
}

typedef struct bad_s {
    const char *text;
    unsigned line, col;
    const char *msg;
} bad_t;

static void test_malformed(tctx_t *c)
{
    static const bad_t cases[] = {
        {"", 1, 1, "empty file"},
        {"format: ptrcheck-layout/2\ntargets: []\n", 1, 9, "unsupported format 'ptrcheck-layout/2'"},
        {"targets: []\n", 1, 1, "must come first"},
        {"format: ptrcheck-layout/1\n", 1, 1, "missing 'targets'"},
        {"format: ptrcheck-layout/1\ntargets: []\nextra: 1\n", 3, 1, "unknown key 'extra'"},
        {"format: ptrcheck-layout/1\ntargets:\n  - triple: a\n    records:\n      - name: struct s\n"
         "        size: 4\n        align: 4\n        fields:\n          - {name: x, offset: four, size: 4}\n",
         9, 31, "'offset' must be an unsigned integer"},
        {"format: ptrcheck-layout/1\ntargets:\n  - triple: a\n    records:\n      - name: struct s\n"
         "        size: 4\n        align: 4\n        fields:\n          - {name: x, offset: 2, size: 4}\n",
         9, 13, "extends past the end of 'struct s'"},
        {"format: ptrcheck-layout/1\ntargets:\n  - &t {triple: a, records: []}\n  - *t\n", 4, 5, "aliases"},
        {"format: ptrcheck-layout/1\ntargets:\n  - triple: a\n    records:\n      - name: struct s\n"
         "        size: 4\n        align: 3\n        fields: []\n",
         7, 16, "power of two"},
        {"format: ptrcheck-layout/1\ntargets:\n  - triple: a\n    records:\n      - {name: s, size: 4, align: 4, fields: []}\n"
         "      - {name: s, size: 4, align: 4, fields: []}\n",
         6, 9, "duplicate record 's'"},
        {"format: ptrcheck-layout/1\ntargets:\n  - triple: a\n    records:\n      - {name: s, size: 4, align: 4, fields: "
         "[{name: b, offset: 0, size: 1, bit_offset: 1}]}\n",
         5, 89, "'bit_offset' and 'bit_width' go together"},
        {"format: ptrcheck-layout/1\ntargets: [\n", 3, 1, "did not find expected node content"},
        {"format: ptrcheck-layout/1\ntargets:\n  - triple: a\n    records:\n      - {name: s, size: 4, fields: []}\n", 5,
         28, "fields' must come after"},
        {"format: ptrcheck-layout/1\ntargets:\n  - triple: a\n    records:\n      - {name: s, size: 4, align: 4}\n", 5,
         9, "record needs 'fields'"},
        {"format: ptrcheck-layout/1\ntargets:\n  - triple: a\n    records: []\n  - triple: a\n    records: []\n", 5,
         13, "duplicate target 'a'"},
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        ptrcheck_layout_table_t *t = (ptrcheck_layout_table_t *)1;
        ptrcheck_error_t err;
        char buf[2200];
        int ok;

        ptrcheck_error_clear(&err);
        ok = ptrcheck_layout_table_load_string("bad.yaml", cases[i].text, strlen(cases[i].text), &t, &err);
        ptrcheck_error_format(&err, buf, sizeof(buf));
        if (ok || t != NULL || err.line != cases[i].line || err.col != cases[i].col ||
            !strstr(err.message, cases[i].msg) || strcmp(err.file, "bad.yaml") != 0) {
            fprintf(stderr, "malformed case %zu: got ok=%d '%s', want %u:%u '%s'\n", i, ok, buf, cases[i].line,
                    cases[i].col, cases[i].msg);
            c->failures++;
        }
        ptrcheck_layout_table_destroy(t);
    }
}

static void test_triples(tctx_t *c)
{
    CHECK(c, ptrcheck_layout_triple_equal("x86_64-linux-gnu", "x86_64-unknown-linux-gnu"));
    CHECK(c, ptrcheck_layout_triple_equal("arm64-apple-darwin", "arm64-apple-darwin"));
    CHECK(c, !ptrcheck_layout_triple_equal("x86_64-pc-windows-msvc", "x86_64-windows-msvc"));
    CHECK(c, !ptrcheck_layout_triple_equal("i686-linux-gnu", "i686-linux"));
}

int main(int argc, char **argv)
{
    tctx_t c = {0};

    (void)argc;
    (void)argv;
    test_lookups(&c);
    test_roundtrip(&c);
    test_many_records(&c);
    test_malformed(&c);
    test_triples(&c);
    if (c.failures) {
        fprintf(stderr, "%d failure(s)\n", c.failures);
        return 1;
    }
    printf("layout unit tests passed\n");
    return 0;
}
