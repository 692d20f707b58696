#include <ptrcheck/ptrcheck.h>

#include <stdlib.h>

#include "unit.h"

static int model(const char *triple, unsigned ptr, unsigned lng, unsigned in)
{
    ptrcheck_target_t t;
    memset(&t, 0xAB, sizeof(t));
    if (!ptrcheck_target_parse(triple, &t)) {
        fprintf(stderr, "  not understood: %s\n", triple);
        return 0;
    }
    if (t.triple != triple || t.pointer_bits != ptr || t.long_bits != lng || t.int_bits != in) {
        fprintf(stderr, "  %s: pointer %u long %u int %u\n", triple, t.pointer_bits, t.long_bits, t.int_bits);
        return 0;
    }
    return 1;
}

/* Windows triples need Windows intent to count among the default targets (docs/config.md). */
static int windows(const char *triple, int want)
{
    ptrcheck_target_t t;
    if (!ptrcheck_target_parse(triple, &t) || t.windows != want) {
        fprintf(stderr, "  %s: windows %d, expected %d\n", triple, t.windows, want);
        return 0;
    }
    return 1;
}

/* The Windows macros each compiler predefines: which `#ifndef _WIN32`-style branches it never takes. */
static int win_macros(const char *triple, unsigned want)
{
    ptrcheck_target_t t;
    if (!ptrcheck_target_parse(triple, &t) || t.win_macros != want) {
        fprintf(stderr, "  %s: Windows macros %#x, expected %#x\n", triple, t.win_macros, want);
        return 0;
    }
    return 1;
}

/* A token list from a compact spelling: identifiers with a trailing '+' are defined here (value 1),
 * '*' derived, '^' predefined; numbers are numbers; everything else punctuators. */
static size_t toks(const char *spec, ptrcheck_pp_tok_t *out, char store[][32], size_t max)
{
    size_t n = 0;
    const char *p = spec;
    while (*p && n < max) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t len = strcspn(p, " ");
        memcpy(store[n], p, len);
        store[n][len] = 0;
        p += len;
        ptrcheck_pp_tok_t t = {PTRCHECK_PPT_PUNCT, store[n], 0, 0};
        char *s = store[n];
        if ((s[0] >= '0' && s[0] <= '9')) {
            t.kind = PTRCHECK_PPT_NUMBER;
            t.value = strtoll(s, NULL, 0);
            t.flags = PTRCHECK_PPI_VALUE;
        } else if (s[0] == '_' || (s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')) {
            t.kind = PTRCHECK_PPT_IDENT;
            for (size_t k = strlen(s); k && strchr("+*^", s[k - 1]); k--) {
                if (s[k - 1] == '+') {
                    t.flags |= PTRCHECK_PPI_DEFINED | PTRCHECK_PPI_VALUE;
                    t.value = 1;
                } else if (s[k - 1] == '*') {
                    t.flags |= PTRCHECK_PPI_DERIVED;
                } else {
                    t.flags |= PTRCHECK_PPI_PREDEFINED;
                }
                s[k - 1] = 0;
            }
        }
        out[n++] = t;
    }
    return n;
}

static int eval_is(const char *spec, const char *triple, int want)
{
    ptrcheck_pp_tok_t t[32];
    char store[32][32];
    size_t n = toks(spec, t, store, 32);
    int got = ptrcheck_pp_eval(t, n, triple, "x86_64-unknown-linux-gnu");
    if (got != want) {
        fprintf(stderr, "  `%s` on %s: %d, expected %d\n", spec, triple, got, want);
        return 0;
    }
    return 1;
}

/* Conditions on other targets' identities, three-valued; the compiling target's own identity holds. */
static int conditions(void)
{
    const char *msvc = "x86_64-pc-windows-msvc", *mingw = "x86_64-w64-windows-gnu", *arm = "aarch64-linux-gnu";
    return eval_is("! defined _WIN32", msvc, 0) && eval_is("! defined _WIN32", arm, 1) &&
           eval_is("! ( defined ( _MSC_VER ) || defined ( __MINGW64__ ) )", mingw, 0) &&
           eval_is("! defined __MINGW32__", msvc, 1) && eval_is("! defined __MINGW32__", mingw, 0) &&
           eval_is("defined ( __GNUC__+ ) && defined ( __x86_64__+ ) && ! defined ( _WIN64 )", msvc, 0) &&
           eval_is("defined ( __GNUC__+ ) && defined ( __x86_64__+ ) && ! defined ( _WIN64 )", mingw, 0) &&
           eval_is("defined ( __GNUC__+ ) && defined ( __x86_64__+ )", arm, 0) &&
           eval_is("defined ( __x86_64__+ ) || defined ( _M_X64 )", msvc, 1) &&
           eval_is("defined __x86_64__+", msvc, -1) && eval_is("defined __x86_64__+", "x86_64-linux-gnu", 1) &&
           eval_is("__SIZEOF_POINTER__+ == 8", "i686-linux-gnu", 0) &&
           eval_is("__SIZEOF_LONG__+ == 8", mingw, 0) && eval_is("__SIZEOF_LONG__+ == 8", arm, 1) &&
           eval_is("defined ( PLAT_amd64_linux+* )", arm, -1) &&
           eval_is("defined ( PLAT_amd64_linux+* )", "x86_64-linux-gnu", 1) &&
           eval_is("defined ( __SSE2__+^ )", arm, -1) && eval_is("defined ( __OPTIMIZE__+^ ) && defined _WIN32", arm, 0) &&
           eval_is("HAVE_X+ && ! defined _WIN32", msvc, 0) && eval_is("HAVE_X+ && ! defined _WIN32", arm, 1) &&
           eval_is("defined __linux__+ && FOO ( 1 )", arm, -1) && eval_is("defined __linux__+ && FOO ( 1 )", msvc, 0) &&
           eval_is("defined ( __linux__+", arm, -1) && eval_is("__GNUC__+ >= 1 ? 1 : defined _WIN32", arm, 1) &&
           eval_is("__GNUC__+ >= 4 ? 1 : 0", msvc, 0);
}

/* Names on the target's identity are dependent whatever character they start with; include guards
   and project macros are not. */
static int dependent_names(void)
{
    static const char *const dep[] = {"_WIN32", "_MSC_VER", "_M_X64", "_AIX", "_LP64", "_ILP32", "__x86_64__",
                                      "__SIZEOF_LONG__", "WIN32", "linux", "unix", "i386"};
    static const char *const indep[] = {"_STDIO_H", "SQLITE_H", "HAVE_CONFIG_H", "_", "W", "WINDOW", "x", ""};
    for (size_t i = 0; i < sizeof dep / sizeof *dep; i++)
        if (!ptrcheck_pp_target_dependent(dep[i], PTRCHECK_PPI_DEFINED)) {
            fprintf(stderr, "  %s: not dependent\n", dep[i]);
            return 0;
        }
    for (size_t i = 0; i < sizeof indep / sizeof *indep; i++)
        if (ptrcheck_pp_target_dependent(indep[i], PTRCHECK_PPI_DEFINED)) {
            fprintf(stderr, "  %s: dependent\n", indep[i]);
            return 0;
        }
    return 1;
}

/* An engine compiling for x86_64 Linux whose a.c shows Windows intent at its first line; NULL on failure. */
static ptrcheck_engine_t *windows_intent_engine(void)
{
    ptrcheck_config_t cfg;
    ptrcheck_error_t err;
    ptrcheck_error_clear(&err);
    if (!ptrcheck_config_init(&cfg, &err))
        return NULL;
    ptrcheck_engine_t *e = ptrcheck_engine_create(&cfg, &err);
    if (!e)
        return NULL;
    ptrcheck_engine_set_compiling_triple(e, "x86_64-unknown-linux-gnu");
    ptrcheck_engine_note_windows_intent(e, (ptrcheck_loc_t){.file = "a.c", .line = 1, .col = 1}, "tests '_WIN32'");
    return e;
}

/* A region's condition leaves out exactly the targets where it is false or not known. */
static int regions(void)
{
    ptrcheck_engine_t *e = windows_intent_engine();
    if (!e)
        return 0;
    ptrcheck_pp_tok_t c1[8], c2[8];
    char s1[8][32], s2[8][32];
    size_t n1 = toks("! ( defined _MSC_VER )", c1, s1, 8), n2 = toks("! defined _WIN32", c2, s2, 8);
    int ok = ptrcheck_engine_note_pp_region(e, "a.c", 10, 20, c1, n1) &&
             ptrcheck_engine_note_pp_region(e, "a.c", 30, 40, c2, n2) &&
             !ptrcheck_engine_note_pp_region(e, "a.c", 30, 40, c2, 0);
    ptrcheck_loc_t in_msc = {.file = "a.c", .line = 15}, in_win = {.file = "a.c", .line = 30};
    ptrcheck_loc_t out = {.file = "a.c", .line = 25}, other = {.file = "b.c", .line = 15};
    ok = ok && !ptrcheck_engine_target_in_scope_at(e, "x86_64-pc-windows-msvc", in_msc) &&
         ptrcheck_engine_target_in_scope_at(e, "x86_64-w64-windows-gnu", in_msc) &&
         !ptrcheck_engine_target_in_scope_at(e, "x86_64-w64-windows-gnu", in_win) &&
         ptrcheck_engine_target_in_scope_at(e, "x86_64-pc-windows-msvc", out) &&
         ptrcheck_engine_target_in_scope_at(e, "x86_64-pc-windows-msvc", other) &&
         ptrcheck_engine_target_in_scope_at(e, "x86_64-linux-gnu", in_win);
    ptrcheck_engine_destroy(e);
    return ok;
}

/* A region source is asked once, on the first question that needs the regions, and not before. */
struct source_s {
    int calls;
};
static void note_source(void *user, ptrcheck_engine_t *e)
{
    struct source_s *s = user;
    ptrcheck_pp_tok_t c[8];
    char st[8][32];
    size_t n = toks("! defined _WIN32", c, st, 8);
    s->calls++;
    ptrcheck_engine_note_pp_region(e, "a.c", 30, 40, c, n);
}
static int region_source(void)
{
    struct source_s src = {0};
    ptrcheck_engine_t *e = windows_intent_engine();
    if (!e)
        return 0;
    ptrcheck_engine_set_region_source(e, note_source, &src);
    ptrcheck_loc_t in_win = {.file = "a.c", .line = 35}, out = {.file = "a.c", .line = 50};
    int ok = src.calls == 0 && !ptrcheck_engine_target_in_scope_at(e, "x86_64-pc-windows-msvc", in_win) &&
             src.calls == 1 && ptrcheck_engine_target_in_scope_at(e, "x86_64-pc-windows-msvc", out) &&
             ptrcheck_engine_target_in_scope_at(e, "x86_64-linux-gnu", in_win) && src.calls == 1;
    ptrcheck_engine_destroy(e);
    return ok;
}

int main(void)
{
    CHECK(conditions());
    CHECK(dependent_names());
    CHECK(regions());
    CHECK(region_source());
    CHECK(win_macros("x86_64-pc-windows-msvc", PTRCHECK_WIN_WIN32 | PTRCHECK_WIN_WIN64 | PTRCHECK_WIN_MSC));
    CHECK(win_macros("i686-pc-windows-msvc", PTRCHECK_WIN_WIN32 | PTRCHECK_WIN_MSC));
    CHECK(win_macros("x86_64-w64-mingw32",
                     PTRCHECK_WIN_WIN32 | PTRCHECK_WIN_WIN64 | PTRCHECK_WIN_MINGW32 | PTRCHECK_WIN_MINGW64));
    CHECK(win_macros("x86_64-w64-windows-gnu",
                     PTRCHECK_WIN_WIN32 | PTRCHECK_WIN_WIN64 | PTRCHECK_WIN_MINGW32 | PTRCHECK_WIN_MINGW64));
    CHECK(win_macros("i686-w64-mingw32", PTRCHECK_WIN_WIN32 | PTRCHECK_WIN_MINGW32));
    CHECK(win_macros("x86_64-linux-gnu", 0));
    CHECK(win_macros("x86_64-unknown-uefi", 0));

    CHECK(windows("x86_64-pc-windows-msvc", 1));
    CHECK(windows("x86_64-w64-mingw32", 1));
    CHECK(windows("i686-pc-win32", 1));
    CHECK(windows("aarch64-pc-windows-gnu", 1));
    CHECK(windows("x86_64-unknown-uefi", 0));
    CHECK(windows("x86_64-linux-gnu", 0));
    CHECK(windows("arm64-apple-darwin", 0));

    /* the six default targets */
    CHECK(model("x86_64-linux-gnu", 64, 64, 32));
    CHECK(model("aarch64-linux-gnu", 64, 64, 32));
    CHECK(model("i686-linux-gnu", 32, 32, 32));
    CHECK(model("armv7-linux-gnueabihf", 32, 32, 32));
    CHECK(model("x86_64-pc-windows-msvc", 64, 32, 32));
    CHECK(model("arm64-apple-darwin", 64, 64, 32));

    /* LP64 */
    CHECK(model("x86_64-unknown-linux-gnu", 64, 64, 32));
    CHECK(model("amd64-unknown-freebsd", 64, 64, 32));
    CHECK(model("x86_64", 64, 64, 32));
    CHECK(model("aarch64-unknown-linux-musl", 64, 64, 32));
    CHECK(model("arm64-apple-macosx14.0.0", 64, 64, 32));
    CHECK(model("riscv64-linux-gnu", 64, 64, 32));
    CHECK(model("powerpc64le-linux-gnu", 64, 64, 32));
    CHECK(model("ppc64-ibm-aix", 64, 64, 32));
    CHECK(model("mips64el-linux-gnuabi64", 64, 64, 32));
    CHECK(model("s390x-linux-gnu", 64, 64, 32));
    CHECK(model("wasm64-unknown-unknown", 64, 64, 32));
    CHECK(model("sparcv9-sun-solaris", 64, 64, 32));
    CHECK(model("loongarch64-linux-gnu", 64, 64, 32));
    CHECK(model("x86_64-pc-cygwin", 64, 64, 32));

    /* LLP64: 64-bit Windows in every spelling */
    CHECK(model("x86_64-w64-mingw32", 64, 32, 32));
    CHECK(model("x86_64-pc-windows-gnu", 64, 32, 32));
    CHECK(model("aarch64-pc-windows-msvc", 64, 32, 32));
    CHECK(model("x86_64-pc-win32", 64, 32, 32));
    CHECK(model("x86_64-unknown-uefi", 64, 32, 32));

    /* ILP32 */
    CHECK(model("i386-pc-windows-msvc", 32, 32, 32));
    CHECK(model("i586-linux-gnu", 32, 32, 32));
    CHECK(model("x86-pc-linux", 32, 32, 32));
    CHECK(model("arm-linux-gnueabi", 32, 32, 32));
    CHECK(model("armv7a-none-eabi", 32, 32, 32));
    CHECK(model("thumbv7m-none-eabi", 32, 32, 32));
    CHECK(model("riscv32-unknown-elf", 32, 32, 32));
    CHECK(model("powerpc-linux-gnu", 32, 32, 32));
    CHECK(model("mipsel-linux-gnu", 32, 32, 32));
    CHECK(model("wasm32-unknown-emscripten", 32, 32, 32));
    CHECK(model("sparc-sun-solaris", 32, 32, 32));
    CHECK(model("arm64_32-apple-watchos", 32, 32, 32));
    CHECK(model("x86_64-linux-gnux32", 32, 32, 32));

    /* 16-bit */
    CHECK(model("avr-none", 16, 32, 16));

    /* not understood */
    CHECK(!ptrcheck_target_parse("", NULL));
    CHECK(!ptrcheck_target_parse(NULL, NULL));
    CHECK(!ptrcheck_target_parse("x86-64-linux-gnu", NULL)); /* a mistyped x86_64, not 32-bit x86 */
    CHECK(!ptrcheck_target_parse("vax-dec-ultrix", NULL));
    CHECK(!ptrcheck_target_parse("-linux-gnu", NULL));
    CHECK(!ptrcheck_target_parse("x86_64--linux", NULL));
    CHECK(!ptrcheck_target_parse("x86_64-linux-", NULL));
    CHECK(!ptrcheck_target_parse("X86_64-linux-gnu", NULL));
    CHECK(!ptrcheck_target_parse("linux", NULL));
    CHECK(ptrcheck_target_parse("x86_64-linux-gnu", NULL)); /* out may be NULL */
    return UNIT_SUMMARY();
}
