#define _XOPEN_SOURCE 700

#include <ptrcheck/ptrcheck.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

#ifndef PTRCHECK_TESTDATA_DIR
#define PTRCHECK_TESTDATA_DIR "testdata"
#endif
#define FIXTURE(name) PTRCHECK_TESTDATA_DIR "/config/" name

/* ------------------------------------------------------------------ helpers */

static int load(ptrcheck_config_t *cfg, const char *text, ptrcheck_error_t *err)
{
    ptrcheck_error_clear(err);
    return ptrcheck_config_load_string(cfg, "t.yaml", text, strlen(text), err);
}

/* Loads text over the defaults and returns the formatted error ("" when it loaded). */
static const char *error_of_len(const char *text, size_t len, char *buf, size_t size)
{
    ptrcheck_config_t cfg;
    ptrcheck_error_t err;

    buf[0] = '\0';
    ptrcheck_error_clear(&err);
    if (!ptrcheck_config_init(&cfg, &err))
        return "init failed";
    if (!ptrcheck_config_load_string(&cfg, "t.yaml", text, len, &err))
        ptrcheck_error_format(&err, buf, size);
    ptrcheck_config_fini(&cfg);
    return buf;
}

#define ERROR_OF(text) error_of_len((text), strlen(text), buf, sizeof(buf))

/* Whether the check with this id (as users spell it) is enabled; checks are named by id, not by their
 * enum, outside the check's own folder (tools/check-id-homes).  An id missing from the catalogue is a
 * failure of its own, and -1 fails CHECK(!enabled(...)) as well. */
static int enabled(const ptrcheck_config_t *cfg, const char *id)
{
    ptrcheck_check_t c = ptrcheck_check_lookup(id);
    if (c == PTRCHECK_CHECK_COUNT) {
        unit_counts.failed++;
        fprintf(stderr, "%s: no check '%s' in the catalogue\n", __FILE__, id);
        return -1;
    }
    return ptrcheck_config_check_enabled(cfg, c);
}

static int write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(text, 1, len, f);
    return fclose(f) == 0;
}

/* ------------------------------------------------------------------ tests */

static void test_defaults(void)
{
    ptrcheck_config_t cfg;
    ptrcheck_error_t err;
    size_t i;

    ptrcheck_error_clear(&err);
    CHECK(ptrcheck_config_init(&cfg, &err));
    CHECK(cfg.path == NULL);
    CHECK(cfg.nchecks == 1);
    CHECK_STR(cfg.checks[0], "ptrcheck-*");
    CHECK(cfg.ntargets == 6);
    CHECK(cfg.targets_given == 0); /* Windows counts only with Windows intent */
    CHECK_STR(cfg.targets[0], "x86_64-linux-gnu");
    CHECK_STR(cfg.targets[1], "aarch64-linux-gnu");
    CHECK_STR(cfg.targets[2], "i686-linux-gnu");
    CHECK_STR(cfg.targets[3], "armv7-linux-gnueabihf");
    CHECK_STR(cfg.targets[4], "x86_64-pc-windows-msvc");
    CHECK_STR(cfg.targets[5], "arm64-apple-darwin");
    CHECK(cfg.strict_provenance == 0);
    CHECK(cfg.report_portable_literals == 0);
    CHECK(cfg.infer_slice_types == 1);
    CHECK(cfg.nlayout_tables == 0 && cfg.nslice_types == 0);
    CHECK(cfg.nretaining_functions == 0 && cfg.nborrowed_functions == 0);
    CHECK(cfg.system_headers == 0);
    for (i = 0; i < (size_t)PTRCHECK_CHECK_COUNT; i++)
        CHECK(ptrcheck_config_check_enabled(&cfg, (ptrcheck_check_t)i) ==
              ptrcheck_check_info((ptrcheck_check_t)i)->default_on);
    for (i = 0; i < cfg.ntargets; i++)
        CHECK(ptrcheck_target_parse(cfg.targets[i], NULL));
    ptrcheck_config_fini(&cfg);
    CHECK(cfg.checks == NULL && cfg.nchecks == 0);
    ptrcheck_config_fini(&cfg); /* twice is harmless */
    ptrcheck_config_fini(NULL);
}

static void test_empty_files(void)
{
    static const char *const texts[] = {"", "# only a comment\n", "\n\n   \n", "---\n", "--- ~\n", "--- # comment\n...\n"};
    size_t i;

    for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        ptrcheck_config_t cfg;
        ptrcheck_error_t err;
        char buf[2300];
        ptrcheck_config_init(&cfg, &err);
        CHECK(load(&cfg, texts[i], &err));
        if (err.status)
            fprintf(stderr, "  text %zu: %s\n", i, ptrcheck_error_format(&err, buf, sizeof(buf)));
        CHECK(cfg.ntargets == 6 && cfg.nchecks == 1);
        CHECK_STR(cfg.path, "t.yaml");
        ptrcheck_config_fini(&cfg);
    }
}

static void test_full_file(void)
{
    ptrcheck_config_t cfg;
    ptrcheck_error_t err;
    char buf[2300];

    ptrcheck_error_clear(&err);
    ptrcheck_config_init(&cfg, &err);
    CHECK(ptrcheck_config_load_file(&cfg, FIXTURE("good-full.yaml"), &err));
    if (err.status)
        fprintf(stderr, "  %s\n", ptrcheck_error_format(&err, buf, sizeof(buf)));
    CHECK_STR(cfg.path, FIXTURE("good-full.yaml"));
    CHECK(cfg.nchecks == 2);
    CHECK(enabled(&cfg, "int-roundtrip"));
    CHECK(!enabled(&cfg, "ptr-truncation"));
    CHECK(cfg.ntargets == 2);
    CHECK_STR(cfg.targets[0], "x86_64-linux-gnu");
    CHECK_STR(cfg.targets[1], "x86_64-pc-windows-msvc");
    CHECK(cfg.strict_provenance == 1);
    CHECK(cfg.nlayout_tables == 2);
    if (cfg.nlayout_tables == 2) {
        CHECK_STR(cfg.layout_tables[0], FIXTURE("layouts/linux.yaml"));
        CHECK_STR(cfg.layout_tables[1], "/opt/layouts/win64.yaml");
    }
    CHECK(cfg.report_portable_literals == 1);
    CHECK(cfg.nslice_types == 2);
    if (cfg.nslice_types == 2) {
        CHECK_STR(cfg.slice_types[0].type, "struct span");
        CHECK_STR(cfg.slice_types[0].data, "ptr");
        CHECK_STR(cfg.slice_types[0].len, "count");
        CHECK(cfg.slice_types[0].cap == NULL);
        CHECK(cfg.slice_types[0].unit_bytes == 0);
        CHECK_STR(cfg.slice_types[1].type, "buf_t");
        CHECK_STR(cfg.slice_types[1].cap, "size");
        CHECK(cfg.slice_types[1].unit_bytes == 1);
    }
    CHECK(cfg.infer_slice_types == 0);
    CHECK(cfg.nretaining_functions == 2);
    if (cfg.nretaining_functions == 2) {
        CHECK_STR(cfg.retaining_functions[0].name, "list_*_push");
        CHECK(cfg.retaining_functions[0].arg == 2);
        CHECK_STR(cfg.retaining_functions[1].name, "cache_put");
        CHECK(cfg.retaining_functions[1].arg == 1);
    }
    CHECK(cfg.nborrowed_functions == 2);
    if (cfg.nborrowed_functions == 2)
        CHECK_STR(cfg.borrowed_functions[0], "*_peek");
    CHECK(cfg.system_headers == 1);
    ptrcheck_config_fini(&cfg);

    /* the fixtures that must load */
    ptrcheck_config_init(&cfg, &err);
    CHECK(ptrcheck_config_load_file(&cfg, FIXTURE("empty.yaml"), &err));
    CHECK(ptrcheck_config_load_file(&cfg, FIXTURE("comments-only.yaml"), &err));
    CHECK(cfg.ntargets == 6);
    ptrcheck_config_fini(&cfg);

    /* the shipped default configuration is valid and equals the built-in defaults */
    ptrcheck_config_init(&cfg, &err);
    CHECK(ptrcheck_config_load_file(&cfg, PTRCHECK_TESTDATA_DIR "/../share/default.ptrcheck.yaml", &err));
    CHECK(cfg.ntargets == 6 && cfg.nchecks == 1 && cfg.strict_provenance == 0 && cfg.system_headers == 0);
    ptrcheck_config_fini(&cfg);
}

static void test_replace_and_layering(void)
{
    ptrcheck_config_t cfg;
    ptrcheck_error_t err;

    /* a key replaces the default list, it does not append */
    ptrcheck_config_init(&cfg, &err);
    CHECK(cfg.targets_given == 0);
    CHECK(load(&cfg, "targets: [x86_64-linux-gnu]\n", &err));
    CHECK(cfg.ntargets == 1);
    CHECK(cfg.targets_given == 1); /* used as given */
    CHECK_STR(cfg.targets[0], "x86_64-linux-gnu");
    CHECK(cfg.nchecks == 1); /* untouched */

    /* a second file keeps what it does not mention */
    CHECK(load(&cfg, "strict-provenance: true\n", &err));
    CHECK(cfg.ntargets == 1 && cfg.strict_provenance == 1);

    /* a failed load changes nothing */
    CHECK(!load(&cfg, "targets: [i686-linux-gnu]\nstrict-provenance: false\nbogus: 1\n", &err));
    CHECK(cfg.ntargets == 1);
    CHECK_STR(cfg.targets[0], "x86_64-linux-gnu");
    CHECK(cfg.strict_provenance == 1);
    CHECK_STR(cfg.path, "t.yaml");
    ptrcheck_config_fini(&cfg);

    /* booleans: YAML 1.1 spellings */
    ptrcheck_config_init(&cfg, &err);
    CHECK(load(&cfg, "strict-provenance: on\ninfer-slice-types: no\nreport-portable-literals: True\n", &err));
    CHECK(cfg.strict_provenance == 1 && cfg.infer_slice_types == 0 && cfg.report_portable_literals == 1);
    CHECK(load(&cfg, "strict-provenance: off\ninfer-slice-types: YES\nreport-portable-literals: false\n", &err));
    CHECK(cfg.strict_provenance == 0 && cfg.infer_slice_types == 1 && cfg.report_portable_literals == 0);

    /* list keys with every entry commented out are empty lists */
    CHECK(load(&cfg, "borrowed-functions:\n#  - foo\nlayout-tables: []\nslice-types:\nretaining-functions: []\n", &err));
    CHECK(cfg.nborrowed_functions == 0 && cfg.nlayout_tables == 0);
    ptrcheck_config_fini(&cfg);

    /* layout-tables: relative to the configuration file's directory */
    ptrcheck_config_init(&cfg, &err);
    CHECK(ptrcheck_config_load_string(&cfg, "/proj/sub/.ptrcheck.yaml", "layout-tables: [t/a.yaml, /abs/b.yaml]\n",
                                      strlen("layout-tables: [t/a.yaml, /abs/b.yaml]\n"), &err));
    CHECK(cfg.nlayout_tables == 2);
    if (cfg.nlayout_tables == 2) {
        CHECK_STR(cfg.layout_tables[0], "/proj/sub/t/a.yaml");
        CHECK_STR(cfg.layout_tables[1], "/abs/b.yaml");
    }
    CHECK(ptrcheck_config_load_string(&cfg, ".ptrcheck.yaml", "layout-tables: [t/a.yaml]\n",
                                      strlen("layout-tables: [t/a.yaml]\n"), &err));
    CHECK_STR(cfg.layout_tables[0], "t/a.yaml");
    ptrcheck_config_fini(&cfg);
}

static void test_check_selection(void)
{
    ptrcheck_config_t cfg;
    ptrcheck_error_t err;
    char buf[2300];

    /* a single comma-separated string, clang-tidy style */
    ptrcheck_config_init(&cfg, &err);
    CHECK(load(&cfg, "checks: '-*,ptrcheck-int-*'\n", &err));
    CHECK(cfg.nchecks == 2);
    CHECK_STR(cfg.checks[0], "-*");
    CHECK_STR(cfg.checks[1], "ptrcheck-int-*");
    CHECK(enabled(&cfg, "int-roundtrip"));
    CHECK(!enabled(&cfg, "ptr-truncation"));
    CHECK(!enabled(&cfg, "stack-escape"));

    /* the plugin's checks= comes after the file's globs and wins */
    CHECK(ptrcheck_config_add_check_globs(&cfg, " ptrcheck-ptr-truncation , -ptrcheck-int-roundtrip", &err));
    CHECK(cfg.nchecks == 4);
    CHECK_STR(cfg.checks[2], "ptrcheck-ptr-truncation");
    CHECK_STR(cfg.checks[3], "-ptrcheck-int-roundtrip");
    CHECK(!enabled(&cfg, "int-roundtrip"));
    CHECK(enabled(&cfg, "ptr-truncation"));
    CHECK(ptrcheck_config_add_check_globs(&cfg, "", &err));
    CHECK(ptrcheck_config_add_check_globs(&cfg, " , ,", &err));
    CHECK(cfg.nchecks == 4);

    /* a typo in a check name is an error, and adds nothing */
    CHECK(!ptrcheck_config_add_check_globs(&cfg, "ptrcheck-*,ptrcheck-int-rountrip", &err));
    CHECK_STR(ptrcheck_error_format(&err, buf, sizeof(buf)),
              "error: unknown check 'ptrcheck-int-rountrip' in the check list; did you mean "
              "'ptrcheck-int-roundtrip'?");
    CHECK(err.status == PTRCHECK_ERR_USAGE);
    CHECK(cfg.nchecks == 4);
    CHECK(!ptrcheck_config_add_check_globs(&cfg, "-int-roundtrip", &err));
    CHECK_STR(err.message, "unknown check '-int-roundtrip' in the check list; did you mean 'ptrcheck-int-roundtrip'?");
    ptrcheck_config_fini(&cfg);

    /* sequences; entries may themselves be comma lists; whitespace trimmed; later entries win */
    ptrcheck_config_init(&cfg, &err);
    CHECK(load(&cfg, "checks:\n  - '*'\n  - ' - ptrcheck-ptr-truncation , -ptrcheck-stack-escape'\n", &err));
    CHECK(cfg.nchecks == 3);
    CHECK_STR(cfg.checks[1], "-ptrcheck-ptr-truncation");
    CHECK(enabled(&cfg, "int-roundtrip"));
    CHECK(enabled(&cfg, "slice-forge"));
    CHECK(!enabled(&cfg, "ptr-truncation"));
    CHECK(!enabled(&cfg, "stack-escape"));
    CHECK(load(&cfg, "checks: [-ptrcheck-*, ptrcheck-stack-escape, ptrcheck-?tack-*]\n", &err));
    CHECK(enabled(&cfg, "stack-escape"));
    CHECK(!enabled(&cfg, "int-roundtrip"));
    /* an empty list disables everything (start disabled) */
    CHECK(load(&cfg, "checks: []\n", &err));
    CHECK(cfg.nchecks == 0);
    CHECK(!enabled(&cfg, "int-roundtrip"));
    /* globs matching nothing are fine (a newer ptrcheck may have those checks) */
    CHECK(load(&cfg, "checks: ['ptrcheck-future-*']\n", &err));
    CHECK(!enabled(&cfg, "int-roundtrip"));
    CHECK(!ptrcheck_config_check_enabled(NULL, ptrcheck_check_lookup("int-roundtrip")));
    CHECK(!ptrcheck_config_check_enabled(&cfg, PTRCHECK_CHECK_COUNT));
    ptrcheck_config_fini(&cfg);
}

static void test_errors(void)
{
    char buf[2300];
    char text[256];

    /* unknown keys, with a suggestion when one is close */
    CHECK_STR(ERROR_OF("strict_provenance: true\n"),
              "t.yaml:1:1: error: unknown key 'strict_provenance'; did you mean 'strict-provenance'?");
    CHECK_STR(ERROR_OF("checks: []\n  # c\nCheck: x\n"), "t.yaml:3:1: error: unknown key 'Check'; did you mean 'checks'?");
    CHECK_STR(ERROR_OF("target:\n  - x86_64-linux-gnu\n"),
              "t.yaml:1:1: error: unknown key 'target'; did you mean 'targets'?");
    CHECK_STR(ERROR_OF("frobnicate: 1\n"),
              "t.yaml:1:1: error: unknown key 'frobnicate' (known keys: checks, targets, strict-provenance, "
              "layout-tables, report-portable-literals, slice-types, infer-slice-types, retaining-functions, "
              "borrowed-functions, exclude, header-filter, system-headers)");
    CHECK_STR(ERROR_OF("? [a]\n: b\n"), "t.yaml:1:3: error: keys in .ptrcheck.yaml must be strings");

    /* wrong types */
    CHECK_STR(ERROR_OF("targets: x86_64-linux-gnu\n"), "t.yaml:1:10: error: 'targets' must be a sequence of strings");
    CHECK_STR(ERROR_OF("targets:\n  - x86_64-linux-gnu\n  - [i686-linux-gnu]\n"),
              "t.yaml:3:5: error: 'targets' must be a sequence of strings");
    CHECK_STR(ERROR_OF("targets:\n"), "t.yaml:1:9: error: 'targets' must be a sequence of strings");
    CHECK_STR(ERROR_OF("targets: []\n"), "t.yaml:1:10: error: 'targets' must list at least one target triple");
    CHECK_STR(ERROR_OF("targets:\n  - x86_64-linux-gnu\n  - x86_46-linux-gnu\n"),
              "t.yaml:3:5: error: unknown target triple 'x86_46-linux-gnu' (expected e.g. x86_64-linux-gnu, "
              "x86_64-pc-windows-msvc, armv7-linux-gnueabihf)");
    CHECK_STR(ERROR_OF("checks: {a: b}\n"),
              "t.yaml:1:9: error: 'checks' must be a sequence of strings or a comma-separated string");
    CHECK_STR(ERROR_OF("checks:\n  - ptrcheck-*\n  - {a: b}\n"),
              "t.yaml:3:5: error: 'checks' must be a sequence of strings");
    CHECK_STR(ERROR_OF("checks: [ptrcheck-int-rountrip]\n"),
              "t.yaml:1:10: error: unknown check 'ptrcheck-int-rountrip' in 'checks'; did you mean "
              "'ptrcheck-int-roundtrip'?");
    CHECK_STR(ERROR_OF("checks: 'int-roundtrip'\n"),
              "t.yaml:1:9: error: unknown check 'int-roundtrip' in 'checks'; did you mean 'ptrcheck-int-roundtrip'?");
    CHECK_STR(ERROR_OF("checks: 'clang-analyzer-core'\n"),
              "t.yaml:1:9: error: unknown check 'clang-analyzer-core' in 'checks' (see ptrcheck --list-checks)");
    CHECK_STR(ERROR_OF("strict-provenance: maybe\n"),
              "t.yaml:1:20: error: 'strict-provenance' must be a boolean (true or false)");
    CHECK_STR(ERROR_OF("strict-provenance: 'true'\n"),
              "t.yaml:1:20: error: 'strict-provenance' must be a boolean (true or false)");
    CHECK_STR(ERROR_OF("infer-slice-types: [true]\n"),
              "t.yaml:1:20: error: 'infer-slice-types' must be a boolean (true or false)");
    CHECK_STR(ERROR_OF("layout-tables: a.yaml\n"), "t.yaml:1:16: error: 'layout-tables' must be a sequence of strings");
    CHECK_STR(ERROR_OF("layout-tables: ['']\n"), "t.yaml:1:17: error: an entry of 'layout-tables' must not be empty");
    CHECK_STR(ERROR_OF("borrowed-functions: [f, {g: 1}]\n"),
              "t.yaml:1:25: error: 'borrowed-functions' must be a sequence of strings");

    /* slice-types and retaining-functions entries */
    CHECK_STR(ERROR_OF("slice-types: {type: a}\n"), "t.yaml:1:14: error: 'slice-types' must be a sequence of mappings");
    CHECK_STR(ERROR_OF("slice-types:\n  - buf_t\n"), "t.yaml:2:5: error: 'slice-types' must be a sequence of mappings");
    CHECK_STR(ERROR_OF("slice-types:\n  - {type: buf_t, data: p}\n"),
              "t.yaml:2:5: error: slice-types entry is missing required key 'len'");
    CHECK_STR(ERROR_OF("slice-types:\n  - type: buf_t\n    data: p\n    lenght: n\n"),
              "t.yaml:4:5: error: unknown key 'lenght' in a slice-types entry; did you mean 'len'?");
    CHECK_STR(ERROR_OF("slice-types:\n  - {type: b, data: p, len: n, unit: words}\n"),
              "t.yaml:2:38: error: 'unit' in a slice-types entry must be 'elements' or 'bytes'");
    CHECK_STR(ERROR_OF("slice-types:\n  - {type: b, data: p, len: n, len: m}\n"),
              "t.yaml:2:32: error: duplicate key 'len' in a slice-types entry (first given at line 2)");
    CHECK_STR(ERROR_OF("slice-types:\n  - {type: [b], data: p, len: n}\n"),
              "t.yaml:2:12: error: 'type' in a slice-types entry must be a string");
    CHECK_STR(ERROR_OF("retaining-functions:\n  - {name: f, arg: 0}\n"),
              "t.yaml:2:20: error: 'arg' must be a positive integer (1 is the first argument)");
    CHECK_STR(ERROR_OF("retaining-functions:\n  - {name: f, arg: -1}\n"),
              "t.yaml:2:20: error: 'arg' must be a positive integer (1 is the first argument)");
    CHECK_STR(ERROR_OF("retaining-functions:\n  - {name: f, arg: '2'}\n"),
              "t.yaml:2:20: error: 'arg' must be a positive integer (1 is the first argument)");
    CHECK_STR(ERROR_OF("retaining-functions:\n  - {arg: 2}\n"),
              "t.yaml:2:5: error: retaining-functions entry is missing required key 'name'");
    CHECK_STR(ERROR_OF("retaining-functions:\n  - {name: f, argument: 2}\n"),
              "t.yaml:2:15: error: unknown key 'argument' in a retaining-functions entry; did you mean 'arg'?");

    /* duplicates */
    CHECK_STR(ERROR_OF("checks: []\ntargets: [x86_64-linux-gnu]\nchecks: ['*']\n"),
              "t.yaml:3:1: error: duplicate key 'checks' (first given at line 1)");

    /* document shape */
    CHECK_STR(ERROR_OF("- checks\n"),
              "t.yaml:1:1: error: the top level of .ptrcheck.yaml must be a mapping (key: value)");
    CHECK_STR(ERROR_OF("hello\n"), "t.yaml:1:1: error: the top level of .ptrcheck.yaml must be a mapping (key: value)");
    CHECK_STR(ERROR_OF("checks: []\n---\ntargets: [i686-linux-gnu]\n"),
              "t.yaml:2:1: error: a .ptrcheck.yaml must contain a single YAML document");

    /* malformed YAML: libyaml's problem and its mark */
    CHECK_STR(ERROR_OF("checks: [a, b\n"),
              "t.yaml:2:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence "
              "that started at line 1, column 9)");
    CHECK_STR(ERROR_OF("checks:\n\t- ptrcheck-*\n"),
              "t.yaml:2:1: error: invalid YAML: found character that cannot start any token (while scanning for "
              "the next token)");
    CHECK_STR(ERROR_OF("checks: 'abc\n"),
              "t.yaml:2:1: error: invalid YAML: found unexpected end of stream (while scanning a quoted scalar "
              "that started at line 1, column 9)");
    CHECK_STR(ERROR_OF("a: b: c\n"), "t.yaml:1:5: error: invalid YAML: mapping values are not allowed in this context");

    /* anchors and aliases are refused (alias bombs) */
    CHECK_STR(ERROR_OF("checks: *x\n"), "t.yaml:1:9: error: aliases are not allowed in .ptrcheck.yaml");
    CHECK_STR(ERROR_OF("checks: &x ['*']\n"),
              "t.yaml:1:9: error: anchors (&x) and aliases are not allowed in .ptrcheck.yaml");

    /* nesting: 32 levels are accepted by the reader, 33 are not */
    strcpy(text, "checks: ");
    memset(text + 8, '[', 31);
    memset(text + 39, ']', 31);
    strcpy(text + 70, "\n");
    CHECK_STR(ERROR_OF(text), "t.yaml:1:10: error: 'checks' must be a sequence of strings");
    strcpy(text, "checks: ");
    memset(text + 8, '[', 32);
    memset(text + 40, ']', 32);
    strcpy(text + 72, "\n");
    CHECK_STR(ERROR_OF(text), "t.yaml:1:40: error: nesting deeper than 32 levels is not allowed in .ptrcheck.yaml");

    /* binary input */
    CHECK_STR(error_of_len("checks: []\nab\0cd", 16, buf, sizeof(buf)),
              "t.yaml:2:3: error: not a text file: it contains a NUL byte");
    CHECK_STR(ERROR_OF("checks: [\xff]\n"),
              "t.yaml:1:10: error: not a UTF-8 text file: invalid leading UTF-8 octet (0xFF)");
    CHECK_STR(ERROR_OF("checks: ['\xc3\xa9', \x01]\n"),
              "t.yaml:1:15: error: not a UTF-8 text file: control characters are not allowed (0x01)");
    CHECK_STR(ERROR_OF("targets: [\"x86_64\\0-linux\"]\n"),
              "t.yaml:1:11: error: 'targets' must be a sequence of strings");
}

static void test_files(void)
{
    ptrcheck_config_t cfg;
    ptrcheck_error_t err;
    char buf[2300];

    ptrcheck_config_init(&cfg, &err);

    CHECK(!ptrcheck_config_load_file(&cfg, FIXTURE("bad-unknown-key.yaml"), &err));
    CHECK_STR(ptrcheck_error_format(&err, buf, sizeof(buf)),
              FIXTURE("bad-unknown-key.yaml") ":3:1: error: unknown key 'strict_provenance'; did you mean "
                                              "'strict-provenance'?");
    CHECK(err.status == PTRCHECK_ERR_CONFIG);
    CHECK(!ptrcheck_config_load_file(&cfg, FIXTURE("bad-tab.yaml"), &err));
    CHECK(err.line == 3 && err.col == 1);
    CHECK(!ptrcheck_config_load_file(&cfg, FIXTURE("bad-duplicate-key.yaml"), &err));
    CHECK_STR(err.message, "duplicate key 'targets' (first given at line 1)");
    CHECK(err.line == 3 && err.col == 1);
    CHECK(!ptrcheck_config_load_file(&cfg, FIXTURE("bad-wrong-type.yaml"), &err));
    CHECK(err.line == 1 && err.col == 10);
    CHECK(!ptrcheck_config_load_file(&cfg, FIXTURE("bad-alias-bomb.yaml"), &err));
    CHECK_STR(err.message, "anchors (&a) and aliases are not allowed in .ptrcheck.yaml");
    CHECK(err.line == 2 && err.col == 4);
    CHECK(!ptrcheck_config_load_file(&cfg, FIXTURE("bad-top-level-sequence.yaml"), &err));
    CHECK(err.line == 1 && err.col == 1);
    CHECK(!ptrcheck_config_load_file(&cfg, FIXTURE("bad-unknown-target.yaml"), &err));
    CHECK(err.line == 3 && err.col == 5);

    /* a directory, a missing file */
    CHECK(!ptrcheck_config_load_file(&cfg, PTRCHECK_TESTDATA_DIR "/config", &err));
    CHECK_STR(ptrcheck_error_format(&err, buf, sizeof(buf)),
              PTRCHECK_TESTDATA_DIR "/config: error: is a directory; expected a .ptrcheck.yaml file");
    CHECK(!ptrcheck_config_load_file(&cfg, FIXTURE("no-such-file.yaml"), &err));
    CHECK_STR(ptrcheck_error_format(&err, buf, sizeof(buf)),
              FIXTURE("no-such-file.yaml") ": error: cannot open configuration file: No such file or directory");
    CHECK(err.status == PTRCHECK_ERR_IO);
    CHECK(!ptrcheck_config_load_file(&cfg, "/dev/null", &err));
    CHECK_STR(err.message, "is not a regular file; expected a .ptrcheck.yaml file");
    CHECK(!ptrcheck_config_load_file(&cfg, NULL, &err));
    CHECK(err.status == PTRCHECK_ERR_USAGE);

    /* nothing above changed the defaults */
    CHECK(cfg.ntargets == 6 && cfg.nchecks == 1 && cfg.path == NULL);
    ptrcheck_config_fini(&cfg);
}

/* Removes the tree test_find builds (fixed names, no recursion needed). */
static void remove_tree(const char *root)
{
    static const char *const files[] = {"a/.ptrcheck.yaml", "a/b/c/.keep", "d/.ptrcheck.yaml/x", "bin.yaml",
                                        "e/.ptrcheck.yaml"};
    static const char *const dirs[] = {"d/.ptrcheck.yaml", "d/e", "d", "a/b/c", "a/b", "a", "e", "x/y", "x"};
    char path[PATH_MAX];
    size_t i;

    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s", root, files[i]);
        unlink(path);
    }
    for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s", root, dirs[i]);
        rmdir(path);
    }
    rmdir(root);
}

static void test_find(void)
{
    char tmpl[PATH_MAX], real[PATH_MAX], path[PATH_MAX], expect[PATH_MAX + 32], buf[2300];
    ptrcheck_config_t cfg;
    ptrcheck_error_t err;
    char *found = NULL;
    const char *root;

    snprintf(tmpl, sizeof(tmpl), "%s/ptrcheck-unit-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    root = mkdtemp(tmpl);
    CHECK(root != NULL);
    if (!root)
        return;
    CHECK(realpath(root, real) != NULL);

#define P(rel) (snprintf(path, sizeof(path), "%s/%s", root, rel), path)
    mkdir(P("a"), 0755);
    mkdir(P("a/b"), 0755);
    mkdir(P("a/b/c"), 0755);
    mkdir(P("d"), 0755);
    mkdir(P("d/e"), 0755);
    mkdir(P("d/.ptrcheck.yaml"), 0755);
    mkdir(P("x"), 0755);
    mkdir(P("x/y"), 0755);
    mkdir(P("e"), 0755);
    CHECK(write_file(P("a/.ptrcheck.yaml"), "targets: [x86_64-linux-gnu]\n", 28));
    CHECK(write_file(P("a/b/c/.keep"), "", 0));

    /* found from a subdirectory, upward */
    ptrcheck_error_clear(&err);
    CHECK(ptrcheck_config_find(P("a/b/c"), &found, &err));
    snprintf(expect, sizeof(expect), "%s/a/.ptrcheck.yaml", real);
    CHECK_STR(found, expect);
    ptrcheck_config_init(&cfg, &err);
    CHECK(found && ptrcheck_config_load_file(&cfg, found, &err));
    CHECK(cfg.ntargets == 1);
    ptrcheck_config_fini(&cfg);
    ptrcheck_free(found);
    found = NULL;

    /* in the directory itself; relative spellings are normalised */
    CHECK(ptrcheck_config_find(P("a/b/../."), &found, &err));
    CHECK_STR(found, expect);
    ptrcheck_free(found);
    found = NULL;

    /* nowhere in the temporary tree: NULL (or a file above it, outside our tree) */
    CHECK(ptrcheck_config_find(P("x/y"), &found, &err));
    CHECK(found == NULL || strncmp(found, real, strlen(real)) != 0);
    ptrcheck_free(found);
    found = NULL;

    /* a .ptrcheck.yaml that is a directory is an error, also when found from below */
    CHECK(!ptrcheck_config_find(P("d/e"), &found, &err));
    CHECK(found == NULL);
    snprintf(expect, sizeof(expect), "%s/d/.ptrcheck.yaml: error: is a directory; expected a .ptrcheck.yaml file",
             real);
    CHECK_STR(ptrcheck_error_format(&err, buf, sizeof(buf)), expect);

    /* a dangling symbolic link is an error, not silently skipped */
    CHECK(symlink("missing.yaml", P("e/.ptrcheck.yaml")) == 0);
    CHECK(!ptrcheck_config_find(P("e"), &found, &err));
    CHECK_STR(err.message, "is a broken symbolic link");

    /* a directory that does not exist */
    CHECK(!ptrcheck_config_find(P("no/such/dir"), &found, &err));
    CHECK(err.status == PTRCHECK_ERR_IO);
    CHECK(!ptrcheck_config_find(".", NULL, &err));

    /* a binary file on disk */
    CHECK(write_file(P("bin.yaml"), "\x7f" "ELF\x02\x01\x01\0\0\0", 10));
    ptrcheck_config_init(&cfg, &err);
    CHECK(!ptrcheck_config_load_file(&cfg, P("bin.yaml"), &err));
    CHECK(err.line == 1 && err.col == 8);
    CHECK(strstr(ptrcheck_error_format(&err, buf, sizeof(buf)), "bin.yaml:1:8: error: not a text file") != NULL);
    ptrcheck_config_fini(&cfg);
#undef P

    remove_tree(root);
}

int main(void)
{
    test_defaults();
    test_empty_files();
    test_full_file();
    test_replace_and_layering();
    test_check_selection();
    test_errors();
    test_files();
    test_find();
    return UNIT_SUMMARY();
}
